"""A web text's first line that is the document's title (`…考核方案`, `…申报表`): a line of its own, though web text
runs the line under it on without a blank line and both are long enough for the text reader to join them as one
broken sentence. Kinds are title_words.json's (``rules_end``). So too a title line under a site's labelled line
(`…发布时间:2023-10-13 19:49` over `2023年项目支出绩效目标申报表`; labels are page_labels.json's)."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.metadata_title import title_words
from parsers.textnorm import no_space

TITLE_LENGTH = (6, 60)
SENTENCE_MARK = regex.compile(r"[。；;，,：:！!？?、]")


def title_apart(title: str, next_line: str) -> bool:
    """``title`` (the text's first line) names a document's kind at its end, is short and holds no sentence's marks:
    it stays apart from ``next_line``, a lead-in (`申请…必须具备以下条件:`) too (a heading naming a document's kind is no
    unit to the notice reader). Asked only where the reader would join them."""
    return _is_title(title)


def title_under_site_line(previous: str, line: str) -> bool:
    """``line`` is a title and ``previous`` (the line it would join) a site's labelled line (`来源:`, `发布时间:`):
    the site's line is no sentence the title continues."""
    return _is_title(line) and _site_label().search(previous) is not None


def _is_title(line: str) -> bool:
    """Short, no sentence's marks, a document's kind at its end."""
    text = no_space(line)
    return (TITLE_LENGTH[0] <= len(text) <= TITLE_LENGTH[1] and not SENTENCE_MARK.search(text)
            and title_words().rules_end.search(text) is not None)


@lru_cache(maxsize=1)
def _site_label() -> regex.Pattern:
    labels = [label for field, words in load_json("page_labels.json").items() if field != "_" for label in words]
    return regex.compile("(?:" + "|".join(map(regex.escape, sorted(labels, key=len, reverse=True))) + r")\s*[:：]")
