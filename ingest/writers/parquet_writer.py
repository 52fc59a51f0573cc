"""Records → Parquet, written atomically: a temporary file in the same folder, then a rename, so
a killed run never leaves a half-written table."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.parquet import TABLES


def records_to_table(records: Iterable, schema: pa.Schema) -> pa.Table:
    """Dataclass records or row dicts (dates may be ISO strings, as the manifest keeps them)."""
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]
    columns = {}
    for field in schema:
        values = [row.get(field.name) for row in rows]
        if pa.types.is_date(field.type):
            values = [dt.date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        columns[field.name] = values
    return pa.Table.from_pydict(columns, schema=schema)


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _atomic(path: Path, write) -> None:
    """Write through ``write(tmp_path)`` to a temporary file beside ``path``, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, _umask_mode())  # mkstemp makes files private; outputs are ordinary files
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_parquet(table: pa.Table, path: Path) -> None:
    _atomic(path, lambda tmp: pq.write_table(table, tmp))


def write_text_atomic(path: Path, text: str) -> None:
    _atomic(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


class TableSink:
    """Rows streamed into one Parquet file per table, a row group at a time, so memory stays flat
    however many documents a run holds. Each file is written beside its final name and renamed
    into place on ``commit``: a killed run leaves the previous tables whole."""

    def __init__(self, out_dir: Path, row_group_rows: int = 5_000):
        out_dir.mkdir(parents=True, exist_ok=True)
        for stale in out_dir.glob(".*.parquet.*.tmp"):  # left by a run that was killed
            stale.unlink(missing_ok=True)
        self._out, self._rows = out_dir, row_group_rows
        self._buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
        self._tmp: dict[str, str] = {}
        self._writers: dict[str, pq.ParquetWriter] = {}
        for name, schema in TABLES.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.parquet.", suffix=".tmp", dir=out_dir)
            os.close(fd)
            os.chmod(tmp, _umask_mode())
            self._tmp[name] = tmp
            self._writers[name] = pq.ParquetWriter(tmp, schema)

    def add(self, rows: dict[str, list[dict]]) -> None:
        for name, table_rows in rows.items():
            buffer = self._buffers[name]
            buffer.extend(table_rows)
            if len(buffer) >= self._rows:
                self._flush(name)

    def _flush(self, name: str) -> None:
        if self._buffers[name]:
            self._writers[name].write_table(records_to_table(self._buffers[name], TABLES[name]))
            self._buffers[name] = []

    def commit(self) -> dict[str, Path]:
        written = {}
        for name in TABLES:
            self._flush(name)
            self._writers[name].close()
            final = self._out / f"{name}.parquet"
            os.replace(self._tmp[name], final)
            written[name] = final
        return written

    def abort(self) -> None:
        for name in TABLES:
            try:
                self._writers[name].close()
            finally:
                Path(self._tmp[name]).unlink(missing_ok=True)
