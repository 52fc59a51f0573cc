"""A flattened table's category cell that came out among its rows.

A page that flattens a scoring table writes a merged category cell where its middle falls: `1. …(4分)` … `5. …(4分)`
`1.工作业绩(25分)紧紧围绕中心…` `6. …(5分)` `1. 严格党员管理…(2分)`. The outline then holds the cell as a sub-item of
the row before it (numbered 1 again, worth more than that row), and the next category's rows (numbered from 1 again,
their own cell still to come) as sub-items of the list's last row. A numbered sub-item worth exactly the sum of the
list it stands in, and more than its row, is that list's category: it becomes the list's heading, and the rows the
list's last row holds from 1 again follow it as a list of their own."""
from __future__ import annotations

MIN_ROWS = 3
TOLERANCE = 1e-6


def lift_row_cells(node) -> None:
    """Rewrites the outline under ``node`` in place (see the module)."""
    for child in list(node.children):
        lift_row_cells(child)
    _lift(node)


def _lift(parent) -> None:
    rows = [c for c in parent.children if c.marker is not None and not c.folded]
    if len(rows) < MIN_ROWS or any(r.kind != rows[0].kind or r.number != k + 1 or not r.reading.points
                                   for k, r in enumerate(rows)):
        return
    total = sum(r.reading.points for r in rows)
    found = next(((r, c) for r in rows for c in r.children if _is_cell(c, r, total)), None)
    if found is None:
        return
    row, cell = found
    last = rows[-1]
    following = [c for c in last.children if c.kind == last.kind]
    if following and following[0].number != 1:
        following = []
    moved = [(row, cell)] + [(last, c) for c in following]
    if not all(_unfold(owner, c) for owner, c in moved):
        return
    at = parent.children.index(rows[0])
    parent.children = [c for c in parent.children if c not in rows]
    parent.children[at:at] = [cell, *following]
    cell.children = rows + cell.children
    for c in (cell, *following):
        c.parent = parent
    for r in rows:
        r.parent = cell


def _unfold(owner, node) -> bool:
    """Takes ``node`` out of ``owner``: out of its text too where the outline folded it in (the same line)."""
    if node.folded:
        text = node.marker.raw + node.raw
        if text not in owner.raw:
            return False
        owner.raw, owner._reading, node.folded = owner.raw.replace(text, "", 1), None, False
    owner.children.remove(node)
    return True


def _is_cell(child, row, total: float) -> bool:
    points = child.reading.points
    return (child.kind == row.kind and child.number == 1 and not child.items() and points is not None
            and abs(points - total) < TOLERANCE and points > row.reading.points)
