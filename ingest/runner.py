"""A batch run: find the files, take what the manifest already holds, parse the rest in isolated
workers, stream every row to the tables in input order, and summarise."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ingest import PARSER_VERSION
from ingest.batch import Limits, parse_in_workers
from ingest.manifest import Manifest
from ingest.pipeline import RunOptions, failed_extraction, file_sha256, iter_input_files, make_doc_id
from ingest.writers.parquet_writer import TableSink
from schemas.parquet import TABLES
from schemas.records import Extraction

MANIFEST_NAME = "manifest.sqlite"


@dataclass
class Summary:
    files: int = 0
    ok: int = 0
    failed: int = 0
    reused: int = 0
    units: int = 0
    targets: int = 0
    indicators: int = 0
    findings: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)

    def count(self, rows: dict[str, list[dict]]) -> None:
        doc = rows["documents"][0]
        self.files += 1
        if doc["status"] == "ok":
            self.ok += 1
        else:
            self.failed += 1
            self.failures.append((doc["source_path"], doc["error"] or ""))
        self.units += doc.get("n_units") or 0
        self.targets += len(rows["targets"])
        self.indicators += len(rows["indicators"])
        self.findings += len(rows["findings"])


def extraction_rows(ex: Extraction) -> dict[str, list[dict]]:
    """The rows one document contributes to each table, as plain dicts of schema columns."""
    records = {"documents": [ex.info], "targets": ex.targets, "indicators": ex.indicators, "measures": ex.measures,
               "findings": ex.findings}
    return {name: [_row(r, TABLES[name].names) for r in records[name]] for name in TABLES}


def _row(record, names: list[str]) -> dict:
    data = dataclasses.asdict(record)
    return {name: data.get(name) for name in names}


def _for_path(rows: dict[str, list[dict]], source: str) -> dict[str, list[dict]]:
    """Rows the manifest kept for the same content, told where this copy lives."""
    sha = rows["documents"][0]["sha256"]
    old_id, new_id = rows["documents"][0]["doc_id"], make_doc_id(sha, source)
    for table_rows in rows.values():
        for row in table_rows:
            row["doc_id"], row["source_path"] = new_id, source
            if row.get("target_id"):
                row["target_id"] = new_id + row["target_id"][len(old_id):]
    return rows


@dataclass(frozen=True)
class RunSettings:
    out_dir: Path
    jobs: int = 1
    force: bool = False
    limits: Limits = Limits()
    options: RunOptions = RunOptions()


def run(paths: list[Path], settings: RunSettings,
        on_progress: Callable[[int, int, str], None] | None = None) -> Summary:
    summary = Summary()
    files = list(dict.fromkeys(iter_input_files(paths, summary.skipped)))
    manifest = Manifest(settings.out_dir / MANIFEST_NAME)
    # Rows read under another OCR mode are other rows (a scan fails under --ocr off): keyed apart.
    version = PARSER_VERSION if settings.options.ocr == "auto" else f"{PARSER_VERSION};ocr={settings.options.ocr}"
    sink = TableSink(settings.out_dir)
    ready: dict[int, dict[str, list[dict]]] = {}
    next_index = 0

    def flush() -> None:
        nonlocal next_index
        while next_index in ready:
            rows = ready.pop(next_index)
            sink.add(rows)
            summary.count(rows)
            next_index += 1
            if on_progress:
                on_progress(next_index, len(files), rows["documents"][0]["source_path"])

    def tasks():
        for index, path in enumerate(files):
            try:
                sha = file_sha256(path)
            except OSError as exc:
                ready[index] = extraction_rows(failed_extraction(path, "", f"cannot read file: {exc.strerror or exc}"))
                continue
            cached = None if settings.force else manifest.get(sha, version)
            if cached is not None:
                ready[index] = _for_path(cached, str(path))
                summary.reused += 1
                continue
            yield index, path, sha

    try:
        for index, extraction in parse_in_workers(tasks(), settings.options, settings.jobs, settings.limits):
            rows = extraction_rows(extraction)
            if not extraction.info.transient:
                manifest.put(extraction.info.sha256, version, rows)
            ready[index] = rows
            flush()
        flush()
        summary.outputs = {k: str(v) for k, v in sink.commit().items()}
    except BaseException:
        sink.abort()
        raise
    finally:
        manifest.close()
    return summary
