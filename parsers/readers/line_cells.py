"""What every reader of tables a web page flattened into text shares: the lines that are a weight, a row
number or a bracketed note, the header word a cell names (``cell_role``), and a cell's text cleaned
(``clean_cell``). A leaf: the readers (line_tables, pipe_tables, numbered_lines, grouped_lines, …) import it,
it imports none of them."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.extract.headers import (
    BRACKETED,
    header_role,
    padded_names,
    simplified,
    table_vocab,
    unit_and_head,
)
from parsers.textnorm import clean_text, no_space

WEIGHT_LINE = regex.compile(r"^\s*\d{1,3}(?:\.\d+)?\s*分?\s*$")
ROW_NUMBER_LINE = regex.compile(r"^\s*\d{1,3}\s*[.、．]?\s*$")
# a bracketed weight on a line of its own: a header cell's total (`(100分)`), or a row's weight under its name
BRACKETED_WEIGHT = regex.compile(r"^\s*[（(]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[）)]\s*$")
# a short bracketed note on a line of its own under a header cell (`(7月)`, `(%)`, `(扣 分)`), not a weight (`(10分)`)
# nor a group's number (`(一)`, the first row's)
BRACKETED_NOTE = regex.compile(r"^\s*[（(](?!\s*[一二三四五六七八九十\d]{1,3}\s*[）)])(?![^（()）]*\d\s*分)[^（()）]{1,6}[）)]\s*$")
YEAR_PREFIX = regex.compile(r"^(?:19|20)\d{2}年度?")
# the period a column is for, before its word: a year, months (`1-10月推进情况`), or both
PERIOD_PREFIX = regex.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:\d{1,2}(?:[-－—~～至]\d{1,2})?月份?)?")
BRACKETED_POINTS = regex.compile(r"[（(]\s*\d{1,3}(?:\.\d+)?\s*分?\s*[）)]")  # `(70)`, `（30分）`
MAX_FRAGMENTS = 3  # a header cell broken over lines (`考 评` / `得 分`)
MAX_FRAGMENT = 2  # characters of one such fragment
MAX_HEADER_CELL = 12
MAX_HEADER_EXTRA = 2  # characters a header cell may have beyond its header word
MIN_HEADER_CELLS, MIN_ROWS = 3, 2
MAX_ROW_LINES = 12  # lines between two weights: more means the run is not one table
MAX_GROUP_CELL = 10  # characters of a group's cell written on a line of its own
MAX_QUALIFIER = 4  # characters of a line qualifying the header word under it (`区政府` / `分管领导`)
GROUP_STOPS = regex.compile(r"[\d。；;，,：:]")  # what a group's name does not hold: numbers, sentences
HAN = regex.compile(r"\p{Han}")
PARTY_ROLES = ("units", "co_units", "assessors", "leaders")
PIPE = "|"
CLOSED_CELL = regex.compile(r"^([^|]*[^|\s][^|]*?)\s*\|\s*$")  # one cell, closed by its separator (`县教育局 |`)


@lru_cache(maxsize=1)
def _form_words() -> frozenset[str]:
    return frozenset(no_space(w) for w in table_vocab().get("form_headers", []))


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return frozenset(no_space(w) for w in table_vocab().get("plain_headers", []))


def cell_role(cell: str) -> str | None:
    """The column a header cell names (`评分标准` → its role), else None: a word of the vocabulary, or two joined,
    not a title that ends in one. Shared by every text-table reader."""
    text = simplified(no_space(cell)).lstrip("*＊")  # `*指标值`: a form's mark of a required field
    if not text:
        return None
    if len(text) > MAX_HEADER_CELL:  # a long cell is a header only as a word of the vocabulary exactly
        return "form" if text in _form_words() else "other" if text in _plain_words() else None
    if text in _form_words() or BRACKETED.sub("", text) in _form_words():
        return "form"  # `考评得分(100分)`: the form column with its total
    if BRACKETED.sub("", text) in _plain_words():
        return "other"  # a column the vocabulary knows but no field takes (`完成时限`)
    found = header_role(text)
    if found is None:
        return None
    joined = any(j in text for j in table_vocab()["header_joiners"])
    # a header is its word (`创建标准`), or two joined (`考核方法与扣分标准`); not a title ending in one. A bracketed
    # unit (`内容(分值)`, `金额(万元)`) and the period a column is for (`2024年建设内容`, `1-10月推进情况`) are no part
    # of the word.
    word = _assessing().sub("", PERIOD_PREFIX.sub("", BRACKETED.sub("", text)))  # `检查考评项目`: who does it, no part
    return found[0] if joined or len(word) - len(no_space(found[1])) <= MAX_HEADER_EXTRA else None


@lru_cache(maxsize=1)
def _assessing() -> regex.Pattern:
    """The verbs of assessing a header may start with (`检查考评项目`, `检查考评标准`)."""
    return regex.compile("^(?:" + "|".join(map(regex.escape, table_vocab()["assessing_verbs"])) + ")+")
ROW_END = regex.compile(r"^\s*\|\s*$")


# a pinyin gloss a copying site put after a character (`指標(biāo)`): a tone-marked syllable in brackets, no part of the text
GLOSS = regex.compile(r"(?<=\p{Han})\((?=[^()]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}\)")


def without_glosses(text: str) -> str:
    return GLOSS.sub("", text) if "(" in text else text


def clean_cell(cell: str) -> str:
    """A cell's text: each of its lines cleaned (without a site's pinyin glosses), blank lines dropped."""
    cell = without_glosses(cell)
    lines = [line for part in cell.split("\n") if part.strip() for name in padded_names(part)
             for line in unit_and_head(name)]
    return "\n".join(clean_text(line) for line in lines)
