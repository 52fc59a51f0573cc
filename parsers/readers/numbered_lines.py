"""Rows of a one-cell-per-line table found by their 序号 (or, with no 序号, by their units' names) instead of their
weights. Two shapes need it:

* a task list with no weight column (`序号 / 民生实事 / 责任单位 / 完成时限`, `项目名称 / 内容 / 牵头单位 / 进展情况`): a row
  is its number, its name, then its cells; a units cell with several names is written one name a line, so the
  units run is the lines that read as units' names. Lines left after the last cell, before the next number, are a
  sub-row under the same merged 序号 and units (`开工建设…。` / `12月底前`).
* a scored table whose merged group cell stands left of the 序号 (`项目 / 序号 / 创建标准 / 评分标准 / 分值`): the group
  cell is written once, before the first number of its group, name and points on their own lines (`…完成` / `12分`);
  a row without a weight of its own (a bonus rule) has no weight line.

Between rows may stand a subtotal (`小计` / `100分`), a block's own sub-header (`加分项目` / `加分标准和依据`) and the next
group's cell, or a group heading (`二、民生保障`, a group row of its own); rows are numbered on (`21`, `22` …) or numbered
again from 1 in a new block. A total row is kept as a row (its word in the name's cell), a sub-header is dropped.
With no 序号 (and no weight), a row is one line for each cell left of its units, its units' lines, then its cells
right of them up to the next row."""
from __future__ import annotations

import regex

from parsers.extract.headers import looks_like_org, table_vocab
from parsers.readers.line_cells import cell_role, clean_cell
from parsers.readers.row_placement import measured_kind, spread
from parsers.readers.weighted_lines import weight_under_name_rows
from parsers.textnorm import no_space
from schemas.blocks import Provenance, TableRow

ROW_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*[.、．]?\s*$")
WEIGHT = regex.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*分?\s*$")
NAME_SPLIT = regex.compile(r"[、，,；;]")
GROUP_HEADING = regex.compile(r"^\s*([一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*(\S.*)$")
GROUP_POINTS_LINE = regex.compile(r"^\s*[（(]?\s*\d{1,3}(?:\.\d+)?\s*分\s*[)）]?\s*$")  # `10分)`, `(10分)`
GROUP_NAME_LINE = regex.compile(r"^[^\d。；;，,：:、]{2,20}$")  # a group's name: no sentence, no number
MAX_ROW_LINES = 12  # lines of one row: more means the run is not one table
MAX_GROUP_LINES = 5  # lines of a merged group cell (`加分考核` / `累计不得` / `超过` / `10分`)
MIN_ROWS = 2
PARTY = ("units", "co_units", "assessors")
Body = list[tuple[int, str]]


def _total(text: str) -> bool:
    return no_space(text) in {no_space(w) for w in table_vocab()["total_words"]}


def _number(text: str) -> int | None:
    m = ROW_NUMBER.match(text)
    return int(m.group(1)) if m else None


def _org_line(text: str) -> bool:
    """A line of units' names (`县水务局`, `区经信局、区商务局`)."""
    names = [n for n in NAME_SPLIT.split(text) if no_space(n)]
    return bool(names) and all(looks_like_org(n) for n in names)


def _starts_row(body: Body, k: int, expected: int | None) -> bool:
    number = _number(body[k][1])
    if number is None or (expected is not None and number not in (expected, 1)):
        return False
    nxt = body[k + 1][1] if k + 1 < len(body) else None
    return nxt is not None and _number(nxt) is None and not WEIGHT.match(nxt) and not _total(nxt)


def _restarts(body: Body, k: int, j: int, right: list[str | None]) -> bool:
    """Whether a row number at ``j`` may end the row numbered at ``k``: the next number does; a `1` (a block numbered
    again) only after the row's units or weight, else it is a value inside the row (a target of `1`)."""
    if _number(body[j][1]) == _number(body[k][1]) + 1:
        return True
    lines = [t for _, t in body[k + 1:j]]
    if "units" in right:
        return any(_org_line(t) for t in lines)
    return "weight" not in right or any(WEIGHT.match(t) for t in lines)


def _own_cells(lines: list[str], roles: list[str | None], units_above: str | None,
               whole: bool = False, above: list[str] | None = None) -> tuple[list[str], int]:
    """The cells right of the 序号 from ``lines`` (one row) and how many lines they took. ``units_above``: a sub-row
    under a merged units cell, which it takes where it has no units of its own. ``whole``: ``lines`` end where the
    next row starts, so a cell of names one a line leaves a line to each cell after it."""
    cells = [""] * len(roles)
    limit = next((j for j, t in enumerate(lines) if _total(t)), len(lines))
    weight = roles.index("weight") if "weight" in roles else None
    at = next((j for j in range(1, limit) if WEIGHT.match(lines[j])), None) if weight is not None else None
    if weight is not None and at is not None and at <= MAX_ROW_LINES:
        before = lines[:at]
        for c in range(min(weight, len(before))):
            cells[c] = before[c] if c < weight - 1 else "\n".join(before[c:])
        cells[weight] = lines[at]
        used, after = at + 1, len(roles) - weight - 1
        rest = [t for t in lines[at + 1:limit] if not GROUP_HEADING.match(t)]
        if whole and after and len(rest) > after and len(rest) == limit - at - 1:
            cells[weight + 1] = "\n".join(rest)  # the row's cells right of the weight: all its lines in the first
            return cells, limit
        for c in range(weight + 1, len(roles)):
            if used < limit and _number(lines[used]) is None:
                cells[c], used = lines[used], used + 1
        return cells, used
    columns = [c for c, r in enumerate(roles) if r != "weight"]
    units = roles.index("units") if "units" in roles else None
    lead = [c for c in columns if units is not None and c < units]
    # the units' names start the row's last lines; before the cells left of them all, only where every line after
    # is a party's (a row short of a merged cell on its left), not a place that reads as a unit (`相关镇(街道)`)
    found = next((j for j in range(1, min(limit, len(lead) + MAX_ROW_LINES)) if _org_line(lines[j])
                  and (j >= len(lead) or all(_org_line(t) for t in lines[j:limit]))), None) if lead else None
    used = 0
    if found is not None:  # the cells left of the units take the lines before the names (a task over two lines);
        if found < len(lead):  # fewer: merged above (or empty), placed as the rows above have their cells
            for c, text in zip(lead, spread(lines[:found], [roles[c] for c in lead],
                                             [above[c] for c in lead] if above else None, measured_kind)):
                cells[c] = text
        for n, c in enumerate(lead if found >= len(lead) else []):
            cells[c] = lines[n] if n < len(lead) - 1 else "\n".join(lines[n:found])
        used = found
    for c in columns:
        if (found is not None and c in lead) or used >= limit:
            continue
        if roles[c] in PARTY:
            after = sum(1 for d in columns if d > c)
            run = _party_run(lines, used, max(used + 1, limit - after) if whole else limit)
            if not whole and run == len(lines) and after and run - after > used:
                run -= after  # the table's last row, its names up to the end: the cells after it take the last lines
            if run == used and roles[c] == "units" and units_above is not None:
                cells[c] = units_above  # merged over the sub-rows: the cell above
                continue
            run = max(run, used + 1)
            cells[c], used = "\n".join(lines[used:run]), run
            continue
        cells[c], used = lines[used], used + 1
    return cells, used


def _party_run(lines: list[str], start: int, limit: int) -> int:
    """The end of a cell of parties' names from ``start``: one line listing several (`县财政局、县税务局`), or names one a
    line."""
    run = start
    while run < limit and _org_line(lines[run]):
        if run > start and (_several(lines[run]) or _several(lines[run - 1])):
            break
        run += 1
    return run


def _several(text: str) -> bool:
    return len([n for n in NAME_SPLIT.split(text) if no_space(n)]) > 1


def by_numbers(body: Body, header: list[str], roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    """Rows found by their 序号 or their units rather than their weights; None where neither reads."""
    if "weight" not in roles:
        found = weight_under_name_rows(body, roles, source)  # `1` / `制度建设` / `(9分)`
        if found is not None:
            return found
    if "row_no" in roles:
        return numbered_rows(body, header, roles, source, lambda text: cell_role(text) is not None)
    return unit_rows(body, header, roles, source)


def numbered_rows(body: Body, header: list[str], roles: list[str | None], source: str,
                  header_word) -> tuple[list[TableRow], int] | None:
    """Rows of a table whose header has a 序号, found by their numbers; (rows, index of the last line used) or None.
    ``header_word`` tells a line that is a header word (a block's sub-header)."""
    p = roles.index("row_no")
    right = roles[p + 1:]
    if not right or (p == 0 and "units" not in right and "weight" not in right):
        return None
    table = _Numbered(header, p, right, source, header_word)
    k = 0
    while k < len(body) and not _starts_row(body, k, None):
        k += 1
    table.between(body[:k], last=False)
    if table.failed or k >= len(body):
        return None
    expected, end = None, body[k][0]
    while k < len(body) and _starts_row(body, k, expected):
        number = body[k][1].strip()
        stop = next((j for j in range(k + 1, min(len(body), k + 2 + MAX_ROW_LINES))
                     if _starts_row(body, j, _number(number) + 1) and _restarts(body, k, j, right)), None)
        segment = body[k + 1:stop if stop is not None else min(len(body), k + 1 + MAX_ROW_LINES)]
        carried = [next((r.cells[p + 1 + c] for r in reversed(table.rows) if no_space(r.cells[p + 1 + c])), "")
                   for c in range(len(right))] if table.rows else None
        # the next group's merged cell closes the segment (`理论武装` / `10分)`): the row's cells stop before it
        tail = _group_tail([t for _, t in segment], right) if p > 0 and stop is not None else 0
        own, used = _own_cells([t for _, t in segment[:len(segment) - tail]], right, None, whole=stop is not None,
                               above=carried)
        table.add(number, own, body[k][0])
        end = table.between(segment[used:], last=stop is None, number=number, own=own) or segment[used - 1][0]
        if stop is None or table.failed:
            break
        k, expected = stop, _number(number) + 1
    if table.failed or sum(1 for r in table.rows if r.cells[p]) < MIN_ROWS:
        return None
    return table.rows, end


def _group_tail(lines: list[str], right: list[str | None]) -> int:
    """Lines ending a row's segment that are the next group's cell, written before its first row: a short name
    with no sentence or number in it, then its points on a line of their own (`理论武装` / `10分)`, its `(` lost or
    not). 0 unless the row keeps its name, its weight and a cell after it without them."""
    if len(lines) < 2 or not GROUP_POINTS_LINE.match(lines[-1]) or not GROUP_NAME_LINE.match(lines[-2]):
        return 0
    kept = lines[:-2]
    at = next((j for j in range(1, len(kept)) if WEIGHT.match(kept[j])), None) if "weight" in right else None
    return 2 if at is not None and at + 1 < len(kept) else 0


class _Numbered:
    """The rows read so far, and the merged group cell waiting for the next row."""

    def __init__(self, header: list[str], p: int, right: list[str | None], source: str, header_word) -> None:
        self.header, self.p, self.right, self.source, self.header_word = header, p, right, source, header_word
        self.rows: list[TableRow] = []
        self.group: list[str] = []
        self.failed = False

    def add(self, number: str, right: list[str], at: int) -> None:
        self.rows.append(_row(self.header, self.p, self.group, number, right, at, self.source))
        self.group = []

    def between(self, lines: Body, last: bool, number: str = "", own: list[str] | None = None) -> int | None:
        """Lines after a row's cells (before the first row: ``number`` empty): subtotals, a group heading, the next
        group's cell, a sub-header, a sub-row. The index of the last line taken, None if none."""
        end, j = None, 0
        while j < len(lines):
            at, text = lines[j]
            heading = GROUP_HEADING.match(text)
            if _total(text):
                weight = lines[j + 1][1] if j + 1 < len(lines) and WEIGHT.match(lines[j + 1][1]) else ""
                cells = [text] + [""] * (len(self.right) - 1)
                if "weight" in self.right:
                    cells[self.right.index("weight")] = weight
                self.rows.append(_row(self.header, self.p, [], "", cells, at, self.source))
                j += 2 if weight else 1
            elif last:
                break
            elif heading and self.p == 0:  # `二、民生保障`: a group row of its own, as the 序号 column has it
                cells = [heading.group(2)] + [""] * (len(self.right) - 1)
                self.rows.append(_row(self.header, 0, [], heading.group(1), cells, at, self.source))
                j += 1
            elif self.header_word(text) or (self.group and WEIGHT.match(self.group[-1])):
                j += 1  # a block's own sub-header, under its group cell that ended with its points
            elif self.p > 0:
                self.group.append(text)  # the next group's merged cell
                self.failed = len(self.group) > MAX_GROUP_LINES
                j += 1
            elif number:
                units = self.right.index("units") if "units" in self.right else None
                sub, taken = _own_cells([t for _, t in lines[j:]], self.right,
                                        own[units] if own is not None and units is not None else None)
                self.rows.append(_row(self.header, 0, [], number, sub, at, self.source))
                j += max(taken, 1)
            else:
                self.failed = True  # text before the first row that is no group
                return None
            end = lines[j - 1][0]
        return end


def _row(header: list[str], p: int, group: list[str], number: str, right: list[str], at: int,
         source: str) -> TableRow:
    cells = [""] * len(header)
    if group:
        cells[0] = "\n".join(group)
    cells[p] = number
    cells[p + 1:] = right
    return TableRow([clean_cell(c) for c in cells], Provenance(source, None, at + 1))


def unit_rows(body: Body, header: list[str], roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    """Rows of a task table with no 序号 and no weight, found by their units' names: a row is one line for each cell
    left of the units, the run of units' lines, then its cells right of them up to the next row."""
    if "units" not in roles or "row_no" in roles or "weight" in roles:
        return None
    u = roles.index("units")
    after = len(roles) - u - 1
    if u == 0:
        return None
    runs, k = [], u
    while k < len(body):
        if _org_line(body[k][1]) and (not runs or k - u >= runs[-1][1] + after):
            start = k
            while k < len(body) and _org_line(body[k][1]):
                k += 1
            runs.append((start, k))
            continue
        k += 1
    if not runs or runs[0][0] != u:
        return None
    rows: list[TableRow] = []
    end = 0
    for n, (start, stop) in enumerate(runs):
        first = start - u
        cells = [t for _, t in body[first:start]] + ["\n".join(t for _, t in body[start:stop])]
        # the last row: its cells right of the units, more lines than cells only where they end the text
        nxt = runs[n + 1][0] - u if n + 1 < len(runs) else (
            len(body) if len(body) - stop <= 2 * after else min(len(body), stop + after))
        rest = [t for _, t in body[stop:nxt]]
        if after:
            tail = rest[:after - 1] + ["\n".join(rest[after - 1:])] if len(rest) > after else rest
            cells += tail + [""] * (after - len(tail))
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, body[first][0] + 1)))
        end = body[max(nxt, stop) - 1][0]
    return rows, end


# `1、常常参与体育锻炼人数百分比`: a row's number printed at the start of its name's line, not on a line of its own
NUMBERED_NAME = regex.compile(r"^\s*(\d{1,3})\s*(?:、|[.．](?!\d))\s*(?=\S)")
MIN_NAMED_ROWS = 3


def numbered_name_rows(body: Body, header: list[str], roles: list[str | None],
                       source: str) -> tuple[list[TableRow], int] | None:
    """一级指标 / 二级指标 / A类标准 / B类标准 …: each row opens with its name, its number printed at the start of the
    name's line (`1、…`, numbered on), followed by one line for each cell right of the name. Lines before the first row,
    or left over after a row's cells, are the merged group cell of the rows below (a cell over several lines:
    `体育锻炼参与率` / `身体素质`), left of the name. The name keeps its number (the header has no 序号 column). A row
    with fewer lines than cells ends the table (the last row cut by the page)."""
    if "indicator" not in roles or "row_no" in roles:
        return None
    name = roles.index("indicator")
    right = len(header) - name - 1
    starts = _numbered_starts(body)
    if len(starts) < MIN_NAMED_ROWS or right < 1 or (starts[0] and not name) or starts[0] > MAX_GROUP_LINES:
        return None
    group = "\n".join(t for _, t in body[:starts[0]])
    rows, end = [], None
    for n, k in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else min(len(body), k + 1 + right)
        lines = [t for _, t in body[k + 1:stop]]
        if len(lines) < right or len(lines) > right + (MAX_GROUP_LINES if name else 0):
            break
        cells = [""] * len(header)
        cells[name - 1 if name else 0] = group if name else cells[0]
        cells[name], cells[name + 1:] = body[k][1], lines[:right]
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, body[k][0] + 1)))
        group, end = ("\n".join(lines[right:]) or group), body[k + right][0]
    if len(rows) < MIN_NAMED_ROWS:
        return None
    return rows, end


def _numbered_starts(body: Body) -> list[int]:
    """The lines opening numbered rows: numbers 1, 2, 3 … in order, each on a name's line."""
    starts: list[int] = []
    for k, (_, text) in enumerate(body):
        m = NUMBERED_NAME.match(text)
        if m and int(m.group(1)) == len(starts) + 1:
            starts.append(k)
    return starts
