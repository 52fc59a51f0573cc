"""A one-cell-per-line task table whose 序号 and goal are merged over several tasks, each numbered inside its own cell
(`(1)` `(2)` … in `工作标准`), written with no blank lines and every merged cell once, in its first row:

    1 / 全区经济社会发展的主要预期目标 / (1)地区生产总值增长5%左右。/ 王旭锋 / 区发改局 / 经开区 / 各街道 /
    (2)一般公共预算收入保持稳定增长。/ 区财政局 / (3)…

Each task is a row. The lines after it are its party cells (分管领导 / 牵头单位 / 配合单位), in the header's order: a
person's name fills the leaders, the first unit's name the next column taking units, further names that column's
next one, names beyond the last column stay in it (a cell of several names, one a line). A party column a task does
not write is merged from the row above, as are the 序号 and the goal."""
from __future__ import annotations

import regex

from parsers.extract.headers import looks_like_org, looks_like_person
from parsers.readers.line_cells import MIN_ROWS, PARTY_ROLES, clean_cell
from parsers.textnorm import no_space
from schemas.blocks import Provenance, TableRow

ITEM = regex.compile(r"^\s*[（(]\s*(\d{1,3})\s*[)）]\s*\S")  # `(1)地区生产总值增长5%左右。`
ROW_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*[.、．]?\s*$")
NAME_SPLIT = regex.compile(r"[、，,；;]")
TASK_ROLES = ("criteria", "target", "indicator")
Body = list[tuple[int, str]]


def subitem_rows(body: Body, header: list[str], roles: list[str | None],
                 source: str) -> tuple[list[TableRow], int] | None:
    """The rows, one per numbered task, and the index of the last line used; None unless the table has that shape
    (a 序号 first, then the goal's columns, a task column and party columns only) and two tasks or more read."""
    task = _task_column(roles)
    if task is None or not body or not ROW_NUMBER.match(body[0][1]):
        return None
    rows: list[list[str]] = []
    provs: list[int] = []
    k, end, last_item, group = 0, None, 0, None
    while k < len(body):
        text = body[k][1]
        if ROW_NUMBER.match(text) and k + task < len(body) and ITEM.match(body[k + task][1]):
            group = [t for _, t in body[k:k + task]]  # the 序号 and the goal's cells, each on one line
            k += task
            continue
        item = ITEM.match(text)
        if not item or group is None or int(item.group(1)) not in (last_item + 1, 1):
            break
        cells = group + [text] + [""] * (len(roles) - task - 1)
        k = _party_cells(body, k + 1, cells, roles, task)
        rows.append(cells)
        provs.append(body[k - 1][0])
        end, last_item = body[k - 1][0], int(item.group(1))
    if len(rows) < MIN_ROWS or end is None:
        return None
    _merged_down(rows, task)
    return [TableRow([clean_cell(c) for c in r], Provenance(source, None, p + 1)) for r, p in zip(rows, provs)], end


def _task_column(roles: list[str | None]) -> int | None:
    """The column holding the numbered tasks: the last descriptive column, with only party columns right of it."""
    if len(roles) < 3 or roles[0] != "row_no":
        return None
    task = max((i for i, r in enumerate(roles) if r in TASK_ROLES), default=None)
    if task is None or task < 1 or task + 1 >= len(roles) or any(r not in PARTY_ROLES for r in roles[task + 1:]):
        return None
    return task


def _party_cells(body: Body, k: int, cells: list[str], roles: list[str | None], task: int) -> int:
    """Fill ``cells`` right of the task from the lines at ``k`` on that name people or units; the index after them."""
    column = task
    while k < len(body) and not ITEM.match(body[k][1]) and not ROW_NUMBER.match(body[k][1]):
        text = body[k][1].strip()
        wanted = "leaders" if looks_like_person(text) else "units" if _units_line(text) else None
        if wanted is None:
            break  # no name: text after the table
        nxt = next((c for c in range(column + 1, len(roles)) if (roles[c] == "leaders") == (wanted == "leaders")), None)
        if nxt is None and column > task and (roles[column] == "leaders") == (wanted == "leaders"):
            nxt = column  # one more name in the cell just filled
        if nxt is None:
            break
        cells[nxt] = f"{cells[nxt]}\n{text}" if cells[nxt] else text
        column = nxt
        k += 1
    return k


def _units_line(text: str) -> bool:
    names = [n for n in NAME_SPLIT.split(text) if no_space(n)]
    return bool(names) and all(looks_like_org(n) for n in names)


def _merged_down(rows: list[list[str]], task: int) -> None:
    """The 序号, the goal and the party cells a row does not write are merged from the row above."""
    for above, row in zip(rows, rows[1:]):
        for c, cell in enumerate(row):
            if c != task and not no_space(cell):
                row[c] = above[c]
