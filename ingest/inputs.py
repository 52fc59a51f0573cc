"""What a run reads: the files named or found in folders, each file's content hash and its doc_id."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Iterator

from parsers import formats
from parsers.fileio import file_sha256  # noqa: F401  (the run's content hash; re-exported)

ARCHIVE_EXTENSIONS = (".zip",)  # walked like folders (parsers.formats.archive), not read as one document

Skipped = tuple[str, str]  # (path, reason): each becomes a documents row with status 'skipped'


def is_listed(path: Path) -> bool:
    """A file a run takes: a registered format or an archive of them."""
    return formats.is_supported(path) or path.suffix.lower() in ARCHIVE_EXTENSIONS


def iter_input_files(paths: Iterable[Path], skipped: list[Skipped],
                     exclude: Iterable[Path] = ()) -> Iterator[Path]:
    """Files as given, folders walked in sorted order. Links are not followed out of the folder
    (nor round in loops); hidden files, Word lock files, devices, pipes, unsupported files and the
    folders in ``exclude`` (the run's own output) are listed in ``skipped`` with the reason."""
    excluded = {p.resolve() for p in exclude}
    for path in paths:
        if not path.is_dir():
            if not path.is_file():
                skipped.append((str(path), "not a regular file"))  # a pipe would block the read forever
            elif not is_listed(path):
                skipped.append((str(path), "unsupported format"))
            else:
                yield path
            continue
        root = path.resolve()
        for folder, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in list(dirs):
                reason = _skip_folder_reason(Path(folder) / name, excluded)
                if reason:
                    dirs.remove(name)
                    skipped.append((str(Path(folder) / name), reason))
            for name in sorted(files):
                candidate = Path(folder) / name
                reason = _skip_reason(candidate, root)
                if reason is None:
                    yield candidate
                else:
                    skipped.append((str(candidate), reason))


def _skip_folder_reason(folder: Path, excluded: set[Path]) -> str | None:
    if folder.name.startswith("."):
        return "hidden folder"
    if folder.resolve() in excluded:
        return "the run's own output folder"
    return None


def _skip_reason(candidate: Path, root: Path) -> str | None:
    """None to read the file, else why it is passed over."""
    if candidate.name.startswith("~$"):
        return "lock file (~$…) of an open document, not a document"
    if candidate.name.startswith("."):
        return "hidden file"
    if candidate.is_symlink():
        try:
            target = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken or looping link"
        if root not in target.parents:
            return "link to a file outside the folder"
    if not candidate.is_file():
        return "not a regular file"
    if not is_listed(candidate):
        return "unsupported format"
    return None


def make_doc_id(sha256: str, source_path: Path | str) -> str:
    """One id per input file: the same content at two paths is two documents rows. The path enters as
    the bytes the OS holds (a name that is not valid UTF-8 is hashed as it is, never re-encoded)."""
    return hashlib.sha256(sha256.encode() + b"\n" + os.fsencode(source_path)).hexdigest()[:16]
