"""A run's part files are committed as one set (issues 10, 12): a run killed at any step of the commit, or
stopped by a full disk, leaves the dataset as it was or with the whole run added, never a part of it."""
from __future__ import annotations

import errno
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from ingest.cli import main
from ingest.writers import commit
from ingest.writers.commit import JOURNAL, KILL_AT_STEP_ENV, read_tables
from tests.conftest import ROOT, SAMPLES

OLD = (SAMPLES / "sanmenxia_2020_targets.md").read_bytes()
NEW = (SAMPLES / "jiayuguan_2022q2_decomposition.txt").read_bytes()
# staged, journal written, journal in place, one move per file (the second run's parts of documents,
# indicators, measures and runs, and current.parquet: its document has no targets nor findings), journal
# removed, staging removed
STEPS = 3 + 5 + 2


def _one_set(out) -> tuple[str, int]:
    """The last run the dataset holds, after checking that every row belongs to a run it lists, and the
    indicator rows of its documents (counted from the indicators table: a part missing would show)."""
    tables = read_tables(out)
    runs = tables["runs"].column("run_id").to_pylist()
    for name, table in tables.items():
        assert set(table.column("run_id").to_pylist()) <= set(runs), name
    docs = tables["documents"].to_pylist()
    assert sum(d["n_indicators"] for d in docs) == tables["indicators"].num_rows
    return max(runs), tables["indicators"].num_rows


def _first_run(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "notice.md").write_bytes(OLD)
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    old_id, old_indicators = _one_set(out)
    assert old_indicators == 0
    (folder / "notice.md").write_bytes(NEW)  # the next run's set differs in every table
    return folder, out, old_id


@pytest.mark.skipif(sys.platform == "win32", reason="the hook kills with SIGKILL")
@pytest.mark.parametrize("step", range(1, STEPS + 1))
def test_a_kill_at_each_commit_step_leaves_one_consistent_set(tmp_path, step):
    folder, out, old_id = _first_run(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{KILL_AT_STEP_ENV: str(step)})
    killed = subprocess.run([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(out), "--jobs", "1",
                             "--quiet"], env=env, capture_output=True, timeout=300)
    assert killed.returncode == -9, killed.stderr  # it died where it was told to
    run_id, indicators = _one_set(out)  # the reader finishes a half-done commit first
    if step <= 2:  # before the journal is in place: the old set, whole
        assert run_id == old_id and indicators == 0
    else:  # after the commit point: the new set, whole
        assert run_id != old_id and indicators > 0
    assert not (out / JOURNAL).exists() and not list(out.glob(".staging-*"))
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert _one_set(out)[1] > 0


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["rows", "commit"])
def test_disk_full_is_one_line_exit_3_and_the_old_tables_stay(tmp_path, capsys, monkeypatch, where):
    folder, out, old_id = _first_run(tmp_path)
    before = {p: p.read_bytes() for p in out.rglob("*.parquet")}
    capsys.readouterr()
    if where == "rows":
        monkeypatch.setattr(pq.ParquetWriter, "write_table", _disk_full)
    else:
        monkeypatch.setattr(commit, "_fsync_file", _disk_full)
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--quiet"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ingest: disk full") and "untouched" in err[0]
    assert {p: p.read_bytes() for p in out.rglob("*.parquet")} == before
    assert not list(out.glob(".staging-*")) and _one_set(out)[0] == old_id


def test_a_second_run_adds_parts_and_leaves_the_first_runs_files_untouched(tmp_path):
    folder, out, old_id = _first_run(tmp_path)
    before = {p: p.read_bytes() for p in out.glob("*/part-*.parquet")}
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    after = {p: p.read_bytes() for p in out.glob("*/part-*.parquet")}
    assert {p: after[p] for p in before} == before and len(after) > len(before)
    docs = read_tables(out, ["documents"])["documents"].to_pylist()
    assert sorted(d["n_indicators"] for d in docs) == [0, 66]  # the old content and the new, both kept


def test_a_journal_naming_files_outside_the_folder_is_refused(tmp_path, capsys):
    folder, out, _ = _first_run(tmp_path)
    (out / JOURNAL).write_text('{"run_id": "x", "staging": ".staging-x", "files": [[".staging-x/a", "../escape"]]}')
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--quiet"]) == 3
    assert "outside its folder" in capsys.readouterr().err
    assert not (tmp_path / "escape").exists()
