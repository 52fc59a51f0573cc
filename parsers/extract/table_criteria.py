"""Scored items inside a 评分标准 cell: `1.建立台账（5分）；2.…得3分`. What the items are worth,
so a row's weight can be checked against them. Deductions and bonuses never count."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.extract.headers import table_vocab
from parsers.textnorm import halfwidth

# A numbered item inside a cell: `1.` `2、` `（3）` at the start or after a break or a full stop.
ITEM_BREAK = regex.compile(r"(?:^|(?<=[\n。；;]))\s*(?=(?:\d{1,2}\s*[.、．](?!\d)|[（(]\s*\d{1,2}\s*[)）]))")
# `（5分）` `(2分，少一次扣0.5分)`: the bracket opens with the points.
BRACKETED = regex.compile(r"[（(【]\s*(\d+(?:\.\d+)?)\s*分")
CLAUSE_SPLIT = regex.compile(r"[，,；;。\n]")


@lru_cache(maxsize=1)
def _score_pattern() -> regex.Pattern:
    """`得3分`: compiled once (through regex's own cache it cost more than the search)."""
    cues = "|".join(map(regex.escape, table_vocab()["criteria_points"]["score_cues"]))
    return regex.compile(rf"(?:{cues})\s*(\d+(?:\.\d+)?)\s*分")


def _score(clause: str) -> float | None:
    m = "分" in clause and _score_pattern().search(clause)
    if not m:
        return None
    if any(word in clause for word in table_vocab()["criteria_points"]["deduct_or_bonus"]):
        return None
    return float(m.group(1))


def item_points(item: str) -> float | None:
    """Bracketed points add up; `得N分` in one item are alternatives (`推广1篇得3分；…得2分`)."""
    bracketed = [float(m.group(1)) for m in BRACKETED.finditer(item)]
    plain = BRACKETED.sub("", item)
    scores = [s for s in (_score(c) for c in CLAUSE_SPLIT.split(plain)) if s is not None]
    if not bracketed and not scores:
        return None
    return sum(bracketed) + (max(scores) if scores else 0.0)


def criteria_items(text: str | None) -> list[tuple[str, float | None]]:
    """(item, its points) for each numbered item of a cell; the whole cell when unnumbered."""
    text = halfwidth(text or "")
    items = [p.strip() for p in ITEM_BREAK.split(text) if p.strip()]
    return [(item, item_points(item)) for item in items]


def criteria_points(text: str | None) -> float | None:
    """What a criteria cell's scored items add up to; None when it names no points. Numbered items that are grades
    of one thing (`1、健全,得10分；2、不健全,得6分；3、未建立,得0分`: each scored by a cue, down to nothing) are
    alternatives: the highest counts."""
    items = criteria_items(text)
    points = [p for _, p in items if p is not None]
    if not points:
        return None
    graded = (len(points) == len(items) >= 2 and points[-1] == 0 and points == sorted(points, reverse=True)
              and not any(BRACKETED.search(item) for item, _ in items))
    return max(points) if graded else sum(points)
