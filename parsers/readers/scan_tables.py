"""Ruled tables on a scanned page: ruling lines found in the page image, cells by pdfplumber.

The ruling lines are long runs of dark pixels (what a morphological opening with a long line
kernel keeps); they go to pdfplumber's ``TableFinder`` as explicit lines, as ``pdf_tables`` does for
a text layer's rules, and each OCR line goes to the cell holding its centre. A page without long
dark runs costs one threshold and one sum per axis.
"""
from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
from PIL import Image, ImageOps

from parsers.readers.pdf_page_model import _Line, _Page, _PageTable, at_a_page_edge
from parsers.readers.pdf_tables import FoundTable, _line, stacked_grids

DARK = 128  # grey level below which a pixel is ink
MIN_RULE = 40.0  # points: shorter runs are strokes of characters, not rules
# A vertical rule may be as short as one row (a header row the page break left alone at a page's foot); no
# stroke of a body or heading character is this tall, and text lines are parted by white.
MIN_VERTICAL_RULE = 24.0
MIN_LINES = 2
RULE_GAP = 2  # px: a gap this short inside a run of ink does not end it


def scan_page(page_no: int, found: list, image: Image.Image | None, scale: float, threads: int = 1):
    """A scanned page: its OCR lines and its ruled tables, numbered top to bottom (a table's rows
    count as lines of the page, as on a text-layer page)."""
    tables: list[FoundTable] = []
    if image is not None:
        tables, found = find_scan_tables(image, scale, found, threads)
    sizes = _sizes_by_pitch(found)
    items: list = [_Line(f.text, page_no, 0, f.x0, f.x1, f.top, size, ocr=True) for f, size in zip(found, sizes)]
    items += [_PageTable(t.rows, page_no, t.bbox[1], 0) for t in tables]
    items.sort(key=lambda it: it.top)
    number = 1
    for item in items:
        item.number = number
        number += len(item.rows) if isinstance(item, _PageTable) else 1
    # The page's width (points) gives the paragraph rules the right margin: on a page of short lines the
    # longest line would otherwise pass for one that ran to the margin, and each next line for its wrap.
    return _Page(page_no, items, image.size[0] * scale if image is not None else 0.0)


TITLE_PITCH = 1.25  # a line whose characters stand this much wider apart than the body's is set larger
MIN_PITCH_CHARS = 6


def _sizes_by_pitch(found: list) -> list[float]:
    """Each OCR line's size, a title's its own: a box's height says little (it holds the engine's margin, and
    brackets make a body line's box as tall as a title's), but Chinese characters are square, so their pitch along
    the line is the type size. The body's lines take the median pitch (a box is about a sixth taller than the type:
    the paragraph rules, in ems, were that much looser on scans); a line set clearly larger (its pitch over
    ``TITLE_PITCH`` × the median) its own."""
    pitches = [_pitch(f) for f in found]
    known = sorted(p for p in pitches if p)
    if not known:
        return [f.size for f in found]
    body = known[len(known) // 2]
    return [p if p and p > TITLE_PITCH * body else body for p in pitches]


def _ems(ch: str) -> float:
    """A character's advance in ems: Chinese characters and full-width forms one, the rest about half."""
    return 1.0 if ord(ch) > 0x2E7F else 0.5


def _pitch(line) -> float | None:
    wide = sum(1 for ch in line.text if _ems(ch) == 1.0)
    narrow = len(line.text) - wide
    if wide < MIN_PITCH_CHARS:
        return None
    return (line.x1 - line.x0) / (wide + 0.5 * narrow)


def find_scan_tables(image: Image.Image, scale: float, lines: list, threads: int = 1) -> tuple[list[FoundTable], list]:
    """Tables in the page image (``scale``: points per pixel) and the OCR lines outside them."""
    dark = np.asarray(image.convert("L")) < DARK
    minimum = max(int(MIN_RULE / scale), 1)
    horizontal = [_line(a * scale, b * scale, r * scale, r * scale) for r, a, b in _runs(dark, minimum)]
    if len(horizontal) < MIN_LINES:
        return [], lines
    tall = max(int(MIN_VERTICAL_RULE / scale), 1)
    vertical = [_line(r * scale, r * scale, a * scale, b * scale) for r, a, b in _runs(dark.T, tall)]
    if len(vertical) < MIN_LINES:
        return [], lines
    from pdfplumber.table import TableFinder


    height, width = dark.shape
    finder = TableFinder(SimpleNamespace(bbox=(0, 0, width * scale, height * scale)), {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical, "explicit_horizontal_lines": horizontal,
        "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3})
    tables, rest = [], list(lines)
    page_em = _em(lines)
    for table in (part for found in finder.tables for part in stacked_grids(found)):
        x0, top, x1, bottom = table.bbox
        # a single ruled row is kept at a page's edge (a header row the page break parted), as on a text layer
        if len(table.rows) < MIN_LINES and not at_a_page_edge(table.bbox, lines):
            continue
        held = [ln for ln in rest if x0 <= _cx(ln) <= x1 and top <= _cy(ln) <= bottom]
        rest = [ln for ln in rest if ln not in held]
        # A line joined across a row's cells goes back to the engine's boxes, one per cell, and a box the engine
        # itself ran across a cell border (`材料记录（新2分`) is cut there.
        inside = [part for ln in held for part in (getattr(ln, "parts", ()) or (ln,))]
        borders = sorted({round(x, 1) for row in table.rows for cell in row.cells if cell for x in (cell[0], cell[2])})
        inside = [piece for part in inside for piece in _cut_at_borders(part, borders)]
        em = _em(inside) if inside else page_em
        rows = [[_cell_text(cell, inside) or _dash(cell, dark, scale, em) or _read_alone(cell, image, dark, scale, em,
                                                                                     threads)
                 for cell in row.cells] for row in table.rows]
        rows = _first_numerals(rows, [row.cells for row in table.rows], dark, scale, em)
        rows = [[_closed_quotes(text) for text in row] for row in rows]
        tables.append(FoundTable(table.bbox, rows))
    return tables, rest


DASH_MAX_HEIGHT = 0.15  # ems: a dash's stroke, thinner than any character (a rule crossing the cell is no dash)
DASH_MIN_FILL = 0.6  # share of its box a stroke inks (a character's strokes leave most of theirs white)
CELL_INSET = 3  # px kept off each border: the rules and their blur are not in the cell
HYPHEN_MAX, DOUBLE_DASH_MIN = 0.6, 1.3  # ems: a stroke shorter is `-`, longer `——` (two dashes) …
DASH_MAX_WIDTH = 3.0  # … and none is longer


def _dash(cell, dark: np.ndarray, scale: float, em: float) -> str | None:
    """What the engine leaves out of an otherwise empty cell: a lone dash (`——`, `-`: nothing to fill, not
    applicable), which it does not read as text. One thin horizontal stroke, where a line of the cell's text would
    stand; anything else (a stray speck, a character) leaves the cell empty. ``em``: the table's type size."""
    if cell is None:
        return None
    width = _stroke(cell, dark, scale, em)
    if width is None:
        return ""
    if width < HYPHEN_MAX:
        return "-"
    # about an em: `一` (a numeral: 序号) as much as `—`; the engine's silence is kept (_first_numerals)
    return "——" if width >= DOUBLE_DASH_MIN else ""


def _stroke(cell, dark: np.ndarray, scale: float, em: float) -> float | None:
    """The width (ems) of the one thin horizontal stroke standing in the cell, or None."""
    x0, top, x1, bottom = (int(v / scale) for v in cell)
    ink = dark[top + CELL_INSET:bottom - CELL_INSET, x0 + CELL_INSET:x1 - CELL_INSET]
    rows, cols = np.nonzero(ink)
    if not len(rows):
        return None
    height, width = rows.max() - rows.min() + 1, cols.max() - cols.min() + 1
    em_px = em / scale
    if height > DASH_MAX_HEIGHT * em_px + 2 or width < 2 * height or len(rows) < DASH_MIN_FILL * height * width:
        return None
    if width > DASH_MAX_WIDTH * em_px or rows.min() == 0 or cols.min() == 0 or rows.max() == ink.shape[0] - 1 \
            or cols.max() == ink.shape[1] - 1:
        return None  # a rule's remnant along a border, not a stroke standing in the cell
    return width / em_px


def _first_numerals(rows: list[list], cells: list, dark: np.ndarray, scale: float, em: float) -> list[list]:
    """A cell left empty that holds one stroke about an em wide, over `二` further down its column (the next
    non-empty cell), is the numeral `一`: the engine does not read a lone `一` (a 序号 cell), and a dash would
    not stand before the second of a column's numbers."""
    for j in range(max((len(row) for row in rows), default=0)):
        column = [row[j] if j < len(row) else None for row in rows]
        for k, text in enumerate(column):
            if text != "" or next((t for t in column[k + 1:] if t), None) != "二":
                continue
            width = _stroke(cells[k][j], dark, scale, em)
            if width is not None and HYPHEN_MAX <= width < DOUBLE_DASH_MIN:
                rows[k][j] = "一"
    return rows


CHAR_MIN_SIZE = 0.5  # ems: ink this tall and wide at least is characters, not a speck or a rule's remnant
CELL_MARGIN = 0.5  # ems of white around a cell read alone: the detector wants room around the text


def _read_alone(cell, image: Image.Image, dark: np.ndarray, scale: float, em: float, threads: int) -> str | None:
    """A cell the page's OCR left empty though it holds characters: the detector, which sees the whole page
    shrunk to 960 px, misses a narrow column of single characters (a merged cell's name set one character a
    line, `民` / `主` / `选` / `举` / `8分`). The cell alone is small enough to be read at full size."""
    if cell is None:
        return None
    x0, top, x1, bottom = (int(v / scale) for v in cell)
    box = (x0 + CELL_INSET, top + CELL_INSET, x1 - CELL_INSET, bottom - CELL_INSET)
    rows, cols = np.nonzero(dark[box[1]:box[3], box[0]:box[2]])
    em_px = em / scale
    if not len(rows) or rows.max() - rows.min() < CHAR_MIN_SIZE * em_px or cols.max() - cols.min() < CHAR_MIN_SIZE * em_px:
        return ""
    from parsers import ocr as ocr_engine  # noqa: PLC0415  (loaded already: the page was OCR'd)
    crop = ImageOps.expand(image.crop(box), max(1, int(CELL_MARGIN * em_px)), fill="white")
    return "\n".join(line.text for line in ocr_engine.ocr_image(crop, threads))


def _closed_quotes(text: str | None) -> str | None:
    """A cell's `“` read where a `“` is still open, as the `”` closing it: the engine tells the two by a glyph's
    look, and a quote wrapped to a cell's next line (`街镇“扫` / `黄打` / `非”工作`) has no partner on its own
    line for the line's repair (ocr_punctuation.curl_quotes) to go by; quotes do not nest in Chinese print."""
    if not text or text.count("“") < 2:
        return text
    out, open_ = [], False
    for char in text:
        if char == "“":
            char, open_ = ("”", False) if open_ else (char, True)
        elif char == "”":
            open_ = False
        out.append(char)
    return "".join(out)


def _em(lines: list) -> float:
    """The type size (points) of OCR lines: their median box, about a sixth taller than the type."""
    heights = sorted(ln.bottom - ln.top for ln in lines)
    return heights[len(heights) // 2] / 1.17 if heights else 12.0


def _cut_at_borders(line, borders: list[float]) -> list:
    """The OCR box cut where a cell border crosses it: each character on the side of its centre, from where the
    engine placed the characters (``starts``), else estimated by pitch (a Chinese character one em, others half)."""
    centres = _centres(line)
    if len(centres) < 2:
        return [line]
    inner = [x for x in borders if centres[0] < x < centres[-1]]
    if not inner:
        return [line]
    pieces, start, cuts = [], 0, list(inner)
    for k, middle in enumerate(centres):
        if cuts and middle > cuts[0]:
            pieces.append((start, k, cuts.pop(0)))
            start = k
            while cuts and middle > cuts[0]:
                cuts.pop(0)
    pieces.append((start, len(centres), line.x1))
    out, left = [], line.x0
    for begin, end, right in pieces:
        if end > begin:
            out.append(replace(line, text=line.text[begin:end], x0=left, x1=right, parts=(), starts=()))
        left = right
    return out


def _centres(line) -> list[float]:
    """Each character's centre along the box."""
    starts = getattr(line, "starts", ())
    if starts and len(starts) == len(line.text):
        ends = list(starts[1:]) + [line.x1]
        return [(a + max(a, b)) / 2 for a, b in zip(starts, ends)]
    weights = [_ems(ch) for ch in line.text]
    total = sum(weights)
    if not total:
        return []
    em, at, centres = (line.x1 - line.x0) / total, line.x0, []
    for w in weights:
        centres.append(at + w * em / 2)
        at += w * em
    return centres


def _runs(mask: np.ndarray, minimum: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True of at least ``minimum`` along each row, a pixel of the rows either
    side counting as the row's own: a thin rule on a sheet scanned a little askew steps from one pixel row to the
    next along its length, and its pieces, each shorter than a rule, are one run so (pdfplumber snaps the
    neighbouring copies into one line)."""
    band = mask.copy()
    band[1:] |= mask[:-1]
    band[:-1] |= mask[1:]
    mask = band
    found = []
    candidates = np.nonzero(mask.sum(axis=1) >= minimum)[0]
    for r in candidates:
        edges = np.diff(np.concatenate(([0], mask[r].view(np.int8), [0])))
        starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
        # A rule broken by a pixel or two (JPEG, a crossing rule drawn lighter) is one rule: a row's cell
        # border in two pieces each shorter than a rule would merge the row's cells.
        apart = np.nonzero(starts[1:] - ends[:-1] > RULE_GAP)[0]
        starts, ends = starts[np.concatenate(([0], apart + 1))], ends[np.concatenate((apart, [len(ends) - 1]))]
        found.extend((int(r), int(a), int(b)) for a, b in zip(starts, ends) if b - a >= minimum)
    return found


def _cx(line) -> float:
    return (line.x0 + line.x1) / 2


def _cy(line) -> float:
    return (line.top + line.bottom) / 2


def _cell_text(cell, lines: list) -> str | None:
    """The OCR lines whose centre the cell holds, top to bottom; None for a cell merged away."""
    if cell is None:
        return None
    x0, top, x1, bottom = cell
    held = sorted((ln for ln in lines if x0 <= _cx(ln) <= x1 and top <= _cy(ln) <= bottom), key=_cy)
    rows: list[list] = []  # visual lines: boxes side by side on a sheet a little askew differ in top
    for ln in held:
        if rows and _cy(ln) - _cy(rows[-1][0]) < (ln.bottom - ln.top) / 2:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    # one line of the cell a visual line, as a text-layer PDF's cell has them (a group name's last line, a
    # unit a line: the table rules read those breaks)
    return "\n".join("".join(ln.text for ln in sorted(row, key=lambda ln: ln.x0)) for row in rows)
