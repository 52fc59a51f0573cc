"""Numbering markers: which kind (一、 （一） 1. （1） ① Ⅰ 第一条 …) and which number."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from parsers.extract.cnnum import cn_to_int
from parsers.extract.grammar import grammar


@dataclass(frozen=True)
class Marker:
    kind: str
    number: int | None
    raw: str
    start: int
    end: int  # where the item's text begins

    @property
    def parent_path(self) -> str | None:
        """`1.2` for the decimal marker `1.2.3`; None for other kinds."""
        return self.raw.rsplit(".", 1)[0] if self.kind.startswith("decimal") else None

    @property
    def path(self) -> str:
        return self.raw.rstrip(".．、 ")


def number_of(groups: dict, roman: str) -> int | None:
    if groups.get("dec"):  # 1.2.3: the item's own number is the last
        return int(groups["dec"].rsplit(".", 1)[1])
    if groups.get("d"):
        return int(groups["d"])
    if groups.get("one"):  # `l、`: the digit 1 misread as a letter
        return 1
    if groups.get("circled"):
        return ord(groups["circled"]) - 0x2460 + 1
    if groups.get("roman"):
        return roman.index(groups["roman"]) + 1
    numeral = groups.get("cn")
    if numeral:
        if numeral.isdigit():
            return int(numeral)
        try:
            return int(cn_to_int(numeral))
        except (ValueError, KeyError):
            return None
    return None


def marker_at_start(text: str) -> Marker | None:
    """The marker a paragraph starts with (``text`` is halfwidth)."""
    g = grammar()
    for kind in g.kinds:
        m = kind.at_start.match(text)
        if m and m.end() < len(text):
            return Marker(kind.name, number_of(m.groupdict(), g.roman), text[m.start():m.end()].strip(),
                          m.start(), m.end())
    return None


def inline_markers(text: str, start: int = 1) -> list[Marker]:
    """Every place inside a line where an item could start; which ones really do is decided by the
    outline (a marker must continue a sequence)."""
    g = grammar()
    found = []
    for m in g.any_marker_inline.finditer(text, pos=start):
        kind_name = m.lastgroup
        kind = next(k for k in g.kinds if k.name == kind_name)
        inner = kind.inline.match(text, m.start())
        if inner is None:
            continue
        end = inner.end()
        while end < len(text) and text[end] in " \t":
            end += 1
        found.append(Marker(kind_name, number_of(inner.groupdict(), g.roman), text[m.start():inner.end()],
                            m.start(), end))
    found += _after_glued_points(text, start)
    return sorted(found, key=lambda mk: mk.start)


# `…的费用(元)32.办理施工许可`: a flattened table's bare 分值 (3) glued to the next item's number (2.)
GLUED_NUMBER = regex.compile(r"(?<=[)）\p{Han}])\d{1,2}(?P<d>[1-9]\d?)\s*(?P<sep>[.．、])(?![\d.．])")


def _after_glued_points(text: str, start: int) -> list[Marker]:
    """The item number inside a run of digits after a closing bracket or a word: the outline takes it only where
    it continues the numbering, so `(元)32.` is item 2 after item 1 and the 3 stays the points before it."""
    found = []
    for m in GLUED_NUMBER.finditer(text, pos=start, overlapped=True):
        kind = "arabic_comma" if m["sep"] == "、" else "arabic_dot"
        found.append(Marker(kind, int(m["d"]), text[m.start("d"):m.end()], m.start("d"), m.end()))
    return found
