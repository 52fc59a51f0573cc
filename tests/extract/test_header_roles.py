"""A header cell's role: the synonym ending last decides (of two ending there, the longer), found by one search
in the reversed cell. Checked against the rule written out, a `rfind` per synonym, on every synonym and on
cells made of them."""
from __future__ import annotations

import random

from parsers.extract.headers import _best, _synonyms, header_role


def _by_rule(header: str):
    best, key = None, (-1, -1)
    for synonym, field in _synonyms():
        if len(synonym) == 1 and header != synonym:
            continue
        at = header.rfind(synonym)
        if at >= 0 and (at + len(synonym), len(synonym)) > key:
            best, key = (field, synonym), (at + len(synonym), len(synonym))
    return best


def test_best_synonym_is_the_rule_on_synonyms_and_cells_made_of_them():
    words = [s for s, _ in _synonyms()]
    chars = sorted(set("".join(words))) + list("的和及与、")
    rng = random.Random(14)
    cells = set(words)
    for _ in range(20000):
        parts = [rng.choice(words) if rng.random() < 0.5 else "".join(rng.choices(chars, k=rng.randint(1, 3)))
                 for _ in range(rng.randint(1, 3))]
        cells.add("".join(parts)[:20])
    assert [c for c in cells if _best(c) != _by_rule(c)] == []


def test_head_noun_decides_a_header():
    assert header_role("考核内容")[0] == header_role("内容")[0]
    assert header_role("工作程序") is None or header_role("工作程序")[1] != "序"  # `序` only as the whole cell
