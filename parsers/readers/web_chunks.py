"""Web text pasted into Word, read as the text reader reads the same text in a .txt.

A document-sharing site cut the text into chunks, each a paragraph once pasted, some numbered by the site (`1、…` /
`2、…`) and each cut mid-word (`…实施残疾人康复工程,预` / `防,逐步实现…`): they are joined as the text reader joins them
(its chunk rules, `text_reader._chunks_joined`, and a long paragraph cut mid-word going on in the next). A drafter's
own paragraphs are never joined: a heading, a bold line, a paragraph shorter than a site's chunk, one that ends at a
stop or a mark, one before an item's number. The page's wraps are left as lone spaces beside Chinese characters
(`老干部 工作`, `扣1 分`): closed up, as every other reader gives text."""
from __future__ import annotations

from dataclasses import replace

import regex

from parsers.extract.cnnum import cn_to_int
from parsers.readers.text_reader import MIN_CHUNK, STARTS_ITEM, _chunks_joined
from schemas.blocks import Paragraph

# a chunk cut mid-sentence: on a character of a word, or after a comma or an enumeration mark (`…不少于4次会议,`)
CUT_MID_SENTENCE = regex.compile(r"[\p{Han}，,、]\s*$")
# A part of a flattened table opening a paragraph: its bare number glued to its name and its worth (`二教学基本建设(25)`,
# the row's cells run together). A site's chunk going on mid-word opens so only where the part before it opened alike.
# (a page that sets its text a character apart keeps those spaces here: `二教 学基 本建 设( 25)`)
GLUED_PART = regex.compile(r"([一二三四五六七八九十]{1,3})(?:\s?\p{Han}){2,20}?\s*[（(]\s*\d{1,4}(?:\.\d+)?\s*分?\s*[)）]")
# one space beside a Chinese character or a Chinese mark (a page's wrap: `老干部 工作`, `扣1 分`, `人员、 经费`, `制度, 如`),
# as the other readers close it up; not a run of spaces (a drafter's `张三    电话`)
_CJK = r"[\p{Han}\u3001-\u303f\uff01-\uff60]"
LONE_SPACE_BY_HAN = regex.compile(rf"(?<={_CJK}) (?! )|(?<![ \u3000]) (?={_CJK})")


def joined_chunks(blocks: list) -> list:
    """``blocks`` with every run of body paragraphs' chunks joined; the same list when nothing is joined."""
    if not any(len(b.text) >= MIN_CHUNK for b in blocks if isinstance(b, Paragraph)):
        return blocks  # (a drafter's document: no paragraph as long as a site's chunk; one pass, nothing built)
    out: list = []
    run: list[Paragraph] = []
    changed = False
    for block in blocks + [None]:
        if isinstance(block, Paragraph) and not block.heading_level and not block.bold:
            run.append(block)
            continue
        joined = _joined(run) if len(run) > 1 else run
        changed = changed or joined is not run
        out.extend(joined)
        run = []
        if block is not None:
            out.append(block)
    return out if changed else blocks


def _joined(run: list[Paragraph]) -> list[Paragraph]:
    if not any(len(p.text) >= MIN_CHUNK for p in run):
        return run
    texts = _chunks_joined([p.text for p in run])
    for k in range(len(texts) - 1, 0, -1):  # a long paragraph cut mid-word goes on in the next
        before = next((j for j in range(k - 1, -1, -1) if texts[j]), None)
        if before is not None and texts[k] and len(texts[before]) >= MIN_CHUNK and CUT_MID_SENTENCE.search(texts[before]) \
                and not STARTS_ITEM.match(texts[k]) and not _next_part(texts[:k], texts[k]):
            texts[before], texts[k] = texts[before].rstrip() + texts[k].strip(), ""
    if texts == [p.text for p in run]:
        return run
    return [replace(p, text=t) for p, t in zip(run, texts) if t.strip()]


def _next_part(earlier: list[str], text: str) -> bool:
    """``text`` opens with the next part of a flattened table (`二教学基本建设(25)…`) after one the text before it opened
    alike (`…一发展规划与教改特色(5)…`): a new paragraph, not a chunk going on."""
    m = GLUED_PART.match(text)
    number = _number(m[1]) if m else None
    if number is None or number < 2:
        return False
    return any(_number(p[1]) == number - 1 for t in earlier for p in GLUED_PART.finditer(t))


def _number(numeral: str) -> int | None:
    try:
        return cn_to_int(numeral)
    except ValueError:  # `十十`: no number
        return None


def closed_up(blocks: list) -> list:
    """``blocks`` with their paragraphs' lone spaces beside a Chinese character closed up (see LONE_SPACE_BY_HAN), in
    place: the reader's own paragraphs. After the pasted-text repair, to which single spaces between cells are a
    table's sign."""
    sub = LONE_SPACE_BY_HAN.sub
    for block in blocks:
        if block.__class__ is Paragraph and " " in block.text:
            block.text = sub("", block.text)
    return blocks
