"""What a run reads: the files named or found in folders, each file's content hash and its doc_id."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Iterator

from parsers import formats


def iter_input_files(paths: Iterable[Path], skipped: list[str]) -> Iterator[Path]:
    """Files as given, folders walked in sorted order. Links are not followed out of the folder
    (nor round in loops); devices, pipes and unsupported files are listed in ``skipped``."""
    for path in paths:
        if not path.is_dir():
            if not path.is_file():
                skipped.append(f"{path} (not a regular file)")  # a pipe would block the read forever
            elif not formats.is_supported(path):
                skipped.append(f"{path} (unsupported format)")
            else:
                yield path
            continue
        root = path.resolve()
        for folder, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in sorted(files):
                candidate = Path(folder) / name
                reason = _skip_reason(candidate, root)
                if reason is None:
                    yield candidate
                elif reason:
                    skipped.append(f"{candidate} ({reason})")


def _skip_reason(candidate: Path, root: Path) -> str | None:
    """None to read the file; '' to pass over it silently (hidden files)."""
    if candidate.name.startswith("."):
        return ""
    if candidate.is_symlink():
        try:
            target = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken or looping link"
        if root not in target.parents:
            return "link to a file outside the folder"
    if not candidate.is_file():
        return "not a regular file"
    if not formats.is_supported(candidate):
        return "unsupported format"
    return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_doc_id(sha256: str, source_path: Path | str) -> str:
    """One id per input file: the same content at two paths is two documents rows. The path enters as
    the bytes the OS holds (a name that is not valid UTF-8 is hashed as it is, never re-encoded)."""
    return hashlib.sha256(sha256.encode() + b"\n" + os.fsencode(source_path)).hexdigest()[:16]
