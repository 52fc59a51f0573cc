"""A table a page wrote as `cell` / `|` / `cell` / `|` …: each cell on lines of its own, closed by a line `|`, no row
marks. Split from ``pipe_tables``."""
from __future__ import annotations

from itertools import dropwhile

from parsers.readers.line_cells import MIN_HEADER_CELLS, MIN_ROWS, PIPE, ROW_END, WEIGHT_LINE, cell_role, clean_cell
from parsers.readers.row_placement import fits, kind_of, spread, spread_roles
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

MAX_SEPARATED_LINES = 600  # lines of one such table: more means the run is not one table


def separated_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """A table a page wrote as `cell` / `|` / `cell` / `|` …: each cell on a line or more of its own (`班` / `子` /
    … / `(20分)` written down a column), closed by a line `|`, an empty cell a `|` alone, no row marks. The header is
    the run of header words it starts with; each row then closes as many cells as the header has, so a row whose
    merged cells are not written ends in as many extra empty ones, and its cells shift right by that many."""
    cells: list[tuple[int, int, str]] = []  # (first line, line after its closing `|`, text)
    text: list[str] = []
    start = k = i
    while k < len(lines) and k - i < MAX_SEPARATED_LINES:
        if ROW_END.match(lines[k]):
            cells.append((start, k + 1, "\n".join(text)))
            text, start = [], k + 1
        elif not lines[k].strip() or PIPE in lines[k]:
            break
        else:
            start = start if text else k
            text.append(lines[k].strip())
        k += 1
    width = next((n for n, cell in enumerate(cells) if cell_role(cell[2]) is None), len(cells))
    if width < MIN_HEADER_CELLS:
        return None
    width = _closed_width(cells, width)
    rows = [TableRow([clean_cell(c) for _, _, c in cells[:width]], Provenance(source, None, i + 1))]
    roles = spread_roles([c for _, _, c in cells[:width]])
    anchored = _by_weights(cells[width:], roles, source)
    above: list[str] | None = None
    end = cells[width - 1][1]
    for n in range(width, len(cells) - width + 1, width):  # a last row not closed in full is no row
        row = [c for _, _, c in cells[n:n + width]]
        if not any(no_space(c) for c in row):
            break
        placed = _unpadded(row, roles, above) if above else row
        if placed is row:
            above = row  # a row written in full: the next short one is read against it
        rows.append(TableRow([clean_cell(c) for c in placed], Provenance(source, None, cells[n][0] + 1)))
        end = cells[n + width - 1][1]
    if anchored is not None and _weighted(anchored[0], roles) > _weighted(rows[1:], roles):
        rows, end = rows[:1] + anchored[0], anchored[1]  # rows of several widths: read by their weights
    if len(rows) - 1 < MIN_ROWS:
        return None
    return Table(rows, rows[0].prov, merges_resolved=False), end


def _weighted(rows: list[TableRow], roles: list[str | None]) -> int:
    """Rows with a weight under the weight column."""
    at = roles.index("weight") if roles.count("weight") == 1 else None
    return 0 if at is None else sum(1 for r in rows if WEIGHT_LINE.match(r.cells[at]))


def _by_weights(body: list[tuple[int, int, str]], roles: list[str | None],
                source: str) -> tuple[list[TableRow], int] | None:
    """Rows that leave their merged cells unwritten, so no two need be as wide, found by their one weight each
    (a bare number under the header's one weight column): the cells between two weights are the first row's cells
    right of its weight, then the next row's left of it, parted where the most agree in kind with the rows above
    (a numbered name under a numbered name, units under units); each row then placed under the header by ``spread``.
    None unless two rows or more read so."""
    if roles.count("weight") != 1:
        return None
    at, texts = roles.index("weight"), [t for _, _, t in body]
    anchors = [n for n, t in enumerate(texts) if WEIGHT_LINE.match(t)]
    if len(anchors) < MIN_ROWS or not 1 <= anchors[0] <= at:
        return None
    right = len(roles) - 1 - at
    before, above = texts[:anchors[0]], [""] * len(roles)
    rows: list[TableRow] = []
    for r, a in enumerate(anchors):
        mid = texts[a + 1:anchors[r + 1]] if r + 1 < len(anchors) else texts[a + 1:a + 1 + right]
        cuts = range(max(0, len(mid) - at), min(right, len(mid) - 1) + 1) if r + 1 < len(anchors) else [len(mid)]
        if not cuts:
            break  # too many or too few cells between two weights: the table ends with this row's
        cut = max(cuts, key=lambda s: (_agreeing(mid, s, at, roles, above), s))
        placed = spread(before + [texts[a]] + mid[:cut], roles, above)
        rows.append(TableRow([clean_cell(c) for c in placed], Provenance(source, None, body[a - len(before)][0] + 1)))
        above, before = [p or c for p, c in zip(placed, above)], mid[cut:]
        end = body[a + cut][1] if cut else body[a][1]
    return (rows, end) if len(rows) >= MIN_ROWS else None


def _agreeing(mid: list[str], cut: int, at: int, roles: list[str | None], above: list[str]) -> int:
    """Cells agreeing with the rows above when ``mid`` is parted at ``cut``: those before it right of the weight, those
    after it left of the next weight, each as the row above has its column (in kind, or fitting it: units)."""
    columns = list(range(at + 1, at + 1 + cut)) + list(range(at - (len(mid) - cut), at))
    return sum(fits(text, roles[c]) or (bool(no_space(above[c])) and kind_of(text) == kind_of(above[c]))
               for text, c in zip(mid, columns))


def _closed_width(cells: list[tuple[int, int, str]], width: int) -> int:
    """The header's width: its words, and the empty cells closing it where the rows close as many (`实得分数` / `|` /
    `|`: a column the header leaves unnamed, empty in every row), so that each row's number and weight stand under the
    序号 and the weight column; ties: the words alone."""
    roles = [cell_role(c) for _, _, c in cells[:width]]
    rest = cells[width:]
    blank = len(rest) - len(list(dropwhile(lambda c: not no_space(c[2]), rest)))

    def fitting(w: int) -> int:
        return sum(fits(no_space(cells[n + c][2]), role) for n in range(w, len(cells) - w + 1, w)
                   for c, role in enumerate(roles) if role in ("row_no", "weight") and no_space(cells[n + c][2]))
    return max(range(width, width + blank + 1), key=lambda w: (fitting(w), -w))


def _unpadded(row: list[str], roles: list[str | None], above: list[str]) -> list[str]:
    """A row's cells, its trailing empty ones perhaps standing for its merged cells (not written): as many of them
    dropped as leave the cells agreeing most in kind with the row above, the gaps placed by ``spread``."""
    trailing = len(row) - len(list(dropwhile(lambda c: not no_space(c), reversed(row))))
    best, best_score = row, -1
    for drop in range(trailing + 1):
        placed = spread(row[:len(row) - drop], roles, above) if drop else row
        lead = next((c for c, p in enumerate(placed) if no_space(p)), len(placed))
        score = sum(kind_of(p) == kind_of(a) or (c < lead and bool(no_space(a)))
                    for c, (p, a) in enumerate(zip(placed, above)))
        if score > best_score:
            best, best_score = placed, score
    return best
