"""Where a unit's block of clauses stands in the notice, once or more than once.

A unit block pasted twice (next to its twin or pages apart) is one slip, `duplicate_unit`; each
copy's clauses are then checked as their own occurrence, so the copy does not also read as
repeated numbers and a doubled total. A copy starts where the unit's clauses resume after another
unit's, or where its numbering starts over at its first clause with (nearly) its first text."""
from __future__ import annotations

import operator
from difflib import SequenceMatcher
from itertools import groupby
from typing import Callable, Iterator

from parsers.textnorm import no_space
from schemas.records import Extraction, Target

SAME_TEXT = 0.8  # a restart whose first clause reads this close to the block's first is a copy


def occurrence_label(unit: str, n: int) -> str:
    """How a report names a unit's n-th occurrence (n ≥ 2)."""
    return unit if n == 1 else f"{unit}（第{n}处）"


def _similar(a: str, b: str) -> bool:
    a, b = no_space(a), no_space(b)
    if a == b:
        return True
    if 2 * min(len(a), len(b)) < SAME_TEXT * (len(a) + len(b)):
        return False  # the lengths alone rule it out (difflib's real_quick_ratio, without its set-up)
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= SAME_TEXT and matcher.ratio() >= SAME_TEXT


def _starts_over(t: Target, prev: Target, first: Target) -> bool:
    return (t.seq is not None and prev.seq is not None and t.seq == first.seq and t.seq <= prev.seq
            and t.section == first.section and _similar(t.text, first.text))


def _copies(t: Target, following: Target | None, block: list[Target]) -> bool:
    """``t`` opens the block's items again whatever its number (Word numbers a pasted list on from
    the one it was copied from): its text is the block's first clause's word for word, and the
    next reads as the second's."""
    first = block[0]
    if t.section != first.section or no_space(t.text) != no_space(first.text):
        return False
    return len(block) == 1 or (following is not None and _similar(following.text, block[1].text))


def _continues(t: Target, last: Target, first: Target) -> bool:
    """A block that picks the numbering up where the unit's last block stopped, with items of its
    own: one list, written in two places."""
    return (t.seq is not None and last.seq is not None and t.seq == last.seq + 1
            and not (t.section == first.section and _similar(t.text, first.text)))


def _memoised(fn: Callable[[Extraction], dict]) -> Callable[[Extraction], dict]:
    """One result kept per function, for the extraction's current list of targets: the checks ask
    for a document's runs half a dozen times in a row (a third of their time when recomputed). The
    result is reused only while the list holds the very same target objects; callers only read it."""
    slot: list = [None, (), None]  # the targets list (held, so its id is not reused), its items, the result

    def wrapper(ex: Extraction) -> dict:
        targets = ex.targets
        held, items, result = slot
        if held is targets and len(items) == len(targets) and all(map(operator.is_, items, targets)):
            return result
        result = fn(ex)
        slot[:] = [targets, tuple(targets), result]
        return result

    wrapper.__doc__, wrapper.__name__ = fn.__doc__, fn.__name__
    return wrapper


@_memoised
def runs(ex: Extraction) -> dict[str, list[list[Target]]]:
    """Each scope's clauses (``unit:NAME`` or the notice's own list) as the places they stand in:
    a new run where the scope resumes after another's clauses or starts over (a pasted copy)."""
    found: dict[str, list[list[Target]]] = {}
    for key, stretch in _stretches(ex.targets):
        blocks = found.setdefault(key, [])
        blocks.append([stretch[0]])  # the scope resumes after another's clauses
        for t, following in zip(stretch[1:], [*stretch[2:], None]):
            block = blocks[-1]
            # Both a restart and a copy open with the block's first section: most clauses stop here.
            if t.section == block[0].section and (_starts_over(t, block[-1], block[0])
                                                  or _copies(t, following, block)):
                blocks.append([t])
            else:
                block.append(t)
    return found


def _stretches(targets: list[Target]) -> Iterator[tuple[str, list[Target]]]:
    """Consecutive clauses of one scope, with its key. Grouped first by the unit as written (a C-level
    key, no call per clause), then joined where two spellings share a key (`甲 县`, `甲县`)."""
    keys: dict[tuple, str] = {}
    current, stretch = None, []
    for written, group in groupby(targets, key=operator.attrgetter("scope", "unit", "outline_key")):
        group = list(group)
        key = keys.get(written)
        if key is None:
            key = keys[written] = _key(group[0])
        if key == current:
            stretch += group
            continue
        if stretch:
            yield current, stretch
        current, stretch = key, group
    if stretch:
        yield current, stretch


def _key(t: Target) -> str:
    # Two lists of one outline (two 附件) may each name the same unit: each is its own scope.
    return f"{t.scope}:{no_space(t.unit)}" + (f"@{t.outline_key}" if t.outline_key else "")


@_memoised
def occurrences(ex: Extraction) -> dict[str, list[list[Target]]]:
    """Each scope's occurrences: its runs, a run that continues the numbering joined to the one before."""
    found: dict[str, list[list[Target]]] = {}
    for key, blocks in runs(ex).items():
        joined: list[list[Target]] = []
        for block in blocks:
            if joined and _continues(block[0], joined[-1][-1], joined[-1][0]):
                joined[-1] = joined[-1] + block
            else:
                joined.append(list(block))
        found[key] = joined
    return found


@_memoised
def unit_blocks(ex: Extraction) -> dict[str, list[Target]]:
    """Each unit's occurrences by the name a report gives them (``base.unit_clauses``)."""
    units: dict[str, list[Target]] = {}
    for key, blocks in occurrences(ex).items():
        if key.startswith("unit:"):
            for n, block in enumerate(blocks, start=1):
                units[occurrence_label(block[0].unit, n)] = block
    return units


@_memoised
def scopes(ex: Extraction) -> dict[str, list[Target]]:
    """Each scope's occurrences under ``KEY#N`` (``base.clause_scopes``)."""
    return {f"{key}#{n}": block for key, blocks in occurrences(ex).items()
            for n, block in enumerate(blocks, start=1)}
