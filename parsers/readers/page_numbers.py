"""Page and chunk numbers on lines of their own, which a text reader drops, and the one lone number it keeps: a
form's last row value written without its `分` (`…有效流转。` / `5` at the end of a form whose values stand on
lines of their own, `10分`)."""
from __future__ import annotations

import regex

# A page or chunk number on a line of its own, inside a sentence a page break cut: `12`, `- 3 -`,
# `— 3 —`, `第3页`, `第3页 共9页`.
PAGE_NUMBER_LINE = regex.compile(r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4})\s*$")
MAX_PAGE_NUMBER_LINE = 24
LONE_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*$")
# a row's value cell alone on a line: `10分` `20分(达不到酌情扣分)`
VALUE_LINE = regex.compile(r"^\s*\d{1,3}(?:\.\d)?\s*分\s*(?:[(（][^()（）]{1,20}[)）])?\s*$")
SENTENCE_END = regex.compile(r"[。；;]\s*$")
MIN_VALUE_LINES = 3


def is_page_number(lines: list[str], i: int) -> bool:
    """Line ``i`` is a page number to drop: not a form's last row value (`trailing_value`)."""
    raw = lines[i]
    return len(raw) <= MAX_PAGE_NUMBER_LINE and bool(PAGE_NUMBER_LINE.match(raw)) and not trailing_value(lines, i)


def trailing_value(lines: list[str], i: int) -> bool:
    """A lone number ending the text is the last row's value, not a page number, where the line before it ends a
    row's rule (a sentence), the rows above wrote their values on lines of their own (`N分`), and no other lone
    number in the text numbers pages."""
    if not LONE_NUMBER.match(lines[i]) or any(line.strip() for line in lines[i + 1:]):
        return False
    before = [line for line in lines[:i] if line.strip()]
    if not before or not SENTENCE_END.search(before[-1]):
        return False
    if any(LONE_NUMBER.match(line) for line in before):
        return False
    return sum(1 for line in before if VALUE_LINE.match(line)) >= MIN_VALUE_LINES
