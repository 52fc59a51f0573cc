"""Unit names: one canonical name per responsible unit, and what kind of unit it is.

Canonicalisation removes whitespace and markup, maps traditional and variant characters to
simplified ones with OpenCC (澠 → 渑, 門 → 门), and applies the alias table shipped as data
(市发改委 / 市发展改革委 → 市发展和改革委员会).
"""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.data import unit_aliases
from parsers.textnorm import no_space

MARKUP = regex.compile(r"[*#_`]+|</?[a-z]+[^>]*>")

COUNTY_AREA, DEPARTMENT, INSTITUTION, VERTICAL, ENTERPRISE, BANK = (
    "county_area", "department", "institution", "vertical", "enterprise", "bank")
# The notice's own grouping decides first: `各县（市、区）责任目标`, `承担…职能的政府部门责任目标`,
# `承担公共服务职能的政府事业单位责任目标`, `垂管部门及驻地企业责任目标`.
GROUP_TYPES = [
    (regex.compile(r"县|市、区|区县|乡镇|乡（镇）"), COUNTY_AREA),
    (regex.compile(r"事业单位"), INSTITUTION),
    (regex.compile(r"垂管|垂直管理|驻.{0,4}(?:单位|企业)"), VERTICAL),
    (regex.compile(r"企业"), ENTERPRISE),
    (regex.compile(r"部门"), DEPARTMENT),
]
# Then the name: banks and companies are told apart from the agencies they stand among.
NAME_TYPES = [
    (regex.compile(r"(?:银行|分行|支行|信用社|农信办|农商行|银保监|人行)"), BANK),
    (regex.compile(r"(?:公司|集团|分公司|有限)"), ENTERPRISE),
    (regex.compile(r"(?:税务局|烟草|气象局|邮政管理局|海关|河务局|铁路|供电)"), VERTICAL),
    (regex.compile(r"^(?!市).{1,10}(?:县|区|市|旗|镇|乡|街道|示范区|开发区|新区)$"), COUNTY_AREA),
    (regex.compile(r"(?:中心|事务|服务|学校|医院|院|所|站|社)$"), INSTITUTION),
]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def canonical_unit(name: str) -> str:
    plain = no_space(MARKUP.sub("", name or "")).rstrip("：:")
    simplified = _t2s().convert(plain)
    return unit_aliases().get(simplified, simplified)


def unit_type(name: str, group: str | None) -> str:
    """The kind of unit, from its own name where that is unambiguous (banks, companies), else from
    the notice's grouping, else from the name's ending."""
    for pattern, kind in NAME_TYPES[:2]:
        if pattern.search(name):
            return kind
    if group:
        for pattern, kind in GROUP_TYPES:
            if pattern.search(group):
                return kind
    for pattern, kind in NAME_TYPES[2:]:
        if pattern.search(name):
            return kind
    return DEPARTMENT


def apply_canonical_units(targets: list, rows: list) -> None:
    """Canonical names in every record (the name as written stays in unit_raw / units_raw)."""
    for t in targets:
        if t.scope == "unit":
            t.unit = canonical_unit(t.unit)
            t.unit_type = unit_type(t.unit, t.unit_group)
        else:
            t.unit_type = "jurisdiction"
    for row in rows:
        row.units_raw = list(row.units)
        row.units = list(dict.fromkeys(canonical_unit(u) for u in row.units))
