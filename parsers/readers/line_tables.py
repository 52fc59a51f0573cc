"""Tables a web page flattened into text lines, recovered as tables.

Two renderings are common on the sites that keep such documents:

* one cell per line (an HTML table's text, often with a blank line between cells): a run of
  header words (`考核项目` / `分值` / `评分标准`), then the cells row after row. Empty cells are not
  written and a merged cell is written once, so rows have different numbers of lines. Rows are
  found by their weight cell (a line holding only a number): the line before it is the cell left
  of the weight, a row number (where the table has a 序号) starts the row, and what lies between
  one weight and the next row belongs to the cells right of the weight.
* `|`-separated lines without the markdown separator row (``pipe_tables``, re-exported here).

A run is taken for a table only when its header names a weight column and at least two rows
carry a weight; anything else stays text.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.headers import (
    header_role,
    simplified,
)
from parsers.readers.grouped_lines import group_heading_rows, points_in_name_rows
from parsers.readers.level_rows import level_rows
from parsers.readers.line_cells import (  # noqa: F401  (re-exported: callers and tests read them from here)
    BRACKETED_NOTE,
    BRACKETED_WEIGHT,
    CLOSED_CELL,
    GROUP_STOPS,
    HAN,
    MAX_FRAGMENT,
    MAX_FRAGMENTS,
    MAX_HEADER_CELL,
    MAX_QUALIFIER,
    MAX_ROW_LINES,
    MIN_HEADER_CELLS,
    MIN_ROWS,
    PIPE,
    ROW_NUMBER_LINE,
    WEIGHT_LINE,
    YEAR_PREFIX,
    cell_role,
    clean_cell,
    without_glosses,
)
from parsers.readers.numbered_lines import by_numbers, numbered_name_rows
from parsers.readers.pipe_tables import closed_rows_table, opened_cells, pipe_line_table  # noqa: F401
from parsers.readers.subitem_lines import subitem_rows
from parsers.readers.weight_first import weight_first_rows
from parsers.readers.weighted_lines import POINTED_GROUP, by_weights
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

MIN_PIECES = 3  # lines of one cell written down a piece a line (`一` / `、` / `安全` / `便捷`)
POINTS_LINE = regex.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*分\s*$")  # a row's points alone on a line: `5分`

# -- one cell per line ------------------------------------------------------------------------

def _content(lines: list[str], i: int, limit: int = 400) -> list[tuple[int, str]]:
    """Up to ``limit`` non-blank lines from ``i`` on, with their index."""
    found = []
    for k in range(i, len(lines)):
        if lines[k].startswith("\t") or PIPE in lines[k]:
            break  # a table in another layout
        if lines[k].strip():
            found.append((k, lines[k].strip()))
            if len(found) >= limit:
                break
    return found


def _header(items: list[tuple[int, str]]) -> tuple[list[str], int]:
    """Header cells at the start of ``items`` and how many items they took. A cell broken over lines
    (`分` / `值`, `考 评` / `得 分`) is joined until it reads as a header word; a total on the line under
    the last cell (`(100分)`) belongs to that cell."""
    cells, k = [], 0
    while k < len(items):
        if cells and BRACKETED_NOTE.match(items[k][1]):
            cells[-1] += items[k][1].strip()  # `進展情況` / `(7月)`: a note under its header cell
            k += 1
            continue
        if len(cells) >= MIN_HEADER_CELLS and _group_with_points(items[k][1], cells):
            break  # `领导重视(20分)` after `… | 标准分 | 考核评分 | 备注`: the first row's group with its points
        if (form := _form_fragment(items, k)) is not None:
            cells.append(form)  # `评分` / `标准`: a form word that, with the line under it, is another column's word
            k += 2
            continue
        if cell_role(items[k][1]) and not _longer_word(items, k):
            cells.append(items[k][1])
            k += 1
            continue
        if (parts := _glued(items, k)) is not None:
            cells += parts
            k += 1
            continue
        joined = _fragments(items, k)
        if joined is None and cells and k + 1 < len(items) and cell_role(items[k][1]) is None \
                and _exact_word(items[k][1] + items[k + 1][1]):
            joined = items[k][1] + items[k + 1][1], k + 2  # `考核责任` / `单位`: a header word broken over two lines
        if joined is None and _qualifier(items, k, cells):
            joined = items[k][1] + "\n" + items[k + 1][1], k + 2  # `区政府` / `分管领导`: one cell on two lines
        if joined is None:
            break
        cells.append(joined[0])
        k = joined[1]
    if cells and k < len(items) and BRACKETED_WEIGHT.match(items[k][1]) and cell_role(cells[-1]) in ("form", "weight"):
        cells[-1] += items[k][1].strip()
        k += 1
    return cells, k


def _group_with_points(text: str, cells: list[str]) -> bool:
    """A name closed by its points (`领导重视(20分)`) once the header has its weight column: a group's cell, no header
    cell (a header's total closes the weight's or the score's cell: `得分(100分)`)."""
    return (POINTED_GROUP.match(no_space(text)) is not None and cell_role(text) not in ("form", "weight")
            and "weight" in (cell_role(c) for c in cells))


def _glued(items: list[tuple[int, str]], k: int) -> list[str] | None:
    """Two header cells a page wrote on one line (`实现目标考核分值` = `实现目标` + `考核分值`), with a header word on the
    line after: the two cells, the second a word exactly; else None."""
    if k + 1 >= len(items):
        return None
    text = no_space(items[k][1])
    if len(text) > 2 * MAX_HEADER_CELL or not cell_role(items[k + 1][1]) or cell_role(text) \
            or simplified(text).endswith(_document_kinds()):
        return None  # a title ending in its kind (`工作目标考核评分细则`) is no two cells
    for cut in range(2, len(text) - 1):
        left, right = text[:cut], text[cut:]
        if cell_role(left) and _exact_word(right):
            return [left, right]
    return None


@lru_cache(maxsize=1)
def _document_kinds() -> tuple[str, ...]:
    return tuple(load_json("title_words.json")["document_kinds"])


def _qualifier(items: list[tuple[int, str]], k: int, cells: list[str]) -> bool:
    """Inside a header, a short line that is no header word over one that is (`区政府` / `分管领导`): it qualifies
    the word below, in the same cell."""
    text = no_space(items[k][1])
    return (len(cells) >= MIN_HEADER_CELLS - 1 and k + 1 < len(items) and 0 < len(text) <= MAX_QUALIFIER
            and HAN.search(text) is not None and not GROUP_STOPS.search(text) and cell_role(text) is None
            and cell_role(items[k + 1][1]) not in (None, "form", "other"))


def _longer_word(items: list[tuple[int, str]], k: int) -> bool:
    """A short header word whose next line, no word itself, completes a longer one (`項目` / `名稱`)."""
    if k + 1 >= len(items) or len(no_space(items[k][1])) > MAX_FRAGMENT or cell_role(items[k + 1][1]):
        return False
    if not HAN.search(items[k + 1][1]):
        return False  # `备注` / `1`: the first row's number under the last header word, no part of it
    if k + 2 < len(items) and _exact_word(items[k + 1][1] + items[k + 2][1]):
        return False  # `标准` / `分` / `值`: the fragment starts a word of its own
    return len(no_space(items[k + 1][1])) <= MAX_FRAGMENT and cell_role(items[k][1] + items[k + 1][1]) is not None


def _form_fragment(items: list[tuple[int, str]], k: int) -> str | None:
    """A form column's word over a fragment (`评分` / `标准`) that together make exactly a word of a column that is no
    form's (`评分标准`): one cell broken over two lines; else None."""
    if k + 1 >= len(items) or cell_role(items[k][1]) != "form" or len(no_space(items[k + 1][1])) > MAX_FRAGMENT:
        return None
    joined = items[k][1] + items[k + 1][1]
    return joined if cell_role(joined) not in (None, "form") and _exact_word(joined) else None


def _points_lines(body: list[tuple[int, str]]) -> bool:
    """Lines of points alone (`5分`) among the body's first lines, at least a table's minimum of rows."""
    return sum(1 for _, t in body[:MAX_ROW_LINES * MIN_ROWS * 2] if POINTS_LINE.match(t)) >= MIN_ROWS


def _pieces_joined(body: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The body with each run of pieces of one cell written down a line each (`一` / `、` / `安全` / `便捷`: a merged
    cell in a narrow column, right after a row's number) joined into one line; None where there is no such run. A
    run is three lines or more of at most two characters each, one of them a single character, none a number."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    joined = False
    for item in body + [(-1, "")]:
        text = no_space(item[1])
        if item[0] >= 0 and 0 < len(text) <= MAX_FRAGMENT and not WEIGHT_LINE.match(text) \
                and not ROW_NUMBER_LINE.match(text):
            run.append(item)
            continue
        if len(run) >= MIN_PIECES and any(len(no_space(t)) == 1 for _, t in run) and out \
                and ROW_NUMBER_LINE.match(out[-1][1]):
            out.append((run[0][0], "".join(no_space(t) for _, t in run)))
            joined = True
        else:
            out += run
        run = []
        if item[0] >= 0:
            out.append(item)
    return out if joined else None


def _fragments(items: list[tuple[int, str]], k: int) -> tuple[str, int] | None:
    """A header cell broken into short fragments from ``k`` on: (the joined cell, the index after it)."""
    joined = ""
    for n in range(k, min(k + MAX_FRAGMENTS, len(items))):
        if len(no_space(items[n][1])) > MAX_FRAGMENT:
            return None
        joined += items[n][1]
        if n > k and cell_role(joined):
            return joined, n + 1
    return None


def cell_line_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """The table starting at line ``i`` written one cell per line, and the index after it; None
    when no such table starts there."""
    if CLOSED_CELL.match(lines[i]) and cell_role(CLOSED_CELL.sub(r"\1", lines[i])):
        found = closed_rows_table(lines, i, source)  # rows parted by bare `|` lines, some short (merged cells)
        if found is not None:
            return found
        lines = opened_cells(lines, i)  # `序号 |` / `目标与任务 |` …: each cell closed by its separator
    # the first header cell broken over lines (`一级` / `指标`); two cells glued on one line are none. Decided on the
    # first few lines: most short lines start no table, and collecting the 400 after each of them was a read's cost
    first = _content(lines, i, MAX_FRAGMENTS + 1)
    broken = not cell_role(lines[i]) and _glued(first, 0) is None
    if (broken and not (first and _fragments(first, 0))) or YEAR_PREFIX.match(no_space(lines[i])):
        return None  # a year starts a title (`2024年工作目标` on its own line), not a header
    items = _content(lines, i)
    header, used = _header(items)
    roles = [cell_role(c.split("\n")[-1]) for c in header]  # a qualified cell (`区政府` / `分管领导`): its word
    while len(roles) > 1 and roles[0] in roles[1:] and roles[0] != "form" and not _exact_word(header[0]):
        del header[0], roles[0], items[0]  # a title ending in a header word (`考评评分标准`)
        used -= 1
    whole = header[:], roles[:], used
    while header and used < len(items) and WEIGHT_LINE.match(items[used][1]) and roles[0] != "row_no" and "weight" in roles:
        header.pop(), roles.pop()  # a row's name that reads like a header word (`组织领导`)
        used -= 1
    if used < whole[2]:  # or the weight's one merged cell (`27`) under the header, before rows named with their points
        found = _points_in_names(items[whole[2]:], whole[1], source)
        if found is not None:
            return _table(whole[0], items, found, source)
    if len(header) < MIN_HEADER_CELLS:
        return None
    body = items[used:]
    if broken:  # a fragment is weak evidence of a header (a text written a character a line has many): only rows
        found = _numbered_names(body, header, roles, source)  # numbered in their names' lines confirm it
        return None if found is None else _table(header, items, found, source)
    if "weight" not in roles and roles[0] == "row_no" and "indicator" in roles and roles[-1] == "criteria" \
            and _points_lines(body):
        roles[-1] = "weight"  # `评分标准` over each row's points alone (`5分`): the rows' weights, read as such
    coded = "weight" in roles and roles.index("row_no", 1) > roles.index("weight") if "row_no" in roles[1:] else False
    if "weight" not in roles or ("row_no" in roles[1:] and not coded):  # no weight, or a group cell left of the 序号
        found = (_grouped(body, header, roles, source) or _by_numbers(body, header, roles, source)
                 or _subitems(body, header, roles, source) or _numbered_names(body, header, roles, source)
                 or _points_in_names(body, roles, source))
        if found is None and "weight" not in roles:
            return None
    else:  # the rows' weights anchor them (their code, if any, right of the weight: `编码`)
        found = (_sub_rows(body, header, roles, source) or level_rows(body, header, roles, source)
                 or weight_first_rows(body, header, roles, source) or _by_weights(body, len(header), roles, source))
        pieces = _pieces_joined(body) if found is None else None
        if pieces is not None:  # a merged cell written down a piece a line (`一` / `、` / `安全` / `便捷`): one line
            body, found = pieces, _by_weights(pieces, len(header), roles, source)
        if found is not None and roles[0] == "row_no":
            numbered = _by_numbers(body, header, roles, source)
            if numbered is not None and _extends(numbered[0], found[0], roles.index("weight")):
                # read on past a subtotal: a bonus block numbered again, its rules with no weight (where the pieces
                # were joined, the rows the weights placed stand and the rows after them are added)
                found = (found[0] + numbered[0][len(found[0]):], numbered[1]) if pieces is not None else numbered
    return None if found is None else _table(header, items, found, source)


def _table(header: list[str], items: list[tuple[int, str]], found: tuple[list[TableRow], int],
           source: str) -> tuple[Table, int]:
    rows, end = found
    if rows and len(rows[0].cells) == len(header) + 1:
        header = header[:1] + [""] + header[1:]  # its first cell spans two columns (_by_weights, _grouped)
    table_rows = [TableRow(header, Provenance(source, None, items[0][0] + 1))] + rows
    return Table(table_rows, table_rows[0].prov, merges_resolved=False), end + 1


def _grouped(body, header: list[str], roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    return group_heading_rows(body, header, roles, source)


def _subitems(body, header: list[str], roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    return subitem_rows(body, header, roles, source)


def _by_numbers(body, header: list[str], roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    return by_numbers(body, header, roles, source)


def _numbered_names(body, header: list[str], roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    return numbered_name_rows(body, header, roles, source)


def _points_in_names(body, roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    return points_in_name_rows(body, roles, source)


def _by_weights(body, width: int, roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    return by_weights(body, width, roles, source)


def _extends(numbered: list[TableRow], anchored: list[TableRow], weight: int) -> bool:
    """The rows found by number read the rows found by weight alike, and more after them."""
    def key(rows):
        return [(no_space(r.cells[0]), no_space(r.cells[weight])) for r in rows if no_space(r.cells[0])]
    return len(key(numbered)) > len(key(anchored)) and key(numbered)[:len(key(anchored))] == key(anchored)


def _exact_word(cell: str) -> bool:
    """A header cell that is exactly a word of the vocabulary (`项目`), not a title ending in one."""
    found = header_role(simplified(no_space(cell)))
    return found is not None and no_space(found[1]) == simplified(no_space(cell))


def _sub_rows(body: list[tuple[int, str]], header: list[str], roles: list[str | None],
              source: str) -> tuple[list[TableRow], int] | None:
    """序号 / 项目 / 分值 / 考核标准 / 单项分值 …: each numbered row (`1` / name / group weight) holds several standards,
    each closed by its own weight (`1.…` / `未建立的扣1分。` / `4`); one table row per standard, the group's cells
    left empty below their first row (merged). None unless the header has a weight right of a standard column."""
    weights = [k for k, r in enumerate(roles) if r == "weight"]
    if roles[0] != "row_no" or len(weights) < 2 or weights[0] != 2 or "criteria" not in roles[weights[0]:weights[-1]]:
        return None
    standard, item_weight = roles.index("criteria", weights[0]), weights[-1]
    rows: list[list[str]] = []
    provs, pending, group, k, end = [], [], None, 0, None
    while k < len(body):
        text = body[k][1]
        opens = (ROW_NUMBER_LINE.match(text) and not pending and k + 2 < len(body)
                 and not WEIGHT_LINE.match(body[k + 1][1]) and WEIGHT_LINE.match(body[k + 2][1]))
        if opens:
            group = [text, body[k + 1][1], body[k + 2][1]]
            k += 3
            continue
        if WEIGHT_LINE.match(text) and pending and group is not None:
            cells = [""] * len(header)
            cells[:3] = group
            cells[standard], cells[item_weight] = "\n".join(t for _, t in pending), text
            rows.append(cells)
            provs.append(pending[0][0] + 1)
            group, pending, end = ["", "", ""], [], body[k][0]
        elif len(pending) >= MAX_ROW_LINES or group is None:
            break
        else:
            pending.append(body[k])
        k += 1
    if len(rows) < MIN_ROWS or end is None:
        return None
    return [TableRow([clean_cell(c) for c in r], Provenance(source, None, p)) for r, p in zip(rows, provs)], end
