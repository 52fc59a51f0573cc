"""Zip archives walked like folders, and every file passed over still a documents row."""
from __future__ import annotations

import io
import shutil
import zipfile

from ingest.cli import main
from ingest.writers.commit import read_table
from tests.conftest import SAMPLES


def _docs(out):
    return {d["source_path"]: d for d in read_table(out, "documents").to_pylist()}


def test_zip_members_are_documents_named_inside_the_archive(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.write(SAMPLES / "jiayuguan_2022q2_decomposition.txt", "附件/分解表.txt")
    archive = tmp_path / "in" / "通知.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(SAMPLES / "sanmenxia_2020_targets.docx", "正文/notice.docx")
        zf.writestr("nested.zip", inner.getvalue())
        zf.writestr("../evil.txt", "1.甲（1分）")
        zf.writestr("~$notice.docx", b"lock")
    out = tmp_path / "out"
    assert main(["run", str(archive.parent), "--out", str(out), "--jobs", "1", "--quiet"]) == 1
    docs = _docs(out)
    assert docs[f"{archive}!/正文/notice.docx"]["n_targets"] == 836
    assert docs[f"{archive}!/nested.zip!/附件/分解表.txt"]["n_indicators"] == 66
    assert docs[f"{archive}!/../evil.txt"]["status"] == "failed" and "zip slip" in docs[f"{archive}!/../evil.txt"]["error"]
    assert docs[f"{archive}!/~$notice.docx"]["status"] == "skipped"
    targets = read_table(out, "targets").to_pylist()
    assert {t["source_path"] for t in targets} == {f"{archive}!/正文/notice.docx"}


def test_lock_files_hidden_files_and_the_output_folder_are_skipped_rows_not_failures(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.md", folder / "notice.md")
    (folder / "~$notice.docx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"x")
    out = folder / "output"
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    assert main(["run", str(folder), "--out", str(out), "--jobs", "1"]) == 0  # its own output is not read back
    docs = _docs(out)
    reasons = {p.rsplit("/", 1)[-1]: (d["status"], d["error"]) for p, d in docs.items()}
    assert reasons["notice.md"] == ("ok", None)
    assert reasons["~$notice.docx"][0] == "skipped" and "lock" in reasons["~$notice.docx"][1]
    assert reasons[".DS_Store"] == ("skipped", "hidden file")
    assert reasons["output"] == ("skipped", "the run's own output folder")


def test_an_archive_that_cannot_be_opened_is_one_failed_row(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really")
    out = tmp_path / "out"
    assert main(["run", str(bad), "--out", str(out), "--jobs", "1", "--quiet"]) == 1
    (doc,) = _docs(out).values()
    assert doc["status"] == "failed" and "zip" in doc["error"]
