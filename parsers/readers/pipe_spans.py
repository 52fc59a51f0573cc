"""What a `|`-separated table's rows say about its header (``pipe_tables``): a first header cell spanning two columns
(`类别` over a group and its sub-group: rows one cell wider than the header), and a form column (`得分`) the page
filled with each row's points (the column a form leaves blank, printed with the points a row is worth)."""
from __future__ import annotations

import regex

from parsers.extract.headers import weight_value
from parsers.readers.form_rows import header_row, row_line
from parsers.readers.line_cells import MIN_ROWS, PIPE, cell_role, without_glosses
from parsers.readers.row_placement import SPANNING_ROLES
from parsers.textnorm import no_space

MAX_AHEAD = 40  # rows looked at for a form column's points (a bounded look: the reader tries many lines)
BARE_PIPES = regex.compile(r"^\s*\|[|\s]*$")  # `|`, `||||`: a row's start or its empty cells


def pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in without_glosses(line).strip().strip(PIPE).split(PIPE)]


def rows_ahead(lines: list[str], k: int, most: int | None = None) -> list[list[str]]:
    """The written cells of the `|` rows from line ``k`` on (their closing empty cells left off), to the run's end, a
    row of header words (the next table's) or ``most`` rows."""
    rows: list[list[str]] = []
    while k < len(lines) and lines[k].count(PIPE) >= 1 and (most is None or len(rows) < most):
        line, k = row_line(lines, k)
        cells = pipe_cells(line)
        while cells and not cells[-1]:
            cells.pop()
        if rows and (header_row(cells) or sub_header(cells)):
            break
        if cells:
            rows.append(cells)
    return rows


def past_bare_rows(lines: list[str], k: int) -> int:
    """The first line from ``k`` that is not bare `|` (the page's line under a header row), unless the bare `|`
    opens a row broken after it (``row_line``)."""
    while k < len(lines) and BARE_PIPES.match(lines[k]) and row_line(lines, k)[1] == k + 1:
        k += 1
    return k


def spanned_first(header: list[str], roles: list[str | None],
                  rows: list[list[str]]) -> tuple[list[str], list[str | None], bool]:
    """The header, its first cell widened by one column where a row is one cell wider than the header and the first
    cell names a grouping or name column (`类别 | 考核内容 | 得分` over `政务公开工作开展情况 | 主要载体建设 | 门户网建设 |
    6分`): the spanned column is blank in the header and takes the first cell's role; and whether it was widened."""
    if not header or roles[0] not in SPANNING_ROLES or not any(len(r) == len(header) + 1 for r in rows):
        return header, roles, False
    return header[:1] + [""] + header[1:], roles[:1] * 2 + roles[1:], True


def form_points_as_weight(roles: list[str | None], lines: list[str], k: int) -> list[str | None]:
    """Where no column is named as the weight: the first form column (`得分`) whose cell is points (`2分`) in every row
    written as wide as the header (MIN_ROWS of them at least, among the first MAX_AHEAD rows from line ``k``) is the
    weight column (the page printed each row's points where a form leaves its score blank)."""
    if "weight" in roles or "form" not in roles:
        return roles
    full = [r for r in rows_ahead(lines, k, MAX_AHEAD) if len(r) == len(roles)]
    if len(full) < MIN_ROWS:
        return roles
    for index, role in enumerate(roles):
        if role == "form" and all(_points(r[index]) for r in full):
            return roles[:index] + ["weight"] + roles[index + 1:]
    return roles


def _points(cell: str) -> bool:
    text = no_space(cell)
    return text.endswith("分") and weight_value(text) is not None


def sub_header(cells: list[str]) -> bool:
    """A row whose cells after its first are all header words, two or more, one of them naming points (`…其他形式 |
    考 核 内 容 | 倒扣分值`): the header of the table's next part (its deductions), which ends this one."""
    roles = [cell_role(c) for c in cells[1:] if no_space(c)]
    return len(roles) >= 2 and None not in roles and "form" not in roles and "weight" in roles
