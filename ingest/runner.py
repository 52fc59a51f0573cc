"""A run: find the files, take what the manifest already holds, extract and check the rest in isolated
workers (checked here what the manifest gave, or a worker checked with other checks than this process
has), and hand each to the sinks in input order. ``ingest run`` and ``ingest check``
are both this, with different sinks (and ``check`` without a manifest)."""
from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ingest import PARSER_VERSION, platform
from ingest.batch import Limits
from ingest.dataset.identity import assign_identity, canonical_finding_units, held_extraction, relative_name
from ingest.engines.local import LocalEngine
from ingest.errors import EnvironmentFault, Interrupted, describe_os_error
from ingest.inputs import ARCHIVE_EXTENSIONS, file_sha256, iter_input_files, make_doc_id
from ingest.lock import OutputLock
from ingest.manifest import manifest_fault, open_manifest
from ingest.paths import display
from ingest.pipeline import Parsed, RunOptions, check, failed_extraction, refuse_oversize, relocate, skipped_extraction
from ingest.writers.commit import recover
from ingest.writers.sinks import Sink
from parsers.errors import ParseError
from parsers.formats.archive import walk_archive
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
    findings: int = 0  # of the documents checked in this run
    held: int = 0  # documents not read again (held in this version): their findings are in the dataset
    errors: int = 0  # error-level findings
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason); each also a documents row
    failures: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    run_id: str | None = None
    unchanged: int = 0  # documents the dataset already held in this version: not written again
    added: dict[str, int] = field(default_factory=dict)  # rows this run added to each dataset table
    supervisor_peak_mb: float = 0.0  # this process's peak resident size (workers not included)

    def count(self, ex: Extraction) -> None:
        info = ex.info
        self.files += 1
        if info.status == "ok":
            self.ok += 1
        elif info.status == "skipped":
            self.files -= 1  # listed in ``skipped``, not a file the run read
            return
        else:
            self.failed += 1
            self.failures.append((info.source_path, info.error or ""))
        self.units += info.n_units or 0
        if info.held:  # not parsed: the counts its documents row holds (its findings are in the dataset)
            self.held += 1
            self.targets += info.n_targets or 0
            self.indicators += info.n_indicators or 0
            return
        self.targets += len(ex.targets)
        self.indicators += len(ex.indicators)
        self.findings += len(ex.findings)
        self.errors += sum(1 for f in ex.findings if f.severity == "error")


@dataclass(frozen=True)
class RunSettings:
    manifest: Path | None = None  # None: parse every file, keep nothing; else its folder is the output folder
    jobs: int = 1  # worker processes; 0 parses in this process (no isolation: for tests and plug-ins)
    force: bool = False
    limits: Limits = Limits()
    options: RunOptions = RunOptions()
    wait: bool = False  # another run holds the output folder: wait for it (else refuse, exit 3)
    on_wait: Callable[[str], None] | None = None
    # Worker results that may wait for an earlier document before reaching the sinks (bounds memory).
    reorder_window: int = 32
    engine: object | None = None  # what parses the documents (ingest.engines); None: the local engine
    # The folder doc_ids are relative to (None: each path given is its own root).
    root: Path | None = None


def run(paths: Sequence[Path], settings: RunSettings, sinks: Sequence[Sink],
        on_progress: Callable[[int, int, str], None] | None = None) -> Summary:
    """Extract, check and hand to the sinks every file under ``paths``. Holds the output folder's lock
    for the whole run and finishes a commit a killed run left half done before anything else.
    Raises EnvironmentFault (the output cannot be written), Interrupted (Ctrl-C)."""
    out = settings.manifest.parent if settings.manifest else None
    lock = None
    if out is not None:
        _check_output_folder(out)
        lock = OutputLock(out, settings.wait, settings.on_wait).acquire()
    try:
        if out is not None:
            _guard(lambda: recover(out), f"the output folder {display(out)}")
        return _run_locked(paths, settings, sinks, on_progress)
    finally:
        if lock is not None:
            lock.release()


def _check_output_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise EnvironmentFault(f"--out {display(out)} is a file, not a folder: choose a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise describe_os_error(exc, f"the output folder {display(out)}") from None
    if not os.access(out, os.W_OK):
        raise EnvironmentFault(f"cannot write the output folder {display(out)}: permission denied or read-only")


def _guard(action, what: str):
    """Run an output action; an OSError or SQLite error there is the environment's, one line."""
    try:
        return action()
    except BrokenPipeError:
        raise  # the reader of standard output went away: the command ends quietly
    except OSError as exc:
        raise describe_os_error(exc, what) from None
    except sqlite3.DatabaseError as exc:
        raise manifest_fault(settings_path=None, exc=exc) from None


def _run_locked(paths, settings: RunSettings, sinks: Sequence[Sink], on_progress) -> Summary:
    summary = Summary()
    exclude = [settings.manifest.parent] if settings.manifest else []
    listed = list(dict.fromkeys(iter_input_files(paths, summary.skipped, exclude)))
    workdir = tempfile.TemporaryDirectory(prefix="notice-ingest-")  # archive members, removed at the end
    files, sources, unread = _expand_archives(listed, Path(workdir.name))
    unread += [skipped_extraction(path, reason) for path, reason in summary.skipped]
    # Rows read under another OCR mode are other rows (a scan fails under --ocr off): keyed apart.
    version = PARSER_VERSION if settings.options.ocr == "auto" else f"{PARSER_VERSION};ocr={settings.options.ocr}"
    manifest = open_manifest(settings.manifest, version) if settings.manifest else None
    # Documents that have arrived, waiting for an earlier one: a worker result (compressed), or a manifest hash
    # (reused documents are loaded from the manifest only when their turn comes: streamed, not held).
    ready: dict[int, Parsed | Extraction | str] = {}
    next_index = 0
    state = {"opened": 0}
    roots = [settings.root] if settings.root else list(paths)
    held = _held_versions(settings, version)
    _describe(sinks, settings, paths, version)

    def emit(ex: Extraction, checked: bool = False) -> None:
        nonlocal next_index
        ex = assign_identity(ex, roots)  # renames the findings' doc_id too
        if not checked:
            ex = check(ex)
        canonical_finding_units(ex)
        for sink in sinks:
            sink.add(ex)
        summary.count(ex)
        next_index += 1
        if on_progress:
            on_progress(next_index, len(files) + len(unread), ex.info.source_path)

    def deliver(index: int, item: Parsed | Extraction | str) -> None:
        ready[index] = item
        while next_index in ready:
            item = ready.pop(next_index)
            # An archive member is named by its place in the archive (a.zip!/x.docx), not its temp file.
            source = sources.get(next_index, files[next_index] if next_index < len(files) else None)
            checked = False  # findings of this process's checks (a worker's, when its checks are the same)
            if isinstance(item, Parsed):
                item, checked = item.open()
            if isinstance(item, str):
                item = _reuse(manifest, item, source)
            elif next_index in sources:
                item, checked = relocate(item, sources[next_index]), False
            emit(item, checked)

    def tasks() -> Iterator[tuple[int, Path, str, str | None]]:
        for index, path in enumerate(files):
            try:
                refuse_oversize(path.stat().st_size)  # before hashing: a huge sparse file is refused at once
                sha = file_sha256(path)
            except ParseError as exc:
                deliver(index, failed_extraction(path, "", str(exc)))
                continue
            except OSError as exc:
                deliver(index, failed_extraction(path, "", f"cannot read file: {exc.strerror or exc}"))
                continue
            if manifest and not settings.force and manifest.has(sha):
                summary.reused += 1
                deliver(index, sha)
                continue
            row = held.get(make_doc_id(sha, relative_name(os.fspath(sources.get(index, path)), roots))) if held else None
            if row is not None:  # not in the manifest (deleted?), current in the dataset: nothing to parse or write
                deliver(index, held_extraction(row, sources.get(index, path)))
                continue
            while index - next_index > settings.reorder_window + max(settings.jobs, 1):
                yield None  # the earliest document is still being parsed: wait before dispatching more
            # The worker makes the records with the ids assign_identity would give them (an archive member's
            # are given on relocation): nothing to rename here.
            yield index, path, sha, None if index in sources else relative_name(os.fspath(path), roots)

    def leftovers() -> None:
        for offset, extraction in enumerate(unread):
            deliver(len(files) + offset, extraction)

    completed = False
    try:
        for sink in sinks:
            _guard(sink.open, "the output tables")
            state["opened"] += 1
        for index, result in _extract(tasks(), settings):
            _guard(lambda: _keep(manifest, result), "the manifest")
            _guard(lambda: deliver(index, result), "the output tables")
        for offset, extraction in enumerate(unread):  # skipped files and refused archive members
            _guard(lambda: deliver(len(files) + offset, extraction), "the output tables")
        for sink in sinks:
            if hasattr(sink, "describe_run"):
                sink.describe_run(files=summary.files, reused=summary.reused, failed=summary.failed)
        completed = True
    except KeyboardInterrupt:
        raise Interrupted(summary.files, len(files)) from None
    finally:
        for sink in sinks[:state["opened"]]:
            written = _guard(lambda: sink.close(completed), "the output tables") if completed else \
                _quiet_close(sink)
            summary.outputs.extend(str(p) for p in written)
        if manifest:
            manifest.close()
        workdir.cleanup()
    summary.run_id = next((getattr(s, "run_id", None) for s in sinks if getattr(s, "run_id", None)), None)
    summary.unchanged = sum(getattr(s, "unchanged", 0) for s in sinks)
    for sink in sinks:
        if summary.run_id and getattr(sink, "run_id", None) == summary.run_id:
            summary.added = dict(sink.counts)
    summary.supervisor_peak_mb = round(platform.peak_resident_mb(), 1)
    return summary


def _describe(sinks: Sequence[Sink], settings: RunSettings, paths: Sequence[Path], version: str) -> None:
    """What a dataset sink records in its ``runs`` row."""
    from ingest.dataset.fingerprint import checks_version

    options = {"ocr": settings.options.ocr, "force": settings.force, "jobs": settings.jobs,
               "timeout": settings.limits.seconds, "memory_mb": settings.limits.memory_mb}
    for sink in sinks:
        if hasattr(sink, "describe_run"):
            sink.describe_run(inputs=[display(p) for p in paths], root=display(settings.root) if settings.root else None,
                              options=options, parser_version=version, checks_version=checks_version())


def _held_versions(settings: RunSettings, version: str) -> dict[str, dict]:
    """The current ``ok`` versions the output dataset holds under this parser and these checks, by doc_id
    (none for ``--force`` or without an output folder): such a file, if the manifest lacks it, is not parsed."""
    if settings.manifest is None or settings.force:
        return {}
    from ingest.dataset import layout
    from ingest.dataset.fingerprint import checks_version

    return _guard(lambda: layout.held_versions(settings.manifest.parent, version, checks_version()),
                  "the output tables")


def _expand_archives(listed: list[Path], workdir: Path) -> tuple[list[Path], dict[int, str], list[Extraction]]:
    """Archives walked like folders: each member a file of its own, named ``a.zip!/x.docx``; members
    refused or skipped, and archives that cannot be opened, become rows with the reason."""
    files: list[Path] = []
    sources: dict[int, str] = {}
    unread: list[Extraction] = []
    for k, path in enumerate(listed):
        if path.suffix.lower() not in ARCHIVE_EXTENSIONS:
            files.append(path)
            continue
        folder = workdir / str(k)
        folder.mkdir()
        try:
            members = walk_archive(path, str(path), folder)
        except ParseError as exc:
            unread.append(failed_extraction(path, "", str(exc)))
            continue
        for m in members:
            if m.path is None:
                unread.append(skipped_extraction(m.source, m.reason or "") if m.status == "skipped"
                              else failed_extraction(m.source, "", m.reason or "refused"))
                continue
            sources[len(files)] = m.source
            files.append(m.path)
    return files, sources, unread


def _keep(manifest, result: Parsed | Extraction) -> None:
    """A parsed document into the manifest (a worker's bytes as they came); not a transient failure."""
    if manifest is None:
        return
    if isinstance(result, Parsed):
        if not result.transient and result.sha256:
            manifest.put_blob(result.sha256, result.blob)
    elif not result.info.transient and result.info.sha256:
        manifest.put(result)


def _reuse(manifest, sha: str, path: Path) -> Extraction:
    cached = manifest.get(sha)
    if cached is not None:
        return relocate(cached, path)
    manifest.discard(sha)  # unreadable entry: the next run parses the file again
    return failed_extraction(path, sha, "cached extraction unreadable: dropped from the manifest; re-run to parse "
                                        "the file again", transient=True)


def _quiet_close(sink: Sink) -> list[Path]:
    """Abandon a sink's output after a failure; a second failure there must not hide the first."""
    try:
        return sink.close(False)
    except (OSError, sqlite3.Error):
        return []


def _extract(tasks: Iterator, settings: RunSettings) -> Iterator[tuple[int, Extraction]]:
    return (settings.engine or LocalEngine())(tasks, settings)
