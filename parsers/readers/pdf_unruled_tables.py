"""A table printed without borders (a Word table without its grid, a spreadsheet printed without gridlines): no rule
to find it by, its cells wrapped over several lines and pdfium's text interleaving them (`1 经济发展 地区生产总` /
`值增长` / `20 完成目标得` …). Its header row names its columns (`序号 类别 指标名称 分值 …`, header words of the
vocabulary parted by gaps): each header cell's left edge starts a column, each line whose first column holds text
starts a row, and pdfplumber's ``TableFinder`` cuts the cells on those explicit lines, as it does a ruled table's
(``pdf_tables``). Only a page with no rules and a header row is looked at."""
from __future__ import annotations

from types import SimpleNamespace

from pdfplumber.table import TableFinder

from parsers.readers.line_cells import cell_role
from parsers.readers.pdf_tables import FoundTable, _cells, _chars, _line

CELL_GAP = 1.0  # × font size: characters of one header cell stand closer, cells farther apart
MIN_COLUMNS = 3
MIN_HEADER_WORDS = 3
MIN_ROWS = 2  # under the header
ROW_GAP = 2.5  # × the body's line spacing: a gap this tall ends the table
MARGIN = 2.0  # points around the cut lines
SPANNED = 0.9  # of a character's size: its ink over a column's edge


def unruled_tables(textpage, text: str, width: float, height: float, header_lines: list) -> list[FoundTable]:
    """The borderless tables under ``header_lines`` (the page's lines that read as header rows)."""
    chars = _chars(textpage, text, height)
    found = []
    for header in header_lines:
        table = _table_under(header, chars, width, height)
        if table is not None:
            found.append(table)
    return found


def _table_under(header, chars: list, width: float, height: float) -> FoundTable | None:
    size = header.size or 10.0
    on_header = sorted((c for c in chars if abs(c.cy - (header.top + size / 2)) < 0.5 * size and c.text.strip()),
                       key=lambda c: c.x)
    columns = _cell_starts(on_header, size)
    if len(columns) < MIN_COLUMNS:
        return None
    names = _cell_texts(on_header, columns)
    if sum(1 for n in names if cell_role(n)) < MIN_HEADER_WORDS:
        return None
    lines = _body_lines([c for c in chars if c.cy > header.top + size and c.text.strip()], columns)
    starts = [line for line in lines if any(c.x < columns[1] - MARGIN for c in line)]  # the first column holds text
    if len(starts) < MIN_ROWS:
        return None
    bottom = max(c.cy for c in lines[-1]) + size
    right = max([width - MARGIN] + [c.x + c.size for line in lines for c in line])
    vertical = [_line(x - MARGIN, x - MARGIN, header.top - MARGIN, bottom) for x in columns] + [
        _line(right, right, header.top - MARGIN, bottom)]
    tops = [header.top - MARGIN] + [min(c.cy for c in line) - size / 2 - MARGIN / 2 for line in starts] + [bottom]
    horizontal = [_line(columns[0] - MARGIN, right, y, y) for y in tops]
    finder = TableFinder(SimpleNamespace(bbox=(0, 0, width, height)), {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal})
    tables = [t for t in finder.tables if len(t.rows) > MIN_ROWS]
    return FoundTable(tuple(tables[0].bbox), _cells(tables[0], chars)) if tables else None


def _cell_starts(on_header: list, size: float) -> list[float]:
    """The left edge of each header cell: characters parted by a gap wider than ``CELL_GAP`` of the size."""
    starts: list[float] = []
    previous = None
    for c in on_header:
        if previous is None or c.x - (previous.x + previous.size) > CELL_GAP * size:
            starts.append(c.x)
        previous = c
    return starts


def _cell_texts(on_header: list, columns: list[float]) -> list[str]:
    texts = [""] * len(columns)
    for c in on_header:
        k = max(i for i, x in enumerate(columns) if c.x >= x - MARGIN)
        texts[k] += c.text
    return texts


def _body_lines(chars: list, columns: list[float]) -> list[list]:
    """The lines under the header down to the table's end: a line starting left of the first column, a line running
    across a column's edge (prose: a cell's text wraps before the next column), or a gap much taller than the lines'
    spacing ends it."""
    lines: list[list] = []
    for c in sorted(chars, key=lambda c: (round(c.cy), c.x)):
        if lines and abs(c.cy - lines[-1][0].cy) < 0.5 * max(c.size, 1.0):
            lines[-1].append(c)
        else:
            lines.append([c])
    body: list[list] = []
    spacing = None
    for line in lines:
        if min(c.x for c in line) < columns[0] - line[0].size or _across(line, columns[1:]):
            break
        if body:
            gap = line[0].cy - body[-1][0].cy
            if spacing is not None and gap > ROW_GAP * spacing:
                break
            spacing = gap if spacing is None else min(spacing, gap)
        body.append(line)
    return body


def _across(line: list, edges: list[float]) -> bool:
    """A character of ``line`` standing over a column's left edge."""
    return any(c.x < edge - MARGIN / 2 and c.x + SPANNED * c.size > edge + MARGIN / 2 for c in line for edge in edges)
