"""A unit's clauses laid out as a table: 序号 | 目标任务 | 分值, with section rows
(`重点目标 | 300`, `（一）重点目标 | | 500`) between the numbered clause rows."""
from __future__ import annotations

import regex

from parsers.extract import patterns as P
from parsers.extract.headers import header_roles, looks_like_unit, map_header
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Table

DIGITS = regex.compile(r"\d+")
NUMBER = regex.compile(r"\d+(?:\.\d+)?")
MAX_SECTION_CHARS = 20


def is_clause_table(table: Table) -> bool:
    """序号 | 目标任务 | 分值 with no responsibility column."""
    if not table.rows:
        return False
    header = table.rows[0].cells
    fields = set(map_header(header).values())
    if any(not no_space(cell) for cell in header):
        return False  # a blank header column holds units or indicators: an indicator table
    return "weight" in fields and ("target" in fields or "indicator" in fields) and "units" not in fields


def _section_row(cells: list[str], mapping: dict[str, int], text_col: int | None) -> str | None:
    """A row naming a section: no clause number, a short name with no sentence punctuation."""
    seq_cell = halfwidth(cells[mapping["row_no"]]).strip() if "row_no" in mapping else ""
    if seq_cell.isdigit():
        return None
    names = [no_space(cells[i]) for i in (mapping.get("row_no"), text_col) if i is not None and no_space(cells[i])]
    name = P.ORDINAL_PREFIX.sub("", names[-1]) if names else ""
    if not name or len(name) > MAX_SECTION_CHARS or P.SENTENCE_PUNCT.search(name) or DIGITS.search(name):
        return None
    return P.POINTS_AT_END.sub("", name)


def clause_table(table: Table, state, result, doc, doc_id: str, make_target) -> None:
    mapping = {v: k for k, v in map_header(table.rows[0].cells).items()}
    text_col = mapping.get("target", mapping.get("indicator"))
    for row in table.rows[1:]:
        cells = row.cells
        weight = NUMBER.search(halfwidth(cells[mapping["weight"]]))
        points = float(weight.group()) if weight else None
        section = _section_row(cells, mapping, text_col)
        if section is not None:
            state.section, state.section_points = section, points
            continue
        text = no_space(cells[text_col]) if text_col is not None else ""
        if not text:
            continue
        seq_raw = cells[mapping["row_no"]].strip() if "row_no" in mapping else None
        seq_digits = DIGITS.search(halfwidth(seq_raw or ""))
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), int(seq_digits.group()) if seq_digits else None,
            seq_raw, P.TRAILING_PUNCT.sub("", cells[text_col].replace("\n", "")).strip(),
            points, row.prov))


# `1、造林绿化…` `2、100%…` `1.1爱卫会…` `（1）…`: a clause numbered inside its cell (the table has no 序号
# column). A digit after `.` or `:` makes a decimal or a ratio; after `、` it is the clause's first word.
CELL_NUMBER = regex.compile(r"^\s*(?:(?P<n>\d{1,3})\s*(?:、|[.．:：](?!\d)|[)）])|\d{1,2}\.(?P<d>\d{1,2})(?![\d.%])(?=\s*\p{Han})"
                            r"|[（(]\s*(?P<p>\d{1,3})\s*[)）])")
GLUED_NUMBER = regex.compile(r"^\s*(?P<n>\d{1,2})(?=\p{Han})")
MIN_NUMBERED_ROWS = 2
# the columns of a clause list: its number, its content, how it is scored, its points
CLAUSE_LIST_ROLES = frozenset({"row_no", "target", "criteria", "weight"})
GROUP_ROWS = 3  # a group column names at most one group for every this many rows
GROUP_NUMBER = regex.compile(r"^\s*\d{1,3}\s*[、.．](?!\d)")


def _numbered_column(table: Table, mapping: dict[str, int]) -> int | None:
    """The descriptive column whose cells number the clauses (`1、…`, `1.1…`), in most item rows; the 评分标准
    column where the content column only groups them (one merged `考核内容` over numbered standards)."""
    for role in ("target", "indicator", "criteria"):
        index = mapping.get(role)
        if index is None or (role == "criteria" and not _only_groups(table, mapping)):
            continue
        cells = [r.cells[index] for r in table.rows[1:] if index < len(r.cells) and no_space(r.cells[index])]
        numbered = [c for c in cells if CELL_NUMBER.match(halfwidth(c))]
        if len(numbered) >= MIN_NUMBERED_ROWS and len(numbered) >= len(cells) - 1:
            return index
    return None


def _only_groups(table: Table, mapping: dict[str, int]) -> bool:
    """The content columns name a few groups over many rows (merged cells, filled or not), not one
    indicator a row, and no 序号 column numbers the rows: the standards column then holds the clauses."""
    standards = mapping["criteria"]
    rows = [r for r in table.rows[1:] if standards < len(r.cells) and no_space(r.cells[standards])]
    number = mapping.get("row_no")
    if number is not None and any(halfwidth(r.cells[number]).strip().isdigit() for r in rows if number < len(r.cells)):
        return False
    for role in ("target", "indicator", "category"):
        index = mapping.get(role)
        if index is not None:
            names = {no_space(r.cells[index]) for r in rows if index < len(r.cells)} - {""}
            if len(names) * GROUP_ROWS > len(rows):
                return False
    return True


def numbered_clause_table(table: Table, state, result, doc, doc_id: str, make_target, total_words) -> bool:
    """A notice whose clause list is a table numbering its clauses inside a content cell (考核内容 |
    分值 | 评分标准, `1、…` / `30`), with a group column as the section (`1. 组织管理 (20分)`, merged
    down): its rows are the notice's clauses. False when the table is not of that shape."""
    if not is_clause_table(table):
        return False
    mapping = {v: k for k, v in map_header(table.rows[0].cells).items()}
    text_col = _numbered_column(table, mapping)
    if text_col is None:
        return (_row_numbered_clauses(table, mapping, state, result, doc, doc_id, make_target, total_words)
                or _unnumbered_clauses(table, mapping, state, result, doc, doc_id, make_target, total_words))
    group_col = next((mapping[r] for r in ("category", "indicator", "target") if mapping.get(r) not in (None, text_col)), None)
    # a second points column beside the rows' own (`项目分值 | 标准分值`): the group's points, merged down with it
    group_points_col = next((i for i, role in header_roles(table.rows[0].cells).items()
                             if role == "weight" and i != mapping["weight"]), None)
    plain, seq = _plain_numbers(table, text_col), None
    for row in table.rows[1:]:
        cells = row.cells
        if group_col is not None and no_space(cells[group_col]):
            _enter_group(cells[group_col], state, _group_points(cells, group_points_col))
        text = cells[text_col]
        if any(no_space(c) in total_words for c in cells) or not no_space(text):
            continue  # the 合计 row
        # a number that lost its `、` (`9社会…`) where it goes on from the row above's
        m = CELL_NUMBER.match(halfwidth(text)) or ((g := GLUED_NUMBER.match(halfwidth(text))) and seq is not None
                                                   and int(g["n"]) == seq + 1 and g or None)
        weight = NUMBER.search(halfwidth(cells[mapping["weight"]]))
        own = None if weight else P.POINTS_AT_END.search(text)  # no weight in its cell: the points closing the row's
        seq = (int(m["n"]) if m.re is GLUED_NUMBER else _cell_seq(m, plain)) if m else None
        body = (text[:own.start()] if own else text)[m.end() if m else 0:]
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), seq, m.group().strip() if m else None,
            P.TRAILING_PUNCT.sub("", body.replace("\n", "")).strip(),
            float(weight.group()) if weight else float(own["points"]) if own else None, row.prov))
    return True


def _group_lines(cell: str) -> str:
    """A group cell's name: from its last line opening with an ordinal (`一、机制(150分)`); lines above it are
    the header's own cells spilled into it when a page wrote each cell on a line (`检查结果` / `备注`)."""
    lines = [line for line in cell.split("\n") if no_space(line)]
    start = max((i for i, line in enumerate(lines) if P.ORDINAL_PREFIX.match(halfwidth(line))), default=0)
    return no_space("".join(lines[start:]))


def _plain_numbers(table: Table, column: int) -> bool:
    """Some rows of the content column are numbered plainly (`1.` `2.`), not with decimals (`1.1`)."""
    return any((m := CELL_NUMBER.match(halfwidth(r.cells[column]))) and m["n"]
               for r in table.rows[1:] if column < len(r.cells))


def _cell_seq(m: regex.Match, plain: bool) -> int:
    """A clause's number in its cell. A decimal's second part numbers it within its group (`1.组织管理` >
    `1.1`), but among plainly numbered rows (`1.` `2.` `3.1`) its first part goes on with their run."""
    if m["d"] and plain:
        return int(DIGITS.match(m.group().strip()).group())
    return int(m["n"] or m["d"] or m["p"])


def _group_points(cells: list[str], column: int | None) -> str | None:
    found = NUMBER.search(halfwidth(cells[column])) if column is not None and column < len(cells) else None
    return found.group() if found else None


# A group's points at the end of its cell whose opening bracket a web page lost (`核心价值观` / `15分)`).
POINTS_CLOSING_ONLY = regex.compile(r"(?<![（(\d.])(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")


def _group_column(by_index: dict[int, str], body: list, number: int) -> int | None:
    """A name column left of the 序号 whose cells stand only at a group's first row (merged down) and carry the
    group's points (`培育和践行社会主义核心价值观15分)`): the groups of the numbered rows, not each row's name."""
    for index, role in by_index.items():
        if role not in ("category", "indicator") or index > number:
            continue
        filled = [halfwidth(no_space(r.cells[index])) for r in body if no_space(r.cells[index])]
        # merged down: blank below a group's first row (text), or its value repeated there (Word)
        if filled and len(set(filled)) < len(body) and all(P.POINTS_AT_END.search(v) or POINTS_CLOSING_ONLY.search(v)
                                               for v in filled):
            return index
    return None


def _group_section(cell: str, state) -> None:
    name = halfwidth(no_space(cell))
    m = P.POINTS_AT_END.search(name) or POINTS_CLOSING_ONLY.search(name)
    state.section = P.ORDINAL_PREFIX.sub("", name[: m.start()] if m else name).strip(".、") or None
    state.section_points = float(m["points"]) if m else None


def _row_numbered_clauses(table: Table, mapping: dict[str, int], state, result, doc, doc_id: str, make_target,
                          total_words) -> bool:
    """序号 | 考核内容 | 评分细则 | 分值 with no grouping column: each row numbered 1, 2, 3 … in its 序号 cell is a
    clause (its content cell the text), a row with no number naming a group with its points (`一、体制机制建设(17分)`)
    the section. False unless the table is of that shape (two or more such rows, numbers running on)."""
    by_index = header_roles(table.rows[0].cells)
    roles = list(by_index.values())
    if "row_no" not in mapping or roles.count("target") != 1:
        return False
    number, text_col, weight_col = mapping["row_no"], mapping["target"], mapping["weight"]
    body = [r for r in table.rows[1:] if not any(no_space(c) in total_words for c in r.cells)]
    group_col = _group_column(by_index, body, number)
    if not set(r for i, r in by_index.items() if i != group_col) <= CLAUSE_LIST_ROLES:
        return False  # a name column besides the content: an indicator table
    numbered = [r for r in body if halfwidth(r.cells[number]).strip().isdigit()]
    seqs = [int(halfwidth(r.cells[number]).strip()) for r in numbered]
    if len(numbered) < MIN_NUMBERED_ROWS or any(b != a + 1 for a, b in zip(seqs, seqs[1:])):
        return False
    for row in body:
        cells = row.cells
        seq_raw = halfwidth(cells[number]).strip()
        if group_col is not None and no_space(cells[group_col]):
            _group_section(cells[group_col], state)
        if not seq_raw.isdigit():
            name = P.ORDINAL_PREFIX.sub("", no_space(cells[text_col]))
            points = P.POINTS_AT_END.search(halfwidth(name))
            if name:
                state.section = P.POINTS_AT_END.sub("", name).strip(".、") or None
                state.section_points = float(points["points"]) if points else None
            continue
        weight = NUMBER.search(halfwidth(cells[weight_col]))
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), int(seq_raw), cells[number].strip(),
            P.TRAILING_PUNCT.sub("", cells[text_col].replace("\n", "")).strip(),
            float(weight.group()) if weight else None, row.prov))
    return True


UNNUMBERED_ROLES = frozenset({"category", "target", "criteria", "weight"})


def _unnumbered_clauses(table: Table, mapping: dict[str, int], state, result, doc, doc_id: str, make_target,
                        total_words) -> bool:
    """类别 | 工作目标及扣分标准 | 分值 | 得分 with no number anywhere: a group with its points — a row of its own
    (`社区矫正工作 | 25分`) or the 类别 cell merged down beside its rows (`社区矫正工作25分`) — opens a section, each
    row with its points in the 分值 cell is a clause (seq null), its content cell the text. False unless the table is
    of that shape (a scored group first, two scored rows, each group's points holding its rows)."""
    roles = header_roles(table.rows[0].cells)
    if "category" not in mapping and "target" in mapping and mapping.get("indicator", len(roles)) < mapping["target"] \
            and _merged_groups(table, mapping["indicator"]):
        # `项目 | 考核内容 | 测评方法 | 分值`: the name column left of the content only groups its rows (`组织机构(20分)`)
        mapping = {("category" if r == "indicator" else r): i for r, i in mapping.items()}
        roles = {i: ("category" if r == "indicator" else r) for i, r in roles.items()}
    if "row_no" in mapping or "target" not in mapping or not set(roles.values()) <= UNNUMBERED_ROLES:
        return False  # a 序号 column numbers the rows, or a name column besides the content: an indicator table
    text_col, weight_col = mapping["target"], mapping["weight"]
    body = [r for r in table.rows[1:] if no_space(r.cells[text_col])
            and not any(no_space(c) in total_words for c in r.cells)]
    points = {id(r): NUMBER.search(halfwidth(r.cells[weight_col])) for r in body}
    heads = {id(r): _unnumbered_group(r, mapping, text_col, points[id(r)]) for r in body}
    opens = _group_starts(body, mapping)
    rows = [r for r in body if heads[id(r)] is None]
    if not body or (heads[id(body[0])] is None and id(body[0]) not in opens) or len(rows) < MIN_NUMBERED_ROWS or any(
            not points[id(r)] or CELL_NUMBER.match(halfwidth(r.cells[text_col])) for r in rows):
        return False
    if not _groups_cover(body, heads, opens, points):
        return False
    for row in body:
        if heads[id(row)] is not None:
            state.section, state.section_points = heads[id(row)], float(points[id(row)].group())
            continue
        if id(row) in opens:
            _group_section(opens[id(row)], state)
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), None, None,
            P.TRAILING_PUNCT.sub("", row.cells[text_col].replace("\n", "")).strip(),
            float(points[id(row)].group()), row.prov))
    return True


def _merged_groups(table: Table, column: int) -> bool:
    """A column whose cells stand only at a group's first row (blank below) and each carry the group's points."""
    cells = [no_space(r.cells[column]) for r in table.rows[1:] if column < len(r.cells)]
    filled = [halfwidth(c) for c in cells if c]
    return bool(filled) and len(filled) < len(cells) and all(
        P.POINTS_AT_END.search(c) or POINTS_CLOSING_ONLY.search(c) for c in filled)


def _unnumbered_group(row, mapping: dict[str, int], text_col: int, points) -> str | None:
    """A row that only names a group, with its points in the 分值 cell (`社区矫正工作 | 25分`): the group's name."""
    return _section_row(row.cells, mapping, text_col) if points else None


def _group_starts(body: list, mapping: dict[str, int]) -> dict[int, str]:
    """Rows whose 类别 cell opens a scored group (merged down: blank or repeated below): row → the cell."""
    column, starts, last = mapping.get("category"), {}, None
    if column is None:
        return starts
    for row in body:
        cell = no_space(row.cells[column])
        if cell and cell != last and (P.POINTS_AT_END.search(halfwidth(cell)) or POINTS_CLOSING_ONLY.search(halfwidth(cell))):
            starts[id(row)] = row.cells[column]
        last = cell or last
    return starts


def _groups_cover(body: list, heads: dict, opens: dict, points: dict) -> bool:
    """Each group's points hold the rows under it (`25分` over `3`, `3`, `3`; fewer where a page cut them): a short
    row worth less than the rows after it is a clause of its own, not their group."""
    total, budget = 0.0, None
    for row in body + [None]:
        if row is None or heads[id(row)] is not None or id(row) in opens:
            if budget is not None and total > budget:
                return False
            if row is None:
                break
            total = 0.0
            if heads[id(row)] is not None:
                budget = float(points[id(row)].group())
                continue
            found = P.POINTS_AT_END.search(halfwidth(no_space(opens[id(row)]))) or POINTS_CLOSING_ONLY.search(
                halfwidth(no_space(opens[id(row)])))
            budget = float(found["points"])
        total += float(points[id(row)].group())
    return True


def unit_clause_table(table: Table, state, result, doc, doc_id: str, make_target) -> bool:
    """One unit's clauses as a table with no weight column: a content column numbering its clauses with their
    points at the end (`1、确保…(10分)`), beside a column naming the unit, merged down (`部门 | 分项内容(100分) |
    得分`, `省公安厅`). False when the table is not of that shape."""
    header = table.rows[0].cells
    mapping = {v: k for k, v in map_header(header).items()}
    named = mapping.get("target", mapping.get("indicator"))
    if named is None or "weight" in mapping:
        return False
    # the clauses stand in the named column, or (`项目名称及分值` spanning a group column and an item column) in a
    # column its header cell spans (no header of its own) whose cells number them with their points: the named
    # column then groups them
    spanned = [named] + [c for c in range(named + 1, len(header)) if not no_space(header[c])]
    text_col = next((c for c in spanned if _scored_rows(table, c) is not None), None)
    if text_col is None:
        return False
    body, scored = _scored_rows(table, text_col)
    group_col = named if named != text_col else _grouping_column(table, text_col, body)
    unit_col = next((j for j in range(len(header)) if j != text_col and j not in mapping.values()
                     and all(looks_like_unit(no_space(r.cells[j])) for r in body if no_space(r.cells[j]))
                     and any(no_space(r.cells[j]) for r in body)), None)
    for row in table.rows[1:]:
        if group_col is not None and no_space(row.cells[group_col]):
            _enter_group(row.cells[group_col], state)
        if not any(row is r for r in scored):
            continue  # a placeholder (`2.` with nothing after it), a note
        unit = no_space(row.cells[unit_col]) if unit_col is not None else ""
        if unit:
            state.unit = state.unit_raw = unit
        text = halfwidth(row.cells[text_col])
        m, points = CELL_NUMBER.match(text), P.POINTS_AT_END.search(text)
        seq = int(m["n"] or m["d"] or m["p"])
        body_text = row.cells[text_col][m.end():points.start()].replace("\n", "")
        result.targets.append(make_target(doc_id, doc, state, len(result.targets), seq, m.group().strip(),
                                          P.TRAILING_PUNCT.sub("", body_text).strip(), float(points["points"]),
                                          row.prov))
    return True


def _grouping_column(table: Table, text_col: int, body: list) -> int | None:
    """The name column nearest left of the clauses whose cells group them (`一级指标` `一、…(7分)` merged over its
    rows, filled down or blank below): the clauses' sections, as a group column would be."""
    roles = header_roles(table.rows[0].cells)
    for index in sorted((i for i, r in roles.items() if i < text_col and r in ("category", "indicator")), reverse=True):
        runs = [no_space(r.cells[index]) for r in body if index < len(r.cells)]
        filled = [c for k, c in enumerate(runs) if c and (k == 0 or c != runs[k - 1])]
        if filled and len(filled) < len(body):
            return index
    return None


def _scored_rows(table: Table, column: int) -> tuple[list, list] | None:
    """The rows with text in ``column`` and those among them numbering a clause with its points at the end
    (`1、确保…(10分)`), when nearly all rows with text there do; else None."""
    body = [r for r in table.rows[1:] if column < len(r.cells) and no_space(r.cells[column])]
    scored = [r for r in body if CELL_NUMBER.match(halfwidth(r.cells[column]))
              and P.POINTS_AT_END.search(halfwidth(r.cells[column]))]
    if len({r.cells[column] for r in scored}) < len(scored):
        return None  # one item filled down over its rule rows (a merged cell): an indicator's rules, not clauses
    placeholders = [r for r in body if not P.POINTS_AT_END.search(halfwidth(r.cells[column]))
                    and not no_space(CELL_NUMBER.sub("", halfwidth(r.cells[column]))).strip("…. ")]
    if len(scored) < MIN_NUMBERED_ROWS or len(scored) < len(body) - len(placeholders) - 1:
        return None
    return body, scored


def _enter_group(cell: str, state, points_beside: str | None = None) -> None:
    """A group cell (`(二)“五型”机关创建(100分)`, or its points in a column of their own: ``points_beside``) opens a
    section; a group cell without points only groups (a section is a heading that carries points: GOLD.md)."""
    name = P.ORDINAL_PREFIX.sub("", GROUP_NUMBER.sub("", _group_lines(cell)))
    points = P.POINTS_AT_END.search(halfwidth(name))
    value = points["points"] if points else points_beside
    state.section = (P.POINTS_AT_END.sub("", name).strip(".、") or None) if value else None
    state.section_points = float(value) if value else None
