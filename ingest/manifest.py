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
import hashlib
import io
import pickle
import sqlite3
import zlib
from pathlib import Path

from ingest.errors import EnvironmentFault
from ingest.paths import display
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
    # Level 1: a third of the default level's time for a blob a fifth larger (made once per document).
    return zlib.compress(pickle.dumps(dataclasses.replace(extraction, findings=[]), protocol=4), 1)


def loads(blob: bytes) -> Extraction:
    return _RecordsOnly(io.BytesIO(zlib.decompress(blob))).load()


# The layout of this file (tables and columns); a manifest of another layout is refused with the
# command that rebuilds it, never half-read.
LAYOUT = 2
COLUMNS = ["sha256", "parser_version", "extraction"]


class Manifest:
    def __init__(self, path: Path, parser_version: str):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._version = f"{parser_version}/{records_fingerprint()}"
        self._db = sqlite3.connect(str(path), isolation_level=None, timeout=30)
        try:
            self._open()
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        self._db.execute("PRAGMA journal_mode=WAL")
        layout = self._db.execute("PRAGMA user_version").fetchone()[0]
        columns = [r[1] for r in self._db.execute("PRAGMA table_info(extractions)")]
        tables = [r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if layout not in (0, LAYOUT) or (columns and columns != COLUMNS) or (tables and not columns):
            raise sqlite3.DatabaseError(f"layout {layout} with tables {tables}: not this version's manifest")
        self._db.execute(SCHEMA)
        if layout != LAYOUT:
            self._db.execute(f"PRAGMA user_version = {LAYOUT}")

    def has(self, sha256: str) -> bool:
        return self._db.execute("SELECT 1 FROM extractions WHERE sha256 = ? AND parser_version = ?",
                                (sha256, self._version)).fetchone() is not None

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
        self.put_blob(extraction.info.sha256, dumps(extraction))

    def put_blob(self, sha256: str, blob: bytes) -> None:
        """An extraction a worker has already made into ``dumps``' bytes."""
        self._db.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?)", (sha256, self._version, blob))

    def discard(self, sha256: str) -> None:
        self._db.execute("DELETE FROM extractions WHERE sha256 = ?", (sha256,))

    def close(self) -> None:
        self._db.close()


def open_manifest(path: Path, version: str | None = None) -> Manifest:
    from ingest import PARSER_VERSION

    try:
        return Manifest(path, version or PARSER_VERSION)
    except sqlite3.DatabaseError as exc:
        raise manifest_fault(path, exc) from None


def manifest_fault(settings_path: Path | None, exc: sqlite3.DatabaseError) -> EnvironmentFault:
    """A SQLite error on the manifest as one line: disk full, read-only, or unreadable (with the
    command that rebuilds it: the manifest is a cache, the tables are not lost with it)."""
    text = str(exc).lower()
    if "full" in text:
        return EnvironmentFault("disk full while writing the manifest: the previous tables are untouched; "
                                "free some space and re-run")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return EnvironmentFault(f"cannot write the manifest: {exc}")
    where = display(settings_path) if settings_path else "manifest.sqlite"
    return EnvironmentFault(f"manifest {where} is corrupt or from an older version ({exc}); rebuild it: "
                            f"delete it and re-run (rm '{where}'; every file is parsed again)")
