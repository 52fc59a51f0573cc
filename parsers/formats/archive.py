"""Zip archives of documents: members walked as if they were a folder (not a Format: one archive
holds many documents). Not wired into the batch yet: a runner calls ``walk_archive`` for a file
``is_archive`` accepts and gives each member its own ``documents`` row, reading the extracted
file with ``formats.read`` under the member's ``source`` (``archive.zip!/folder/file.docx``).

Every member is judged alone: a name climbing out of the archive (zip slip), an encrypted member,
one that inflates past the limits (zip bomb), an archive nested deeper than ``MAX_DEPTH`` is a
failed member with the reason; hidden files, ``__MACOSX`` resource forks and Word lock files
(``~$…``) are skipped members with the reason. Names written in GBK without the UTF-8 flag (as
Windows zip tools in China write them) are decoded as GBK."""
from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from parsers.errors import ParseError
from parsers.formats.base import Probe
from parsers.readers.limits import LIMITS
from parsers.safety import SMALL_MEMBER, unsafe_member_name

MAX_DEPTH = 2  # an archive inside an archive inside an archive: deeper is refused
DOCUMENT_ZIPS = ("word/document.xml", "xl/workbook.xml", "ofd.xml", "mimetype", "content.xml")
UTF8_FLAG, ENCRYPTED_FLAG = 0x800, 0x1


@dataclass
class Member:
    source: str  # archive.zip!/folder/file.docx
    path: Path | None  # the extracted file (None when refused or skipped)
    status: str = "ok"  # ok: read it; failed / skipped: a documents row with ``reason``
    reason: str | None = None


def is_archive(p: Probe) -> bool:
    """A zip that is not itself a document format (docx, xlsx, OFD and OpenDocument are zips too)."""
    if p.zip_members is None:
        return False
    names = {m.lower().lstrip("/") for m in p.zip_members}
    return not any(doc in names for doc in DOCUMENT_ZIPS)


def member_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & UTF8_FLAG:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def walk_archive(path: Path, source: str, workdir: Path, depth: int = 0) -> list[Member]:
    """Extract the members of ``path`` into ``workdir`` (the caller removes it) and say what each is."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > LIMITS.zip_max_members:
                raise ParseError(f"zip archive has {len(infos)} members: more than {LIMITS.zip_max_members}")
            total = sum(i.file_size for i in infos)
            if total > LIMITS.zip_max_uncompressed:
                raise ParseError(f"zip archive would inflate to {total} bytes: refused as a zip bomb")
            out: list[Member] = []
            for k, info in enumerate(infos):
                if not info.is_dir():
                    out.extend(_member(zf, info, k, source, workdir, depth))
            return out
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(f"recognised as a zip archive, but it cannot be opened ({exc}): extract it and "
                         f"run on the folder") from exc


def _member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, k: int, source: str, workdir: Path,
            depth: int) -> list[Member]:
    name = member_name(info)
    inner = f"{source}!/{name}"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if unsafe_member_name(name):
        return [Member(inner, None, "failed", "zip member name points outside the archive (zip slip): refused")]
    if any(p.startswith(".") or p == "__MACOSX" for p in parts):
        return [Member(inner, None, "skipped", "hidden file or folder")]
    if parts and parts[-1].startswith("~$"):
        return [Member(inner, None, "skipped", "Word/WPS lock file (~$…), not a document")]
    if info.flag_bits & ENCRYPTED_FLAG:
        return [Member(inner, None, "failed", "zip member is encrypted: extract it with its password and run "
                                              "on the folder")]
    ratio = info.file_size // max(info.compress_size, 1)
    if info.file_size > SMALL_MEMBER and ratio > LIMITS.zip_max_ratio:
        return [Member(inner, None, "failed", f"zip member compresses {ratio}:1: refused as a zip bomb")]
    target = workdir / f"{depth}-{k}{PurePosixPath(parts[-1]).suffix.lower() if parts else ''}"
    try:
        with zf.open(info) as src, target.open("wb") as dst:
            written = 0
            for chunk in iter(lambda: src.read(1 << 20), b""):
                written += len(chunk)
                if written > info.file_size:
                    raise ParseError("larger than its directory says")
                dst.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, NotImplementedError, ParseError) as exc:
        return [Member(inner, None, "failed", f"zip member cannot be extracted ({exc}): damaged archive")]
    if zipfile.is_zipfile(target) and _plain_zip(target):
        if depth + 1 > MAX_DEPTH:
            return [Member(inner, None, "failed", f"archive nested more than {MAX_DEPTH} deep: refused")]
        nested = workdir / f"{depth}-{k}.d"
        nested.mkdir()
        try:
            return walk_archive(target, inner, nested, depth + 1)
        except ParseError as exc:
            return [Member(inner, None, "failed", str(exc))]
    return [Member(inner, target)]


def _plain_zip(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            names = frozenset(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return is_archive(Probe(head=b"PK\x03\x04", zip_members=names, extension=path.suffix.lower()))
