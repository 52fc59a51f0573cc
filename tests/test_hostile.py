"""Hostile and broken input: each becomes a clear failed row or a correct parse, never a crash, a
hang, a memory blow-up or a read outside the folder."""
from __future__ import annotations

import os
import shutil
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter

from ingest.cli import main
from ingest.writers.commit import read_table
from tests.builders import docx_with_part, looping_pdf, write_text
from tests.conftest import SAMPLES

SECRET = "绝密-不应被读取-7f3a"
XXE = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
       b'<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b'<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def _encrypted(source, target, user_password):
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    writer.write(target)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    secret = base / "secret.txt"
    secret.write_text(SECRET + "\n1. 泄露（100分）；", encoding="utf-8")
    d = base / "in"
    d.mkdir()
    docx_sample = SAMPLES / "sanmenxia_2020_targets.docx"
    shutil.copy(docx_sample, d / "good.docx")
    (d / "empty.txt").write_bytes(b"")
    (d / "not_a_zip.docx").write_bytes(os.urandom(4096))
    (d / "truncated.docx").write_bytes(docx_sample.read_bytes()[:20000])
    with zipfile.ZipFile(d / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (320 * 1024 * 1024))
    docx_with_part(docx_sample, d / "xxe.docx", "word/document.xml", XXE.replace(b"{secret}", str(secret).encode()))
    docx_with_part(docx_sample, d / "laughs.docx", "word/document.xml", LAUGHS)
    (d / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(8192))
    (d / "truncated.pdf").write_bytes((SAMPLES / "sanmenxia_2020_targets.pdf").read_bytes()[:3000])
    (d / "loop.pdf").write_bytes(looping_pdf())
    _encrypted(SAMPLES / "jiayuguan_2022q2_decomposition.pdf", d / "owner_only.pdf", "")
    _encrypted(SAMPLES / "jiayuguan_2022q2_decomposition.pdf", d / "user_password.pdf", "secret")
    import pypdfium2 as pdfium
    scan = pdfium.PdfDocument.new()
    scan.new_page(595, 842)
    scan.save(d / "scan.pdf")
    shutil.copy(SAMPLES / "jiayuguan_2022q2_decomposition.docx", d / "lying_extension.pdf")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    write_text(d / "no_targets.txt", "关于做好春节期间安全工作的通知\n各单位：请做好值班安排。\n")
    os.mkfifo(d / "fifo.txt")
    os.symlink(secret, d / "leak.txt")
    os.symlink(d, d / "loop_dir")
    os.symlink(d / "missing", d / "dangling.txt")
    out = base / "out"
    code = main(["run", str(d), "--out", str(out), "--jobs", "2", "--quiet"])
    docs = {r["source_path"].rsplit("/", 1)[-1]: r for r in read_table(out, "documents").to_pylist()}
    return code, docs, out


def test_exit_1_and_one_row_per_file(hostile):
    code, docs, _ = hostile
    assert code == 1
    assert set(docs) == {
        "good.docx", "empty.txt", "not_a_zip.docx", "truncated.docx", "bomb.docx", "xxe.docx", "laughs.docx",
        "garbage.pdf", "truncated.pdf", "loop.pdf", "owner_only.pdf", "user_password.pdf", "scan.pdf",
        "lying_extension.pdf", "binary.txt", "no_targets.txt", "fifo.txt", "leak.txt", "dangling.txt"}


@pytest.mark.parametrize("name,status,error", [
    ("good.docx", "ok", None),
    ("empty.txt", "failed", "empty file"),
    ("not_a_zip.docx", "failed", "not a valid .docx"),
    ("truncated.docx", "failed", "not a valid .docx"),
    ("bomb.docx", "failed", "zip bomb"),
    ("xxe.docx", "failed", "DOCTYPE"),
    ("laughs.docx", "failed", "DOCTYPE"),
    ("garbage.pdf", "failed", "not a readable PDF"),
    ("truncated.pdf", "failed", "PDF"),
    ("loop.pdf", "failed", "PDF"),
    ("owner_only.pdf", "ok", None),
    ("user_password.pdf", "failed", "encrypted"),
    ("scan.pdf", "failed", "no readable text"),  # a blank page: OCR finds nothing
    ("lying_extension.pdf", "ok", None),
    ("binary.txt", "failed", "undecodable"),
    ("no_targets.txt", "ok", None),
    ("fifo.txt", "skipped", "not a regular file"),  # never opened: a read would block forever
    ("leak.txt", "skipped", "outside the folder"),
    ("dangling.txt", "skipped", "broken or looping link"),
])
def test_each_outcome(hostile, name, status, error):
    _, docs, _ = hostile
    assert docs[name]["status"] == status, docs[name]["error"]
    if error:
        assert error in docs[name]["error"]


def test_good_notice_intact_and_nothing_outside_read(hostile):
    _, docs, out = hostile
    assert docs["good.docx"]["n_targets"] == 836 and docs["good.docx"]["n_units"] == 72
    assert docs["owner_only.pdf"]["n_indicators"] == 66
    assert docs["lying_extension.pdf"]["format"] == "docx"
    for name in ("targets", "indicators", "findings", "documents"):
        assert SECRET not in str(read_table(out, name).to_pylist())


def test_no_targets_is_ok_with_an_info_finding(hostile):
    _, docs, out = hostile
    findings = [f for f in read_table(out, "findings").to_pylist()
                if f["source_path"].endswith("no_targets.txt")]
    assert [(f["code"], f["severity"]) for f in findings] == [("no_records", "info")]


def test_time_limit_kills_a_slow_document(tmp_path):
    out = tmp_path / "out"
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.pdf", tmp_path / "slow.pdf")
    assert main(["run", str(tmp_path / "slow.pdf"), "--out", str(out), "--timeout", "0.01", "--quiet"]) == 1
    (doc,) = read_table(out, "documents").to_pylist()
    assert doc["status"] == "failed" and doc["error"].startswith("time limit exceeded")


def test_memory_limit_kills_a_greedy_document(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("1.甲（1分）\n".encode("utf-8") * (1024 * 1024))  # a million tiny paragraphs: ~700 MB parsed
    out = tmp_path / "out"
    assert main(["run", str(big), "--out", str(out), "--memory-limit", "300", "--quiet"]) == 1
    (doc,) = read_table(out, "documents").to_pylist()
    assert doc["status"] == "failed" and "memory" in doc["error"]
    # the limit held the worker, not the batch: the same run with room succeeds
    assert main(["run", str(SAMPLES / "sanmenxia_2020_targets.md"), "--out", str(out), "--memory-limit", "300",
                 "--quiet"]) == 0


def test_workers_are_recycled_and_results_keep_input_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"n{i}.txt").write_bytes((SAMPLES / "jiayuguan_2022q2_decomposition.txt").read_bytes() + b"\n%d" % i)
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--jobs", "2", "--docs-per-worker", "1", "--quiet"]) == 0
    docs = read_table(out, "documents").to_pylist()
    assert [d["source_path"].rsplit("/", 1)[-1] for d in docs] == [f"n{i}.txt" for i in range(5)]
    assert all(d["n_indicators"] == 66 for d in docs)


def test_a_file_that_cannot_be_read_is_a_failed_row(tmp_path, monkeypatch):
    from pathlib import Path

    from ingest.pipeline import process_file
    path = tmp_path / "locked.docx"
    path.write_bytes(b"x")
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = process_file(path)
    assert (result.info.status, result.info.error) == ("failed", "cannot read file: Permission denied")


def test_password_opens_a_user_password_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    _encrypted(SAMPLES / "jiayuguan_2022q2_decomposition.pdf", path, "secret")
    out = tmp_path / "out"
    assert main(["run", str(path), "--out", str(out), "--password", "secret", "--quiet"]) == 0
    (doc,) = read_table(out, "documents").to_pylist()
    assert (doc["status"], doc["n_indicators"]) == ("ok", 66)
