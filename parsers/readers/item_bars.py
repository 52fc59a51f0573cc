"""A form a site wrote as bar rows that each hold one numbered item (`| 2、认真做好家访工作…(5分) 缺一次扣0.5分。 |
||||||||`) under a header row of column names: the items of a notice with their points, not a table's rows
(nothing lines up with the header's columns). The rows are read as plain lines, one item each."""
from __future__ import annotations

import regex

ITEM_START = regex.compile(r"^\s*\d{1,3}\s*[、.．]\s*\p{Han}")
POINTS = regex.compile(r"\d+(?:\.\d+)?\s*分")
MIN_ITEM = 12  # an item's cell is a sentence
MAX_SIDE_CELL = 6  # a short cell beside it (the form's total `100分`) is no content of the item
MIN_ROWS = 3


def _cells(line: str) -> list[str] | None:
    s = line.strip()
    if not s.startswith("|"):
        return None
    return [c.strip() for c in s.strip("|").split("|") if c.strip()]


def _item_cell(cells: list[str]) -> str | None:
    """The row's one numbered item cell with points, when the other cells are short or empty."""
    items = [c for c in cells if len(c) >= MIN_ITEM and ITEM_START.match(c) and POINTS.search(c)]
    if len(items) != 1 or any(len(c) > MAX_SIDE_CELL for c in cells if c is not items[0]):
        return None
    return items[0]


def item_bar_lines(lines: list[str], i: int) -> list[str] | None:
    """The bar rows from line ``i`` (a header row, then item rows) as plain lines, one per row (the header row's
    names spaced, each item row its item); None unless three or more rows in a row hold one item each."""
    out: list[str] = []
    j = i
    while j < len(lines):
        cells = _cells(lines[j])
        if cells is None:
            break
        item = _item_cell(cells)
        if item is None and j > i:
            break
        out.append(item if item is not None else " ".join(cells))
        j += 1
    items = len(out) - (0 if _item_cell(_cells(lines[i]) or []) else 1)
    return out if items >= MIN_ROWS else None
