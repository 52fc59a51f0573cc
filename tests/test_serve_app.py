"""The page's server side without a browser: several files and a zip give a per-file table, names
cannot climb out of the temporary folder, oversized uploads are refused, nothing stays on disk."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from ingest.batch import Limits
from ingest.web.app import ServeSettings, create_app
from ingest.web.uploads import safe_name


def _client(**kw):
    return create_app(ServeSettings(limits=Limits(seconds=120), **kw)).test_client()


def _leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("ingest-serve-*")}


def test_safe_name_keeps_the_last_part_only():
    assert safe_name("../../etc/passwd", 0) == "000_passwd"
    assert safe_name("C:\\Users\\x\\通知.docx", 3) == "003_通知.docx"
    assert safe_name("folder/sub/a:b?.pdf", 12) == "012_a_b_.pdf"


def test_a_zip_and_a_file_give_a_per_file_table_and_leave_nothing(samples):
    before = _leftovers()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(samples / "jiayuguan_2022q2_decomposition.txt", "sub/分解表.txt")
        zf.writestr("readme.exe", "x")
    archive.seek(0)
    notice = (samples / "sanmenxia_2020_targets.docx").read_bytes()
    response = _client().post("/check", data={"files": [(io.BytesIO(notice), "三门峡.docx"),
                                                        (archive, "batch.zip")]},
                              content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count('<tr class="file-row">') == 2
    assert "三门峡.docx" in page and "分解表.txt" in page
    assert "readme.exe（格式不支持）" in page
    assert page.count("下载带批注的Word文件") == 1  # only the Word file can come back with comments
    assert _leftovers() == before


def test_an_upload_over_the_limit_is_refused_with_a_message():
    response = _client(max_upload_mb=1).post(
        "/check", data={"files": [(io.BytesIO(b"x" * 2_000_000), "big.txt")]}, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "文件过大" in response.get_data(as_text=True)


def test_the_commented_copy_downloads_once_made(samples):
    notice = (samples / "sanmenxia_2020_targets.docx").read_bytes()
    client = _client()
    page = client.post("/check", data={"files": [(io.BytesIO(notice), "n.docx")]},
                       content_type="multipart/form-data").get_data(as_text=True)
    token = page.split('href="/download/')[1].split('"')[0]
    response = client.get(f"/download/{token}")
    assert response.status_code == 200 and response.data[:2] == b"PK"
    assert "n.%E6%89%B9%E6%B3%A8.docx" in response.headers["Content-Disposition"]
    assert client.get("/download/unknown").status_code == 404


def test_a_zip_with_a_name_climbing_out_is_refused_whole():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../evil.txt", "各部门责任目标")
    archive.seek(0)
    page = _client().post("/check", data={"files": [(archive, "evil.zip")]},
                          content_type="multipart/form-data").get_data(as_text=True)
    assert "没有可读取的文件" in page and "points outside the archive" in page
