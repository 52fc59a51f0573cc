"""Spreadsheets: the sample's tables as .xlsx (openpyxl), .ods, .xls and .et (LibreOffice) give
the .docx's indicator rows; merges resolved; hostile workbooks fail with a reason."""
from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

import openpyxl
import pytest

from ingest.cli import main
from ingest.pipeline import process_file
from ingest.writers.commit import read_table
from parsers import formats
from parsers.readers.sheet_reader import read_sheets
from tests.formats.conftest import TABLES
from tests.formats.sheet_writer import docx_tables_to_xlsx


def _row_key(r):
    return (r.table_index, r.row_no, r.category, r.indicator, r.weight, r.status, r.target, r.units, r.leaders,
            r.attachment, r.table_title)


@lru_cache(maxsize=None)
def _docx_rows():
    return [_row_key(r) for r in process_file(TABLES).indicators]


def test_xlsx_gives_the_docx_indicator_rows(tmp_path):
    result = process_file(docx_tables_to_xlsx(TABLES, tmp_path / "tables.xlsx"))
    assert result.info.status == "ok" and result.info.format == "xlsx" and result.info.n_pages == 2
    rows = result.indicators
    assert [sum(1 for r in rows if r.table_index == i) for i in (1, 2)] == [31, 35]
    assert [_row_key(r) for r in rows] == _docx_rows()
    eighth = rows[7]
    assert eighth.category == "主要经济指标"  # a cell merged down rows 4-11 of the sheet
    assert (eighth.page, eighth.line) == (1, 11)  # sheet 1, row 11 as the sheet shows it (title rows 1-2, header 3)


@pytest.mark.parametrize("name", ["tables.ods", "tables.xls", "tables.et"])
def test_other_workbooks_give_the_docx_indicator_rows(made, name):
    result = process_file(made[name])
    assert result.info.status == "ok", result.info.error
    assert result.info.format == name.rsplit(".", 1)[1]
    assert [_row_key(r) for r in result.indicators] == _docx_rows()


def test_merged_cells_fill_every_cell_they_cover(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["标题", None, None])
    sheet.merge_cells("A1:C1")
    sheet.append(["序号", "分类", "权重"])
    sheet.append([1, "甲类", 7])
    sheet.append([2, None, 0.5])
    sheet.merge_cells("B3:B4")
    second = book.create_sheet("第二")
    second["B3"], second["C3"] = "序号", "指标"
    book.save(tmp_path / "m.xlsx")
    doc = read_sheets(tmp_path / "m.xlsx", "m", "xlsx", "Excel .xlsx")
    title, table, table2 = doc.blocks
    assert (title.text, title.centered, title.prov.line) == ("标题", True, 1)
    assert [r.cells for r in table.rows] == [["序号", "分类", "权重"], ["1", "甲类", "7"], ["2", "甲类", "0.5"]]
    assert [(r.prov.page, r.prov.line) for r in table.rows] == [(1, 2), (1, 3), (1, 4)]
    assert [(r.prov.page, r.prov.line, r.cells) for r in table2.rows] == [(2, 3, ["序号", "指标"])]


def test_recognised_by_content(tmp_path):
    path = docx_tables_to_xlsx(TABLES, tmp_path / "tables.docx")  # a workbook named .docx
    assert formats.detect(path).name == "xlsx"
    assert formats.read(path, "x").format == "xlsx"


DOCTYPE_SHEET = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet/>'


REPEATED_ODS = (
    '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    '<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000">'
    '<table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p>'
    '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')


def _rewrite(source: Path, target: Path, part: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, data if info.filename == part else src.read(info))
    return target


def test_hostile_workbooks_fail_with_a_reason_and_the_batch_goes_on(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    good = docx_tables_to_xlsx(TABLES, d / "good.xlsx")
    _rewrite(good, d / "doctype.xlsx", "xl/worksheets/sheet1.xml", DOCTYPE_SHEET)
    with zipfile.ZipFile(d / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (320 * 1024 * 1024))
    (d / "truncated.xlsx").write_bytes(good.read_bytes()[:3000])
    far = openpyxl.Workbook()
    far.active["A1"], far.active["XFD1048576"] = "序号", "x"  # calamine would allocate the whole box and abort
    far.save(d / "far_apart.xlsx")
    with zipfile.ZipFile(d / "repeated.ods", "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", REPEATED_ODS)
    (d / "garbage.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    out = tmp_path / "out"
    assert main(["run", str(d), "--out", str(out), "--quiet"]) == 1
    docs = {Path(r["source_path"]).name: r for r in read_table(out, "documents").to_pylist()}
    assert docs["good.xlsx"]["status"] == "ok" and docs["good.xlsx"]["n_indicators"] == 66
    assert "DOCTYPE" in docs["doctype.xlsx"]["error"] and ".xlsx" in docs["doctype.xlsx"]["error"]
    assert "zip bomb" in docs["bomb.xlsx"]["error"] and ".xlsx" in docs["bomb.xlsx"]["error"]
    assert "rows × 16384 columns" in docs["far_apart.xlsx"]["error"]
    assert "OpenDocument .ods" in docs["repeated.ods"]["error"] and "refused" in docs["repeated.ods"]["error"]
    for name in ("truncated.xlsx", "garbage.xls"):
        assert docs[name]["status"] == "failed" and "save it" in docs[name]["error"], docs[name]["error"]
