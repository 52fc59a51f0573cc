"""Worths in a notice read by unit headings that its bracketed pattern does not see: a unit's heading closed by its
bare worth (`(一)、市政设施责任目标100分`), a clause's worth broken over two lines (`…乱倾倒。(25` / `分)`) or on the next
line, and a clause closed by a worth in another notation (`…，计30分。`)."""
from __future__ import annotations

from parsers.extract import patterns as P
from parsers.extract.headers import looks_like_org
from parsers.extract.points import read_points
from parsers.textnorm import SPACE, halfwidth, no_space
from schemas.blocks import Paragraph
from schemas.records import Target

UNIT_WORTH = P.regex.compile(r"(?<=\p{Han}.)\s*(?P<n>\d{1,4}(?:\.\d+)?)\s*分\s*$")
WORTH_TAIL = P.regex.compile(r"^\s*分\s*[)）]\s*[。；;，,.]?\s*$")
CLOSING_PUNCT_CHARS = "。；;！!？?."  # a clause that ends with one (before any space) is closed
OPEN_WORTH = P.regex.compile(r"[（(]\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*$")
CLOSING_MARKS = P.regex.compile(r"[\s。；;，,.、）)]*")
MAX_UNIT_NAME = 20


def unit_worth(name: str) -> tuple[str, float | None]:
    """`市政设施责任目标100分`, `甲县（100分）` → (`市政设施责任目标`, 100): the unit's name, and what its list is worth."""
    worth = UNIT_WORTH.search(name) or P.POINTS_AT_END.search(name)
    return (name[:worth.start()], float(worth["points" if "points" in worth.re.groupindex else "n"])) if worth \
        else (name, None)


def unit_with_worth(h: str) -> bool:
    """A line naming a unit and its worth alone (`甲县（100分）`, unnumbered): a unit's heading, though it holds points."""
    worth = P.POINTS_AT_END.search(h)
    name = no_space(P.ORDINAL_PREFIX.sub("", h[:worth.start()])) if worth else ""
    return 2 <= len(name) <= MAX_UNIT_NAME and looks_like_org(name)


def worth_tail(p: Paragraph, last: Target) -> bool:
    """`分)` alone on a line after a clause ending `(25`: the clause's worth, broken over the two lines."""
    if last.points is not None or not WORTH_TAIL.match(p.text):
        return False
    m = OPEN_WORTH.search(last.text)
    if m is None:
        return False
    last.text = P.strip_trailing_punct(last.text[:m.start()]).strip()
    last.points, last.closed = float(m["n"]), True
    return True


def continuation(p: Paragraph, last: Target) -> bool:
    """A clause the layout split in two: its tail carries the points the head lacks."""
    if last.points is not None:
        return False
    h = halfwidth(p.text)
    m = P.POINTS_AT_END.search(h)
    if m and len(no_space(h)) < 200:
        last.text = P.TRAILING_PUNCT.sub("", last.text + p.text[: m.start()]).strip()
        last.points = float(m["points"])
        last.closed = closed(p.text)
        return True
    return False


def closed(text: str) -> bool:
    """Ends with `[。；;！!？?.]` before any trailing space: the pattern `[。；;！!？?.]\\s*$`, without a regex."""
    text = text.rstrip(SPACE)
    return bool(text) and text[-1] in CLOSING_PUNCT_CHARS


def closing_worth(text: str, points: float | None) -> tuple[float | None, str]:
    """A worth in another of the notice's notations closing the clause (`…7%，计30分。`, `…，30分`, `（分值30）`), as the
    outline reads it: every notation (parsers/data/points_notations.json), where nothing but marks follows it. A
    notice whose clauses wrote their worths so had been read as if unscored: its unit headings were then given up for
    the outline's reading, which has no units (and numbers repeated from unit to unit read as duplicates)."""
    reading = read_points(text)
    if reading.points is None or reading.span is None or not CLOSING_MARKS.fullmatch(text, reading.span[1]):
        return points, text
    return reading.points, P.strip_trailing_punct(reading.text).strip()
