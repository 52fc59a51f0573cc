"""A web text's first line that is the document's title (`…考核方案`, `…申报表`): a line of its own, though web text
runs the line under it on without a blank line and both are long enough for the text reader to join them as one
broken sentence. Kinds are title_words.json's (``rules_end``)."""
from __future__ import annotations

import regex

from parsers.extract.metadata_title import title_words
from parsers.textnorm import no_space

TITLE_LENGTH = (6, 60)
SENTENCE_MARK = regex.compile(r"[。；;，,：:！!？?、]")
# A line under the title that ends in a colon (`申请…必须具备以下条件:`, `考核单位:`) stays joined to it as before: the
# notice reader would take a lone title over a lead-in's unscored list for a unit.
LEAD_IN = regex.compile(r"[：:]\s*$")


def title_apart(title: str, next_line: str) -> bool:
    """``title`` (the text's first line) names a document's kind at its end, is short and holds no sentence's marks,
    and ``next_line`` is no lead-in: the two stay apart. Asked only where the reader would join them."""
    if LEAD_IN.search(next_line):
        return False
    text = no_space(title)
    return (TITLE_LENGTH[0] <= len(text) <= TITLE_LENGTH[1] and not SENTENCE_MARK.search(text)
            and title_words().rules_end.search(text) is not None)
