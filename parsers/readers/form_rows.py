"""Rows of a 绩效自评表 / 绩效目标表 a web page wrote as `|` lines (``pipe_tables``): a row broken after its opening bar
and after its first cell (a cell of two lines: `|` / `一级 指标 |` / `二级指标 | 三级指标 | …`), a header of two rows
(`绩效指标 | 年度指标值 | 实际完成值 | 分值 | …` over `一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`),
and a header row further down, where the form's indicators start under its funds block."""
from __future__ import annotations

import regex

from parsers.readers.line_cells import MIN_HEADER_CELLS, PIPE, cell_role, without_glosses

BARE_BAR = regex.compile(r"^\s*\|\s*$")  # `|`: a row opened, its first cell on the next line
FIRST_CELL = regex.compile(r"^[^|]+\|\s*$")  # `一级 指标 |`: a cell closed by its bar, the row going on below
LEVEL_ROLES = ("category", "indicator")


def row_line(lines: list[str], k: int) -> tuple[str, int]:
    """The row at line ``k`` as one line, and the line after it: a row broken after its opening bar and after its
    first cell (`|` / `一级 指标 |` / `二级指标 | 三级指标 | …`) joined; any other line as it is. A next line that
    is itself one cell closed by a bar is a table of one cell a line (``closed_rows_table``), not joined."""
    if (k + 2 < len(lines) and BARE_BAR.match(lines[k]) and FIRST_CELL.match(lines[k + 1])
            and lines[k + 2].count(PIPE) >= 2 and not lines[k + 2].lstrip().startswith(PIPE)):
        return f"| {lines[k + 1].strip()} {lines[k + 2].strip()}", k + 3
    return lines[k], k + 1


def header_row(cells: list[str]) -> bool:
    """Whether a row is all header words, one of them naming a level of indicators or the indicator itself (`绩效指标
    | 年度指标值 | 实际完成值 | 分值 | …`)."""
    text = [c for c in cells if c.strip()]
    if len(text) < MIN_HEADER_CELLS:
        return False
    roles = [cell_role(c) for c in text]
    return None not in roles and any(r in LEVEL_ROLES for r in roles)


def two_row_header(header: list[str], lines: list[str], k: int) -> tuple[list[str], int]:
    """The header, and the line its rows start at: where the row under the header is a header row too, opening with
    levels of indicators (`一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`), the upper row's first cell
    spans the levels and its second the cells after them (`绩效指标`, `年度指标值`); the upper row's other cells span
    both rows (`实际完成值 | 分值 | 得分 | …`) and follow the lower row's."""
    if k >= len(lines):
        return header, k
    line, after = row_line(lines, k)
    sub = [c.strip() for c in without_glosses(line).strip().strip(PIPE).split(PIPE)]
    while sub and not sub[-1]:
        sub.pop()
    if _spanned_first(header, sub):
        return sub + header[1:], after
    if not header_row(sub) or cell_role(sub[0]) not in LEVEL_ROLES or not header_row(header):
        return header, k
    levels = next((n for n, c in enumerate(sub) if cell_role(c) not in LEVEL_ROLES), len(sub))
    parents = 1 if levels == len(sub) else 2
    if len(header) <= parents or levels < 2:
        return header, k
    return sub + header[parents:], after


def _spanned_first(header: list[str], sub: list[str]) -> bool:
    """Whether the header's first cell spans the levels the row under it names, the header one cell short of its
    rows (`考评要素 | 标准分值 | 考评要点 | …` over `一级要素 | 二级要素 | ||||`): the lower row's words lead it, all
    levels, nothing after them; the upper row names no level past its first cell, each of its other cells a header
    word spanning both rows."""
    if len(sub) < 2 or len(header) < MIN_HEADER_CELLS or any(cell_role(c) not in LEVEL_ROLES for c in sub):
        return False
    roles = [cell_role(c) for c in header[1:] if c.strip()]
    return None not in roles and not any(r in LEVEL_ROLES for r in roles)
