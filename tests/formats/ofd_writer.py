"""A small OFD writer for tests: paragraphs laid out as GB/T 9704 sets a notice (16 pt, 28
characters a line, first-line indent of two characters, centred headings, page numbers) and
tables drawn with ruling lines (merged cells without the rules between them)."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # mm: 16 pt
CELL_SIZE, CELL_PITCH, PAD = 3.5, 4.8, 1.2
LEFT, WIDTH = 28.0, 156.0
FIRST_BASELINE, PITCH, LAST_BASELINE = 42.0, 10.0, 255.0
TOP = FIRST_BASELINE - SIZE


@dataclass
class Para:
    text: str
    centered: bool = False


@dataclass
class Grid:
    """``cells[r][c]``: (text, rowspan, colspan) where a cell starts, None where a merge covers it."""
    cells: list[list[tuple[str, int, int] | None]]
    widths: list[float] = field(default_factory=list)  # relative column widths


@dataclass
class _Page:
    texts: list[tuple[str, float, float, float]] = field(default_factory=list)  # text, x, baseline, size
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


def _width(ch: str, size: float = SIZE) -> float:
    return size / 2 if ch.isascii() else size


def _wrap(text: str, first_indent: float, width: float = WIDTH, size: float = SIZE) -> list[tuple[str, float]]:
    """(line text, x offset) pairs; a run of Latin letters or digits is never broken."""
    lines, current, used, indent = [], "", first_indent, first_indent
    for ch in text:
        if used + _width(ch, size) > width + 0.01 and current:
            keep = len(current)
            while keep and ch.isascii() and ch.isalnum() and current[keep - 1].isascii() and current[keep - 1].isalnum():
                keep -= 1
            keep = keep or len(current)
            lines.append((current[:keep], indent))
            current, indent = current[keep:], 0.0
            used = sum(_width(c, size) for c in current)
        current += ch
        used += _width(ch, size)
    if current:
        lines.append((current, indent))
    return lines


class _Layout:
    def __init__(self):
        self.pages = [_Page()]
        self.y = FIRST_BASELINE

    def para(self, para: Para) -> None:
        if para.centered:
            width = sum(_width(ch) for ch in para.text)
            lines = [(para.text, max(0.0, (WIDTH - width) / 2))] if width <= WIDTH else _wrap(para.text, 0.0)
        else:
            lines = _wrap(para.text, 2 * SIZE)
        for text, offset in lines:
            if self.y > LAST_BASELINE:
                self.pages.append(_Page())
                self.y = FIRST_BASELINE
            self.pages[-1].texts.append((text, LEFT + offset, self.y, SIZE))
            self.y += PITCH

    def grid(self, grid: Grid) -> None:
        n_cols = len(grid.cells[0])
        weights = grid.widths or [1.0] * n_cols
        xs = [LEFT]
        for w in weights:
            xs.append(xs[-1] + WIDTH * w / sum(weights))
        owner = _owners(grid)
        top = self.y - SIZE
        placed: list[tuple[int, float, float]] = []  # page index, top, height of each row
        for r, row in enumerate(grid.cells):
            need = 1
            for c, cell in enumerate(row):
                if cell is not None and cell[1] == 1:
                    need = max(need, len(self._cell_lines(cell, xs, c)))
            height = need * CELL_PITCH + 2 * PAD
            if top + height > LAST_BASELINE + SIZE:
                self.pages.append(_Page())
                top = TOP
            placed.append((len(self.pages) - 1, top, height))
            for c, cell in enumerate(row):
                if cell is not None:
                    for k, (text, offset) in enumerate(self._cell_lines(cell, xs, c)):
                        self.pages[-1].texts.append((text, xs[c] + PAD + offset, top + PAD + CELL_SIZE + k * CELL_PITCH,
                                                     CELL_SIZE))
            top += height
        for r, (page, row_top, height) in enumerate(placed):
            rules = self.pages[page].rules
            first_on_page = r == 0 or placed[r - 1][0] != page
            last_on_page = r == len(placed) - 1 or placed[r + 1][0] != page
            for c in range(n_cols):
                if first_on_page or owner[r][c] != owner[r - 1][c]:
                    rules.append((xs[c], row_top, xs[c + 1], row_top))
                if last_on_page:
                    rules.append((xs[c], row_top + height, xs[c + 1], row_top + height))
                if c == 0 or owner[r][c] != owner[r][c - 1]:
                    rules.append((xs[c], row_top, xs[c], row_top + height))
            rules.append((xs[-1], row_top, xs[-1], row_top + height))
        self.y = top + SIZE + PITCH

    @staticmethod
    def _cell_lines(cell: tuple[str, int, int], xs: list[float], c: int) -> list[tuple[str, float]]:
        text, _, colspan = cell
        width = xs[c + colspan] - xs[c] - 2 * PAD
        return [line for part in text.split("\n") for line in _wrap(part, 0.0, width, CELL_SIZE)]


def _owners(grid: Grid) -> list[list[tuple[int, int]]]:
    """The top-left position of the cell covering each grid position."""
    owner = [[(r, c) for c in range(len(row))] for r, row in enumerate(grid.cells)]
    for r, row in enumerate(grid.cells):
        for c, cell in enumerate(row):
            if cell is not None:
                for rr in range(r, r + cell[1]):
                    for cc in range(c, c + cell[2]):
                        owner[rr][cc] = (r, c)
    return owner


def layout(blocks: list[Para | Grid], page_numbers: bool = True) -> list[_Page]:
    lay = _Layout()
    for block in blocks:
        lay.para(block) if isinstance(block, Para) else lay.grid(block)
    if page_numbers:
        for n, page in enumerate(lay.pages, 1):
            label = f"— {n} —"
            page.texts.append((label, LEFT + (WIDTH - sum(_width(c) for c in label)) / 2, 280.0, SIZE))
    return lay.pages


def _deltas(text: str, size: float) -> str:
    """DeltaX in the compact ``g N d`` form where runs repeat (as real writers do)."""
    widths = [_width(ch, size) for ch in text[:-1]]
    out, k = [], 0
    while k < len(widths):
        j = k
        while j < len(widths) and widths[j] == widths[k]:
            j += 1
        out.append(f"g {j - k} {widths[k]:g}" if j - k > 2 else " ".join(f"{w:g}" for w in widths[k:j]))
        k = j
    return " ".join(out)


def _page_xml(page: _Page, p: str, xmlns: str, layer: int, oid: int) -> str:
    objects = []
    for text, x, baseline, size in page.texts:
        oid += 1
        width = sum(_width(ch, size) for ch in text)
        objects.append(f'<{p}TextObject ID="{oid}" Font="1" Size="{size}" Boundary="{x:.2f} {baseline - size:.2f} '
                       f'{width:.2f} {size * 1.3:.2f}"><{p}TextCode X="0" Y="{size}" DeltaX="{_deltas(text, size)}">'
                       f'{escape(text)}</{p}TextCode></{p}TextObject>')
    if page.rules:  # one path object drawing every rule, in page coordinates
        data = " ".join(f"M {x0:.2f} {y0:.2f} L {x1:.2f} {y1:.2f}" for x0, y0, x1, y1 in page.rules)
        objects.append(f'<{p}PathObject ID="{oid + 1}" Boundary="0 0 210 297" Stroke="true" LineWidth="0.25">'
                       f'<{p}AbbreviatedData>{data}</{p}AbbreviatedData></{p}PathObject>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><{p}Page {xmlns}><{p}Content><{p}Layer ID="{layer}">'
            + "".join(objects) + f'</{p}Layer></{p}Content></{p}Page>')


def write_ofd(path: Path, blocks: list[Para | Grid], prefix: bool = True, extra_parts: dict[str, bytes] | None = None,
              page_xml: dict[int, str] | None = None) -> Path:
    """Write an OFD package. ``prefix=False`` writes the namespace as the default one (no ``ofd:``);
    ``extra_parts`` adds members; ``page_xml`` replaces a page's Content.xml (hostile tests)."""
    p = "ofd:" if prefix else ""
    xmlns = f'xmlns:ofd="{NS}"' if prefix else f'xmlns="{NS}"'
    pages = layout(blocks)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><{p}OFD {xmlns} Version="1.1" DocType="OFD">'
                               f'<{p}DocBody><{p}DocInfo><{p}DocID>test</{p}DocID></{p}DocInfo>'
                               f'<{p}DocRoot>Doc_0/Document.xml</{p}DocRoot></{p}DocBody></{p}OFD>')
        refs = "".join(f'<{p}Page ID="{100 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        zf.writestr("Doc_0/Document.xml",
                    f'<?xml version="1.0" encoding="UTF-8"?><{p}Document {xmlns}><{p}CommonData>'
                    f'<{p}MaxUnitID>1</{p}MaxUnitID><{p}PageArea><{p}PhysicalBox>0 0 210 297</{p}PhysicalBox>'
                    f'</{p}PageArea></{p}CommonData><{p}Pages>{refs}</{p}Pages></{p}Document>')
        for k, page in enumerate(pages):
            xml = page_xml[k] if page_xml and k in page_xml else _page_xml(page, p, xmlns, k + 1, 1000 * (k + 1))
            zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", xml)
        for name, data in (extra_parts or {}).items():
            zf.writestr(name, data)
    return path
