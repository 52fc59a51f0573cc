"""``clean_text`` skips the steps that cannot change a text (it runs on every paragraph of every document);
these tests hold the facts the shortcuts rest on and compare it with the plain three-pass definition."""
from __future__ import annotations

import random
import sys
import unicodedata

from parsers.textnorm import CONTROL, SPACE_NEXT_TO_CJK, WHITESPACE, clean_text


def _by_definition(text: str) -> str:
    text = CONTROL.sub("", unicodedata.normalize("NFC", text))
    return SPACE_NEXT_TO_CJK.sub("", WHITESPACE.sub(" ", text)).strip()


def test_str_split_splits_where_the_whitespace_pattern_matches_once_controls_are_gone():
    differ = [hex(cp) for cp in range(sys.maxunicode + 1)
              if not CONTROL.match(chr(cp)) and bool(WHITESPACE.match(chr(cp))) != chr(cp).isspace()]
    assert differ == []


def test_a_printable_text_holds_no_control_character():
    assert [hex(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isprintable() and CONTROL.match(chr(cp))] == []


def test_clean_text_equals_its_definition_on_mixed_whitespace_controls_and_cjk():
    alphabet = " \t\n\r\x0b\x0c\x00\x85\u00a0\u3000\u2028\u2029\u200b\ufeff\u1680\u202f年A1，（）%a\u0301e"
    rng = random.Random(20201)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(20_000)]
    texts += ["（60 分）", " 2020 年 ", "PM 2.5", "R&D 经费", "景  涛", "e\u0301", "\u3000\u3000一、总则"]
    assert [t for t in texts if clean_text(t) != _by_definition(t)] == []
    assert clean_text("（60 分）") == "（60分）" and clean_text("PM 2.5") == "PM 2.5"
