"""A run: find the files, take what the manifest already holds, extract the rest in isolated workers,
check every extraction, and hand each to the sinks in input order. ``ingest run`` and ``ingest check``
are both this, with different sinks (and ``check`` without a manifest)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ingest import PARSER_VERSION
from ingest.batch import Limits, parse_in_workers
from ingest.inputs import file_sha256, iter_input_files
from ingest.manifest import Manifest
from ingest.pipeline import RunOptions, check, extract_file, failed_extraction, relocate
from ingest.writers.sinks import Sink
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
    errors: int = 0  # error-level findings
    skipped: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    def count(self, ex: Extraction) -> None:
        info = ex.info
        self.files += 1
        if info.status == "ok":
            self.ok += 1
        else:
            self.failed += 1
            self.failures.append((info.source_path, info.error or ""))
        self.units += info.n_units or 0
        self.targets += len(ex.targets)
        self.indicators += len(ex.indicators)
        self.findings += len(ex.findings)
        self.errors += sum(1 for f in ex.findings if f.severity == "error")


@dataclass(frozen=True)
class RunSettings:
    manifest: Path | None = None  # None: parse every file, keep nothing
    jobs: int = 1  # worker processes; 0 parses in this process (no isolation: for tests and plug-ins)
    force: bool = False
    limits: Limits = Limits()
    options: RunOptions = RunOptions()


def run(paths: Sequence[Path], settings: RunSettings, sinks: Sequence[Sink],
        on_progress: Callable[[int, int, str], None] | None = None) -> Summary:
    summary = Summary()
    files = list(dict.fromkeys(iter_input_files(paths, summary.skipped)))
    manifest = Manifest(settings.manifest, PARSER_VERSION) if settings.manifest else None
    ready: dict[int, Extraction] = {}
    next_index = 0
    for sink in sinks:
        sink.open()

    def deliver(index: int, extraction: Extraction) -> None:
        nonlocal next_index
        ready[index] = check(extraction)
        while next_index in ready:
            ex = ready.pop(next_index)
            for sink in sinks:
                sink.add(ex)
            summary.count(ex)
            next_index += 1
            if on_progress:
                on_progress(next_index, len(files), ex.info.source_path)

    def tasks() -> Iterator[tuple[int, Path, str]]:
        for index, path in enumerate(files):
            try:
                sha = file_sha256(path)
            except OSError as exc:
                deliver(index, failed_extraction(path, "", f"cannot read file: {exc.strerror or exc}"))
                continue
            cached = manifest.get(sha) if manifest and not settings.force else None
            if cached is not None:
                summary.reused += 1
                deliver(index, relocate(cached, str(path)))
                continue
            yield index, path, sha

    completed = False
    try:
        for index, extraction in _extract(tasks(), settings):
            if manifest and not extraction.info.transient:
                manifest.put(extraction)
            deliver(index, extraction)
        completed = True
    finally:
        for sink in sinks:
            summary.outputs.extend(str(p) for p in sink.close(completed))
        if manifest:
            manifest.close()
    return summary


def _extract(tasks: Iterator[tuple[int, Path, str]], settings: RunSettings) -> Iterator[tuple[int, Extraction]]:
    if settings.jobs == 0:
        return ((index, extract_file(path, settings.options, sha)) for index, path, sha in tasks)
    return parse_in_workers(tasks, settings.options, settings.jobs, settings.limits)
