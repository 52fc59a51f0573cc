"""A flattened table's last column glued after each row's last sentence.

A page that flattens a table whose last column names who supplies the data (`数据采集提供`) writes that cell between
a row's rule and the next row's number: `…每人次减0.2分。组织人事处、CRP2院级会议1分:…`. Read alone, each cell is the
end of its row's text. Short tails after the rows' last full stops, without a sentence's marks, ending in the same
word on several rows of one list, are that column: they leave the rows' text."""
from __future__ import annotations

from collections import Counter

import regex

from parsers.textnorm import no_space

SENTENCE_END = regex.compile(r"[。；;！!？?]")
CELL = regex.compile(r"^[^\d,，:：;；。()（）“”\"]+$")  # no sentence's marks, no figures: a name or a list of names
MAX_CELL = 20
MIN_ROWS = 3


def drop_glued_column(node) -> None:
    """Rewrites the rows' text under ``node`` in place (see the module)."""
    for child in node.children:
        drop_glued_column(child)
    rows = [c for c in node.children if c.marker is not None and not c.folded]
    if len(rows) < MIN_ROWS:
        return
    tails = {id(r): _tail(r.raw) for r in rows}
    ends = Counter(t[1].split("、")[-1] for t in tails.values() if t)
    word, count = ends.most_common(1)[0] if ends else ("", 0)
    if count < MIN_ROWS:
        return
    for r in rows:
        found = tails[id(r)]
        if found and found[1].split("、")[-1] == word:
            r.raw, r._reading = r.raw[:found[0]], None


def _tail(raw: str) -> tuple[int, str] | None:
    """(where the tail starts, the tail) after the last full stop, when it can be one cell."""
    text = raw.rstrip()
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    if not ends:
        return None
    tail = no_space(text[ends[-1]:])
    return (ends[-1], tail) if 0 < len(tail) <= MAX_CELL and CELL.match(tail) else None
