"""The output folder is a dataset that grows (issue 12): runs add part files and a runs row, nothing is
overwritten, a re-run adds nothing, a killed run leaves no part, and every reader counts the same."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from ingest import checks
from ingest.cli import main
from ingest.dataset import layout
from ingest.dataset.warehouse import connect
from ingest.writers.commit import KILL_AT_STEP_ENV, read_table, read_tables
from schemas.parquet import DATASET_TABLES, TABLES
from tests.conftest import ROOT, SAMPLES

NOTICE = SAMPLES / "sanmenxia_2020_targets.md"
TABLE = SAMPLES / "jiayuguan_2022q2_decomposition.txt"


def _folder(path, *files):
    path.mkdir(parents=True)
    for source in files:
        shutil.copy(source, path / source.name)
    return path


def _ingest(*args) -> int:
    return main(["run", *map(str, args), "--jobs", "1", "--quiet"])


def _history_counts(out) -> dict[str, int]:
    """Rows in every part of every table (all versions, every run)."""
    return {name: t.num_rows for name, t in read_tables(out, list(TABLES), history=True).items()}


def test_two_runs_on_different_folders_into_one_output_keep_both(tmp_path):
    a, b, out = _folder(tmp_path / "2019", NOTICE), _folder(tmp_path / "2020", TABLE), tmp_path / "out"
    assert _ingest(a, "--out", out) == 0
    first_parts = {p: p.read_bytes() for p in out.glob("*/part-*.parquet")}
    assert _ingest(b, "--out", out) == 0
    docs = read_table(out, "documents").to_pylist()
    assert sorted(d["relative_path"] for d in docs) == sorted([NOTICE.name, TABLE.name])
    assert read_table(out, "targets").num_rows == 836 and read_table(out, "indicators").num_rows == 66
    runs = read_table(out, "runs").to_pylist()
    assert len(runs) == 2 and [r["n_documents"] for r in runs] == [1, 1]
    assert runs[0]["inputs"] == [str(a)] and json.loads(runs[0]["options"])["ocr"] == "auto"
    assert all(p.read_bytes() == data for p, data in first_parts.items())  # nothing overwritten


def test_a_rerun_of_the_same_folder_adds_nothing_and_reuses(tmp_path, capsys):
    folder, out = _folder(tmp_path / "in", NOTICE, TABLE), tmp_path / "out"
    assert _ingest(folder, "--out", out) == 0
    before = _history_counts(out)
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1", "--json-summary"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["reused"] == 2 and summary["unchanged"] == 2
    assert _history_counts(out) == before
    runs = read_table(out, "runs").to_pylist()
    assert [r["n_documents"] for r in runs] == [2, 0] and runs[1]["n_reused"] == 2 and runs[1]["n_unchanged"] == 2


@pytest.mark.skipif(sys.platform == "win32", reason="the hook kills with SIGKILL")
def test_a_killed_run_leaves_the_dataset_readable_and_a_rerun_completes_it(tmp_path):
    a, b, out = _folder(tmp_path / "a", NOTICE), _folder(tmp_path / "b", TABLE), tmp_path / "out"
    assert _ingest(a, "--out", out) == 0
    before = _history_counts(out)
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{KILL_AT_STEP_ENV: "1"})  # every part staged, not committed
    killed = subprocess.run([sys.executable, "-m", "ingest", "run", str(b), "--out", str(out), "--jobs", "1",
                             "--quiet"], env=env, capture_output=True, timeout=300)
    assert killed.returncode == -9
    assert _history_counts(out) == before and len(read_table(out, "runs")) == 1  # no part of it visible
    assert connect(out).execute("SELECT count(*) FROM documents").fetchall() == [(1,)]
    assert _ingest(b, "--out", out) == 0
    assert read_table(out, "indicators").num_rows == 66 and read_table(out, "documents").num_rows == 2
    assert not list(out.glob(".staging-*"))


def test_duckdb_pandas_and_polars_read_the_folder_with_the_same_counts(tmp_path):
    import duckdb
    import pandas as pd
    import polars as pl

    a, b, out = _folder(tmp_path / "a", NOTICE, TABLE), _folder(tmp_path / "b", TABLE), tmp_path / "out"
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.docx", b)
    assert _ingest(a, "--out", out) == 0 and _ingest(b, "--out", out) == 0
    for name in DATASET_TABLES:
        glob = f"{(out / name).as_posix()}/part-*.parquet"
        by_duckdb = duckdb.execute(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall()[0][0]
        by_pandas = len(pd.read_parquet(out / name))
        by_polars = pl.read_parquet(glob).height
        assert by_duckdb == by_pandas == by_polars == read_tables(out, [name], history=True)[name].num_rows, name
    # each notice once: the documents joined to current.parquet, primary copies only
    current = pd.read_parquet(out / "current.parquet")
    docs = pd.read_parquet(out / "documents").merge(current[current.is_primary], on=["doc_id", "run_id"])
    assert len(docs) == 2 and set(docs.format) == {"docx", "txt"}  # b's TABLE is a's (same name and content)
    primary = pl.read_parquet(out / "current.parquet").filter(pl.col("is_primary"))
    targets = pl.read_parquet(f"{(out / 'targets').as_posix()}/*.parquet").join(primary, on=["doc_id", "run_id"])
    assert targets.height == 836
    assert pd.read_parquet(out / "targets").page.dtype.name == "Int32"  # nulls stay integers


def test_one_notice_as_docx_pdf_md_and_a_copy_has_one_notice_key_and_one_primary(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for ext in ("docx", "pdf", "md"):
        shutil.copy(SAMPLES / f"sanmenxia_2020_targets.{ext}", folder / f"notice.{ext}")
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.docx", folder / "copy of notice.docx")
    assert _ingest(folder, "--out", out) == 0
    con = connect(out)
    assert con.execute("SELECT count(DISTINCT notice_key), count(*) FROM documents").fetchall() == [(1, 4)]
    ((key, fmt, path),) = con.execute("SELECT notice_key, format, relative_path FROM documents WHERE is_primary").fetchall()
    assert key == "三门峡市人民政府|三政〔2020〕9号" and fmt == "docx" and path == "copy of notice.docx"
    points = con.execute("SELECT sum(points) FROM primary_targets WHERE unit = '义马市'").fetchall()[0][0]
    assert points == 700  # once, not once per copy
    attachment = _folder(tmp_path / "t", SAMPLES / "jiayuguan_2022q2_decomposition.docx", TABLE)
    assert _ingest(attachment, "--out", out) == 0  # no 发文字号: the records' fingerprint is the key
    keys = con.execute("SELECT notice_key, count(*), sum(is_primary::INT) FROM documents "
                       "WHERE notice_key LIKE 'fp:%' GROUP BY ALL").fetchall()
    assert len(keys) == 1 and keys[0][1:] == (2, 1)


def _ids(out) -> dict[str, list]:
    tables = read_tables(out, ["documents", "targets", "indicators", "measures"])
    return {"doc_id": sorted(tables["documents"].column("doc_id").to_pylist()),
            "target_id": sorted(tables["targets"].column("target_id").to_pylist()),
            "indicator_id": sorted(tables["indicators"].column("indicator_id").to_pylist()),
            "measures": sorted(map(str, zip(*(tables["measures"].column(c).to_pylist()
                                              for c in ("doc_id", "target_id", "indicator_id")))))}


def test_ids_are_the_same_across_reuse_and_path_spellings(tmp_path, monkeypatch):
    folder = _folder(tmp_path / "archive", NOTICE)
    shutil.copy(TABLE, folder / "a.txt")
    shutil.copy(TABLE, folder / "b.txt")  # renamed copies: b is reused from a's parse
    monkeypatch.chdir(tmp_path)
    assert _ingest("archive", "--out", "one") == 0
    assert _ingest(tmp_path / "archive", "--out", tmp_path / "two") == 0
    assert _ingest(tmp_path / "archive" / ".." / "archive", "--out", "one") == 0  # all reused, nothing added
    one, two = _ids(tmp_path / "one"), _ids(tmp_path / "two")
    assert one == two and len(one["doc_id"]) == 3
    assert len(set(one["indicator_id"])) == len(one["indicator_id"]) == 132
    assert len(read_table(tmp_path / "one", "runs")) == 2 and _history_counts(tmp_path / "one")["indicators"] == 132
    given = _folder(tmp_path / "elsewhere" / "archive", NOTICE)  # a file named on its own: its name is its path
    assert _ingest(given / NOTICE.name, "--out", "three") == 0
    (alone,) = _ids(tmp_path / "three")["doc_id"]
    assert alone in one["doc_id"]


def test_a_changed_check_writes_a_new_version_and_the_views_show_it(tmp_path, request):
    folder, out = _folder(tmp_path / "in", NOTICE), tmp_path / "out"
    assert _ingest(folder, "--out", out) == 0
    request.getfixturevalue("clause_counter")
    assert _ingest(folder, "--out", out) == 0
    assert _history_counts(out)["documents"] == 2  # the old version is kept
    con = connect(out)
    assert con.execute("SELECT count(*) FROM documents").fetchall() == [(1,)]
    assert con.execute("SELECT message FROM findings WHERE code = 'toy_clause_count'").fetchall() == [("共836条目标",)]
    checks.unregister("toy.dataset_counter")  # the checks as they were: the first version is current again
    assert _ingest(folder, "--out", out) == 0
    assert _history_counts(out)["documents"] == 2
    assert connect(out).execute("SELECT count(*) FROM findings WHERE code = 'toy_clause_count'").fetchall() == [(0,)]


@pytest.fixture
def clause_counter():
    from schemas.findings import INFO, FindingKind

    @checks.check(FindingKind("toy_clause_count", INFO, "条款数", "共{actual}条目标"), name="toy.dataset_counter")
    def count(ex):
        yield checks.finding(ex, "toy_clause_count", actual=len(ex.targets))

    yield
    checks.unregister("toy.dataset_counter")


def test_compact_rewrites_one_file_per_table_and_keeps_every_row(tmp_path):
    a, b, out = _folder(tmp_path / "a", NOTICE), _folder(tmp_path / "b", TABLE), tmp_path / "out"
    assert _ingest(a, "--out", out) == 0 and _ingest(b, "--out", out) == 0
    before = {n: sorted(map(str, t.to_pylist())) for n, t in read_tables(out).items()}
    assert main(["compact", str(out)]) == 0
    for name in DATASET_TABLES:
        assert len(layout.parts(out, name)) == 1, name
    assert {n: sorted(map(str, t.to_pylist())) for n, t in read_tables(out).items()} == before
    assert connect(out).execute("SELECT count(*) FROM primary_targets").fetchall() == [(836,)]
    assert _ingest(a, "--out", out) == 0 and _history_counts(out)["targets"] == 836  # still nothing added


def test_parts_carry_schema_2_with_renamed_and_new_columns(tmp_path):
    out = tmp_path / "out"
    assert _ingest(_folder(tmp_path / "in", NOTICE), "--out", out) == 0
    measures = pq.read_schema(layout.parts(out, "measures")[0])
    assert "source_column" in measures.names and "column" not in measures.names
    assert measures.metadata[b"schema_version"] == b"2.1"
    findings = read_table(out, "findings").to_pylist()
    assert findings and all("unit_raw" in f for f in findings)


def test_root_names_the_folder_ids_are_relative_to(tmp_path):
    archive = tmp_path / "archive"
    _folder(archive / "2019", NOTICE)
    _folder(archive / "2020", NOTICE)  # the same content in two years' folders: two documents under --root
    out = tmp_path / "out"
    assert _ingest(archive / "2019", archive / "2020", "--root", archive, "--out", out) == 0
    docs = read_table(out, "documents").to_pylist()
    assert sorted(d["relative_path"] for d in docs) == [f"2019/{NOTICE.name}", f"2020/{NOTICE.name}"]
    assert len({d["doc_id"] for d in docs}) == 2 and len({d["notice_key"] for d in docs}) == 1
    assert read_table(out, "runs").column("root").to_pylist() == [str(archive)]
