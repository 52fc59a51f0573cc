"""Tables on a PDF page, from pypdfium2 objects and pdfplumber's table geometry.

pdfplumber finds tables well, but reaching its ``page.edges`` and ``page.chars`` means parsing the
whole page with pdfminer, about 30 ms a page. Here the ruling lines come from pypdfium2's path
objects and go to pdfplumber's ``TableFinder`` as explicit lines, which runs the same
snap/join/intersect/cells algorithm; cell text comes from pypdfium2's characters, put in reading
order by position. Same tables, a fraction of the time.
"""
from __future__ import annotations

import ctypes
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from types import SimpleNamespace

import pypdfium2.raw as pdfium_c
from pdfplumber.table import TableFinder

from parsers.readers import pdfium_bare as bare
from parsers.readers.pdf_layout import LINE_END_HYPHEN
from parsers.textnorm import clean_text

RULE_MAX_THICKNESS = 3.0  # points: thicker filled shapes are shading, not rules
MIN_EDGES = 2
MERGED_UP = None  # a cell covered by the merged cell above
BASELINE_TO_MIDDLE = 0.35  # × font size: a CJK line's middle above its baseline
_HEIGHT = attrgetter("cy")


@dataclass
class FoundTable:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom (top-based, like pdfplumber)
    rows: list[list[str | None]]


@dataclass
class _Char:
    text: str
    x: float
    cx: float
    cy: float  # the middle of its line, top-based: from the baseline, the same for every glyph on it
    size: float


def find_tables(page, textpage, text: str, width: float, height: float, min_rows: int = 2) -> list[FoundTable]:
    """Ruled tables of at least ``min_rows`` rows (one: a header row the page break parted from its body)."""
    vertical, horizontal = _rules(page, height)
    if len(vertical) < MIN_EDGES or len(horizontal) < MIN_EDGES:
        return []
    finder = TableFinder(SimpleNamespace(bbox=(0, 0, width, height)), {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})
    tables = [t for found in finder.tables for t in stacked_grids(found) if len(t.rows) >= min_rows]
    if not tables:
        return []
    chars = _chars(textpage, text, height)
    return [FoundTable(tuple(t.bbox), _cells(t, chars)) for t in tables]


def stacked_grids(table) -> list:
    """A found table cut where its rows' column rules change: two tables drawn one under the other with no gap
    (a form's funds block over its indicator table, each a Word table of its own) meet in shared rules and are
    found as one, under a grid of both tables' columns. One table's rows draw their rules on the same columns, a
    merged cell leaving some out, so the rules above a row and below it mostly meet; two tables' meet by chance, in
    fewer than half of the rules of either (a 6-column form over an 8-column table: one in five). Rows of one
    merged cell (a title over all columns) draw no inner rule and stay with the rows above them."""
    inner = [_inner_rules(row) for row in table.rows]
    cuts = [0]
    for k in range(1, len(inner)):
        above = set().union(*inner[cuts[-1]:k])
        below = set().union(*inner[k:])
        if above and below and _shared(above, below) * 2 < min(len(above), len(below)):
            cuts.append(k)
    if len(cuts) == 1:
        return [table]
    ends = [*cuts[1:], len(inner)]
    return [_part(table.rows[a:b]) for a, b in zip(cuts, ends)]


GRID_TOLERANCE = 1.5  # points: one rule drawn by both tables, or two rules apart


def _shared(above: set[float], below: set[float]) -> int:
    """Rules above that a rule below continues."""
    return sum(1 for a in above if any(abs(a - b) <= GRID_TOLERANCE for b in below))


def _inner_rules(row) -> set[float]:
    """The x of each rule between two of the row's cells."""
    cells = [c for c in row.cells if c is not None]
    if not cells:
        return set()
    left, right = min(c[0] for c in cells), max(c[2] for c in cells)
    return {x for c in cells for x in (c[0], c[2]) if left + GRID_TOLERANCE < x < right - GRID_TOLERANCE}


def _part(rows: list):
    """Some rows of a found table, as a table of their own (what ``_cells`` and callers read), on their own
    columns: a column of the joint grid where none of these rows starts a cell is another table's."""
    boxes = [row.bbox for row in rows]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    mine = [c for c in range(len(rows[0].cells)) if any(row.cells[c] is not None for row in rows)]
    return SimpleNamespace(rows=[SimpleNamespace(cells=[row.cells[c] for c in mine], bbox=row.bbox) for row in rows],
                           bbox=bbox)


def _rules(page, height: float) -> tuple[list[dict], list[dict]]:
    """Horizontal and vertical segments drawn by path objects, as pdfplumber line objects."""
    vertical: list[dict] = []
    horizontal: list[dict] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for k in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        if y1 - y0 <= RULE_MAX_THICKNESS and x1 - x0 > RULE_MAX_THICKNESS:
            horizontal.append(_line(x0, x1, height - (y0 + y1) / 2, height - (y0 + y1) / 2))
        elif x1 - x0 <= RULE_MAX_THICKNESS and y1 - y0 > RULE_MAX_THICKNESS:
            vertical.append(_line((x0 + x1) / 2, (x0 + x1) / 2, height - y1, height - y0))
        else:
            _segments(obj, height, vertical, horizontal)
    return vertical, horizontal


def _segments(obj, height: float, vertical: list, horizontal: list) -> None:
    """A path drawing several rules at once (a cell's rectangle, a whole grid)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        px = matrix.a * x.value + matrix.c * y.value + matrix.e
        py = matrix.b * x.value + matrix.d * y.value + matrix.f
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not points:
            points, start = [(px, py)], (px, py)
        else:
            _add_segment(points[-1], (px, py), height, vertical, horizontal)
            points.append((px, py))
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _add_segment(points[-1], start, height, vertical, horizontal)


def _add_segment(a, b, height: float, vertical: list, horizontal: list) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) < 0.5 and abs(ax - bx) > RULE_MAX_THICKNESS:
        horizontal.append(_line(min(ax, bx), max(ax, bx), height - ay, height - ay))
    elif abs(ax - bx) < 0.5 and abs(ay - by) > RULE_MAX_THICKNESS:
        vertical.append(_line(ax, ax, height - max(ay, by), height - min(ay, by)))


def _line(x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top}


def _chars(textpage, text: str, height: float) -> list[_Char]:
    """The page's characters with their positions, sorted by their centre's height (stable: characters at
    one height stay in text order), so a cell finds its own by bisection instead of scanning the page."""
    chars = []
    x, y, rect = ctypes.c_double(), ctypes.c_double(), pdfium_c.FS_RECTF()
    at, x_at, y_at = ctypes.byref(rect), ctypes.byref(x), ctypes.byref(y)
    handle, box, origin, font_size = bare.handle(textpage), bare.char_box, bare.char_origin, bare.font_size
    for i, ch in enumerate(text):
        if ch in "\r\n":
            continue
        box(handle, i, at)
        origin(handle, i, x_at, y_at)
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        # A glyph's box may hug its ink (fonts without ascent and descent): `、` and `，` sit low, and
        # their box's centre would put them on a line of their own. The baseline is the line's.
        size = font_size(handle, i) or (top - bottom)
        middle = y.value + BASELINE_TO_MIDDLE * size if size else (top + bottom) / 2
        # pdfium's U+FFFE: a hyphen ending a line inside the cell (`扣` / `-1分`), the text's own (pdf_reader)
        chars.append(_Char("-" if ch == LINE_END_HYPHEN else ch, x.value, (left + right) / 2, height - middle,
                           size or top - bottom))
    chars.sort(key=lambda c: c.cy)
    return chars


def _cells(table, chars: list[_Char]) -> list[list[str | None]]:
    """Each cell's text in reading order, one line per text line; a cell covered by a merge is
    MERGED_UP when the merge is vertical and '' when it is the tail of a horizontal span."""
    col_x0: dict[int, float] = {}
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            if cell is not None:
                col_x0[c] = min(col_x0.get(c, cell[0]), cell[0])
    rows = []
    for row in table.rows:
        out: list[str | None] = []
        for c, cell in enumerate(row.cells):
            if cell is not None:
                out.append(_cell_text(cell, chars))
                continue
            left = next((row.cells[k] for k in range(c - 1, -1, -1) if row.cells[k] is not None), None)
            spans_here = left is not None and c in col_x0 and left[2] > col_x0[c] + 1
            out.append("" if spans_here else MERGED_UP)
        rows.append(out)
    return rows


def _cell_text(bbox, chars: list[_Char]) -> str:
    """``chars`` sorted by height (``_chars``): the cell's band is found by bisection."""
    x0, top, x1, bottom = bbox
    band = chars[bisect_left(chars, top, key=_HEIGHT):bisect_left(chars, bottom, key=_HEIGHT)]
    inside = [ch for ch in band if x0 <= ch.cx < x1]
    lines: list[list[_Char]] = []
    for ch in inside:
        if lines and abs(ch.cy - lines[-1][0].cy) < 0.5 * max(ch.size, 1.0):
            lines[-1].append(ch)
        else:
            lines.append([ch])
    texts = ["".join(c.text for c in sorted(line, key=lambda c: c.x)) for line in lines]
    return "\n".join(t for t in (clean_text(x) for x in texts) if t)


