"""PDF text layer → blocks.

pypdfium2 reads the text (about 27× faster than pdfplumber); on pages that draw ruling lines, tables are found
by pdfplumber's table geometry fed with pypdfium2's objects (pdf_tables.py). Lines are grouped into paragraphs by
geometry: a first line is indented or follows a short line, a wrapped line starts at the left margin. Page numbers and running headers are dropped; a table continued on the
next page is one table (that page searched for it however little it looks like one).

A page whose text layer is empty or garbled is rendered and OCR'd (``ocr="auto"``; ``"force"`` OCRs every page):
the OCR lines take the same way into paragraphs as text-layer lines.
"""
from __future__ import annotations

import ctypes
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from parsers.errors import ParseError
from parsers.ocr_punctuation import DocumentMarks
from parsers.readers import pdfium_bare as bare
from parsers.readers.limits import LIMITS
from parsers.readers.page_numbers import in_body_flow
from parsers.readers.pdf_layout import (  # noqa: F401
    BAD_CHAR,
    ITEM_NUMBER,
    LAYOUT,
    LINE_END_HYPHEN,
    NOT_SPACE,
    READABLE_CHAR,
    WHITESPACE,
    text_layer_problem,
)
from parsers.readers.pdf_page_model import PAGE_NUMBER, _Line, _Page, _PageTable, at_a_page_edge  # noqa: F401  (other readers use them)
from parsers.readers.pdf_paragraphs import _assemble
from parsers.readers.pdf_spaces import (
    ends_on_glyph_space,
    ends_on_space,
    line_spaces,
    parts_by_spaces,
    reordered_spaces,
    space_ends,
)
from parsers.readers.pdf_table_signs import SPACE_BETWEEN, _has_ruling, _header_row, _may_hold_table  # noqa: F401
from schemas.blocks import Document, ReaderWarning

if TYPE_CHECKING:  # OCR (numpy, PIL) and table geometry (pdfplumber) load when a page needs them
    from parsers import ocr as ocr_engine

DIGIT_RUN = regex.compile(r"\d+")
BARE_NUMBER = regex.compile(r"^\s*(\d{1,4})\s*$")
OCR_DPI = 150  # a page without a usable text layer is rendered at this resolution for OCR
OCR_MAX_SIDE = 2400  # px: a huge page is rendered smaller rather than exhaust memory
# pdfium emits a line's characters out of reading order when some come from another text object,
# typically quotes and symbols set in a fallback font. Lines made only of CJK, ASCII and the main
# punctuation are in order; only the others are checked character by character. Line breaks are not
# characters of a line (counting them made every page's list as long as its lines). Every character
# text_layer_problem counts against a page is among these too, so few of them clear the page at once.
# (The standard library's engine: several times faster than `regex` over a whole page.)
MAY_BE_OUT_OF_ORDER = re.compile(r"[^\u4e00-\u9fff\x20-\x7e，。、；：？！（）《》％　\r\n]")


def read_pdf(path: Path, source: str, password: str | None = None, ocr: str = "off", threads: int = 1) -> Document:
    """``ocr``: off (text layer only), auto (OCR pages without a usable text layer), force."""
    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ParseError("encrypted: the PDF needs a user password (try --password)") from exc
        raise ParseError(f"not a readable PDF ({message})") from exc
    try:
        n_pages = len(pdf)
        if n_pages > LIMITS.pdf_max_pages:
            raise ParseError(f"PDF has {n_pages} pages: more than {LIMITS.pdf_max_pages}")
        doc = Document(source=source, format="pdf", n_pages=n_pages)
        pages = []
        index = 0
        marks = DocumentMarks()  # the marks' widths the OCR'd pages measured: a page too poor in marks follows them
        try:
            for index in range(n_pages):
                continued = bool(pages and pages[-1].items and isinstance(pages[-1].items[-1], _PageTable))
                page = _read_page(pdf, index, doc, ocr, threads, continued, marks)
                if page is not None:
                    pages.append(page)
        except pdfium.PdfiumError as exc:
            raise ParseError(f"not a readable PDF (page {index + 1}: {exc})") from exc
    finally:
        pdf.close()
    if n_pages and not pages:
        hint = " (OCR is off: try --ocr auto)" if ocr == "off" else ""
        raise ParseError(f"text layer unreadable: needs OCR (no page has a usable text layer){hint}")
    if n_pages and doc.ocr_pages and not any(p.items for p in pages):
        raise ParseError("no readable text: no page has a usable text layer and OCR found none (blank or illegible scan)")
    doc.blocks = assemble_pages(pages, source, pasted=True)  # printed from web text pasted into Word
    return doc


def assemble_pages(pages: list[_Page], source: str, pasted: bool = False) -> list:
    """Pages of lines (and tables) → blocks: page furniture dropped, lines joined into paragraphs (``pasted``: and
    read for web text pasted into Word, as a PDF is)."""
    _drop_page_furniture(pages)
    return _assemble(pages, source, pasted)


def ocr_page(page_no: int, found: list[ocr_engine.OcrLine], image=None, scale: float = 1.0, threads: int = 1) -> _Page:
    """OCR lines, and the image's ruled tables (``scale``: points per pixel), as a page's items."""
    from parsers.readers.scan_tables import scan_page
    return scan_page(page_no, found, image, scale, threads)


def _read_page(pdf, index: int, doc: Document, ocr: str = "off", threads: int = 1, continued=False,
               marks: DocumentMarks | None = None) -> _Page | None:
    page = pdf[index]
    try:
        width, height = page.get_width(), page.get_height()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            moved = _may_be_moved(text)
            verdict = _layer_problem(text, moved)
            if ocr == "force" or (verdict and ocr == "auto"):
                return _ocr_pdf_page(page, index + 1, doc, threads, verdict, marks)
            if verdict:
                doc.warnings.append(ReaderWarning("text_layer_unreadable", f"第{index + 1}页{verdict}", index + 1))
                return None
            spaced = parts_by_spaces(text, moved)  # web text: its spaces are read again from their gaps
            ends = space_ends(page, height, text) if spaced else None
            lines = _page_lines(textpage, text, index + 1, height, [], moved, ends, spaced)
            tables = []
            signs = continued or _may_hold_table(lines, textpage, text, moved)
            if signs and _has_ruling(page, continued):
                from parsers.readers.pdf_tables import find_tables

                tables = _kept(find_tables(page, textpage, text, width, height, min_rows=1), lines)
            elif signs and (heads := [line for line in lines if _header_row(line.text)]):
                from parsers.readers.pdf_unruled_tables import unruled_tables  # printed without borders

                tables = unruled_tables(textpage, text, width, height, heads)
            if tables:
                lines = _page_lines(textpage, text, index + 1, height, [t.bbox for t in tables], moved, ends, spaced)
        finally:
            textpage.close()
    finally:
        page.close()
    items: list[_Line | _PageTable] = list(lines)
    for t in tables:
        items.append(_PageTable(t.rows, index + 1, t.bbox[1], 0))
    items.sort(key=lambda it: it.top)
    result = _Page(index + 1, items, width)
    number = 1
    for item in result.items:  # a table's rows count as lines of the page
        item.number = number
        number += len(item.rows) if isinstance(item, _PageTable) else 1
    return result


def _ocr_pdf_page(page, page_no: int, doc: Document, threads: int, verdict: str | None,
                  marks: DocumentMarks | None = None) -> _Page | None:
    """Render the page (at OCR_DPI, capped in pixels), level it and OCR it; positions in points."""
    from parsers import ocr as ocr_engine

    scale = min(OCR_DPI / 72, OCR_MAX_SIDE / max(page.get_width(), page.get_height(), 1.0))
    image = page.render(scale=scale).to_pil()
    try:
        found = ocr_engine.ocr_image(image := ocr_engine.deskew(image), threads, scale=1 / scale, document=marks)
    except ParseError as exc:  # no OCR engine installed: the page is reported as before
        if verdict is None:
            raise
        doc.warnings.append(ReaderWarning("text_layer_unreadable", f"第{page_no}页{verdict}；{exc}", page_no))
        return None
    doc.ocr_pages.append(page_no)
    return ocr_page(page_no, found, image, 1 / scale, threads)


def _kept(tables: list, lines: list[_Line]) -> list:
    """Tables of two rows or more, and a single row with nothing but a page number below it or above
    it: a table's first or last row that the page break parted from the rest (``_assemble`` keeps it
    as a table only next to the rest)."""
    return [t for t in tables if len(t.rows) > 1 or at_a_page_edge(t.bbox, lines)]


def _layer_problem(text: str, moved: list[int]) -> str | None:
    """``text_layer_problem``, not run where it cannot find one: the characters it counts against a page (replacement,
    private-use, control, unreadable) are all in ``moved``, and their share of the visible ones is under its
    smallest threshold."""
    blank = text.count(" ") + text.count("\r") + text.count("\n") + text.count("\u3000")
    share = min(LAYOUT.max_bad_char_share, LAYOUT.max_unreadable_share)
    if len(moved) <= share * (len(text) - blank - len(moved)) and len(text) > blank + len(moved):
        return None
    return text_layer_problem(text)


def _may_be_moved(text: str) -> list[int]:
    """Where the page's text has a character pdfium may have emitted out of reading order (one scan
    of the page, not one per line)."""
    return [m.start() for m in MAY_BE_OUT_OF_ORDER.finditer(text)]


def _page_lines(textpage, text: str, page_no: int, height: float, boxes: list, moved: list[int],
                ends: dict | None = None, spaced: bool = False) -> list[_Line]:
    """Text lines with geometry. pdfium's character indices match the text it returns, so each
    character's origin is at hand: a line whose characters pdfium emitted out of order (quotes
    set in a fallback font come after the run they sit in) is put back in reading order. On a page of web text
    (``spaced``) each line's spaces are read again from their gaps and a line that wrapped at a space ends on one
    (``ends``: the page's space objects, ``pdf_spaces.space_ends``)."""
    lines: list[_Line] = []
    x, y, rect = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF()  # reused: no object per character
    at, x_at, y_at = ctypes.byref(rect), ctypes.byref(x), ctypes.byref(y)
    handle, box, origin, font_size = bare.handle(textpage), bare.char_box, bare.char_origin, bare.font_size
    same_line = LAYOUT.same_line
    next_moved, n_moved = 0, len(moved)  # moved[next_moved]: the first such character from here on
    for start, raw in _raw_lines(text):
        end = start + len(raw)
        stripped = raw.strip()
        if stripped:
            first = start + (len(raw) - len(raw.lstrip()))
            box(handle, first, at)
            left, bottom, top = rect.left, rect.bottom, rect.top
            last = start + len(raw.rstrip()) - 1
            in_order, space_end = True, raw[-1] == " "
            while next_moved < n_moved and moved[next_moved] < start:
                next_moved += 1
            if next_moved < n_moved and moved[next_moved] < end and _out_of_order(
                    handle, raw, start, moved, next_moved, x_at, y_at, x):
                xs = []
                for k in range(start, end):
                    origin(handle, k, x_at, y_at)
                    xs.append(x.value)
                last = start + max(range(len(raw)), key=lambda k: (xs[k], raw[k] != " "))
                order = sorted(range(len(raw)), key=lambda k: (xs[k], k))
                raw_in_pdfium_order = raw
                raw = "".join(raw[k] for k in order)
                stripped = reordered_spaces(raw_in_pdfium_order, start, order, font_size(handle, first) or (top - bottom),
                                            handle) if spaced else raw.strip()
                left = min(left, min(xs))
                in_order = False
            box(handle, last, at)
            right = rect.right
            size = font_size(handle, first) or (top - bottom)
            line_top = height - top
            cy = line_top + (top - bottom) / 2
            if not boxes or not any(b[0] <= left + 1 <= b[2] and b[1] <= cy <= b[3] for b in boxes):
                if spaced and in_order and " " in stripped:  # each space read from its gap: none, one, a run
                    stripped = line_spaces(raw, start, size, handle)
                if (space_end and in_order and ends_on_glyph_space(raw, start, handle)) or (
                        ends and ends_on_space(ends, right, line_top, size)):
                    stripped += " "  # the line wrapped at a space (pdfium's text leaves it out)
                prev = lines[-1] if lines else None
                if prev is not None and abs(prev.top - line_top) < same_line * size and left >= prev.x1 - 1:
                    # pdfium sometimes breaks one visual line in two
                    prev.text, prev.x1 = f"{prev.text} {stripped}", right
                    prev.joined += 1
                else:
                    lines.append(_Line(stripped, page_no, 0, left, right, line_top, size))
    return lines


def _raw_lines(text: str):
    """(index of its first character, text) of each line of pdfium's page text. pdfium gives a hyphen that ends a
    line as U+FFFE and runs the next line on without a break (it takes it for a word's hyphenation): in a notice
    it is the text's own (`扣1分` after `每少一项`, a range `2021-` / `2025年`, a code `C1-` / `C5`), so it stays a
    `-` and ends its line. Same length as pdfium's text: the indices still name its characters."""
    start = 0
    hyphens = LINE_END_HYPHEN in text
    for raw in text.split("\r\n"):
        if hyphens and LINE_END_HYPHEN in raw:
            at = start
            for piece in raw.split(LINE_END_HYPHEN)[:-1]:
                yield at, piece + "-"
                at += len(piece) + 1
            yield at, raw[at - start:]
        else:
            yield start, raw
        start += len(raw) + 2


def _out_of_order(handle, raw: str, start: int, moved: list[int], k: int, x_at, y_at, x) -> bool:
    """Whether a character that may have moved stands out of reading order in the line ``raw`` (which
    starts at ``start``). Only those characters move, with the spaces pdfium generates beside them; the
    rest of a line is in order. So each is checked against the nearest other characters either side:
    a few positions a suspect instead of one per character of the line (most lines with quotes are in
    order)."""
    origin, end = bare.char_origin, start + len(raw)
    while k < len(moved) and moved[k] < end:
        lo, hi = moved[k] - 1, moved[k] + 1
        while lo > start and raw[lo - start] == " ":
            lo -= 1
        while hi < end - 1 and raw[hi - start] == " ":
            hi += 1
        xs = []
        for i in range(max(lo, start), min(hi, end - 1) + 1):
            origin(handle, i, x_at, y_at)
            xs.append(x.value)
        if any(b < a for a, b in zip(xs, xs[1:])):
            return True
        k += 1
    return False


def _drop_page_furniture(pages: list[_Page]) -> None:
    """Page numbers at a page's top or bottom, and running headers: the same text (digits
    aside) at the same height on many pages."""
    # Lines at a page's edge set in the body's flow (a one-cell-a-line table's `1` or `5` at the foot) are body.
    flow = {line for page in pages for line in in_body_flow([it for it in page.items if isinstance(it, _Line)],
                                                            LAYOUT.edge_lines)}
    seen: Counter = Counter()
    for page in pages:
        for line in _edge_lines(page, flow):
            seen[(DIGIT_RUN.sub("#", line.text), round(line.top))] += 1
    running = {key for key, n in seen.items()
               if n >= LAYOUT.running_min_pages and n >= LAYOUT.running_min_share * len(pages)}
    numbers = _page_numbers(pages, flow)
    for page in pages:
        edges = {id(x) for x in _edge_lines(page, flow)}
        page.items = [it for it in page.items if not (
            isinstance(it, _Line) and id(it) in edges and (
                id(it) in numbers or (DIGIT_RUN.sub("#", it.text), round(it.top)) in running))]


def _page_numbers(pages: list[_Page], flow: set[int] = frozenset()) -> set[int]:
    """Ids of the edge lines that number their page. A number in a frame (`— 3 —`, `第3页`, `3/9`) does; a bare
    number does where it is its page's own number or goes up with the pages (one offset on two pages or more): a
    bare `5` at the foot of the last of three pages, none of the others numbered, is the value the form's last row
    wrote there."""
    framed, bare = set(), []
    for page in pages:
        for line in _edge_lines(page, flow):
            if PAGE_NUMBER.match(line.text):
                number = BARE_NUMBER.match(line.text)
                if number:
                    bare.append((id(line), int(number.group(1)) - page.number))
                else:
                    framed.add(id(line))
    offsets = Counter(offset for _, offset in bare)
    return framed | {line for line, offset in bare if offset == 0 or offsets[offset] >= 2}


def _edge_lines(page: _Page, flow: set[int] = frozenset()) -> list[_Line]:
    """The page's first and last lines, where furniture stands, but those in the body's flow (ids in ``flow``)."""
    lines = [it for it in page.items if isinstance(it, _Line)]
    k = LAYOUT.edge_lines
    edges = lines[:k] + lines[-k:] if len(lines) > 2 * k else lines
    return [line for line in edges if id(line) not in flow] if flow else edges
