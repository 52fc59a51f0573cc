"""Indicator tables: scores within weights, weights adding up to declared totals."""
from __future__ import annotations

from typing import Iterator

import regex

from ingest.checks.base import check, finding
from parsers.data import load_json
from parsers.textnorm import halfwidth, no_space
from schemas.findings import ERROR, TOLERANCE, WARNING, FindingKind
from schemas.records import Extraction, Finding

# `一季度得6.31分`, `综合评价得6.5分以上`
SCORE = regex.compile(r"得\s*(\d+(?:\.\d+)?)\s*分")
# Rows that stand outside the total, as scoring practice has it (parsers/data/scoring.json).
OUTSIDE_TOTAL = tuple(load_json("scoring.json")["outside_total"])


@check(FindingKind("score_exceeds_weight", ERROR, "得分超过权重", "{column}中的得分{actual}分超过指标权重{expected}分"))
def check_score_exceeds_weight(ex: Extraction) -> Iterator[Finding]:
    for row in ex.indicators:
        if row.weight is None:
            continue
        for column, label in (("status", "完成情况"), ("target", "目标任务")):
            for m in SCORE.finditer(halfwidth(getattr(row, column) or "")):
                score = float(m.group(1))
                if score > row.weight + TOLERANCE:
                    yield finding(ex, "score_exceeds_weight", unit="、".join(row.units) or None, seq=_seq(row),
                                  expected=row.weight, actual=score, column=label, page=row.page, line=row.line)


def _seq(row) -> int | None:
    text = (row.row_no or "").strip()
    return int(text) if text.isdigit() else None


def _outside_total(row) -> bool:
    names = no_space(" ".join(x for x in (row.category, row.indicator) if x))
    return any(word in names for word in OUTSIDE_TOTAL)


@check(FindingKind("weight_total_mismatch", WARNING, "权重合计不符", "{scope}声明{expected}分，合计{actual}分"))
def check_weight_totals(ex: Extraction) -> Iterator[Finding]:
    tables: dict[int, list] = {}
    for row in ex.indicators:
        tables.setdefault(row.table_index, []).append(row)
    for rows in tables.values():
        yield from _total_row(ex, rows)
        yield from _group_rows(ex, rows)
        yield from _category_subtotals(ex, rows)


def _category_subtotals(ex, rows) -> Iterator[Finding]:
    """A subtotal written in a grouping cell (`…机制11分` merged down its rows) against the
    weights of the rows it groups."""
    for run in _category_runs(rows):
        weighted = [r for r in run if r.weight is not None and not _outside_total(r)]
        if not weighted:
            continue
        actual = sum(r.weight for r in weighted)
        if abs(actual - run[0].category_points) > TOLERANCE:
            yield finding(ex, "weight_total_mismatch", expected=run[0].category_points, actual=actual,
                          scope=f"分组“{run[0].category}”", page=run[0].page, line=run[0].line)


def _category_runs(rows) -> list[list]:
    """Consecutive item rows under one grouping cell that states a subtotal."""
    runs: list[list] = []
    previous = None
    for row in rows:
        grouped = row.row_kind == "item" and row.category_points is not None
        if grouped and previous is not None and previous.category == row.category and runs and runs[-1][-1] is previous:
            runs[-1].append(row)
        elif grouped:
            runs.append([row])
        previous = row
    return runs


@check(FindingKind("criteria_points_exceed_weight", WARNING, "评分标准分值超过权重",
                   "评分标准中各计分项合计{actual}分，超过该行分值{expected}分"))
def check_criteria_points(ex: Extraction) -> Iterator[Finding]:
    """The scored items of a 评分标准 cell add up to more than the row's weight."""
    for row in ex.indicators:
        if row.weight is None or row.criteria_points is None or _outside_total(row):
            continue
        if row.criteria_points > row.weight + TOLERANCE:
            yield finding(ex, "criteria_points_exceed_weight", unit="、".join(row.units) or None, seq=_seq(row),
                          expected=row.weight, actual=row.criteria_points, page=row.page, line=row.line)


def _total_row(ex, rows) -> Iterator[Finding]:
    total = next((r for r in rows if r.row_kind == "total" and r.weight is not None), None)
    if total is None:
        return
    groups = [r for r in rows if r.row_kind == "group"]
    counted = [r for r in (groups or [r for r in rows if r.row_kind == "item"])
               if r.weight is not None and not _outside_total(r)]
    if not counted:
        return
    actual = sum(r.weight for r in counted)
    subtotals = _subtotals(rows, counted) if not groups else None
    if subtotals is not None:  # a group's own slip is reported once, by its subtotal: not again by the total
        actual = subtotals
    if abs(actual - total.weight) > TOLERANCE:
        yield finding(ex, "weight_total_mismatch", expected=total.weight, actual=actual, scope="总分",
                      page=total.page, line=total.line)


def _subtotals(rows, counted) -> float | None:
    """The subtotals stated in grouping cells, summed, when they cover every counted row; else None."""
    runs = _category_runs(rows)
    covered = {id(r) for run in runs for r in run}
    if not runs or any(id(r) not in covered for r in counted):
        return None
    weighed = {id(r) for r in counted}
    return sum(run[0].category_points for run in runs if any(id(r) in weighed for r in run))


def _group_rows(ex, rows) -> Iterator[Finding]:
    """A group row's weight against its items'. Where the items name units, each unit's share may
    be the group's weight (`按部门分值各60分考核`): then every unit's sum must equal it."""
    for index, group in enumerate(rows):
        if group.row_kind != "group" or group.weight is None or _outside_total(group):
            continue
        items = []
        for row in rows[index + 1:]:
            if row.row_kind != "item":
                break
            items.append(row)
        weighted = [r for r in items if r.weight is not None and not _outside_total(r)]
        if not weighted:
            continue
        actual = sum(r.weight for r in weighted)
        if abs(actual - group.weight) <= TOLERANCE:
            continue
        per_unit = _per_unit_sums(weighted)
        if per_unit and all(abs(v - group.weight) <= TOLERANCE for v in per_unit.values()):
            continue
        name = group.indicator or group.row_no or "分组"
        yield finding(ex, "weight_total_mismatch", expected=group.weight, actual=actual, scope=f"分组“{name}”",
                      page=group.page, line=group.line)


def _per_unit_sums(rows) -> dict[str, float]:
    """Rows with no unit continue the unit above (a merged cell in text input)."""
    sums: dict[str, float] = {}
    current = None
    for row in rows:
        if row.units:
            current = "、".join(row.units)
        if current is None:
            return {}
        sums[current] = sums.get(current, 0.0) + row.weight
    return sums if len(sums) > 1 else {}
