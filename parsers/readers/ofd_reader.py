"""OFD (GB/T 33190, the national format for electronic official documents) → blocks.

An OFD is a zip of XML parts: ``OFD.xml`` names each document's root (``DocBody/DocRoot``), the
document lists its pages (``Pages/Page/@BaseLoc``) and resources, each page's ``Content`` holds
positioned text. The zip and every XML part pass the shared safety checks first. Glyphs are
placed by their positions into lines (ofd_text.py), lines become the PDF reader's lines, and the
PDF reader's paragraph geometry (first-line indent, line ends) and page-furniture rules apply
unchanged, so an OFD and a PDF of one notice give the same paragraphs. A page whose text is drawn
only as paths or images is reported as needing OCR."""
from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from parsers.errors import ParseError
from parsers.readers.limits import LIMITS
from parsers.readers.ofd_layout import page_items
from parsers.readers.ofd_tables import continue_merges
from parsers.readers.ofd_text import ContentWalker, PageContent, child, children, local
from parsers.readers.pdf_reader import _assemble, _drop_page_furniture, _Line, _Page
from parsers.safety import check_xml_parts, check_zip, parse_xml, read_member
from schemas.blocks import Document, ReaderWarning

LABEL = "OFD"
ADVICE = "open it in an OFD reader (数科, 福昕, 永中) and save or export it again"
PAGE_DEFAULT_MM = (210.0, 297.0)  # A4, when a document declares no PageArea


class _Package:
    """The zip's members by normalised name, read through the shared safety rules."""

    def __init__(self, path: Path):
        try:
            infos = check_zip(path, LABEL)
            check_xml_parts(path, infos, LABEL)
        except ParseError as exc:
            raise ParseError(f"{exc}; {ADVICE}") from exc
        self.path = path
        self.infos = {posixpath.normpath(i.filename.lstrip("/")).lower(): i for i in infos if not i.is_dir()}
        self._zf = zipfile.ZipFile(path)

    def close(self) -> None:
        self._zf.close()

    def has(self, name: str) -> bool:
        return name.lower() in self.infos

    def xml(self, name: str):
        info = self.infos.get(name.lower())
        if info is None:
            raise ParseError(f"not a valid {LABEL}: part {name} is missing ({ADVICE})")
        return parse_xml(read_member(self._zf, info, LABEL), info.filename, LABEL)


def resolve(base_dir: str, loc: str | None) -> str:
    """A location as OFD writes it (relative to the referring part, or absolute from the package
    root with a leading slash) → a member name."""
    loc = (loc or "").strip().replace("\\", "/")
    joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
    return posixpath.normpath(joined).lstrip("/")


def read_ofd(path: Path, source: str) -> Document:
    doc, pages = _read(path, source)
    _drop_page_furniture(pages)
    continue_merges(pages)
    doc.blocks = _assemble(pages, source)
    return doc


def page_lines(path: Path) -> list[list[str]]:
    """The drawn lines of each page in reading order, before paragraphs are formed (for checks)."""
    _, pages = _read(path, str(path))
    return [[item.text for item in page.items if isinstance(item, _Line)] for page in pages]


def _read(path: Path, source: str) -> tuple[Document, list[_Page]]:
    pkg = _Package(path)
    try:
        return _read_package(pkg, source)
    finally:
        pkg.close()


def _read_package(pkg: _Package, source: str) -> tuple[Document, list[_Page]]:
    if not pkg.has("OFD.xml"):
        raise ParseError(f"not a valid {LABEL}: no OFD.xml entry point ({ADVICE})")
    root = pkg.xml("OFD.xml")
    doc_roots = [child(body, "DocRoot") for body in children(root, "DocBody")]
    doc_roots = [resolve("", r.text) for r in doc_roots if r is not None and (r.text or "").strip()]
    if not doc_roots:
        raise ParseError(f"not a valid {LABEL}: OFD.xml names no document (DocBody/DocRoot) ({ADVICE})")
    doc = Document(source=source, format="ofd", n_pages=0)
    pages: list[_Page] = []
    for doc_root in doc_roots:
        _read_document(pkg, doc_root, doc, pages)
    if doc.n_pages and not any(p.items for p in pages):
        raise ParseError(f"{LABEL} has no text objects on any of its {doc.n_pages} pages (text drawn as paths "
                         f"or images): needs OCR; export the document as a PDF with a text layer, or OCR it")
    return doc, pages


def _read_document(pkg: _Package, doc_root: str, doc: Document, pages: list[_Page]) -> None:
    base = posixpath.dirname(doc_root)
    document = pkg.xml(doc_root)
    common = child(document, "CommonData")
    default_box = _page_box(common) or PAGE_DEFAULT_MM
    walker = ContentWalker(_composite_units(pkg, base, common))
    templates = _templates(pkg, base, common)
    page_els = [p for pages_el in children(document, "Pages") for p in children(pages_el, "Page")]
    if doc.n_pages + len(page_els) > LIMITS.pdf_max_pages:
        raise ParseError(f"{LABEL} has {doc.n_pages + len(page_els)} pages: more than {LIMITS.pdf_max_pages}")
    for page_el in page_els:
        doc.n_pages = (doc.n_pages or 0) + 1
        number = doc.n_pages
        loc = resolve(base, page_el.get("BaseLoc"))
        if not pkg.has(loc):
            doc.warnings.append(ReaderWarning("ofd_page_missing", f"第{number}页的内容文件 {loc} 不存在", number))
            continue
        page_xml = pkg.xml(loc)
        content = PageContent()
        for template in children(page_xml, "Template"):
            found = templates.get(template.get("TemplateID", ""))
            if found is not None:
                walker.walk(found, into=content)
        for el in children(page_xml, "Content"):
            walker.walk(el, into=content)
        box = _page_box(child(page_xml, "Area")) or default_box
        if not content.glyphs:
            if content.paths or content.images:
                doc.warnings.append(ReaderWarning(
                    "text_layer_unreadable", f"第{number}页没有文字对象（需要OCR）：OFD page {number} has no text "
                    "objects (text drawn as paths or images): needs OCR", number))
            continue
        pages.append(_Page(number, page_items(content, number, box)))


def _page_box(el) -> tuple[float, float] | None:
    """Width and height (mm) from a PageArea/Area's PhysicalBox."""
    if el is None:
        return None
    area = child(el, "PageArea") if local(el) == "CommonData" else el
    box = child(area, "PhysicalBox") if area is not None else None
    values = [float(v) for v in (box.text or "").split()] if box is not None else []
    return (values[2], values[3]) if len(values) == 4 and values[2] > 0 and values[3] > 0 else None


def _composite_units(pkg: _Package, base: str, common) -> dict:
    """CompositeGraphicUnit elements by ID from the document's public and document resources."""
    units: dict = {}
    if common is None:
        return units
    for name in ("PublicRes", "DocumentRes"):
        for ref in children(common, name):
            loc = resolve(base, ref.text)
            if not pkg.has(loc):
                continue
            for group in children(pkg.xml(loc), "CompositeGraphicUnits"):
                for unit in children(group, "CompositeGraphicUnit"):
                    units[unit.get("ID", "")] = unit
    return units


def _templates(pkg: _Package, base: str, common) -> dict:
    """Template pages (running heads, the red masthead) by ID: their text belongs to each page
    that uses them."""
    found: dict = {}
    for tpl in children(common, "TemplatePage") if common is not None else []:
        loc = resolve(base, tpl.get("BaseLoc"))
        if pkg.has(loc):
            content = child(pkg.xml(loc), "Content")
            if content is not None:
                found[tpl.get("ID", "")] = content
    return found
