"""The same unit twice in one notice."""
from __future__ import annotations

from typing import Iterator

from ingest.checks.base import check, finding
from parsers.textnorm import no_space
from schemas.findings import ERROR, FindingKind
from schemas.records import Extraction, Finding


@check(FindingKind("duplicate_unit", ERROR, "责任单位重复", "{unit}在通知中出现{actual}次"))
def check_duplicate_units(ex: Extraction) -> Iterator[Finding]:
    """A unit whose clauses stand in two separate places: its heading was written twice."""
    runs: dict[tuple, list] = {}
    previous = None
    for t in ex.targets:
        if t.scope != "unit":
            previous = None
            continue
        key = (t.outline_key, no_space(t.unit))  # two lists of one outline may each name the unit
        if key != previous:
            runs.setdefault(key, []).append(t)
        previous = key
    for key, starts in runs.items():
        if len(starts) > 1:
            second = starts[1]
            yield finding(ex, "duplicate_unit", unit=second.unit, expected=1, actual=len(starts),
                          page=second.page, line=second.line)
