"""A glued table (``glued_tables``) as a PDF's text gives it: the header words run together (`序号自查内容分值实有项目
评分方法得分`), then each row as its number and a space, its content, its points after the content's full stop with a
space before `分` (`4 分`), its rules up to the next row's number after a full stop (`…扣1 分。2 分管…`); a group as its
ordinal, its name and its points before its first row (`一保密工作领导责任制落实情况14 分1 主要…`). The row's number
is only the one expected next (`2 分管` opens row 2, never a weight), its points the first after the content."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.readers.line_cells import cell_role

MAX_CONTENT = 400  # characters of a row's content before its points
# a group: its ordinal, its name, its points, then its first row (`一保密工作…情况14 分1 主要`)
GROUP = regex.compile(r"\s*(?P<no>[一二三四五六七八九十]{1,3})[、.．]?\s*(?P<name>\p{Han}[^。；;\d]{1,40}?)\s*"
                      r"(?P<pts>\d{1,3}(?:\.\d)?)\s*分\s*(?=\d{1,2}\s+\p{Han})")
# a row's points after its content's full stop (`…保障。4 分对`)
CONTENT_POINTS = regex.compile(r"(?<=[。；;])\s*(?P<pts>\d{1,3}(?:\.\d)?)\s+分(?=\s*\p{Han})")


@lru_cache(maxsize=64)
def _start(number: int) -> regex.Pattern:
    """Row ``number`` opening: its number, a space, its content's first character."""
    return regex.compile(rf"\s*{number}\s+(?=\p{{Han}})")


@lru_cache(maxsize=64)
def _next(number: int) -> regex.Pattern:
    """Where the rules before row ``number`` (or before a group) end: after a full stop."""
    return regex.compile(rf"(?<=[。；;])(?:\s*{number}\s+(?=\p{{Han}})|{GROUP.pattern})")


def spaced_rows(line: str, at: int, header: list[str]) -> tuple[list[list[str]], int]:
    """The rows read from ``at`` on, each as wide as ``header`` (its 序号, content, weight and rules columns) and, under
    a group, with the group's name and points before them (a column the header's first cell spans), and where the
    first starts; no rows unless the header has those columns in that order."""
    roles = [cell_role(c) for c in header]
    if "row_no" not in roles or "weight" not in roles:
        return [], at
    number, weight = roles.index("row_no"), roles.index("weight")
    if weight != number + 2:
        return [], at
    rules = roles.index("criteria") if "criteria" in roles[weight:] else weight + 1
    rows: list[list[str]] = []
    pos, expected, first, heading = at, 1, None, None
    while True:
        group = GROUP.match(line, pos)
        if group is not None:  # its name, with its points, as its rows' merged cell left of the 序号
            heading = f"{group['name']}({group['pts']}分)"
            first = group.start("no") if first is None else first
            pos, expected = group.end(), 1
        start = _start(expected).match(line, pos)
        points = start and CONTENT_POINTS.search(line, start.end(), start.end() + MAX_CONTENT)
        if not points:
            break
        first = start.end() - 1 if first is None else first
        stop = _next(expected + 1).search(line, points.end())
        end = stop.start() if stop else len(line)
        rows.append(([heading] if heading is not None else [])
                    + _cells(header, {number: str(expected), number + 1: line[start.end():points.start()],
                                      weight: points["pts"], rules: line[points.end():end]}))
        if stop is None:
            break
        pos, expected = end, expected + 1
    return rows, first if first is not None else at


def _cells(header: list[str], values: dict[int, str]) -> list[str]:
    return [values.get(k, "").strip() if k < len(header) else "" for k in range(len(header))]
