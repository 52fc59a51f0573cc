"""Spreadsheets for tests: the tables of a .docx written to .xlsx with openpyxl, with the Word
merges kept as sheet merges and the paragraphs above each table as title rows."""
from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from openpyxl.utils import get_column_letter


def docx_tables_to_xlsx(source: Path, target: Path) -> Path:
    """One sheet per table; the paragraphs between tables become the sheet's first rows, the
    last one merged across the table's width (a title row as drafters set it)."""
    document = docx.Document(str(source))
    book = openpyxl.Workbook()
    book.remove(book.active)
    titles: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            if item.text.strip():
                titles.append(item.text.strip())
        elif isinstance(item, DocxTable):
            _write_table(book.create_sheet(titles[0] if titles else f"Sheet{len(book.sheetnames) + 1}"), item, titles)
            titles = []
    book.save(target)
    return target


def table_grid(table: DocxTable) -> list[list[tuple[str, int, int] | None]]:
    """(text, rowspan, colspan) where a Word cell starts, None where its merge covers the grid."""
    width = len(table.columns)
    cells = [[table.cell(r, c) for c in range(width)] for r in range(len(table.rows))]
    grid: list[list[tuple[str, int, int] | None]] = [[None] * width for _ in cells]
    seen: set = set()
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            r1 = max(rr for rr in range(r, len(cells)) if any(cells[rr][cc]._tc is cell._tc for cc in range(width)))
            c1 = max(cc for cc in range(c, width) if cells[r][cc]._tc is cell._tc)
            grid[r][c] = (cell.text, r1 - r + 1, c1 - c + 1)
    return grid


def docx_blocks(source: Path) -> list[tuple[str, object]]:
    """("para", text) and ("table", (grid, column widths)) in document order."""
    document = docx.Document(str(source))
    out: list[tuple[str, object]] = []
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph) and item.text.strip():
            out.append(("para", item.text.strip()))
        elif isinstance(item, DocxTable):
            out.append(("table", (table_grid(item), [float(c.width or 1) for c in item.columns])))
    return out


def _write_table(sheet, table: DocxTable, titles: list[str]) -> None:
    width = len(table.columns)
    for k, title in enumerate(titles, 1):
        sheet.cell(k, 1, title)
    if titles:
        sheet.merge_cells(start_row=len(titles), start_column=1, end_row=len(titles), end_column=width)
    top = len(titles) + 1
    cells = [[table.cell(r, c) for c in range(width)] for r in range(len(table.rows))]
    seen: set = set()
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            r1 = max(rr for rr in range(r, len(cells)) if any(cells[rr][cc]._tc is cell._tc for cc in range(width)))
            c1 = max(cc for cc in range(c, width) if cells[r][cc]._tc is cell._tc)
            sheet.cell(top + r, c + 1, cell.text)
            if (r1, c1) != (r, c):
                sheet.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r1, end_column=c1 + 1)
    for c in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(c)].width = 16
