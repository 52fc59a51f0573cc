"""Issue 12 leftovers: a file the dataset already holds is not parsed even without the manifest; the run
summary shows what the dataset gained; notices.duckdb opens from any working folder."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from ingest import runner
from ingest.cli import main, print_summary
from ingest.dataset.warehouse import VIEWS
from ingest.runner import MANIFEST_NAME, Summary
from ingest.writers.commit import read_table
from tests.conftest import SAMPLES
from tests.test_dataset import clause_counter  # noqa: F401 - a fixture: a check added for one test

NOTICE = SAMPLES / "sanmenxia_2020_targets.md"
TABLE = SAMPLES / "jiayuguan_2022q2_decomposition.txt"


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files handed to the engine to parse (the engine itself runs as always)."""
    names: list[str] = []
    extract = runner._extract

    def spy(tasks, settings):
        def watched():
            for task in tasks:
                if task is not None:
                    names.append(task[1].name)
                yield task
        return extract(watched(), settings)

    monkeypatch.setattr(runner, "_extract", spy)
    return names


def _run(folder, out, *extra) -> None:
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--json-summary", *extra]) == 0


def test_without_the_manifest_a_held_version_is_not_parsed_again(tmp_path, parsed, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for source in (NOTICE, TABLE):
        shutil.copy(source, folder)
    _run(folder, out)
    assert sorted(parsed) == sorted([NOTICE.name, TABLE.name])
    capsys.readouterr()
    (out / MANIFEST_NAME).unlink()
    parsed.clear()
    (folder / TABLE.name).write_text(TABLE.read_text("utf-8") + "\n", "utf-8")  # new content: a new document
    _run(folder, out)
    summary = json.loads(capsys.readouterr().out)
    assert parsed == [TABLE.name]  # the notice is current in the dataset: not parsed
    assert summary["unchanged"] == 1 and summary["reused"] == 0 and summary["added"]["documents"] == 1
    assert summary["targets"] == 836 and summary["indicators"] == 66  # the held one's counts from its row
    run = read_table(out, "runs").to_pylist()[-1]
    assert run["n_unchanged"] == 1 and run["n_documents"] == 1
    assert read_table(out, "documents").num_rows == 3 and read_table(out, "targets").num_rows == 836


def test_force_and_changed_checks_parse_a_held_version_again(tmp_path, parsed, request):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(NOTICE, folder)
    _run(folder, out)
    (out / MANIFEST_NAME).unlink()
    parsed.clear()
    _run(folder, out, "--force")
    assert parsed == [NOTICE.name]
    (out / MANIFEST_NAME).unlink()
    parsed.clear()
    request.getfixturevalue("clause_counter")  # another checks_version: the held version is not current
    _run(folder, out)
    assert parsed == [NOTICE.name]


def test_the_summary_shows_the_dataset_counts_and_names_the_documents_view(capsys):
    summary = Summary(files=7, failed=7, run_id="r", unchanged=3,
                      added={"documents": 7, "targets": 0, "indicators": 0, "measures": 0, "findings": 0},
                      failures=[(f"f{i}.pdf", "broken") for i in range(7)])
    print_summary(summary)
    text = capsys.readouterr().out
    assert "dataset rows: +7 documents, +0 targets" in text and "3 documents unchanged" in text
    assert "documents.parquet" not in text and "documents view" in text


def count_views(database, cwd, search_path=None) -> dict[str, int]:
    """Rows of every view, counted by a fresh ``duckdb`` process started in ``cwd``."""
    config = f", config={{'file_search_path': {str(search_path)!r}}}" if search_path else ""
    script = (f"import duckdb, json, sys; con = duckdb.connect(sys.argv[1], read_only=True{config}); "
              f"print(json.dumps({{v: con.execute(f'SELECT count(*) FROM {{v}}').fetchall()[0][0] for v in {list(VIEWS)!r}}}))")
    done = subprocess.run([sys.executable, "-c", script, str(database)], capture_output=True, text=True,
                          timeout=120, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_database_made_with_a_relative_out_opens_from_another_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["run", str(SAMPLES), "--out", "out", "--jobs", "1", "--quiet"]) == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    counts = count_views(tmp_path / "out" / "notices.duckdb", elsewhere)
    assert all(counts[v] > 0 for v in VIEWS), counts
    assert counts["documents"] == 6 and counts["primary_targets"] == 836
    # A folder that moves or ships: views relative to it, opened with file_search_path set to it.
    assert main(["compact", "out", "--relative-views"]) == 0
    moved = shutil.move(tmp_path / "out", elsewhere / "moved")
    assert count_views(elsewhere / "moved" / "notices.duckdb", "/", search_path=moved) == counts


def test_a_run_over_documents_the_dataset_already_holds_says_where_their_findings_are(tmp_path, capsys):
    # A fresh clone holds the committed output/ without its manifest: its documents are held, not read again, and
    # the summary read `findings: 0` though the dataset holds their findings.
    out = tmp_path / "out"
    notice = str(SAMPLES / "sanmenxia_2020_targets.md")
    assert main(["run", notice, "--out", str(out)]) == 0
    first = capsys.readouterr().out
    (out / MANIFEST_NAME).unlink()
    assert main(["run", notice, "--out", str(out)]) == 0
    again = capsys.readouterr().out
    assert "held keep theirs" not in first
    assert "findings: 0 (of the documents read now; the 1 held keep theirs in the dataset)" in again
    assert len(read_table(out, "findings")) > 0
