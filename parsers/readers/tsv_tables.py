"""A table copied out of a spreadsheet into text: one row a line, its cells parted by one tab each, an empty cell two
tabs in a row (`2\t\t一般公共预算收入\t15`: a grouping cell left empty under the group's first row). The readers that
take any run of blanks for one gap read such a row one cell short, so the whole table was read as prose."""
from __future__ import annotations

from parsers.readers.line_cells import cell_role
from parsers.textnorm import clean_text
from schemas.blocks import Provenance, Table, TableRow

MIN_CELLS = 3  # a header of three columns or more
MIN_HEADER_WORDS = 2  # header cells the vocabulary names: a table's first row, not a line of prose with tabs
MIN_ROWS = 2  # under the header


def tsv_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """The table opening at line ``i`` (its header a row of header words), and the line after it; else None."""
    header = _cells(lines[i])
    if header is None or sum(1 for c in header if cell_role(c)) < MIN_HEADER_WORDS:
        return None
    k = i + 1
    while k < len(lines) and (cells := _cells(lines[k])) is not None and len(cells) == len(header):
        k += 1
    if k - i - 1 < MIN_ROWS:
        return None
    rows = [TableRow([clean_text(c) for c in _cells(lines[j])], Provenance(source, None, j + 1)) for j in range(i, k)]
    return Table(rows, rows[0].prov, merges_resolved=False), k  # an empty cell may stand for a merged one


def _cells(line: str) -> list[str] | None:
    """A line's cells parted by single tabs (trailing ones a spreadsheet leaves on a short row kept as empty cells)."""
    if "\t" not in line:
        return None
    cells = line.rstrip("\r\n").split("\t")
    return cells if len(cells) >= MIN_CELLS and any(c.strip() for c in cells) else None
