"""Zip and XML safety for every zip-based format (docx, xlsx, OFD, archives): one place.

A zip is checked from its central directory before anything is inflated (member count, total
size, compression ratio: zip bombs); member names that climb out of the archive are refused.
XML is parsed by one hardened lxml parser that never loads a DTD, never resolves entities and
never touches the network; a document that declares a DOCTYPE anywhere in its prolog (after a
long comment, in UTF-16, in a part with any name) is refused, because a DOCTYPE is how entity
expansion and external entities get in and no format we read needs one."""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from lxml import etree

from parsers.errors import ParseError
from parsers.readers.limits import LIMITS

SMALL_MEMBER = 1_000_000  # below this size a high compression ratio is harmless (XML of repeated tags)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False)


def check_zip(path: Path, label: str) -> list[zipfile.ZipInfo]:
    """The members of a zip that passes the limits; ``label`` names the format in messages."""
    if not zipfile.is_zipfile(path):
        raise ParseError(f"not a valid {label} (not a zip archive; truncated or another format)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(f"not a valid {label} ({exc})") from exc
    if len(infos) > LIMITS.zip_max_members:
        raise ParseError(f"{label} has {len(infos)} parts: more than {LIMITS.zip_max_members}")
    total = sum(i.file_size for i in infos)
    if total > LIMITS.zip_max_uncompressed:
        raise ParseError(f"{label} would inflate to {total} bytes: refused as a zip bomb")
    for info in infos:
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > SMALL_MEMBER and ratio > LIMITS.zip_max_ratio:
            raise ParseError(f"{label} part {info.filename} compresses {ratio}:1: refused as a zip bomb")
        if unsafe_member_name(info.filename):
            raise ParseError(f"{label} part name {info.filename!r} points outside the archive: refused")
    return infos


def unsafe_member_name(name: str) -> bool:
    """An absolute name, a drive letter or a `..` step: extracting it would write outside (zip slip)."""
    posix = PurePosixPath(name.replace("\\", "/"))
    return posix.is_absolute() or ".." in posix.parts or (len(name) > 1 and name[1] == ":")


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """A member's bytes, never more than its declared size (a lying directory cannot inflate more)."""
    try:
        with zf.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, NotImplementedError) as exc:
        raise ParseError(f"not a valid {label}: part {info.filename} is damaged or encrypted ({exc})") from exc
    if len(data) > info.file_size:
        raise ParseError(f"not a valid {label}: part {info.filename} is larger than its directory says")
    return data


def looks_like_xml(head: bytes) -> bool:
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") or head.startswith((b"\xff\xfe<", b"\xfe\xff\x00<", b"\xff\xfe", b"\xfe\xff"))


def refuse_doctype(source, name: str, label: str) -> None:
    """Parse the prolog up to the root element (cheap: only that much is read from ``source``,
    bytes or a binary file) and refuse a DOCTYPE declared in it."""
    stream = _BytesReader(source) if isinstance(source, bytes) else source
    events = etree.iterparse(stream, events=("start",), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    try:
        for _, element in events:
            if element.getroottree().docinfo.doctype:
                raise ParseError(f"{label} part {name} declares a DOCTYPE: refused (XML entity attack)")
            return
    except etree.XMLSyntaxError as exc:
        if "DOCTYPE" in str(exc) or "Entity" in str(exc) or "ENTITY" in str(exc):
            raise ParseError(f"{label} part {name} declares a DOCTYPE: refused (XML entity attack)") from exc
        raise ParseError(f"not a valid {label}: part {name} is not well-formed XML ({exc})") from exc


# A prolog that is only an XML declaration of UTF-8/ASCII (or none), processing instructions and whitespace,
# followed by the root element's start tag: no DOCTYPE can stand there. Anything else (a comment, `<!`, another
# encoding, the root beyond the bytes at hand) is left to the parser.
_PLAIN_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml(?:\s+(?:version|standalone)\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*')"
    rb"|\s+encoding\s*=\s*(?:\"(?i:utf-8|us-ascii)\"|'(?i:utf-8|us-ascii)'))*\s*\?>)?\s*<[A-Za-z_]")
PROLOG_HEAD = 4096  # bytes read to look at a member's prolog


def plain_prolog(head: bytes) -> bool:
    """The bytes begin with a prolog that surely declares no DOCTYPE (see ``_PLAIN_PROLOG``)."""
    return _PLAIN_PROLOG.match(head) is not None


def check_xml_parts(path: Path, infos: list[zipfile.ZipInfo], label: str) -> None:
    """Every member that is XML, whatever its name, is refused if it declares a DOCTYPE. Each member is
    opened once; a plain prolog (Word's, Excel's, OFD's parts) is told from its first bytes, any other goes
    through the parser."""
    with zipfile.ZipFile(path) as zf:
        for info in infos:
            if info.is_dir() or info.file_size == 0:
                continue
            try:
                with zf.open(info) as member:
                    head = member.read(PROLOG_HEAD)
                    if not looks_like_xml(head[:16]) or plain_prolog(head):
                        continue
                    refuse_doctype(_BytesReader(head, member), info.filename, label)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, RuntimeError, NotImplementedError) as exc:
                raise ParseError(f"not a valid {label}: part {info.filename} is damaged or encrypted ({exc})") from exc


def parse_xml(data: bytes, name: str, label: str) -> etree._Element:
    """A hardened parse of one XML part: no DTD, no entities, no network, DOCTYPE refused."""
    refuse_doctype(data, name, label)
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"not a valid {label}: part {name} is not well-formed XML ({exc})") from exc


class _BytesReader:
    """A file-like view of bytes for iterparse, read in small pieces so the prolog is all it reads; then, when
    given, the rest of the stream the bytes were read from."""

    def __init__(self, data: bytes, rest=None, chunk: int = 16 * 1024):
        self._data, self._pos, self._chunk, self._rest = data, 0, chunk, rest

    def read(self, size: int = -1) -> bytes:
        size = self._chunk if size is None or size < 0 else min(size, self._chunk)
        piece = self._data[self._pos:self._pos + size]
        self._pos += len(piece)
        if not piece and self._rest is not None:
            return self._rest.read(size)
        return piece
