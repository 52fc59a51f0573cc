"""Spreadsheets (.xlsx, .xls, .et, .ods) → blocks: each sheet one table, merged cells resolved.

python-calamine reads all three families (Office Open XML, BIFF, OpenDocument) through one
maintained Rust library, about ten times faster than openpyxl and without a second reader for
.xls; it gives the merged ranges of .xlsx and .xls, and those of .ods are read here from
content.xml. Zip-based workbooks pass the shared zip/XML safety checks before calamine opens them.

A merged cell gives its value to every cell it covers, as in .docx tables. Rows above the table
that hold one value (the attachment label, a title merged across the width) are paragraphs, as
they are in a .docx; rows below it that hold one value (a note) are paragraphs after it.
Provenance: page = sheet number (1-based), line = row number as the sheet shows it."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
import zlib
from pathlib import Path

import python_calamine as calamine

from parsers.errors import ParseError
from parsers.readers.ofd_text import local
from parsers.safety import check_xml_parts, check_zip, parse_xml, read_member
from schemas.blocks import Document, Paragraph, Provenance, ReaderWarning, Table, TableRow

# Per sheet. calamine allocates the box from the first to the last cell at once (one cell at A1 and
# one at XFD1048576 ask for 500 GB and abort the process), so the box is measured before it loads.
MAX_CELLS = 2_000_000
CELL_REF = re.compile(rb"<(?:\w+:)?(c|row)\b[^>]*?\sr=\"([A-Z]{0,3})(\d{1,7})\"")
MAX_REPEAT = 100_000  # ODS repeats empty rows/columns to the sheet's end: count, never expand
Range = tuple[tuple[int, int], tuple[int, int]]
ADVICE = "open it in Excel/WPS/LibreOffice and save it again as .xlsx"


def read_sheets(path: Path, source: str, kind: str, label: str) -> Document:
    """``kind``: xlsx, xls or ods; ``label`` names the format in messages."""
    ods_merges: list[list[Range]] | None = None
    if kind in ("xlsx", "ods"):
        try:
            infos = check_zip(path, label)
            check_xml_parts(path, infos, label)
            if kind == "ods":
                ods_merges = _ods_merges(path, infos, label)
            else:
                _check_xlsx_extent(path, infos, label)
        except ParseError as exc:
            raise ParseError(f"{exc}; {ADVICE}") from exc
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise ParseError(f"recognised as {label}, but it is encrypted: remove the password and save it again") from exc
    except Exception as exc:  # calamine raises its own kinds, and ValueError, for damaged files
        raise ParseError(f"recognised as {label}, but it cannot be read ({type(exc).__name__}: {exc}): "
                         f"{ADVICE}") from exc
    doc = Document(source=source, format=kind, n_pages=0)
    with book:
        worksheets = [k for k, meta in enumerate(book.sheets_metadata) if meta.typ == calamine.SheetTypeEnum.WorkSheet]
        doc.n_pages = len(book.sheet_names)
        for index in worksheets:
            try:
                sheet = book.get_sheet_by_index(index)
            except Exception as exc:
                raise ParseError(f"recognised as {label}, but sheet {index + 1} cannot be read ({exc}): {ADVICE}") from exc
            if sheet.height * sheet.width > MAX_CELLS:
                doc.warnings.append(ReaderWarning(
                    "sheet_too_large", f"第{index + 1}个工作表有{sheet.height}×{sheet.width}个单元格，超过上限，未读取",
                    index + 1))
                continue
            merges = ods_merges[index] if ods_merges is not None and index < len(ods_merges) else sheet.merged_cell_ranges
            doc.blocks.extend(_sheet_blocks(sheet, merges or [], index + 1, source))
    return doc


def _sheet_blocks(sheet, merges: list[Range], number: int, source: str) -> list:
    grid = [[_text(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
    spans = {}
    for (r0, c0), (r1, c1) in merges:
        if r0 < len(grid) and c0 < len(grid[r0]):
            # As a Word table reads: a merged cell fills down its first column; the columns it spans
            # stay empty (a rule spanning 分值 and 评分细则 is no weight).
            value = grid[r0][c0]
            for r in range(r0, min(r1, len(grid) - 1) + 1):
                grid[r][c0] = value
            spans[r0] = max(spans.get(r0, 0), c1 - c0 + 1)
    rows = [(r + 1, cells) for r, cells in enumerate(grid) if any(cells)]
    if not rows:
        return []
    used = [c for c in range(max(len(cells) for _, cells in rows)) if any(c < len(cl) and cl[c] for _, cl in rows)]
    rows = [(n, [cells[c] if c < len(cells) else "" for c in used]) for n, cells in rows]
    first = next((k for k, (_, cells) in enumerate(rows) if len({v for v in cells if v}) > 1), len(rows))
    last = next((k for k in range(len(rows) - 1, first - 1, -1) if len({v for v in rows[k][1] if v}) > 1), first - 1)
    while last >= first and last + 1 < len(rows) and _blank_form_row(rows[last], rows[last + 1], spans, len(used)):
        last += 1
    blocks: list = [_title(n, cells, spans, len(used), number, source) for n, cells in rows[:first]]
    body = [TableRow(cells, Provenance(source, number, n)) for n, cells in rows[first:last + 1]]
    if body:
        blocks.append(Table(body, body[0].prov, merges_resolved=True))
    blocks += [_title(n, cells, spans, len(used), number, source) for n, cells in rows[last + 1:] if last >= first]
    return blocks


NOTE_START = ("注", "备注", "说明", "填表", "制表", "审核", "联系人")
FORM_ROW_CHARS = 40


def _blank_form_row(above: tuple[int, list[str]], row: tuple[int, list[str]], spans: dict, width: int) -> bool:
    """A row under the table with only its first cell filled, on the very next line: a row of a form whose
    other cells are left to fill in (`冬绿肥示范基地 | | |`), not a note under the table (a note starts with
    注/说明…, spans the table, or is a sentence)."""
    number, cells = row
    text = cells[0] if cells else ""
    if number != above[0] + 1 or not text or any(cells[1:]) or spans.get(number - 1, 1) >= max(width, 2):
        return False
    return len(text) <= FORM_ROW_CHARS and not text.startswith(NOTE_START) and text[-1:] not in "。；;：:"


def _title(row: int, cells: list[str], spans: dict, width: int, sheet: int, source: str) -> Paragraph:
    text = next(v for v in cells if v)
    return Paragraph(text, Provenance(source, sheet, row), centered=spans.get(row - 1, 0) >= max(width, 2))


def _text(value) -> str:
    """A cell as a person reads it: 7 not 7.0; dates as ISO dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).strip()


def _check_xlsx_extent(path: Path, infos: list[zipfile.ZipInfo], label: str) -> None:
    """Refuse a worksheet whose cells span more than MAX_CELLS (streamed: a part is never held whole)."""
    with zipfile.ZipFile(path) as zf:
        for info in infos:
            if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                continue
            rows, cols = [1 << 30, 0], [1 << 30, 0]
            tail = b""
            try:
                with zf.open(info) as member:
                    for chunk in iter(lambda: member.read(1 << 20), b""):
                        data = tail + chunk
                        for m in CELL_REF.finditer(data):
                            row = int(m.group(3))
                            rows[0], rows[1] = min(rows[0], row), max(rows[1], row)
                            if m.group(1) == b"c" and m.group(2):
                                col = _column(m.group(2))
                                cols[0], cols[1] = min(cols[0], col), max(cols[1], col)
                        tail = data[-200:]
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
                raise ParseError(f"not a valid {label}: part {info.filename} is damaged ({exc})") from exc
            n_rows, n_cols = max(rows[1] - rows[0] + 1, 0), max(cols[1] - cols[0] + 1, 0)
            if n_rows * n_cols > MAX_CELLS:
                raise ParseError(f"{label} sheet {info.filename} spans {n_rows} rows × {n_cols} columns, more than "
                                 f"{MAX_CELLS} cells: refused (delete the far-away cells)")


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _ods_merges(path: Path, infos: list[zipfile.ZipInfo], label: str) -> list[list[Range]]:
    """Merged ranges of each sheet of an .ods (calamine does not report them): cells that declare
    ``number-rows-spanned`` / ``number-columns-spanned``, positions counted through repeats."""
    info = next((i for i in infos if i.filename == "content.xml"), None)
    if info is None:
        raise ParseError(f"not a valid {label} (no content.xml)")
    with zipfile.ZipFile(path) as zf:
        root = parse_xml(read_member(zf, info, label), info.filename, label)
    sheets = []
    for table in (el for el in root.iter() if local(el) == "table" and "opendocument:xmlns:table" in el.tag):
        merges: list[Range] = []
        row = last_row = last_col = 0
        for tr in _rows(table):
            repeat = _int(tr, "number-rows-repeated")
            col = 0
            for cell in tr:
                if local(cell) not in ("table-cell", "covered-table-cell"):
                    continue
                rows_span, cols_span = _int(cell, "number-rows-spanned"), _int(cell, "number-columns-spanned")
                if rows_span > 1 or cols_span > 1:
                    merges.append(((row, col), (row + rows_span - 1, col + cols_span - 1)))
                col += _int(cell, "number-columns-repeated")
                if len(cell) or any(k.endswith("}value-type") for k in cell.attrib):  # a cell with content
                    last_row, last_col = max(last_row, row + repeat), max(last_col, col)
            row += repeat
        if last_row * last_col > MAX_CELLS:
            raise ParseError(f"{label} sheet {len(sheets) + 1} spans {last_row} rows × {last_col} columns, more than "
                             f"{MAX_CELLS} cells: refused (delete the far-away cells)")
        sheets.append(merges)
    return sheets


def _rows(container):
    for el in container:
        name = local(el)
        if name == "table-row":
            yield el
        elif name in ("table-header-rows", "table-row-group", "table-rows"):
            yield from _rows(el)


def _int(el, name: str) -> int:
    for key, value in el.attrib.items():
        if key.endswith("}" + name):
            try:
                return max(1, min(int(value), MAX_REPEAT))
            except ValueError:
                return 1
    return 1


def read_sheets_converted(path: Path, source: str, label: str) -> Document:
    """A WPS 表格 file calamine cannot read, converted to .xlsx by LibreOffice first."""
    from parsers.readers.libreoffice import convert

    return read_sheets(convert(path, "xlsx", label, suffix=".xls"), source, "xlsx", label)
