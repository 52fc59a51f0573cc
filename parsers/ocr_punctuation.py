"""Half- or full-width punctuation in OCR text, decided by the room each mark takes on the page.

The recogniser picks `,` or `，` by a glyph's look, which a scan barely shows. What tells them apart is the
advance: a full-width mark takes a whole character cell, an ASCII one about a quarter of it. The engine gives
each character's box (``return_word_box``), so a mark between a Chinese character and the next character
took (next start − previous start − one character's pitch). The engine's boxes are rough (a fifth of a
character either way), but a page sets its marks one way (a notice typed in one input mode), so each class
of marks is decided by the median of the page's measures, and the marks nobody measured (at a line's end,
after a digit) follow it. Measured on scans: full-width marks 0.65–1.4 of a pitch (median about 1), ASCII
marks 0.1–0.8 (median about 0.5). A page with too few votes keeps the convention of Chinese
print: full width wherever a mark touches Chinese text.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

import regex

# Marks by class: a page may type its brackets one way and its commas another.
MARK_CLASS = {",": "comma", "，": "comma", ";": "comma", "；": "comma", ":": "comma", "：": "comma",
              "?": "comma", "？": "comma", "!": "comma", "！": "comma",
              "(": "bracket", "（": "bracket", ")": "bracket", "）": "bracket"}
HALF_ADVANCE = 0.7  # a page's marks advancing (median) less than this share of a character's pitch are half width
MIN_VOTES = 3  # marks measured on the page before its convention is taken from them
HAN = regex.compile(r"\p{Han}")
DIGITS = frozenset("0123456789")
DIGIT_ADVANCE = 0.5  # an ASCII digit's share of a Chinese character's pitch, whichever way the marks are set

# Chinese print sets its marks full width: converted where they touch a non-ASCII character (`1,000`,
# `10:30`, `(R&D)` inside Latin text stay as they are). Subscript digits are kept as plain digits, as the
# other readers do.
HALF_WIDTH = regex.compile(r"(?<=[^\x00-\x7f])[(),;:?!]|[(),;:?!](?=[^\x00-\x7f])")
BRACKETED = regex.compile(r"(?<before>.?)[(（](?<inner>[^()（）]*)[)）](?<after>.?)")
UNPAIRED = regex.compile(r"\((?![^()（）]*[)）])|(?<![(（][^()（）]*)\)")  # its partner is on another line
LINE_END = regex.compile(r"[,;:?!](?=\s*$)")
# A letter the recogniser gives for a digit's look-alike inside a number: `PM1o` → `PM10`.
DIGIT_LOOKALIKE = regex.compile(r"(?<=\d)[oO](?![A-Za-z])|(?<=\d)[lI](?=\d)")
DIGIT_OF = {"o": "0", "O": "0", "l": "1", "I": "1"}
FULL_WIDTH = {"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
HALF_OF = {"comma": str.maketrans("，；：？！", ",;:?!"), "bracket": str.maketrans("（）", "()")}


def han_pitches(chars: list[tuple[str, float]]) -> list[float]:
    """The advances between neighbouring Chinese characters of one line (the engine's starts)."""
    return [b[1] - a[1] for a, b in zip(chars, chars[1:]) if HAN.match(a[0]) and HAN.match(b[0])]


def page_pitch(lines: list[list[tuple[str, float]] | None]) -> float | None:
    """The page's median pitch between Chinese characters: a narrow table cell's line (`扣1分,谎`, `料，每低`)
    holds too few pairs to give its own, and a page's cells are set in one size."""
    pitches = [p for chars in lines if chars for p in han_pitches(chars)]
    return statistics.median(pitches) if len(pitches) >= MIN_VOTES else None


def line_votes(chars: list[tuple[str, float]], fallback: float | None = None) -> list[tuple[str, float]]:
    """(class, advance in pitches) of each mark of one line that follows a Chinese character and has a
    character after it, or stands between a digit and a Chinese character; ``chars``: each character with the x
    where the engine placed its start. A line of fewer than two pairs of Chinese characters is measured by
    ``fallback`` (the page's pitch), where given."""
    pitches = han_pitches(chars)
    pitch = statistics.median(pitches) if len(pitches) >= 2 else fallback
    if not pitch or pitch <= 0:
        return []
    votes = []
    for before, (mark, _), after in zip(chars, chars[1:], chars[2:]):
        kind = MARK_CLASS.get(mark)
        if kind and HAN.match(before[0]):
            votes.append((kind, (after[1] - before[1] - pitch) / pitch))
        elif kind and before[0] in DIGITS and HAN.match(after[0]):
            # `(1)减…`: a table's numbered cell, its only bracket a line can measure (the opening one
            # starts the line); the digit before it is half a pitch in either convention.
            votes.append((kind, (after[1] - before[1] - DIGIT_ADVANCE * pitch) / pitch))
    return votes


@dataclass
class DocumentMarks:
    """The classes of marks a document's pages measured half width so far (None: no page measured any). A page
    with too few marks to measure (a table's last rows, `（1`) follows them, as a document types its marks one way."""
    half: frozenset[str] | None = None


def half_width_classes(votes: list[tuple[str, float]],
                       undecided: frozenset[str] | None = frozenset()) -> frozenset[str] | None:
    """The classes of marks the page sets half width: enough of them measured, and narrow (median). A class
    too few to measure follows the other where that one was measured: a document types its brackets as its
    commas (so do 175 of the 175 gold documents that hold both, ASCII in 173); where neither is, both follow
    the page's marks measured together, and so do both where they measure apart. ``undecided``: the answer
    where the page has too few marks to measure any (the Chinese convention, full width, unless told)."""
    measured = {}
    for kind in ("comma", "bracket"):
        mine = [advance for k, advance in votes if k == kind]
        if len(mine) >= MIN_VOTES:
            measured[kind] = statistics.median(mine) < HALF_ADVANCE
    if len(measured) == 1:
        (known,) = measured.values()
        measured = dict.fromkeys(("comma", "bracket"), known)
    elif len(set(measured.values())) != 1 and len(votes) >= MIN_VOTES:
        # neither class measured enough on its own (a table page: `来源:…日期:…` and a title's `(试行)`), or the
        # two measured apart (a few brackets of a narrow column, each a fifth of a pitch off, over 0.7 while the
        # commas read 0.5): the page types both classes one way, as its marks together measure
        half = statistics.median(advance for _, advance in votes) < HALF_ADVANCE
        measured = dict.fromkeys(("comma", "bracket"), half)
    if not measured:
        return undecided
    return frozenset(kind for kind, half in measured.items() if half)


def set_punctuation(text: str, half: frozenset[str] = frozenset()) -> str:
    """The recogniser's text with digits' look-alikes read as digits, and marks set as the page sets them."""
    text = DIGIT_LOOKALIKE.sub(lambda m: DIGIT_OF[m.group()], text.translate(SUBSCRIPTS))
    text = curl_quotes(text)
    for kind in half:
        text = text.translate(HALF_OF[kind])
    if not regex.search(r"\p{Han}", text) or half >= {"comma", "bracket"}:
        return text
    if "bracket" not in half:
        text = BRACKETED.sub(_full_brackets, text)
        text = UNPAIRED.sub(lambda m: FULL_WIDTH[m.group()], text)
    if "comma" in half:
        return text
    text = LINE_END.sub(lambda m: FULL_WIDTH[m.group()], text)
    while True:  # `分);` : the `;` touches non-ASCII once the `)` is converted
        converted = HALF_WIDTH.sub(lambda m: _full(m.group(), half), text)
        if converted == text:
            return text
        text = converted


def curl_quotes(text: str) -> str:
    """A straight `"` the engine read beside Chinese text, as the curly quote Chinese print sets: `”` closing a `“`
    still open on the line, `“` opening one when none is open and a Chinese character follows. A `"` within Latin
    text (`"draft"`, an inch: `5"`) stays as it is."""
    if '"' not in text or not HAN.search(text):
        return text
    out, open_ = [], False
    for k, char in enumerate(text):
        if char in "“”":
            open_ = char == "“"
        elif char == '"':
            before, after = text[k - 1: k], text[k + 1: k + 2]
            if open_ and not (before + after).isascii():
                char, open_ = "”", False
            elif not open_ and HAN.match(after) and not (before.isascii() and before.isalnum()):
                char, open_ = "“", True
        out.append(char)
    return "".join(out)


def _full(mark: str, half: frozenset[str]) -> str:
    return mark if MARK_CLASS[mark] in half else FULL_WIDTH[mark]


def _full_brackets(m: regex.Match) -> str:
    if (m["before"] + m["inner"] + m["after"]).isascii():
        return m.group()
    return f"{m['before']}（{m['inner']}）{m['after']}"
