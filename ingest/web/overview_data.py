"""The overview page's queries: each chart's data as a small table, read from the dataset's DuckDB
views (``documents``, ``unit_points``, ``indicator_by_unit``, ``findings_open``) and nothing else, so
the page shows what a dashboard pointed at the same views would show. Each table is also the chart's
CSV, row for row."""
from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from parsers.extract.units import COUNTY_AREA, unit_type

UNKNOWN = "（未识别）"
NO_SECTION = "（未分节）"
MIN_UNITS = 2  # an indicator is offered for comparison when this many units have a value


@dataclass
class Table:
    """One chart's data: column names and rows (what the CSV holds)."""
    columns: list[str]
    rows: list[tuple]
    notes: list[str] = field(default_factory=list)  # what was left out, said under the chart

    def column(self, name: str) -> list:
        k = self.columns.index(name)
        return [row[k] for row in self.rows]

    def to_csv(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.columns)
        writer.writerows(["" if v is None else v for v in row] for row in self.rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: Excel opens UTF-8 Chinese right


def _rows(con, sql: str, params: list | None = None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


def summary(con) -> dict[str, int]:
    files, notices, failed = _rows(con, """
        select count(*), count(distinct notice_key) filter (where is_primary),
               count(*) filter (where status = 'failed') from documents""")[0]
    return {"files": files, "notices": notices, "failed": failed}


def documents_by_year_issuer(con) -> Table:
    """Notices (each counted once, by its primary copy) and files, by year and issuer."""
    rows = _rows(con, """
        select year, coalesce(issuer, ?) as issuer,
               count(distinct notice_key) filter (where is_primary) as notices, count(*) as files
        from documents group by all order by year nulls last, notices desc, issuer""", [UNKNOWN])
    return Table(["year", "issuer", "notices", "files"], rows)


def notices(con) -> list[tuple[str, str]]:
    """(notice_key, label) of the notices with units, the one with most units first."""
    rows = _rows(con, """
        select u.notice_key, any_value(coalesce(d.doc_number, d.title, d.source_path)) as label,
               count(distinct u.unit) as n
        from unit_points u left join documents d on d.doc_id = u.doc_id
        group by u.notice_key order by n desc, label""")
    return [(key, label or key) for key, label, _ in rows]


def unit_kinds(con, notice_key: str) -> list[str]:
    return [k for (k,) in _rows(con, """select distinct unit_type from unit_points
        where notice_key = ? and unit_type is not null order by 1""", [notice_key])]


def points_by_unit_section(con, notice_key: str, kind: str | None = None) -> Table:
    """One notice's points per unit and section: summed from the clauses, and declared; units with
    the most points first."""
    rows = _rows(con, """
        select unit, unit_type, section, declared_points, summed_points, n_clauses from unit_points
        where notice_key = ? and (? is null or unit_type = ?)""", [notice_key, kind, kind])
    by_unit: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        by_unit[row[0]].append(row)
    out = [segment for parts in by_unit.values() for segment in _segments(parts)]
    totals: Counter = Counter()
    for row in out:
        totals[row[0]] += row[4] or 0
    out.sort(key=lambda r: (-totals[r[0]], r[0]))  # stable: a unit's sections keep their order
    return Table(["unit", "unit_type", "section", "declared_points", "summed_points", "n_clauses",
                  "unit_declared_points"], out)


def _segments(parts: list[tuple]) -> list[tuple]:
    """A unit's segments: one per section, and its clauses outside any section. The row without a
    section is the unit as a whole (every clause, the declared total), so what it holds beyond the
    sections is the part outside them."""
    unit, kind = parts[0][:2]
    sections = sorted((p for p in parts if p[2] is not None), key=lambda p: p[2])
    whole = next((p for p in parts if p[2] is None), None)
    declared_total = whole[3] if whole else None
    segments = [(unit, kind, p[2], p[3], p[4], p[5], declared_total) for p in sections]
    if whole is not None:
        clauses = (whole[5] or 0) - sum(p[5] or 0 for p in sections)
        if clauses > 0:
            points = (whole[4] or 0) - sum(p[4] or 0 for p in sections)
            segments.append((unit, kind, NO_SECTION, None, points, clauses, declared_total))
    return segments


@lru_cache(maxsize=1)
def _prefecture_names() -> frozenset[str]:
    """Names that are only prefecture-level divisions (code ending 00) in ``parsers/data/divisions.txt``."""
    text = resources.files("parsers.data").joinpath("divisions.txt").read_text("utf-8")
    levels: dict[str, set[bool]] = defaultdict(set)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, name = line.split("\t")
            levels[name].add(code.endswith("00"))
    return frozenset(name for name, level in levels.items() if level == {True})


def is_county_level(unit: str, kind: str | None) -> bool:
    """A county-level unit: typed so by the extraction, or, for a unit the extraction did not type
    (a table's responsible units), by the same vocabulary, never a prefecture-level division."""
    if kind is not None:
        return kind == COUNTY_AREA
    return unit not in _prefecture_names() and unit_type(unit, None) == COUNTY_AREA


def _county_rows(con) -> list[tuple]:
    rows = _rows(con, """
        select i.indicator_key, i.notice_key, coalesce(d.doc_number, d.title, d.source_path), i.unit,
               i.unit_type, i.comparator, i.value, i.value_unit
        from indicator_by_unit i left join documents d on d.doc_id = i.doc_id
        where i.value is not null and i.indicator_key is not null
          and (i.unit_type is null or i.unit_type = ?)""", [COUNTY_AREA])
    return [r for r in rows if is_county_level(r[3], r[4])]


def _dominant(rows: list[tuple]) -> tuple[str | None, Counter]:
    """The unit of measure most of the rows use (the comparison's axis), and every unit's count."""
    counts = Counter(r[7] for r in rows)
    return max(counts, key=lambda u: (counts[u], u or "")), counts


def county_indicators(con) -> list[tuple[str, int]]:
    """The indicator keys with county-level values for at least two units (one bar compares nothing),
    with how many units the comparison shows, most first."""
    by_key: dict[str, list[tuple]] = defaultdict(list)
    for row in _county_rows(con):
        by_key[row[0]].append(row)
    shown = {}
    for key, rows in by_key.items():
        dominant, _ = _dominant(rows)
        shown[key] = len({(r[1], r[3]) for r in rows if r[7] == dominant})
    return sorted(((k, n) for k, n in shown.items() if n >= MIN_UNITS), key=lambda kv: (-kv[1], kv[0]))


def county_comparison(con, indicator_key: str) -> Table:
    """The county-level units' values of one indicator, per notice, in its most common unit of
    measure (values in other units are left out and counted in the notes). A unit with several
    values in one notice shows the largest."""
    rows = [r for r in _county_rows(con) if r[0] == indicator_key]
    table = Table(["notice_key", "notice", "unit", "comparator", "value", "value_unit", "n_values"], [])
    if not rows:
        return table
    dominant, counts = _dominant(rows)
    if len(counts) > 1:
        others = "、".join(f"{u or '无单位'}{n}个" for u, n in counts.items() if u != dominant)
        table.notes.append(f"按{dominant or '无单位'}比较；另有{others}数值未列入")
    chosen: dict[tuple, list[tuple]] = defaultdict(list)
    for r in rows:
        if r[7] == dominant:
            chosen[(r[1], r[3])].append(r)
    for (notice_key, unit), values in chosen.items():
        top = max(values, key=lambda r: r[6])
        table.rows.append((notice_key, top[2], unit, top[5], top[6], dominant, len(values)))
    table.rows.sort(key=lambda r: (r[1] or "", -r[4], r[2]))
    return table


def findings_by_code(con) -> Table:
    rows = _rows(con, """
        select code, severity, count(*) as findings, count(distinct doc_id) as documents from findings_open
        group by all order by findings desc, code""")
    return Table(["code", "severity", "findings", "documents"], rows)
