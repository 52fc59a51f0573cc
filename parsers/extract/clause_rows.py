"""A notice's clause list as a table with a 序号 column and no points column: each numbered row's content cell
closes with the row's points (`村党组织健全…。(1分)`, `…(1个0.5分,共3分)`), and a group column left of the numbers,
merged down, names the section with its points (`组织建设16分`, a page writing the name one character a line)."""
from __future__ import annotations

import regex

from parsers.extract import patterns as P
from parsers.extract.headers import map_header
from parsers.extract.points import read_points
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Table

MIN_ROWS = 2
# a group's points bare after its name (`组织建设16分`) or bracketed (`组织建设(16分)`)
GROUP_POINTS = regex.compile(r"(?<=\p{Han})\s*[（(]?\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[)）]?\s*$")


def numbered_scored_rows(table: Table, state, result, doc, doc_id: str, make_target, total_words) -> bool:
    """The table's numbered rows as clauses (seq from the 序号 cell, points from the content cell's end), when
    nearly every row with a number is scored that way and the numbers run on; False when the table is not of that
    shape (a points column, no 序号, rows without points: an indicator table)."""
    mapping = {v: k for k, v in map_header(table.rows[0].cells).items()}
    number = mapping.get("row_no")
    text_col = mapping.get("target", mapping.get("indicator"))
    if "weight" in mapping or number is None or text_col is None or text_col <= number:
        return False
    body = [r for r in table.rows[1:] if max(number, text_col) < len(r.cells)
            and not any(no_space(c) in total_words for c in r.cells)]
    numbered = [r for r in body if halfwidth(r.cells[number]).strip().isdigit() and no_space(r.cells[text_col])]
    readings = {id(r): read_points(no_space(r.cells[text_col])) for r in numbered}
    scored = [r for r in numbered if readings[id(r)].points is not None and readings[id(r)].criteria is None]
    seqs = [int(halfwidth(r.cells[number]).strip()) for r in numbered]
    if len(scored) < MIN_ROWS or len(scored) < len(numbered) - 1 or any(b != a + 1 for a, b in zip(seqs, seqs[1:])):
        return False
    group_col = next((i for i in range(number) if i != text_col), None)
    for row in body:
        if group_col is not None and no_space(row.cells[group_col]):
            _enter_group(row.cells[group_col], state)
        if not any(row is r for r in scored):
            continue
        reading = readings[id(row)]
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), int(halfwidth(row.cells[number]).strip()),
            row.cells[number].strip(), P.TRAILING_PUNCT.sub("", reading.text).strip(), reading.points, row.prov))
    return True


def _enter_group(cell: str, state) -> None:
    """A group cell opens a section where it carries points; one without points only groups (GOLD.md)."""
    name = P.ORDINAL_PREFIX.sub("", halfwidth(no_space(cell)))
    points = GROUP_POINTS.search(name)
    state.section = (name[:points.start()].strip(".、") or None) if points else None
    state.section_points = float(points["points"]) if points else None
