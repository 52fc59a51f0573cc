"""The orchestrator: ``process(path, options) -> Extraction`` is read → extract → check for one file.

The two halves are separate because a batch runs them in different places: ``parse_and_check`` in an
isolated worker (read, extract and check, the extraction pickled once as the manifest keeps it), and
``check`` again where an extraction arrives unchecked: reused from the manifest, or checked by a worker
whose registered checks differ from this process's (a plug-in the program registered after the workers
started), so the current checks always run. A file that cannot be read becomes a failed ``documents``
row with the reason; it never stops the batch."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ingest.checks import checks, run_checks
from ingest.inputs import file_sha256, make_doc_id
from ingest.paths import display, raw
from parsers import formats
from parsers.cycles import collector_paused
from parsers.errors import ParseError
from parsers.extract.attachments import attachments
from parsers.extract.closing import closings, without_closings
from parsers.extract.measures import extract_measures
from parsers.extract.metadata import extract_metadata
from parsers.extract.metadata_lines import metadata_lines
from parsers.extract.tables import extract_indicators
from parsers.extract.targets import extract_targets
from parsers.extract.units import apply_canonical_units
from parsers.readers.limits import LIMITS
from schemas.blocks import Document
from schemas.records import DocumentInfo, Extraction, Finding

# What a user may set for one run is what a format may be told when it reads.
RunOptions = formats.ReadOptions


def process(path: Path, options: RunOptions = RunOptions(), sha256: str | None = None) -> Extraction:
    """One file end to end: read → extract → check."""
    return check(extract_file(path, options, sha256))


process_file = process  # the name earlier callers know


@dataclass
class Parsed:
    """A worker's result: the extraction as the manifest keeps it (pickled and compressed once, in the
    worker: the supervisor stores these bytes as they are), the findings of the checks the worker ran
    and which checks those were."""

    blob: bytes  # manifest.dumps(extraction): no findings
    findings: list[Finding]
    checked_with: str
    sha256: str
    transient: bool

    def open(self) -> tuple[Extraction, bool]:
        """The extraction with the worker's findings, and whether they are this process's checks' findings
        (else the caller checks it again)."""
        from ingest import manifest

        extraction = manifest.loads(self.blob)
        extraction.findings = self.findings
        return extraction, self.checked_with == checks_signature()


def parse_and_check(path: Path, options: RunOptions = RunOptions(), sha256: str | None = None,
                    id_name: str | None = None) -> Parsed:
    """What a worker does with one file: read, extract, check, and pickle the extraction for the manifest."""
    extraction = check(extract_file(path, options, sha256, id_name))
    from ingest import manifest  # here, not at import: sqlite3 stays out of a worker until its first result

    return Parsed(manifest.dumps(extraction), extraction.findings, checks_signature(), extraction.info.sha256,
                  extraction.info.transient)


def checks_signature() -> str:
    """Which checks are registered in this process (names, functions, kinds): a worker's findings are
    kept only where its checks are the supervisor's."""
    return repr([(c.name, getattr(c.run, "__module__", None), getattr(c.run, "__qualname__", None),
                  [k.code for k in c.kinds]) for c in checks()])


def is_transient(result: Extraction | Parsed) -> bool:
    return result.transient if isinstance(result, Parsed) else result.info.transient


def extract_file(path: Path, options: RunOptions = RunOptions(), sha256: str | None = None,
                 id_name: str | None = None) -> Extraction:
    """Read and extract one file; every error is captured in the returned document row. ``id_name`` is
    the name the run's doc_id hashes (the path relative to its input root; default the path), so the
    records are made with their final ids rather than renamed afterwards.

    The hash is taken here, from the file this call parses, and checked again after parsing (with the
    file's identity: inode, size, mtime): a file replaced or rewritten meanwhile fails with a reason
    instead of pairing one content's hash with another's rows. ``sha256`` (what the caller saw) is
    not trusted for that reason."""
    info = DocumentInfo(doc_id="", source_path=display(path), sha256="", format=_claimed_format(path),
                        source_path_bytes=raw(path))
    with collector_paused():  # parsers/cycles.py: the collector would only walk the document's objects
        return _extract_file(path, options, info, id_name)


def _extract_file(path: Path, options: RunOptions, info: DocumentInfo, id_name: str | None) -> Extraction:
    try:
        before = _identity(path)
        refuse_oversize(before[2])
        info.sha256 = file_sha256(path)
        info.doc_id = make_doc_id(info.sha256, id_name or path)
        document = formats.read(path, info.source_path, options)
        refuse_oversized_document(document)
        extraction = extract(document, info)
        if _identity(path) != before or file_sha256(path) != info.sha256:
            info.status, info.transient = "failed", True
            info.error = "file changed while it was being read: re-run to read the new content"
            return Extraction(info)
        refuse_oversized_extraction(extraction)
        return extraction
    except ParseError as exc:
        info.status, info.error = "failed", str(exc)
    except MemoryError:
        info.status, info.error, info.transient = "failed", "memory limit exceeded while parsing", True
    except OSError as exc:
        info.status, info.error = "failed", f"cannot read file: {exc.strerror or exc}"
    except Exception as exc:  # the per-file boundary: one bad file never stops the batch
        info.status, info.error = "failed", f"internal error: {type(exc).__name__}: {exc}"
    if not info.doc_id:
        info.doc_id = make_doc_id(info.sha256, id_name or path)
    return Extraction(info)


def _identity(path: Path) -> tuple:
    st = path.stat()
    return st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns


def refuse_oversize(size: int) -> None:
    """The size limit, checked from the directory entry before a byte is read (a 20 GB sparse file is
    refused at once, not hashed first)."""
    if size > LIMITS.max_file_bytes:
        raise ParseError(f"file of {size} bytes is larger than the limit of {LIMITS.max_file_bytes}")


def refuse_oversized_document(doc: Document) -> None:
    """Text beyond the extraction limit fails before extraction (a small .docx whose list labels repeat
    a number thousands of times reads as 90 M characters: extracting them would only hit the timeout)."""
    chars = 0
    for block in doc.blocks:
        rows = getattr(block, "rows", None)
        chars += sum(len(c) for r in rows for c in r.cells) if rows is not None else len(getattr(block, "text", ""))
    if chars > LIMITS.max_record_chars:
        raise ParseError(f"document too large: {chars} characters of text, more than the limit of "
                         f"{LIMITS.max_record_chars}")


def refuse_oversized_extraction(ex: Extraction) -> None:
    """A document whose records exceed the limits fails here, in the worker, with a reason: the
    supervisor never receives (nor checks, nor buffers) an extraction of unbounded size."""
    records = [*ex.targets, *ex.indicators, *ex.measures, *ex.unclaimed]
    if len(records) > LIMITS.max_records:
        raise ParseError(f"extraction too large: {len(records)} records, more than the limit of {LIMITS.max_records}")
    chars = _text_chars(records)
    if chars > LIMITS.max_record_chars:
        raise ParseError(f"extraction too large: {chars} characters of text in its records, more than the limit "
                         f"of {LIMITS.max_record_chars}")


def _text_chars(records: list) -> int:
    """Characters in the records' string fields (a loop with an exact type test: half the time of a
    comprehension with isinstance over every field of every record)."""
    total = 0
    for record in records:
        for value in record.__dict__.values():
            if value.__class__ is str:
                total += len(value)
    return total


def _claimed_format(path: Path) -> str:
    """The format a failed file's row names: the one its extension claims (its content was never read)."""
    fmt = formats.by_extension(path)
    return fmt.name if fmt else path.suffix.lower().lstrip(".")


def failed_extraction(path: Path | str, sha256: str, error: str, transient: bool = False) -> Extraction:
    info = DocumentInfo(doc_id=make_doc_id(sha256, path), source_path=display(path), sha256=sha256,
                        format=_claimed_format(Path(path)), status="failed", error=error, transient=transient,
                        source_path_bytes=raw(path))
    return Extraction(info)


def skipped_extraction(source: str, reason: str) -> Extraction:
    """A file the run passed over (unsupported, a lock file, hidden): a row so an audit sees it existed."""
    info = DocumentInfo(doc_id=make_doc_id("", source), source_path=display(source), sha256="",
                        format=_claimed_format(Path(source)), status="skipped", error=reason,
                        source_path_bytes=raw(source))
    return Extraction(info)


def extract(doc: Document, info: DocumentInfo) -> Extraction:
    """Blocks → records, no checks."""
    info.format, info.n_pages, info.ocr_pages = doc.format, doc.n_pages, list(doc.ocr_pages)
    signed = closings(doc)
    extract_metadata(doc, info, signed)
    body = without_closings(doc, signed)  # a signature and its date are no clause's last sentence
    targets = extract_targets(body, info.doc_id, info.issuer)
    indicators = extract_indicators(body, info.doc_id, skip=targets.clause_tables)
    apply_canonical_units(targets.targets, indicators)
    info.unit_total_declared = targets.unit_total_declared
    info.assessed_party = targets.assessed_party
    info.n_targets, info.n_indicators = len(targets.targets), len(indicators)
    info.n_units = len({t.unit for t in targets.targets if t.scope == "unit"})
    read_as_metadata, attached = metadata_lines(doc, info), attachments(doc)
    # reported by the metadata and attachment checks, not as unclaimed text
    places = {(m.page, m.line) for m in read_as_metadata} | {(a.page, a.line) for a in attached if a.role == "listed"}
    unclaimed = [u for u in targets.unclaimed if (u.page, u.line) not in places]
    return Extraction(info, targets.targets, indicators, unclaimed=unclaimed,
                      measures=extract_measures(targets.targets, indicators), warnings=list(doc.warnings),
                      metadata_lines=read_as_metadata, attachments=attached)


def check(extraction: Extraction) -> Extraction:
    """Run every registered check; the findings replace any the extraction held."""
    ok = extraction.info.status == "ok"
    with collector_paused():
        extraction.findings = run_checks(extraction) if ok else []
    return extraction


def relocate(extraction: Extraction, path: Path | str) -> Extraction:
    """An extraction of the same content read at another path: every record gets this path's doc_id,
    and the ids built from the doc_id (target_id, indicator_id) their new prefix."""
    old_id, new_id = extraction.info.doc_id, make_doc_id(extraction.info.sha256, path)
    source = display(path)

    def moved(record):
        changes = {"doc_id": new_id, "source_path": source}
        for name in ("target_id", "indicator_id"):
            value = getattr(record, name, None)
            if value and value.startswith(old_id):
                changes[name] = new_id + value[len(old_id):]
        return dataclasses.replace(record, **changes)

    info = dataclasses.replace(moved(extraction.info), source_path_bytes=raw(path))
    return dataclasses.replace(
        extraction, info=info, targets=[moved(t) for t in extraction.targets],
        indicators=[moved(r) for r in extraction.indicators], measures=[moved(m) for m in extraction.measures],
        findings=[])
