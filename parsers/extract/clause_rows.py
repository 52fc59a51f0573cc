"""A notice's clause list as a table with a 序号 column and no points column: each numbered row's content cell
closes with the row's points (`村党组织健全…。(1分)`, `…(1个0.5分,共3分)`), and a group column left of the numbers,
merged down, names the section with its points (`组织建设16分`, a page writing the name one character a line)."""
from __future__ import annotations

import regex

from parsers.extract import patterns as P
from parsers.extract.cnnum import cn_to_int
from parsers.extract.headers import header_roles, map_header
from parsers.extract.points import read_points
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Table

MIN_ROWS = 2
# a group's points bare after its name (`组织建设16分`) or bracketed (`组织建设(16分)`)
GROUP_POINTS = regex.compile(r"(?<=\p{Han})\s*[（(]?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]?\s*$")


def numbered_scored_rows(table: Table, state, result, doc, doc_id: str, make_target, total_words) -> bool:
    """The table's numbered rows as clauses (seq from the 序号 cell, points from the content cell's end), when
    nearly every row with a number is scored that way and the numbers run on; False when the table is not of that
    shape (a points column, no 序号, rows without points: an indicator table)."""
    mapping = {v: k for k, v in map_header(table.rows[0].cells).items()}
    number = mapping.get("row_no")
    text_col = mapping.get("target", mapping.get("indicator"))
    if "weight" in mapping or number is None or text_col is None or text_col <= number:
        return False
    body = [r for r in table.rows[1:] if max(number, text_col) < len(r.cells)
            and not any(no_space(c) in total_words for c in r.cells)]
    numbered = [r for r in body if halfwidth(r.cells[number]).strip().isdigit() and no_space(r.cells[text_col])]
    readings = {id(r): read_points(no_space(r.cells[text_col])) for r in numbered}
    scored = [r for r in numbered if readings[id(r)].points is not None and readings[id(r)].criteria is None]
    seqs = [int(halfwidth(r.cells[number]).strip()) for r in numbered]
    if len(scored) < MIN_ROWS or len(scored) < len(numbered) - 1 or any(b != a + 1 for a, b in zip(seqs, seqs[1:])):
        return False
    group_col = next((i for i in range(number) if i != text_col), None)
    for row in body:
        if group_col is not None and no_space(row.cells[group_col]):
            _enter_group(row.cells[group_col], state)
        if not any(row is r for r in scored):
            continue
        reading = readings[id(row)]
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), int(halfwidth(row.cells[number]).strip()),
            row.cells[number].strip(), P.TRAILING_PUNCT.sub("", reading.text).strip(), reading.points, row.prov))
    return True


def _enter_group(cell: str, state) -> None:
    """A group cell opens a section where it carries points; one without points only groups (GOLD.md)."""
    name = P.ORDINAL_PREFIX.sub("", halfwidth(no_space(cell)))
    points = GROUP_POINTS.search(name)
    state.section = (name[:points.start()].strip(".、") or None) if points else None
    state.section_points = float(points["points"]) if points else None


# a standard's points as a bare number in brackets closing its cell, no 分 (`…制度上墙。(2.5)`)
BARE_BRACKET = regex.compile(r"\s*[（(]\s*(?P<points>\d+(?:\.\d+)?)\s*[)）]\s*[。；;]?\s*$")


def bracketed_standards(table: Table, state, result, doc, doc_id: str, make_target) -> bool:
    """`序号 | 项目分值 | 标准 | 备注` with a group cell `责任意识(10分)` at a group's first row and one standard a
    row closed by its points in brackets without 分 (`…制度上墙。(2.5)`): each standard a clause (seq null: the 序号
    numbers the groups), its group the section. The bare numbers must add up to a group's points somewhere (they
    are points, not counts or years); False when the table is not of that shape."""
    rows = table.rows[1:]
    width = len(table.rows[0].cells)
    columns = [c for c in range(width) if _bracketed_share(rows, c)]
    groups = [c for c in range(width) if _group_cells(rows, c)]
    if len(columns) != 1 or not groups or groups[0] >= columns[0]:
        return False
    text_col, group_col = columns[0], groups[-1]
    sums: dict[int, tuple[float, float]] = {}
    current = None
    for k, row in enumerate(rows):
        group = GROUP_POINTS.search(halfwidth(no_space(row.cells[group_col])))
        if group:
            current = k
            sums[k] = (float(group["points"]), 0.0)
        found = BARE_BRACKET.search(halfwidth(row.cells[text_col]))
        if found and current is not None:
            sums[current] = (sums[current][0], sums[current][1] + float(found["points"]))
    if not any(abs(total - added) < 1e-9 for total, added in sums.values()):
        return False
    for row in rows:
        if no_space(row.cells[group_col]):
            _enter_group(row.cells[group_col], state)
        cell = row.cells[text_col]
        found = BARE_BRACKET.search(halfwidth(cell))
        if found is None:
            continue
        text = P.TRAILING_PUNCT.sub("", cell[:found.start()].replace("\n", ""))
        result.targets.append(make_target(doc_id, doc, state, len(result.targets), None, None, text.strip(),
                                          float(found["points"]), row.prov))
    return True


def _bracketed_share(rows: list, column: int) -> bool:
    cells = [r.cells[column] for r in rows if column < len(r.cells) and no_space(r.cells[column])]
    closed = [c for c in cells if BARE_BRACKET.search(halfwidth(c))]
    return len(closed) >= MIN_ROWS and len(closed) >= len(cells) - 1


def _group_cells(rows: list, column: int) -> bool:
    """Cells at a group's first row only (blank below), each a name with its points (`责任意识(10分)`)."""
    cells = [no_space(r.cells[column]) if column < len(r.cells) else "" for r in rows]
    filled = [halfwidth(c) for c in cells if c]
    return bool(filled) and len(filled) < len(cells) and all(
        GROUP_POINTS.search(c) and not c[:GROUP_POINTS.search(c).start()].strip().isdigit() for c in filled)


NAME_ROLES = ("indicator", "category")
WEIGHT_CELL = regex.compile(r"^(?P<points>\d+(?:\.\d+)?)\s*分?$")


def named_rows(table: Table, state, result, doc, doc_id: str, make_target, total_words) -> bool:
    """A notice whose only list is a table of named rows each with its points in a 分值 column (`检查考评项目 | 分值
    | 检查考评标准`, `一级指标 | 二级指标 | 测评标准 | 分值`): each scored row a clause — its name where every row has
    a name of its own (`一、预防森林火灾发生 | 40`, seq from its ordinal), its standard where the names are merged
    over several rows (a group's name, not the row's). False when the table is not of that shape."""
    roles = header_roles(table.rows[0].cells)
    weights = [i for i, r in roles.items() if r == "weight"]
    names = [i for i, r in roles.items() if r in NAME_ROLES]
    if len(weights) != 1 or not names or set(roles.values()) & {"units", "leaders", "assessors", "row_no"}:
        return False  # rows given to units or their assessors: a task table, not one unit's clause list
    weight, name_col = weights[0], max(names)
    content_col = next((i for i, r in sorted(roles.items()) if r in ("target", "criteria") and i > name_col), None)
    body = [r for r in table.rows[1:] if max(weight, name_col) < len(r.cells)
            and not any(no_space(c) in total_words for c in r.cells)]
    scored = [r for r in body if WEIGHT_CELL.match(halfwidth(no_space(r.cells[weight])))]
    if len(scored) < MIN_ROWS or len(scored) < len(body) - 1:
        return False
    own = [no_space(r.cells[name_col]) for r in scored]
    if not any(own):
        return False  # a name column with no names: nothing says the rows are one list's clauses
    by_name = all(own) and len(set(own)) == len(own)
    if not by_name and (content_col is None or not all(no_space(r.cells[content_col]) for r in scored)):
        return False
    state.section = state.section_points = None
    for row in scored:
        cell = row.cells[name_col] if by_name else row.cells[content_col]
        ordinal = P.ORDINAL_PREFIX.match(halfwidth(cell)) if by_name else None
        seq = _ordinal_value(ordinal.group()) if ordinal else None
        text = cell[ordinal.end():] if ordinal else cell
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), seq, ordinal.group().strip() if ordinal else None,
            P.TRAILING_PUNCT.sub("", text.replace("\n", "")).strip(),
            float(WEIGHT_CELL.match(halfwidth(no_space(row.cells[weight])))["points"]), row.prov))
    return True


def _ordinal_value(marker: str) -> int | None:
    digits = regex.sub(r"[^\d一二三四五六七八九十百零〇]", "", marker)
    return int(digits) if digits.isdigit() else cn_to_int(digits) if digits else None


LEVEL_EXCLUDED = frozenset({"units", "leaders", "assessors", "row_no"})


def leveled_rows(table: Table, state, result, doc, doc_id: str, make_target, total_words) -> bool:
    """`一级要素 | 二级要素 | 标准分值 | 考评要点 | 评分标准 | … | 扣分分值 | 得分`: level columns, then a content
    (要点) column, one weight column filled per row (the form's other weight columns left blank for the assessor).
    Each scored row is a clause: its lowest level's name joined before its content, the top level the section, the
    weight its points. The lowest level's own points must agree with the weight (`工作方案(10分)` | `10分`), which
    marks the rows as the list's clauses even where an excerpt keeps one; False when the table is not of that shape."""
    roles = header_roles(table.rows[0].cells)
    levels = sorted(i for i, r in roles.items() if r in NAME_ROLES)
    content = next((i for i, r in sorted(roles.items()) if r == "target" and levels and i > levels[-1]), None)
    if len(levels) < 2 or content is None or set(roles.values()) & LEVEL_EXCLUDED:
        return False
    width = max(roles) + 1
    body = [r for r in table.rows[1:] if len(r.cells) >= width and not any(no_space(c) in total_words for c in r.cells)]
    filled = [i for i, r in roles.items() if r == "weight" and any(no_space(row.cells[i]) for row in body)]
    if len(filled) != 1:
        return False
    weight = filled[0]
    scored = [r for r in body if no_space(r.cells[content]) and WEIGHT_CELL.match(halfwidth(no_space(r.cells[weight])))]
    own = [GROUP_POINTS.search(halfwidth(no_space(r.cells[levels[-1]]))) for r in scored]
    if not scored or len(scored) < len(body) - 1 or not any(own) or any(
            m and float(m["points"]) != float(WEIGHT_CELL.match(halfwidth(no_space(r.cells[weight])))["points"])
            for r, m in zip(scored, own)):
        return False
    state.section = state.section_points = None
    name = ""
    for row in body:
        if no_space(row.cells[levels[0]]):
            _enter_group(row.cells[levels[0]], state)
        lowest = halfwidth(no_space(row.cells[levels[-1]]))
        if lowest:
            found = GROUP_POINTS.search(lowest)
            name = P.ORDINAL_PREFIX.sub("", lowest[:found.start()] if found else lowest)
        if not any(row is r for r in scored):
            continue
        text = name + P.TRAILING_PUNCT.sub("", row.cells[content].replace("\n", "")).strip()
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), None, None, text,
            float(WEIGHT_CELL.match(halfwidth(no_space(row.cells[weight])))["points"]), row.prov))
    return True
