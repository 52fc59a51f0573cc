"""The PDF reader's page-wide patterns run on the standard library's engine: they must match what the
`regex` patterns they replaced matched, character for character."""
from __future__ import annotations

import sys

import regex

from parsers.readers.pdf_reader import BAD_CHAR, READABLE_CHAR, SPACE_BETWEEN, WHITESPACE

EVERY_CHAR = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_whitespace_is_regex_whitespace_for_every_character():
    before = regex.compile(r"\s+")
    assert [m.span() for m in WHITESPACE.finditer(EVERY_CHAR)] == [m.span() for m in before.finditer(EVERY_CHAR)]


def test_a_space_between_is_found_where_regex_found_it_next_to_every_kind_of_space():
    before = regex.compile(r"(?<=[^\s]) +(?=[^\s])")
    probes = ["".join(f"{chr(c)} {chr(c)}a  b" for c in range(0, 0x3100)), "\x1c \x1d", "\x85 a", "a \u3000", "甲 乙"]
    for text in probes:
        assert [m.span() for m in SPACE_BETWEEN.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_bad_and_readable_character_classes_are_unchanged():
    for ours, pattern in ((BAD_CHAR, r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]+"),
                          (READABLE_CHAR, r"[\u4e00-\u9fff\x21-\x7e\u3000-\u303f\uff00-\uffef—–“”‘’…·]+")):
        assert ours.sub("", EVERY_CHAR) == regex.compile(pattern).sub("", EVERY_CHAR)
