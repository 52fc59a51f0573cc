"""A PDF table that goes on over pages: its pieces, one a page, put back together. A header repeated on
every page is dropped, a row the page break cut is one row again, a header row the break parted from
its body (a table of one row at a page's foot) is the table's first row."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from parsers.readers.pdf_layout import ITEM_NUMBER, WHITESPACE
from schemas.blocks import Provenance, Table, TableRow

if TYPE_CHECKING:
    from parsers.readers.pdf_page_model import _PageTable

BARE_NUMBER = regex.compile(r"^[\d.]+\s*分?$")  # a weight or a row number: never the start of a cut sentence
STOP = regex.compile(r"[。；;：:！!？?]\s*[”」』）)]?\s*$")


def same_width(item: _PageTable, other: list) -> bool:
    """The item beside this one row is a table as wide (the rest of its table, over the page break)."""
    rows = getattr(other[0], "rows", None) if other else None  # a table, not a line
    return bool(rows) and len(rows[0]) == len(item.rows[0])


def add_table(blocks: list, item: _PageTable, source: str, continues: bool) -> None:
    rows = item.rows
    previous = blocks[-1] if blocks and isinstance(blocks[-1], Table) else None
    if continues and previous is not None and rows and len(rows[0]) == len(previous.rows[0].cells):
        rows = rows[_repeated_header(rows, previous.rows):]  # the header (all its rows) repeated on every page
        # a table of one row so far is its header the page break parted from its body: a header is never cut
        if rows and len(previous.rows) > 1 and _cut_row(previous.rows, rows[0]):
            _merge_split_row(previous.rows[-1], rows[0])  # a row cut by the page break
            rows = rows[1:]
        start = len(previous.rows)
        first = item.number + len(item.rows) - len(rows)
        previous.rows.extend(TableRow(list(r), Provenance(source, item.page, first + k)) for k, r in enumerate(rows))
        _fill_merged(previous.rows, start)
        return
    table_rows = [TableRow(list(r), Provenance(source, item.page, item.number + k)) for k, r in enumerate(rows)]
    _fill_merged(table_rows, 0)
    blocks.append(Table(table_rows, Provenance(source, item.page, item.number), merges_resolved=True))


def _norm_row(cells: list[str | None]) -> list[str]:
    return [WHITESPACE.sub("", c or "") for c in cells]


MAX_HEADER_ROWS = 3  # a header over more rows than this is not repeated whole (Word repeats what fits)


def _repeated_header(rows: list[list[str | None]], first: list[TableRow]) -> int:
    """How many rows at the top of this page's piece repeat the table's header: its first rows again, a header
    over two rows (`考核内容` over `指标 | 分值`) both. A cell a vertical merge covers (None here; the header cell
    above it, filled, in the table) matches whatever the table holds there."""
    count = 0
    while count < min(len(rows), len(first) - 1, MAX_HEADER_ROWS):
        here, there = _norm_row(rows[count]), _norm_row(first[count].cells)
        covered = [c is None for c in rows[count]]
        if not any(h for h in here) or any(h != t for h, t, c in zip(here, there, covered) if not c):
            break
        count += 1
    return count


def _cut_row(table: list[TableRow], after: list[str | None]) -> bool:
    """``after`` (the first row on a page) is the rest of the table's last row so far (on the page before):
    a cell filled above is empty here (a row of its own would give its number or weight again), each
    filled cell goes on from a filled cell above that is no bare number, and its first cell is empty
    or some cell goes on from a sentence the page break cut. Where no cell is empty here (a table without a
    weight column, its points in the item's text), the column whose rows open with an item number decides (looked
    for only then: it reads the whole table): the row above opened one there and stopped mid-sentence, this row opens
    none."""
    pairs = [(b.strip(), (a or "").strip()) for b, a in zip(table[-1].cells, after)]
    if not any(a for _, a in pairs):
        return False
    if any(a and (not b or BARE_NUMBER.match(b)) for b, a in pairs):
        return False
    if any(b and not a for b, a in pairs):
        return not pairs[0][1] or any(a and _cut_mid(b) for b, a in pairs)
    item_column = _item_column(table)
    if item_column is None or item_column >= len(pairs):
        return False
    b, a = pairs[item_column]
    return bool(ITEM_NUMBER.match(b)) and _cut_mid(b) and not ITEM_NUMBER.match(a)


MIN_NUMBERED_ROWS = 3
NUMBERED_SHARE = 0.6


def _item_column(rows: list[TableRow]) -> int | None:
    """The column whose cells open with an item number (`6、…`, `(2)…`) in most rows, if any."""
    if len(rows) < MIN_NUMBERED_ROWS:
        return None
    for c in range(len(rows[0].cells)):
        numbered = sum(1 for r in rows if c < len(r.cells) and r.cells[c] and ITEM_NUMBER.match(r.cells[c]))
        if numbered >= MIN_NUMBERED_ROWS and numbered >= NUMBERED_SHARE * len(rows):
            return c
    return None


def _cut_mid(text: str) -> bool:
    """Text that stops mid-sentence: not at a stop, a closing bracket or a bare number (`20`, `5分`)."""
    text = text.strip()
    return bool(text) and not STOP.search(text) and not text.endswith((")", "）")) and not BARE_NUMBER.match(text)


def _merge_split_row(target: TableRow, tail: list[str | None]) -> None:
    for c, part in enumerate(tail):
        if part and c < len(target.cells):
            target.cells[c] = f"{target.cells[c]}\n{part}" if target.cells[c] else part


def _fill_merged(rows: list[TableRow], start: int) -> None:
    """A vertically merged cell's value belongs to every row it spans."""
    from parsers.readers.pdf_tables import MERGED_UP  # loaded already: tables come from there
    for r in range(start, len(rows)):
        cells = rows[r].cells
        for c, value in enumerate(cells):
            if value is MERGED_UP:
                above = rows[r - 1].cells[c] if r > 0 and c < len(rows[r - 1].cells) else ""
                cells[c] = above or ""
