"""Files made from the samples with LibreOffice (the way the tests see .doc, .wps, .rtf, .odt,
.xls, .et and .ods), once per session. Without LibreOffice these tests are skipped on a
developer's machine and fail on CI, which installs it."""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from parsers import ocr
from parsers.readers.libreoffice import find_soffice
from tests.conftest import SAMPLES
from tests.formats.sheet_writer import docx_tables_to_xlsx

NOTICE = SAMPLES / "sanmenxia_2020_targets.docx"
TABLES = SAMPLES / "jiayuguan_2022q2_decomposition.docx"


def soffice_or_skip() -> str:
    found = find_soffice()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed: .ci/run must install it")
        pytest.skip("LibreOffice is not installed")
    return found


def _convert(soffice: str, profile: Path, target: str, out: Path, *inputs: Path) -> None:
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
                    "--outdir", str(out), *map(str, inputs)], check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> dict[str, Path]:
    """name → file: notice.doc, tables.wps, notice.odt, tables.rtf, tables.xlsx, tables.ods, tables.xls,
    tables.et, each made by LibreOffice (the xlsx by openpyxl) from the sample .docx files."""
    soffice = soffice_or_skip()
    base = tmp_path_factory.mktemp("made")
    profile = base / "profile"
    work = base / "work"
    work.mkdir()
    notice, tables = work / "notice.docx", work / "tables.docx"
    shutil.copy(NOTICE, notice)
    shutil.copy(TABLES, tables)
    xlsx = docx_tables_to_xlsx(TABLES, work / "tables.xlsx")
    _convert(soffice, profile, "doc", work, notice, tables)
    _convert(soffice, profile, "odt", work, notice)
    _convert(soffice, profile, "rtf", work, tables)
    _convert(soffice, profile, "ods", work, xlsx)
    _convert(soffice, profile, "xls", work, xlsx)
    ods_copy = base / "from_ods"
    _convert(soffice, profile, "xls", ods_copy, work / "tables.ods")
    files = {
        "notice.doc": work / "notice.doc",
        "tables.wps": (work / "tables.doc").rename(work / "tables.wps"),  # WPS 文字 saves Word 97-2003 streams
        "notice.odt": work / "notice.odt",
        "tables.rtf": work / "tables.rtf",
        "tables.xlsx": xlsx,
        "tables.ods": work / "tables.ods",
        "tables.xls": work / "tables.xls",
        "tables.et": (ods_copy / "tables.xls").rename(work / "tables.et"),  # WPS 表格 reads and writes BIFF8
    }
    for path in files.values():
        assert path.is_file() and path.stat().st_size > 0
    return files


@pytest.fixture(scope="module")
def own_ocr_engines():
    """The OCR engines a module's tests build (photos are larger pages: onnxruntime's arenas grow with them) are
    dropped afterwards, so the test process's address space is what it was (tests/test_regressions.py forks a
    worker from it and counts on its size). A module asks for it with
    ``pytestmark = pytest.mark.usefixtures("own_ocr_engines")``."""
    before = dict(ocr._engines)
    yield
    ocr._engines.clear()
    ocr._engines.update(before)
    gc.collect()
