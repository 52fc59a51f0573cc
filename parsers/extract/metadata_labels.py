"""Metadata a government site prints above a document it publishes, kept in web copies: `发布日期: 2020-10-20`,
`发文字号 | 某政〔2021〕3号 |`, a label on one line and its value on the next. Each labelled value fills a field
the document's own head (metadata.py) left empty; the labels are data (parsers/data/page_labels.json)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.dates import parse_date
from parsers.extract.patterns import DOC_NUMBER
from parsers.textnorm import halfwidth
from schemas.blocks import Paragraph

CELL_SPLIT = regex.compile(r"\s*(?:[|\t]|\s{2,})\s*")  # cells of a metadata table as the web keeps it
NUMERIC_DATE = regex.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?!\d)")
MAX_VALUE_CHARS = 40
ISSUER = regex.compile(r"^[\p{Han}（）()]{2,30}$")  # a body's name: no digits, no sentence


@lru_cache(maxsize=1)
def _labels() -> tuple[dict[str, str], regex.Pattern]:
    """Label → field, and a pattern for `label: value` within one cell."""
    by_label = {label: field for field, labels in load_json("page_labels.json").items() for label in labels}
    alt = "|".join(map(regex.escape, sorted(by_label, key=len, reverse=True)))
    return by_label, regex.compile(rf"(?P<label>{alt})\s*[:：]\s*")


def labelled_values(front: list[Paragraph]) -> dict[str, tuple[str, Paragraph]]:
    """The first value of each labelled field in the paragraphs before the document's body, with the paragraph
    holding its label."""
    by_label, inline = _labels()
    found: dict[str, tuple[str, Paragraph]] = {}
    cells = [(c, p) for p in front for c in CELL_SPLIT.split(p.text.strip()) if c]
    for i, (cell, para) in enumerate(cells):
        marks = list(inline.finditer(cell))  # `label: value` pairs, several where the page's lines ran together
        pairs = [(m["label"], cell[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(cell)])
                 for k, m in enumerate(marks)] or [(cell.rstrip(":："), "")]
        for label, value in pairs:
            field = by_label.get(label)
            if field is None or field in found:
                continue
            if not value and (not marks or label == marks[-1]["label"]) and i + 1 < len(cells) \
                    and cells[i + 1][0].rstrip(":：") not in by_label:
                value = _up_to_label(cells[i + 1][0], inline)  # the next cell, or the next line
            if value.strip():  # what follows the label, not all the run-together rest
                found[field] = (value.strip()[:MAX_VALUE_CHARS], para)
    return found


def opens_with_label(text: str) -> bool:
    """The line starts with a label a site prints (`发布日期: 2020-10-20`)."""
    return _labels()[1].match(text.strip()) is not None


def _up_to_label(cell: str, inline: regex.Pattern) -> str:
    """A value on the line after its label, up to the next label web text ran onto that line (`某某局发布时间:`)."""
    m = inline.search(cell)
    return cell[:m.start()] if m else cell


def labelled_date(value: str) -> dt.date | None:
    """`2020-10-20 14:47:57`, `2021/8/6`, `2020年10月20日`."""
    m = NUMERIC_DATE.search(halfwidth(value))
    if m:
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
    return parse_date(value)


def labelled_number(value: str) -> str | None:
    """The 发文字号 a label gives, if it is one (a site prints `文号` over an empty cell too)."""
    return value if DOC_NUMBER.search(halfwidth(value)) else None


def labelled_issuer(value: str) -> str | None:
    return value if ISSUER.match(value) else None
