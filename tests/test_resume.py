"""A run killed with SIGKILL and started again gives the same tables as an uninterrupted run, and a
re-run takes unchanged files from the manifest."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from ingest.cli import main
from ingest.writers.commit import read_table
from schemas.parquet import TABLES
from tests.conftest import ROOT, SAMPLES

N_COPIES = 8


def _corpus(folder):
    """Distinct files (each its own content hash) built from the samples."""
    folder.mkdir()
    pdf = (SAMPLES / "sanmenxia_2020_targets.pdf").read_bytes()
    text = (SAMPLES / "sanmenxia_2020_targets.md").read_text("utf-8")
    for i in range(N_COPIES):
        (folder / f"notice_{i:02d}.pdf").write_bytes(pdf + f"\n% copy {i}\n".encode())
        (folder / f"notice_{i:02d}.md").write_text(text + f"\n<!-- copy {i} -->\n", encoding="utf-8")
    return folder


def _tables(out):
    """Every table's rows, without the run id (which differs from run to run by design)."""
    return {name: read_table(out, name).drop_columns(["run_id"]).to_pylist() for name in TABLES}


def _manifest_rows(out) -> int:
    try:
        with sqlite3.connect(out / "manifest.sqlite", timeout=1) as db:
            return db.execute("SELECT count(*) FROM extractions").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_and_resume_gives_the_same_tables(tmp_path):
    corpus = _corpus(tmp_path / "in")
    expected_out, out = tmp_path / "expected", tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(expected_out), "--jobs", "1", "--quiet"]) == 0

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "run", str(corpus), "--out", str(out), "--jobs", "1",
                             "--quiet"], env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while _manifest_rows(out) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers, at once
    proc.wait()
    done_before = _manifest_rows(out)
    assert 3 <= done_before < 2 * N_COPIES
    assert not (out / "targets").exists()  # nothing half-written under a final name

    assert main(["run", str(corpus), "--out", str(out), "--jobs", "2", "--json-summary"]) == 0
    assert _tables(out) == _tables(expected_out)
    assert not list(out.glob(".*.tmp"))


def test_rerun_reuses_the_manifest_and_force_reparses(tmp_path, capsys):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.md").write_bytes((SAMPLES / "sanmenxia_2020_targets.md").read_bytes())
    (corpus / "b.txt").write_bytes((SAMPLES / "jiayuguan_2022q2_decomposition.txt").read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    first = _tables(out)
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    assert "reused from manifest: 2" in capsys.readouterr().out
    assert _tables(out) == first
    # the same content at a new path is a new documents row, with its own id and path
    (corpus / "c.md").write_bytes((corpus / "a.md").read_bytes())
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    assert "reused from manifest: 3" in capsys.readouterr().out
    docs = _tables(out)["documents"]
    assert len(docs) == 3 and len({d["doc_id"] for d in docs}) == 3
    targets = _tables(out)["targets"]
    assert sum(1 for t in targets if t["source_path"].endswith("c.md")) == 836
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1", "--force"]) == 0
    assert "reused from manifest: 0" in capsys.readouterr().out
    assert _tables(out)["targets"] == targets
