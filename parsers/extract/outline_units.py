"""Units named in lists and items listed on one line with their worths.

`(一)第一類(5個):貍橋鎮、孫埠鎮、…、宣城高新區。` over `限額以上消費品零售額1分;進出口總額1分;實際利用外資1分。`: each unit of the
list has the items the line lists, at their worths; a unit of the list given a line of its own
(`宣城高新區:限額以上消費品零售額3分;…`) has those instead. A line of several `name N分` items is one item each, wherever it
stands."""
from __future__ import annotations

from typing import Callable

import regex

from parsers.extract.headers import looks_like_unit
from parsers.extract.layout import GLOSS
from parsers.extract.outline import TEXT, Node

# `第一類(5個):貍橋鎮、孫埠鎮、宣城高新區。`: a label, a colon, names parted by `、`
LISTED = regex.compile(r"^(?P<label>[^:：、;；。]{1,30}?)\s*[:：]\s*(?P<names>[^:：;；。]+?)\s*[。.]?\s*$")
# `宣城高新區:限額以上…3分;…`: a name, a colon, the rest of the line
OWN_LINE = regex.compile(r"^\s*(?P<name>[^:：;；。,，]{2,20}?)\s*[:：]\s*(?P<rest>.+)$")
# `進出口總額1分`: an item's name closed by its bare worth; a rule's verb before the number (扣2分, 得5分) is no worth
WORTH_ITEM = regex.compile(r"^\s*(?P<name>[^\d:：;；,，。]{2,40}?)(?<![扣减加得计记为共奖罚超少])\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*$")
ITEM_SEPARATOR = regex.compile(r"[;；]")
MIN_LISTED = 2


def listed_units(raw: str) -> tuple[str, list[str]] | None:
    """`第一類(5個):A鎮、B鎮、C區。` → (label, [names]) when every name is a unit's; else None."""
    m = LISTED.match(raw)
    if m is None:
        return None
    names = [n.strip() for n in m["names"].split("、")]
    if len(names) < MIN_LISTED or not all(looks_like_unit(GLOSS.sub("", n)) for n in names):
        return None
    return m["label"].strip(), names


def worth_items(raw: str) -> list[tuple[str, float]] | None:
    """`A1分;B1分;C1分。` → [(A, 1.0), (B, 1.0), (C, 1.0)]: two or more items, each only a name and its worth."""
    parts = [p for p in ITEM_SEPARATOR.split(raw.strip().rstrip("。.")) if p.strip()]
    if len(parts) < 2:
        return None
    found = [WORTH_ITEM.match(p) for p in parts]
    if not all(found):
        return None
    return [(m["name"].strip(), float(m["n"])) for m in found]


Emit = Callable[[Node, str | None, str, float, float], None]  # (node, unit, text, points, the unit's total)


def emit_listed_units(node: Node, emit: Emit) -> bool:
    """A heading listing units over lines of worth items (see the module): each unit's items emitted; False (nothing
    emitted) when the heading or any line under it has another shape."""
    listed = listed_units(node.raw)
    children = node.items()
    if listed is None or not children or any(c.kind != TEXT or c.items() for c in children):
        return False
    _, names = listed
    shared: list[tuple[str, float]] = []
    own: dict[str, tuple[Node, list[tuple[str, float]]]] = {}
    for child in children:
        m = OWN_LINE.match(child.raw)
        unit = m["name"].strip() if m and m["name"].strip() in names else None
        items = worth_items(m["rest"] if unit else child.raw)
        if items is None or (unit is None and shared):
            return False
        if unit:
            own[unit] = (child, items)
        else:
            shared, shared_node = items, child
    if not shared and not own:
        return False
    for name in names:  # the class line declares each unit's items, so their sum is the unit's declared total:
        line, items = own.get(name) or ((shared_node, shared) if shared else (None, []))  # classes differ by design
        for text, points in items:
            emit(line, name, text, points, sum(p for _, p in items))
    return True
