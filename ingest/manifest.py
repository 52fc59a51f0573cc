"""The run manifest: every ingested document's rows, keyed by content hash and parser version.

It lives in the output folder as SQLite, so a write is a transaction: a run killed at any moment
leaves it consistent. A re-run takes a file whose content and parser version it already holds from
here instead of parsing it again, so a killed run started again finishes the rest and writes the
same tables as an uninterrupted run.
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    rows BLOB NOT NULL,
    PRIMARY KEY (sha256, parser_version)
)
"""


class Manifest:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(SCHEMA)

    def get(self, sha256: str, parser_version: str) -> dict[str, list[dict]] | None:
        row = self._db.execute("SELECT rows FROM documents WHERE sha256 = ? AND parser_version = ?",
                               (sha256, parser_version)).fetchone()
        return json.loads(zlib.decompress(row[0])) if row else None

    def put(self, sha256: str, parser_version: str, rows: dict[str, list[dict]]) -> None:
        blob = zlib.compress(json.dumps(rows, ensure_ascii=False, default=str).encode("utf-8"))
        self._db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?)", (sha256, parser_version, blob))

    def close(self) -> None:
        self._db.close()
