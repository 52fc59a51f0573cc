"""Rows of a one-cell-per-line table whose 序号 (and group) cells are merged over several rows: only a group's first
row writes its number and group, the rows under it start at their name (`1` / `组织机构` / `有控烟工作领导小组` / `5` /
rule, then `有控烟工作网络` / `5` / rule, then `2` / `制度建设` / …). Each row ends at its weight line and the cells right of
it run up to the next row: the next number in turn (`2`, or `二` where the groups are numbered in Chinese), or a line
directly above a weight (an unnumbered row's name). Empty cells the page did not write are left empty, the merged ones
for the table's fill-down. Used where a weight's row needs its number within reach (``weighted_lines``) and a merged
number leaves a row without one: there a row's weight was taken for the next row's number."""
from __future__ import annotations

import regex

from parsers.readers.line_cells import MAX_ROW_LINES, MIN_ROWS, WEIGHT_LINE, clean_cell
from schemas.blocks import Provenance, TableRow

NUMERALS = "一二三四五六七八九十"
NUMBER_LINE = regex.compile(rf"^\s*(\d{{1,3}}|[{NUMERALS}]{{1,3}})\s*[.、．]?\s*$")


def merged_number_rows(body: list[tuple[int, str]], width: int, weight: int,
                       source: str) -> tuple[list[TableRow], int] | None:
    """The rows, and the line the last one ends on; None unless the first line is row 1's number, some row has its
    number merged into the row above's and every written number follows the one before."""
    if not body or _value(_number(body[0][1])) != 1 or weight < 2:
        return None
    rows: list[list[str]] = []
    provs: list[int] = []
    pos, expected, seen, merged, end = 0, 1, 0, False, None
    while pos < len(body):
        numbered = _numbered_at(body, pos, expected)
        at = _weight_at(body, pos + 1 if numbered else pos)
        if at is None or (not numbered and at != pos + 1) or (numbered and at < pos + 2):
            break
        cells = [""] * width
        cells[weight - 1], cells[weight] = body[at - 1][1], body[at][1]
        if numbered:
            cells[0] = body[pos][1]
            group = [t for _, t in body[pos + 1:at - 1]]
            if group and weight > 2:
                cells[1] = "\n".join(group)
            expected += 1
        merged = merged or not numbered
        right = _right(body, at + 1, expected)
        rows.append(cells)
        provs.append(body[pos][0] + 1)
        pos, last = at + 1 + len(right), right
        if pos >= len(body) or not _opens_row(body, pos, expected):
            last = right[:max(seen, 1)] if len(rows) > 1 else right[:1]
            fill_right(cells, [t for _, t in last], weight)
            end = (last[-1] if last else body[at])[0]
            break
        fill_right(cells, [t for _, t in right], weight)
        seen = max(seen, len(right))
        end = (right[-1] if right else body[at])[0]
    if len(rows) < MIN_ROWS or not merged or end is None:
        return None
    return [TableRow([clean_cell(c) for c in r], Provenance(source, None, p)) for r, p in zip(rows, provs)], end


def _number(text: str) -> str | None:
    m = NUMBER_LINE.match(text)
    return m.group(1) if m else None


def _value(number: str | None) -> int | None:
    """`3` → 3, `三` → 3, `十二` → 12."""
    if number is None:
        return None
    if number.isdigit():
        return int(number)
    if len(number) == 1:
        return NUMERALS.index(number) + 1
    tens, _, units = number.partition("十")
    return (NUMERALS.index(tens) + 1 if tens else 1) * 10 + (NUMERALS.index(units) + 1 if units else 0)


def _weight_at(body: list[tuple[int, str]], start: int) -> int | None:
    """The first weight line from ``start`` (not one under another weight), within a row's reach."""
    for k in range(start, min(start + MAX_ROW_LINES, len(body))):
        if WEIGHT_LINE.match(body[k][1]) and _number(body[k - 1][1]) is None and not WEIGHT_LINE.match(body[k - 1][1]):
            return k
    return None


def _opens_row(body: list[tuple[int, str]], k: int, expected: int) -> bool:
    """Whether line ``k`` starts a row: the next number in turn, or an unnumbered row's name right above its
    weight."""
    if _numbered_at(body, k, expected):
        return True
    return (k + 1 < len(body) and WEIGHT_LINE.match(body[k + 1][1]) is not None and _number(body[k][1]) is None
            and not _numbered_at(body, k + 1, expected))  # `2` / `制度建设` / …: the next number, not a weight


def _numbered_at(body: list[tuple[int, str]], k: int, expected: int) -> bool:
    """Line ``k`` is the next number in turn, its group or name lines and its weight after it."""
    if _value(_number(body[k][1])) != expected:
        return False
    at = _weight_at(body, k + 1)
    return at is not None and at >= k + 2


def _right(body: list[tuple[int, str]], start: int, expected: int) -> list[tuple[int, str]]:
    """The lines right of a weight: up to the next row's start."""
    k = start
    while k < len(body) and k - start < MAX_ROW_LINES and not _opens_row(body, k, expected):
        k += 1
    return body[start:k]


def fill_right(cells: list[str], lines: list[str], weight: int) -> None:
    """The cells right of the weight from the lines after it: one line a cell where the counts agree, else all in the
    first cell right of the weight (weighted_lines reads its rows' tails so too)."""
    after = len(cells) - weight - 1
    if not lines or not after:
        return
    if len(lines) == after:
        cells[weight + 1:] = lines
    else:
        cells[weight + 1] = "\n".join(lines)
