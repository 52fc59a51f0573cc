"""A table document as an office keeps it in a spreadsheet (.xlsx, openpyxl): the prose above and between the
tables one line a row in the first column, each table's cells in their own cells with its merged cells merged
(as the .docx rendering plans them from the gold), a blank row between items. Shared by
benchmarks/renderings.py (`--sheet`); only documents whose gold is a table document are rendered so."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

from tests.renderings_build import TxtTable, plan_merges, read_blocks


def build_xlsx(txt: Path, target: Path, gold: dict | None = None) -> dict:
    """The .xlsx rendering of ``txt``; what was made of it (tables, merged cells)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    gold_tables = list((gold or {}).get("tables") or [])
    row, info = 1, {"tables": 0, "merged": 0}
    for item in read_blocks(txt):
        if isinstance(item, str):
            sheet.cell(row=row, column=1, value=item)
            row += 1
            continue
        plan_merges(item, gold_tables.pop(0) if gold_tables else None)
        _table(sheet, item, row)
        info["tables"] += 1
        info["merged"] += len(item.merges)
        row += len(item.rows) + 1
    book.save(target)
    return info


def _table(sheet, table: TxtTable, top: int) -> None:
    wrap = Alignment(wrap_text=True, vertical="center")
    for i, cells in enumerate(table.rows):
        for c, text in enumerate(cells):
            if (i, c) not in table.merges and text:
                cell = sheet.cell(row=top + i, column=c + 1, value=_value(text))
                cell.alignment = wrap
    for (i, c), kind in sorted(table.merges.items()):
        origin = (i, c)
        while origin in table.merges:
            origin = (origin[0] - 1, origin[1]) if table.merges[origin] == "v" else (origin[0], origin[1] - 1)
        if (i + 1, c) in table.merges and table.merges[(i + 1, c)] == kind == "v":
            continue  # merged once, from the origin to the last row of the run
        if (i, c + 1) in table.merges and table.merges[(i, c + 1)] == kind == "h":
            continue
        sheet.merge_cells(start_row=top + origin[0], start_column=origin[1] + 1, end_row=top + i, end_column=c + 1)


def _value(text: str):
    """A number typed into a cell is a number (a weight column of 5, 10, 2.5), as a spreadsheet keeps it."""
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text else number
