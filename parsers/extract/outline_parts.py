"""Which parts of an outline are not clauses: a heading naming the class of unit its items assess, the
title's assessed party, and a 办法's own articles (`第一条…`) beside the one article that holds the scored list."""
from __future__ import annotations

import regex

from parsers.extract.grammar import grammar
from parsers.extract.heading_roles import named_unit, names_a_unit
from parsers.extract.layout import strip_header_run
from parsers.extract.outline import Node
from parsers.extract.outline_totals import declares_scale
from parsers.textnorm import matching_copy, no_space

ARTICLE = "article"
MAX_UNIT_NAME = 20
MIN_NAMED_UNITS = 2  # headings named as units side by side, each over its items
NOT_A_NAME = regex.compile(r"[，,。；;：:、（(）)]")  # a sentence, a list, a bracketed note: no unit's name alone
EDGE_PUNCT = regex.compile(r"^[\s:：,，;；、]+|[\s:：,，;；、]+$")


def heading_name(node: Node) -> str:
    return EDGE_PUNCT.sub("", node.reading.text).strip("。")


def is_unit_heading(node: Node, siblings: list[Node] = ()) -> bool:
    """A class of unit (`乡镇考核内容`), or one unit by name among its likes: scored headings over items, each named as
    a unit (`甲县（100分）` beside `乙县（100分）`: their items' worths add up under them as a section's would, but whose
    they are is the heading's name). A unit's ending alone proves little (`企业开办`, `庭院`, `…食安办`): every such
    sibling must read as one."""
    name = no_space(heading_name(node))
    if grammar().unit_heading.match(matching_copy(name)):
        return True
    if not (node.scored and _named_unit(name)):
        return False
    likes = [s for s in siblings if s.scored and s.items()]
    return len(likes) >= MIN_NAMED_UNITS and all(_named_unit(no_space(heading_name(s))) for s in likes)


def _named_unit(name: str) -> bool:
    return len(name) <= MAX_UNIT_NAME and not NOT_A_NAME.search(name) and names_a_unit(name)


def heading_unit(name: str) -> str:
    """The class of unit a unit heading names: `乡镇考核内容` → `乡镇` (a topic word after it is not its name); the unit
    one names: `甲县责任目标` → `甲县`."""
    found = grammar().unit_heading.match(matching_copy(no_space(name)))
    topic = found.group("topic") if found else None
    if found is None:
        return named_unit(no_space(name)) or name
    return name[: -len(topic)].rstrip() if topic and name.endswith(topic) else name


def assessed_party(title: str | None) -> str | None:
    """Whom the title names as assessed (`镇对村（社区）…`, `…细则（镇街道）`, `各镇…`): a class of
    unit the grammar knows, never any bracketed note (`（征求意见稿）`)."""
    if not title:
        return None
    split = strip_header_run(title, need_tail=False)
    title = no_space(split[0] if split else title)
    mt = matching_copy(title)
    g = grammar()
    for pattern in g.assessed_party:
        for m in pattern.finditer(mt):
            party = m["party"]
            if party and any(g.unit_class.match(part) for part in _party_parts(party)):
                return title[m.start("party"):m.end("party")]
    return None


def _party_parts(party: str) -> list[str]:
    """`村(社区)` → itself; `镇街道` → itself and `镇`, `街道`; `各镇` → itself and `镇`."""
    bare = party.removeprefix("各")
    return [party, bare] + [bare[:i] for i in range(1, len(bare))] + [bare[i:] for i in range(1, len(bare))]


def rules_article(node: Node, siblings: list[Node], has_scored) -> bool:
    """`第一条…实行年度考核制。` beside `第五条…分值设定:` over `(一)组织领导:10分` `1、…5分。`: a 办法 in articles,
    one article (unscored itself) introducing the scored list; the other articles, with no scored items below
    them, are the 办法's rules (who assesses, the scale, what counts), not clauses, whatever numbers they state.
    Where the scored articles are the items themselves (`第七条 结案率…的,得30分`), an unscored article beside
    them is a rule too, and so is one splitting the scale it names (`按百分制计分。其中,…满分为70分,…30分`)."""
    if node.kind != ARTICLE or has_scored(node):
        return False
    if any(s is not node and s.kind == ARTICLE and not s.scored and has_scored(s) for s in siblings):
        return True
    items = any(s is not node and s.kind == ARTICLE and s.scored for s in siblings)
    return items and (not node.scored or declares_scale(node.raw))
