"""Text normalisation shared by readers and extractors."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import regex

# Full-width ASCII variants (０-９, Ａ-Ｚ, ．) map to ASCII for matching; brackets stay as written.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0xFF0E: ord("."), 0xFF05: ord("%"), 0x3000: ord(" ")})

# A space a PDF text layer or a converter puts between Chinese and digits: `（60 分）`, `2020 年`.
_CJK = r"[\p{Han}\p{Ps}\p{Pe}，。；：、％%“”‘’《》！？—]"
SPACE_NEXT_TO_CJK = regex.compile(rf"(?<={_CJK})[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?={_CJK})")
WHITESPACE = regex.compile(r"\s+")
# The characters the patterns' `\s` matches, for str.strip: stripping them (with punctuation) off a
# line's end is what `[\s…]+$` does, without a regex search through the whole line.
SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
CONTROL = regex.compile(r"[^\P{C}\n\t]")  # control, format, unassigned and private-use characters


# A class of literal code points means the same to both engines; `re` tests it three times faster and
# halfwidth runs on every line more than once.
_HAS_FULLWIDTH = re.compile(r"[\uff0e\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")


def halfwidth(text: str) -> str:
    """Full-width digits and letters to ASCII (`６０` → `60`); other characters unchanged."""
    return text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


def squeeze_cjk_spaces(text: str) -> str:
    """Remove spaces next to Chinese characters and full-width punctuation; keep them between
    Latin words (`R&D 经费` → `R&D经费`, `PM 2.5` stays)."""
    return SPACE_NEXT_TO_CJK.sub("", text).strip()


def clean_text(text: str) -> str:
    """NFC, no control characters, spaces next to CJK removed, runs of whitespace folded.

    Every paragraph of every document passes here, so each step is skipped where it cannot change the
    text: a printable string holds no control character; after control characters are gone, ``str.split``
    splits on exactly the characters ``\\s`` matches (tested for every code point), and a text without a
    space has none to squeeze."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = CONTROL.sub("", text)
    text = " ".join(text.split())
    return SPACE_NEXT_TO_CJK.sub("", text) if " " in text else text


_HAS_SPACE = re.compile(f"[{re.escape(SPACE)}]")  # literal code points: the same to both engines


@lru_cache(maxsize=1 << 16)  # the same unit names and clause texts are compared over and over
def no_space(text: str) -> str:
    """All whitespace removed: how names and leaders are compared (`景  涛` → `景涛`)."""
    return WHITESPACE.sub("", text) if _HAS_SPACE.search(text) else text  # most lines hold none


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_HAN_RANGE = regex.compile(r"[\u3400-\u9fff]")


def matching_copy(text: str) -> str:
    """The text as patterns see it: full-width digits as ASCII and traditional characters
    simplified (`減2分` → `减2分`), position for position, so a match's span applies to the text
    as written. Where simplification would change the length the text stays as it is."""
    half = halfwidth(text)
    if not _HAN_RANGE.search(half):
        return half
    simple = _t2s().convert(half)
    return simple if len(simple) == len(half) else half
