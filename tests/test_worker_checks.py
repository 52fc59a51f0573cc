"""Checks run in the worker that parsed the document; the supervisor keeps the worker's findings only
when its own checks are the worker's, and checks again otherwise (a plug-in it registered later)."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from ingest import manifest
from ingest.pipeline import Parsed, checks_signature, extract_file, parse_and_check, process
from ingest.pipeline import check as process_check
from ingest.runner import RunSettings, run
from tests.conftest import SAMPLES, clause_count_check

NOTICE_MD = SAMPLES / "sanmenxia_2020_targets.md"
TABLES_TXT = SAMPLES / "jiayuguan_2022q2_decomposition.txt"


class _Keep:
    """A sink that keeps every extraction it is given."""

    def __init__(self):
        self.got = []

    def open(self):
        pass

    def add(self, extraction):
        self.got.append(extraction)

    def close(self, completed=True):
        return []


def _findings(extractions):
    return [[(f.doc_id, f.source_path, f.code, f.message, f.page, f.line, f.unit, f.unit_raw) for f in ex.findings]
            for ex in extractions]


def _corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(NOTICE_MD, folder / "a.md")
    shutil.copy(TABLES_TXT, folder / "b.txt")
    with zipfile.ZipFile(folder / "c.zip", "w") as archive:
        archive.write(NOTICE_MD, "inner/notice.md")
    return folder


@pytest.fixture
def toy_check():
    with clause_count_check("toy_worker_count", "toy.worker_count") as kind:
        yield kind


def test_a_worker_result_is_the_extraction_its_findings_and_the_manifest_bytes():
    parsed = parse_and_check(NOTICE_MD)
    assert isinstance(parsed, Parsed) and not parsed.transient and parsed.sha256
    extraction, checked = parsed.open()
    assert checked and parsed.checked_with == checks_signature()
    expected = process(NOTICE_MD)
    assert extraction == expected and len(extraction.findings) > 0
    assert manifest.loads(parsed.blob) == extract_file(NOTICE_MD)  # what a re-run reuses: no findings


def test_findings_checked_in_workers_are_the_findings_checked_in_this_process(tmp_path):
    folder = _corpus(tmp_path)
    in_workers, here = _Keep(), _Keep()
    run([folder], RunSettings(jobs=1), [in_workers])
    run([folder], RunSettings(jobs=0), [here])
    assert [e.info.source_path for e in in_workers.got] == [e.info.source_path for e in here.got]
    assert any("c.zip!/inner/notice.md" in e.info.source_path for e in here.got)  # an archive member
    assert _findings(in_workers.got) == _findings(here.got)
    assert sum(len(e.findings) for e in here.got) > 10


def test_a_check_registered_after_the_workers_started_still_reports_on_what_they_parse(tmp_path, toy_check):
    folder = _corpus(tmp_path)
    sink = _Keep()
    run([folder], RunSettings(manifest=tmp_path / "out" / "manifest.sqlite", jobs=1), [sink])
    counts = {e.info.source_path: [f.message for f in e.findings if f.code == "toy_worker_count"] for e in sink.got}
    assert counts[str(folder / "a.md")] == ["共836条目标"]
    assert all(len(found) == 1 for found in counts.values())


def test_the_supervisor_checks_again_only_what_the_workers_could_not(tmp_path, monkeypatch):
    import ingest.runner

    folder = _corpus(tmp_path)
    checked_here = []
    monkeypatch.setattr(ingest.runner, "check", lambda ex: checked_here.append(ex.info.source_path) or process_check(ex))
    run([folder], RunSettings(jobs=1), [_Keep()])
    assert checked_here == [str(folder / "c.zip") + "!/inner/notice.md"]  # relocated from its temporary file


def test_the_manifest_holds_what_the_worker_pickled_and_a_rerun_reuses_it(tmp_path):
    folder = _corpus(tmp_path)
    out = tmp_path / "out" / "manifest.sqlite"
    first, second = _Keep(), _Keep()
    run([folder], RunSettings(manifest=out, jobs=1), [first])
    summary = run([folder], RunSettings(manifest=out, jobs=1), [second])
    assert summary.reused == 3
    assert _findings(first.got) == _findings(second.got)
    assert [(e.targets, e.indicators) for e in first.got] == [(e.targets, e.indicators) for e in second.got]


def test_workers_make_records_with_the_runs_ids_so_none_is_renamed(tmp_path, monkeypatch):
    import ingest.dataset.identity as identity

    folder = _corpus(tmp_path)
    renamed, rename = [], identity._renamed
    monkeypatch.setattr(identity, "_renamed", lambda ex, old, new: renamed.append(ex.info.source_path) or
                        rename(ex, old, new))
    in_workers, here = _Keep(), _Keep()
    run([folder], RunSettings(jobs=1), [in_workers])
    assert renamed == [str(folder / "c.zip") + "!/inner/notice.md"]  # relocated from its temporary file
    monkeypatch.setattr(identity, "_renamed", rename)
    run([folder], RunSettings(jobs=0), [here])
    assert [(e.info.doc_id, [t.target_id for t in e.targets]) for e in in_workers.got] == \
           [(e.info.doc_id, [t.target_id for t in e.targets]) for e in here.got]
