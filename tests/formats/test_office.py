""".doc, .wps, .rtf and .odt through LibreOffice: the same targets and indicator rows as the
.docx they were made from; a missing or hanging LibreOffice is a clear failed row."""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from ingest.pipeline import process_file
from ingest.writers.commit import read_table
from parsers import formats
from tests.conftest import ROOT
from tests.formats.conftest import NOTICE, TABLES

WORD_FILES = ["notice.doc", "tables.wps", "notice.odt", "tables.rtf"]


def _target_key(t):
    return (t.unit, t.section, t.section_points, t.seq, t.points, re.sub(r"\s", "", t.text))


def _row_key(r):
    return (r.table_index, r.row_no, r.category, r.indicator, r.weight, r.status, r.target, r.units, r.leaders)


@lru_cache(maxsize=None)
def _docx(path: Path):
    return process_file(path)


def _same_as_docx(result, name: str) -> None:
    assert result.info.status == "ok", result.info.error
    if name.startswith("notice"):
        scored = [_target_key(t) for t in result.targets if t.points is not None]
        assert len(scored) == 816
        assert scored == [_target_key(t) for t in _docx(NOTICE).targets if t.points is not None]
        assert result.info.doc_number == _docx(NOTICE).info.doc_number
    else:
        rows = result.indicators
        assert [sum(1 for r in rows if r.table_index == i) for i in (1, 2)] == [31, 35]
        assert [_row_key(r) for r in rows] == [_row_key(r) for r in _docx(TABLES).indicators]


def run_cli(folder: Path, out: Path, env: dict[str, str], jobs: int = 2) -> tuple[int, dict[str, dict]]:
    """``ingest run`` as a user starts it: a new process, so the workers see this environment
    (an in-process run reuses a fork server started with an older one)."""
    proc = subprocess.run([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(out), "--jobs", str(jobs),
                           "--quiet"], cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=600)
    docs = {Path(r["source_path"]).name: r for r in read_table(out, "documents").to_pylist()}
    return proc.returncode, docs


@pytest.fixture(scope="module")
def converted_batch(made, tmp_path_factory):
    """One batch run with two workers over the word files: conversions run side by side, each
    worker with its own LibreOffice profile, into a fresh cache."""
    base = tmp_path_factory.mktemp("office")
    cache = base / "cache"
    folder = base / "in"
    folder.mkdir()
    for name in WORD_FILES:
        shutil.copy(made[name], folder / name)
    code, docs = run_cli(folder, base / "out", {"NOTICE_INGEST_CACHE_DIR": str(cache)})
    return code, docs, folder, cache


@pytest.fixture
def cache_of(converted_batch, monkeypatch):
    monkeypatch.setenv("NOTICE_INGEST_CACHE_DIR", str(converted_batch[3]))


def test_concurrent_conversions_all_succeed(converted_batch):
    code, docs, _, cache = converted_batch
    assert code == 0
    assert {n: (d["status"], d["format"]) for n, d in docs.items()} == {
        "notice.doc": ("ok", "doc"), "tables.wps": ("ok", "wps"), "notice.odt": ("ok", "odt"),
        "tables.rtf": ("ok", "rtf")}
    assert len(list((cache / "converted").glob("*.docx"))) == 4
    assert len(list((cache / "lo-profiles").iterdir())) == 2  # one profile per worker


@pytest.mark.parametrize("name", WORD_FILES)
def test_word_formats_give_the_docx_records(converted_batch, cache_of, name):
    _, _, folder, _ = converted_batch
    _same_as_docx(process_file(folder / name), name)  # read from the cache the batch filled


def test_recognised_by_content(made, converted_batch, cache_of, tmp_path):
    renamed = tmp_path / "notice.bin"
    shutil.copy(made["notice.doc"], renamed)
    assert formats.detect(renamed).name == "doc"
    odt = tmp_path / "notice.zip"
    shutil.copy(made["notice.odt"], odt)
    assert formats.detect(odt).name == "odt"
    rtf = tmp_path / "tables.txt"
    shutil.copy(made["tables.rtf"], rtf)
    assert formats.detect(rtf).name == "rtf"
    workbook = tmp_path / "tables.doc"  # an .xls named .doc is read as the workbook it is
    shutil.copy(made["tables.xls"], workbook)
    _same_as_docx(process_file(workbook), "tables")


def test_cache_is_by_content(converted_batch, cache_of, tmp_path, monkeypatch):
    _, _, folder, _ = converted_batch
    monkeypatch.setenv("NOTICE_INGEST_SOFFICE", str(tmp_path / "no-such-soffice"))
    copy = tmp_path / "renamed copy.doc"
    shutil.copy(folder / "notice.doc", copy)
    _same_as_docx(process_file(copy), "notice")  # converted once already: LibreOffice not needed


def test_missing_libreoffice_says_how_to_install(made, tmp_path, monkeypatch):
    monkeypatch.setenv("NOTICE_INGEST_SOFFICE", str(tmp_path / "no-such-soffice"))
    monkeypatch.setenv("NOTICE_INGEST_CACHE_DIR", str(tmp_path / "cache"))
    result = process_file(made["notice.doc"])
    assert result.info.status == "failed"
    assert "install LibreOffice to read Word 97-2003 .doc files" in result.info.error
    assert "apt-get install libreoffice-writer-nogui" in result.info.error and "Windows" in result.info.error


def _hanging_soffice(tmp_path: Path) -> tuple[Path, Path]:
    """A fake soffice that starts a child and never finishes; the child's pid is written down."""
    pid_file = tmp_path / "child.pid"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 600 &\necho $! > '{pid_file}'\nwait\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, pid_file


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    status = Path(f"/proc/{pid}/status")  # a zombie waiting for a reaper is gone too
    return status.exists() and "\nState:\tZ" in status.read_text()


@pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")
def test_hanging_libreoffice_is_killed_and_the_batch_goes_on(made, tmp_path):
    script, pid_file = _hanging_soffice(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(made["notice.doc"], folder / "hangs.doc")
    shutil.copy(made["tables.xlsx"], folder / "tables.xlsx")
    code, docs = run_cli(folder, tmp_path / "out", {
        "NOTICE_INGEST_SOFFICE": str(script), "NOTICE_INGEST_CONVERT_TIMEOUT": "2",
        "NOTICE_INGEST_CACHE_DIR": str(tmp_path / "cache")})
    assert code == 1
    assert docs["tables.xlsx"]["status"] == "ok" and docs["tables.xlsx"]["n_indicators"] == 66
    assert docs["hangs.doc"]["status"] == "failed"
    assert "Word 97-2003 .doc" in docs["hangs.doc"]["error"] and "within 2 s" in docs["hangs.doc"]["error"]
    assert _gone(int(pid_file.read_text()))  # the whole process group was killed
