"""The checks' shortcuts give the answers of the work they skip: difflib's quick_ratio, jieba on the
whole text, the exact slip patterns. Run on the sample notice's clauses and on slips planted in them."""
from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from ingest.checks import peers, text
from ingest.pipeline import process_file
from parsers.segmenter import tokenizer


@pytest.fixture(scope="module")
def clauses(samples) -> list[str]:
    texts = list(dict.fromkeys(t.text for t in process_file(samples / "sanmenxia_2020_targets.docx").targets))
    assert len(texts) > 300
    return texts


def planted(texts: list[str]) -> list[str]:
    """Each clause with a character doubled, and with a run of three written twice, at its middle."""
    found = []
    for t in texts:
        i = len(t) // 2
        found += [t[:i] + t[i] + t[i:], t[:i] + t[i:i + 3] + t[i:]]
    return found


def test_quick_ratio_bound_agrees_with_difflib(clauses):
    shapes = sorted({peers._shape(t) for t in clauses})
    pairs = [(a, b) for a, b in zip(shapes, shapes[1:])] + [(a, a[1:] + "某") for a in shapes if a]
    pairs += [(a, b) for a in shapes[:40] for b in shapes[:40]]
    for a, b in pairs:
        if a and b:
            expected = SequenceMatcher(None, a, b, autojunk=False).quick_ratio() < peers.SIMILAR
            assert peers._quick_ratio_below(a, b, peers.SIMILAR) == expected, (a, b)


def test_words_around_a_doubled_character_are_the_whole_texts_words(clauses):
    checked = 0
    for t in planted(clauses) + clauses:
        whole = list(tokenizer().tokenize(t))
        for m in text.DOUBLED.finditer(t):
            around = text._words_around(t, m.start())
            assert around == [w for w in whole if around[0][1] <= w[1] and w[2] <= around[-1][2]], t
            assert any(s <= m.start() < e for _, s, e in around)
            checked += 1
    assert checked > 300


def test_prefilters_never_hide_a_slip(clauses):
    for t in planted(clauses) + clauses:
        if text.DOUBLED.search(t) or text.DOUBLED_WORD.search(t) or text.BRACKET.search(t):
            assert text.MAYBE_SLIP.search(t), t
        if text.DOUBLED.search(t):
            assert text.MAYBE_DOUBLED.search(t), t
        if text.DOUBLED_WORD.search(t):
            assert text.MAYBE_DOUBLED_WORD.search(t), t
    assert text.doubled_words("提高社会社会消费品零售零售总额") == ["社会社会", "零售零售"]
    assert text.doubled_outside_words("完成市政府确定的目标任任务，层层落实") == ["任任"]
