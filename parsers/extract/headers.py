"""Table header cells → column roles, by synonyms shipped as data; what a cell's content looks like
(a weight, a unit's name, a person's name), by vocabulary shipped as data."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import regex

from parsers.data import header_synonyms, load_json, unit_suffixes
from parsers.textnorm import halfwidth, no_space

BRACKETED = regex.compile(r"[（(][^）)]*[）)]")  # `（%）` in `2022年二季度目标（%）`
# A weight as a cell writes it: `30`, `30分`, `(10分)`, `2.5`, `10%`.
MAX_HEADER = 20
TRAILING_BRACKET = regex.compile(r"[（(][^（()）]*[）)]$")
WEIGHT_CELL = regex.compile(r"^[（(【\[]?\s*(\d+(?:\.\d+)?)\s*[分%]?\s*[）)】\]]?$")
# a header cell whose bracketed unit is points (`标准(分)`): the column holds each row's points, whatever its word
POINTS_UNIT = regex.compile(r"[（(]\s*分\s*[）)]$")
# A subtotal written in a grouping cell or a group's name: `经济发展（40分）`, `…机制11分`.
POINTS_AT_END = regex.compile(r"[（(【\[]?\s*(\d+(?:\.\d+)?)\s*分\s*[）)】\]]?\s*$")


@lru_cache(maxsize=None)
def table_vocab() -> dict:
    data = json.loads(resources.files("parsers.data").joinpath("table_vocab.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return frozenset(no_space(w) for w in table_vocab().get("plain_headers", []))


@lru_cache(maxsize=1)
def _simplified_table() -> dict[int, str]:
    data = load_json("traditional_chars.json")
    return str.maketrans(data["traditional"], data["simplified"])


def simplified(text: str) -> str:
    """A header word in simplified characters (`牽頭單位` → `牵头单位`), for matching the vocabulary."""
    return text.translate(_simplified_table())


def normalize_header(cell: str) -> str:
    """The header word: simplified, without spaces, brackets, or a form's mark of a required field (`*指标值`)."""
    return BRACKETED.sub("", simplified(no_space(halfwidth(cell or "")))).lstrip("*")


@lru_cache(maxsize=None)
def _synonyms() -> tuple[tuple[str, str], ...]:
    pairs = {s: field for field, words in header_synonyms().items() for s in words}
    party = table_vocab()["party_headers"]
    for field, role_words in party["roles"].items():
        for role_word in role_words:
            for org in party["org_words"]:
                pairs.setdefault(role_word + org, field)
    return tuple(pairs.items())


@lru_cache(maxsize=4096)
def header_role(cell: str) -> tuple[str, str] | None:
    """(role, the synonym that decided it) of one header cell, or None. Of a header naming two
    things (`考核要点及分值分解`) the first decides; else the synonym ending last (the head noun)."""
    header = normalize_header(cell)
    if not header or len(header) > MAX_HEADER or header in _plain_words():
        return None  # a cell of prose is no header, whatever words it holds; a column no field takes (`完成时限`)
    unit_given = simplified(no_space(halfwidth(cell)))
    if POINTS_UNIT.search(unit_given) and header not in {no_space(w) for w in table_vocab()["form_headers"]}:
        return "weight", unit_given  # a form column (`得分(分)`) stays a form column
    for joiner in table_vocab()["header_joiners"]:
        first = header.split(joiner, 1)[0]
        if first != header and _best(first):
            return _best(first)
    return _best(header)


@lru_cache(maxsize=4096)
def also_role(cell: str) -> str | None:
    """The role of the second thing a joined header names (`考核内容及评分标准` → criteria)."""
    header = normalize_header(cell)
    for joiner in table_vocab()["header_joiners"]:
        parts = header.split(joiner, 1)
        if len(parts) == 2 and _best(parts[0]) and _best(parts[1]):
            return _best(parts[1])[0]
    return None


def _best(header: str) -> tuple[str, str] | None:
    """The synonym ending last in ``header`` (of two ending there, the longer): its (role, synonym). A one-character
    synonym counts only as the whole header (`序` heads its own column, not `工作程序`)."""
    if len(header) == 1:
        found = _single_synonyms().get(header)
        return None if found is None else (found, header)
    pattern, fields = _reversed_synonyms()
    last = pattern.search(header[::-1])
    if last is None:
        return None
    synonym = last.group()[::-1]
    return fields[synonym], synonym


@lru_cache(maxsize=1)
def _single_synonyms() -> dict[str, str]:
    return {synonym: field for synonym, field in _synonyms() if len(synonym) == 1}


@lru_cache(maxsize=1)
def _reversed_synonyms() -> tuple[regex.Pattern, dict[str, str]]:
    """Every synonym of two characters or more, reversed, longest first: searched in the reversed header, the
    leftmost match is the synonym ending last and, of those ending there, the longest (one scan in C instead of a
    `rfind` per synonym: a header cell's role took 0.15 ms)."""
    fields = {synonym: field for synonym, field in _synonyms() if len(synonym) > 1}
    words = sorted(fields, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w[::-1]) for w in words)), fields


def header_roles(cells: list[str]) -> dict[int, str]:
    """Column index → role; several columns may share one (two weight columns)."""
    roles = {}
    for index, cell in enumerate(cells):
        found = header_role(cell)
        if found:
            roles[index] = found[0]
    return roles


def map_header(cells: list[str]) -> dict[int, str]:
    """Column index → role, each role to its first column; of two weight columns, the second (`项目分值` |
    `标准分值`: a group's points merged over its rows, then each row's own)."""
    mapping: dict[int, str] = {}
    roles = header_roles(cells)
    weights = [i for i, f in roles.items() if f == "weight"]
    for index, field in roles.items():
        if field not in mapping.values() and (field != "weight" or index == weights[-1]):
            mapping[index] = field
    group = weights[0] - 1 if len(weights) == 2 else -1
    if roles.get(group) == "indicator" and "category" in (f for i, f in roles.items() if i < group):
        # 一级指标 | 二级指标 | 分值 | 评分细则 | 项目分值: the level the first points column scores groups the rows
        mapping = {i: f for i, f in mapping.items() if f not in ("category", "indicator")}
        mapping[group] = "category"
    return mapping


def looks_like_unit(name: str) -> bool:
    name = simplified(no_space(name))  # `區民政局`, `委員會`
    return len(name) >= 2 and name.endswith(unit_suffixes())


def looks_like_org(name: str) -> bool:
    """A unit's name in a table cell; a bracketed note after it (`各乡镇（街道）`) does not count."""
    return looks_like_unit(TRAILING_BRACKET.sub("", no_space(name)))


def weight_value(cell: str) -> float | None:
    """The number of a cell that holds only a weight (`30分`, `(10分)`), else None."""
    m = WEIGHT_CELL.match(no_space(halfwidth(cell or "")))
    return float(m.group(1)) if m else None


def points_at_end(text: str | None) -> float | None:
    """The points a name or group cell ends with (`经济发展（40分）` → 40), else None."""
    m = POINTS_AT_END.search(halfwidth(no_space(text or "")))
    return float(m.group(1)) if m else None


@lru_cache(maxsize=None)
def _person_vocab() -> tuple[tuple[str, ...], frozenset, tuple[str, ...], tuple[str, ...]]:
    person = table_vocab()["person"]
    return (tuple(sorted(person["titles"], key=len, reverse=True)), frozenset(person["surnames"]),
            tuple(person["compound_surnames"]), tuple(person["not_in_names"]))


PERSON_SHAPE = regex.compile(r"\p{Han}{2,4}")


@lru_cache(maxsize=8192)
def looks_like_person(name: str) -> bool:
    """A person's name (`景  涛`, `欧阳明`, `张三同志`): a known surname and one or two more
    characters, none of which make it a unit or a phrase."""
    titles, surnames, compounds, not_in_names = _person_vocab()
    name = no_space(name)
    if len(name) > 8:
        return False
    for title in titles:
        if name.endswith(title) and len(name) > len(title) + 1:
            name = name[: -len(title)]
            break
    if not PERSON_SHAPE.fullmatch(name) or looks_like_unit(name):
        return False
    if any(word in name for word in not_in_names):
        return False
    for compound in compounds:
        if name.startswith(compound):
            return 3 <= len(name) <= 4
    return name[0] in surnames and len(name) <= 3


PADDED_NAME = regex.compile(r"\p{Han}[ \u3000]+\p{Han}")  # a two-character name padded to the width of three
PADDED_RUN = regex.compile(r"^\s*\p{Han}[ \u3000]+\p{Han}(?:\p{Han}[ \u3000]+\p{Han})+\s*$")


def padded_names(line: str) -> list[str]:
    """`陆 明俞 悦`: two-character names padded to the width of three, written one a line and run together where the
    lines were joined: the names (cleaning would remove the spaces that tell them apart); else ``[line]``."""
    if not PADDED_RUN.match(line):
        return [line]
    names = [no_space(m) for m in PADDED_NAME.findall(line)]
    return names if all(looks_like_person(n) for n in names) else [line]


def unit_and_head(line: str) -> list[str]:
    """`市民政局 伍泽国`: a unit and, after a space, its head's name (a `牵头单位及主要负责人` cell): the two apart
    (cleaning would remove the space that parts them); else ``[line]``."""
    words = line.split()
    if len(words) > 1 and looks_like_person(words[-1]) and looks_like_org("".join(words[:-1])):
        return ["".join(words[:-1]), words[-1]]
    return [line]
