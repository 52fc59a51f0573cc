"""A one-cell-per-line task table whose first header cell spans a group's number and its name (`项目名称` over `(一)` /
`经济社会发展主要预期目标`): both are written once, on lines of their own before the group's first row, and the rows
below give only their own cells. Each group's rows are read without those two lines (by their 序号 or their units,
``numbered_lines``) and take them as their first two cells, as the merged cells would fill them."""
from __future__ import annotations

import regex

from parsers.readers.line_tables import MIN_ROWS, clean_cell
from schemas.blocks import TableRow

# a group's number on a line of its own: `(一)`, `一、`
GROUP_NUMBER = regex.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*$")
MAX_GROUP_NAME = 40  # characters of a group's name: more is a row's text


def group_heading_rows(body: list[tuple[int, str]], header: list[str], roles: list[str | None],
                       source: str) -> tuple[list[TableRow], int] | None:
    """Rows of a task table (no weight, no 序号 column) whose groups open with their number and name; None unless
    the body starts with such a group and two rows or more read under the groups."""
    from parsers.readers.numbered_lines import by_numbers  # it reads rows with line_tables' helpers

    if "weight" in roles or "row_no" in roles or len(roles) < 3:
        return None
    starts = [k for k in range(len(body) - 2) if _opens_group(body, k)]
    if not starts or starts[0] != 0:
        return None
    rows: list[TableRow] = []
    end = None
    for n, k in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(body)
        found = by_numbers(body[k + 2:stop], header[1:], roles[1:], source)
        if found is None:
            break  # a group cut off, or text after the table
        part, end = found
        group = [clean_cell(body[k][1]), clean_cell(body[k + 1][1])]
        rows += [TableRow(group + list(r.cells), r.prov) for r in part]
        if end < body[stop - 1][0]:
            break  # the rows end before the next group: the table ends there
    if len(rows) < MIN_ROWS or end is None:
        return None
    return rows, end


def _opens_group(body: list[tuple[int, str]], k: int) -> bool:
    name = body[k + 1][1].strip()
    return bool(GROUP_NUMBER.match(body[k][1])) and not GROUP_NUMBER.match(name) and len(name) <= MAX_GROUP_NAME
