"""Uploaded files into a temporary folder, and nowhere else: names reduced to a safe last part,
archives (a zip no format reads) unpacked member by member within the zip limits."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath

from parsers import formats
from parsers.errors import ParseError
from parsers.safety import check_zip, read_member, unsafe_member_name

UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


def safe_name(name: str, index: int) -> str:
    """A file name that cannot leave the folder it is written to: the last part of what the browser
    sent (a folder upload sends `dir/sub/file`), reserved characters replaced, numbered to be unique."""
    last = PurePosixPath((name or "").replace("\\", "/")).name
    last = UNSAFE.sub("_", last).strip(" .") or "upload"
    return f"{index:03d}_{last[-120:]}"


def display_name(path: Path) -> str:
    """The name the drafter gave the file (without the number ``safe_name`` put in front)."""
    return path.name.split("_", 1)[1] if re.match(r"^\d{3}_", path.name) else path.name


def is_archive(path: Path) -> bool:
    """A zip that no registered format claims (a Word file is a zip too)."""
    return zipfile.is_zipfile(path) and formats.detect(path) is None


def unpack(archive: Path, folder: Path, start: int) -> tuple[list[Path], list[str]]:
    """The archive's readable members written into ``folder``; the names of those refused."""
    written, refused = [], []
    try:
        infos = check_zip(archive, "zip archive")
    except ParseError as exc:
        return [], [f"{display_name(archive)}: {exc}"]
    with zipfile.ZipFile(archive) as zf:
        for info in infos:
            if info.is_dir():
                continue
            if unsafe_member_name(info.filename) or not formats.is_supported(Path(info.filename)):
                refused.append(info.filename)
                continue
            target = folder / safe_name(info.filename, start + len(written))
            try:
                target.write_bytes(read_member(zf, info, "zip archive"))
            except ParseError:
                refused.append(info.filename)
                continue
            written.append(target)
    return written, refused
