"""`|`-separated lines without the markdown separator row, recovered as a table (the cells each closed by a line `|`:
``separated_tables``): a merged cell is missing from the
rows below it (a row with fewer cells), so the missing cells are the merged ones, left of the row's own cells (after
its row number). Also the rendering of one cell a line, each closed by its `|` (``opened_cells``). Split from
``line_tables`` (one cell per line), which re-exports ``pipe_line_table``."""
from __future__ import annotations

import regex

from parsers.extract.headers import looks_like_org, table_vocab
from parsers.readers.form_rows import header_row, row_line, two_row_header
from parsers.readers.line_cells import (
    CLOSED_CELL,
    MIN_HEADER_CELLS,
    MIN_ROWS,
    PARTY_ROLES,
    PIPE,
    ROW_END,
    ROW_NUMBER_LINE,
    YEAR_PREFIX,
    cell_role,
    clean_cell,
)
from parsers.readers.pipe_spans import (
    BARE_PIPES,
    form_points_as_weight,
    past_bare_rows,
    pipe_cells,
    rows_ahead,
    spanned_first,
    sub_header,
)
from parsers.readers.row_placement import (
    SPANNING_ROLES,
    kind_of,
    level_name,
    measured_kind,
    numbering_kind,
    spanned_level,
    spread,
    spread_gaps,
    spread_roles,
)
from parsers.readers.separated_tables import separated_table
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

MAX_SPAN = 2  # columns a name header cell may span beyond its own
TOTAL_POINTS = regex.compile(r"^\s*\d{1,4}(?:\.\d+)?\s*分?\s*$")  # a table's total (`1200`, `100分`)


def opened_cells(lines: list[str], i: int) -> list[str]:
    """Lines from ``i`` on, of a table whose cells are one a line, each closed by a `|` (`县教育局 |`), with lines of
    bare `|` where the page wrote a row's start or its empty cells: the cells without their separators, the bare
    lines blank, up to the first line that is no such cell (the table ends there). Indices stay those of ``lines``."""
    k = i
    while k < len(lines) and (CLOSED_CELL.match(lines[k]) or BARE_PIPES.match(lines[k])):
        k += 1
    return lines[:i] + [CLOSED_CELL.sub(r"\1", x) if CLOSED_CELL.match(x) else "" for x in lines[i:k]]


def closed_rows_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """One cell a line, each closed by its `|`, the rows parted by lines of bare `|` (a row's close, the next one's
    opening, its empty cells), some rows shorter than the header: their merged cells are written once, above (missing
    after the row's number), or a cell spans the column beside it. None where every row is as wide as the header
    (``opened_cells`` reads those) or line ``i`` starts no such table."""
    rows: list[tuple[int, list[str]]] = []
    cells: list[str] = []
    start = k = i
    while k < len(lines) and (CLOSED_CELL.match(lines[k]) or BARE_PIPES.match(lines[k])):
        if BARE_PIPES.match(lines[k]):
            cells += [""] * _empty_cells(lines, k) if cells else []
            if cells:
                rows.append((start, cells))
            cells = []
        else:
            if not cells:
                start = k
            cells.append(CLOSED_CELL.sub(r"\1", lines[k]).strip())
        k += 1
    if cells:
        rows.append((start, cells))
    if not rows:
        return None
    n = next((j for j, c in enumerate(rows[0][1]) if cell_role(c) is None), len(rows[0][1]))
    if n < len(rows[0][1]):  # no bare `|` after the header: its words end where the first row starts
        rows[0:1] = [(rows[0][0], rows[0][1][:n]), (rows[0][0] + n, rows[0][1][n:])]
    numbered = _numbered_run(rows, source)
    if numbered is not None:
        return numbered
    # a row wider than the header ends the table, unless the header's first cell is a name over several columns
    limit = len(rows[0][1]) + (MAX_SPAN if rows[0][1] and cell_role(rows[0][1][0]) in SPANNING_ROLES else 0)
    end = next((j for j in range(1, len(rows)) if len(rows[j][1]) > limit), len(rows))
    if end < len(rows):
        k, rows = rows[end][0], rows[:end]
    while len(rows) > 1 and len(rows[-1][1]) < 2:  # a closing row of one cell (`审核意见`)
        k, rows = rows[-1][0], rows[:-1]
    rows = rows[:1] + [r for r in rows[1:] if len(r[1]) >= 2]  # a label whose empty cells were not written
    if len(rows) - 1 < MIN_ROWS:
        return None
    header = rows[0][1]
    roles = [cell_role(c) for c in header]
    body = [cells for _, cells in rows[1:]]
    levels_form = _levels_header(roles) and bool(level_name(body[0][0]))
    if (len(header) < MIN_HEADER_CELLS or None in roles or ("weight" in roles and not levels_form)  # weighted: read by their weights
            or all(len(c) == len(header) for c in body)):
        return None
    span = max(len(c) for c in body) - len(header)
    if span > 0:  # `项目名称及分值` over the group, the item and its sub-item: spanned cells follow it blank
        header, roles = header[:1] + [""] * span + header[1:], roles[:1] * (span + 1) + roles[1:]
    table = [TableRow([clean_cell(c) for c in header], Provenance(source, None, rows[0][0] + 1))]
    above = [""] * len(header)  # nothing above the first row: only a name spanning its neighbour leaves a gap
    levels = _levels_header(roles) and level_name(body[0][0])  # a 绩效目标表: its rows name levels (`产出指标`)
    for at, cells in rows[1:]:
        placed, gaps = spread_gaps(cells, roles, above, levels=levels)
        placed = spanned_level(placed, roles, above)
        for g in gaps:  # a responsible party merged down its rows: known here, lost once the row is a table's
            placed[g] = above[g] if roles[g] in PARTY_ROLES and not no_space(placed[g]) else placed[g]
        table.append(TableRow([clean_cell(c) for c in placed], Provenance(source, None, at + 1)))
        above = [p or a for p, a in zip(placed, above)]  # merged values carried down
    return Table(table, table[0].prov, merges_resolved=False), k


def _numbered_run(rows: list[tuple[int, list[str]]], source: str) -> tuple[Table, int] | None:
    """Every row written in full and none parted from the next by a bare `|` (`1 |` / `旅游经济发展水平 |` / `150 |` /
    `2 |` …): the header's width of cells a row, each opened by its number (1, 2, 3 …), the run closed by a total
    (`合计 |` / `1200 |`) or by its end. None unless the run after the header reads so to its last cell."""
    header = rows[0][1]
    if len(rows) < 2 or len(header) < MIN_HEADER_CELLS or cell_role(header[0]) != "row_no":
        return None
    start, cells = rows[1]
    width, j, found = len(header), 0, []
    while j + width <= len(cells) and ROW_NUMBER_LINE.match(cells[j]) and \
            int(regex.sub(r"\D", "", cells[j])) == len(found) + 1 and not ROW_NUMBER_LINE.match(cells[j + 1]):
        found.append(TableRow([clean_cell(c) for c in cells[j:j + width]], Provenance(source, None, start + j + 1)))
        j += width
    if j + 2 == len(cells) and _total_word(cells[j]) and TOTAL_POINTS.match(cells[j + 1]):
        roles = [cell_role(c) for c in header]  # the total under the points column, its word in the name's
        at = next((c for c, r in enumerate(roles) if r in ("weight", "form")), width - 1)
        total = [""] * width
        total[1], total[at] = cells[j], cells[j + 1]
        found.append(TableRow([clean_cell(c) for c in total], Provenance(source, None, start + j + 1)))
        j += 2
    if j != len(cells) or len(found) < MIN_ROWS or len(cells) <= width:
        return None
    table = [TableRow([clean_cell(c) for c in header], Provenance(source, None, rows[0][0] + 1))] + found
    return Table(table, table[0].prov, merges_resolved=False), start + j


def _total_word(text: str) -> bool:
    return no_space(text) in {no_space(w) for w in table_vocab()["total_words"]}


def _empty_cells(lines: list[str], k: int) -> int:
    """Lines of one `|` each after a row's cells, then the row's closing run (`||`): the row's empty cells, written
    before its close (`经济效益指标 |` / `|` / `|` / `|` / `||`); 0 where a row closes at once."""
    n = k
    while n < len(lines) and lines[n].strip() == PIPE:
        n += 1
    return n - k if n > k and n < len(lines) and BARE_PIPES.match(lines[n]) else 0


def pipe_line_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """`序号 | 项目 | … | 分值 | …` and rows below it, all `|`-separated; None when line ``i`` starts
    no such table. A row may be broken after its opening bar and its first cell (``broken_row``); a second header
    row under the first is read into it (``two_row_header``); a header row further down ends the table (the next
    one starts there)."""
    header_line, k = row_line(lines, i)
    k = past_bare_rows(lines, k) if header_line.count(PIPE) >= 2 else k  # a lone `|` under the header row
    if header_line.count(PIPE) < 2 or k >= len(lines) or row_line(lines, k)[0].count(PIPE) < 2:
        return lead_pipe_table(lines, i, source)
    header = pipe_cells(header_line)
    while header and not header[-1]:
        header.pop()  # `序号 | … | 责任单位 |`: the separator closing the row
    header, start = two_row_header(header, lines, k)
    # a header of two rows is a table's own: the row under it is enough (a window cut after its first row)
    least = MIN_ROWS - (start > k)
    k = start
    roles = [cell_role(c) for c in header]
    roles = form_points_as_weight(roles, lines, k)  # `得分` printed with each row's points
    # a weighted table with level columns is a 绩效自评表 when its rows name levels (`产出指标`), not groups of items
    levels = _levels_header(roles) and ("weight" not in roles or level_name(pipe_cells(row_line(lines, k)[0])[0]))
    if sum(r is not None for r in roles) < 2 or ("weight" not in roles and not _numbered_rows(lines, i, roles)
                                                 and not levels):
        return None
    header, roles, spanned = (header, roles, False) if levels else spanned_first(header, roles, rows_ahead(lines, k))
    width = len(header)
    rows = [TableRow(header, Provenance(source, None, i + 1))]
    carried = None  # the values of the rows so far, each column's last one (merged cells carried down)
    while k < len(lines) and lines[k].count(PIPE) >= 1:
        line, after = row_line(lines, k)
        cells = pipe_cells(line)
        while cells and not cells[-1]:
            cells.pop()
        if not cells:  # `|`, `| |`: a row's empty cells a page wrapped onto a line of their own
            k = after
            continue
        if len(rows) > 1 and (header_row(cells) or sub_header(cells)):
            break  # the header of the next table (a form's indicators under its funds)
        if len(cells) < width and levels:  # a 绩效目标表: merged and empty cells both unwritten, the row's cells placed
            # where they agree in kind with the rows above; the first row has nothing merged: its empty cells close it
            cells = (spread(cells, roles, carried, measured_kind, levels=True) if carried
                     else cells + [""] * (width - len(cells)))
        elif len(cells) < width and carried is None and least < MIN_ROWS:  # a first row under a two-row header:
            cells = cells + [""] * (width - len(cells))  # nothing above to merge, its empty cells close it
        elif len(cells) == width - 1 and carried is None and spanned:  # the first row's group spans both columns
            cells = cells[:1] + cells
        elif len(cells) < width:  # merged cells are not repeated: they stand left of the row's own cells, or a
            cells = _short_row(cells, roles, carried)  # standard's next line under the standard (`…。(2.5)`)
        cells = spanned_level(cells[:width], roles, carried) if levels and carried else cells[:width]
        carried = [c or (carried[n] if carried else "") for n, c in enumerate(cells)]
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, k + 1)))
        k = after
    if len(rows) - 1 < least:
        return None
    return Table(rows, rows[0].prov, merges_resolved=False), k


# `…做到制度上墙。(2.5)`: a cell closed by its own bracketed points, as the cells of its column are
CLOSING_POINTS = regex.compile(r"[（(]\s*\d{1,3}(?:\.\d+)?\s*分?\s*[）)]\s*$")


def _short_row(cells: list[str], roles: list[str | None], carried: list[str] | None) -> list[str]:
    """A row with fewer cells than the header under it: a cell closed by bracketed points goes under the column whose
    cell above closes so (the standard that varies row to row, not the 备注 merged beside it); else merged cells left."""
    if carried is None or not any(CLOSING_POINTS.search(c) for c in cells):
        return spread(cells, roles)
    return spread(cells, roles, carried, kind=lambda text: (kind_of(text), bool(CLOSING_POINTS.search(text))))


def _levels_header(roles: list[str | None]) -> bool:
    """A header of column words only, naming levels of indicators (`一级指标 | 二级指标 | 三级指标 | 指标值 | …`): an
    indicator table with no responsible party (a 绩效目标表; a 绩效自评表 has a 分值 too)."""
    levels = sum(1 for r in roles if r in ("category", "indicator"))
    return len(roles) > MIN_HEADER_CELLS and None not in roles and levels >= 2 and "target" in roles


def _numbered_rows(lines: list[str], i: int, roles: list[str | None]) -> bool:
    """A table without a weight column (a task list: 序号 / 任务 / 责任单位) is taken when its header names a
    responsible party and either starts with the 序号 over rows numbered 1, 2, 3 …, or is all header words
    (`民生实事 | 责任单位 | 完成时限`) over rows of as many cells."""
    if not any(r in PARTY_ROLES for r in roles):
        return False
    lead = 1 if roles[0] == "category" and roles[1:2] == ["row_no"] else 0  # a group cell left of the 序号 (`大类`)
    if roles[lead] != "row_no":
        rows = [pipe_cells(x) for x in lines[i + 1:i + 1 + MIN_ROWS]]
        party = next(c for c, r in enumerate(roles) if r in PARTY_ROLES)
        return (len(roles) >= MIN_HEADER_CELLS and None not in roles and bool({"indicator", "target"} & set(roles))
                and all(len([c for c in r if c]) == len(roles) and looks_like_org(r[party].split("、")[0])
                        for r in rows))
    expected, k = 1, i + 1
    while k < len(lines) and lines[k].count(PIPE) >= 1 and expected <= MIN_ROWS:
        # the number is the row's first cell, or its second under a group cell (merged: missing in the rows below)
        first = next((c for c in pipe_cells(lines[k])[:lead + 1] if ROW_NUMBER_LINE.match(c)), "")
        if first:
            if int(regex.sub(r"\D", "", first)) != expected:
                return False
            expected += 1
        k += 1
    return expected > MIN_ROWS


# -- each cell after the first opened by `| ` at a line's start, a row closed by a line `|` --------------------------

LEAD_PIPES = regex.compile(r"^\s*((?:\|\s*)+)(.*)$")  # `| 30分`, `| | 1、…` (an empty cell, then one)
MAX_LEAD_LINES = 4  # lines of the header's first cell before the first `|` (`考核` / `项目`)
MAX_ROW_TEXT_LINES = 30  # lines of one row: more means the run is not one table


def lead_pipe_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """A table a page wrote as `first cell` / `| second cell` / `| …` / `|`: each cell after the first opened by a `|`
    at a line's start (a cell's own line breaks kept on lines without one), each row closed by a line `|`. The first
    row is the header (its cells may be broken over lines: `考核` / `项目`); a row's merged cells are not written, so a
    short row's cells are placed where they agree in kind with the row above. None unless line ``i`` starts one."""
    if PIPE in lines[i] or not lines[i].strip() or not any(
            lines[k].lstrip().startswith(PIPE) for k in range(i + 1, min(len(lines), i + MAX_LEAD_LINES + 1))):
        return None
    if i + 2 < len(lines) and ROW_END.match(lines[i + 1]) and lines[i + 2].strip() and PIPE not in lines[i + 2]:
        return separated_table(lines, i, source)  # `考核项目` / `|` / `考核内容` / `|` …: a `|` line after each cell
    header, k = _lead_row(lines, i)
    if header is None or len(header) < 2:
        return None
    roles = [cell_role(c) for c in header]
    if sum(r is not None for r in roles) < 2 or roles[0] is None or YEAR_PREFIX.match(no_space(header[0])):
        return None
    first, _ = _lead_row(lines, k)
    if first and len(first) > len(header) and len(first) % len(header) == 0:
        span = len(first) // len(header)  # `考核条目 | 考核细则` over four columns: each header cell spans two
        header = [c for cell in header for c in [cell] + [""] * (span - 1)]
    elif first and len(first) == len(header) + 1 and roles[0] in SPANNING_ROLES:
        header = header[:1] + [""] + header[1:]  # `考核内容 | 分值 | …` over `场所设置 | 基础设施 | 40 | …`: the first
        # header cell spans the group and the item, the header one cell short of its rows
    roles = spread_roles(header)
    rows = [TableRow([clean_cell(c) for c in header], Provenance(source, None, i + 1))]
    width, above, opened = len(header), None, 0
    while k < len(lines):
        cells, after = _lead_row(lines, k)
        if cells is None:
            break
        if len(cells) > width:
            break
        if len(cells) < width and above:
            cells, gaps = spread_gaps(cells, roles, above, kind=numbering_kind)
            if not no_space(header[1]):  # a group column beside the rows' own names, both under the first header
                merged = set(gaps) | ({0} if not no_space(cells[0]) else set())  # `| 功能区划`: group left blank
                rows[opened] = _group_points(rows[opened], merged, roles)
        elif len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        else:
            above, opened = cells, len(rows)
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, k + 1)))
        k = after
    if len(rows) - 1 < MIN_ROWS:
        return None
    return Table(rows, rows[0].prov, merges_resolved=False), k


def _group_points(opening: TableRow, gaps: set[int], roles: list[str | None]) -> TableRow:
    """The row that opened a group, once a row below leaves both the group cell and the weight unwritten (the rows
    named in a column of their own, beside the group's): the weight is merged over the group's rows as its name is
    (`场所设置 | 基础设施 | 40` over `| 功能区划 | …`), the group's points (moved into its cell, `场所设置(40分)`), not
    the first row's weight."""
    weight = roles.index("weight") if "weight" in roles else None
    cells = list(opening.cells)
    if weight is None or 0 not in gaps or weight not in gaps or not no_space(cells[0]) or not no_space(cells[weight]):
        return opening
    points = cells[weight].strip()
    cells[0], cells[weight] = (f"{cells[0]}({points}分)" if TOTAL_POINTS.match(points) and "分" not in points
                               else f"{cells[0]}{points}"), ""
    return TableRow(cells, opening.prov)


def _lead_row(lines: list[str], i: int) -> tuple[list[str] | None, int]:
    """The cells of the row starting at line ``i`` and the index after its closing `|`; None when no closed row with
    two cells or more starts there."""
    cells: list[str] = []
    for k in range(i, min(len(lines), i + MAX_ROW_TEXT_LINES)):
        line = lines[k]
        if not line.strip():
            return None, i
        if ROW_END.match(line) and cells and k + 1 < len(lines) and ROW_END.match(lines[k + 1]):
            cells.append("")  # `| 5` / `|` / `|`: an empty cell, then the row's close
            continue
        if ROW_END.match(line):
            return (cells, k + 1) if len(cells) >= 2 else (None, i)
        m = LEAD_PIPES.match(line)
        if m:
            if not cells:
                cells = [""]  # the row's first cell is empty (merged above)
            cells += [""] * m.group(1).count(PIPE)
            cells[-1] = m.group(2).strip()
        elif cells:
            cells[-1] = f"{cells[-1]}\n{line.strip()}" if cells[-1] else line.strip()
        else:
            cells = [line.strip()]
    if len(lines) - i <= MAX_ROW_TEXT_LINES and len(cells) >= 2:
        return cells, len(lines)  # an excerpt cut inside its last row: the cells it holds
    return None, i


MAX_FORM_HEAD = 120  # lines of a form's head (项目名称 | 主管部门 | 资金情况 …) looked through for its table


def closed_form_head(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """A form's head written as the table below it is (cells one a line, each closed by its `|`, rows parted by bare
    `|` lines: `项目名称 |` / `临时救助 |` / `||||`), starting at line ``i``: (its label-and-value rows as a table of
    their own, the index of the table's header line). Kept apart so that its labels (`主管部门 |`) are read as no
    headings of the text, and its table starts at its header. None unless line ``i`` opens such a run and a table
    read by ``closed_rows_table`` starts within it."""
    def in_run(k: int) -> bool:
        return CLOSED_CELL.match(lines[k]) is not None or BARE_PIPES.match(lines[k]) is not None
    if not in_run(i) or (i and in_run(i - 1)):
        return None  # only where a run starts: a line inside one was looked through from its start
    k = i + 1
    while k < min(len(lines), i + MAX_FORM_HEAD) and in_run(k):
        if BARE_PIPES.match(lines[k - 1]) and CLOSED_CELL.match(lines[k]) \
                and cell_role(CLOSED_CELL.sub(r"\1", lines[k])) and closed_rows_table(lines, k, source) is not None:
            rows = _head_rows(lines, i, k, source)
            return (Table(rows, rows[0].prov, merges_resolved=False), k) if rows else None
        k += 1
    return None


def _head_rows(lines: list[str], i: int, k: int, source: str) -> list[TableRow]:
    """The cells of lines ``i`` to ``k`` as rows, one between two lines of bare `|`, as wide as the widest."""
    rows: list[TableRow] = []
    cells: list[str] = []
    for n in range(i, k):
        if CLOSED_CELL.match(lines[n]):
            if not cells:
                rows.append(TableRow(cells, Provenance(source, None, n + 1)))
            cells.append(clean_cell(CLOSED_CELL.sub(r"\1", lines[n]).strip()))
        else:
            cells = []
    width = max((len(r.cells) for r in rows), default=0)
    for r in rows:
        r.cells += [""] * (width - len(r.cells))
    return rows
