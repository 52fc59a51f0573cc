"""Points that must add up: a section's clauses to its declared points (at every level of the
section path), a unit's to the total."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ingest.checks.base import check, finding, unit_clauses
from ingest.checks.peers import culprits, describe, others, usual_value
from schemas.findings import ERROR, TOLERANCE, FindingKind
from schemas.records import Extraction, Finding, Target

OUTSIDE_SUMS = ("deduction", "veto", "bonus")  # 只扣分、一票否决、加分: not part of any total


def counted(t: Target) -> bool:
    return t.points_rule not in OUTSIDE_SUMS


def counted_only(clauses: list[Target]) -> list[Target]:
    """The clauses ``counted`` keeps (one call per list: the checks filter every unit's clauses)."""
    return [t for t in clauses if t.points_rule not in OUTSIDE_SUMS]


def _path(t: Target) -> tuple[tuple[str, float | None], ...]:
    names, points = t.section_path, t.section_path_points
    if len(names) == 1 == len(points):  # the usual single heading, without building a zip
        return ((names[0], points[0]),)
    if names:
        return tuple(zip(names, points))
    return ((t.section, t.section_points),) if t.section is not None else ()


def _runs(clauses: list[Target], depth: int, paths: list | None = None) -> Iterator[tuple[tuple, list[Target]]]:
    """Consecutive clauses under the same heading at ``depth`` (0 = outermost); ``paths``: the
    clauses' paths where the caller has them already."""
    key, run = None, []
    for t, path in zip(clauses, paths or map(_path, clauses)):
        k = path[:depth + 1] if len(path) > depth else None
        if k != key and run:
            if key is not None:
                yield key, run
            run = []
        key = k
        run.append(t)
    if run and key is not None:
        yield key, run


@check(FindingKind("section_points_mismatch", ERROR, "类别分值不符",
                   "{section}声明{expected}分，合计{actual}分（{breakdown}）"))
def check_section_points(ex: Extraction) -> Iterator[Finding]:
    units = unit_clauses(ex)
    for unit, clauses in units.items():
        paths = [_path(t) for t in clauses]  # made once, read at every depth
        depth_max = max(map(len, paths), default=0)
        for depth in range(depth_max):
            for key, group in _runs(clauses, depth, paths):
                section, declared = key[-1]
                if section is None or declared is None:
                    continue
                group = counted_only(group)
                scores = [t.points for t in group]
                if not group or None in scores:
                    continue
                parts = _subsections(group, depth)
                if parts is not None:  # a slip inside a subsection is its own finding: compare what they declare
                    actual = sum(points for _, points in parts)
                    if abs(actual - declared) > TOLERANCE:
                        yield finding(ex, "section_points_mismatch", unit=unit, section=section, expected=declared,
                                      actual=actual, page=group[0].page, line=group[0].line,
                                      breakdown="下设类别：" + "+".join(f"{name}{points:g}分" for name, points in parts))
                    continue
                actual = sum(scores)
                if abs(actual - declared) > TOLERANCE:
                    numbered = group[0].seq is not None and group[-1].seq is not None  # unnumbered items: no range
                    breakdown = (f"第{group[0].seq}-{group[-1].seq}条：" if numbered else "") + "+".join(
                        f"{t.points:g}" for t in group)
                    found = culprits(group, units, actual - declared)
                    at = found[0].clause if found else group[0]
                    yield finding(ex, "section_points_mismatch", unit=unit, section=section, expected=declared,
                                  actual=actual, breakdown=breakdown + _cause(describe(found)),
                                  seq=at.seq if found else None, page=at.page, line=at.line)


def _subsections(group: list[Target], depth: int) -> list[tuple[str, float]] | None:
    """The sections one level below ``depth`` with the points each declares, when the group's clauses all stand
    in such sections; else None (the clauses' own points are what the section sums)."""
    parts, covered = [], 0
    for key, run in _runs(group, depth + 1):
        name, points = key[-1]
        if points is None:
            return None
        parts.append((name, points))
        covered += len(run)
    return parts if parts and covered == len(group) else None


@check(FindingKind("unit_points_mismatch", ERROR, "单位总分不符",
                   "{unit}条款合计{actual}分，应为{expected}分（{basis}）"))
def check_unit_points(ex: Extraction) -> Iterator[Finding]:
    every = unit_clauses(ex)
    units = {u: counted_only(c) for u, c in every.items()}
    units = {u: c for u, c in units.items() if c and all(t.points is not None for t in c)}
    totals = {u: sum(t.points for t in c) for u, c in units.items()}
    if not totals:
        return
    own = {u: c[0].unit_points for u, c in units.items() if c[0].unit_points is not None}
    for unit, declared in own.items():  # a unit heading carrying its own total: `（一）各乡镇（100分）`
        if abs(totals[unit] - declared) > TOLERANCE:
            yield from _unit_finding(ex, unit, units[unit], every, declared, totals[unit],
                                     f"单位标题声明{declared:g}分")
    totals = {u: v for u, v in totals.items() if u not in own}
    if not totals:
        return
    declared = ex.info.unit_total_declared
    if declared is not None:
        basis = f"通知声明每个单位{declared:g}分"
        for unit, total in totals.items():
            if abs(total - declared) > TOLERANCE:
                yield from _unit_finding(ex, unit, units[unit], every, declared, total, basis)
        return
    # No total declared: each unit against the total most units of its own group share (units listed by class,
    # `一类乡镇` / `二类乡镇`, are worth what their class is worth), else the total most units of the notice share.
    groups: dict[str | None, dict[str, float]] = {}
    for unit, total in totals.items():
        groups.setdefault(units[unit][0].unit_group, {})[unit] = total
    overall = _shared_total(totals)
    for group in groups.values():
        shared = _shared_total(group) if len(groups) > 1 else overall
        if shared is None:
            shared = overall
        if shared is None:
            continue  # none is shared by most units: nothing to compare to
        reference, count, of = shared
        basis = f"通知未声明总分，以多数单位（{count}/{of}）的合计为准"
        for unit, total in group.items():
            if abs(total - reference) > TOLERANCE:
                yield from _unit_finding(ex, unit, units[unit], every, reference, total, basis)


def _shared_total(totals: dict[str, float]) -> tuple[float, int, int] | None:
    """The total most of these units share (with how many share it, of how many), if most do."""
    (reference, count), = Counter(totals.values()).most_common(1)
    return (reference, count, len(totals)) if count >= 2 and count > len(totals) / 2 else None


def _unit_finding(ex: Extraction, unit: str, clauses: list[Target], every: dict[str, list[Target]],
                  expected: float, actual: float, basis: str) -> Iterator[Finding]:
    """On what breaks the sum: the item whose points differ from the other units' for it; else the
    section whose declared points do; else the unit itself (its first clause, no clause number).
    Where the unit's sections declare points and their own sums account for the whole difference,
    their findings say it: this one would repeat the same slip."""
    excess = actual - expected
    off = _sections_off(clauses)
    if off is not None and abs(off - excess) <= TOLERANCE:
        return
    args = dict(unit=unit, expected=expected, actual=actual)
    found = culprits(clauses, every, excess)
    if found:
        at = found[0].clause
        yield finding(ex, "unit_points_mismatch", section=at.section, seq=at.seq, basis=basis + _cause(describe(found)),
                      page=at.page, line=at.line, **args)
        return
    section = _section_culprit(clauses, every, excess)
    if section is not None:
        name, declared, usual, at = section
        yield finding(ex, "unit_points_mismatch", section=name, page=at.page, line=at.line,
                      basis=basis + _cause(f"{name}声明{declared:g}分，其他单位同一类别为{usual:g}分"), **args)
        return
    yield finding(ex, "unit_points_mismatch", basis=basis, page=clauses[0].page, line=clauses[0].line, **args)


def _cause(text: str) -> str:
    return f"；{text}" if text else ""


def _outer_sections(clauses: list[Target]) -> Iterator[tuple[str, float, list[Target]]]:
    """The unit's outermost sections that declare points, with their clauses."""
    for key, group in _runs(clauses, 0):
        section, declared = key[-1]
        if section is not None and declared is not None:
            yield section, declared, group


def _sections_off(clauses: list[Target]) -> float | None:
    """How far the unit's outermost sections' sums are from their declared points, together
    (None where no section declares points)."""
    sections = list(_outer_sections(clauses))
    if not sections:
        return None
    return sum(sum(t.points for t in group) - declared for _, declared, group in sections)


def _section_culprit(clauses: list[Target], every: dict[str, list[Target]], excess: float):
    """The one outermost section whose declared points differ from what the other units declare
    for a section of that name by the unit's whole excess: (name, declared, usual, its first clause)."""
    sections = [list(_outer_sections(other)) for other in others(clauses, every)]
    found = []
    for name, declared, group in _outer_sections(clauses):
        values = [d for theirs in sections for n, d, _ in theirs if n == name]
        usual = usual_value(values)
        if usual is not None and abs(declared - usual - excess) <= TOLERANCE:
            found.append((name, declared, usual, group[0]))
    return found[0] if len(found) == 1 else None


MIN_SCORED = 2  # clauses of a unit with points before one without them is a slip: the rest must be a minority


@check(FindingKind("missing_points", ERROR, "条款缺少分值", "该单位其他条款均有分值，此条款没有分值"))
def check_missing_points(ex: Extraction) -> Iterator[Finding]:
    for unit, clauses in unit_clauses(ex).items():
        clauses = counted_only(clauses)
        scored = sum(1 for t in clauses if t.points is not None)
        if scored < MIN_SCORED or len(clauses) - scored >= scored:
            continue  # a few worths among unscored items (rules of procedure, one stating `分值为5分`) are no slip
        for t in clauses:
            if t.points is None:
                yield finding(ex, "missing_points", unit=unit, section=t.section, seq=t.seq, page=t.page, line=t.line)
