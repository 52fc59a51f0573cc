"""Faults of the run around the parsers (issue 10): names that are not UTF-8, two runs on one folder,
environment errors, Ctrl-C, a closed pipe, hostile characters on the terminal and in SARIF."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from ingest.cli import main
from ingest.lock import LOCK_NAME, OutputLock
from ingest.writers.commit import read_table
from tests.conftest import ROOT, SAMPLES

GBK_NAME = "目标责任书".encode("gbk") + b".md"  # not valid UTF-8: arrives as surrogate escapes under Linux
NOTICE = (SAMPLES / "sanmenxia_2020_targets.md").read_bytes()
ENV = dict(os.environ, PYTHONPATH=str(ROOT))

posix_names = pytest.mark.skipif(sys.platform == "win32", reason="names are UTF-16 on Windows: always valid")


def _ingest(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ingest", *args], env=ENV, capture_output=True, text=True,
                          timeout=300, **kw)


def _small_corpus(folder, n=2):
    folder.mkdir()
    for i in range(n):
        (folder / f"n{i}.md").write_bytes(NOTICE + f"\n<!-- {i} -->\n".encode())
    return folder


@posix_names
def test_gbk_file_name_is_ingested_shown_with_replacement_and_stored_as_bytes(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    path = os.path.join(os.fsencode(folder), GBK_NAME)
    with open(path, "wb") as fh:
        fh.write(NOTICE)
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    (doc,) = read_table(out, "documents").to_pylist()
    assert doc["status"] == "ok" and doc["n_targets"] == 836
    assert doc["source_path"].endswith("\ufffd" * 3 + ".md") or "\ufffd" in doc["source_path"]
    assert doc["source_path_bytes"] == path  # lossless: the exact bytes the OS gave
    targets = read_table(out, "targets").to_pylist()
    assert {t["doc_id"] for t in targets} == {doc["doc_id"]}
    # ingest check on the same name: a report, not a UnicodeEncodeError
    capsys.readouterr()
    assert main(["check", os.fsdecode(path), "--format", "sarif"]) in (0, 1)
    uri = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]
    assert uri.endswith("%C4%BF%B1%EA%D4%F0%C8%CE%CA%E9.md")  # the GBK bytes, percent-encoded


def test_sarif_uri_is_percent_encoded(tmp_path, capsys):
    path = tmp_path / "a b#100%.md"
    path.write_bytes(NOTICE)
    assert main(["check", str(path), "--format", "sarif"]) in (0, 1)
    log = json.loads(capsys.readouterr().out)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/a%20b%23100%25.md")


@posix_names
def test_escape_and_c1_characters_in_names_never_reach_the_terminal_raw(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil\x1b[2J\x9b31m\u202egpj.md").write_bytes(b"")  # empty: a failed row that names the file
    out = _ingest("run", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert out.returncode == 1
    for stream in (out.stdout, out.stderr):
        assert "\x1b" not in stream and "\x9b" not in stream and "\u202e" not in stream
    assert "evil\\x1b[2J\\x9b31m\\u202egpj.md" in out.stdout
    check = _ingest("check", str(folder / "evil\x1b[2J\x9b31m\u202egpj.md"))
    assert "\x1b" not in check.stdout + check.stderr and check.returncode == 2


def test_a_second_run_on_a_held_folder_is_refused_with_exit_3(tmp_path, capsys):
    corpus, out = _small_corpus(tmp_path / "in", 1), tmp_path / "out"
    out.mkdir()
    with OutputLock(out):
        assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "in use by another run" in err[0] and f"pid {os.getpid()}" in err[0] and "--wait" in err[0]
    assert not (out / "documents").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_two_runs_at_once_and_a_stale_lock_from_a_killed_run(tmp_path):
    corpus, out = _small_corpus(tmp_path / "in", 2), tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from ingest.lock import OutputLock; held = OutputLock(Path(sys.argv[1])).acquire(); "
                               "print('held', flush=True); time.sleep(600)", str(out)],
                              env=ENV, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert holder.stdout.readline().strip() == "held"
    refused = _ingest("run", str(corpus), "--out", str(out), "--jobs", "1")
    assert refused.returncode == 3 and f"pid {holder.pid}" in refused.stderr and "Traceback" not in refused.stderr
    waiter = subprocess.Popen([sys.executable, "-m", "ingest", "run", str(corpus), "--out", str(out), "--jobs", "1",
                               "--wait", "--quiet"], env=ENV, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while "waiting" not in (line := waiter.stderr.readline()) and time.monotonic() < deadline:
        pass
    assert "waiting for the run that holds" in line
    holder.kill()  # dies holding the lock: the lock must not outlive it
    holder.wait()
    assert waiter.wait(timeout=300) == 0
    owner = json.loads((out / LOCK_NAME).read_text().splitlines()[0])  # before a reader takes the lock
    assert owner["pid"] == waiter.pid
    assert read_table(out, "documents").num_rows == 2


def test_out_being_a_file_is_exit_3(tmp_path, capsys):
    target = tmp_path / "out"
    target.write_text("not a folder")
    assert main(["run", str(SAMPLES / "sanmenxia_2020_targets.md"), "--out", str(target)]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is a file" in err[0]


def test_read_only_output_folder_is_exit_3(tmp_path, capsys, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        if os.access(out, os.W_OK):  # root writes anywhere: make the file system say read-only instead
            import errno

            def read_only(*a, **k):
                raise OSError(errno.EROFS, "Read-only file system", str(out))
            monkeypatch.setattr("ingest.lock.os.open", read_only)
        assert main(["run", str(SAMPLES / "sanmenxia_2020_targets.md"), "--out", str(out)]) == 3
    finally:
        out.chmod(0o755)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and ("read-only" in err[0] or "permission" in err[0])


@pytest.mark.parametrize("kind", ["garbage", "old_layout"])
def test_corrupt_or_old_manifest_is_exit_3_with_the_command_to_rebuild(tmp_path, capsys, kind):
    out = tmp_path / "out"
    out.mkdir()
    manifest = out / "manifest.sqlite"
    if kind == "garbage":
        manifest.write_bytes(b"this is not a database" * 100)
    else:
        with sqlite3.connect(manifest) as db:
            db.execute("CREATE TABLE extractions (sha256 TEXT, parser_version TEXT, records_json TEXT)")
    assert main(["run", str(SAMPLES / "sanmenxia_2020_targets.md"), "--out", str(out)]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "corrupt or from an older version" in err[0] and "rm '" in err[0]
    manifest.unlink()
    assert main(["run", str(SAMPLES / "sanmenxia_2020_targets.md"), "--out", str(out), "--quiet"]) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a process group")
def test_ctrl_c_is_one_line_and_a_rerun_resumes(tmp_path):
    corpus, out = _small_corpus(tmp_path / "in", 12), tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "run", str(corpus), "--out", str(out), "--jobs", "1",
                             "--quiet"], env=ENV, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(out / "manifest.sqlite", timeout=1) as db:
                if db.execute("SELECT count(*) FROM extractions").fetchone()[0] >= 2:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    err = proc.communicate(timeout=120)[1]
    assert proc.returncode == 130
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert "interrupted:" in lines[0] and "of 12 documents done" in lines[0] and "re-run" in lines[0]
    assert not (out / "documents").exists() and not list(out.glob(".staging-*"))
    resumed = _ingest("run", str(corpus), "--out", str(out), "--jobs", "1", "--json-summary")
    assert resumed.returncode == 0 and json.loads(resumed.stdout)["reused"] >= 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE semantics")
def test_broken_pipe_ends_quietly(tmp_path):
    sample = SAMPLES / "sanmenxia_2020_targets.md"
    copies = []
    for i in range(20):  # a report far larger than a pipe's buffer, so the writer must meet the closed end
        copies.append(tmp_path / f"copy{i}.md")
        copies[-1].write_bytes(sample.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "check", *map(str, copies), "--format", "json"],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.readline()
    proc.stdout.close()  # `| head -1`
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert err == "" and proc.returncode == 141


def test_help_lists_the_exit_codes():
    help_text = _ingest("run", "--help").stdout
    assert "3 environment error" in help_text and "130 interrupted" in help_text
