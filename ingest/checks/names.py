"""A unit name close to, but not the same as, a name the notice or the country knows: a
county written `某某县` years after it became `某某市`, while the notice's other units are its neighbours.

Known names: the notice's other units, the alias table, and China's county- and prefecture-level
divisions with their current names (``parsers/data/divisions.txt``, origin noted in the file).
Close: the same name with another division ending (县 → 市), or one character off with the same
length and ending. A guess is made only when exactly one known name fits, preferring the notice's
own units, then divisions in the prefectures the notice's other units belong to."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ingest.checks.base import check, finding
from parsers.data import unit_aliases
from schemas.findings import WARNING, FindingKind
from schemas.records import Extraction, Finding

# Endings of division names, longest first (a 自治县 is not a 县 with 自治 in its stem).
ENDINGS = ("自治县", "自治旗", "林区", "特区", "新区", "县", "市", "区", "旗")
MIN_LENGTH = 3  # `X县` names are too short to call one character off a slip


@dataclass(frozen=True)
class Divisions:
    prefecture: dict[str, set[str]]  # name → the prefecture codes (4 digits) it stands in
    by_stem: dict[str, set[str]]
    by_pattern: dict[str, set[str]]  # the name with one character blanked → names


def stem(name: str) -> tuple[str, str]:
    for ending in ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)], ending
    return name, ""


def _patterns(name: str) -> list[str]:
    body, ending = stem(name)
    return [body[:i] + "?" + body[i + 1:] + ending for i in range(len(body))] if len(name) >= MIN_LENGTH else []


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    text = resources.files("parsers.data").joinpath("divisions.txt").read_text("utf-8")
    prefecture: dict[str, set[str]] = defaultdict(set)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            prefecture[name].add(code[:4])
    return Divisions(dict(prefecture), _index(prefecture, lambda n: [stem(n)[0]]), _index(prefecture, _patterns))


def _index(names, keys) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for key in keys(name):
            index[key].add(name)
    return index


def _close(name: str, pool: set[str]) -> set[str]:
    """The names in ``pool`` close to ``name`` (never the name itself)."""
    body, ending = stem(name)
    mine = set(_patterns(name))

    def close(other: str) -> bool:
        # Cheap tests first: a stem is a prefix of its name, and a pattern is as long as its name.
        if ending and other.startswith(body):
            other_body, other_ending = stem(other)
            if other_body == body and other_ending:
                return True
        return len(other) == len(name) and bool(mine & set(_patterns(other)))

    return {other for other in pool if other != name and close(other)}


def likely_name(name: str, others: set[str], known_aliases: set[str]) -> tuple[str, str] | None:
    """(the name meant, where it is known from), or None when the name is known or no one name fits."""
    if _known(name, known_aliases):
        return None
    div = divisions()
    in_notice = _close(name, others)
    if len(in_notice) == 1:
        return in_notice.pop(), "通知中其他单位"
    body, _ = stem(name)
    pool = set(div.by_stem.get(body, ())) | {n for p in _patterns(name) for n in div.by_pattern.get(p, ())}
    candidates = _close(name, pool)
    near = {p for other in others for p in div.prefecture.get(other, ())}
    local = {c for c in candidates if div.prefecture[c] & near}
    chosen = local if near else candidates
    if len(chosen) == 1:
        return chosen.pop(), "行政区划名录"
    return None


def _known(name: str, known_aliases: set[str]) -> bool:
    """A division's name, a known alias, or no division's ending: nothing to guess."""
    return name in divisions().prefecture or name in known_aliases or not stem(name)[1]


def _unit_places(ex: Extraction) -> dict[str, tuple]:
    """Each unit the notice names, with where it first appears (page, line, section, seq)."""
    places: dict[str, tuple] = {}
    for t in ex.targets:
        if t.scope == "unit" and t.unit not in places:
            places[t.unit] = (t.page, t.line, t.section, t.seq)
    for row in ex.indicators:
        for unit in row.units:
            if unit not in places:
                places[unit] = (row.page, row.line, None, None)
    return places


@check(FindingKind("unit_name_suspect", WARNING, "单位名称疑误", "“{actual}”与“{expected}”相近，疑为笔误（依据：{basis}）"))
def check_unit_names(ex: Extraction) -> Iterator[Finding]:
    places = _unit_places(ex)
    known_aliases = set(unit_aliases())
    for name, (page, line, section, seq) in places.items():
        if _known(name, known_aliases):
            continue  # most names: known without building the set of the others
        guess = likely_name(name, set(places) - {name}, known_aliases)
        if guess is not None:
            yield finding(ex, "unit_name_suspect", unit=name, section=section, seq=seq, expected=guess[0],
                          actual=name, basis=guess[1], page=page, line=line)
