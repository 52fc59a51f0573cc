"""A clause's own unscored sub-items, read into its text: on lines of their own under it (`（1）…（2）…`), or inside
its paragraph after its worth (`智能设备(6分):(1)…;(2)…。`, which the outline places beside the clause)."""
from __future__ import annotations

import regex

from parsers.extract.outline import TEXT, Node

HAS_WORDS = regex.compile(r"[\p{Han}\d]")


def with_sub_items(node: Node) -> str | None:
    """A clause's own unscored sub-items (`（1）…（2）…` on lines of their own) are its text."""
    parts = []
    stack = list(reversed(node.items()))
    while stack:
        child = stack.pop()
        text = (child.marker.raw if child.marker else "") + child.raw
        if HAS_WORDS.search(text):
            parts.append(text)
        stack.extend(reversed(child.items()))
    return node.reading.text + "".join(parts) if parts else None


def inline_parts(node: Node, siblings: list[Node]) -> list[Node]:
    """The numbered parts after an unnumbered scored paragraph's worth (`智能设备(6分):(1)…;(2)…。`): the items
    beside it from the same paragraph, numbered from 1, with no points of their own (what the outline put under
    them comes from later paragraphs: the next rows)."""
    if node.kind != TEXT or not node.scored or node.items():
        return []
    at = next(k for k, s in enumerate(siblings) if s is node)
    parts: list[Node] = []
    for s in siblings[at + 1:]:
        later = all(c.paragraph > node.paragraph for c in s.items())  # the next rows the outline put under it
        if s.marker is None or s.paragraph != node.paragraph or s.scored or not later or s.number != len(parts) + 1:
            break
        parts.append(s)
    return parts if len(parts) >= 2 else []


def own_text(node: Node, cells: bool) -> str:
    """A numbered paragraph's text without its points notation. Where its worth stands between a sentence and the
    rule that scores it (`9、班级常规管理。(40分)按每周…考核评分为准。`), the rule goes on in the item's own paragraph, as
    after `name(N分)。rule`: both are its text. A rule in a column of its own stays apart (its criteria): an
    unnumbered flattened row's, or a `|` row's (``cells``: the paragraph held cells) next cell."""
    reading = node.reading
    if node.marker is not None and not cells and reading.notation == "bracketed_then_rule" and reading.criteria:
        return reading.text + reading.criteria
    return reading.text
