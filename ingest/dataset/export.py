"""``ingest export OUT --xlsx FILE``: every view of the dataset as a sheet of one Excel workbook (for a person
with Excel, or a tool that takes spreadsheets). Lists and dates are written as text; a cell is cut at
Excel's 32,767 characters and a sheet at its 1,048,576 rows (the last row says so)."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

EXCEL_OPTION = "--xlsx"  # an output format of the dataset, not an input format
MAX_ROWS = 1_048_575  # one row is the header
MAX_CELL = 32_767


def _cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if isinstance(value, (list, dict, tuple)):
        value = json.dumps(value, ensure_ascii=False, default=str)
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_CELL]


def export_xlsx(out: Path, target: Path) -> list[str]:
    """Write the workbook (a temporary file renamed into place); returns the sheet names."""
    from openpyxl import Workbook

    from ingest.dataset.warehouse import VIEWS, connect

    con = connect(out)
    book = Workbook(write_only=True)
    for view in VIEWS:
        sheet = book.create_sheet(view)
        result = con.execute(f"SELECT * FROM {view}")
        sheet.append([c[0] for c in result.description])
        written = 0
        while rows := result.fetchmany(2048):
            for row in rows:
                if written == MAX_ROWS - 1:
                    sheet.append([f"… cut at {MAX_ROWS - 1} rows: query notices.duckdb for the rest"])
                    written += 1
                if written >= MAX_ROWS:
                    continue
                sheet.append([_cell(v) for v in row])
                written += 1
    con.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        book.save(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return list(VIEWS)
