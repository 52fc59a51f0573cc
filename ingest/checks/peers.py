"""Units written from one template: a notice usually gives every unit the same items, each with its
points. Where one unit's sum is off, the item whose points differ from what the other units give the
same item is the slip; a finding names it instead of the unit's first clause.

An item's counterpart in another unit is the clause of the same section whose text reads most like it
once figures are set aside (`城镇新增就业2400人` ~ `城镇新增就业600人`), the same number breaking ties,
so a skipped or doubled number elsewhere does not lose the match."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from parsers.textnorm import halfwidth, no_space
from schemas.findings import TOLERANCE
from schemas.records import Target

SIMILAR = 0.6  # counterpart: text (figures removed) at least this close
PEER_SHARE = 0.5  # a peer unit has a counterpart for more than this share of the unit's items
MAX_CULPRITS = 3  # more items off than this: the unit has points of its own, nothing to name
UNANIMOUS = 0.8  # an item nearly every other unit scores alike (at least this share of them, and 3)
_FIGURES = re.compile(r"[0-9.%％,，]+")


@dataclass(frozen=True)
class Deviation:
    clause: Target
    usual: float  # the points most other units give this item
    share: float  # the share of the other units giving it those points
    n: int  # how many other units have the item

    @property
    def delta(self) -> float:
        return (self.clause.points or 0.0) - self.usual


@lru_cache(maxsize=4096)
def _shape(text: str) -> str:
    return _FIGURES.sub("", no_space(halfwidth(text)))


# Kept per text compared: a notice's few hundred items each meet dozens of others.
@lru_cache(maxsize=1024)
def _chars(shape: str) -> frozenset[str]:
    return frozenset(shape)


@lru_cache(maxsize=1024)
def _counts(shape: str) -> Counter:
    return Counter(shape)


def _quick_ratio_below(a: str, b: str, floor: float) -> bool:
    """Whether difflib's ``quick_ratio`` (characters in common, in any order: an upper bound of
    ``ratio``) is below ``floor``: the same figure, from characters kept per text. Most pairs
    compared are different items, ruled out here without a SequenceMatcher, which costs more to
    build than the rest of the comparison."""
    chars_a, chars_b = _chars(a), _chars(b)
    common = chars_a & chars_b
    total = len(a) + len(b)
    # Most characters of a clause occur once: the characters in common, each of the repeats counted
    # as a match too, are a bound that usually settles it before the matches are counted.
    if 2.0 * (len(common) + min(len(a) - len(chars_a), len(b) - len(chars_b))) / total < floor:
        return True
    ca, cb = _counts(a), _counts(b)
    return 2.0 * sum(min(ca[c], cb[c]) for c in common) / total < floor


def _ratio(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if 2 * min(len(a), len(b)) < SIMILAR * (len(a) + len(b)):
        return 0.0  # the lengths alone rule it out
    if _quick_ratio_below(a, b, SIMILAR):
        return 0.0  # the upper bound already rules it out
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def counterpart(t: Target, others: list[Target]) -> Target | None:
    shape = _shape(t.text)
    best, best_key = None, (SIMILAR, False)
    for o in others:
        if o.section != t.section or o.points is None:
            continue
        key = (_ratio(shape, _shape(o.text)), o.seq == t.seq)
        if key >= best_key:
            best, best_key = o, key
    return best


def others(clauses: list[Target], units: dict[str, list[Target]]) -> list[list[Target]]:
    """The other units' clauses (first occurrences: a pasted copy is not a second opinion)."""
    own = clauses[0].unit if clauses else None
    return [other for label, other in units.items() if other and label == other[0].unit and other[0].unit != own]


def peers(clauses: list[Target], units: dict[str, list[Target]]) -> list[list[Target]]:
    """The other units with the same items."""
    shapes = [_shape(t.text) for t in clauses]  # compared with every other unit's: made once
    return [other for other in others(clauses, units) if _alike(clauses, shapes, other)]


def _alike(clauses: list[Target], shapes: list[str], other: list[Target]) -> bool:
    """More than PEER_SHARE of the clauses (``shapes``: theirs) have a counterpart in ``other``
    (stops once decided)."""
    need = int(PEER_SHARE * len(clauses)) + 1
    theirs = _scored_by_section(other)
    for left, t, shape in zip(range(len(clauses), 0, -1), clauses, shapes):
        if need > left:
            return False
        if _has_counterpart(shape, theirs.get(t.section, ())):
            need -= 1
            if need == 0:
                return True
    return False


def _has_counterpart(shape: str, texts: list[str]) -> bool:
    for text in texts:
        if _ratio(shape, _shape(text)) >= SIMILAR:
            return True
    return False


def _scored_by_section(clauses: list[Target]) -> dict[str | None, list[str]]:
    """The texts of the scored clauses, by section: the ones a counterpart is sought among, found
    once for all the clauses compared with them."""
    found: dict[str | None, list[str]] = {}
    for o in clauses:
        if o.points is not None:
            found.setdefault(o.section, []).append(o.text)
    return found


def usual_value(values: list[float]) -> float | None:
    """The value most peers share: at least two of them and more than half."""
    if not values:
        return None
    (value, count), = Counter(values).most_common(1)
    return value if count >= 2 and count > len(values) / 2 else None


def deviations(clauses: list[Target], others: list[list[Target]]) -> list[Deviation]:
    found = []
    for t in clauses:
        if t.points is None:
            continue
        matches = [counterpart(t, other) for other in others]
        values = [m.points for m in matches if m is not None]
        usual = usual_value(values)
        if usual is not None and abs(t.points - usual) > TOLERANCE:
            found.append(Deviation(t, usual, values.count(usual) / len(values), len(values)))
    return found


def culprits(clauses: list[Target], units: dict[str, list[Target]], excess: float) -> list[Deviation]:
    """The items whose points differ from the other units' and account for ``excess`` (the sum
    minus what it should be): one item alone, or a few together; none where nothing accounts for it.
    Where units have points of their own for some items, an item off by exactly the excess where
    (nearly) every other unit agrees is the slip."""
    devs = deviations(clauses, peers(clauses, units))
    exact = [d for d in devs if abs(d.delta - excess) <= TOLERANCE]
    rest = sum(d.delta for d in devs) - excess
    if len(exact) == 1 and abs(rest) <= TOLERANCE:
        return exact
    if 0 < len(devs) <= MAX_CULPRITS and abs(rest) <= TOLERANCE:
        return devs
    agreed = [d for d in exact if d.share >= UNANIMOUS and d.n >= 3]
    return agreed if len(agreed) == 1 else []


def describe(found: list[Deviation]) -> str:
    """`第2条“完成造林任务”为60分，其他单位同一条款为50分`."""
    parts = []
    for d in found:
        t = d.clause
        number = f"第{t.seq}条" if t.seq is not None else ""
        parts.append(f"{number}“{_quote(t.text)}”为{t.points:g}分，其他单位同一条款为{d.usual:g}分")
    return "；".join(parts)


def _quote(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
