"""Where a title ends when web text ran what follows it onto its line: `…考核细则一、乡镇考核内容…`,
`…评分表考核类别考核内容分值…`, `…考评细则考评单位：…`, `…评分标准表_镇(街道)_…`, `…考核细则(镇街道)(总分值:100分)…`.

The title ends after a word naming a document's kind that such a stop follows: a separator, the first clause's
number, a label with its colon, the recipients, a bracket holding points, a sentence's opening word, or a table's
header row (two header words in a row: one alone may be the title's own word, as in `…方案任务分解表`). A short
bracketed qualifier right after the kind (`（试行）`, `（镇街道）`) stays the title's. The words are data:
title_words.json (kinds, sentence openers) and header_synonyms.json (header words)."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.data import load_json

TITLE_MAX = 80  # characters: a longer head is a sentence, and no title ends after it
QUALIFIER = regex.compile(r"[（(][^（()）:：\d]{1,10}[)）]")  # `（试行）` `（镇街道）`: no colon, no figures


def _alt(words) -> str:
    return "|".join(map(regex.escape, sorted(set(words), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    words = load_json("title_words.json")
    synonyms = load_json("header_synonyms.json")
    headers = [w for role, ws in synonyms.items() if not role.startswith("_") for w in ws if len(w) >= 2]
    headers += words["run_on_headers"]
    kinds = regex.compile(_alt(words["run_on_kinds"]))
    stop = regex.compile(rf"""
        [_|｜\s?？]                                 # a separator the page set after the title (`?`: one it lost)
      | [一二三四五六七八九十]{{1,3}}[、.．]             # the first clause's number
      | [（(][一二三四五六七八九十\d]{{1,3}}[)）]
      | \d{{1,2}}[、.．](?!\d)
      | 第[一二三四五六七八九十]+[条章]
      | \p{{Han}}{{2,8}}(?:[（(]\p{{Han}}{{1,6}}[)）])?[:：]  # a label: 被考核单位：, 被考评乡镇(园区)：
      | (?:本\p{{Han}}{{1,3}})?各\p{{Han}}[^:：。]{{0,60}}[:：]  # the recipients: 各乡镇：, 本局各科室：
      | [（(][^（()）]{{0,12}}\d+(?:\.\d+)?\s*分[^（()）]{{0,6}}[)）]  # the points the document carries
      | (?:{_alt(words["sentence_openers"])})
      | (?:19|20)\d{{2}}(?:-\d{{1,2}}-\d{{1,2}}|年\d{{1,2}}月\d{{1,2}}日)(?!\p{{Han}}{{0,3}}(?:{_alt(words["run_on_kinds"])}))  # the day the page posted it
      | (?:{_alt(w for w in synonyms["row_no"] if len(w) >= 2)})  # `序号`: no title goes on so
      | \p{{Han}}{{0,30}}?\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org)(?![A-Za-z])  # the site: 某局 xx.gov.cn
    """, regex.VERBOSE)
    header = regex.compile(rf"\s?(?:{_alt(headers)})")
    return kinds, stop, header


def title_before_run_on(text: str) -> str | None:
    """The title at the head of ``text``, cut where what the web ran on after it starts; None where no word
    naming a kind is followed by such a stop (a title alone on its line, or a sentence)."""
    kinds, stop, header = _patterns()
    if (first := header.match(text)) and header.match(text, first.end()):
        return None  # a header row, no title above it
    for m in kinds.finditer(text, endpos=TITLE_MAX):
        end = m.end()
        if kinds.match(text, end, TITLE_MAX):
            continue  # a kind goes on in another (`…标准` `表`): what follows the last is the stop, not a label `表时间:`
        if (q := QUALIFIER.match(text, end)) and (q.end() == len(text) or _stops_at(text, q.end(), stop, header, 1)):
            # the qualifier is the title's, and ends it: one header word after it starts a header row
            return text[:q.end()] if q.end() < len(text) else None
        if end == len(text):
            return None  # nothing ran on
        if _stops_at(text, end, stop, header):
            return _once(text[:end], kinds)
    return None


def _once(title: str, kinds: regex.Pattern) -> str:
    """A title the page gave twice, the second time as the head of the run-on line (`…考评细则党风廉政建设考评细则`):
    the first."""
    for m in kinds.finditer(title):
        if m.end() < len(title) and title[:m.end()].endswith(title[m.end():]):
            return title[:m.end()]
    return title


REPEATED_HEAD = 5  # characters: the text after a title opening with what the title's head holds (`…方案2023年1—2月份…`)


def _stops_at(text: str, at: int, stop: regex.Pattern, header: regex.Pattern, headers: int = 2) -> bool:
    if stop.match(text, at):
        return True
    if at >= 2 * REPEATED_HEAD and text[at: at + REPEATED_HEAD] in text[:2 * REPEATED_HEAD]:
        return True  # the first sentence restates the title's head (its year, its body): a sentence, not the title
    first = header.match(text, at)
    return bool(first and (headers == 1 or header.match(text, first.end())))


@lru_cache(maxsize=1)
def _preamble() -> tuple[regex.Pattern, ...]:
    words = load_json("title_words.json")
    return tuple(regex.compile(p) for p in [words["preamble_title"], *words["named_in_notice"]])


def title_in_preamble(texts: list[str], standalone: regex.Pattern) -> str | None:
    """`…结合…要求,特制定2023年度全域旅游及文体事业高质量发展考核细则。` in a page that shows no title line: the
    document's name, where it ends in a document's kind (``standalone``, the title pattern); else the name of the
    document the notice issues (`现将《X》印发给你们`)."""
    for pattern in _preamble():
        for text in texts:
            m = pattern.search(text)
            if m and standalone.search(m["title"]):
                return m["title"]
    return None
