"""read → extract → check → write. A file that cannot be read becomes a failed ``documents`` row
with the reason; it never stops the batch."""
from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ingest.checks import run_checks
from ingest.checks.base import finding
from parsers.errors import ParseError
from parsers.extract.metadata import extract_metadata
from parsers.extract.tables import extract_indicators
from parsers.extract.targets import extract_targets
from parsers.readers import is_supported, read_document
from schemas.blocks import Document
from schemas.records import DocumentInfo, Extraction


@dataclass(frozen=True)
class RunOptions:
    password: str | None = None
    jobs: int = 1


@dataclass
class Summary:
    files: int = 0
    ok: int = 0
    failed: int = 0
    units: int = 0
    targets: int = 0
    indicators: int = 0
    findings: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)


def iter_input_files(paths: Iterable[Path], skipped: list[str]) -> Iterator[Path]:
    """Files as given, folders walked in sorted order without following links (no loops);
    unsupported files are listed in ``skipped``."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    if candidate.name.startswith(".") or not candidate.is_file():
                        continue
                    if is_supported(candidate):
                        yield candidate
                    else:
                        skipped.append(str(candidate))
        else:
            yield path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def process_file(path: Path, options: RunOptions = RunOptions()) -> Extraction:
    """One file end to end; every error is captured in the returned document row."""
    source = str(path)
    info = DocumentInfo(doc_id="", source_path=source, sha256="", format=path.suffix.lower().lstrip("."))
    try:
        info.sha256 = file_sha256(path)
        info.doc_id = info.sha256[:16]
        doc = read_document(path, source, options.password)
        return extract(doc, info)
    except ParseError as exc:
        info.status, info.error = "failed", str(exc)
    except OSError as exc:
        info.status, info.error = "failed", f"cannot read file: {exc.strerror or exc}"
    except Exception as exc:  # the per-file boundary: one bad file never stops the batch
        info.status, info.error = "failed", f"internal error: {type(exc).__name__}: {exc}"
    if not info.doc_id:
        info.doc_id = hashlib.sha256(source.encode()).hexdigest()[:16]
    return Extraction(info)


def extract(doc: Document, info: DocumentInfo) -> Extraction:
    info.format, info.n_pages = doc.format, doc.n_pages
    meta = extract_metadata(doc)
    for name in ("issuer", "doc_number", "doc_number_raw", "title", "issued_on", "recipients", "cc",
                 "printer", "printed_on"):
        setattr(info, name, getattr(meta, name))
    targets = extract_targets(doc, info.doc_id, meta.issuer)
    indicators = extract_indicators(doc, info.doc_id, skip=targets.clause_tables)
    info.unit_total_declared = targets.unit_total_declared
    info.n_targets, info.n_indicators = len(targets.targets), len(indicators)
    info.n_units = len({t.unit for t in targets.targets if t.scope == "unit"})
    extraction = Extraction(info, targets.targets, indicators, unclaimed=targets.unclaimed)
    extraction.findings = [finding(extraction, w.code, detail=w.message, page=w.page) for w in doc.warnings]
    if not targets.targets and not indicators:
        extraction.findings.append(finding(extraction, "no_records"))
    extraction.findings.extend(run_checks(extraction))
    return extraction


def run_batch(paths: list[Path], options: RunOptions,
              on_progress: Callable[[int, int, Extraction], None] | None = None) -> tuple[list[Extraction], list[str]]:
    skipped: list[str] = []
    files = list(dict.fromkeys(iter_input_files(paths, skipped)))
    results: list[Extraction] = []
    if options.jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            for result in pool.map(process_file, files, [options] * len(files), chunksize=1):
                results.append(result)
                if on_progress:
                    on_progress(len(results), len(files), result)
    else:
        for path in files:
            results.append(process_file(path, options))
            if on_progress:
                on_progress(len(results), len(files), results[-1])
    return results, skipped


def summarize(results: list[Extraction], skipped: list[str]) -> Summary:
    summary = Summary(files=len(results), skipped=skipped)
    for r in results:
        if r.info.status == "ok":
            summary.ok += 1
        else:
            summary.failed += 1
            summary.failures.append((r.info.source_path, r.info.error or ""))
        summary.units += r.info.n_units
        summary.targets += len(r.targets)
        summary.indicators += len(r.indicators)
        summary.findings += len(r.findings)
    return summary


def tables_of(results: list[Extraction]) -> dict[str, list]:
    return {
        "documents": [r.info for r in results],
        "targets": [t for r in results for t in r.targets],
        "indicators": [i for r in results for i in r.indicators],
        "findings": [f for r in results for f in r.findings],
    }
