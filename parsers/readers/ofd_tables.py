"""Tables drawn with lines on an OFD page: the PDF reader's table geometry, fed with OFD rules.

The straight segments of the page's paths go, in points, to pdfplumber's ``TableFinder`` as
explicit lines (the same snap/join/intersect/cells algorithm the PDF reader uses); each cell's
text comes from the glyphs whose centre falls inside it, and merged cells come out as in PDF
tables (MERGED_UP under a vertical merge, '' in the tail of a horizontal span)."""
from __future__ import annotations

from types import SimpleNamespace

from pdfplumber.table import TableFinder

from parsers.readers.ofd_text import Glyph, PageContent
from parsers.readers.pdf_reader import _PageTable
from parsers.readers.pdf_tables import MERGED_UP, MIN_EDGES, FoundTable, _cells, _Char, _line

MM_TO_PT = 72 / 25.4
CENTRE_DROP = 0.35  # a CJK glyph's centre sits this many font sizes above its baseline
MIN_RULE_MM = 2.0  # shorter straight segments are strokes of shapes or of glyphs drawn as paths


def find_tables(content: PageContent, box: tuple[float, float]) -> list[FoundTable]:
    vertical, horizontal = [], []
    for x0, y0, x1, y1 in content.rules:
        if max(x1 - x0, y1 - y0) < MIN_RULE_MM:
            continue
        x0, y0, x1, y1 = (v * MM_TO_PT for v in (x0, y0, x1, y1))
        (vertical if x0 == x1 else horizontal).append(_line(x0, x1, y0, y1))
    if len(vertical) < MIN_EDGES or len(horizontal) < MIN_EDGES:
        return []
    finder = TableFinder(SimpleNamespace(bbox=(0, 0, box[0] * MM_TO_PT, box[1] * MM_TO_PT)), {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})
    tables = [t for t in finder.tables if len(t.rows) >= 2 and len(t.rows[0].cells) >= 2]
    if not tables:
        return []
    chars = [_char(g) for g in content.glyphs]
    found = [FoundTable(tuple(t.bbox), _cells(t, chars)) for t in tables]
    return [t for t in found if any(cell for row in t.rows for cell in row)]  # a grid with no text is a drawing


def _char(g: Glyph) -> _Char:
    return _Char(g.char, g.x * MM_TO_PT, (g.x + g.advance / 2) * MM_TO_PT, (g.y - CENTRE_DROP * g.size) * MM_TO_PT,
                 g.size * MM_TO_PT)


def inside(g: Glyph, table: FoundTable) -> bool:
    x0, top, x1, bottom = table.bbox
    cx, cy = (g.x + g.advance / 2) * MM_TO_PT, (g.y - CENTRE_DROP * g.size) * MM_TO_PT
    return x0 <= cx <= x1 and top <= cy <= bottom


def continue_merges(pages: list) -> None:
    """A table going on over a page break: a cell merged down across the break is drawn again,
    empty, at the top of the next page (its text stays above the break). An empty cell at the
    top of a continued table that itself spans rows below is that continuation: it takes the
    value above it (the first column is left alone: there an empty cell marks a row cut in two)."""
    for before, page in zip(pages, pages[1:]):
        if not (before.items and page.items and isinstance(page.items[0], _PageTable)
                and isinstance(before.items[-1], _PageTable)):
            continue
        rows, above = page.items[0].rows, before.items[-1].rows
        if len(rows) < 2 or not above or len(rows[0]) != len(above[-1]):
            continue
        for c in range(1, len(rows[0])):
            if rows[0][c] == "" and rows[1][c] is MERGED_UP:
                rows[0][c] = MERGED_UP
