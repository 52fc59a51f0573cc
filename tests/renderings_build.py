"""Renderings of a gold .txt as a drafter's office would make them: a .docx (python-docx, 仿宋 body with a
first-line indent, a centred title) whose tab-convention tables are real Word tables, and a .pdf of that
.docx made by LibreOffice headless. Shared by benchmarks/renderings.py and tests/test_renderings.py.

The tab convention (../shared/real/SOURCES.md): each cell a tab-prefixed line, a cell's own line breaks as
untabbed continuation lines, a blank line between rows, a merged cell empty in the rows below it, a colspan
cell followed by an empty cell. An empty cell alone cannot say which it is (an empty form column, a merged
cell, a colspan); the gold's rows, which fill merged cells, decide it where they line up with the table."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

BODY_FONT, TITLE_FONT, LABEL_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体"
BODY_SIZE, TITLE_SIZE, CELL_SIZE = Pt(16), Pt(22), Pt(12)
TITLE_MAX = 50  # a first line longer than this is prose, not the title
ATTACHMENT = ("附件", "附表")


@dataclass
class TxtTable:
    rows: list[list[str]]
    # (row, col) → "v" (continues the merged cell above) or "h" (continues the cell to its left)
    merges: dict[tuple[int, int], str] = field(default_factory=dict)


def read_blocks(txt: Path) -> list[str | TxtTable]:
    """The document as the .txt reader understands it: its paragraphs (broken lines re-joined, items a
    web page ran together parted) and every table it finds (tab convention, `|` lines, one cell per line,
    box drawing, single spaces), in order. What a drafter's own file would hold, without the web
    page's artefacts."""
    from parsers.readers.text_reader import read_text

    items: list[str | TxtTable] = []
    for block in read_text(txt, txt.name, markdown=False).blocks:
        if hasattr(block, "rows"):
            items.append(TxtTable([list(r.cells) for r in block.rows]))
        elif block.text.strip():
            items.append(block.text.strip())
    return items


def parse_txt(text: str) -> list[str | TxtTable]:
    """The txt's prose lines as they stand (blank lines dropped; flattened text stays as it is) and
    its tab-convention tables, in order."""
    lines = text.splitlines()
    items: list[str | TxtTable] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            table, i = _tab_table(lines, i)
            items.append(table)
            continue
        if lines[i].strip():
            items.append(lines[i].strip())
        i += 1
    return items


def _tab_table(lines: list[str], i: int) -> tuple[TxtTable, int]:
    """As the text reader reads it: the table ends at the first untabbed line after a blank line."""
    rows: list[list[str]] = []
    cells: list[str] = []
    while i < len(lines):
        raw = lines[i]
        if raw.startswith("\t"):
            cells.append(raw[1:].strip())
        elif not raw.strip():
            if cells:
                rows.append(cells)
                cells = []
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("\t"):
                i += 1
                break
        elif cells:
            cells[-1] = f"{cells[-1]}\n{raw.strip()}" if cells[-1] else raw.strip()
        else:
            break
        i += 1
    if cells:
        rows.append(cells)
    width = max(len(r) for r in rows)
    return TxtTable([r + [""] * (width - len(r)) for r in rows]), i


def _flat(value: str) -> str:
    return "".join(str(value or "").split())


def plan_merges(table: TxtTable, gold_table: dict | None) -> bool:
    """Marks the table's merged cells from the gold's filled rows; False where they do not line up
    (then no cell is merged: empty cells stay empty, which a reader must read as the .txt reads them)."""
    if not gold_table:
        return False
    gold_rows = gold_table.get("rows") or []
    body = table.rows[len(table.rows) - len(gold_rows):] if len(gold_rows) < len(table.rows) else None
    if body is None or len(body[0]) != len(gold_rows[0]) or not _agrees(body, gold_rows):
        return False
    first = len(table.rows) - len(gold_rows)
    for k, (cells, gold) in enumerate(zip(body, gold_rows)):
        i = first + k
        for c, value in enumerate(cells):
            if value or not _flat(gold[c]):
                continue
            above = _resolved(table, i - 1, c) if k > 0 else None
            left = _resolved(table, i, c - 1) if c > 0 else None
            if above is not None and _flat(above) == _flat(gold[c]):
                table.merges[(i, c)] = "v"
            elif left is not None and _flat(left) == _flat(gold[c]):
                table.merges[(i, c)] = "h"  # a colspan cell (the gold may read it as the right column's)
    return True


def _agrees(body: list[list[str]], gold_rows: list[list]) -> bool:
    """Most of the table's filled cells read as the gold's (a colspan may sit one column off)."""
    filled = [(c, g) for cells, gold in zip(body, gold_rows) for c, g in zip(cells, gold) if c]
    same = sum(1 for c, g in filled if _flat(c) == _flat(g))
    return bool(filled) and same >= 0.8 * len(filled)


def _resolved(table: TxtTable, i: int, c: int) -> str:
    while (i, c) in table.merges:
        i, c = (i - 1, c) if table.merges[(i, c)] == "v" else (i, c - 1)
    return table.rows[i][c]


def _font(run, name: str, size) -> None:
    run.font.name = name
    run.font.size = size
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def prose_role(line: str, first: bool) -> str:
    """How a drafter sets a prose line: an attachment label, the title (a short first line), or body text."""
    if line.startswith(ATTACHMENT) and len(line) <= 8:
        return "label"
    if first and len(line) <= TITLE_MAX and not line.endswith(("。", "；", ";", ":", "：")):
        return "title"
    return "body"


# How body paragraphs are aligned: left as a plain .docx, justified (两端对齐, as most offices set a notice),
# or distributed (分散对齐: a paragraph's last line is stretched to the margin too).
ALIGNMENTS = {"left": None, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE}


def _prose(document, line: str, first: bool, align: str = "left") -> bool:
    """Adds one prose line; True when it ends the head of the document: the title (a short first line)
    or a line of prose (an attachment label does not end it)."""
    p = document.add_paragraph()
    p.alignment = ALIGNMENTS[align]
    fmt = p.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(28)
    role = prose_role(line, first)
    if role == "label":
        _font(p.add_run(line), LABEL_FONT, BODY_SIZE)
        return False
    if role == "title":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(p.add_run(line), TITLE_FONT, TITLE_SIZE)
        return True
    fmt.first_line_indent = Pt(32)  # two characters of 三号
    _font(p.add_run(line), BODY_FONT, BODY_SIZE)
    return not first


def _cell(cell, text: str, header: bool) -> None:
    parts = text.split("\n")
    cell.text = ""
    for k, part in enumerate(parts):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        if header:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(part)
        _font(run, LABEL_FONT if header else BODY_FONT, CELL_SIZE)


def _word_table(document, table: TxtTable) -> None:
    n_rows, n_cols = len(table.rows), len(table.rows[0])
    word = document.add_table(rows=n_rows, cols=n_cols)
    word.style = "Table Grid"
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, cells in enumerate(table.rows):
        for c, text in enumerate(cells):
            if (i, c) not in table.merges:
                _cell(word.cell(i, c), text, header=i == 0)
    for (i, c), kind in sorted(table.merges.items()):
        origin = (i, c)
        while origin in table.merges:
            origin = (origin[0] - 1, origin[1]) if table.merges[origin] == "v" else (origin[0], origin[1] - 1)
        if kind == "v" and (i + 1, c) in table.merges and table.merges[(i + 1, c)] == "v":
            continue  # merged once, from the origin to the last row of the run
        word.cell(*origin).merge(word.cell(i, c))


def build_docx(txt: Path, target: Path, gold: dict | None = None, raw_lines: bool = False,
               align: str = "left") -> dict:
    """The .docx rendering of ``txt``; what was made of it (tables, merged cells, whether the gold lined
    up). ``raw_lines``: the txt's lines as they stand (web artefacts kept), else the .txt reader's blocks."""
    items = parse_txt(txt.read_text(encoding="utf-8")) if raw_lines else read_blocks(txt)
    gold_tables = list((gold or {}).get("tables") or [])
    document = docx.Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Pt(79)  # GB/T 9704: 28 mm and 26 mm, about
    first, info = True, {"tables": 0, "merged": 0, "unaligned": 0}
    for item in items:
        if isinstance(item, str):
            placed = _prose(document, item, first, align)
            first = first and not placed
            continue
        gold_table = gold_tables.pop(0) if gold_tables else None
        if not plan_merges(item, gold_table):
            info["unaligned"] += 1
        _word_table(document, item)
        info["tables"] += 1
        info["merged"] += len(item.merges)
        first = False
    document.save(target)
    return info


def convert_to_pdf(docs: list[Path], out_dir: Path, soffice: str, timeout: float = 600, to: str = "pdf") -> list[Path]:
    """Each .docx converted to .pdf by one LibreOffice run (its own throwaway profile); the PDFs made.
    ``to``: another target, as LibreOffice names it (`doc:MS Word 97`, `odt`, `rtf`, `xls:MS Excel 97`, `ods`)."""
    suffix = "." + to.split(":")[0]
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # soffice's own Python must not see ours
    try:
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                        "--convert-to", to, "--outdir", str(out_dir), *map(str, docs)],
                       check=True, capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [p for p in (out_dir / (d.stem + suffix) for d in docs) if p.is_file()]


def build_renderings(golds: list[Path], folder: Path, soffice: str | None,
                     raw_lines: bool = False, align: str = "left") -> dict[str, dict]:
    """For each gold file: its .txt, gold, .docx and (with ``soffice``) .pdf in ``folder``/SET/. Returns the
    build info per .txt name."""
    infos: dict[str, dict] = {}
    made: list[tuple[Path, Path]] = []
    for gold_path in golds:
        stem = gold_path.name[: -len(".gold.json")]
        txt = gold_path.with_name(stem + ".txt")
        if not txt.is_file():
            continue
        target = folder / gold_path.parent.name
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(txt, target / txt.name)
        shutil.copy2(gold_path, target / gold_path.name)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        infos[txt.name] = build_docx(txt, target / (stem + ".docx"), gold, raw_lines, align)
        made.append((target / (stem + ".docx"), target))
    if soffice:
        for target in sorted({t for _, t in made}):
            convert_to_pdf([d for d, t in made if t == target], target, soffice)
    return infos
