"""A stand-in for ``ingest.dataset.warehouse.connect`` until the dataset branch is merged: an in-memory
DuckDB with views of the contract's names and columns (/work/briefs/views_contract.md) over the
single-file output of ``ingest run`` (``OUT/<table>.parquet``). For tests only.

``connect_for_tests(out)`` uses the real ``connect`` when it exists. ``python -m tests.overview_stub
serve --data DIR …`` is ``ingest serve`` with this stand-in plugged in (the browser test starts that
when the real module is missing)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import duckdb

REAL = "ingest.dataset.warehouse"


def has_warehouse() -> bool:
    try:
        return importlib.util.find_spec(REAL) is not None
    except ModuleNotFoundError:
        return False


def connect_for_tests(out: Path) -> duckdb.DuckDBPyConnection:
    if has_warehouse():
        from ingest.dataset.warehouse import connect

        return connect(out)
    return stub_connect(out)


def _parquet(out: Path, table: str) -> str:
    """The table's file, or its part files once the output is a dataset of parts."""
    path = out / table / "*.parquet" if (out / table).is_dir() else out / f"{table}.parquet"
    return str(path).replace("'", "''")


def stub_connect(out: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for table in ("documents", "targets", "indicators", "measures", "findings"):
        con.execute(f"create view raw_{table} as select * from read_parquet('{_parquet(out, table)}')")
    con.execute("""
        create view doc_keys as
        with fingerprint as (
            select d.doc_id, d.issuer, d.doc_number, d.status, d.format, d.run_id,
                   md5(coalesce((select string_agg(distinct i.indicator, '|' order by i.indicator)
                                 from raw_indicators i where i.doc_id = d.doc_id), '')
                       || coalesce((select string_agg(distinct t.unit || t.text, '|' order by t.unit || t.text)
                                    from raw_targets t where t.doc_id = d.doc_id), '')) as fp
            from raw_documents d)
        select doc_id,
               case when status <> 'ok' then doc_id
                    when doc_number is not null then coalesce(issuer, '') || '|' || doc_number
                    else 'fp:' || fp end as notice_key,
               format, run_id
        from fingerprint""")
    con.execute("""
        create view doc_primary as
        select doc_id, notice_key,
               row_number() over (partition by notice_key order by
                   case format when 'docx' then 0 when 'pdf' then 1 else 2 end, run_id desc, doc_id) = 1 as is_primary
        from doc_keys""")
    con.execute("""create view documents as select d.*, k.notice_key, k.is_primary,
                   cast(year(d.issued_on) as integer) as year
                   from raw_documents d join doc_primary k using (doc_id)""")
    con.execute("""create view targets as select t.*, k.notice_key, k.is_primary
                   from raw_targets t join doc_primary k using (doc_id)""")
    con.execute("create view primary_targets as select * from targets where is_primary")
    con.execute("""
        create view unit_points as
        select t.notice_key, t.doc_id, any_value(d.title) as title, t.unit, any_value(t.unit_type) as unit_type,
               t.section, any_value(t.section_points) as declared_points,
               coalesce(sum(t.points) filter (where t.points_rule is null), 0) as summed_points,
               cast(count(*) as integer) as n_clauses
        from primary_targets t join raw_documents d using (doc_id) where t.scope = 'unit' and t.section is not null
        group by t.notice_key, t.doc_id, t.unit, t.section
        union all
        select t.notice_key, t.doc_id, any_value(d.title), t.unit, any_value(t.unit_type), null,
               any_value(d.unit_total_declared), coalesce(sum(t.points) filter (where t.points_rule is null), 0),
               cast(count(*) as integer)
        from primary_targets t join raw_documents d using (doc_id) where t.scope = 'unit'
        group by t.notice_key, t.doc_id, t.unit""")
    con.execute("""
        create view indicator_by_unit as
        select k.notice_key, m.doc_id, m.indicator_key, m.indicator, m.unit, t.unit_type, m.comparator,
               coalesce(m.base_value, m.value) as value, coalesce(m.base_unit, m.value_unit) as value_unit
        from raw_measures m join doc_primary k using (doc_id) left join raw_targets t using (target_id)
        where k.is_primary and m.unit is not null and m.indicator_key is not null""")
    con.execute("""
        create view findings_open as
        select f.doc_id, k.notice_key, f.source_path, f.code, f.severity, f.message, f.unit, f.section, f.seq,
               f.page, f.line
        from raw_findings f join doc_primary k using (doc_id)
        where k.is_primary and f.severity in ('error', 'warning')""")
    for table in ("indicators", "measures", "findings"):
        con.execute(f"create view {table} as select * from raw_{table}")
    con.execute("""create view runs as select distinct run_id, null::timestamp as started_at, null::timestamp as ended_at,
                   null as options, null as parser_version from raw_documents""")
    return con


def main(argv: list[str]) -> int:
    """``ingest serve`` with the stand-in as the overview's connection factory."""
    import ingest.web.overview as overview
    from ingest.cli import main as cli_main

    overview.default_connect = stub_connect
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
