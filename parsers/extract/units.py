"""Unit names: one canonical name per responsible unit, and what kind of unit it is.

Canonicalisation removes whitespace and markup, maps traditional and variant characters to
simplified ones with OpenCC (澠 → 渑, 門 → 门), and applies the alias table shipped as data
(市发改委 / 市发展改革委 → 市发展和改革委员会).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from parsers.data import unit_aliases, unit_types
from parsers.extract.patterns import any_of
from parsers.textnorm import no_space

MARKUP = regex.compile(r"[*#_`]+|</?[a-z]+[^>]*>")

COUNTY_AREA = "county_area"  # the type the roll-up check sums over


@dataclass(frozen=True)
class _TypeRule:
    kind: str
    pattern: regex.Pattern


def _rule(entry: dict) -> _TypeRule:
    parts = [any_of(entry["words"])] if entry.get("words") else []
    parts += [any_of(entry["ends"]) + "$"] if entry.get("ends") else []
    parts += [entry["pattern"]] if entry.get("pattern") else []
    return _TypeRule(entry["type"], regex.compile("|".join(parts)))


@lru_cache(maxsize=1)
def _type_rules() -> dict[str, list[_TypeRule] | str]:
    """The rules of ``parsers/data/unit_types.json``: by the unit's name first (banks, companies),
    by the notice's grouping, by the name again."""
    data = unit_types()
    rules: dict = {stage: [_rule(e) for e in data[stage]] for stage in ("name_first", "group", "name")}
    return rules | {"default": data["default"], "jurisdiction": data["jurisdiction"]}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def canonical_unit(name: str) -> str:
    plain = no_space(MARKUP.sub("", name or "")).rstrip("：:")
    simplified = _t2s().convert(plain)
    return unit_aliases().get(simplified, simplified)


@lru_cache(maxsize=4096)  # a notice names each unit and group once per clause
def unit_type(name: str, group: str | None) -> str:
    """The kind of unit, from its own name where that is unambiguous (banks, companies), else from
    the notice's grouping, else from the name's ending."""
    rules = _type_rules()
    for stage, text in (("name_first", name), ("group", group), ("name", name)):
        for rule in rules[stage] if text else ():
            if rule.pattern.search(text):
                return rule.kind
    return rules["default"]


def unit_type_values() -> list[str]:
    """Every value ``unit_type`` can take."""
    rules = _type_rules()
    kinds = [r.kind for stage in ("name_first", "group", "name") for r in rules[stage]]
    return list(dict.fromkeys(kinds + [rules["default"], rules["jurisdiction"]]))


def apply_canonical_units(targets: list, rows: list) -> None:
    """Canonical names in every record (the name as written stays in unit_raw / units_raw)."""
    for t in targets:
        if t.scope == "unit":
            t.unit = canonical_unit(t.unit)
            t.unit_type = unit_type(t.unit, t.unit_group)
        else:
            t.unit_type = _type_rules()["jurisdiction"]
    for row in rows:
        row.units_raw = list(row.units)
        row.units = list(dict.fromkeys(canonical_unit(u) for u in row.units))
