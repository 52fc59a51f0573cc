"""The output folder as a dataset that grows: where each table's part files live, what is already in
it, and the derived ``current`` table (the latest version of each document, its notice and whether it
is the notice's primary copy).

    OUT/<table>/part-<run_id>.parquet    one per run that added rows (tables: documents, targets,
                                         indicators, measures, findings, runs)
    OUT/<table>/part-<id>-compact.parquet  what ``ingest compact`` made of the parts before it
    OUT/current.parquet                  rewritten by every run (in the same commit as its parts)
    OUT/notices.duckdb                   views over the above (rebuilt after every commit)
    OUT/manifest.sqlite                  the parse cache (typed extractions by content hash)
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.parquet import CURRENT, DATASET_TABLES

CURRENT_NAME = "current.parquet"
DATABASE_NAME = "notices.duckdb"
PART_PREFIX = "part-"


def format_rank() -> dict[str, int]:
    """The primary copy of a notice: the lowest rank first (``parsers/data/copy_preference.json``: Word over
    the fixed layouts over plain text, the richer the source the fewer reading losses)."""
    from parsers.data import load_json

    return {fmt: rank for rank, group in enumerate(load_json("copy_preference.json")["order"]) for fmt in group}


def part_name(table: str, run_id: str) -> str:
    """The part a run writes, as a name relative to the output folder (``/`` on every platform)."""
    return f"{table}/{PART_PREFIX}{run_id}.parquet"


def parts(out: Path, table: str) -> list[Path]:
    folder = out / table
    return sorted(folder.glob(f"{PART_PREFIX}*.parquet")) if folder.is_dir() else []


def read_file(path: Path, columns: list[str] | None = None, schema: pa.Schema | None = None) -> pa.Table:
    """One Parquet file (``columns`` in that order; one the file lacks, written before it existed, is null
    of ``schema``'s type). Read as a single file: ``pq.read_table`` goes through pyarrow.dataset, which
    imports pandas, a second or more on every run that appends to a dataset."""
    pf = pq.ParquetFile(path)
    if columns is None:
        return pf.read()
    present = set(pf.schema_arrow.names)
    table = pf.read(columns=[c for c in columns if c in present])
    for name in columns:
        if name not in present:
            kind = schema.field(name).type if schema is not None and name in schema.names else pa.null()
            table = table.append_column(name, pa.nulls(table.num_rows, kind))
    return table.select(columns)


def read_parts(out: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """Every part of one table, concatenated (an empty table of the schema when there is none)."""
    schema = DATASET_TABLES[table]
    tables = [read_file(p, columns, schema) for p in parts(out, table)]
    if not tables:
        fields = [schema.field(c) for c in columns] if columns else list(schema)
        return pa.schema(fields, metadata=schema.metadata).empty_table()
    return pa.concat_tables(tables, promote_options="default")


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A part's rows in the schema's columns: a column added since the part was written is null."""
    for name in schema.names:
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(table.num_rows, schema.field(name).type))
    return table.select(schema.names).cast(schema)


def version_key(doc_id, parser_version, checks_version, status) -> tuple:
    """One document version: a row set the dataset holds once."""
    return (doc_id, parser_version, checks_version, status)


def existing_versions(out: Path) -> dict[tuple, str]:
    """Every document version the dataset holds → the run that wrote it."""
    docs = read_parts(out, "documents", ["doc_id", "parser_version", "checks_version", "status", "run_id"]).to_pylist()
    return {version_key(d["doc_id"], d["parser_version"], d["checks_version"], d["status"]): d["run_id"] for d in docs}


def held_versions(out: Path, parser_version: str, checks_version: str) -> dict[str, dict]:
    """The ``documents`` rows of the current versions that are ``ok`` and of these parser and checks
    versions, by doc_id: a file with this doc_id (content hash + relative path) need not be parsed again."""
    current = read_current(out)
    if not current.num_rows:
        return {}
    wanted = set(zip(current["doc_id"].to_pylist(), current["run_id"].to_pylist()))
    held = {}
    for part in parts(out, "documents"):
        for row in read_file(part).to_pylist():  # (pyarrow.compute would cost every run 0.06 s to import)
            if (row["status"] == "ok" and row["parser_version"] == parser_version
                    and row["checks_version"] == checks_version and (row["doc_id"], row["run_id"]) in wanted):
                held[row["doc_id"]] = row
    return held


def current_table(documents: list[dict], pinned: dict[str, str] | None = None) -> pa.Table:
    """``documents`` rows (doc_id, run_id, notice_key, status, format, relative_path) of every version in the
    dataset → one row per doc_id with ``is_primary`` true for one copy of each notice. A document the last
    run met is at the version that run found (``pinned``: doc_id → run holding it, so checks changed back
    select the older version again); any other at its latest run."""
    pinned = pinned or {}
    latest: dict[str, dict] = {}
    for d in documents:
        held, want = latest.get(d["doc_id"]), pinned.get(d["doc_id"])
        if want is not None:
            if d["run_id"] == want:
                latest[d["doc_id"]] = d
        elif held is None or d["run_id"] > held["run_id"]:  # run ids sort by their start time
            latest[d["doc_id"]] = d
    primary: dict[str, dict] = {}
    ranks = format_rank()
    for d in latest.values():
        if d["status"] != "ok" or not d["notice_key"]:
            continue
        held = primary.get(d["notice_key"])
        if held is None or _preference(d, ranks) < _preference(held, ranks):
            primary[d["notice_key"]] = d
    chosen = {d["doc_id"] for d in primary.values()}
    rows = sorted(latest.values(), key=lambda d: d["doc_id"])
    return pa.Table.from_pydict({
        "doc_id": [d["doc_id"] for d in rows], "run_id": [d["run_id"] for d in rows],
        "notice_key": [d["notice_key"] for d in rows], "is_primary": [d["doc_id"] in chosen for d in rows]},
        schema=CURRENT)


def _preference(d: dict, ranks: dict[str, int]) -> tuple:
    rank = ranks.get(d["format"], len(ranks))
    return (rank, _descending(d["run_id"]), d["relative_path"] or "", d["doc_id"])


def _descending(text: str) -> tuple:
    return tuple(-ord(ch) for ch in text) + (1,)  # a longer id that shares a prefix is newer


def read_current(out: Path) -> pa.Table:
    path = out / CURRENT_NAME
    return read_file(path) if path.exists() else CURRENT.empty_table()
