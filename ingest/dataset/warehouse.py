"""``OUT/notices.duckdb``: views over the dataset's part files, for dashboards (Superset, Metabase), SQL and
the overview page. The views read the Parquet parts where they lie (nothing is copied into the file), so
the file is small and is rebuilt after every run (and by ``ingest compact``); ``connect(out)`` gives the same
views in memory, wherever the folder has moved.

Every table view holds the latest version of each document (``current.parquet``) with its ``notice_key``
and ``is_primary``; ``primary_targets``, ``unit_points``, ``indicator_by_unit`` and ``findings_open`` hold
the primary copy of each notice only, so each notice counts once."""
from __future__ import annotations

import os
from pathlib import Path

from ingest.dataset.layout import CURRENT_NAME, DATABASE_NAME, PART_PREFIX
from ingest.errors import EnvironmentFault

PER_DOCUMENT = ("documents", "targets", "indicators", "measures", "findings")
# The views, in the order they are created (and exported).
VIEWS = ("documents", "targets", "indicators", "measures", "findings", "runs", "primary_targets", "unit_points",
         "indicator_by_unit", "findings_open")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _parts(out: Path, table: str) -> str:
    pattern = (out / table).as_posix() + f"/{PART_PREFIX}*.parquet"
    return f"read_parquet({_literal(pattern)}, union_by_name = true)"


def view_statements(out: Path) -> list[str]:
    """The views over the parts in ``out``, named by ``out`` as given: an absolute folder (what a run
    writes: the file opens from any working folder, as Superset and Metabase open it), or ``Path()`` for
    names relative to the folder itself (a folder that moves or ships: open it with DuckDB's
    ``file_search_path`` set to the folder)."""
    current = f"read_parquet({_literal((out / CURRENT_NAME).as_posix())})"
    sql = [f"CREATE OR REPLACE VIEW current_documents AS SELECT * FROM {current}"]
    for table in PER_DOCUMENT:
        extra = "c.is_primary" if table == "documents" else "c.notice_key, c.is_primary"
        sql.append(f"""CREATE OR REPLACE VIEW {table} AS
            SELECT t.*, {extra} FROM {_parts(out, table)} t
            JOIN current_documents c ON t.doc_id = c.doc_id AND t.run_id = c.run_id""")
    sql.append(f"CREATE OR REPLACE VIEW runs AS SELECT * FROM {_parts(out, 'runs')}")
    sql.append("CREATE OR REPLACE VIEW primary_targets AS SELECT * FROM targets WHERE is_primary")
    sql.append("""CREATE OR REPLACE VIEW unit_points AS
        WITH t AS (
            SELECT t.*, d.title, d.unit_total_declared FROM targets t JOIN documents d USING (doc_id)
            WHERE t.is_primary AND t.scope = 'unit')
        SELECT notice_key, doc_id, any_value(title) AS title, unit, any_value(unit_type) AS unit_type, section,
               CAST(any_value(section_points) AS DOUBLE) AS declared_points,
               CAST(coalesce(sum(points) FILTER (WHERE points_rule IS NULL), 0) AS DOUBLE) AS summed_points,
               CAST(count(*) AS INTEGER) AS n_clauses
        FROM t WHERE section IS NOT NULL GROUP BY notice_key, doc_id, unit, section
        UNION ALL
        SELECT notice_key, doc_id, any_value(title), unit, any_value(unit_type), NULL,
               CAST(any_value(unit_total_declared) AS DOUBLE),
               CAST(coalesce(sum(points) FILTER (WHERE points_rule IS NULL), 0) AS DOUBLE),
               CAST(count(*) AS INTEGER)
        FROM t GROUP BY notice_key, doc_id, unit""")
    sql.append("""CREATE OR REPLACE VIEW indicator_by_unit AS
        SELECT m.notice_key, m.doc_id, m.indicator_key, m.indicator, m.unit, t.unit_type, m.comparator,
               CAST(coalesce(m.base_value, m.value) AS DOUBLE) AS value,
               coalesce(m.base_unit, m.value_unit) AS value_unit,
               m.value AS value_as_written, m.value_unit AS value_unit_as_written, m.baseline,
               m.target_id, m.indicator_id, m.source_path, m.page, m.line
        FROM measures m LEFT JOIN targets t ON t.target_id = m.target_id
        WHERE m.is_primary AND m.unit IS NOT NULL AND m.indicator_key IS NOT NULL""")
    sql.append("""CREATE OR REPLACE VIEW findings_open AS
        SELECT doc_id, notice_key, source_path, code, severity, message, unit, unit_raw, section, seq, page, line,
               expected, actual, run_id
        FROM findings WHERE is_primary AND severity IN ('error', 'warning')""")
    return sql


def create_views(con, out: Path) -> None:
    for statement in view_statements(out):
        con.execute(statement)


def build_database(out: Path, relative: bool = False) -> Path:
    """Write ``OUT/notices.duckdb`` beside the parts (a temporary file renamed into place: a reader opens the
    old file or the new one). Its views name the parts by the folder's absolute path, or with ``relative``
    by names relative to the folder (see ``view_statements``)."""
    import duckdb

    target = out / DATABASE_NAME
    tmp = out / f".{DATABASE_NAME}.{os.getpid()}.tmp"
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        if relative:  # the views are bound as they are made: the names must resolve here
            con.execute(f"SET file_search_path = {_literal(os.path.abspath(out))}")
        create_views(con, Path() if relative else Path(os.path.abspath(out)))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    try:
        os.replace(tmp, target)
    except PermissionError:  # Windows: a dashboard holds the file open; its views (globs) are still right
        tmp.unlink(missing_ok=True)
    return target


def connect(out: Path):
    """A DuckDB connection with every view over the dataset in ``out`` (in memory: nothing in the folder is
    opened for writing, and it works wherever the folder lies)."""
    import duckdb

    out = Path(out)
    if not (out / CURRENT_NAME).exists():
        raise EnvironmentFault(f"{out} holds no dataset yet: run `ingest run … --out {out}` first")
    con = duckdb.connect(":memory:")
    create_views(con, Path(os.path.abspath(out)))
    return con
