"""A task table a site flattened into one run with single spaces between cells and no weight column (``spaced_tables``):
`考核 指标 序号 考核内容 评分规则 牵头单位 责任单位 一、水环境质量(基本分200分) 1 水质达标(100分) 根据…。 各…。 区治水办
区领导小组各成员单位 2 …`. A group column may stand before 序号 (its word split by a space: `考核 指标`), its heading
written once before its rows; each row is its number (1, 2 … in turn), its name closed by its points, its rules (sentences
up to a full stop) and then the units' names, one a column, up to the next row's number and name. Strict: the header's
words, a units column and no weight column, every row's name closed by its points and its units led by a unit's name;
only the run's last row, cut by the excerpt, may end before its units."""
from __future__ import annotations

import regex

from parsers.extract.headers import header_role, looks_like_org, simplified
from parsers.readers.line_cells import cell_role, clean_cell
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

TOKEN_SPLIT = regex.compile(r"[ \u3000\u00a0\t]+")
BARE_INT = regex.compile(r"^\d{1,3}$")
GROUP_HEADING = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S")
NAMED_POINTS = regex.compile(r"^\p{Han}[^（(]{1,30}[（(]\d{1,3}(?:\.\d{1,2})?分[）)]$")  # `水质达标(100分)`
CELL_END = regex.compile(r"[。；;！!？?]$")  # a sentence end closes a cell (spaced_tables takes it from here)
PARTY = ("units", "co_units")
MAX_LEAD = 3  # tokens of a group column's word split by spaces before 序号
MAX_TITLE = 3  # tokens of a title before the header on its line: 序号 is looked for no further (a per-line check)
MIN_HEADER = 4


def unit_run_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """(text before the header on line ``i``, the table, "", the index after line ``i``); None unless the line holds
    such a header and run."""
    tokens = TOKEN_SPLIT.split(lines[i].strip())
    found = _header(tokens)
    if found is None:
        return None
    start, lead, header, end = found
    roles = [cell_role(h) for h in header[lead + 1:]]
    parties = sum(1 for r in roles if r in PARTY)
    rows = _rows(tokens[end:], lead, len(header) - lead - 1 - parties, parties)
    if rows is None:
        return None
    table_rows = [TableRow(header, Provenance(source, None, i + 1))]
    table_rows += [TableRow([clean_cell(c) for c in r], Provenance(source, None, i + 1)) for r in rows]
    return " ".join(tokens[:start]), Table(table_rows, table_rows[0].prov, merges_resolved=False), "", i + 1


def _header(tokens: list[str]) -> tuple[int, int, list[str], int] | None:
    """(where the header starts, how many columns stand before 序号, the header, where it ends) or None."""
    p = next((n for n, t in enumerate(tokens[:MAX_TITLE + MAX_LEAD + 1]) if cell_role(t) == "row_no"), None)
    if p is None:
        return None
    q = p + 1
    while q < len(tokens) and cell_role(tokens[q]) is not None:
        q += 1
    roles = [cell_role(t) for t in tokens[p + 1:q]]
    if q - p < MIN_HEADER or "weight" in roles or "units" not in roles or q >= len(tokens):
        return None
    for size in range(min(MAX_LEAD, p), 0, -1):  # a group column's word split by a space (`考核 指标`)
        word = "".join(tokens[p - size:p])
        found = header_role(simplified(word))
        if found is not None and no_space(found[1]) == simplified(word):
            return p - size, 1, [word] + tokens[p:q], q
    return p, 0, tokens[p:q], q


def _rows(tokens: list[str], lead: int, texts: int, parties: int) -> list[list[str]] | None:
    """The rows of the run (each: group if any, number, name, rules, units), or None where the run is none."""
    rows: list[list[str]] = []
    group, j, expected = "", 0, 1
    while j < len(tokens):
        if lead and GROUP_HEADING.match(tokens[j]):  # the group column's heading, written once before its rows
            group, j = tokens[j], j + 1
            continue
        if tokens[j] != str(expected) or j + 1 >= len(tokens) or not NAMED_POINTS.match(no_space(tokens[j + 1])):
            return None
        k = j + 2
        while k < len(tokens) and not _next_row(tokens, k, expected + 1, lead):
            k += 1
        cells = _cells(tokens[j + 2:k], texts - 1, parties, last=k >= len(tokens))
        if cells is None:
            return None
        rows.append(([group] if lead else []) + [tokens[j], tokens[j + 1]] + cells)
        j, expected = k, expected + 1
    complete = [r for r in rows if any(r[-parties:])]
    return rows if len(rows) >= 2 and complete else None


def _next_row(tokens: list[str], k: int, number: int, lead: int) -> bool:
    if lead and GROUP_HEADING.match(tokens[k]):
        return True
    return (tokens[k] == str(number) and k + 1 < len(tokens)
            and NAMED_POINTS.match(no_space(tokens[k + 1])) is not None)


def _cells(tokens: list[str], texts: int, parties: int, last: bool) -> list[str] | None:
    """A row's cells after its name: the text columns (sentences up to a full stop, the last taking the rest), then
    the units' names after the last full stop, one a column. The excerpt's last row may be cut before its units."""
    ends = [n for n, t in enumerate(tokens) if CELL_END.search(t)]
    cut = ends[-1] + 1 if ends else 0
    prose, names = tokens[:cut], tokens[cut:]
    if names and not looks_like_org(names[0]) or len(names) > parties:
        if not last:
            return None
        prose, names = tokens, []
    if not prose or (not names and not last):
        return None
    text = _texts(prose, texts)
    return text + names + [""] * (parties - len(names))


def sentence_cells(tokens: list[str], count: int) -> list[str]:
    """Tokens as at most ``count`` cells, each but the last closing at its first sentence end (spaced_tables reads
    its rows' cells so too)."""
    cells, current = [], []
    for tok in tokens:
        current.append(tok)
        if len(cells) < count - 1 and CELL_END.search(tok):
            cells.append("".join(current))
            current = []
    if current:
        cells.append("".join(current))
    return cells


def _texts(tokens: list[str], count: int) -> list[str]:
    """Tokens as ``count`` cells, each but the last closing at its first full stop (empty ones at the end)."""
    return (sentence_cells(tokens, count) + [""] * count)[:count]
