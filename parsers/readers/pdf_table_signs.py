"""Whether a PDF page may hold a ruled table, from what is cheap to see: its lines' starts and baselines, a
header row, wide gaps between characters, and only then the path objects that would draw the rules (walking
every object of a page costs more than reading its text)."""
from __future__ import annotations

import ctypes
import re
from collections import Counter

import pypdfium2.raw as pdfium_c

from parsers.extract.headers import header_role
from parsers.readers import pdfium_bare as bare
from parsers.readers.pdf_layout import LAYOUT, NOT_SPACE

SPACE_BETWEEN = re.compile(rf"(?<={NOT_SPACE}) +(?={NOT_SPACE})")  # a space inside a line
HEADER_ROW_MAX = 60  # characters: a longer line is prose, whatever words it holds


def _may_hold_table(lines: list, textpage, text: str, moved: list[int]) -> bool:
    """Prose starts its lines at two places (the margin and the first-line indent) and leaves no
    wide gaps inside a line; table cells start at every column and stand apart on one baseline.
    Only pages that look like tables are searched for ruling lines, which means walking every
    object on the page."""
    starts = {round(line.x0 / LAYOUT.line_start_bucket) for line in lines}
    shared = LAYOUT.table_min_shared_baselines
    if len(starts) >= LAYOUT.table_min_line_starts or sum(line.joined for line in lines) >= shared:
        return True
    # Cells written cell by cell (LibreOffice): lines side by side on one baseline, not one after the other.
    baselines = Counter(round(line.top) for line in lines)
    if sum(1 for n in baselines.values() if n > 1) >= shared or any(_header_row(line.text) for line in lines):
        return True
    return _wide_gaps(textpage, text, set(moved), shared) >= shared


def _header_row(text: str) -> bool:
    """A short line of several table header words with pdfium's spaces between them (`主要指标 目标任务 完成情况
    完成比例`): a table's header row, though its columns stand close and its other cells are empty."""
    if text.count(" ") < 2 or len(text) > HEADER_ROW_MAX:
        return False
    pieces = text.split()  # a header row starts with a header word: most lines fail at their first piece
    return len(pieces) >= 3 and bool(header_role(pieces[0])) and sum(1 for p in pieces[1:] if header_role(p)) >= 2


def _wide_gaps(textpage, text: str, moved: set[int], enough: int) -> int:
    """Spaces pdfium put between characters that stand more than two characters apart (counted up to
    ``enough``)."""
    rect = pdfium_c.FS_RECTF()
    handle, box, gap, at = bare.handle(textpage), bare.char_box, LAYOUT.cell_gap, ctypes.byref(rect)
    count = 0
    for m in SPACE_BETWEEN.finditer(text):
        before, after = m.start() - 1, m.end()
        if before in moved or after in moved:
            continue  # quotes and symbols pdfium may have moved: their positions prove nothing
        box(handle, before, at)
        right, size = rect.right, rect.top - rect.bottom
        box(handle, after, at)
        if rect.left - right > gap * max(size, 1.0):
            count += 1
            if count >= enough:
                break
    return count


def _has_ruling(page, continued: bool = False) -> bool:
    """Enough path objects to draw a table's rules (raw calls: wrapping ~100 objects a page in
    Python objects costs more than reading the page's text); fewer on a page the table above runs on to
    (the tail of a row the page break cut is one box)."""
    raw = page.raw
    needed = LAYOUT.continued_min_paths if continued else LAYOUT.table_min_paths
    count = 0
    for k in range(pdfium_c.FPDFPage_CountObjects(raw)):
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, k)) == pdfium_c.FPDF_PAGEOBJ_PATH:
            count += 1
            if count >= needed:
                return True
    return False
