"""The notice grammar shipped as data (``parsers/data/outline_markers.json``,
``points_notations.json``), compiled once. Vocabulary lives in the data files; this module only
turns it into patterns."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex


def _load(name: str) -> dict:
    return json.loads(resources.files("parsers.data").joinpath(name).read_text("utf-8"))


def load_data(name: str) -> dict:
    """A vocabulary file of ``parsers/data`` (for modules that read a list of words, not a pattern)."""
    return _load(name)


@dataclass(frozen=True)
class MarkerKind:
    name: str
    at_start: regex.Pattern
    inline: regex.Pattern | None
    alone: bool = False  # a line holding only this marker opens the next line (`第七条` / its text)


@dataclass(frozen=True)
class Notation:
    name: str
    pattern: regex.Pattern
    remove: bool
    cut: bool
    in_sentence: bool = False  # stated inside a sentence (`…的，得5分`): a scoring rule's wording
    highest: bool = False  # a graded scale (`5分、4分、3分`): the clause is worth its highest grade


@dataclass(frozen=True)
class Grammar:
    kinds: tuple[MarkerKind, ...]
    any_marker_inline: regex.Pattern
    roman: str
    header_words: tuple[str, ...]
    unit_class: regex.Pattern
    unit_heading: regex.Pattern  # a unit class, then perhaps a topic word (乡镇考核内容): group "topic"
    part_title: regex.Pattern  # a part's own title line between two lists (安全生产考核细则)
    veto_lead: regex.Pattern  # a sentence putting the items after it under a veto (出现下列情况之一的…一票否决:)
    bonus_lead: regex.Pattern  # a label opening a list of bonus items (加分项目:)
    assessed_party: tuple[regex.Pattern, ...]
    attachment: regex.Pattern
    salutation: regex.Pattern
    intro: regex.Pattern
    continuation: regex.Pattern
    note: regex.Pattern
    notations: tuple[Notation, ...]
    bare_number: regex.Pattern
    per_kind_bracket: regex.Pattern
    per_kind_entry: regex.Pattern
    per_kind_separator: regex.Pattern
    per_kind_totals: tuple[str, ...]  # 共, 合计: an entry stating the total, not a kind
    scope_excludes: tuple[regex.Pattern, ...]
    deduction: regex.Pattern
    rate: regex.Pattern  # 每条计5分: a worth per piece, not a clause's worth
    veto: regex.Pattern
    bonus: regex.Pattern
    bonus_rule: regex.Pattern  # `可酌情加5-10分` with no worth of its own
    limit: regex.Pattern  # `最高不超过4分`, `扣分上限为4分`: a cap or floor, never a worth
    total: tuple[regex.Pattern, ...]
    total_words: dict[str, float]  # `百分制`: the scale a word names
    heading_worth: regex.Pattern  # `(总分50分)` closing a heading: the heading's worth, not a total
    list_cue: regex.Pattern
    list_item: regex.Pattern
    list_cue_own: regex.Pattern  # a numbered line's parts after its name and a colon (`…考核:分为A(40分),B(60分)`)
    list_item_own: regex.Pattern
    list_share: regex.Pattern  # parts named with their share of the whole (`基础管理占10分、支部建设占10分`)
    lead_words: tuple[str, ...]
    max_points: float
    norm_levels: tuple[tuple[str, int], ...] = ()
    attachment_inside: regex.Pattern | None = None  # `…日附件1: …`: an attachment's label inside a line  # marker kind → its rank in the norm (smaller is higher)


NAMED_GROUP = regex.compile(r"\(\?P<\w+>")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    m = _load("outline_markers.json")
    p = _load("points_notations.json")
    cn = m["cn_numerals"]
    kinds = []
    inline_parts = []
    guards = {"d": r"(?<!\d)(?<!\d[.．])", "cn": rf"(?<![{cn}第])"}  # a bare numeral is not the tail of a number
    for k in m["kinds"]:
        body = k["pattern"].replace("{CN}", cn)
        kinds.append(MarkerKind(k["name"], regex.compile(rf"^\s*(?:{body})\s*"),
                                regex.compile(body) if k["inline"] else None, k.get("alone", False)))
        if k["inline"]:
            unnamed = NAMED_GROUP.sub("(?:", body)
            lead = regex.match(r"\(\?P<(\w+)>", k["pattern"])
            guard = guards.get(lead.group(1), "") if lead else ""
            inline_parts.append(f"(?P<{k['name']}>{guard}{unnamed})")
    number = p["number"]
    fill = lambda s: s.replace("{N}", number)  # noqa: E731
    unit_words = _alternation(m["unit_class"])
    return Grammar(
        kinds=tuple(kinds),
        any_marker_inline=regex.compile("|".join(inline_parts)),
        roman=m["roman"],
        header_words=tuple(sorted(m["header_words"], key=len, reverse=True)),
        unit_class=regex.compile(rf"^各?(?:{unit_words})(?:[、和及](?:{unit_words}))*(?:[（(][^（()）]*[）)])?$"),
        unit_heading=_unit_heading(unit_words, _alternation(m["unit_heading_topics"])),
        part_title=regex.compile(m["part_title"]),
        veto_lead=regex.compile(m["veto_lead"]),
        bonus_lead=regex.compile(m["bonus_lead"]),
        assessed_party=tuple(regex.compile(x) for x in m["assessed_party"]),
        attachment=regex.compile(m["attachment"]),
        salutation=regex.compile(m["salutation"]),
        intro=intro_pattern(),
        continuation=regex.compile(m["continuation"]),
        note=regex.compile(m["note"]),
        notations=tuple(Notation(n["name"], regex.compile(fill(n["pattern"])), n.get("remove", False),
                                 n.get("cut", False), n.get("in_sentence", False), n.get("max", False))
                   for n in p["notations"]),
        bare_number=regex.compile(p["bare_number"]),
        per_kind_bracket=regex.compile(p["per_kind"]["bracket"]),
        per_kind_entry=regex.compile(fill(p["per_kind"]["entry"])),
        per_kind_separator=regex.compile(p["per_kind"]["separator"]),
        per_kind_totals=tuple(p["per_kind"].get("total_words", [])),
        scope_excludes=tuple(regex.compile(x) for x in p["scope_excludes"]),
        deduction=regex.compile("|".join(f"(?:{fill(x)})" for x in p["deduction"])),
        rate=regex.compile(fill(p["rate"])),
        veto=regex.compile("|".join([_alternation(p["veto"])] + [f"(?:{x})" for x in p.get("veto_clause", [])])),
        bonus=regex.compile(_alternation(p["bonus"])),
        bonus_rule=regex.compile(fill(p["bonus_rule"])),
        limit=regex.compile("|".join(f"(?:{fill(x)})" for x in p["limit"])),
        total=tuple(regex.compile(fill(x)) for x in p["total"] + [p["total_before_list"]]),
        total_words={word: float(n) for word, n in p.get("total_words", {}).items() if not word.startswith("_")},
        heading_worth=regex.compile(fill(p["heading_worth"])),
        list_cue=regex.compile(p["inline_list"]["cue"]),
        list_item=regex.compile(fill(p["inline_list"]["item"])),
        list_cue_own=regex.compile(p["inline_list"]["cue_own"]),
        list_item_own=regex.compile(fill(p["inline_list"]["item_own"])),
        list_share=regex.compile(fill(p["inline_list"]["share"])),
        lead_words=tuple(sorted(p["inline_list"]["lead_words"], key=len, reverse=True)),
        max_points=float(p["max_points"]),
        norm_levels=tuple(m.get("norm_levels", {}).items()),
        attachment_inside=regex.compile(m["attachment_inside"]) if "attachment_inside" in m else None,
    )


MAX_UNIT_MODIFIER = 6  # `市级牵头部门`, `交通安全社区`: a few characters qualifying the class of unit
MAX_CLAUSE_MODIFIER = 20  # `委托主管部门和管委会管理的国有企业`: a clause closed by 的 qualifying it


def _unit_heading(unit_words: str, topics: str) -> regex.Pattern:
    """A class of unit, then perhaps a topic word (`乡镇考核内容`); with the topic word, the class may be
    qualified (`市级牵头部门考核方案`, `交通安全社区考核方法`: a part of the rules for that kind of unit)."""
    units = rf"(?:{unit_words})(?:[、和及](?:{unit_words}))*(?:[（(][^（()）]*[）)])?"
    modifier = rf"\p{{Han}}{{1,{MAX_UNIT_MODIFIER}}}?|[\p{{Han}}、]{{2,{MAX_CLAUSE_MODIFIER}}}?的\p{{Han}}{{0,{MAX_UNIT_MODIFIER}}}?"
    qualified = rf"(?![对各])(?:{modifier})(?={units}(?:{topics})$)"
    return regex.compile(rf"^(?:{qualified}|各?){units}(?P<topic>{topics})?$")


@lru_cache(maxsize=1)
def topic_words() -> frozenset[str]:
    """`考核内容`, `考核办法`, …: what a part of the rules is about; a heading that says only this names no unit."""
    return frozenset(_load("outline_markers.json")["unit_heading_topics"])


@lru_cache(maxsize=1)
def note_pattern() -> regex.Pattern:
    """`注：…` at the start of a line: a note of its own, never the tail of the item above it."""
    return regex.compile(_load("outline_markers.json")["note"])


@lru_cache(maxsize=1)
def unit_list_pattern() -> regex.Pattern:
    """`东台:27.5分;大丰:30.5分;…`: a line of units with their points, no clause of its own."""
    p = _load("points_notations.json")
    return regex.compile(p["unit_list"].replace("{N}", p["number"]))


@lru_cache(maxsize=1)
def bare_heading_pattern() -> regex.Pattern:
    """A whole line that is a heading numbered without 、 or brackets and scored with a bare `N分`
    (`二人口控制指标24分`): a paragraph of its own, never joined to the line before or after it."""
    m = _load("outline_markers.json")
    body = next(k["pattern"] for k in m["kinds"] if k["name"] == "cn_bare").replace("{CN}", m["cn_numerals"])
    return regex.compile(rf"^\s*(?:{body})[^\d。；;，,]{{2,24}}?\d+(?:\.\d+)?\s*分\s*$")


@lru_cache(maxsize=1)
def intro_pattern() -> regex.Pattern:
    """`具体内容如下：`: the one pattern the unit-heading reading needs, without the whole grammar.

    Compiled to match from the line's end: the pattern is anchored there, so most lines fail at their
    last characters instead of after backtracking through their first thirty. Whether a line matches
    does not depend on the direction; only that is asked of it."""
    return regex.compile(_load("outline_markers.json")["intro"], regex.REVERSE)
