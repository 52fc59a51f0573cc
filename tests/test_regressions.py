"""Bugs found while reshaping the pipeline, each with the test that would have caught it."""
from __future__ import annotations

import os
import sys

import pytest

from ingest.cli import main
from ingest.writers.commit import read_table
from parsers.extract.units import unit_type_values
from schemas.parquet import TARGETS, UNIT_TYPES
from tests.conftest import ROOT, SAMPLES

README = (ROOT / "README.md").read_text("utf-8")


def test_reused_file_gets_its_own_doc_id_inside_indicator_id(tmp_path, capsys):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((SAMPLES / "jiayuguan_2022q2_decomposition.txt").read_bytes())
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    (corpus / "b.txt").write_bytes((corpus / "a.txt").read_bytes())  # same content: reused
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    assert "reused from manifest: 2" in capsys.readouterr().out
    ids = {d["source_path"]: d["doc_id"] for d in read_table(out, "documents").to_pylist()}
    rows = read_table(out, "indicators").to_pylist()
    measures = read_table(out, "measures").to_pylist()
    assert len({r["indicator_id"] for r in rows}) == len(rows) > 0
    for r in rows + measures:
        assert r["doc_id"] == ids[r["source_path"]]
        assert r["indicator_id"] is None or r["indicator_id"].startswith(r["doc_id"] + "-")


def test_html_report_says_duan_for_docx_like_the_text_report(tmp_path, capsys):
    notice = SAMPLES / "sanmenxia_2020_targets.docx"
    report = tmp_path / "report.html"
    assert main(["check", str(notice), "--format", "html", "--output", str(report)]) == 1
    page = report.read_text("utf-8")
    assert "第350段" in page and "第350行" not in page
    assert main(["check", str(notice)]) == 1
    assert "第350段" in capsys.readouterr().out


def test_html_report_says_hang_for_text(tmp_path):
    report = tmp_path / "report.html"
    assert main(["check", str(SAMPLES / "sanmenxia_2020_targets.md"), "--format", "html", "--output",
                 str(report)]) == 1
    assert "行</span>" in report.read_text("utf-8") and "段</span>" not in report.read_text("utf-8")


def test_every_unit_type_value_is_documented_including_jurisdiction():
    values = unit_type_values()
    assert "jurisdiction" in values
    assert set(values) == set(UNIT_TYPES)
    description = TARGETS.field("unit_type").metadata[b"description"].decode()
    paragraph = README.split("`unit_type` is one of", 1)[1].split("\n\n", 1)[0]
    for value in values:
        assert value in description, value
        assert f"`{value}`" in paragraph, value


def test_manifest_keeps_typed_records_and_refuses_anything_else(tmp_path):
    import datetime as dt
    import pickle
    import zlib

    from ingest.manifest import Manifest, loads
    from ingest.pipeline import process

    result = process(SAMPLES / "sanmenxia_2020_targets.docx")
    manifest = Manifest(tmp_path / "m.sqlite", "test")
    manifest.put(result)
    cached = manifest.get(result.info.sha256)
    manifest.close()
    assert isinstance(cached.info.issued_on, dt.date) and cached.info.issued_on == result.info.issued_on
    assert cached.targets == result.targets and cached.findings == []  # findings are never cached
    hostile = zlib.compress(pickle.dumps(print))  # any callable outside the record classes
    with pytest.raises(pickle.UnpicklingError, match="not a record class"):
        loads(hostile)


def test_worker_held_at_its_address_space_cap_is_out_of_memory(monkeypatch):
    """A parser whose allocations fail at the worker's cap spun in C code until the time limit, so the
    row said time where memory ran out: the supervisor now treats a worker held at its cap as over."""
    from types import SimpleNamespace

    from ingest import batch, platform

    clock = iter([100.0, 101.0, 102.5])
    monkeypatch.setattr(batch.time, "monotonic", lambda: next(clock))
    cap = 300 * batch.ADDRESS_SPACE_FACTOR
    monkeypatch.setattr(platform, "memory_bytes", lambda pid: (120 * 2**20, (cap - 1) * 2**20))
    slot = SimpleNamespace(process=SimpleNamespace(pid=1), at_cap_since=None)
    assert [batch._Slot.over_memory(slot, 300) for _ in range(3)] == [False, False, True]
    monkeypatch.setattr(platform, "memory_bytes", lambda pid: (120 * 2**20, (cap - 100) * 2**20))
    assert not batch._Slot.over_memory(slot, 300) and slot.at_cap_since is None  # below the cap: the clock resets


@pytest.mark.skipif(sys.platform != "linux", reason="the address-space cap exists on Linux only")
def test_a_worker_reserving_more_address_space_than_its_memory_limit_is_not_failed(tmp_path):
    """OCR documents failed in batches with "internal error: … Failed to allocate memory": onnxruntime reserves
    about twice the address space it keeps resident, and the worker's address-space cap stood at the resident
    limit itself. A reader whose address space reaches 1.4× the limit (reserved, untouched: nothing resident)
    now reads."""
    import mmap

    from ingest import platform
    from ingest.batch import Limits, parse_in_workers
    from ingest.pipeline import RunOptions
    from parsers import formats
    from schemas.blocks import Document, Paragraph, Provenance

    # Forked from this process, the worker starts with its address space: the limit is set above it.
    LIMIT_MB = max(1024, int(platform.memory_bytes(os.getpid())[1] / 2**20 / 1.2) + 256)

    def reserve(path, source, options):
        _, vms = platform.memory_bytes(os.getpid())
        held = mmap.mmap(-1, int(1.4 * LIMIT_MB * 2**20) - vms)  # never written
        held.close()
        return Document(source, "test-reserve", [Paragraph("1、建立工作机构，计10分", Provenance(source, None, 1))])

    formats.register(formats.Format(name="test-reserve", extensions=(".reserve",), label="test", priority=1,
                                    read=reserve, sniff=lambda probe: probe.extension == ".reserve"))
    try:
        path = tmp_path / "a.reserve"
        path.write_text("x", "utf-8")
        (_, result), = parse_in_workers([(0, path, "", None)], RunOptions(), jobs=1,
                                        limits=Limits(memory_mb=LIMIT_MB, start_method="fork"))
        extraction, _ = result.open()
        assert extraction.info.status == "ok", extraction.info.error
        assert [t.points for t in extraction.targets] == [10.0]
    finally:
        formats.unregister("test-reserve")


def test_clauses_no_unit_heads_are_never_a_unit_written_twice(tmp_path):
    """holdout10 1006: bonus rules in a 备注 paragraph (`…的,每项加5分;…的,每项加3分;…`) read as four alike
    clauses of no unit, and duplicate_unit reported them as a unit '' written four times (an error, no name)."""
    from ingest.pipeline import process_file

    text = "考核细则\n1、建立工作机构，计10分。\n2、制定工作计划，计10分。\n1、建立工作机构，计10分。\n2、制定工作计划，计10分。\n"
    path = tmp_path / "copy.txt"
    path.write_text(text, "utf-8")
    result = process_file(path)
    assert {t.unit for t in result.targets} == {""} and len(result.targets) == 4
    assert "duplicate_unit" not in [f.code for f in result.findings]


def test_bonus_rules_after_a_cue_are_not_items_named_by_their_rule(tmp_path):
    """holdout10 1006: `其中…的,每项加5分;…的,每项加3分;` was read as an inline list (cue 其中) of items named
    `每项加`, each worth its bonus: a worth after 加 is a bonus rule, not an item's worth."""
    from ingest.pipeline import process_file

    path = tmp_path / "bonus.txt"
    path.write_text("考核细则\n四类目标实行加分制,其中荣获国务院先进集体奖励的,每项加5分;获省委、省政府先进集体的,"
                    "每项加3分;获厅级先进集体奖励的,每项加1分。\n", "utf-8")
    targets = process_file(path).targets
    assert "每项加" not in [t.text for t in targets] and [t.points for t in targets].count(5.0) == 0
    assert all(t.points_rule == "bonus" for t in targets)
