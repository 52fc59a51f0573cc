"""A scored table a site glued into one run with no separators at all (``spaced_tables``): `考核项目分值考核细则及评分原则
备查材料(年终提交)一、年终考核701、参保扩面15全面完毕…。2、住院和门诊特大病待遇181、最高支付限额(4分)…`. The header is
its column words run together, one of them the weight; each row is its number (1, 2, 3 … in turn), its name, its
weight glued after the name, then its rules up to the next row; a group heading (`一、年终考核70`) carries its points
the same way. Digits run into the next number (`70` + `1、`, `18` + `1、`) are parted by the number expected there.
Strict: a header with a weight, two rows or more, every name a few Chinese characters, every weight at most 100."""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from parsers.data import header_synonyms
from parsers.extract.headers import table_vocab
from parsers.readers.glued_sentences import sentence_rows
from parsers.readers.glued_spaced import spaced_rows
from parsers.readers.line_cells import cell_role, clean_cell
from schemas.blocks import Provenance, Table, TableRow

MIN_RUN, MIN_ROWS, MAX_POINTS = 60, 2, 100
LEFT_OF_WEIGHT = ("row_no", "category", "indicator", "target")  # the columns a weight may stand right of
CHUNK = regex.compile(r"^(\d{1,2})、")  # a document site's number of a chunk of the copied text
# a group: its ordinal, its name, its points, then its first row's number (`一、年终考核70` + `1、`)
GROUP = regex.compile(r"(?P<no>[一二三四五六七八九十]{1,3})、(?P<name>\p{Han}{2,15}?)(?P<pts>\d{1,4})(?=\d{1,2}、)")


def may_hold_glued(line: str) -> bool:
    """Whether ``line`` could hold a glued table: long, with a weight word and a `、` (one regex search; the gate
    the .docx and PDF readers run on every paragraph, so kept this cheap)."""
    return len(line) >= MIN_RUN and _gate().match(line) is not None


@lru_cache(maxsize=1)
def _gate() -> re.Pattern:
    """A `、` somewhere, then any weight word (`权重`, `分值`…; a word holding another is left to the shorter)."""
    words = sorted(w for w in _weight_words() if not any(o != w and o in w for o in _weight_words()))
    return re.compile(r"(?=[^、]*、).*?(?:" + "|".join(map(re.escape, words)) + ")", re.S)


def glued_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """(text before the table on line ``i``, the table, "", the index after line ``i``); None where line ``i`` holds
    no such run."""
    line = lines[i].strip()
    if not may_hold_glued(line):
        return None
    found = _header(line)
    if found is None:
        return None
    start, end, header = found
    line, after = _chunks(lines, i, line, line[:start])
    rows, first = _rows(line, end)
    if sum(1 for r in rows if r[0][:1].isdigit()) < MIN_ROWS:
        rows, first = spaced_rows(line, end, header)  # `1 主要负责人…保障。4 分对…`: a PDF's run, numbers spaced
        if len(rows) < MIN_ROWS:
            rows, first = sentence_rows(line, end, header)  # `1年初根据…达到100%。41、 无工作计划…`
        if len(rows) < MIN_ROWS:
            return None
    header[-1] += line[end:first]  # the last column's words the vocabulary does not hold (`及评分原则备查材料`)
    if any(len(r) > len(header) for r in rows):
        header = [""] + header  # the groups' names left of the 序号 (``spaced_rows``): the header's first cell spans them
        rows = [r if len(r) == len(header) else [""] + r for r in rows]
    prov = Provenance(source, None, i + 1)
    width = len(header)
    table = [TableRow(header, prov)]
    table += [TableRow([clean_cell(c) for c in (r + [""] * width)[:width]], prov) for r in rows]
    return CHUNK.sub("", line[:start]), Table(table, prov, merges_resolved=False), "", after


def _chunks(lines: list[str], i: int, line: str, lead: str) -> tuple[str, int]:
    """The run with the site's next chunks appended, and the index after the last: a document site that numbers its
    chunks of a copied text (`1、…` / `2、…`) opens the table's first chunk with `1、` and each next one with its
    number, so the table runs on there."""
    if not CHUNK.match(lead) or CHUNK.match(lead).group(1) != "1":
        return line, i + 1
    k, number, after = i + 1, 2, i + 1
    while k < len(lines):
        text = lines[k].strip()
        if not text:
            k += 1
            continue
        if not text.startswith(f"{number}、"):
            break
        line, number, k = line + text[len(f"{number}、"):], number + 1, k + 1
        after = k
    return line, after


def _header(line: str) -> tuple[int, int, list[str]] | None:
    """(start, end, cells) of the column words run together around a weight word: the row's number, group, name or
    content left of it, any column words right of it."""
    for weight in sorted(_weight_words(), key=len, reverse=True):
        at = line.find(weight)
        while at >= 0:
            left, start = [], at
            while (word := _word_ending(line, start)) and cell_role(word) in LEFT_OF_WEIGHT:
                left.insert(0, word)
                start -= len(word)
            right, end = [], at + len(weight)
            while word := _word_starting(line, end):
                right.append(word)
                end += len(word)
            if left and right and cell_role(left[-1]) in ("indicator", "target"):
                return start, end, left + [weight] + right
            at = line.find(weight, at + 1)
    return None


def _rows(line: str, at: int) -> tuple[list[list[str]], int]:
    """The rows read from ``at`` on (group headings as rows of their own) and where the first one starts."""
    rows: list[list[str]] = []
    expected, first, pos = 1, None, at
    while True:
        found = _next_row(line, pos, expected)
        if found is None:
            break
        kind, m, points, rest = found
        first = m.start() if first is None else first
        if rows and rows[-1][0][:1].isdigit():
            rows[-1][-1] = line[rows[-1].pop():m.start()]  # the row above's rules, up to this row
        if kind == "group":
            rows.append([f"{m['no']}、{m['name']}", points, ""])  # a group row with its points
            expected = 1
        else:
            rows.append([f"{m['no']}、{m['name']}", points, "", rest])  # rules from `rest` on, cut at the next row
            expected += 1
        pos = rest
    if rows and rows[-1][0][:1].isdigit():
        rows[-1][-1] = line[rows[-1].pop():]
    return rows, first if first is not None else at


def _next_row(line: str, pos: int, expected: int):
    """The next group heading or row `expected` from ``pos``: (kind, match, its points, where its rules start). A
    row's number stands after a digit only where it opens the text read so far (`70` + `1、参保…`)."""
    best = None
    for kind, pattern in (("group", GROUP), ("item", _item(expected))):
        for m in pattern.finditer(line, pos):
            if m.start() > pos and line[m.start() - 1].isdigit():
                continue
            points, rest = _points(line, m)
            if points is not None and (best is None or m.start() < best[1].start()):
                best = (kind, m, points, rest)
            break
    return best


@lru_cache(maxsize=64)
def _item(number: int) -> regex.Pattern:
    """Row ``number``: its number, its name (a few Chinese characters), its points glued after it, then its rules or
    its first part's number (`参保扩面15全面…`, `待遇181、最高…`)."""
    return regex.compile(rf"(?P<no>{number})、(?P<name>\p{{Han}}[\p{{Han}}、]{{1,14}}?)(?P<pts>\d{{1,4}}(?:\.\d)?)"
                         r"(?=\p{Han}|、|$)")


def _points(line: str, m) -> tuple[str | None, int]:
    """The points glued after a name, and where the text after them starts: digits run into a first part's number
    (`181、`) keep its digit for it (`18` and `1、`)."""
    digits, end = m["pts"], m.end()
    if line[end:end + 1] == "、":
        if not digits.endswith("1") or len(digits) == 1:
            return None, end
        digits, end = digits[:-1], end - 1
    if float(digits) > MAX_POINTS:
        return None, end
    return digits, end


def _word_ending(line: str, end: int) -> str | None:
    """The longest column word of the vocabulary ending at ``end``."""
    for size in range(min(_longest(), end), 1, -1):
        if line[end - size:end] in _words():
            return line[end - size:end]
    return None


def _word_starting(line: str, start: int) -> str | None:
    """The longest column word of the vocabulary starting at ``start``."""
    for size in range(min(_longest(), len(line) - start), 1, -1):
        if line[start:start + size] in _words():
            return line[start:start + size]
    return None


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    vocab = table_vocab()
    words = {w for role, ws in header_synonyms().items() if not role.startswith("_") for w in ws}
    return frozenset(words | set(vocab["form_headers"]) | set(vocab["plain_headers"]))


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(w) for w in _words())


@lru_cache(maxsize=1)
def _weight_words() -> tuple[str, ...]:
    return tuple(header_synonyms()["weight"])
