"""A scoring table flattened one cell a line whose header names its last column as the rules (`评分规定`, `评分标准`):
each scored row name (`内部利润` / `10分`) is the item, the numbered lines under it (`1、完成年度目标得10分。…`,
`2、…每降低2%,减0.5分。`, `3、减分下限为10分。`) are its rules, not items; a class cell's worth (`安/全/管/理/25分`)
standing before the rows whose worths add up to it is their section."""
from __future__ import annotations

from functools import lru_cache

from parsers.extract.grammar import load_data
from parsers.extract.outline_node import HEADING, TEXT, Node
from parsers.textnorm import matching_copy, no_space

MAX_CELL = 12  # a short cell between a row's name and its rules (`安监处`: who assesses it)


@lru_cache(maxsize=1)
def _rule_labels() -> frozenset[str]:
    return frozenset(load_data("scoring.json")["rule_labels"])


def read_rule_column(root: Node) -> None:
    """Rewrite the outline's unnumbered scored rows under a header naming a rule column (see the module)."""
    if not any(c.kind == TEXT and matching_copy(no_space(c.raw)) in _rule_labels() for c in root.children):
        return
    rows = [c for c in root.children if _row(c) and _rules_only(c)]
    if len(rows) < 2:
        return
    for row in rows:
        row.rules = "".join((c.marker.raw if c.marker else "") + c.raw for c in row.children)
        row.children = []
    _nest_under_classes(root)


def _row(node: Node) -> bool:
    return node.kind == HEADING and node.marker is None and node.scored


def _rules_only(node: Node) -> bool:
    """Numbered lines under the row, none worth anything but the row's own worth restated, and short cells."""
    numbered = [c for c in node.children if c.marker is not None]
    if not numbered or any(c.children for c in numbered):
        return False
    if any(c.scored and c.reading.points != node.reading.points for c in numbered):
        return False
    return all(c.marker is not None or (c.kind == TEXT and len(no_space(c.raw)) <= MAX_CELL) for c in node.children)


def _nest_under_classes(root: Node) -> None:
    """A scored cell heading with no rules of its own, followed by rows whose worths add up to its worth: their
    class, which they go under."""
    children = root.children
    k = 0
    while k < len(children):
        head = children[k]
        if not _row(head) or head.rules is not None or any(c.marker is not None for c in head.children):
            k += 1
            continue
        total, end = 0.0, k + 1
        while end < len(children) and total < head.reading.points - 1e-9:
            nxt = children[end]
            if _row(nxt) and nxt.rules is not None:
                total += nxt.reading.points
            elif nxt.kind != TEXT:
                break
            end += 1
        if end > k + 1 and abs(total - head.reading.points) < 1e-9:
            moved = children[k + 1:end]
            for node in moved:
                node.parent = head
            head.children.extend(moved)
            del children[k + 1:end]
        k += 1
