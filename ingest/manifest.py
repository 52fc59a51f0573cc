"""The run manifest: every ingested document's extraction (records, no findings), keyed by content
hash and parser version.

It lives in the output folder as SQLite, so a write is a transaction: a run killed at any moment
leaves it consistent. A re-run takes a file whose content and parser version it already holds from
here instead of parsing it again, and runs the current checks on it. Records are kept as typed
records (pickled dataclasses, dates as dates); only the record classes may be loaded back, so a
tampered manifest cannot make the loader run code.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import pickle
import sqlite3
import zlib
from pathlib import Path

from schemas import blocks, records
from schemas.records import Extraction

SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    sha256 TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    extraction BLOB NOT NULL,
    PRIMARY KEY (sha256, parser_version)
)
"""
_RECORD_CLASSES = [getattr(records, name) for name in sorted(dir(records))
                   if isinstance(getattr(records, name), type) and dataclasses.is_dataclass(getattr(records, name))]
_RECORD_CLASSES.append(blocks.ReaderWarning)
_LOADABLE = {(cls.__module__, cls.__name__) for cls in _RECORD_CLASSES} | {("datetime", "date")}


def records_fingerprint() -> str:
    """Changes when a record class gains, loses or renames a field: records pickled under other
    fields are not reused."""
    shape = [(cls.__qualname__, [f.name for f in dataclasses.fields(cls)]) for cls in _RECORD_CLASSES]
    return hashlib.sha256(repr(shape).encode()).hexdigest()[:12]


class _RecordsOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _LOADABLE:
            raise pickle.UnpicklingError(f"{module}.{name} is not a record class")
        return super().find_class(module, name)


def dumps(extraction: Extraction) -> bytes:
    return zlib.compress(pickle.dumps(dataclasses.replace(extraction, findings=[]), protocol=4))


def loads(blob: bytes) -> Extraction:
    return _RecordsOnly(io.BytesIO(zlib.decompress(blob))).load()


class Manifest:
    def __init__(self, path: Path, parser_version: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._version = f"{parser_version}/{records_fingerprint()}"
        self._db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(SCHEMA)

    def get(self, sha256: str) -> Extraction | None:
        row = self._db.execute("SELECT extraction FROM extractions WHERE sha256 = ? AND parser_version = ?",
                               (sha256, self._version)).fetchone()
        if row is None:
            return None
        try:
            return loads(row[0])
        except (pickle.UnpicklingError, zlib.error, EOFError, AttributeError, TypeError, ValueError):
            return None  # unreadable: parse the file again

    def put(self, extraction: Extraction) -> None:
        self._db.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)",
                         (extraction.info.sha256, self._version, dumps(extraction)))

    def close(self) -> None:
        self._db.close()
