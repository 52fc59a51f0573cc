"""Extractions → the output folder as a dataset that grows (``ingest.dataset.layout``): each run adds one
part file per table, streamed a row group at a time (memory stays flat however many documents a run
holds), plus a ``runs`` row and a rewritten ``current.parquet``, all published as one set by
``ingest.writers.commit``. A document version the dataset already holds (same doc_id, parser version,
checks and status) is not written again, so a re-run of the same folder adds no rows."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ingest.writers.commit import JOURNAL, Staging, new_run_id
from ingest.writers.sinks import TABLES as TABLES_KIND
from ingest.writers.sinks import SinkType, register
from schemas.records import Extraction

if TYPE_CHECKING:  # pyarrow loads with the first table written: `check` and `serve` start without it
    import pyarrow as pa
    import pyarrow.parquet as pq

# schemas.parquet and ingest.dataset.layout load pyarrow: imported where a table is written.

# Output columns named otherwise than the record's field (``column`` is a reserved word in SQL).
FIELD_OF_COLUMN = {"source_column": "column"}


def extraction_rows(ex: Extraction) -> dict[str, list]:
    """The records one document contributes to each table."""
    return {"documents": [ex.info], "targets": ex.targets, "indicators": ex.indicators, "measures": ex.measures,
            "findings": ex.findings}


def pandas_metadata(schema: pa.Schema) -> bytes:
    """pandas metadata telling ``pd.read_parquet`` to read the integer columns that may hold nulls
    (page, line, seq …) as nullable ``Int32`` rather than float."""
    import pyarrow as pa

    from schemas.parquet import NULLABLE_INT_COLUMNS

    columns = [{"name": f.name, "field_name": f.name, "pandas_type": "int32", "numpy_type": "Int32", "metadata": None}
               for f in schema if f.name in NULLABLE_INT_COLUMNS and pa.types.is_int32(f.type)]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": columns,
                       "creator": {"library": "pyarrow", "version": pa.__version__},
                       "pandas_version": _pandas_version()}).encode()


@lru_cache(maxsize=1)  # importlib.metadata scans the installed distributions: 6 ms a call
def _pandas_version() -> str:
    """Read from the package metadata: importing pandas costs `ingest run` 0.3 s it does not need."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pandas")
    except PackageNotFoundError:
        return "2.0.0"


def table_schema(name: str, run_id: str) -> pa.Schema:
    from schemas.parquet import DATASET_TABLES

    schema = DATASET_TABLES[name]
    return schema.with_metadata({**(schema.metadata or {}), b"run_id": run_id.encode(),
                                 b"pandas": pandas_metadata(schema)})


def records_to_table(records: Iterable, schema: pa.Schema, run_id: str | None = None, **constant) -> pa.Table:
    """Records (dataclasses, or dicts for rows the sink makes itself) → a table of the schema's columns
    (fields that are not columns are left out; ``constant`` columns are the same on every row)."""
    import pyarrow as pa  # loaded by the commands that write tables only: `check` starts faster without

    records = list(records)
    cls = _one_record_class(records)
    columns = {}
    for name in schema.names:  # (a pyarrow Field makes a new str each time its name is asked)
        if name == "run_id" and run_id is not None:
            columns[name] = [run_id] * len(records)
        elif name in constant:
            columns[name] = [constant[name]] * len(records)
        elif cls is None:
            columns[name] = [_value(r, name) for r in records]
        else:
            columns[name] = _column(records, cls, name)
    return pa.Table.from_pydict(columns, schema=schema)


def _one_record_class(records: list) -> type | None:
    """The dataclass every record is an instance of (a buffer holds one type), else None."""
    cls = type(records[0]) if records else None
    if cls is None or not dataclasses.is_dataclass(cls) or any(type(r) is not cls for r in records):
        return None
    return cls


def _column(records: list, cls: type, column: str) -> list:
    """One column's values from records of one dataclass: the field is resolved once and read with one
    getattr per record (a batch writes hundreds of thousands of values: per-value dispatch was most of
    the supervisor's time); values that are not plain scalars take ``_plain``."""
    field = column if column not in FIELD_OF_COLUMN or column in _field_names(cls) else FIELD_OF_COLUMN[column]
    if field not in _field_names(cls):
        return [None] * len(records)
    values = [getattr(r, field) for r in records]
    if {type(v) for v in values} <= _SCALAR_TYPES:
        return values
    # list columns (units, leaders …) are mostly empty lists: those need no conversion either
    return [v if type(v) in _SCALAR_TYPES or (type(v) is list and not v) else _plain(v) for v in values]


def _value(record, column: str):
    field = column if column not in FIELD_OF_COLUMN or _has(record, column) else FIELD_OF_COLUMN[column]
    if isinstance(record, dict):
        return record.get(field)
    # what dataclasses.asdict gives, without deep-copying every string of every record
    return _plain(getattr(record, field)) if field in _field_names(type(record)) else None


def _has(record, name: str) -> bool:
    return name in record if isinstance(record, dict) else name in _field_names(type(record))


_SCALARS = (str, int, float, type(None), dt.date)
_SCALAR_TYPES = {str, int, float, bool, type(None), dt.date, dt.datetime}  # exact types: the fast path


@lru_cache(maxsize=None)
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _plain(value):
    """A field's value as ``dataclasses.asdict`` renders it, without its deep copy of every scalar."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, list) and all(isinstance(v, _SCALARS) for v in value):
        return list(value)
    return dataclasses.asdict(_Box(value))["value"]  # nested records, dicts, tuples: asdict's own rules


@dataclasses.dataclass
class _Box:
    value: object


class ParquetSink:
    """One part file per table and run, streamed into a staging folder and published with the run's
    ``runs`` row and the rewritten ``current.parquet`` as one set (a killed run leaves no part)."""

    def __init__(self, out_dir: Path, row_group_rows: int = 5_000):
        from schemas.parquet import TABLES

        self._out, self._rows = out_dir, row_group_rows
        self._buffers: dict[str, list] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._staging: Staging | None = None
        self._known: dict[tuple, str] = {}  # document version → the run that wrote it
        self._seen: dict[str, str] = {}  # doc_id → the run holding the version this run found
        self._new_docs: list[dict] = []
        self.run_id = ""
        self.context: dict = {}
        self.counts = {name: 0 for name in TABLES}
        self.unchanged = 0

    def describe_run(self, **context) -> None:
        """What the runs row records: inputs, root, options, versions, file counts (set by the runner)."""
        self.context.update(context)

    def open(self) -> None:
        from ingest.dataset import layout

        self._out.mkdir(parents=True, exist_ok=True)
        self.run_id = new_run_id()
        self._started = dt.datetime.now(dt.timezone.utc)
        self._known = layout.existing_versions(self._out)
        self._staging = Staging(self._out, self.run_id)
        self._staging.open()
        self._buffers = {name: [] for name in self.counts}

    def _versions(self) -> tuple[str, str]:
        from ingest import PARSER_VERSION
        from ingest.dataset.fingerprint import checks_version

        if not self.context.get("parser_version"):
            self.context["parser_version"] = PARSER_VERSION
        if not self.context.get("checks_version"):
            self.context["checks_version"] = checks_version()
        return self.context["parser_version"], self.context["checks_version"]

    def add(self, extraction: Extraction) -> None:
        info = extraction.info
        from ingest.dataset import layout

        parser_version, checks = self._versions()
        key = layout.version_key(info.doc_id, parser_version, checks, info.status)
        # A failure that may not recur (a time limit, a crashed worker) neither replaces a version that was
        # read nor makes an older one current again.
        if info.transient and any(k[0] == info.doc_id and k[3] == "ok" for k in self._known):
            return
        pin = {} if info.transient else self._seen
        if key in self._known or info.held:  # a held stand-in has no records: never written
            self.unchanged += 1
            if key in self._known:
                pin[info.doc_id] = self._known[key]
            return
        self._known[key] = pin[info.doc_id] = self.run_id
        self._new_docs.append({"doc_id": info.doc_id, "run_id": self.run_id, "notice_key": info.notice_key,
                               "status": info.status, "format": info.format, "relative_path": info.relative_path})
        for name, records in extraction_rows(extraction).items():
            buffer = self._buffers[name]
            buffer.extend(records)
            self.counts[name] += len(records)
            if len(buffer) >= self._rows:
                self._flush(name)

    def _writer(self, name: str) -> pq.ParquetWriter:
        import pyarrow.parquet as pq

        from ingest.dataset import layout

        if name not in self._writers:
            path = self._staging.path(layout.part_name(name, self.run_id))
            self._writers[name] = pq.ParquetWriter(str(path), table_schema(name, self.run_id))
        return self._writers[name]

    def _flush(self, name: str) -> None:
        from schemas.parquet import TABLES

        if self._buffers[name]:
            parser_version, checks = self._versions()
            constant = {"parser_version": parser_version, "checks_version": checks} if name == "documents" else {}
            table = records_to_table(self._buffers[name], TABLES[name], run_id=self.run_id, **constant)
            writer = self._writer(name)
            writer.write_table(table.replace_schema_metadata(writer.schema.metadata))
            self._buffers[name] = []

    def _finish_parts(self) -> None:
        import pyarrow.parquet as pq

        from ingest.dataset import layout
        from schemas.parquet import DATASET_TABLES, TABLES

        for name in TABLES:
            self._flush(name)
            if name not in self._writers and not layout.parts(self._out, name):
                self._writer(name)  # an empty part, so a reader's glob always finds the table
            if name in self._writers:
                self._writers.pop(name).close()
        runs = records_to_table([self._runs_row()], DATASET_TABLES["runs"])
        pq.write_table(runs.replace_schema_metadata(table_schema("runs", self.run_id).metadata),
                       self._staging.path(layout.part_name("runs", self.run_id)))
        old = layout.read_parts(self._out, "documents",
                                ["doc_id", "run_id", "notice_key", "status", "format", "relative_path"]).to_pylist()
        pq.write_table(layout.current_table(old + self._new_docs, self._seen), self._staging.path(layout.CURRENT_NAME))

    def _runs_row(self) -> dict:
        from schemas.parquet import SCHEMA_VERSION

        parser_version, checks = self._versions()
        c = self.context
        return {"run_id": self.run_id, "started_at": self._started, "ended_at": dt.datetime.now(dt.timezone.utc),
                "inputs": c.get("inputs", []), "root": c.get("root"),
                "options": json.dumps(c.get("options", {}), ensure_ascii=False, sort_keys=True),
                "parser_version": parser_version, "checks_version": checks, "schema_version": SCHEMA_VERSION,
                "n_files": c.get("files"), "n_reused": c.get("reused"), "n_failed": c.get("failed"),
                "n_unchanged": self.unchanged, **{f"n_{name}": n for name, n in self.counts.items()}}

    def close(self, completed: bool = True) -> list[Path]:
        if self._staging is None:
            return []
        try:
            if completed:
                self._finish_parts()
                written = self._staging.commit()
                from ingest.dataset.warehouse import build_database

                database = build_database(self._out)
                # The folder's top-level files first: the summary names the folder they are in.
                return [database] + [p for p in written if p.parent == self._out] + \
                    [p for p in written if p.parent != self._out]
        finally:
            for writer in self._writers.values():
                try:
                    writer.close()
                except OSError:
                    pass
            self._writers.clear()
            if not completed or not (self._out / JOURNAL).exists():
                self._staging.abort()  # not committed: the staged files go, the dataset stays as it was
            self._staging = None
        return []


register(SinkType("parquet", TABLES_KIND, lambda out_dir: ParquetSink(out_dir),
                  "a dataset of Parquet part files (documents, targets, indicators, measures, findings, runs)"))
