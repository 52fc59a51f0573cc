"""Column roles of an indicator table, from its header AND its content.

The header proposes (synonyms, data); the content decides: a column of unit names holds units,
of person names leaders, of numbers adding up to the total a weight — whatever the header calls
it. Every table gets an `indicator`: the row's own name, what is assessed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

import regex

from parsers.extract.cnnum import cn_to_int
from parsers.extract.headers import (
    also_role,
    header_role,
    looks_like_org,
    looks_like_person,
    weight_value,
)
from parsers.extract.patterns import CN_DIGITS
from parsers.extract.table_content import content_roles
from parsers.extract.table_groups import (  # noqa: F401 - GROUP_ROW_NO and _shape are imported from here too
    GROUP_ROW_NO,
    _category_as_name,
    _filled,
    _is_total,
    _name_beside_groups,
    _shape,
    cells,
)
from parsers.textnorm import no_space
from schemas.blocks import TableRow

NAME_SPLIT = "\n、，,；;／/"
# Roles holding the names of parties (organisations); people are `leaders`.
PARTY_ROLES = ("units", "co_units", "assessors")
# When no column is named as the row's name, the first column of these roles is (in this order).
NAME_FALLBACK = ("target", "criteria")
SPAN_TEXT = regex.compile(r"\p{Han}.{3,}", regex.S)  # a cell of prose, not a weight
HAN = regex.compile(r"\p{Han}")
NAME_POINTS = regex.compile(r"^\p{Han}[^（(]{1,24}[（(]\d+(?:\.\d+)?分[）)]$")  # a name closed by its points: `任务分解(2分)`
GROUP_POINTS = regex.compile(r"[（(︵]\d+(?:\.\d+)?分[）)︶]$")  # a group's name closing on its points: `…行动”(16分)`
SHARE = 0.6  # the share of a column's cells that must look like names or weights
# a row's number: `一` `十二` `3`, bare or marked (`一、` `3.` `(一)` `（3）`)
ORDINAL = regex.compile(rf"^[（(]?(?P<n>[{CN_DIGITS}]{{1,3}}|\d{{1,3}})[）)]?[、.．]?$")
AMOUNT = regex.compile(r"^[\d.]+\s*(?!分)[%‰\p{Han}]{1,3}$")  # a number and its unit, not points: `90亿元` `12%`
ORDINAL_HOSTS = ("target", "indicator", "category", "criteria", "note")  # roles a header may wrongly give it


@dataclass
class Columns:
    roles: dict[int, str]  # column index → role (one column per role)
    role_words: dict[int, str] = field(default_factory=dict)  # header word of a party column
    extra_weights: list[int] = field(default_factory=list)  # a second weight column
    criteria_in: int | None = None  # the column whose joined header also names the criteria
    numbers_groups: bool = False  # the 序号 is merged down over a group of items: it fills down
    weight_in_name: bool = False  # the column headed as the weight holds each name with its points (`任务分解 (2分)`)

    def index(self, role: str) -> int | None:
        return next((i for i, r in self.roles.items() if r == role), None)


def _names(cell: str) -> list[str]:
    out, word = [], ""
    for ch in cell:
        if ch in NAME_SPLIT:
            out.append(word)
            word = ""
        else:
            word += ch
    return [no_space(w) for w in out + [word] if no_space(w)]


def column_kind(values: list[str]) -> str | None:
    """'weight', 'units', 'leaders' or None for a column's filled cells."""
    filled = _filled(values)
    if not filled:
        return None
    if sum(1 for v in filled if weight_value(v) is not None) >= SHARE * len(filled):
        return "weight"
    persons = [v for v in filled if all(looks_like_person(n) for n in _names(v))]
    names = [n for v in persons for n in _names(v)]
    # most people's names have three characters; a column of two-character words (党建, 文明) is topics
    if len(persons) >= SHARE * len(filled) and sum(len(n) >= 3 for n in names) >= len(names) / 2:
        return "leaders"
    parties = [v for v in filled if all(looks_like_org(n) or looks_like_person(n) for n in _names(v))]
    if len(parties) >= SHARE * len(filled) and any(looks_like_org(n) for v in parties for n in _names(v)):
        return "units"  # unit names, perhaps with a person's beside them (`县商务局 赵强`)
    return None


def _weights_sum(body: list[TableRow], index: int, row_no: int | None = None) -> tuple[float, int, float | None]:
    """(sum over item rows, how many rows carry a weight, the total row's value). Group rows
    (`一、` in the 序号 column) carry subtotals and are left out."""
    total, count, declared = 0.0, 0, None
    for row in body:
        value = weight_value(row.cells[index]) if index < len(row.cells) else None
        if value is None:
            continue
        if _is_total(row):
            declared = value
        elif row_no is None or row_no >= len(row.cells) or not GROUP_ROW_NO.match(no_space(row.cells[row_no])):
            total, count = total + value, count + 1
    return total, count, declared


def _adds_up(body, index: int, roles: dict[int, str]) -> bool:
    row_no = next((i for i, r in roles.items() if r == "row_no"), None)
    total, count, declared = _weights_sum(body, index, row_no)
    return bool(count) and abs(total - (declared if declared is not None else 100.0)) < 1e-6


def infer_columns(header: list[str], body: list[TableRow]) -> Columns:
    found = {i: header_role(c) for i, c in enumerate(header)}
    roles = {i: f[0] for i, f in found.items() if f}
    words = {i: f[1] for i, f in found.items() if f and f[0] in PARTY_ROLES}
    weight_in_name = _names_under_weight(roles, body)
    _check_content(roles, body)
    content_roles(roles, body)
    _ordinal_column(roles, body)
    _blank_headers(header, roles, body)
    extra_weights = _choose_weight(roles, body)
    extra_weights = [i for i in extra_weights if not _amounts_as_target(roles, body, i)]
    _unknown_columns(header, roles, body)
    _goals_of_named_groups(roles, body)
    _levels_of_names(roles)
    numbers_groups = _name_beside_groups(header, roles, body)
    if "indicator" not in roles.values():
        _category_as_name(roles, body)
    if "indicator" not in roles.values():
        _promote_name(roles)  # before one column per role is kept: a second goal column stays the goal
    columns: dict[int, str] = {}
    for index in sorted(roles):
        role = roles[index]
        if role in columns.values():
            role = "co_units" if role == "units" and "co_units" not in roles.values() else None
        if role:
            columns[index] = role
    criteria_in = None
    if "criteria" not in columns.values():
        criteria_in = next((i for i in sorted(columns) if also_role(header[i]) == "criteria"), None)
    return Columns(columns, {i: w for i, w in words.items() if i in columns}, extra_weights, criteria_in,
                   numbers_groups, weight_in_name)


def _names_under_weight(roles: dict[int, str], body) -> bool:
    """The column headed as the weight holds each row's name closed by its points (`评价指标 | 分值` over `前期工作 |
    任务分解 (2分)`): it is the name column, its points the weight; the column named as the name groups the rows."""
    index = next((i for i, r in roles.items() if r == "weight"), None)
    values = _filled(cells(body, index)) if index is not None else []
    named = [v for v in values if NAME_POINTS.match(no_space(v))]
    if not values or len(named) < len(values) * SHARE or any(weight_value(v) is not None for v in values):
        return False  # a weight of its own in any row: the column is the weight, its other cells rules
    for other, role in list(roles.items()):
        if role == "indicator":
            del roles[other]
            if "category" not in roles.values():
                roles[other] = "category"
    roles[index] = "indicator"
    return True


def _check_content(roles: dict[int, str], body) -> None:
    """A header's role stands unless the content says otherwise: a named weight column of text is
    no weight; a party column of person names holds leaders."""
    for index, role in list(roles.items()):
        kind = column_kind(cells(body, index))
        if role == "weight" and kind != "weight" and _filled(cells(body, index)):
            values = [r.cells[index] for r in body if index < len(r.cells) and not spans_right(r.cells, index)]
            text = [v for v in _filled(values) if weight_value(v) is None and HAN.search(v)]
            if len(text) > len(_filled(values)) / 2:
                del roles[index]
        elif role in PARTY_ROLES and kind == "leaders":
            roles[index] = "leaders"


def spans_right(row_cells: list[str], index: int) -> bool:
    """A cell of prose followed by an empty cell: it spans this column and the next."""
    return (weight_value(row_cells[index]) is None and bool(SPAN_TEXT.search(row_cells[index]))
            and index + 1 < len(row_cells) and not no_space(row_cells[index + 1]))


def _blank_headers(header: list[str], roles: dict[int, str], body) -> None:
    """A column with a blank header: what its content is; else, next to a name column whose header
    spans both (`考核项目` over a category and a name), the two are category and name."""
    for index, cell in enumerate(header):
        if index in roles or no_space(cell):
            continue
        values = cells(body, index)
        kind = column_kind(values)
        if kind == "weight" and "row_no" not in roles.values() and _counts_rows(values):
            roles[index] = "row_no"  # an unnamed column numbering the rows 1, 2, 3 …
        elif kind == "weight":
            if "weight" not in roles.values() and _adds_up(body, index, roles):
                roles[index] = kind
        elif kind:
            roles[index] = kind
        elif _filled(values) and _label_column(index, roles, values):
            roles[index] = "category"  # a group written down the table's left edge, beside the named columns
        elif _filled(values):
            left = roles.get(index - 1)
            if left == "category" and _shape(values) == "grouping" and \
                    any(r in ("indicator", *NAME_FALLBACK) for r in roles.values()):
                continue  # `类别` over a group and its sub-group (`主要载体建设`): the rows are named further right
            if left == "indicator" and "category" not in roles.values() and _groups(cells(body, index - 1), values):
                roles[index - 1], roles[index] = "category", "indicator"
            elif left == "criteria" and _rule_beside_item(roles, body, index):
                # `考核细则` over an item and its deduction (`上报实施方案。` | `未报扣10分`), the named column
                # merged over groups of them: the item names the row, the named column is their group
                named = next((i for i, r in roles.items() if r == "indicator"), None)
                if named is not None:
                    roles[named] = "category"
                roles[index - 1], roles[index] = "indicator", "criteria"
            elif "indicator" not in roles.values():
                roles[index] = "indicator"


def _label_column(index: int, roles: dict[int, str], values: list[str]) -> bool:
    """An unnamed first column left of the 序号 whose values run down over the rows (a box table's label written
    one character a line, `技` / `术` / …): the rows' group, where no column is named so."""
    return (index == 0 and roles.get(1) == "row_no" and "category" not in roles.values()
            and _shape(values) == "grouping")


def _rule_beside_item(roles: dict[int, str], body, index: int) -> bool:
    """An unnamed column right of a criteria column, both with a value of their own in every row, where no column
    of distinct values names the rows (the one named so, if any, runs down over groups)."""
    named = next((i for i, r in roles.items() if r == "indicator"), None)
    if named is not None and _shape(cells(body, named)) != "grouping":
        return False
    return _shape(cells(body, index - 1)) == "distinct" and bool(_filled(cells(body, index)))


def _counts_rows(values: list[str]) -> bool:
    """Whole numbers counting up by one from 1 (blank, or repeated where merged down and filled); a table of one row
    (an excerpt cut after it) numbered 1."""
    numbers = [key for key, _ in groupby(no_space(v) for v in _filled(values))]
    return (len(numbers) >= 2 or len(values) == 1) and numbers == [str(k) for k in range(1, len(numbers) + 1)]


def _ordinal_column(roles: dict[int, str], body) -> None:
    """A column of ordinals counting the rows (`一`, `二` … or `(1)`, `(2)` …) numbers them, whatever its header
    says: a header spanning the 序号 and the name (`考 核 指 标` over `一 | 乡镇企业营业收入`) names the wrong one."""
    if "row_no" in roles.values():
        return
    for index in range(max((len(r.cells) for r in body), default=0)):
        if roles.get(index) in (None, *ORDINAL_HOSTS) and _counts_ordinals(cells(body, index)):
            roles[index] = "row_no"
            return


def _counts_ordinals(values: list[str]) -> bool:
    """Ordinals (Chinese numerals or digits, bare or marked `一、` `(1)`) counting up by one from 1; a group's number
    (`(一)`, not a bare digit) repeated down its rows counts alone (one group of a table cut after it)."""
    filled = [no_space(v) for v in _filled(values)]
    numbers = []
    for key, _ in groupby(filled):
        m = ORDINAL.match(key)
        if not m:
            return False
        numbers.append(int(m["n"]) if m["n"].isdigit() else cn_to_int(m["n"]))
    if numbers == [1] and len(filled) >= 2:
        return not filled[0].isdigit()
    # or the first row's number lost (a scan's lone `一`, one stroke, is often not seen): the count starts at 2 below it
    starts = (1, 2) if values and not no_space(values[0]) else (1,)
    return len(numbers) >= 2 and any(numbers == list(range(k, k + len(numbers))) for k in starts)


def _groups(left: list[str], right: list[str]) -> bool:
    """The left column groups the right: fewer distinct values, each over several rows; or, one name a group (an
    excerpt), every left value closing on its group's points (`二、…行动”(16分)`) and no right one."""
    left_values = {no_space(v) for v in left if no_space(v)}
    right_values = {no_space(v) for v in right if no_space(v)}
    if 0 < len(left_values) < len(right_values):
        return True
    return (0 < len(left_values) <= len(right_values) and all(GROUP_POINTS.search(v) for v in left_values)
            and not any(GROUP_POINTS.search(v) for v in right_values))


def _choose_weight(roles: dict[int, str], body) -> list[int]:
    """Of several weight columns the one weighting the most rows (then adding up to its total)
    is the weight; the others are kept apart."""
    candidates = [i for i, r in roles.items() if r == "weight"]
    if len(candidates) < 2:
        return []

    def rank(index):
        return _weights_sum(body, index)[1], _adds_up(body, index, roles), -index

    # a column whose value over each group is the sum of another's is the group's points (merged down)
    items = [i for i in candidates if not any(_subtotals(body, i, other, roles) for other in candidates if other != i)]
    best = max(items or candidates, key=rank)
    for index in candidates:
        if index != best:
            del roles[index]
    return [i for i in candidates if i != best]


def _amounts_as_target(roles: dict[int, str], body, index: int) -> bool:
    """A second weight column (by its header: `标准权数`) of amounts in units other than points (`90亿元`, `12%`,
    `3个`) beside the points column is each row's target, where no column holds one."""
    filled = _filled(cells(body, index))
    amounts = [v for v in filled if AMOUNT.match(no_space(v))]
    if "target" in roles.values() or not filled or len(amounts) < SHARE * len(filled) or \
            not any(weight_value(v) is None for v in amounts):
        return False
    roles[index] = "target"
    return True


def _subtotals(body, group: int, item: int, roles: dict[int, str]) -> bool:
    """Each run of the `group` column (filled down, within one 序号) holds the sum of the `item` column
    over its rows, and some run has several rows."""
    row_no = next((i for i, r in roles.items() if r == "row_no"), None)
    runs: list[list] = []  # [key, group value, item sum, rows]
    key: tuple = ()
    for row in body:
        if _is_total(row):
            continue
        value = weight_value(row.cells[group]) if group < len(row.cells) else None
        number = no_space(row.cells[row_no]) if row_no is not None and row_no < len(row.cells) else ""
        new_key = (number or (key[0] if key else ""), value if value is not None else (key[1] if key else None))
        if not runs or new_key != key or (value is not None and runs[-1][3] and number and number != key[0]):
            runs.append([new_key, new_key[1], 0.0, 0])
        key = new_key
        item_value = weight_value(row.cells[item]) if item < len(row.cells) else None
        runs[-1][2] += item_value or 0.0
        runs[-1][3] += 1
    if not runs or any(r[1] is None for r in runs) or max(r[3] for r in runs) < 2:
        return False
    # the last run may fall short of its group's points: a table cut after the group's first rows
    return (all(abs(r[1] - r[2]) < 1e-6 for r in runs[:-1]) and runs[-1][1] >= runs[-1][2] - 1e-6
            and any(r[3] >= 2 and abs(r[1] - r[2]) < 1e-6 for r in runs))


def _unknown_columns(header: list[str], roles: dict[int, str], body) -> None:
    """A column no header word named: unit names are units, person names leaders, and numbers
    that add up to the table's total (or 100) a weight."""
    for index, cell in enumerate(header):
        if index in roles or not no_space(cell):
            continue
        values = cells(body, index)
        kind = column_kind(values)
        if kind in ("units", "leaders") and kind not in roles.values():
            roles[index] = kind
        elif kind == "weight" and "weight" not in roles.values() and (
                _adds_up(body, index, roles) or _points_each_row(values)):
            roles[index] = "weight"
        elif kind is None and _items_of_named_groups(roles, body, index):
            roles[index - 1], roles[index] = "category", "indicator"


def _points_each_row(values: list[str]) -> bool:
    """Every row's cell is points (`2分`): each row's weight, under a header no word names as one (`得分`, the column a
    form leaves blank, printed with the points), though an excerpt's rows do not add up to the total."""
    texts = [no_space(v) for v in values]
    return len(texts) >= 2 and all(t.endswith("分") and weight_value(t) is not None for t in texts)


def _items_of_named_groups(roles: dict[int, str], body, index: int) -> bool:
    """A column of prose no header word names, right of the column named as the rows' name, which runs down over
    groups of it (`考核项目 | 考评细项` over `组织领导…(5分) | 及时调整…`): the named column is the group, this one
    names each row."""
    left = cells(body, index - 1) if index else []
    return (roles.get(index - 1) == "indicator" and "category" not in roles.values()
            and _shape(left) == "grouping" and _groups(left, cells(body, index))
            and _shape(cells(body, index)) == "distinct")


def _goals_of_named_groups(roles: dict[int, str], body) -> None:
    """A goal column of distinct items right of the named name column, which runs down over groups of them (`项目 |
    序号 | 考核指标` over `评优前置指标 | 1 | 跨行政区域…`): the named column is the group, the goal one each row's name."""
    named, goals = ([i for i, r in roles.items() if r == role] for role in ("indicator", "target"))
    if len(named) != 1 or len(goals) != 1 or goals[0] < named[0] or "category" in roles.values():
        return
    left, right = cells(body, named[0]), cells(body, goals[0])
    if _shape(left) == "grouping" and _groups(left, right) and _shape(right) == "distinct":
        roles[named[0]], roles[goals[0]] = "category", "indicator"


def _levels_of_names(roles: dict[int, str]) -> None:
    """Several name columns (一级指标 / 二级指标 / 三级指标): the last, most specific, is the row's
    name; the first groups the rows when no column does; those between are kept apart."""
    names = sorted(i for i, r in roles.items() if r == "indicator")
    if len(names) < 2:
        return
    for index in names[:-1]:
        del roles[index]
    if "category" not in roles.values():
        roles[names[0]] = "category"


def _promote_name(columns: dict[int, str]) -> None:
    for role in NAME_FALLBACK:
        index = next((i for i in sorted(columns) if columns[i] == role), None)
        if index is not None:
            columns[index] = "indicator"
            return
