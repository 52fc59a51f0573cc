"""A scoring table flattened one cell per line whose levels each carry their own weight column
(`一级指标 | 二级指标 | 分值 | 评分细则 | 项目分值 | …`): the 二级 name over its 分值, then its 评分细则 items each over
its 项目分值. Every weighted line looks alike, so the level is read from the sums: a 二级 group's 分值 is exactly the sum
of the items under it. A 一级 cell (`一、`, its points perhaps broken over lines: `19` / `分)`) opens a block."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from parsers.readers.grouped_lines import GROUP_NUMBER
from parsers.readers.line_cells import MAX_ROW_LINES, MIN_ROWS, WEIGHT_LINE, clean_cell
from schemas.blocks import Provenance, TableRow

# the rest of a bracketed weight broken after its number (`一、` / `19` / `分)`)
WEIGHT_TAIL = regex.compile(r"^\s*分?\s*[)）]\s*$")


@dataclass
class Entry:
    """A name (its lines joined) closed by its weight line."""
    name: str
    weight: str
    line: int  # the name's first line number (1-based)
    end: int  # index in the document of the last line it took

    @property
    def top(self) -> bool:
        return GROUP_NUMBER.match(self.name) is not None


def _entries(body: list[tuple[int, str]]) -> list[Entry]:
    entries: list[Entry] = []
    pending: list[tuple[int, str]] = []
    for k, text in body:
        if WEIGHT_LINE.match(text) and pending:
            entries.append(Entry("\n".join(t for _, t in pending), text, pending[0][0] + 1, k))
            pending = []
        elif WEIGHT_LINE.match(text) or len(pending) >= MAX_ROW_LINES:
            break
        elif not pending and entries and entries[-1].top and WEIGHT_TAIL.match(text):
            entries[-1].weight += text  # `19` / `分)`: the 一级 cell's points, broken
            entries[-1].end = k
        else:
            pending.append((k, text))
    return entries


def _value(entry: Entry) -> float:
    return float(regex.match(r"\s*(\d+(?:\.\d+)?)", entry.weight).group(1))


def _blocks(entries: list[Entry]) -> list[tuple[Entry | None, Entry, list[Entry]]] | None:
    """(一级, 二级, its items) for every group, each group's items summing exactly to its weight; None unless every
    entry but the 一级 cells falls into such a group."""
    blocks, top, k = [], None, 0
    while k < len(entries):
        if entries[k].top:
            top, k = entries[k], k + 1
            continue
        group, total, items = entries[k], 0.0, []
        k += 1
        while k < len(entries) and not entries[k].top and total < _value(group):
            total += _value(entries[k])
            items.append(entries[k])
            k += 1
        if not items or abs(total - _value(group)) > 1e-6:
            return None
        blocks.append((top, group, items))
    return blocks


def level_rows(body: list[tuple[int, str]], header: list[str], roles: list[str | None],
               source: str) -> tuple[list[TableRow], int] | None:
    """One row per item, with its 二级 group's cells and the 一级 cell (as written, its points joined); None unless
    the header has two weight columns with a standard between and the group columns left of the first."""
    weights = [k for k, r in enumerate(roles) if r == "weight"]
    if len(weights) != 2 or weights[0] < 2 or "criteria" not in roles[weights[0]:weights[1]]:
        return None
    group_col, item_col = weights[0] - 1, weights[1] - 1
    blocks = _blocks(_entries(body))
    if not blocks or sum(len(items) for _, _, items in blocks) < MIN_ROWS:
        return None
    rows, end = [], 0
    for top, group, items in blocks:
        for item in items:
            cells = [""] * len(header)
            if top is not None and group_col > 0:
                cells[group_col - 1] = top.name + top.weight.strip()
            cells[group_col], cells[weights[0]] = group.name, group.weight
            cells[item_col], cells[weights[1]] = item.name, item.weight
            rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, item.line)))
            end = item.end
    return rows, end
