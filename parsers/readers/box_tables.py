"""Tables drawn with box characters (`┌─┬─┐ │序号│ 考评内容 │ ├─┼─┤`), as law sites render the tables of
the regulations they keep. Columns are told by the count of vertical bars, not by width (the sites pad
cells unevenly, and a Chinese character is two columns wide where a space is one); a cell's text wraps over
several lines and is joined; a separator line that crosses only some columns (`│ │ ├────┼────┤`) starts a
new cell in those columns, the others run on (a merged cell: empty in the rows below, as text tables write
it)."""
from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from parsers.extract.headers import looks_like_org
from parsers.textnorm import clean_text
from schemas.blocks import Provenance, Table, TableRow

BOX_LINE = regex.compile(r"^\s*[┌├│└┏┣┃┗]")
CELL_EDGE = regex.compile(r"[│├┼┤┌┬┐└┴┘┃┣╋┫┏┳┓┗┻┛]")
RULE = regex.compile(r"^[─━\s]*[─━][─━\s]*$")
# a cell written down its column uses the vertical forms of brackets (`︵650分︶`): read as the brackets they are
VERTICAL_FORMS = str.maketrans({chr(c): unicodedata.normalize("NFKC", chr(c))
                                for c in (*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE45), 0xFE47, 0xFE48)})
SPLIT_BELOW = "┬┳"  # a rule's junction where a column starts that the row above does not have
MIN_COLUMNS, MIN_ROWS = 2, 2


def _parts(line: str) -> list[str]:
    parts = CELL_EDGE.split(line.strip())
    return parts[1:-1] if len(parts) >= 2 else []


def box_table(lines: list[str], i: int, source: str) -> tuple[Table, int] | None:
    """The box-drawn table starting at line ``i`` and the index after it; None when none starts there."""
    if not BOX_LINE.match(lines[i]) or not CELL_EDGE.search(lines[i].strip()[1:]):
        return None
    end = i
    while end < len(lines) and BOX_LINE.match(lines[end]):
        end += 1
    block = [(k, _parts(lines[k])) for k in range(i, end)]
    counts = Counter(len(p) for _, p in block if p and not all(RULE.match(x) or not x.strip() for x in p))
    if not counts:
        return None
    width = counts.most_common(1)[0][0]
    if width < MIN_COLUMNS:
        return None
    block = _widened_header(block, [lines[k] for k, _ in block], width)
    rows: list[list[str | None]] = []
    lasts: dict[tuple[int, int], str] = {}  # each cell's last line, to tell a wrap from a list one name a line
    owners: list[int] = [0] * width  # the row whose cell a column's text belongs to
    starts: list[int] = []
    fresh = True  # the next content line starts a row in every column
    for k, parts in block:
        if len(parts) != width:  # a rule of another width (one merging a sub-header's columns) still ends a row
            fresh = fresh or not parts or all(RULE.match(x) for x in parts)
            continue
        crossed = [bool(RULE.match(x)) for x in parts]
        if any(crossed):
            if all(crossed):
                fresh = True
                continue
            for j, c in enumerate(crossed):  # a merged cell's text goes on beside the columns the rule crosses
                if not c and rows and parts[j].strip():
                    rows[owners[j]][j] = (rows[owners[j]][j] or "") + parts[j].strip()
            rows.append([("" if c else None) for c in crossed])  # None: merged with the cell above
            starts.append(k)
            owners = [len(rows) - 1 if c else owners[j] for j, c in enumerate(crossed)]
            fresh = False
            continue
        if fresh or not rows:
            rows.append([""] * width)
            starts.append(k)
            owners = [len(rows) - 1] * width
            fresh = False
        for j, text in enumerate(parts):
            owner = rows[owners[j]]
            owner[j] = _run_on(owner[j] or "", text.strip(), lasts, (owners[j], j))
    kept = [n for n, r in enumerate(rows) if any(r)]  # a rule closing the excerpt's cut row leaves an empty one
    rows, starts = [rows[n] for n in kept], [starts[n] for n in kept]
    if len(rows) < MIN_ROWS + 1:
        return None
    _label_rows(rows)
    table_rows = [TableRow([clean_text((c or "").translate(VERTICAL_FORMS)) for c in r], Provenance(source, None, s + 1))
                  for r, s in zip(rows, starts)]
    return Table(table_rows, table_rows[0].prov, merges_resolved=False), end


def _run_on(text: str, line: str, lasts: dict[tuple[int, int], str], key: tuple[int, int]) -> str:
    """A cell's text with its next line: a wrap runs on (Chinese wraps inside words), but a unit's name under a
    unit's name is the next of a list written one a line (`市经委` / `市城管局`), parted by `、`."""
    last, lasts[key] = lasts.get(key, ""), line or lasts.get(key, "")
    if last and line and looks_like_org(last) and looks_like_org(line):
        return f"{text}、{line}"
    return text + line


def _label_rows(rows: list[list[str | None]]) -> None:
    """A header cell never closed below the header (no rule crosses its column under it) runs down beside every
    row: a label of the rows written down the column (`技` / `术` / `考` / `核`…), not a column's name. Its text goes
    to the rows, the header cell left blank (the tables reader tells its role from the values)."""
    for j, head in enumerate(rows[0]):
        if head and all(r[j] is None for r in rows[1:]):
            rows[0][j] = ""
            for r in rows[1:]:
                r[j] = head


def _widened_header(block: list[tuple[int, list[str]]], texts: list[str], width: int) -> list[tuple[int, list[str]]]:
    """Header lines with fewer cells than the body (`│ 考核项目 │ 考核内容 │` over `│二、…│14、…│…│`): each cell
    spread over the columns it spans, its text in the first of them. The rule under the header tells the spans: a
    `┬` there starts a column the header does not have (`├───┬─────┼───┤`). Lines left as they are without one."""
    rule = next((n for n, (_, p) in enumerate(block) if len(p) == width and p and all(RULE.match(x) for x in p)), None)
    if rule is None:
        return block
    junctions = CELL_EDGE.findall(texts[rule].strip())[1:-1]
    if len(junctions) != width - 1 or not any(j in SPLIT_BELOW for j in junctions):
        return block
    spans, size = [], 1
    for j in junctions:
        if j in SPLIT_BELOW:
            size += 1
        else:
            spans.append(size)
            size = 1
    spans.append(size)
    widened = []
    for n, (k, parts) in enumerate(block):
        if n < rule and len(parts) == len(spans) and not all(RULE.match(x) for x in parts):
            parts = [c for part, span in zip(parts, spans) for c in [part] + [""] * (span - 1)]
        widened.append((k, parts))
    return widened
