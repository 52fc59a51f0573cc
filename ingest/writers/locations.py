"""Where a finding stands, in the words of the reports (text and HTML share them): 第3页 第9行, or 第350段
where a format's lines are paragraphs, and the clause it points at."""
from __future__ import annotations

from parsers import formats
from schemas.records import Extraction, Finding


def clause_for(ex: Extraction, f: Finding):
    """The clause a finding points at, to quote it."""
    for t in ex.targets:
        if t.page == f.page and t.line == f.line and (f.unit is None or t.unit == f.unit):
            return t
    return None


def line_word(ex: Extraction) -> str:
    """What the document's format calls a line: 行, or 段 where lines are paragraphs."""
    fmt = formats.get(ex.info.format)
    return fmt.line_word if fmt else "行"


def where(page: int | None, line: int | None, word: str) -> str:
    """第3页 第9行; a format without pages that numbers its paragraphs: 第350段; nothing: ''."""
    return " ".join(([f"第{page}页"] if page else []) + ([f"第{line}{word}"] if line else []))
