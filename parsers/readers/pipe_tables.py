"""`|`-separated lines without the markdown separator row, recovered as a table: a merged cell is missing from the
rows below it (a row with fewer cells), so the missing cells are the merged ones, left of the row's own cells (after
its row number). Also the rendering of one cell a line, each closed by its `|` (``opened_cells``). Split from
``line_tables`` (one cell per line), which re-exports ``pipe_line_table``."""
from __future__ import annotations

from itertools import combinations

import regex

from parsers.extract.headers import looks_like_org
from parsers.readers.line_tables import (
    CLOSED_CELL,
    MIN_HEADER_CELLS,
    MIN_ROWS,
    PARTY_ROLES,
    PIPE,
    ROW_NUMBER_LINE,
    YEAR_PREFIX,
    cell_role,
    clean_cell,
)
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

BARE_PIPES = regex.compile(r"^\s*\|[|\s]*$")  # `|`, `||||`: a row's start or its empty cells


def opened_cells(lines: list[str], i: int) -> list[str]:
    """Lines from ``i`` on, of a table whose cells are one a line, each closed by a `|` (`县教育局 |`), with lines of
    bare `|` where the page wrote a row's start or its empty cells: the cells without their separators, the bare
    lines blank, up to the first line that is no such cell (the table ends there). Indices stay those of ``lines``."""
    k = i
    while k < len(lines) and (CLOSED_CELL.match(lines[k]) or BARE_PIPES.match(lines[k])):
        k += 1
    return lines[:i] + [CLOSED_CELL.sub(r"\1", x) if CLOSED_CELL.match(x) else "" for x in lines[i:k]]


def _pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip(PIPE).split(PIPE)]


def pipe_line_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """`序号 | 项目 | … | 分值 | …` and rows below it, all `|`-separated; None when line ``i`` starts
    no such table."""
    if lines[i].count(PIPE) < 2 or i + 1 >= len(lines) or lines[i + 1].count(PIPE) < 2:
        return lead_pipe_table(lines, i, source)
    header = _pipe_cells(lines[i])
    while header and not header[-1]:
        header.pop()  # `序号 | … | 责任单位 |`: the separator closing the row
    roles = [cell_role(c) for c in header]
    if sum(r is not None for r in roles) < 2 or ("weight" not in roles and not _numbered_rows(lines, i, roles)):
        return None
    width = len(header)
    numbered = roles[0] == "row_no"
    rows = [TableRow(header, Provenance(source, None, i + 1))]
    k = i + 1
    weight = roles.index("weight") if "weight" in roles else None
    while k < len(lines) and lines[k].count(PIPE) >= 1:
        cells = _pipe_cells(lines[k])
        while cells and not cells[-1]:
            cells.pop()
        if not cells:  # `|`, `| |`: a row's empty cells a page wrapped onto a line of their own
            k += 1
            continue
        missing = width - len(cells)
        if missing > 0:  # merged cells are not repeated: they stand left of the row's own cells
            at = 1 if numbered and cells and ROW_NUMBER_LINE.match(cells[0]) else 0
            aligned = _weight_aligned(cells, weight, width) if weight is not None else None
            cells = aligned or cells[:at] + [""] * missing + cells[at:]
        rows.append(TableRow([clean_cell(c) for c in cells[:width]], Provenance(source, None, k + 1)))
        k += 1
    if len(rows) - 1 < MIN_ROWS:
        return None
    return Table(rows, rows[0].prov, merges_resolved=False), k


def _numbered_rows(lines: list[str], i: int, roles: list[str | None]) -> bool:
    """A table without a weight column (a task list: 序号 / 任务 / 责任单位) is taken when its header names a
    responsible party and either starts with the 序号 over rows numbered 1, 2, 3 …, or is all header words
    (`民生实事 | 责任单位 | 完成时限`) over rows of as many cells."""
    if not any(r in PARTY_ROLES for r in roles):
        return False
    lead = 1 if roles[0] == "category" and roles[1:2] == ["row_no"] else 0  # a group cell left of the 序号 (`大类`)
    if roles[lead] != "row_no":
        rows = [_pipe_cells(x) for x in lines[i + 1:i + 1 + MIN_ROWS]]
        party = next(c for c, r in enumerate(roles) if r in PARTY_ROLES)
        return (len(roles) >= MIN_HEADER_CELLS and None not in roles and bool({"indicator", "target"} & set(roles))
                and all(len([c for c in r if c]) == len(roles) and looks_like_org(r[party].split("、")[0])
                        for r in rows))
    expected, k = 1, i + 1
    while k < len(lines) and lines[k].count(PIPE) >= 1 and expected <= MIN_ROWS:
        # the number is the row's first cell, or its second under a group cell (merged: missing in the rows below)
        first = next((c for c in _pipe_cells(lines[k])[:lead + 1] if ROW_NUMBER_LINE.match(c)), "")
        if first:
            if int(regex.sub(r"\D", "", first)) != expected:
                return False
            expected += 1
        k += 1
    return expected > MIN_ROWS


def _weight_aligned(cells: list[str], weight: int, width: int) -> list[str] | None:
    """A short row whose left-padding would put text in the weight column while its own weight cell stands
    elsewhere (a merged cell missing on the left, empty cells missing on the right): padded so the weight cell
    lands in its column; None where left-padding already does."""
    missing = width - len(cells)
    if weight - missing >= 0 and weight - missing < len(cells) and _weight_cell(cells[weight - missing]):
        return None
    j = next((j for j, c in enumerate(cells) if _weight_cell(c)), None)
    if j is None or not 0 <= weight - j <= missing:
        return None
    shift = weight - j
    return [""] * shift + cells + [""] * (missing - shift)


def _weight_cell(cell: str) -> bool:
    from parsers.extract.headers import weight_value
    return weight_value(cell) is not None


# -- each cell after the first opened by `| ` at a line's start, a row closed by a line `|` --------------------------

LEAD_PIPES = regex.compile(r"^\s*((?:\|\s*)+)(.*)$")  # `| 30分`, `| | 1、…` (an empty cell, then one)
ROW_END = regex.compile(r"^\s*\|\s*$")
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
    rows = [TableRow([clean_cell(c) for c in header], Provenance(source, None, i + 1))]
    width, above = len(header), None
    while k < len(lines):
        cells, after = _lead_row(lines, k)
        if cells is None:
            break
        if len(cells) > width:
            break
        if len(cells) < width:
            cells = _kind_aligned(cells, width, above) if above else cells + [""] * (width - len(cells))
        else:
            above = cells
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, k + 1)))
        k = after
    if len(rows) - 1 < MIN_ROWS:
        return None
    return Table(rows, rows[0].prov, merges_resolved=False), k


def _lead_row(lines: list[str], i: int) -> tuple[list[str] | None, int]:
    """The cells of the row starting at line ``i`` and the index after its closing `|`; None when no closed row with
    two cells or more starts there."""
    cells: list[str] = []
    for k in range(i, min(len(lines), i + MAX_ROW_TEXT_LINES)):
        line = lines[k]
        if not line.strip():
            return None, i
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
    return None, i


def _kind(cell: str) -> str:
    text = no_space(cell)
    return "empty" if not text else "number" if _weight_cell(text) or ROW_NUMBER_LINE.match(text) else "text"


def _kind_aligned(cells: list[str], width: int, above: list[str]) -> list[str]:
    """A short row's cells spread over ``width`` columns: the gaps (its merged cells) go where the row above had a
    cell, so that the most cells agree in kind (a number under a number, text under text); ties: gaps leftmost."""
    missing = width - len(cells)
    best, best_score = None, -1
    for gaps in combinations(range(width), missing):
        if any(not no_space(above[g]) for g in gaps):
            continue  # a merged cell has its value above
        it = iter(cells)
        placed = ["" if c in gaps else next(it) for c in range(width)]
        score = sum(_kind(p) == _kind(a) for c, (p, a) in enumerate(zip(placed, above)) if c not in gaps)
        if score > best_score:
            best, best_score = placed, score
    return best or cells + [""] * missing
