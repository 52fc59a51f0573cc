"""Extractions → one Parquet file per table, streamed a row group at a time (memory stays flat
however many documents a run holds). Each file is written beside its final name and renamed into
place when the run completes: a killed run leaves the previous tables whole."""
from __future__ import annotations

import dataclasses
import datetime as dt
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


def extraction_rows(ex: Extraction) -> dict[str, list]:
    """The records one document contributes to each table."""
    return {"documents": [ex.info], "targets": ex.targets, "indicators": ex.indicators, "measures": ex.measures,
            "findings": ex.findings}


def records_to_table(records: Iterable, schema: pa.Schema, run_id: str | None = None) -> pa.Table:
    """Dataclass records → a table of the schema's columns (fields that are not columns are left out)."""
    import pyarrow as pa  # loaded by the commands that write tables only: `check` starts faster without

    records = list(records)
    columns = {}
    for name in schema.names:  # (a pyarrow Field makes a new str each time its name is asked)
        if name == "run_id" and run_id is not None:
            columns[name] = [run_id] * len(records)
        else:  # what dataclasses.asdict gives, without deep-copying every string of every record
            columns[name] = [_plain(getattr(r, name)) if name in _field_names(type(r)) else None for r in records]
    return pa.Table.from_pydict(columns, schema=schema)


_SCALARS = (str, int, float, type(None), dt.date)


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
    """One Parquet file per table, streamed a row group at a time into a staging folder and published
    as one set by ``ingest.writers.commit`` (a killed run leaves the previous set whole)."""

    def __init__(self, out_dir: Path, row_group_rows: int = 5_000):
        self._out, self._rows = out_dir, row_group_rows
        self._buffers: dict[str, list] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._staging: Staging | None = None
        self.run_id = ""

    def open(self) -> None:
        import pyarrow.parquet as pq

        from schemas.parquet import TABLES

        self._out.mkdir(parents=True, exist_ok=True)
        for stale in self._out.glob(".*.parquet.*.tmp"):  # left by a run of an older version
            stale.unlink(missing_ok=True)
        self.run_id = new_run_id()
        self._staging = Staging(self._out, self.run_id)
        self._staging.open()
        for name, schema in TABLES.items():
            schema = schema.with_metadata({**(schema.metadata or {}), b"run_id": self.run_id.encode()})
            self._writers[name] = pq.ParquetWriter(str(self._staging.path(f"{name}.parquet")), schema)
            self._buffers[name] = []

    def add(self, extraction: Extraction) -> None:
        for name, records in extraction_rows(extraction).items():
            buffer = self._buffers[name]
            buffer.extend(records)
            if len(buffer) >= self._rows:
                self._flush(name)

    def _flush(self, name: str) -> None:
        from schemas.parquet import TABLES

        if self._buffers[name]:
            table = records_to_table(self._buffers[name], TABLES[name], run_id=self.run_id)
            self._writers[name].write_table(table.replace_schema_metadata(self._writers[name].schema.metadata))
            self._buffers[name] = []

    def close(self, completed: bool = True) -> list[Path]:
        if self._staging is None:
            return []
        try:
            if completed:
                for name in list(self._writers):
                    self._flush(name)
                    self._writers.pop(name).close()
                return self._staging.commit()
        finally:
            for writer in self._writers.values():
                try:
                    writer.close()
                except OSError:
                    pass
            self._writers.clear()
            if not completed or not (self._out / JOURNAL).exists():
                self._staging.abort()  # not committed: the staged files go, the previous set stays
            self._staging = None
        return []


register(SinkType("parquet", TABLES_KIND, lambda out_dir: ParquetSink(out_dir),
                  "one Parquet file per table (documents, targets, indicators, measures, findings)"))
