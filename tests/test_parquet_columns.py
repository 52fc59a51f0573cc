"""The column builder's fast path (one record type, scalar values) gives what the per-value path gives."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ingest.pipeline import process_file
from ingest.writers import parquet_writer as writer
from schemas.parquet import TABLES

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _per_value(records: list, schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pydict({n: [writer._value(r, n) for r in records] for n in schema.names}, schema=schema)


def test_columns_of_a_real_extraction_equal_the_per_value_path():
    notice = process_file(SAMPLES / "sanmenxia_2020_targets.docx")
    tables = process_file(SAMPLES / "jiayuguan_2022q2_decomposition.docx")
    for name, records in writer.extraction_rows(notice).items():
        records = list(records) + list(writer.extraction_rows(tables)[name])
        assert records, name
        assert writer.records_to_table(records, TABLES[name]).equals(_per_value(records, TABLES[name])), name


def test_dict_rows_and_mixed_rows_take_the_per_value_path():
    ex = process_file(SAMPLES / "jiayuguan_2022q2_decomposition.docx")
    rows = [ex.indicators[0], {"doc_id": "d", "indicator": "x", "column": "c"}]
    table = writer.records_to_table(rows, TABLES["measures"])
    assert table.column("doc_id").to_pylist() == [ex.indicators[0].doc_id, "d"]
    assert table.column("source_column").to_pylist() == [None, "c"]
