"""Pure data: blocks that readers produce, records that extractors produce, Parquet schemas.

No I/O here; ``parsers`` and ``ingest`` import from this package, never the reverse.
"""
