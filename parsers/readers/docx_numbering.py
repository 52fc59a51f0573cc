"""Word automatic numbering, computed as Word shows it.

The number of a list paragraph is not in its text: it lives in ``numbering.xml`` (``w:num`` →
``w:abstractNum`` → ``w:lvl`` with ``numFmt`` and ``lvlText`` such as ``（%1）``). Drafters use it
all the time for ``一、`` and ``（一）``, so a reader that ignores it loses the structure.
"""
from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int


# Word accepts start values up to 32767; beyond that a label is written in decimal, so formatting
# stays linear whatever a hostile numbering.xml declares (10^9 in roman would be a million `M`s).
MAX_STYLED_NUMBER = 32767


def _attr(el, name: str) -> str | None:
    return None if el is None else el.get(W + name)


def _int_attr(el, name: str, default: int) -> int:
    """An integer attribute; a malformed one (`w:ilvl="abc"`) counts as absent."""
    value = (_attr(el, name) or "").strip()
    try:
        return int(value)
    except ValueError:
        return default


def _format_number(n: int, fmt: str) -> str:
    if not 0 < n <= MAX_STYLED_NUMBER:
        return str(n)
    import cn2an  # a quarter second to import: only for a document with numbered lists
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting"):
        return cn2an.an2cn(n)
    if fmt == "ideographDigital":
        return cn2an.an2cn(n).replace("零", "〇")
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * (1 + (n - 1) // 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalZero and anything unknown


def _roman(n: int) -> str:
    parts = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        parts.append(sym * count)
    return "".join(parts)


class Numbering:
    """Computes list labels paragraph by paragraph, in document order."""

    def __init__(self, numbering_xml, styles_numpr: dict[str, tuple[str, int]] | None = None):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._num_to_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._styles_numpr = styles_numpr or {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started_nums: set[str] = set()
        if numbering_xml is not None:
            self._load(numbering_xml)

    def _load(self, root) -> None:
        for absnum in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in absnum.iter(W + "lvl"):
                levels[_int_attr(lvl, "ilvl", 0)] = Level(
                    fmt=_attr(lvl.find(W + "numFmt"), "val") or "decimal",
                    text=_attr(lvl.find(W + "lvlText"), "val") or "",
                    start=_int_attr(lvl.find(W + "start"), "val", 1),
                )
            self._abstract[_attr(absnum, "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            num_id = _attr(num, "numId") or ""
            self._num_to_abstract[num_id] = _attr(num.find(W + "abstractNumId"), "val") or ""
            for override in num.iter(W + "lvlOverride"):
                start = _int_attr(override.find(W + "startOverride"), "val", -1)
                if start >= 0:
                    self._overrides.setdefault(num_id, {})[_int_attr(override, "ilvl", 0)] = start

    def label(self, p_element, style_id: str | None) -> str:
        """The label Word shows before this paragraph (`（一）`, `1.`), or ''."""
        num_id, ilvl = self._numpr(p_element, style_id)
        if not num_id or num_id == "0":
            return ""
        abstract_id = self._num_to_abstract.get(num_id)
        levels = self._abstract.get(abstract_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started_nums:
            # A num instance with a start override restarts the list where it begins.
            self._started_nums.add(num_id)
            for lvl, start in self._overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        level = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = level.text
        for k in range(ilvl, -1, -1):
            lv = levels.get(k)
            if lv is None:
                continue
            value = counters.get(k, lv.start)
            text = text.replace(f"%{k + 1}", _format_number(value, lv.fmt))
        return "" if level.fmt == "bullet" else text

    def _numpr(self, p_element, style_id: str | None) -> tuple[str | None, int]:
        ppr = p_element.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _attr(numpr.find(W + "numId"), "val")
            return num_id, _int_attr(numpr.find(W + "ilvl"), "val", 0)
        if style_id and style_id in self._styles_numpr:
            return self._styles_numpr[style_id]
        return None, 0
