"""A unit's clauses laid out as a table: 序号 | 目标任务 | 分值, with section rows
(`重点目标 | 300`, `（一）重点目标 | | 500`) between the numbered clause rows."""
from __future__ import annotations

import regex

from parsers.extract import patterns as P
from parsers.extract.headers import map_header
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Table

DIGITS = regex.compile(r"\d+")
NUMBER = regex.compile(r"\d+(?:\.\d+)?")
MAX_SECTION_CHARS = 20


def is_clause_table(table: Table) -> bool:
    """序号 | 目标任务 | 分值 with no responsibility column."""
    if not table.rows:
        return False
    header = table.rows[0].cells
    fields = set(map_header(header).values())
    if any(not no_space(cell) for cell in header):
        return False  # a blank header column holds units or indicators: an indicator table
    return "weight" in fields and ("target" in fields or "indicator" in fields) and "units" not in fields


def _section_row(cells: list[str], mapping: dict[str, int], text_col: int | None) -> str | None:
    """A row naming a section: no clause number, a short name with no sentence punctuation."""
    seq_cell = halfwidth(cells[mapping["row_no"]]).strip() if "row_no" in mapping else ""
    if seq_cell.isdigit():
        return None
    names = [no_space(cells[i]) for i in (mapping.get("row_no"), text_col) if i is not None and no_space(cells[i])]
    name = P.ORDINAL_PREFIX.sub("", names[-1]) if names else ""
    if not name or len(name) > MAX_SECTION_CHARS or P.SENTENCE_PUNCT.search(name) or DIGITS.search(name):
        return None
    return P.POINTS_AT_END.sub("", name)


def clause_table(table: Table, state, result, doc, doc_id: str, make_target) -> None:
    mapping = {v: k for k, v in map_header(table.rows[0].cells).items()}
    text_col = mapping.get("target", mapping.get("indicator"))
    for row in table.rows[1:]:
        cells = row.cells
        weight = NUMBER.search(halfwidth(cells[mapping["weight"]]))
        points = float(weight.group()) if weight else None
        section = _section_row(cells, mapping, text_col)
        if section is not None:
            state.section, state.section_points = section, points
            continue
        text = no_space(cells[text_col]) if text_col is not None else ""
        if not text:
            continue
        seq_raw = cells[mapping["row_no"]].strip() if "row_no" in mapping else None
        seq_digits = DIGITS.search(halfwidth(seq_raw or ""))
        result.targets.append(make_target(
            doc_id, doc, state, len(result.targets), int(seq_digits.group()) if seq_digits else None,
            seq_raw, P.TRAILING_PUNCT.sub("", cells[text_col].replace("\n", "")).strip(),
            points, row.prov))
