"""The parts of a .docx the reader needs (document, styles, numbering) as plain lxml trees, opened
the way python-docx opens the package but without its element classes (wrapping every element in
a Python class costs more than the rest of reading).

Same trees, same failures: the relationship graph is walked as python-docx walks it (every part it
reads is read, every part it parses is parsed, with the same parser settings), and wherever a
package strays from the plain case (a missing content type, a duplicated relationship, a part of
an unexpected type, any error at all) python-docx opens it instead, so its error, or its trees, are
what the reader gets."""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DOCUMENT_MAIN = _CT + "document.main+xml"
STYLES = _CT + "styles+xml"
# The content types python-docx loads as XML parts (docx/__init__.py's PartFactory.part_type_for):
# it parses each one when it opens a package, so a malformed one fails the whole file there.
XML_PARTS = frozenset({"application/vnd.openxmlformats-package.core-properties+xml", _CT + "comments+xml",
                       DOCUMENT_MAIN, _CT + "footer+xml", _CT + "header+xml", _CT + "numbering+xml",
                       _CT + "settings+xml", STYLES})
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT, RT_STYLES, RT_NUMBERING, RT_IMAGE = (_RT + "officeDocument", _RT + "styles",
                                                         _RT + "numbering", _RT + "image")
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# python-docx's parser settings (docx.oxml.parser): the trees are the ones it would build.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


@dataclass
class WordParts:
    document: etree._Element  # w:document
    styles: etree._Element  # w:styles (python-docx's default styles where the package has none)
    numbering: etree._Element | None


class _Unusual(Exception):
    """The package strays from the plain case: python-docx opens it."""


@dataclass
class _Rel:
    rid: str
    reltype: str
    target: str | None  # the target part's name; None for an external target


@dataclass
class _Part:
    content_type: str
    reltype: str  # of the relationship that first reached it (python-docx picks its class by it)
    rels: list[_Rel]
    root: etree._Element | None  # parsed where python-docx parses it


def open_parts(path: Path) -> WordParts:
    """The package's trees; python-docx's own exception where it cannot open the file."""
    try:
        return _open_plain(path)
    except MemoryError:
        raise
    except Exception:
        return _open_with_python_docx(path)


def _open_with_python_docx(path: Path) -> WordParts:
    import docx  # only for the unusual package

    document = docx.Document(str(path))
    styles = document.styles.element
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering = None
    return WordParts(document.element, styles, numbering)


def _parse(blob: bytes) -> etree._Element:
    return etree.fromstring(blob, _PARSER)


def _open_plain(path: Path) -> WordParts:
    with zipfile.ZipFile(path) as zf:
        types = _parse(zf.read("[Content_Types].xml"))
        overrides = {o.get("PartName").lower(): o.get("ContentType") for o in types.findall(_TYPES + "Override")}
        defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.findall(_TYPES + "Default")}
        parts: dict[str, _Part] = {}
        package_rels = _rels(zf, "/")
        _walk(zf, package_rels, parts, overrides, defaults)
    main = parts[_single(package_rels, RT_OFFICE_DOCUMENT)]
    if main.content_type != DOCUMENT_MAIN or main.root is None:
        raise _Unusual("not a Word main document part")
    styles_name = _single(main.rels, RT_STYLES, missing_ok=True)
    if styles_name is None:
        styles = _parse(_default_styles_xml())
    else:
        part = parts[styles_name]
        if part.content_type != STYLES or part.root is None:
            raise _Unusual("styles relationship to a part that is not styles")
        styles = part.root
    numbering_name = _single(main.rels, RT_NUMBERING, missing_ok=True)
    numbering = parts[numbering_name].root if numbering_name is not None else None
    return WordParts(main.root, styles, numbering)


def _rels(zf: zipfile.ZipFile, partname: str) -> list[_Rel]:
    """A part's relationships as its .rels lists them."""
    base, filename = posixpath.split(partname)
    try:
        blob = zf.read(posixpath.join(base, "_rels", f"{filename}.rels")[1:])
    except KeyError:
        return []
    rels: list[_Rel] = []
    for el in _parse(blob).findall(_RELATIONSHIP):
        external = el.get("TargetMode", "Internal") == "External"
        target = None if external else posixpath.abspath(posixpath.join(base, el.get("Target")))
        if target is not None and not target.startswith("/"):
            raise _Unusual("relationship target outside the package")
        rels.append(_Rel(el.get("Id"), el.get("Type"), target))
    return rels


def _walk(zf: zipfile.ZipFile, rels: list[_Rel], parts: dict[str, _Part], overrides: dict,
          defaults: dict) -> None:
    """python-docx's walk: depth first from the package's relationships, every internal target read,
    its content type looked up, and parsed where python-docx parses it."""
    for rel in rels:
        name = rel.target
        if name is None or name in parts:
            continue
        part_rels = _rels(zf, name)
        blob = zf.read(name[1:])
        ext = posixpath.splitext(name)[1]
        content_type = overrides[name.lower()] if name.lower() in overrides else defaults[ext[1:].lower()]
        parsed = rel.reltype != RT_IMAGE and content_type in XML_PARTS
        parts[name] = _Part(content_type, rel.reltype, part_rels, _parse(blob) if parsed else None)
        _walk(zf, part_rels, parts, overrides, defaults)


def _single(rels: list[_Rel], reltype: str, missing_ok: bool = False) -> str | None:
    """The one internal relationship of a type (python-docx fails on two, or on an external one).
    A repeated id keeps its last relationship, as python-docx's collection keyed by id does."""
    by_id = {rel.rid: rel for rel in rels}
    matching = [rel for rel in by_id.values() if rel.reltype == reltype]
    if not matching and missing_ok:
        return None
    if len(matching) != 1 or matching[0].target is None:
        raise _Unusual(f"{len(matching)} relationships of type {reltype}")
    return matching[0].target


_DEFAULT_STYLES: list[bytes] = []


def _default_styles_xml() -> bytes:
    """The styles python-docx gives a package without any (its template's)."""
    if not _DEFAULT_STYLES:
        import docx.parts.styles  # only for a package without styles

        _DEFAULT_STYLES.append(docx.parts.styles.StylesPart._default_styles_xml())
    return _DEFAULT_STYLES[0]
