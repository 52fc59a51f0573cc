"""A spreadsheet a site flattened with single spaces between cells: `序号 考核内容 评分细则 分值 一、…(17分) 1 content。
rule。 2 2 content。 rule。 3 …` (one run, or one line per row). A header of column words, the first 序号 and the last
分值, names the columns; each row is its bare number, its cells, and its bare points, where the next row's number (or a
group heading `一、…(N分)`, or the end of the run) follows the points. A cell's stray inner spaces (`根 据`) are dropped;
a cell right of the first ends after its sentence's full stop. Strict: the header, consecutive row numbers and a
closed first cell in every row, else the text stays text."""
from __future__ import annotations

import regex

from parsers.readers.line_tables import cell_role, clean_cell
from schemas.blocks import Provenance, Table, TableRow

TOKEN_SPLIT = regex.compile(r"[ \u3000\u00a0\t]+")
BARE_INT = regex.compile(r"^\d{1,3}$")
BARE_POINTS = regex.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
GROUP_HEADING = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S")
GROUP_ORDINAL = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
CELL_END = regex.compile(r"[。；;！!？?]$")
MIN_HEADER, MIN_ROWS, MAX_POINTS = 3, 2, 100
MAX_ROW_TOKENS = 40  # tokens of one row: more means the run is prose, not a table


def _header_at(tokens: list[str]) -> tuple[int, int] | None:
    """(start, end) of the first run of header words that starts with a 序号 and ends with a weight column."""
    for p, tok in enumerate(tokens):
        if cell_role(tok) != "row_no":
            continue
        q = p
        while q < len(tokens) and cell_role(tokens[q]) is not None:
            q += 1
        roles = [cell_role(t) for t in tokens[p:q]]
        while roles and roles[-1] == "form":
            roles.pop()  # an empty 得分 column the assessor fills in
        if len(roles) >= MIN_HEADER and roles[-1] == "weight" and "weight" not in roles[:-1]:
            return p, p + len(roles)
    return None


def _split_cells(tokens: list[str], count: int) -> list[str] | None:
    """The row's tokens as ``count`` cells: each cell but the last closes at a sentence's end."""
    cells, current = [], []
    for tok in tokens:
        current.append(tok)
        if len(cells) < count - 1 and CELL_END.search(tok):
            cells.append("".join(current))
            current = []
    if current:
        cells.append("".join(current))
    return cells if len(cells) == count and all(cells) else None


def _rows(tokens: list[str], width: int) -> tuple[list[list[str]], int]:
    """Rows parsed from the body tokens (group headings as rows of their own) and how many tokens they took."""
    rows: list[list[str]] = []
    j, expected, used = 0, None, 0
    while j < len(tokens):
        if GROUP_HEADING.match(tokens[j]) and not BARE_INT.match(tokens[j]):
            k = j + 1
            while k < len(tokens) and not BARE_INT.match(tokens[k]) and k - j < MAX_ROW_TOKENS:
                k += 1
            heading = "".join(tokens[j:k])
            ordinal = GROUP_ORDINAL.match(heading)  # in the 序号 column, as the spreadsheet's group row has it
            rows.append([ordinal.group(), heading[ordinal.end():]] + [""] * (width - 2))
            j = k
            continue
        if not BARE_INT.match(tokens[j]) or (expected is not None and int(tokens[j]) != expected):
            break
        end = _points_at(tokens, j, int(tokens[j]))
        if end is None:
            break
        cells = _split_cells(tokens[j + 1:end], width - 2)
        if cells is None:
            break
        rows.append([tokens[j]] + cells + [tokens[end]])
        expected, j = int(tokens[j]) + 1, end + 1
        used = j
    while rows and not rows[-1][0].isdigit():
        rows.pop()  # a group heading with no row after it
    return rows, used


def _points_at(tokens: list[str], j: int, number: int) -> int | None:
    """Where row ``number`` (starting at ``j``) has its bare points: the next row's number, a group heading or
    the end follows them."""
    for k in range(j + 2, min(len(tokens), j + MAX_ROW_TOKENS)):
        if not BARE_POINTS.match(tokens[k]) or float(tokens[k]) > MAX_POINTS:
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is None or GROUP_HEADING.match(nxt) or (
                nxt == str(number + 1) and k + 2 < len(tokens) and not BARE_POINTS.match(tokens[k + 2])):
            return k
    return None


def spaced_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """(text before the table on line ``i``, the table, text after it on its last line, the index after that line);
    None when no such table starts on line ``i``."""
    tokens = TOKEN_SPLIT.split(lines[i].strip())
    if len(tokens) < MIN_HEADER:
        return None
    found = _header_at(tokens)
    if found is None:
        return None
    start, end = found
    header = tokens[start:end]
    body, owner = [], []
    k = i
    rest = tokens[end:]
    while True:
        body += rest
        owner += [k] * len(rest)
        k += 1
        if k >= len(lines) or not lines[k].strip():
            break
        rest = TOKEN_SPLIT.split(lines[k].strip())
    rows, used = _rows(body, len(header))
    if sum(1 for r in rows if r[0].isdigit()) < MIN_ROWS:
        return None
    last = owner[used - 1]
    tail = [t for t, o in zip(body[used:], owner[used:]) if o == last]
    table_rows = [TableRow(header, Provenance(source, None, i + 1))]
    table_rows += [TableRow([clean_cell(c) for c in r], Provenance(source, None, i + 1)) for r in rows]
    return " ".join(tokens[:start]), Table(table_rows, table_rows[0].prov, merges_resolved=False), " ".join(tail), last + 1
