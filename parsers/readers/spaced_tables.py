"""A spreadsheet a site flattened with single spaces between cells: `序号 考核内容 评分细则 分值 一、…(17分) 1 content。
rule。 2 2 content。 rule。 3 …` (one run, or one line per row). A header of column words, the first 序号 and the last
分值, names the columns; each row is its bare number, its cells, and its bare points, where the next row's number (or a
group heading `一、…(N分)`, or the end of the run) follows the points. A cell's stray inner spaces (`根 据`) are dropped;
a cell right of the first ends after its sentence's full stop. Strict: the header, consecutive row numbers and a
closed first cell in every row, else the text stays text."""
from __future__ import annotations

import csv
import io

import regex

from parsers.extract.headers import looks_like_org, looks_like_person
from parsers.readers.dash_rows import dash_rows_table
from parsers.readers.glued_tables import glued_table
from parsers.readers.line_cells import cell_role, clean_cell
from parsers.readers.spaced_forms import spaced_form_table
from parsers.readers.spaced_rows import line_rows_table
from parsers.readers.spaced_units import CELL_END, sentence_cells, unit_run_table
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

TOKEN_SPLIT = regex.compile(r"[ \u3000\u00a0\t]+")
BARE_INT = regex.compile(r"^\d{1,3}$")
BARE_POINTS = regex.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
GROUP_HEADING = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S")
GROUP_ORDINAL = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
MIN_HEADER, MIN_ROWS, MAX_POINTS = 3, 2, 100
MAX_ROW_TOKENS = 40  # tokens of one row: more means the run is prose, not a table
NAME_SPLIT = regex.compile(r"[、，,；;]")
PARTY = ("units", "co_units")
MAX_ROW_LINES = 8
MAX_LEAD_TOKENS = 3  # a title before the header on its line


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
    cells = sentence_cells(tokens, count)
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
    comma = comma_table(lines, i, source) if lines[i].count(",") >= MIN_HEADER - 1 or lines[i][:1] == '"' else None
    if comma is not None:
        return comma
    tokens = TOKEN_SPLIT.split(lines[i].strip())
    if len(tokens) < MIN_HEADER:
        return glued_table(lines, i, source)
    found = _header_at(tokens)
    if found is None:
        return (task_table(lines, i, source) or unit_run_table(lines, i, source) or line_rows_table(lines, i, source)
                or spaced_form_table(lines, i, source) or dash_rows_table(lines, i, source)
                or glued_table(lines, i, source))
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


# -- a task list: no weight column, cells told apart by what they hold ----------------------------------------------

def task_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """`序号 重点工作任务 主要责任单位 协同配合单位 完成期限` on a line of its own, then one row per number: the task up to its
    full stop, the units' names (one a token, or one a line), a list or sentence up to its full stop, the last cell.
    A row runs over the next lines until it has all its cells."""
    tokens = TOKEN_SPLIT.split(lines[i].strip())
    start = next((p for p, tok in enumerate(tokens[:MAX_LEAD_TOKENS]) if cell_role(tok) == "row_no"), None)
    if start is None:
        return None
    header = tokens[start:]  # after a title on the same line, if any
    roles = [cell_role(t) for t in header]
    if len(header) < MIN_HEADER or None in roles or "units" not in roles or "weight" in roles:
        return None
    rows, k, expected = [], i + 1, None
    while k < len(lines) and lines[k].strip():
        first = TOKEN_SPLIT.split(lines[k].strip())[0]
        if not BARE_INT.match(first) or (expected is not None and int(first) != expected):
            break
        row, after = _task_row(lines, k, roles[1:])
        if row is None:
            break
        rows.append(TableRow([first] + [clean_cell(c) for c in row], Provenance(source, None, k + 1)))
        k, expected = after, int(first) + 1
    if len(rows) < MIN_ROWS:
        return None
    table_rows = [TableRow(header, Provenance(source, None, i + 1))] + rows
    return " ".join(tokens[:start]), Table(table_rows, table_rows[0].prov, merges_resolved=False), "", k


def _task_row(lines: list[str], k: int, roles: list[str | None]) -> tuple[list[str] | None, int]:
    """The cells of the row starting on line ``k`` (after its number) and the index after its last line."""
    cells: list[list[str]] = [[] for _ in roles]
    column, first = 0, True
    for n in range(k, min(len(lines), k + MAX_ROW_LINES)):
        text = lines[n].strip()
        tokens = TOKEN_SPLIT.split(text)[1 if first else 0:] if text else []
        if not first and (not tokens or BARE_INT.match(tokens[0])):  # a blank line or the next row
            if cells[0] and any(cells[c] for c, r in enumerate(roles) if r == "units"):
                return _joined(cells, roles), n
            return None, k  # the next row before this one has its name and units
        first = False
        for tok in tokens:
            while column < len(roles) - 1 and not _takes(roles[column], cells[column], tok):
                column += 1
            cells[column].append(tok)
        if column == len(roles) - 1 and cells[column]:
            return _joined(cells, roles), n + 1
    return None, k


def _joined(cells: list[list[str]], roles: list[str | None]) -> list[str]:
    """Names one a line (as a cell with a line break each); prose tokens run together (a stray inner space)."""
    return [("\n" if roles[c] in PARTY + ("leaders",) else "").join(cells[c]) for c in range(len(roles))]


def _takes(role: str | None, cell: list[str], tok: str) -> bool:
    """Whether the cell being filled takes ``tok``: a prose cell until its full stop, a units cell while tokens are
    units' names (a list that ends with a full stop is a cell of its own), a leaders cell while they are people's
    names, a cell no field takes (a deadline) one token."""
    if role == "leaders":
        return looks_like_person(tok) or (not cell and CELL_END.search(tok) is not None)
    if not cell:
        return role not in PARTY or _names(tok) or CELL_END.search(tok) is not None
    if CELL_END.search(cell[-1]) or role == "other":
        return False
    return _names(tok) if role in PARTY else True


def _names(tok: str) -> bool:
    names = [n for n in NAME_SPLIT.split(tok) if n]
    return bool(names) and all(looks_like_org(n) for n in names)


# -- a spreadsheet kept as CSV text ----------------------------------------------------------------------------------

MAX_RECORD_LINES = 30  # lines of one quoted record: more means an unclosed quote, not a cell


def comma_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """A spreadsheet a site kept as CSV text (`"测评\n项目",指标名称,测评内容,测评标准,,,测评方法`): cells parted by
    commas, a cell holding commas or line breaks quoted, merged cells written in their first row only (empty below).
    The header is a record whose filled cells are all column words (three or more); the rows are the records after
    it, as wide. None unless line ``i`` starts such a header."""
    header, k = _record(lines, i)
    filled = [c for c in header or [] if no_space(c)]
    if len(filled) < MIN_HEADER or not all(cell_role(c) for c in filled):
        return None
    rows, starts = [header], [i]
    while k < len(lines):
        record, after = _record(lines, k)
        if record is None or len(record) != len(header) or not any(no_space(c) for c in record):
            break
        rows.append(record)
        starts.append(k)
        k = after
    if len(rows) - 1 < MIN_ROWS:
        return None
    table_rows = [TableRow([clean_cell(c) for c in r], Provenance(source, None, s + 1)) for r, s in zip(rows, starts)]
    return "", Table(table_rows, table_rows[0].prov, merges_resolved=False), "", k


def _record(lines: list[str], i: int) -> tuple[list[str] | None, int]:
    """The CSV record starting on line ``i`` (a quoted cell may run over lines) and the index after it; None where
    the line parts into no cells by commas."""
    text, k = lines[i], i + 1
    while text.count('"') % 2 and k < len(lines) and k - i < MAX_RECORD_LINES:
        text, k = f"{text}\n{lines[k]}", k + 1
    if text.count('"') % 2 or "," not in text:
        return None, i
    try:
        record = next(csv.reader(io.StringIO(text)))
    except (csv.Error, StopIteration):
        return None, i
    return record, k
