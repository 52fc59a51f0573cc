"""Records → Parquet, written atomically: a temporary file in the same folder, then a rename, so
a killed run never leaves a half-written table."""
from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.parquet import TABLES


def records_to_table(records: Iterable, schema: pa.Schema) -> pa.Table:
    names = schema.names
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]
    columns = {name: [row.get(name) for row in rows] for name in names}
    return pa.Table.from_pydict(columns, schema=schema)


def _atomic(path: Path, write) -> None:
    """Write through ``write(tmp_path)`` to a temporary file beside ``path``, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
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


def write_tables(out_dir: Path, records: dict[str, list]) -> dict[str, Path]:
    """One file per table in TABLES; a table with no records is written empty with its schema."""
    written = {}
    for name, schema in TABLES.items():
        path = out_dir / f"{name}.parquet"
        write_parquet(records_to_table(records.get(name, []), schema), path)
        written[name] = path
    return written
