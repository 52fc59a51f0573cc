"""A clause that states its points more than once, one bracketed notation closing each of its
requirements (`…并及时上报(1分);全年研究不少于4次(1分)。`): worth what it declares in all."""
from __future__ import annotations

import regex

from parsers.extract.grammar import grammar
from parsers.extract.points import read_points, to_number
from parsers.textnorm import matching_copy

CLOSES_REQUIREMENT = regex.compile(r"\s*(?:[。；;]|$)")
HAS_WORDS = regex.compile(r"\p{Han}{2}")
TIER = regex.compile(r"的\s*$")  # `完成的(5分);基本完成的(3分)`: grades of one rule, not requirements


def declared_in_all(raw: str) -> tuple[float, str] | None:
    """(points, text without its notations) of a clause with two or more requirements, each closed by
    its own bracketed points; None for any other clause (one notation, a rule's grades, a deduction)."""
    reading = read_points(raw)
    if reading.notation != "bracketed" or reading.points is None or reading.per_kind:
        return None
    g = grammar()
    bracketed = next(n for n in g.notations if n.name == "bracketed")
    mt = matching_copy(raw)
    deductions = [m.span() for m in g.deduction.finditer(mt)]
    spans, values, end = [], [], 0
    for m in bracketed.pattern.finditer(mt):
        if any(m.start() < e and s < m.end() for s, e in deductions):
            continue
        head = mt[end:m.start()]
        if not CLOSES_REQUIREMENT.match(mt, m.end()) or not HAS_WORDS.search(head) or TIER.search(head):
            return None
        spans.append(m.span())
        values.append(to_number(m["n"]))
        end = m.end()
    if len(spans) < 2 or (len(spans) > 2 and values[0] == sum(values[1:])):
        return None  # one notation, or a total and its parts (`…(10分)。其中…(6分);…(4分)。`)
    text = raw
    for s, e in reversed(spans):
        text = text[:s] + text[e:]
    return sum(values), text.strip()
