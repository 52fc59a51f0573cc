"""Rows of a table a site flattened into one run, each closed by its bare 分值 glued before the next row's 序号:
`…分值得分备注1村两委…(1分),…(2分)。102有固定…(3分)。53落实…` (序号 检查内容 分值: row 1 worth 10, row 2 worth 5),
with the headings of the levels above a row between the two when a group changes (`…扣1分。2厕所12分7公共厕所…`:
row 6 worth 2, then group 厕所 (12), then row 7). The number after a row's closing sentence is its worth; the digits
glued before the next row's text end with that row's 序号. The run is rewritten `名称(N分)1.content(N分)2.…`, which
the outline reads as numbered items with points under their group; a row's parts each closed by `(N分)` are the
breakdown of its worth and are left out of its text."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from parsers.extract.grammar import load_data
from parsers.textnorm import halfwidth

MIN_ROWS = 4
# a row's cell ends with a closed sentence or bracket; a garbled text layer may leave a Latin letter there
CLOSED = regex.compile(r"[。；;.)）\p{Latin}]")
VALUE = regex.compile(r"\d{1,3}(?:\.\d)?(?!\d)")
LEVEL = regex.compile(r"(?P<name>[^\d]+?)(?P<n>\d{1,3}(?:\.\d)?)分")
PART_POINTS = regex.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]")
MAX_GROUP = 40
GROUP_BREAKS = regex.compile(r"[。；;，,、:：()（）]")
LEAD_POINTS = regex.compile(r"(?<=\p{Han})(?P<n>\d{1,3}(?:\.\d)?)分")


@lru_cache(maxsize=1)
def _value_columns() -> tuple[str, ...]:
    return tuple(load_data("scoring.json")["value_columns"])


@dataclass
class _Row:
    seq: int
    start: int  # where the row's text starts (after its 序号)
    end: int = 0  # where its text ends (after its closing sentence)
    value: str = ""
    group: str = ""  # the group text between this row's value and the next row's 序号


def tail_valued_rows(text: str) -> str | None:
    """The run rewritten as numbered rows with points (see the module), or None when it is not such a run."""
    h = halfwidth(text)
    first = _first_row(h)
    if first is None:
        return None
    rows = [_Row(1, first.end())]
    while True:
        row = rows[-1]
        if not _close(h, row):
            break
        if row.end >= len(h):
            break
        rows.append(_Row(row.seq + 1, row.next_start))  # type: ignore[attr-defined]
    rows = [r for r in rows if r.value]  # a last row cut before its 分值 is no row
    if len(rows) < MIN_ROWS:
        return None
    out = [_lead(text[:first.start()])]
    for r in rows:
        cell, heading = PART_POINTS.sub("", text[r.start:r.end]).strip(), _heading(r.group)
        if heading:  # the heading's own full stop closes the row
            cell = cell.rstrip("。；;")
        out.append(f"{r.seq}.{cell}({r.value}分){heading}")
    return "".join(out)


def _first_row(h: str) -> regex.Match | None:
    """Row 1's 序号 after the table's header (which names a 分值 column); no sentence closes before it."""
    m = regex.search(r"(?<![\d.])1(?=\p{Han})", h)
    if m is None or regex.search(r"[。；;]", h[:m.start()]):
        return None
    return m if any(w in h[:m.start()] for w in _value_columns()) else None


def _close(h: str, row: _Row) -> bool:
    """Find where ``row`` ends: its value after a closed sentence, then the next row's 序号 (glued to the value,
    or after a group's heading); or its value alone at the end of the run."""
    nxt = str(row.seq + 1)
    for c in CLOSED.finditer(h, row.start + 1):
        p = c.end()
        v = VALUE.match(h, p)
        if v is None:
            continue
        if v.end() == len(h) and h[row.start:p].strip():
            row.end, row.value = p, v.group()
            return False  # the last row: nothing follows its value
        group = _group_then_seq(h, v.end(), nxt)
        if group is not None:
            row.end, row.value, row.group = p, v.group(), h[v.end():group]
            row.next_start = group + len(nxt)  # type: ignore[attr-defined]
            return True
        digits = v.group()
        if "." not in digits and len(digits) > len(nxt) and digits.endswith(nxt) and regex.match(
                r"\p{Han}", h[v.end():v.end() + 1]):
            row.end, row.value = p, digits[:-len(nxt)]
            row.next_start = v.end()  # type: ignore[attr-defined]
            return True
    return False


def _group_then_seq(h: str, at: int, nxt: str) -> int | None:
    """Where the next row's 序号 stands after a group's heading (`厕所12分`, `…评分45分分类成效宣传2分`) or a header
    repeated at a page break (`类别指标…分值得分`) that starts at ``at``; None when no such text precedes it."""
    m = regex.compile(rf"(?<!\d){nxt}(?=\p{{Han}})").search(h, at + 1, at + MAX_GROUP * 2)
    if m is None:
        return None
    group = h[at:m.start()]
    if not regex.match(r"\p{Han}", group) or GROUP_BREAKS.search(group):
        return None
    if regex.search(r"\d", group):
        return m.start() if LEVEL.fullmatch(group) or _levels(group) else None
    return m.start() if len(group) <= MAX_GROUP else None


def _levels(group: str) -> list[regex.Match]:
    """The headings of the levels in ``group``, each `名称N分`, when the text is nothing else."""
    levels = list(LEVEL.finditer(group))
    return levels if levels and "".join(m.group() for m in levels) == group else []


def _heading(group: str) -> str:
    """The deepest level's heading `。名称(N分)` (the section of the rows after it); nothing for a header."""
    levels = _levels(group)
    return f"。{levels[-1]['name']}({levels[-1]['n']}分)" if levels else ""


def _lead(lead: str) -> str:
    """The text before row 1 (a title, the header, the levels over row 1), each level's `名称N分` written
    `名称(N分)` when the text ends with one."""
    found = list(LEAD_POINTS.finditer(halfwidth(lead)))
    if not found or lead[found[-1].end():].strip():
        return lead
    out, pos = [], 0
    for m in found:
        out.append(f"{lead[pos:m.start()]}({m['n']}分)")
        pos = m.end()
    return "".join(out)
