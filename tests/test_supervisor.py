"""The supervisor's side of a run (issue 10): the hash names what was parsed, ids do not depend on
--jobs or reuse, limits apply before any work, and memory stays bounded."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from ingest import PARSER_VERSION, runner
from ingest.cli import main
from ingest.manifest import Manifest
from ingest.pipeline import extract_file
from ingest.runner import RunSettings, run
from ingest.writers.commit import read_table
from ingest.writers.parquet_writer import ParquetSink
from schemas.parquet import TABLES
from tests.conftest import ROOT, SAMPLES

NOTICE = (SAMPLES / "sanmenxia_2020_targets.md").read_bytes()
TABLE = (SAMPLES / "jiayuguan_2022q2_decomposition.txt").read_bytes()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _tables(out):
    return {name: read_table(out, name).drop_columns(["run_id"]).to_pylist() for name in TABLES}


def _manifest_hashes(out) -> set[str]:
    import sqlite3

    with sqlite3.connect(out / "manifest.sqlite") as db:
        return {r[0] for r in db.execute("SELECT sha256 FROM extractions")}


def test_file_swapped_after_hashing_is_stored_under_the_hash_of_what_was_parsed(tmp_path, monkeypatch):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    path = folder / "notice.txt"
    path.write_bytes(TABLE)
    real = runner.file_sha256

    def hash_then_swap(p):
        digest = real(p)
        p.write_bytes(NOTICE)  # replaced between the supervisor's look and the worker's read
        return digest

    monkeypatch.setattr(runner, "file_sha256", hash_then_swap)
    run([folder], RunSettings(manifest=out / "manifest.sqlite", jobs=0), [ParquetSink(out)])
    (doc,) = _tables(out)["documents"]
    assert doc["sha256"] == _sha(NOTICE) and doc["n_targets"] > 800 and doc["n_indicators"] == 0
    assert _manifest_hashes(out) == {_sha(NOTICE)}  # never the table's hash with the notice's rows


def test_file_changed_while_parsed_fails_with_a_reason_and_is_not_cached(tmp_path, monkeypatch):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    path = folder / "notice.md"
    path.write_bytes(NOTICE)
    from parsers import formats
    real_read = formats.read

    def read_then_change(p, source, options):
        doc = real_read(p, source, options)
        p.write_bytes(TABLE)  # an editor saved the file while it was being parsed
        return doc

    monkeypatch.setattr("ingest.pipeline.formats.read", read_then_change)
    run([folder], RunSettings(manifest=out / "manifest.sqlite", jobs=0), [ParquetSink(out)])
    (doc,) = _tables(out)["documents"]
    assert doc["status"] == "failed" and "changed while it was being read" in doc["error"]
    assert _manifest_hashes(out) == set()
    monkeypatch.undo()
    run([folder], RunSettings(manifest=out / "manifest.sqlite", jobs=0), [ParquetSink(out)])
    # the dataset keeps the failed row of the first content; the new content is a document of its own
    (doc,) = [d for d in _tables(out)["documents"] if d["sha256"] == _sha(TABLE)]
    assert doc["status"] == "ok"


def test_ids_are_unique_and_the_same_with_one_or_two_jobs_and_on_reuse(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (folder / name).write_bytes(NOTICE)  # duplicate content at three paths
    for name in ("x.txt", "y.txt"):
        (folder / name).write_bytes(TABLE)
    one, two = tmp_path / "one", tmp_path / "two"
    assert main(["run", str(folder), "--out", str(one), "--jobs", "1", "--quiet"]) == 0
    assert main(["run", str(folder), "--out", str(two), "--jobs", "2", "--quiet"]) == 0
    first = _tables(one)
    assert first == _tables(two)
    assert main(["run", str(folder), "--out", str(one), "--jobs", "2", "--quiet"]) == 0  # all reused
    assert _tables(one) == first
    for table, key in (("documents", "doc_id"), ("targets", "target_id"), ("indicators", "indicator_id")):
        ids = [row[key] for row in first[table]]
        assert len(ids) == len(set(ids)) and ids, table
    assert len(first["targets"]) == 3 * 836 and len({r["doc_id"] for r in first["indicators"]}) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="sparse files")
def test_a_huge_sparse_file_is_refused_before_it_is_hashed(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(20 * 1024 ** 3)  # 20 GB of nothing: hashing it took 29 s
    (folder / "ok.md").write_bytes(NOTICE)
    hashed = []
    real = runner.file_sha256
    monkeypatch.setattr(runner, "file_sha256", lambda p: hashed.append(p.name) or real(p))
    out = tmp_path / "out"
    summary = run([folder], RunSettings(manifest=out / "manifest.sqlite", jobs=1), [ParquetSink(out)])
    assert hashed == ["ok.md"] and summary.ok == 1
    huge = next(d for d in _tables(out)["documents"] if d["source_path"].endswith("huge.txt"))
    assert huge["status"] == "failed" and "larger than the limit" in huge["error"] and huge["sha256"] == ""


def test_an_oversized_extraction_fails_in_the_worker_with_a_reason(tmp_path, monkeypatch):
    from parsers.readers import limits
    monkeypatch.setattr("ingest.pipeline.LIMITS", limits.ReaderLimits(max_records=500))
    path = tmp_path / "n.md"
    path.write_bytes(NOTICE)
    ex = extract_file(path)
    assert ex.info.status == "failed" and "extraction too large" in ex.info.error and not ex.targets



def test_records_holding_more_text_than_the_limit_fail_in_the_worker(tmp_path, monkeypatch):
    """The text limit is on the records too, not only on the document: each clause repeats its unit's name and
    section, so the sample notice's 36 thousand characters become 163 thousand in its records."""
    from parsers.readers import limits
    monkeypatch.setattr("ingest.pipeline.LIMITS", limits.ReaderLimits(max_record_chars=100_000))
    path = tmp_path / "n.md"
    path.write_bytes(NOTICE)
    ex = extract_file(path)
    assert ex.info.status == "failed" and "characters of text in its records" in ex.info.error and not ex.targets

def _cached_corpus(folder, out, n: int) -> None:
    """n distinct files whose extractions the manifest already holds (one parse, n entries)."""
    folder.mkdir()
    template = extract_file(_write(folder / "template.txt", TABLE))
    (folder / "template.txt").unlink()
    manifest = Manifest(out / "manifest.sqlite", PARSER_VERSION)
    for i in range(n):
        data = TABLE + f"\n{i}\n".encode()
        _write(folder / f"d{i:05d}.txt", data)
        template.info.sha256 = _sha(data)
        manifest.put(template)
    manifest.close()


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def _pathological(folder) -> None:
    """The two files that drove the supervisor to gigabytes: a 3 MB text of tiny clauses at a long
    path, and a small .docx whose numbering label repeats its number thousands of times."""
    deep = folder.joinpath(*["长路径目录" * 4] * 12)
    deep.mkdir(parents=True)
    lines = ["各县（市、区）责任目标", "一、义马市"] + [f"{i}.城镇新增就业{i}人（1分）；" for i in range(1, 200_000)]
    text = "\n".join(lines).encode()
    _write(deep / "tiny_clauses.txt", text[:text.rfind(b"\n", 0, 3_000_000)])
    from tests.builders import add_numbering, new_docx, numbered
    document = new_docx()
    document.add_paragraph("各县（市、区）责任目标")
    document.add_paragraph("一、义马市")
    num = add_numbering(document, "decimal", "%1" * 3000 + ".", start=1_000_000_000)
    for _ in range(3000):
        numbered(document, "城镇新增就业2400人（1分）；", num)
    document.save(folder / "numbering.docx")
    assert (folder / "numbering.docx").stat().st_size < 100_000


@pytest.mark.skipif(sys.platform != "linux", reason="peak resident size read from /proc")
def test_supervisor_memory_stays_bounded_with_4000_cached_documents_and_pathological_files(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    _cached_corpus(folder, out, 4000)
    _pathological(folder)
    done = subprocess.run([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(out), "--jobs", "2",
                           "--json-summary"], env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=900)
    summary = json.loads(done.stdout)
    print(f"supervisor peak: {summary['supervisor_peak_mb']} MB")
    assert summary["reused"] == 4000 and summary["files"] == 4002
    failures = dict(summary["failures"])
    assert len(failures) == 2 and all("too large" in e for e in failures.values()), failures
    assert summary["supervisor_peak_mb"] < 300
