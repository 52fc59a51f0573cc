"""``ingest compact OUT``: every table's part files rewritten into one file per table, atomically (the
new parts are staged, then one journal moves them in and removes the parts they replace: a reader sees
the old parts or the new one, never both nor neither). No row is dropped or changed: every run's
rows keep their run_id, and ``current.parquet`` stays valid."""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from ingest.dataset import layout
from ingest.lock import OutputLock
from ingest.writers.commit import Staging, new_run_id, recover
from schemas.parquet import DATASET_TABLES


def compact(out: Path, wait: bool = False, relative_views: bool = False) -> dict[str, int]:
    """Rewrite each table with more than one part into one; returns the number of parts replaced per table.
    ``notices.duckdb`` is rebuilt (``relative_views``: naming the parts relative to the folder)."""
    from ingest.dataset.warehouse import build_database
    from ingest.writers.parquet_writer import table_schema

    replaced: dict[str, int] = {}
    with OutputLock(out, wait=wait):
        recover(out)
        compact_id = new_run_id()
        staging = Staging(out, compact_id)
        staging.open()
        try:
            for name in DATASET_TABLES:
                old = layout.parts(out, name)
                if len(old) < 2:
                    continue
                schema = table_schema(name, compact_id)
                target = staging.path(f"{name}/{layout.PART_PREFIX}{compact_id}-compact.parquet")
                with pq.ParquetWriter(str(target), schema) as writer:
                    for part in old:  # one part at a time: memory bounded by the largest part
                        writer.write_table(layout.conform(pq.read_table(part), schema))
                staging.remove += [p.relative_to(out).as_posix() for p in old]
                replaced[name] = len(old)
            if replaced:
                staging.commit()
        finally:
            staging.abort()
        if (out / layout.CURRENT_NAME).exists():
            build_database(out, relative=relative_views)
    return replaced
