"""Points that must add up: a section's clauses to its declared points, a unit's to the total."""
from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import Iterator

from ingest.checks.base import check, finding, unit_clauses
from schemas.findings import ERROR, TOLERANCE, FindingKind
from schemas.records import Extraction, Finding


@check(FindingKind("section_points_mismatch", ERROR, "类别分值不符",
                   "{section}声明{expected}分，条款合计{actual}分（{breakdown}）"))
def check_section_points(ex: Extraction) -> Iterator[Finding]:
    for unit, clauses in unit_clauses(ex).items():
        for (section, declared), group in groupby(clauses, key=lambda t: (t.section, t.section_points)):
            group = list(group)
            if section is None or declared is None or any(t.points is None for t in group):
                continue
            actual = sum(t.points for t in group)
            if abs(actual - declared) > TOLERANCE:
                breakdown = f"第{group[0].seq}-{group[-1].seq}条：" + "+".join(f"{t.points:g}" for t in group)
                yield finding(ex, "section_points_mismatch", unit=unit, section=section, expected=declared,
                              actual=actual, breakdown=breakdown, page=group[0].page, line=group[0].line)


@check(FindingKind("unit_points_mismatch", ERROR, "单位总分不符",
                   "{unit}条款合计{actual}分，应为{expected}分（{basis}）"))
def check_unit_points(ex: Extraction) -> Iterator[Finding]:
    units = {u: c for u, c in unit_clauses(ex).items() if all(t.points is not None for t in c)}
    totals = {u: sum(t.points for t in c) for u, c in units.items()}
    if not totals:
        return
    declared = ex.info.unit_total_declared
    if declared is not None:
        reference, basis = declared, f"通知声明每个单位{declared:g}分"
    else:
        (reference, count), = Counter(totals.values()).most_common(1)
        if count < 2 or count <= len(totals) / 2:
            return  # no total is declared and none is shared by most units: nothing to compare to
        basis = f"通知未声明总分，以多数单位（{count}/{len(totals)}）的合计为准"
    for unit, total in totals.items():
        if abs(total - reference) > TOLERANCE:
            first = units[unit][0]
            yield finding(ex, "unit_points_mismatch", unit=unit, expected=reference, actual=total, basis=basis,
                          page=first.page, line=first.line)


@check(FindingKind("missing_points", ERROR, "条款缺少分值", "该单位其他条款均有分值，此条款没有分值"))
def check_missing_points(ex: Extraction) -> Iterator[Finding]:
    for unit, clauses in unit_clauses(ex).items():
        scored = sum(1 for t in clauses if t.points is not None)
        if scored == 0 or scored == len(clauses):
            continue
        for t in clauses:
            if t.points is None:
                yield finding(ex, "missing_points", unit=unit, section=t.section, seq=t.seq, page=t.page, line=t.line)
