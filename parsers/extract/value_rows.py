"""Rows of a table flattened to lines, their 序号 written `N.` (`1.落实…工作体制`), each row's 分值 a bare number at the
start of the next line before the next row's number (`…完成时限.2 2.市本级…`), the last one before a header repeated
at a page break or at the end (`…扣完为止.` / `2 序号 类别 年度`), under a header that names the 分值 column; the rows'
scoring parts numbered again inside them, each with a bare worth glued before the next (`1.…会议;1分2.制定…计划.1分`).
Such a run, over however many paragraphs the page broke it into, is read as one paragraph per row,
`N.name(V分)(1)part(2)part`: the outline takes the row with its 分值 as the item and its parts, numbered `(n)` so they
are not read as rows, their worths (the breakdown of the row's) left out, as its text."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.extract.grammar import load_data
from parsers.textnorm import halfwidth
from schemas.blocks import Paragraph

MIN_ROWS = 3
ROW_START = r"(?<![\d.])(?P<n>{n})[.．](?=\p{{Han}})"
# the row's value after its closing sentence, a space, then the next row's number: `…时限.2 2.市本级`. OCR loses the
# space (`…时限.22.市本级`): in text read by OCR the next row's number, known, parts the two. (Typed text that glues them,
# `…方案。52.乡镇…`, is items under scored headings, which the outline reads.)
VALUE_THEN_ROW = r"(?<=[.。;；])(?P<v>\d{{1,3}}(?:\.\d)?){gap}{n}[.．](?=\p{{Han}})"
PART_WORTH = regex.compile(r"(?:(?<=[。;；])|(?<=(?<!\d)[.]))\d{1,3}(?:\.\d)?分(?!钟)")  # not `扣0.5分`
FIRST_PART = regex.compile(r"(?<![\d.])1[.．](?=\p{Han})")
PART_NUMBER = regex.compile(r"(?<![\d.])(\d{1,2})[.．](?=\p{Han})")
# a page that continues a table (`[接上页] 2 26.…`) opens with a later row, before or after the header repeated there
LATER_ROW = regex.compile(r"(?<![\d.])(?P<n>[2-9]|\d{2,3})[.．](?=\p{Han})")
# a row's value, then the header repeated at a page break (ending with the 分值 column's word) and the group heading
# the next rows stand under (`…和谐。 2 序号 项目 … 分值 6 老 干 部 … 作 用 29.…`), then the next row. A group with no
# worth of its own is a topic, neither a unit nor a scored section: it is left out with the header.
VALUE_HEADER_ROW = (r"(?<=[.。;；])(?P<v>\d{{1,3}}(?:\.\d)?)\s*[^\d]*?{word}\s*(?:\d{{1,2}}\s*(?P<group>[^\d]+?))?\s*"
                    r"(?<![\d.]){n}[.．](?=\p{{Han}})")
PART_POINTS = regex.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]")


@lru_cache(maxsize=1)
def _value_columns() -> tuple[str, ...]:
    return tuple(load_data("scoring.json")["value_columns"])


def value_rows(blocks: list) -> list:
    """The blocks with such a run rewritten one paragraph per row (see the module); unchanged when there is none."""
    for k, block in enumerate(blocks):  # the first paragraph naming the 分值 column holds the header: one try
        word = next((w for w in _value_columns() if w in block.text), None) if isinstance(block, Paragraph) else None
        if word is not None:
            rows = _rows(blocks[k:], block.text.index(word) + len(word), word)
            return blocks[:k] + _rewritten(blocks[k:], rows) if rows is not None else blocks
    return blocks


def _rows(blocks: list, after: int, word: str) -> list[tuple[int, str, str]] | None:
    """(number, cell, value) of each row from the header's paragraph on, then the text before row 1 and after the last
    row's value; None unless row 1 starts in the header's paragraph or the next and MIN_ROWS rows find their values."""
    if any(not isinstance(b, Paragraph) for b in blocks):
        return None
    first = regex.compile(ROW_START.format(n=1))
    head = halfwidth("".join(b.text for b in blocks[:2]))
    start = first.search(head, after)  # (cheap test first: most headers do not open such rows)
    if start is None:
        start = LATER_ROW.search(halfwidth(blocks[0].text))
        if start is None:
            return None
    run = halfwidth("".join(b.text for b in blocks))
    rows, n, pos = [], int(start["n"]), start.end()
    gap = r"\s*" if any(b.prov.ocr for b in blocks) else r"\s+"
    while True:
        nxt = regex.compile(VALUE_THEN_ROW.format(n=n + 1, gap=gap)).search(run, pos)
        if nxt is None:
            nxt = regex.compile(VALUE_HEADER_ROW.format(n=n + 1, word=regex.escape(word))).search(run, pos)
            if nxt is None:
                break
        rows.append((n, run[pos:nxt.start()], nxt["v"]))
        n, pos = n + 1, nxt.end()
    header = regex.escape(halfwidth(blocks[0].text)[:2])
    last = regex.compile(r"(?<=[.。;；])(?P<v>\d{1,3}(?:\.\d)?)\s*(?=" + header + r"|$)").search(run, pos)
    if last is not None:
        rows.append((n, run[pos:last.start()], last["v"]))
    if len(rows) < MIN_ROWS:  # a last row whose value the excerpt (or a page number's reading) lost is no row
        return None
    end = last.end() if last is not None else pos - len(f"{n}.")
    # before a later first row stands the page before's tail (`[接上页] 2`: the value of a row cut there), no title
    lead = run[:start.start()] if start["n"] == "1" else ""
    return rows + [(0, lead, "")] + [(-1, run[end:], "")]


def _rewritten(blocks: list, rows: list[tuple[int, str, str]]) -> list:
    *body, (_, lead, _), (_, tail, _) = rows
    prov = blocks[0].prov
    out = [Paragraph(lead, prov)] if lead.strip() else []
    for n, cell, value in body:
        part = FIRST_PART.search(cell)
        name, parts = (cell[:part.start()], cell[part.start():]) if part else (cell, "")
        if part is None:  # its parts' own worths `(1分)` are the breakdown of the row's value
            name = PART_POINTS.sub("", PART_WORTH.sub("", name))
        parts = PART_NUMBER.sub(r"(\1)", PART_WORTH.sub("", parts))  # numbered like the rows: `(1)` under them
        out.append(Paragraph(f"{n}.{name}({value}分){parts}", prov))
    return out + ([Paragraph(tail, prov)] if tail.strip() else [])
