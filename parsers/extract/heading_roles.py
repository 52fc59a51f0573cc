"""What a heading is in a notice read by unit headings, from what follows it (past any intro sentence): a unit's name
over its clauses, the notice's own list (`全市目标任务`), a group of units, or none (a part of the rules named by its
topic, a grading line, a document's title)."""
from __future__ import annotations

from functools import lru_cache

from parsers.data import load_json
from parsers.extract import patterns as P
from parsers.extract.clause_table import is_clause_table
from parsers.extract.grammar import topic_words
from parsers.extract.headers import looks_like_org, looks_like_unit
from parsers.extract.markers import marker_at_start
from parsers.extract.metadata_title import title_words
from parsers.extract.points import grading_line, read_points
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Block, Table

ARTICLE = "article"  # the marker kind of `第N条` (outline_markers.json)
LEADING_DIGITS = P.regex.compile(r"^\d{1,2}(?=\p{Han})")
YEAR_BEFORE_TOPIC = P.regex.compile(r"\d{4}\s*年度?$")  # `甲县2024年度` before its 目标任务


def heading_role(kinds: list[str], blocks: list[Block], i: int) -> str:
    """unit | list | group | none."""
    j = i + 1
    while j < len(kinds) and kinds[j] == "intro":
        j += 1
    nxt = kinds[j] if j < len(kinds) else None
    if nxt == "other" and P.POINTS_AT_END.search(halfwidth(blocks[j].text)):
        nxt = "clause"  # a scored clause without a number
    text = blocks[i].text
    names_targets = bool(P.TARGETS_HEADING.search(no_space(text)))
    if nxt in ("section", "clause"):
        if names_targets and not named_unit(no_space(P.ORDINAL_PREFIX.sub("", text))):
            return "list" if nxt == "clause" else "group"
        return "none" if only_topic(text) or grading_line(text) or names_document(text) or form_label(text) \
            or article(text) or scored_part(text) else "unit"
    if nxt == "table" and not names_targets and looks_like_unit(P.ORDINAL_PREFIX.sub("", text)):
        table = blocks[j]
        return "unit" if isinstance(table, Table) and is_clause_table(table) else "none"
    if nxt == "heading" and names_targets:
        return "group"
    return "none"


@lru_cache(maxsize=4096)  # a notice names the same headings unit after unit
def named_unit(name: str) -> str | None:
    """The unit a heading names before its topic (`甲县目标任务`, `甲县2024年度目标任务` → `甲县`): a unit's own list,
    not the notice's (`全市目标任务`) nor a group's (`各县（市、区）目标任务`); topic words in parsers/data/
    outline_markers.json (unit_heading_topics)."""
    name = name.rstrip("：:")
    topic = next((t for t in _topics_longest_first() if name.endswith(t)), None)
    if topic is None:
        return None
    unit = YEAR_BEFORE_TOPIC.sub("", name[: -len(topic)]).rstrip()
    return unit if len(unit) >= 2 and not unit.startswith(_many_units()) and looks_like_unit(unit) else None


@lru_cache(maxsize=1)
def _topics_longest_first() -> tuple[str, ...]:
    return tuple(sorted(topic_words(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _many_units() -> tuple[str, ...]:
    return tuple(load_json("outline_markers.json")["many_units"])


def only_topic(text: str) -> bool:
    """`五、考核办法`, `3考核项目` (its number glued on): a part of the rules named by its topic alone, no unit."""
    return LEADING_DIGITS.sub("", no_space(P.ORDINAL_PREFIX.sub("", text)).rstrip("：:")) in topic_words()


def names_document(text: str) -> bool:
    """`某市规范化镇(街道)考评细则` standing alone, unnumbered: a title naming a document's kind, no unit (a numbered
    part `二、市级牵头部门考核方案` may still be one kind of unit's part of the rules)."""
    return not P.ORDINAL_PREFIX.match(text) and title_words().rules_end.search(no_space(text)) is not None


def form_label(text: str) -> bool:
    """`销售区域:` over a form's numbered fields: a label waiting for its value, no unit; a unit's heading may end with a
    colon too (`甲县：`, `孙埠镇(zhèn)：`), and reads as one."""
    name = no_space(P.ORDINAL_PREFIX.sub("", text))
    return name.endswith(("：", ":")) and not looks_like_org(name.rstrip("：:"))


def article(text: str) -> bool:
    """`第五条考核计分公式及分值`: an article of the rules, never a unit's name (a 办法 numbered in articles, its scored
    parts under one of them, is read through its outline)."""
    found = marker_at_start(text)
    return found is not None and found.kind == ARTICLE


@lru_cache(maxsize=4096)
def scored_part(text: str) -> bool:
    """`二人口控制指标24分`, `（三）其他事项分值(≤20分)`: a part of the rules with its worth, over its items; a unit's
    heading may carry its worth too (`一、甲县（100分）`, `渣土办责任目标100分`), and then names a unit."""
    name = no_space(P.ORDINAL_PREFIX.sub("", text)).rstrip("：:")
    reading = read_points(name)
    if reading.points is None or reading.span is None:
        return False
    bare = name[:reading.span[0]].rstrip("（(〔【[：:，,")
    return not (names_a_unit(bare) or bare.endswith(_topics_longest_first()))  # `市政设施责任目标`


def names_a_unit(name: str) -> bool:
    """A unit's name (`甲县`, `孙埠镇(zhèn)`), or one unit's list named by its topic (`渣土办责任目标`)."""
    return looks_like_org(name) or named_unit(name) is not None
