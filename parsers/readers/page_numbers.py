"""Page and chunk numbers on lines of their own, which a text reader drops, and the one lone number it keeps: a
form's last row value written without its `分` (`…有效流转。` / `5` at the end of a form whose values stand on
lines of their own, `10分`). For a PDF page: the lines at its edges that stand in the body's flow, which no page
number or running header does (`in_body_flow`)."""
from __future__ import annotations

import statistics
from typing import Protocol

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


# An edge line stands in the body's flow when it follows its neighbour at no more than this many times the page's
# line pitch and starts where another line of the page starts (the margin, the first-line indent).
FLOW_PITCHES = 1.25
SAME_START = 1.5  # points


class PageLine(Protocol):
    text: str
    x0: float
    top: float


def in_body_flow(lines: list[PageLine], edge: int) -> set[int]:
    """Ids of the page's first and last ``edge`` lines that stand in the body's flow: one line pitch from the line
    beside them and starting where another line starts. A footer's page number stands apart, centred or at the
    outer edge; a running header above the body's first line. A one-cell-a-line table's cell at a page's foot
    (`1`, `|`, `5`: web text pasted into Word) is set as every other line of the page."""
    if len(lines) < 3:
        return set()
    steps = [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    if not steps:
        return set()
    pitch = statistics.median(steps)
    kept = set()
    n = len(lines)
    for i in sorted(set(range(min(edge, n))) | set(range(max(0, n - edge), n))):
        near = lines[i - 1] if i >= n - edge else lines[i + 1]
        line = lines[i]
        if abs(line.top - near.top) <= FLOW_PITCHES * pitch and any(
                abs(other.x0 - line.x0) < SAME_START for other in lines if other is not line):
            kept.add(id(line))
    return kept
