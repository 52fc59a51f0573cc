"""A PDF's lines → paragraphs, by geometry: a wrapped line starts at the left margin after a line that ran to the
right margin; a first line is indented or follows a line that ended early. The text-layer, OCR and OFD readers
give their pages as the lines and tables defined here (``_Line``, ``_PageTable``, ``_Page``)."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

import regex

from parsers.readers.pdf_layout import ITEM_NUMBER, LAYOUT
from parsers.readers.pdf_page_tables import add_table, same_width
from parsers.textnorm import clean_text
from schemas.blocks import Paragraph, Provenance

TERMINAL = regex.compile(r"[。；;：:！!？?]\s*[”」』）)]?\s*$")
WORD_END = regex.compile(r"[\p{Han}\w]\s*$")  # a line stopping on a character or a figure, not on a mark
# A line holding only a clause's points (`(5分)`, `（10分）。`): the tail Word wrapped because a bracket may not end
# a line, never a paragraph of its own, however short the line above ended.
LONE_POINTS = regex.compile(r"^\s*[（(]\s*\d{1,4}(?:\.\d+)?\s*分\s*[)）]\s*[。；;，,.]?\s*$")


@dataclass(slots=True)  # thousands a document: slots make them cheaper to build and read
class _Line:
    text: str
    page: int
    number: int
    x0: float
    x1: float
    top: float  # distance from the top of the page
    size: float
    joined: int = 0  # pieces pdfium gave apart that share this line's baseline
    ocr: bool = False  # read by OCR from the rendered page


@dataclass(slots=True)
class _PageTable:
    rows: list[list[str | None]]
    page: int
    top: float
    number: int


@dataclass
class _Page:
    number: int
    items: list[_Line | _PageTable] = field(default_factory=list)
    width: float = 0.0  # points; 0 where unknown (OCR)


def _assemble(pages: list[_Page], source: str) -> list:
    lines = [it for p in pages for it in p.items if isinstance(it, _Line)]
    margin_left, margin_right, size = _margins(lines)
    widths = [p.width for p in pages if p.width]
    if widths and lines:
        # The text area ends about as far from the page's right edge as it starts from its left. When
        # no line wraps (short paragraphs, each a line), the line ends say nothing of the margin.
        margin_right = max(margin_right, min(widths) - margin_left)
    indented = _indented_paragraphs(lines, margin_left, margin_right)
    blocks: list = []
    current: list[_Line] = []
    prev_item = None

    def flush():
        if current:
            blocks.append(_paragraph(current, source, margin_left, margin_right, size))
            current.clear()

    items = [it for page in pages for it in page.items]
    for k, item in enumerate(items):
        if isinstance(item, _PageTable) and len(item.rows) == 1 and not (
                same_width(item, items[k + 1:k + 2]) or same_width(item, [prev_item])):
            flush()  # a single ruled row no table follows: a boxed line, read as its cells' text
            blocks.extend(Paragraph(clean_text(c), Provenance(source, item.page, item.number))
                          for c in item.rows[0] if c and c.strip())
        elif isinstance(item, _PageTable):
            flush()
            add_table(blocks, item, source, continues=isinstance(prev_item, _PageTable))
        elif current and (_continues(current[-1], item, margin_left, margin_right, indented and len(current) > 1)
                          or _centred_wrap(current, item, margin_left, margin_right)):
            current.append(item)
        else:
            flush()
            current.append(item)
        prev_item = item
    flush()
    return blocks


def _margins(lines: list[_Line]) -> tuple[float, float, float]:
    if not lines:  # pages of tables only: no paragraph geometry to learn
        return 0.0, 0.0, LAYOUT.default_font_size
    size = statistics.median(line.size for line in lines) or LAYOUT.default_font_size
    lefts = Counter(round(line.x0) for line in lines)
    enough = LAYOUT.margin_min_lines if len(lines) >= LAYOUT.short_document_lines else 2
    frequent = [x for x, n in lefts.items() if n >= enough] or list(lefts)
    rights = sorted(line.x1 for line in lines)
    return float(min(frequent)), rights[int(LAYOUT.right_margin_quantile * (len(rights) - 1))], size


def _continues(prev: _Line, line: _Line, left: float, right: float, indented: bool = False) -> bool:
    """A wrapped line starts at the left margin after a line that ran to the right margin (or, with ``indented``: in
    a document whose paragraphs open indented, after a wrapped paragraph's line broken mid-sentence)."""
    size = prev.size or LAYOUT.default_font_size
    if abs(line.size - prev.size) > LAYOUT.size_change * size:
        return False
    if line.x0 > left + LAYOUT.first_line_indent * size:  # indented first line, centred heading
        return False
    if LONE_POINTS.match(line.text) and not (line.page == prev.page and line.top - prev.top > LAYOUT.paragraph_gap * size):
        return True
    if prev.x1 < right - LAYOUT.short_line * size and not (indented and _broken_mid_sentence(prev, line, left)):
        return False  # the line above ended early: its paragraph ended there
    if TERMINAL.search(prev.text) and prev.x1 < right - LAYOUT.short_line_after_stop * size:
        return False
    if _letter_spaced(prev.text):  # a short line stretched to the margin (分散对齐): its paragraph's last line
        return False
    if line.page == prev.page and line.top - prev.top > LAYOUT.paragraph_gap * size:
        return False
    return True


def _indented_paragraphs(lines: list[_Line], left: float, right: float) -> bool:
    """The document opens its paragraphs with an indent: nearly every line after one that ended early (a paragraph's
    first line) stands indented. There a line at the margin after a short one is no new paragraph."""
    starts = [line for prev, line in zip(lines, lines[1:]) if line.page == prev.page
              and prev.x1 < right - LAYOUT.short_line * (prev.size or LAYOUT.default_font_size)]
    indented = sum(1 for line in starts if line.x0 > left + LAYOUT.first_line_indent * (line.size or 1.0))
    return len(starts) >= LAYOUT.indented_min_paragraphs and indented >= LAYOUT.indented_share * len(starts)


def _broken_mid_sentence(prev: _Line, line: _Line, left: float) -> bool:
    """A line of body text (at the margin or the indent, not centred) that stops on a word, not on a mark, above a
    line at the margin that starts no item: a break inside the paragraph (Shift+Enter in Word; web text pasted
    with its line breaks), where the paragraph's own first line would be indented."""
    size = prev.size or LAYOUT.default_font_size
    return (prev.x0 <= left + 2 * LAYOUT.first_line_indent * size and WORD_END.search(prev.text) is not None
            and not ITEM_NUMBER.match(line.text) and not _letter_spaced(prev.text))


def _letter_spaced(text: str) -> bool:
    """Most characters of the line stand apart by a space pdfium put in for a wide gap: a line whose
    characters were spread to fill the width (distributed alignment stretches a paragraph's last line to
    the margin) or a spaced heading (`考 核 细 则`), never a wrapped line of prose."""
    gaps = text.count(" ")
    return gaps >= LAYOUT.spaced_min_gaps and gaps >= LAYOUT.spaced_share * (len(text) - gaps - 1)


def _centred_wrap(current: list[_Line], line: _Line, left: float, right: float) -> bool:
    """A centred line (a title) too long for one line: its first line fills the width, centred (a body
    paragraph's first line is indented, its end at the margin), and the rest is centred under it in the
    same size."""
    first = current[0]
    size = first.size or LAYOUT.default_font_size
    return (len(current) == 1 and abs(line.size - first.size) <= LAYOUT.size_change * size and not ITEM_NUMBER.match(first.text)
            and first.x0 - left < 2 * size and abs((first.x0 - left) - (right - first.x1)) < size
            and line.x0 > left + LAYOUT.first_line_indent * size and abs((line.x0 - left) - (right - line.x1)) < size
            and line.page == first.page and 0 < line.top - first.top <= LAYOUT.paragraph_gap * size)


def _paragraph(lines: list[_Line], source: str, left: float, right: float, size: float) -> Paragraph:
    text = lines[0].text
    for line in lines[1:]:
        sep = " " if text[-1:].isascii() and text[-1:].isalnum() and line.text[:1].isascii() and line.text[:1].isalnum() else ""
        text += sep + line.text
    first = lines[0]
    centered = len(lines) == 1 and first.x0 > left + LAYOUT.centred_indent * size and abs((first.x0 - left) - (right - first.x1)) < size
    return Paragraph(clean_text(text), Provenance(source, first.page, first.number, ocr=any(line.ocr for line in lines)), centered=centered)
