"""A `|`-separated table a page printed transposed: the indicators run across, each field a line of its own. A field
is a label alone on its line (`主 要 指 标 |`) with its cells on the next line (`粮食综合生产能力 | 农业… |`), or the
label and its cells on one line (`属 性 | 约束性 | 预期性 |`). A block is a run of fields of as many cells each, its
first label naming the rows (the indicator); blocks with the same labels repeat to the table's end. Read back as one
row per indicator under a header of the labels; a last block cut by the page's end keeps the fields it has."""
from __future__ import annotations

from dataclasses import dataclass

from parsers.readers.line_cells import PIPE, cell_role
from parsers.readers.pipe_spans import pipe_cells
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

MIN_ACROSS = 2  # indicators across in a block
MIN_FIELDS = 2  # fields (label lines) in the first block


@dataclass
class _Field:
    label: str
    cells: list[str]
    end: int  # the line after the field


def transposed_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """The transposed table from line ``i`` (a label naming the indicator, alone on its line or before its cells)."""
    first = _field(lines, i, None)
    if first is None or cell_role(first.label) != "indicator":
        return None
    blocks: list[list[_Field]] = []
    labels: list[str] = []
    k = i
    while True:
        block = _block(lines, k, labels)
        if block is None:
            break
        blocks.append(block)
        if not labels:
            labels = [f.label for f in block]
        k = block[-1].end
    if not blocks or len(labels) < MIN_FIELDS or not any(cell_role(x) for x in labels[1:]):
        return None
    rows = [TableRow(labels, Provenance(source, None, i + 1))]
    for block in blocks:
        across = len(block[0].cells)
        for j in range(across):
            cells = [f.cells[j] for f in block] + [""] * (len(labels) - len(block))
            rows.append(TableRow(cells, Provenance(source, None, i + 1)))
    return Table(rows, Provenance(source, None, i + 1), merges_resolved=False), k


def _block(lines: list[str], k: int, labels: list[str]) -> list[_Field] | None:
    """The fields from line ``k`` (the first naming the indicator; later ones the first block's labels in order)."""
    head = _field(lines, k, None)
    if head is None or (labels and no_space(head.label) != no_space(labels[0])):
        return None
    if not labels and cell_role(head.label) != "indicator":
        return None
    block = [head]
    while not labels or len(block) < len(labels):
        nxt = _field(lines, block[-1].end, len(head.cells))
        if nxt is None or (labels and no_space(nxt.label) != no_space(labels[len(block)])):
            break
        if not labels and no_space(nxt.label) == no_space(head.label):
            break  # the next block's first label
        block.append(nxt)
    return block if labels or len(block) >= MIN_FIELDS else None


def _field(lines: list[str], k: int, across: int | None) -> _Field | None:
    """A label and its cells from line ``k``: a label alone, its cells on the next line; or the label and its cells
    on one line (as many cells as ``across``, when known; at least MIN_ACROSS for a block's first field)."""
    if k >= len(lines) or PIPE not in lines[k]:
        return None
    cells = _written(lines[k])
    if len(cells) == 1 and k + 1 < len(lines) and PIPE in lines[k + 1]:
        values = _written(lines[k + 1])
        if len(values) >= MIN_ACROSS and (across is None or len(values) == across) and all(values):
            return _Field(cells[0], values, k + 2)
        return None
    # a block's first field sets ``across`` by its own cells (`主要指标 | A | B | C`); later ones keep to it
    if (len(cells) == across + 1 if across is not None else len(cells) > MIN_ACROSS) and all(cells):
        return _Field(cells[0], cells[1:], k + 1)
    return None


def _written(line: str) -> list[str]:
    cells = pipe_cells(line)
    while cells and not cells[-1]:
        cells.pop()
    return cells
