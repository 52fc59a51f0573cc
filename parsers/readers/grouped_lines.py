"""A one-cell-per-line task table whose first header cell spans a group's number and its name (`项目名称` over `(一)` /
`经济社会发展主要预期目标`): both are written once, on lines of their own before the group's first row, and the rows
below give only their own cells. Each group's rows are read without those two lines (by their 序号 or their units,
``numbered_lines``) and take them as their first two cells, as the merged cells would fill them. Also the rows
of a table with no weight column whose weights stand under the names (``weight_under_name_rows``), and rows whose
code stands right of their weight (``coded_rows``): those two are in ``weighted_lines``."""
from __future__ import annotations

import regex

from parsers.readers.line_cells import (
    MAX_ROW_LINES,
    MIN_ROWS,
    ROW_NUMBER_LINE,
    WEIGHT_LINE,
    clean_cell,
)
from parsers.readers.numbered_lines import by_numbers
from schemas.blocks import Provenance, TableRow

# a group's number on a line of its own: `(一)`, `一、`
GROUP_NUMBER = regex.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*$")
MAX_GROUP_NAME = 40  # characters of a group's name: more is a row's text


def group_heading_rows(body: list[tuple[int, str]], header: list[str], roles: list[str | None],
                       source: str) -> tuple[list[TableRow], int] | None:
    """Rows of a task table (no weight, no 序号 column) whose groups open with their number and name; None unless
    the body starts with such a group and two rows or more read under the groups."""

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


# a row's name closed by its own points: a short name with no sentence inside (`公墓建设工作(20分)`), or a numbered
# item (`1、认真做好…的贯彻落实。(3分)`); a group's heading (`一、…(7分)`) is none
NAME_WITH_POINTS = regex.compile(r"^(?:[^。；;：:一二三四五六七八九十]|[一二三四五六七八九十](?![、.．]))[^。；;：:]{1,39}"
                                 r"[（(]\s*\d{1,3}(?:\.\d+)?\s*分\s*[）)]$")
ITEM_WITH_POINTS = regex.compile(r"^\d{1,2}\s*[、.．]\S.{0,100}[（(]\s*\d{1,3}(?:\.\d+)?\s*分\s*[）)]$")
# the same with its `、` lost (`9社会面…(5分)`): a row only where its number follows the row above's
GLUED_ITEM_WITH_POINTS = regex.compile(r"^(\d{1,2})(?=\p{Han})\S.{0,120}[（(]\s*\d{1,3}(?:\.\d+)?\s*分\s*[）)]$")
ITEM_NUMBER = regex.compile(r"^\s*(\d{1,2})")
GROUP_LINE = regex.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\S")  # `二、…(10分)`: the next group's cell
PARTIES = ("units", "co_units", "assessors", "leaders")


def points_in_name_rows(body: list[tuple[int, str]], roles: list[str | None],
                        source: str) -> tuple[list[TableRow], int] | None:
    """序号 / 条线工作 / 考核责任单位 / 考核项目 / 考核指标 / 赋分办法, or 项目 / 一级指标 / 年度工作目标 / 评分标准 / 得分 / 责任科室,
    with no weight column: each row's name closes with its own points (`公墓建设工作(20分)`, `1、…。(3分)`) and its cells
    right of it follow, one a line (a form column the assessor fills in is not written; a party's cell, merged over the
    rows below, only where it changes, its names one a line). The cells left of the name (number, group, a party's
    names, a group heading `一、…(7分)`, a cell written down a column) stand before the first row they are merged over.
    The name column is the first whose rows all read so. None unless two rows or more do. A weight column is read
    only as one merged cell written before the first row (`27`, the group's points): the rows carry their own."""
    merged: set[int] = set()
    if "weight" in roles:  # its one cell written once before the first row (`27`): a group's points merged over
        if not body or not WEIGHT_LINE.match(body[0][1]):  # rows that carry their own: no row's weight, left empty
            return None
        merged, body = {roles.index("weight")}, body[1:]
    anchors = _anchors(body)
    if len(anchors) < MIN_ROWS or anchors[0] > MAX_ROW_LINES or any(b - a > MAX_ROW_LINES for a, b in zip(anchors, anchors[1:])):
        return None
    for name in (c for c, r in enumerate(roles) if r in ("indicator", "target") and (c > 0 or (merged and anchors[0] == 0))):
        found = _rows_named_at(body, anchors, name, roles, source, merged)
        if found is not None:
            return found
    return None


def _named(text: str) -> bool:
    return bool(NAME_WITH_POINTS.match(text.strip()) or ITEM_WITH_POINTS.match(text.strip()))


def _anchors(body: list[tuple[int, str]]) -> list[int]:
    """The lines naming a row with its points; a numbered one whose `、` was lost only after the row it follows."""
    anchors: list[int] = []
    for k, (_, text) in enumerate(body):
        glued = GLUED_ITEM_WITH_POINTS.match(text.strip())
        before = ITEM_NUMBER.match(body[anchors[-1]][1]) if anchors else None
        if _named(text) or (glued and before and int(glued.group(1)) == int(before.group(1)) + 1):
            anchors.append(k)
    return anchors


def _rows_named_at(body, anchors: list[int], name: int, roles: list[str | None],
                   source: str, merged: set[int]) -> tuple[list[TableRow], int] | None:
    right = [c for c in range(name + 1, len(roles)) if roles[c] != "form" and c not in merged]
    party = next((c for c in right if roles[c] in PARTIES), None)
    rows: list[TableRow] = []
    lead, left, above = [t for _, t in body[:anchors[0]]], [""] * name, [""] * len(roles)
    end = body[anchors[0]][0]
    for n, k in enumerate(anchors):
        stop = anchors[n + 1] if n + 1 < len(anchors) else min(len(body), k + 1 + len(right) + MAX_ROW_LINES)
        rest = [t for _, t in body[k + 1:stop]]
        nxt = next((j for j, t in enumerate(rest) if ROW_NUMBER_LINE.match(t) or GROUP_LINE.match(t)), len(rest))
        own, after = rest[:nxt], rest[nxt:]
        placed = _right_cells(own, right, party, above)
        if placed is None or (n + 1 == len(anchors) and after) or (n + 1 < len(anchors) and nxt < len(rest) and not after):
            if n + 1 == len(anchors) and placed is not None:
                pass  # the last row: what follows its cells is no part of the table
            else:
                break  # not a row of this shape: the table ends before it
        left = _left_cells(lead, left, roles[:name]) if lead else left  # merged over the rows below: repeated
        cells = left + [body[k][1]] + [""] * (len(roles) - name - 1)
        for c, text in placed.items():
            cells[c] = text
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, body[k][0] + 1)))
        above, lead = cells, after
        end = body[k + len(own)][0]
    return (rows, end) if len(rows) >= MIN_ROWS else None


def _right_cells(own: list[str], right: list[int], party: int | None, above: list[str]) -> dict[int, str] | None:
    """The written cells right of a row's name under their columns: one a line, a party's names the lines beyond
    (none: merged from the row above). None where the lines cannot be so placed."""
    plain = [c for c in right if c != party]
    if len(own) < len(plain) or (party is None and len(own) != len(plain)) or not own:
        return None
    extra = len(own) - len(plain)
    placed, it = {}, iter(own)
    for c in right:
        if c == party:
            placed[c] = "\n".join(next(it) for _ in range(extra)) if extra else above[c]
        else:
            placed[c] = next(it)
    return placed


def _left_cells(lead: list[str], left: list[str], roles: list[str | None]) -> list[str]:
    """The cells left of a row's name from the lines written before it: one a line from the name leftwards (a cell
    not written is merged from the row above), the lines beyond in the first (a cell written down a column, `业务` /
    `实绩` / `60分`), or in a party's cell if one is there (`市交通局` / `市公路段`)."""
    width = len(left)
    if len(lead) <= width:
        return left[:width - len(lead)] + lead
    at = next((c for c, r in enumerate(roles) if r in PARTIES), 0)  # the cell taking the lines beyond
    after = width - 1 - at
    return lead[:at] + ["\n".join(lead[at:len(lead) - after])] + lead[len(lead) - after:]
