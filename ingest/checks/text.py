"""Typing slips in clauses, and body text no extractor claimed."""
from __future__ import annotations

import re
from typing import Iterator

import regex

from ingest.checks.base import check, finding
from parsers.segmenter import tokenizer
from schemas.findings import INFO, FindingKind
from schemas.records import Extraction, Finding

DOUBLED = regex.compile(r"(\p{Han})\1")  # `任任务`
DOUBLED_WORD = regex.compile(r"(\p{Han}{2,4})\1")  # `社会社会`, `零售零售`
NUMERALS = set("一二三四五六七八九十百千万亿〇零两")
PAIRS = (("（(", "）)"), ("“", "”"), ("《", "》"), ("【", "】"))
BRACKET = re.compile(r"[（()）“”《》【】]")
EXCERPT = 60
# What DOUBLED and DOUBLED_WORD need, with any character (but a digit) in place of a Han one: most
# clauses have neither, and the standard library's re says so several times faster than regex
# scans them for \p{Han}.
MAYBE_DOUBLED = re.compile(r"(\D)\1", re.DOTALL)
MAYBE_DOUBLED_WORD = re.compile(r"(.{2,4})\1", re.DOTALL)
# One search for anything any of the three slips needs: a character written twice, two characters
# met again two to four on (any word of two to four written twice has them), or a bracket.
MAYBE_SLIP = re.compile(r"(\D)\1|(..).{0,2}\2|[（()）“”《》【】]", re.DOTALL)
# jieba segments the stretches between these marks each on its own (it never joins a word across
# a character outside its word pattern): a stretch's words are the whole text's words there.
STRETCH = re.compile(r"[^，。；：、！？]+")


def doubled_outside_words(text: str) -> list[str]:
    """A character written twice where jieba finds no word holding both (`任任务`, not `层层`)."""
    if not MAYBE_DOUBLED.search(text):
        return []
    slips = []
    for m in DOUBLED.finditer(text):
        if m.group(1) in NUMERALS:
            continue
        start = m.start()
        tokens = _words_around(text, start)
        if any(s <= start and start + 2 <= e for _, s, e in tokens):
            continue  # one word holds both: 层层, 常常
        # Two words meeting on the same character (水平|平安, 行业|业务) are fine; a lone character
        # before or after the word that repeats it (任|任务) is the slip.
        alone = [w for w, s, e in tokens if e - s == 1 and s in (start, start + 1)]
        if alone:
            slips.append(m.group(0))
    return slips


def _words_around(text: str, at: int) -> list[tuple[str, int, int]]:
    """jieba's words (word, start, end) in the stretch of ``text`` holding ``at``, at their places in
    ``text``: the same words as segmenting all of it, for a fraction of the time."""
    stretch = next(m for m in STRETCH.finditer(text) if m.start() <= at < m.end())
    begin = stretch.start()
    return [(w, s + begin, e + begin) for w, s, e in tokenizer().tokenize(stretch.group())]


def doubled_words(text: str) -> list[str]:
    """A word of two to four characters written twice running (`社会社会`), unless the dictionary
    holds the whole as one word (a reduplication such as `研究研究` is not written in a notice)."""
    if not MAYBE_DOUBLED_WORD.search(text):
        return []
    slips = []
    for m in DOUBLED_WORD.finditer(text):
        word = m.group(1)
        if set(word) <= NUMERALS or len(set(word)) == 1 or tokenizer().FREQ.get(m.group(0)):
            continue
        slips.append(m.group(0))
    return slips


def unbalanced(text: str) -> list[str]:
    if not BRACKET.search(text):
        return []
    found = []
    for opens, closes in PAIRS:
        if sum(map(text.count, opens)) != sum(map(text.count, closes)):
            found.append(opens[0] + closes[0])
    return found


def _slips(text: str) -> list[str]:
    if not MAYBE_SLIP.search(text):
        return []  # most clauses: one search, not three
    return ([f"“{w}”疑似重复字" for w in doubled_outside_words(text)] + [f"“{w}”疑似重复词" for w in doubled_words(text)]
            + [f"括号或引号{p}不成对" for p in unbalanced(text)])


@check(FindingKind("text_typo", INFO, "疑似文字错误", "{problem}"))
def check_text_typos(ex: Extraction) -> Iterator[Finding]:
    memo: dict[str, list[str]] = {}  # a notice repeats the same clause across its units
    for t in ex.targets:
        slips = memo.get(t.text)
        if slips is None:
            slips = memo[t.text] = _slips(t.text)
        if slips or not t.closed:
            problems = slips if t.closed else [*slips, "条款末尾缺少标点"]
            yield finding(ex, "text_typo", unit=t.unit, section=t.section, seq=t.seq, actual=t.text[:EXCERPT],
                          problem="；".join(problems), page=t.page, line=t.line)


@check(FindingKind("unparsed_text", INFO, "未解析的正文", "以下正文未被识别为条款或标题：{excerpt}"))
def check_unparsed_text(ex: Extraction) -> Iterator[Finding]:
    # Text left under a unit heading carries the name as written (a variant
    # character form); its clauses carry the unit's canonical name: one unit in a report, not two.
    canonical = {t.unit_raw: t.unit for t in ex.targets}
    for u in ex.unclaimed:
        excerpt = u.text if len(u.text) <= EXCERPT else u.text[:EXCERPT] + "…"
        yield finding(ex, "unparsed_text", unit=canonical.get(u.unit, u.unit), actual=excerpt, excerpt=excerpt,
                      page=u.page, line=u.line)
