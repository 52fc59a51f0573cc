"""Web text pasted into Word, or a PDF printed from such a file: the artefacts the text reader repairs in
a .txt, met in a run of body paragraphs — a table a web page flattened into lines (one cell per line,
`|`-separated, box-drawn, single spaces between cells) and items a page ran together on one line, parted
by runs of spaces. Each paragraph is read as a line by the text reader's own detectors; paragraphs none
of them claims stay as they are (a drafter's paragraphs are never re-joined)."""
from __future__ import annotations

import re
from dataclasses import replace

from parsers.readers.box_tables import box_table
from parsers.readers.glued_tables import may_hold_glued
from parsers.readers.line_tables import MAX_HEADER_CELL, cell_line_table, pipe_line_table
from parsers.readers.spaced_tables import MIN_HEADER, spaced_table
from parsers.readers.text_reader import ITEM_GAP, MIN_FLATTENED_LINE
from schemas.blocks import Paragraph, Table

Block = Paragraph | Table
# What a line must hold to start any flattened table unless it is short enough to be a header cell: a `|`, a
# box-drawing edge, or enough spaces between cells for a spaced header; items run together are parted by a run of
# spaces; a table glued with no separators is a long line with a weight word and a `、`. A drafter's paragraph
# (`1. 生产总值…；`) mostly holds none of these, so it skips every detector.
EDGE = re.compile(r"[|┌├│└┏┣┃┗]")
CELL_GAP = re.compile(r"[ \u3000\u00a0\t]+")
ITEM_SPACES = re.compile(r"[ \u3000\u00a0]{2,}")


def _may_start(line: str) -> bool:
    return (len(line) <= MAX_HEADER_CELL or EDGE.search(line) is not None or ITEM_SPACES.search(line) is not None
            or len(CELL_GAP.findall(line)) >= MIN_HEADER - 1 or may_hold_glued(line))


def repair_pasted(blocks: list[Block], source: str) -> list[Block]:
    """``blocks`` with every run of body paragraphs (between tables and headings) read again as lines."""
    out: list[Block] = []
    run: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph) and not block.heading_level:
            run.append(block)
            continue
        out.extend(_repaired(run, source))
        run = []
        out.append(block)
    out.extend(_repaired(run, source))
    return out


def _repaired(run: list[Paragraph], source: str) -> list[Block]:
    lines = [p.text for p in run]
    out: list[Block] = []
    i = 0
    while i < len(lines):
        if not _may_start(lines[i]):
            out.append(run[i])
            i += 1
            continue
        spaced = spaced_table(lines, i, source)
        if spaced is not None:  # a spreadsheet's rows flattened with single spaces
            lead, table, tail, after = spaced
            if lead.strip():
                out.append(replace(run[i], text=lead.strip()))
            out.append(_placed(table, run))
            if tail.strip():
                out.append(replace(run[after - 1], text=tail.strip()))
            i = after
            continue
        found = box_table(lines, i, source) or pipe_line_table(lines, i, source) or cell_line_table(lines, i, source)
        if found is not None:
            table, i = found
            out.append(_placed(table, run))
            continue
        paragraph = run[i]
        i += 1
        pieces = ITEM_GAP.split(paragraph.text.strip()) if len(paragraph.text) >= MIN_FLATTENED_LINE else []
        if len(pieces) > 1:
            out.extend(replace(paragraph, text=piece) for piece in pieces if piece.strip())
        else:
            out.append(paragraph)
    return out


def _placed(table: Table, run: list[Paragraph]) -> Table:
    """The table's rows given the provenance of the paragraphs they came from (the detectors number
    the lines they were given from 1)."""
    for row in table.rows:
        line = row.prov.line
        if line is not None and 1 <= line <= len(run):
            row.prov = run[line - 1].prov
    if table.rows:
        table.prov = table.rows[0].prov
    return table
