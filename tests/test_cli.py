"""The command line on a folder: exit codes, the summary, the tables and their contract."""
from __future__ import annotations

import shutil

import pytest

from ingest.cli import main
from ingest.writers.commit import read_table
from schemas.parquet import SCHEMA_VERSION, TABLES
from tests.conftest import SAMPLES


def test_run_on_samples_writes_every_table(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", str(SAMPLES), "--out", str(out), "--jobs", "2"]) == 0
    printed = capsys.readouterr().out
    assert "files: 6  ok: 6  failed: 0" in printed
    for name, schema in TABLES.items():
        table = read_table(out, name)
        assert table.schema.names == schema.names
        assert table.schema.metadata[b"schema_version"] == SCHEMA_VERSION.encode()
        for field in table.schema:
            assert field.metadata and field.metadata[b"description"].decode(), f"{name}.{field.name}"
    docs = read_table(out, "documents").to_pylist()
    assert sorted(d["n_targets"] for d in docs) == [0, 0, 0, 836, 836, 836]
    targets = read_table(out, "targets")
    assert targets.num_rows == 3 * 836
    assert not list(out.glob(".*tmp"))  # atomic writes leave no temporary files


def test_broken_file_is_a_failed_row_and_the_rest_is_ingested(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.docx", folder / "good.docx")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.pptx").write_bytes(b"unsupported")
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1"]) == 1
    printed = capsys.readouterr().out
    assert "failed: 2" in printed and "skipped: 1" in printed and "notes.pptx (unsupported format)" in printed
    docs = {d["source_path"].rsplit("/", 1)[-1]: d for d in read_table(out, "documents").to_pylist()}
    assert set(docs) == {"good.docx", "broken.docx", "empty.pdf", "notes.pptx"}
    assert docs["notes.pptx"]["status"] == "skipped" and docs["notes.pptx"]["error"] == "unsupported format"
    assert docs["good.docx"]["status"] == "ok" and docs["good.docx"]["n_targets"] == 836
    assert docs["broken.docx"]["status"] == "failed" and "not a valid .docx" in docs["broken.docx"]["error"]
    assert docs["empty.pdf"]["error"] == "empty file (0 bytes)"


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "missing")]) == 2
    assert main(["frobnicate"]) == 2


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        from ingest.cli import build_parser
        build_parser().parse_args(["run", "--help"])
    assert "example:" in capsys.readouterr().out


def test_named_pipe_and_unsupported_file_given_by_name_are_skipped(tmp_path, capsys):
    import os
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sheet = tmp_path / "slides.pptx"
    sheet.write_bytes(b"x")
    out = tmp_path / "out"
    assert main(["run", str(fifo), str(sheet), str(SAMPLES / "sanmenxia_2020_targets.md"), "--out", str(out),
                 "--jobs", "1"]) == 0
    printed = capsys.readouterr().out
    assert "pipe.txt (not a regular file)" in printed and "slides.pptx (unsupported format)" in printed
    statuses = sorted(d["status"] for d in read_table(out, "documents").to_pylist())
    assert statuses == ["ok", "skipped", "skipped"]
