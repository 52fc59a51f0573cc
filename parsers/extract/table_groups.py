"""Rows and groups of an indicator table: which rows are items, totals or groups, and which descriptive
columns group the rows (a merged cell run down over them) rather than name each one. Used by ``table_roles``."""
from __future__ import annotations

import regex

from parsers.extract.headers import header_role, points_at_end, table_vocab, weight_value
from parsers.extract.patterns import CN_DIGITS
from parsers.textnorm import no_space
from schemas.blocks import TableRow

GROUP_ROW_NO = regex.compile(rf"^(?:[{CN_DIGITS}]{{1,3}}\s*[、.．]?|[（(]\s*[{CN_DIGITS}]{{1,3}}\s*[)）])$")


def cells(body: list[TableRow], index: int) -> list[str]:
    return [r.cells[index] for r in body if index < len(r.cells)]


def _filled(values: list[str]) -> list[str]:
    return [v for v in values if no_space(v)]


def _is_total(row: TableRow) -> bool:
    words = {no_space(w) for w in table_vocab()["total_words"]}
    return any(no_space(c) in words for c in row.cells)


def _category_as_name(roles: dict[int, str], body) -> None:
    """类别 | 分值 | 考核标准 with a category of its own in every row and no column naming the goal: the
    category groups nothing, it is the row's name (the standard stays the criteria)."""
    if "target" in roles.values():
        return
    index = next((i for i in sorted(roles) if roles[i] == "category"), None)
    if index is not None and _shape(cells(_item_rows(body, roles), index)) == "distinct":
        roles[index] = "indicator"


DESCRIPTIVE = ("indicator", "target")  # columns that may hold the row's own name


OWN_POINTS = regex.compile(r"[（(]\s*\d{1,3}(?:\.\d+)?\s*分\s*[)）]")  # a rule's own points: `(1分)`
NAME_MAX = 20  # characters: a longer cell states a goal or a rule, not a name
NOT_IN_A_NAME = regex.compile(r"[\d０-９%％，。；;,：:]")
SENTENCE_MARKS = regex.compile(r"[，。；;,：:]")


def _all_names(values: list[str]) -> bool:
    """Every cell a short name: no figure, no sentence punctuation."""
    values = [no_space(v) for v in values]
    return bool(values) and all(v and len(v) <= NAME_MAX and not NOT_IN_A_NAME.search(v) for v in values)


def _short_names(values: list[str]) -> bool:
    """Every cell a short name: no sentence punctuation (figures allowed: `24小时值班`)."""
    values = [no_space(v) for v in values]
    return bool(values) and all(v and len(v) <= NAME_MAX and not SENTENCE_MARKS.search(v) for v in values)


def _shape(values: list[str]) -> str | None:
    """'distinct' when every row has its own value; 'grouping' when values run down over several
    rows, each in one run (merged cells: blank below their first row in text, repeated in .docx)."""
    values = [no_space(v) for v in values]
    if len(values) < 2 or not values[0]:
        return None
    if all(values) and len(set(values)) == len(values):
        return "distinct"
    filled, runs = [], 0
    for value in values:
        runs += not filled or bool(value) and value != filled[-1]
        filled.append(value or filled[-1])
    return "grouping" if runs < len(values) and len(set(filled)) == runs else None


def _item_rows(body: list[TableRow], roles: dict[int, str]) -> list[TableRow]:
    """Rows that are items: not a total or group row, and not a row continuing the one above
    (a blank or repeated 序号 where the table numbers its rows)."""
    row_no = next((i for i, r in roles.items() if r == "row_no"), None)

    def number(row: TableRow | None) -> str:
        return no_space(row.cells[row_no]) if row is not None and row_no < len(row.cells) else ""

    rows = [r for r in body if not _is_total(r)]
    if row_no is None:
        return rows
    if all(GROUP_ROW_NO.match(number(r)) for r in rows):
        return rows  # every row numbered `一` `(一)` …: the numbers are no items' (groups over nothing, or a group's)
    # a 序号 merged down (repeated in .docx) is one item over several rows
    return [r for k, r in enumerate(body) if not _is_total(r) and number(r) and not GROUP_ROW_NO.match(number(r))
            and number(r) != number(body[k - 1] if k else None)]


def _carries_subtotals(values: list[str]) -> bool:
    filled = _filled(values)
    return bool(filled) and all(points_at_end(v) is not None for v in filled)


def _name_beside_groups(header: list[str], roles: dict[int, str], body) -> bool:
    """Several descriptive columns: those whose values run down over several rows group them, and
    the row's own name is the one with a value of its own in every row. A column grouping the rows
    with a subtotal in its cells (`…建设（8分）`) is a group, whatever its header (a name header, a
    word no synonym knows); an unnamed name is the first column with distinct values right of the
    groups. Of the levels of groups left of the name one is the category (_nearest_scored_level)."""
    items = _item_rows(body, roles)
    texts = sorted(i for i, r in roles.items() if r in DESCRIPTIVE)
    # 序号 and name merged down over rows each with a standard and a weight of its own: every row is an item, the
    # merged name its group, the standard the row's name (targets under one merged name with weights stay one item)
    rows = [r for r in body if not _is_total(r)]
    standards = [i for i, r in roles.items() if r == "criteria" and _shape(cells(rows, i)) == "distinct"]
    # points merged with the name first: a .docx fills the merged points into every row, which then look weighted
    per_row = bool(standards) and (_points_merged_with_name(rows, roles) or _weighted_each_row(body, roles, items)
                                   or _grouped_name(rows, roles) or _tasks_under_merged_number(rows, roles))
    if per_row:
        items = rows
        texts = sorted(i for i, r in roles.items() if r in DESCRIPTIVE) + standards[:1]
    shapes = {i: _shape(cells(items, i)) for i in texts}
    named = next((i for i in texts if roles[i] == "indicator"), None)
    over = named is not None and len(items) == 1 and _over_weights(items, roles, named)
    if over:  # an excerpt's one row: its group carries a subtotal above the row's weight (`组织领导11分` over `3`)
        shapes = {i: "distinct" if no_space(cells(items, i)[0]) else None for i in texts}
        shapes[named] = "grouping"
    if named is not None and (_subtotal_group(cells(items, named)) or over
                              or per_row and shapes[named] == "grouping"):
        named = None  # a group with its subtotal, not a row's name
    elif named is not None and shapes[named] == "grouping" and "weight" not in roles.values():
        # a task list (no weight) whose named column runs down over rows each with a task of its own (`项目名称` over
        # `项目内容`): the name is their group, the task right of it names each row
        named = next((i for i in texts if i > named and shapes[i] == "distinct"), named)
    elif named is not None and shapes[named] == "grouping":
        # weighted rows under a merged `考核项目`, each with a name of its own right of it (`考核指标`: a short
        # name, no figure, no sentence) and its content further right: the merged column is their group
        named = next((i for i in texts if i > named and shapes[i] == "distinct" and _all_names(cells(items, i))
                      and any(j > i for j in texts)), None) or _requirement_beside(roles, texts, shapes, named, items)
    unknown = [i for i, cell in enumerate(header) if i not in roles and no_space(cell)
               and _subtotal_group(cells(items, i))]
    grouping = sorted([i for i in texts if shapes[i] == "grouping"] + unknown)
    if named is None and per_row and grouping:
        # rows each with a weight under a merged group with its subtotal (`组织体系建设情况(20分)`), a column of short
        # names of their own right of it (`内 容`: `应急管理机构`) before their 评分标准: the names name the rows
        named = next((i for i in texts if roles[i] in DESCRIPTIVE and i > grouping[0] and shapes[i] == "distinct"
                      and _short_names(cells(items, i))), None)
    if named is None:
        named = next((i for i in (standards[:1] if per_row else texts)
                      if shapes[i] == "distinct" and grouping and grouping[0] < i), None)
    if named is None and len(grouping) >= 2 and "weight" in roles.values():
        named = _most_own_values(items, grouping)  # a name merged over a few sub-rows, right of its coarser groups
    if named is None and grouping and len(standards) >= 2 and grouping[0] < standards[0]:
        # a group with its points, then two standard columns (`考核标准 | 评分标准`): the first one names the row
        named = standards[0]
        texts = sorted(set(texts) | {named})
    if named is None and len(grouping) >= 2 and len(standards) == 1 and grouping[-1] < standards[0]:
        named = grouping[-1]  # levels merged over standard sub-rows (一级/二级/三级指标): the lowest names them
    elif named is None:
        return False
    groups = [i for i in grouping if i < named]
    for index in texts:
        if roles[index] == "indicator" and index != named:
            roles[index] = "category" if index < named and index in grouping else "target"
    roles[named] = "indicator"
    if groups:
        _nearest_scored_level(roles, groups, texts, items, named, header)
    return per_row


def _over_weights(items, roles: dict[int, str], index: int) -> bool:
    """Every row's cell in the column closes on points above the row's own weight: a group's subtotal."""
    weight = next((i for i, r in roles.items() if r == "weight"), None)
    if weight is None:
        return False
    pairs = [(points_at_end(r.cells[index]), weight_value(r.cells[weight])) for r in items
             if max(index, weight) < len(r.cells)]
    return bool(pairs) and all(p is not None and w is not None and p > w for p, w in pairs)


def _runs(values: list[str]) -> int:
    """Runs of one value down a column (a blank continues the value above)."""
    filled: list[str] = []
    for value in (no_space(v) for v in values):
        filled.append(value or (filled[-1] if filled else ""))
    return sum(1 for k, v in enumerate(filled) if not k or v != filled[k - 1])


def _most_own_values(items, grouping: list[int]) -> int | None:
    """Weighted rows, every descriptive column merged over some of them (`考核指标` over `评价内容`, itself over a
    sub-row): the column right of the first with the most values of its own names the rows, the coarser ones left
    of it group them. None where none has more values of its own than the first."""
    runs = {i: _runs(cells(items, i)) for i in grouping}
    best = max(grouping[1:], key=lambda i: (runs[i], -i))
    return best if runs[best] > runs[grouping[0]] else None


def _requirement_beside(roles: dict[int, str], texts: list[int], shapes: dict, named: int, items) -> int:
    """Weighted rows under a merged `考核项目` (`综合类`) with one requirement column right of it, a value of its own in
    every row (`1、坚持机制创新…`), and their 评分标准 further right, or none where the merged column carries its
    group's points (`信息发布与采用(37分)` over `考核内容及标准和要求`, a requirement stating its rule itself): the
    requirement names each row, the merged column is their group. Else the merged column stays the name."""
    distinct = [i for i in texts if i > named and shapes[i] == "distinct"]
    criteria = [i for i, r in roles.items() if r == "criteria"]
    pointed = not criteria and any(points_at_end(v) is not None for v in _filled(cells(items, named)))
    if len(distinct) == 1 and roles[distinct[0]] == "target" and (pointed or criteria and min(criteria) > distinct[0]):
        return distinct[0]
    return named


def _nearest_scored_level(roles: dict[int, str], groups: list[int], texts: list[int], items, named: int,
                          header: list[str]) -> None:
    """Levels of groups left of the name (一级指标 / 二级指标, a category column among them): the category is the nearest
    level with its subtotal (`民生保障(5分)`, or in a weight column of its own right of it, kept apart from the rows'
    weight: a check adds it up), else the nearest; the other levels are kept apart."""
    levels = sorted(set(groups) | {i for i, r in roles.items() if r == "category" and i < named})
    chosen = ([i for i in levels if _subtotal_group(cells(items, i)) or _weighted_beside(header, roles, i)]
              or levels)[-1]
    for index in levels:
        if index != chosen and (roles.get(index) == "category" or index in texts):
            roles.pop(index, None)
    roles[chosen] = "category"


def _weighted_beside(header: list[str], roles: dict[int, str], index: int) -> bool:
    """A group level whose points sit in the column right of it, a weight column other than the rows' own
    (`二级指标 | 分值 | 评分细则 | 项目分值`)."""
    right = index + 1
    return right < len(header) and right not in roles and (header_role(header[right]) or ("",))[0] == "weight"


def _weighted_each_row(body: list[TableRow], roles: dict[int, str], items: list[TableRow]) -> bool:
    weight = next((i for i, r in roles.items() if r == "weight"), None)
    rows = [r for r in body if not _is_total(r)]
    if weight is None or len(items) >= len(rows) or len(rows) < 2:
        return False
    return all(weight < len(r.cells) and weight_value(r.cells[weight]) is not None for r in rows)


def _tasks_under_merged_number(rows: list[TableRow], roles: dict[int, str]) -> bool:
    """No weight, and a 序号 merged down over rows (filled in every one): each row a task of its own under it
    (`1` over `(1)…` `(2)…` in `工作标准`), not one item over sub-rows."""
    row_no = next((i for i, r in roles.items() if r == "row_no"), None)
    if row_no is None or "weight" in roles.values() or len(rows) < 2:
        return False
    numbers = cells(rows, row_no)
    return all(no_space(n) for n in numbers) and _shape(numbers) == "grouping"


def _grouped_name(rows: list[TableRow], roles: dict[int, str]) -> bool:
    """No 序号: the named column runs down over rows that each carry a weight of their own (`考核项目` merged over
    its `考核标准` rows) and no other descriptive column names the rows: the name is their group."""
    if "row_no" in roles.values() or len(rows) < 2:
        return False
    named = next((i for i, r in roles.items() if r == "indicator"), None)
    weight = next((i for i, r in roles.items() if r == "weight"), None)
    if named is None or weight is None or _shape(cells(rows, named)) != "grouping":
        return False
    if any(_shape(cells(rows, i)) == "distinct" for i, r in roles.items() if r in DESCRIPTIVE and i != named):
        return False  # a descriptive column of its own names the rows
    return all(weight < len(r.cells) and weight_value(r.cells[weight]) is not None for r in rows)


def _subtotal_group(values: list[str]) -> bool:
    return _shape(values) == "grouping" and _carries_subtotals(values)


def _points_merged_with_name(rows: list[TableRow], roles: dict[int, str]) -> bool:
    """No 序号: the named column and the weight run down together over rows each with a rule of its own (`防震减灾` /
    `10` merged over `落实领导责任(1分)。…` rows): the points are the group's, not a row's weight (dropped), and the
    rule names each row."""
    named = next((i for i, r in roles.items() if r == "indicator"), None)
    weight = next((i for i, r in roles.items() if r == "weight"), None)
    if "row_no" in roles.values() or named is None or weight is None or len(rows) < 2:
        return False
    names, points = cells(rows, named), cells(rows, weight)
    if _shape(names) != "grouping" or _shape(points) != "grouping":
        return False
    if [bool(no_space(n)) for n in names] != [bool(no_space(p)) for p in points]:
        return False  # not in step: the points are not the group's
    if not _constant_within_runs(names, points):
        return False  # weights that vary under one name (`2分`, `5分`, `5分` under a merged group): each row's own
    if all(no_space(n) for n in names) and not _rules_scored(rows, roles, named, weight):
        return False  # filled in every row (a .docx): equal weights under a name are merged only over scored rules
    del roles[weight]
    return True


def _rules_scored(rows: list[TableRow], roles: dict[int, str], named: int, weight: int) -> bool:
    """Every row's other cells hold its own bracketed points (`落实领导责任(1分)。…`): what the merged points sum."""
    others = [i for i in roles if i not in (named, weight)]
    return all(any(i < len(r.cells) and OWN_POINTS.search(r.cells[i]) for i in others) for r in rows)


def _constant_within_runs(names: list[str], points: list[str]) -> bool:
    """Each run of one name down the column (a merged cell a .docx fills into every row it spans) holds one value of
    ``points``: the points were merged with the name, not written row by row."""
    seen: dict[int, str] = {}
    run, previous = -1, None
    for name, value in zip(map(no_space, names), map(no_space, points)):
        if name and name != previous:
            run, previous = run + 1, name
        if value and seen.setdefault(run, value) != value:
            return False
    return True
