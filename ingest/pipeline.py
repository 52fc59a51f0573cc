"""read → extract → check → write. A file that cannot be read becomes a failed ``documents`` row
with the reason; it never stops the batch."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ingest.checks import run_checks
from ingest.checks.base import finding
from parsers.errors import ParseError
from parsers.extract.measures import extract_measures
from parsers.extract.metadata import extract_metadata
from parsers.extract.tables import extract_indicators
from parsers.extract.targets import extract_targets
from parsers.extract.units import apply_canonical_units
from parsers import formats
from schemas.blocks import Document
from schemas.records import DocumentInfo, Extraction


@dataclass(frozen=True)
class RunOptions:
    password: str | None = None


def iter_input_files(paths: Iterable[Path], skipped: list[str]) -> Iterator[Path]:
    """Files as given, folders walked in sorted order. Links are not followed out of the folder
    (nor round in loops); devices, pipes and unsupported files are listed in ``skipped``."""
    for path in paths:
        if not path.is_dir():
            if not path.is_file():
                skipped.append(f"{path} (not a regular file)")  # a pipe would block the read forever
            elif not formats.is_supported(path):
                skipped.append(f"{path} (unsupported format)")
            else:
                yield path
            continue
        root = path.resolve()
        for folder, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in sorted(files):
                candidate = Path(folder) / name
                reason = _skip_reason(candidate, root)
                if reason is None:
                    yield candidate
                elif reason:
                    skipped.append(f"{candidate} ({reason})")


def _skip_reason(candidate: Path, root: Path) -> str | None:
    """None to read the file; '' to pass over it silently (hidden files)."""
    if candidate.name.startswith("."):
        return ""
    if candidate.is_symlink():
        try:
            target = candidate.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken or looping link"
        if root not in target.parents:
            return "link to a file outside the folder"
    if not candidate.is_file():
        return "not a regular file"
    if not formats.is_supported(candidate):
        return "unsupported format"
    return None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_doc_id(sha256: str, source_path: str) -> str:
    """One id per input file: the same content at two paths is two documents rows."""
    return hashlib.sha256(f"{sha256}\n{source_path}".encode()).hexdigest()[:16]


def process_file(path: Path, options: RunOptions = RunOptions(), sha256: str | None = None) -> Extraction:
    """One file end to end; every error is captured in the returned document row."""
    source = str(path)
    info = DocumentInfo(doc_id="", source_path=source, sha256=sha256 or "", format=path.suffix.lower().lstrip("."))
    try:
        if not info.sha256:
            info.sha256 = file_sha256(path)
        info.doc_id = make_doc_id(info.sha256, source)
        doc = formats.read(path, source, formats.ReadOptions(password=options.password))
        return extract(doc, info)
    except ParseError as exc:
        info.status, info.error = "failed", str(exc)
    except MemoryError:
        info.status, info.error, info.transient = "failed", "memory limit exceeded while parsing", True
    except OSError as exc:
        info.status, info.error = "failed", f"cannot read file: {exc.strerror or exc}"
    except Exception as exc:  # the per-file boundary: one bad file never stops the batch
        info.status, info.error = "failed", f"internal error: {type(exc).__name__}: {exc}"
    if not info.doc_id:
        info.doc_id = make_doc_id(info.sha256, source)
    return Extraction(info)


def failed_extraction(path: Path | str, sha256: str, error: str, transient: bool = False) -> Extraction:
    source = str(path)
    info = DocumentInfo(doc_id=make_doc_id(sha256, source), source_path=source, sha256=sha256,
                        format=Path(source).suffix.lower().lstrip("."), status="failed", error=error,
                        transient=transient)
    return Extraction(info)


def extract(doc: Document, info: DocumentInfo) -> Extraction:
    info.format, info.n_pages = doc.format, doc.n_pages
    meta = extract_metadata(doc)
    for name in ("issuer", "doc_number", "doc_number_raw", "title", "issued_on", "recipients", "cc",
                 "printer", "printed_on"):
        setattr(info, name, getattr(meta, name))
    targets = extract_targets(doc, info.doc_id, meta.issuer)
    indicators = extract_indicators(doc, info.doc_id, skip=targets.clause_tables)
    apply_canonical_units(targets.targets, indicators)
    info.unit_total_declared = targets.unit_total_declared
    info.assessed_party = targets.assessed_party
    info.n_targets, info.n_indicators = len(targets.targets), len(indicators)
    info.n_units = len({t.unit for t in targets.targets if t.scope == "unit"})
    extraction = Extraction(info, targets.targets, indicators, unclaimed=targets.unclaimed,
                            measures=extract_measures(targets.targets, indicators))
    extraction.findings = [finding(extraction, w.code, detail=w.message, page=w.page) for w in doc.warnings]
    if not targets.targets and not indicators:
        extraction.findings.append(finding(extraction, "no_records"))
    extraction.findings.extend(run_checks(extraction))
    return extraction
