"""A city's decomposition must add up: the county-level units' shares of an additive indicator
(people, money, area, counts; not rates, ratios or ranks) against the city-level value, from the
notice's own list or a department's `全市…` clause."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ingest.checks.base import check, finding
from parsers.extract.measures import ABOUT, AT_LEAST, REACH, is_additive
from parsers.extract.units import COUNTY_AREA
from schemas.findings import INFO, TOLERANCE, WARNING, FindingKind
from schemas.records import Extraction, Finding

CITY_PREFIXES = ("全市", "全县", "全区")
COMPARABLE = (REACH, AT_LEAST, ABOUT)


def _human(value: float, unit: str) -> str:
    """38000 人 → 3.8万人; 16246000000 元 → 162.46亿元 (exact: no digits dropped)."""
    for size, word in ((1e8, "亿"), (1e4, "万")):
        if value >= size:
            return f"{value / size:.6f}".rstrip("0").rstrip(".") + word + unit
    return _exact(value, unit)


def _exact(value: float, unit: str) -> str:
    return f"{int(value)}{unit}" if float(value).is_integer() else f"{value}{unit}"


@check(FindingKind("rollup_mismatch", WARNING, "分解合计不符",
                   "{indicator}：各县级单位合计{actual_text}，{city_label}为{expected_text}（{parts}）"),
       FindingKind("rollup_ok", INFO, "分解合计相符",
                   "{indicator}：各县级单位合计{actual_text}，与{city_label}{expected_text}相符（{parts}）"))
def check_rollup(ex: Extraction) -> Iterator[Finding]:
    by_target = {t.target_id: t for t in ex.targets}
    city: dict[tuple, object] = {}
    counties: dict[tuple, dict[str, float]] = defaultdict(dict)
    for m in ex.measures:
        t = by_target.get(m.target_id)
        if t is None or m.base_value is None or m.comparator not in COMPARABLE or not is_additive(m.base_unit):
            continue
        key = (m.indicator_key, m.base_unit)
        if t.scope == "jurisdiction" or (m.indicator or "").startswith(CITY_PREFIXES):
            city.setdefault(key, (m, "全市" if t.scope == "jurisdiction" else f"{t.unit}“{m.indicator}”"))
        elif t.unit_type == COUNTY_AREA:
            counties[key].setdefault(t.unit, m.base_value)
    for key, (m, label) in city.items():
        parts = counties.get(key, {})
        if len(parts) < 2:
            continue
        total = sum(parts.values())
        unit = m.base_unit
        listed = "、".join(f"{u}{_human(v, unit)}" for u, v in parts.items())
        code = "rollup_ok" if abs(total - m.base_value) <= TOLERANCE * max(1.0, m.base_value) else "rollup_mismatch"
        yield finding(ex, code, unit=m.unit, expected=_exact(m.base_value, unit), actual=_exact(total, unit),
                      indicator=m.indicator_key, city_label=label, parts=listed, page=m.page, line=m.line,
                      expected_text=_human(m.base_value, unit), actual_text=_human(total, unit))
