"""Columns whose content says more than their header word (split from ``table_roles``): a 评分标准 column holding each
row's points alone (`5分`) is the weight; a goal column (`目标`) whose few cells are group headings (`一、安全便捷`)
groups the rows; a name column of amounts (`100%`, `80%`: `指标要求`) is each row's target."""
from __future__ import annotations

import regex

from parsers.extract.headers import weight_value
from parsers.extract.table_groups import _filled, cells
from parsers.textnorm import no_space

# a group's heading: its ordinal, then its name (`一、安全便捷`, `（二）设施建设`)
HEADING = regex.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])\p{Han}")
AMOUNT = regex.compile(r"^[≥≤><=]*[\d.]+\s*(?!分)[%‰\p{Han}]{0,3}$")  # `100%`, `≥80%`, `3个`: not points


def content_roles(roles: dict[int, str], body) -> None:
    """Roles the columns' content gives, where the header's word gave another."""
    weight_from_points(roles, body)
    goal_as_groups(roles, body)
    amounts_as_target(roles, body)


def weight_from_points(roles: dict[int, str], body) -> None:
    """No weight column, and a criteria column whose every filled cell is points alone (`5分`): it is the weight."""
    if "weight" in roles.values():
        return
    for index, role in roles.items():
        values = _filled(cells(body, index))
        if role == "criteria" and len(values) >= 2 and all(
                weight_value(v) is not None and no_space(v).endswith("分") for v in values):
            roles[index] = "weight"
            return


def goal_as_groups(roles: dict[int, str], body) -> None:
    """No category column, and a target column whose filled cells are group headings, fewer than the rows: a goal
    merged over its rows, their group."""
    if "category" in roles.values():
        return
    for index, role in roles.items():
        values = _filled(cells(body, index))
        if role == "target" and values and len(values) < len(body) and all(HEADING.match(no_space(v)) for v in values):
            roles[index] = "category"
            return


def amounts_as_target(roles: dict[int, str], body) -> None:
    """A name column (of several) whose filled cells are all amounts names no row: the rows' target where no column
    holds one, else no role."""
    names = [i for i, r in roles.items() if r == "indicator"]
    if len(names) < 2:
        return
    for index in names:
        values = _filled(cells(body, index))
        if len(values) >= 2 and all(AMOUNT.match(no_space(v)) for v in values):
            if "target" in roles.values():
                del roles[index]
            else:
                roles[index] = "target"
