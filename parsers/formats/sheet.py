"""Spreadsheets: Excel .xlsx (a zip holding ``xl/workbook.xml``), Excel 97-2003 .xls and WPS 表格
.et (OLE2 files named so; the reader checks the streams), OpenDocument .ods."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe
from parsers.formats.office import OLE_MAGIC, SHEET_EXTENSIONS

ODS_MIME = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def read_sheets(path, source, kind: str, label: str):
    from parsers.readers.sheet_reader import read_sheets as read  # calamine loads only for a spreadsheet

    return read(path, source, kind, label)


def read_sheets_ole(path, source):
    from parsers.readers.ole_reader import read_ole_sheet  # what the streams hold decides the reader

    return read_ole_sheet(path, source)


def _sniff_xlsx(p: Probe) -> bool:
    return p.zip_members is not None and "xl/workbook.xml" in p.zip_members


def _sniff_ole_sheet(p: Probe) -> bool:
    return p.head.startswith(OLE_MAGIC) and p.extension in SHEET_EXTENSIONS


def _sniff_ods(p: Probe) -> bool:
    if p.zip_members is None:
        return False
    return ODS_MIME in p.head[:256] or ("content.xml" in p.zip_members and p.extension in (".ods", ".ots"))


XLSX = register(Format(
    name="xlsx", extensions=(".xlsx", ".xlsm"), label="Excel .xlsx", priority=10, sniff=_sniff_xlsx,
    read=lambda path, source, options: read_sheets(path, source, "xlsx", "Excel .xlsx")))
XLS = register(Format(
    name="xls", extensions=(".xls", ".et"), label="Excel 97-2003 / WPS 表格 (.xls/.et)", priority=20,
    sniff=_sniff_ole_sheet, read=lambda path, source, options: read_sheets_ole(path, source)))
ODS = register(Format(
    name="ods", extensions=(".ods",), label="OpenDocument spreadsheet (.ods)", priority=20, sniff=_sniff_ods,
    read=lambda path, source, options: read_sheets(path, source, "ods", "OpenDocument .ods")))
