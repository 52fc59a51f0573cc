"""A scoring form a page wrote one cell a line (`设施` / `要求` / `分馆现有设施…要求。` / `20分(达不到酌情扣分)`): each
row is its name (short lines, perhaps one character group a line), its content (sentences, perhaps numbered parts
each closed by `(N分)`), then its 标准分 alone on a line, under a table header naming that column (`标准分`); a
group is its ordinal, its name and its points each on a line (`(一)` / `设施保障` / `(36分)`). Such a run is read as
one paragraph per row, `名称content(N分)`, and one per group, `(一)名称(N分)`, which the outline reads as items
with points under their group; the parts' `(N分)` are the breakdown of the row's worth and are left out."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from parsers.extract.grammar import load_data
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Paragraph

# `10分` `20分(达不到酌情扣分)`, or a bare `5` (the reader keeps one only as a form's last value)
VALUE = regex.compile(r"^(?P<n>\d{1,3}(?:\.\d)?)(?:分(?P<note>[(（][^()（）]{1,20}[)）])?)?$")
GROUP_POINTS = regex.compile(r"^[(（](?P<n>\d{1,3}(?:\.\d)?)分?[)）]$")
ORDINAL = regex.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]$|^[一二三四五六七八九十]{1,3}、$")
NAME = regex.compile(r"^\p{Han}{1,6}$")
NAME_AND_POINTS = regex.compile(r"^(?P<name>\p{Han}{1,6})[(（](?P<n>\d{1,3}(?:\.\d)?)分?[)）]$")
PART_START = regex.compile(r"^\s*(?:[(（]\d{1,2}[)）]|\d{1,2}[、.．)）]|[①-⑳])")
PART_POINTS = regex.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
MAX_NAME_LINES = 4
MIN_ROWS = 3


@lru_cache(maxsize=1)
def _value_columns() -> frozenset[str]:
    return frozenset(load_data("scoring.json")["value_columns"])


def cell_rows(paragraphs: list) -> list:
    """The blocks with such a form's rows and groups joined (see the module); unchanged when there is none. A block
    other than a paragraph (a table) ends a row."""
    texts = [no_space(halfwidth(p.text)) if isinstance(p, Paragraph) else "" for p in paragraphs]
    header = next((k for k, t in enumerate(texts) if t in _value_columns()), None)
    if header is None:
        return paragraphs
    out, joined, start = list(paragraphs[:header + 1]), 0, header + 1
    k = start
    while k < len(paragraphs):
        group = _group(texts, k)
        if group:
            out.extend(paragraphs[start:k])
            out.append(replace(paragraphs[k], text=group[0]))
            k = start = k + group[1]
            continue
        value = VALUE.match(texts[k])
        row = _row(paragraphs[start:k], texts[start:k], value) if value else None
        if row is not None:
            out.append(replace(paragraphs[start], text=row))
            joined += 1
            k = start = k + 1
            continue
        k += 1
    out.extend(paragraphs[start:])
    return out if joined >= MIN_ROWS else paragraphs


def _group(texts: list[str], k: int) -> tuple[str, int] | None:
    """A group's ordinal, name and points as one paragraph, and how many lines they took: `(一)` / `设施保障` /
    `(36分)`, or the name and its points on one line (`(一)` / `设施保障(36分)`: a cell wide enough for both)."""
    if k + 1 >= len(texts) or not ORDINAL.match(texts[k]):
        return None
    named = NAME_AND_POINTS.match(texts[k + 1])
    if named:
        return f"{texts[k]}{named['name']}({named['n']}分)", 2
    if k + 2 >= len(texts) or not NAME.match(texts[k + 1]):
        return None
    points = GROUP_POINTS.match(texts[k + 2])
    return (f"{texts[k]}{texts[k + 1]}({points['n']}分)", 3) if points else None


def _row(paragraphs: list, texts: list[str], value: regex.Match) -> str | None:
    """The row before its 标准分 line: name lines, then content lines that hold a sentence."""
    names = 0
    while names < min(len(texts), MAX_NAME_LINES) and NAME.match(texts[names]):
        names += 1
    if not all(isinstance(p, Paragraph) for p in paragraphs):
        return None
    content = [PART_POINTS.sub("", p.text).strip() for p in paragraphs[names:]]
    content = [c for c in content if c]
    if not names or not content or not any(regex.search(r"[。；;]$", c) for c in content):
        return None
    name, worth, body = "".join(texts[:names]), f"({value['n']}分){value['note'] or ''}", "".join(content)
    if PART_START.match(body):  # `智能设备(6分)(1)…;(2)…`: its numbered parts stay under the row, not items
        return f"{name}{worth}:{body}"
    return f"{name}{body}{worth}"
