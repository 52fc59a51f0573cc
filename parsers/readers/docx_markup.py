"""Malformed property values in a .docx (`w:b w:val="maybe"`, `w:gridSpan w:val="abc"`): python-docx (or our
numbering) converts them strictly and would fail the whole document, so each is treated as absent and
reported once per kind."""
from __future__ import annotations

import re

from parsers.readers.docx_numbering import W
from parsers.readers.docx_package import WordParts
from schemas.blocks import ReaderWarning

MALFORMED_MARKUP = "malformed_markup"  # the ReaderWarning code (a finding kind of the same name)

_ON_OFF = {"true", "false", "1", "0", "on", "off"}
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")
# Properties whose value python-docx (or our numbering) converts strictly: a malformed value there
# would fail the whole document, so the property is treated as absent instead (with a warning).
_VALUE_RULES: dict[str, object] = {
    **{name: _ON_OFF for name in ("b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "vanish",
                                  "outline", "shadow", "emboss", "imprint", "webHidden", "specVanish",
                                  "keepNext", "keepLines", "pageBreakBefore", "widowControl", "suppressLineNumbers",
                                  "bidi", "contextualSpacing", "tblHeader", "cantSplit", "noWrap", "hideMark")},
    **{name: _INTEGER for name in ("gridSpan", "gridBefore", "gridAfter", "ilvl", "numId", "outlineLvl", "start",
                                   "startOverride", "sz", "szCs", "kern", "spacing", "position", "w")},
    "vMerge": {"restart", "continue"},
    "hMerge": {"restart", "continue"},
    "jc": {"start", "end", "left", "right", "center", "both", "distribute", "mediumKashida", "highKashida",
           "lowKashida", "thaiDistribute", "numTab"},
    "vertAlign": {"baseline", "superscript", "subscript"},
}
_SPAN_ATTRIBUTES = ("w", "h")  # measurements on tcW/trHeight etc. (w:w="abc")
_SPAN_ELEMENTS = ("tcW", "trHeight", "gridCol", "tblW", "tblInd", "ind")
_CHECKED_TAGS = tuple(W + name for name in (*_VALUE_RULES, *_SPAN_ELEMENTS))


# The same rules as exact sets of raw values, for a quick pass that only says "nothing to drop":
# a value in these is valid as it stands; anything else sends the document through the full pass.
_ON_OFF_TAGS = tuple(W + n for n, rule in _VALUE_RULES.items() if rule is _ON_OFF)
_INTEGER_TAGS = tuple(W + n for n, rule in _VALUE_RULES.items() if rule is _INTEGER)
_CHOICES = {W + n: frozenset(rule) for n, rule in _VALUE_RULES.items() if rule is not _ON_OFF and rule is not _INTEGER}
_SPAN_TAGS = tuple(W + n for n in _SPAN_ELEMENTS)


def _plain_integer(value: str) -> bool:
    return value.isascii() and value.isdigit() and len(value) <= 18


# One walk of each tree for the quick pass: a tag's rule (None: a plain integer), and the span elements.
_QUICK_RULES: dict[str, object] = {**{t: _ON_OFF for t in _ON_OFF_TAGS}, **{t: None for t in _INTEGER_TAGS}, **_CHOICES}
_QUICK_TAGS = tuple(_QUICK_RULES) + tuple(t for t in _SPAN_TAGS if t not in _QUICK_RULES)
_SPAN_SET = frozenset(_SPAN_TAGS)
_SPAN_NAMES = tuple(W + attr for attr in _SPAN_ATTRIBUTES)


def _surely_clean(roots: list) -> bool:
    """No checked property holds a value the full pass could find malformed (lxml picks the elements by
    tag in one walk per tree; Python only compares a string)."""
    val, rules, plain = W + "val", _QUICK_RULES, _plain_integer
    for root in roots:
        for el in root.iter(*_QUICK_TAGS):
            tag = el.tag
            value = el.get(val)
            if value is not None and tag in rules:
                rule = rules[tag]
                if not plain(value) if rule is None else value not in rule:  # type: ignore[operator]
                    return False
            if tag in _SPAN_SET:
                for attr in _SPAN_NAMES:
                    value = el.get(attr)
                    if value is not None and not plain(value):
                        return False
    return True


def _valid(rule, value: str) -> bool:
    return rule.match(value) is not None if hasattr(rule, "match") else value in rule


def drop_malformed_attributes(parts: WordParts) -> list[ReaderWarning]:
    """Remove properties whose value is malformed (`w:b="maybe"`, `w:gridSpan="abc"`): each is
    treated as absent and reported once per kind, and the rest of the document is kept."""
    roots = [parts.document, parts.styles] + ([parts.numbering] if parts.numbering is not None else [])
    if _surely_clean(roots):
        return []
    bad: dict[str, int] = {}
    val_name = W + "val"
    for root in roots:
        for el in list(root.iter(*_CHECKED_TAGS)):  # lxml filters by tag in C: only these become Python objects
            local = el.tag[len(W):]
            rule = _VALUE_RULES.get(local)
            value = el.get(val_name)
            if rule is not None and value is not None and not _valid(rule, value.strip()):
                bad[f"w:{local}=\"{value[:20]}\""] = bad.get(f"w:{local}=\"{value[:20]}\"", 0) + 1
                el.getparent().remove(el)
                continue
            for attr in _SPAN_ATTRIBUTES:
                raw = el.get(W + attr)
                if raw is not None and not _INTEGER.match(raw.strip()) and local in _SPAN_ELEMENTS:
                    bad[f"w:{local} w:{attr}=\"{raw[:20]}\""] = bad.get(f"w:{local} w:{attr}=\"{raw[:20]}\"", 0) + 1
                    del el.attrib[W + attr]
    return [ReaderWarning(MALFORMED_MARKUP, f"格式属性无效，已按缺省处理：{what}（{n}处）") for what, n in bad.items()]
