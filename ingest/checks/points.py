"""Points that must add up: a section's clauses to its declared points (at every level of the
section path), a unit's to the total."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ingest.checks.base import check, finding, unit_clauses
from schemas.findings import ERROR, TOLERANCE, FindingKind
from schemas.records import Extraction, Finding, Target

OUTSIDE_SUMS = ("deduction", "veto", "bonus")  # 只扣分、一票否决、加分: not part of any total


def counted(t: Target) -> bool:
    return t.points_rule not in OUTSIDE_SUMS


def _path(t: Target) -> list[tuple[str, float | None]]:
    if t.section_path:
        return list(zip(t.section_path, t.section_path_points))
    return [(t.section, t.section_points)] if t.section is not None else []


def _runs(clauses: list[Target], depth: int) -> Iterator[tuple[tuple, list[Target]]]:
    """Consecutive clauses under the same heading at ``depth`` (0 = outermost)."""
    key, run = None, []
    for t in clauses:
        path = _path(t)
        k = tuple(path[:depth + 1]) if len(path) > depth else None
        if k != key and run:
            if key is not None:
                yield key, run
            run = []
        key = k
        run.append(t)
    if run and key is not None:
        yield key, run


@check(FindingKind("section_points_mismatch", ERROR, "类别分值不符",
                   "{section}声明{expected}分，条款合计{actual}分（{breakdown}）"))
def check_section_points(ex: Extraction) -> Iterator[Finding]:
    for unit, clauses in unit_clauses(ex).items():
        depth_max = max((len(_path(t)) for t in clauses), default=0)
        for depth in range(depth_max):
            for key, group in _runs(clauses, depth):
                section, declared = key[-1]
                group = [t for t in group if counted(t)]
                if section is None or declared is None or not group or any(t.points is None for t in group):
                    continue
                actual = sum(t.points for t in group)
                if abs(actual - declared) > TOLERANCE:
                    breakdown = f"第{group[0].seq}-{group[-1].seq}条：" + "+".join(f"{t.points:g}" for t in group)
                    yield finding(ex, "section_points_mismatch", unit=unit, section=section, expected=declared,
                                  actual=actual, breakdown=breakdown, page=group[0].page, line=group[0].line)


@check(FindingKind("unit_points_mismatch", ERROR, "单位总分不符",
                   "{unit}条款合计{actual}分，应为{expected}分（{basis}）"))
def check_unit_points(ex: Extraction) -> Iterator[Finding]:
    units = {u: [t for t in c if counted(t)] for u, c in unit_clauses(ex).items()}
    units = {u: c for u, c in units.items() if c and all(t.points is not None for t in c)}
    totals = {u: sum(t.points for t in c) for u, c in units.items()}
    if not totals:
        return
    own = {u: c[0].unit_points for u, c in units.items() if c[0].unit_points is not None}
    for unit, declared in own.items():  # a unit heading carrying its own total: `（一）各乡镇（100分）`
        if abs(totals[unit] - declared) > TOLERANCE:
            first = units[unit][0]
            yield finding(ex, "unit_points_mismatch", unit=unit, expected=declared, actual=totals[unit],
                          basis=f"单位标题声明{declared:g}分", page=first.page, line=first.line)
    totals = {u: v for u, v in totals.items() if u not in own}
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
        clauses = [t for t in clauses if counted(t)]
        scored = sum(1 for t in clauses if t.points is not None)
        if scored == 0 or scored == len(clauses):
            continue
        for t in clauses:
            if t.points is None:
                yield finding(ex, "missing_points", unit=unit, section=t.section, seq=t.seq, page=t.page, line=t.line)
