"""The same unit twice in one notice."""
from __future__ import annotations

from typing import Iterator

from ingest.checks.base import check, finding
from ingest.checks.occurrences import runs
from schemas.findings import ERROR, FindingKind
from schemas.records import Extraction, Finding


@check(FindingKind("duplicate_unit", ERROR, "责任单位重复", "{unit}在通知中出现{actual}次"))
def check_duplicate_units(ex: Extraction) -> Iterator[Finding]:
    """A unit's block written again, next to its twin or apart: one finding on each repeat's first clause."""
    for key, blocks in runs(ex).items():
        if not key.startswith("unit:") or not blocks[0][0].unit:
            continue  # clauses no unit heads (the notice's own list) are no unit written twice
        for block in blocks[1:]:
            first = block[0]
            yield finding(ex, "duplicate_unit", unit=first.unit, section=first.section, seq=first.seq,
                          expected=1, actual=len(blocks), page=first.page, line=first.line)
