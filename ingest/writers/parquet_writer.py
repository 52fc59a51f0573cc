"""Extractions → one Parquet file per table, streamed a row group at a time (memory stays flat
however many documents a run holds). Each file is written beside its final name and renamed into
place when the run completes: a killed run leaves the previous tables whole."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.writers.atomic import temp_beside
from ingest.writers.sinks import TABLES as TABLES_KIND
from ingest.writers.sinks import SinkType, register
from schemas.parquet import TABLES
from schemas.records import Extraction


def extraction_rows(ex: Extraction) -> dict[str, list]:
    """The records one document contributes to each table."""
    return {"documents": [ex.info], "targets": ex.targets, "indicators": ex.indicators, "measures": ex.measures,
            "findings": ex.findings}


def records_to_table(records: Iterable, schema: pa.Schema) -> pa.Table:
    """Dataclass records → a table of the schema's columns (fields that are not columns are left out)."""
    rows = [dataclasses.asdict(r) for r in records]
    return pa.Table.from_pydict({f.name: [row.get(f.name) for row in rows] for f in schema}, schema=schema)


class ParquetSink:
    def __init__(self, out_dir: Path, row_group_rows: int = 5_000):
        self._out, self._rows = out_dir, row_group_rows
        self._buffers: dict[str, list] = {}
        self._tmp: dict[str, str] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}

    def open(self) -> None:
        self._out.mkdir(parents=True, exist_ok=True)
        for stale in self._out.glob(".*.parquet.*.tmp"):  # left by a run that was killed
            stale.unlink(missing_ok=True)
        for name, schema in TABLES.items():
            self._tmp[name] = temp_beside(self._out / f"{name}.parquet")
            self._writers[name] = pq.ParquetWriter(self._tmp[name], schema)
            self._buffers[name] = []

    def add(self, extraction: Extraction) -> None:
        for name, records in extraction_rows(extraction).items():
            buffer = self._buffers[name]
            buffer.extend(records)
            if len(buffer) >= self._rows:
                self._flush(name)

    def _flush(self, name: str) -> None:
        if self._buffers[name]:
            self._writers[name].write_table(records_to_table(self._buffers[name], TABLES[name]))
            self._buffers[name] = []

    def close(self, completed: bool = True) -> list[Path]:
        return self._commit() if completed else self._abort()

    def _commit(self) -> list[Path]:
        written = []
        for name in TABLES:
            self._flush(name)
            self._writers[name].close()
            final = self._out / f"{name}.parquet"
            os.replace(self._tmp[name], final)
            written.append(final)
        return written

    def _abort(self) -> list[Path]:
        for name in self._writers:
            try:
                self._writers[name].close()
            finally:
                Path(self._tmp[name]).unlink(missing_ok=True)
        return []


register(SinkType("parquet", TABLES_KIND, lambda out_dir: ParquetSink(out_dir),
                  "one Parquet file per table (documents, targets, indicators, measures, findings)"))
