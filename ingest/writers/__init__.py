"""Extractions → outputs, through sinks (``ingest.writers.sinks``): the Parquet tables and the reports."""
from __future__ import annotations

# The built-in sinks register themselves on import; a plug-in calls ``register`` the same way.
from ingest.writers import docx_comments, parquet_writer, reports  # noqa: E402,F401
from ingest.writers.sinks import REPORT, TABLES, Sink, SinkType, get, names, register, report, unregister

__all__ = ["REPORT", "TABLES", "Sink", "SinkType", "get", "names", "register", "report", "unregister"]
