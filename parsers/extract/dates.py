"""A date as Chinese documents write it, in Arabic or Chinese numerals; a day the calendar lacks is no
date (the checks report it)."""
from __future__ import annotations

import datetime as dt

import regex

from parsers.extract.cnnum import DIGITS, cn_to_int
from parsers.extract.patterns import ARABIC_DATE, CHINESE_DATE
from parsers.textnorm import halfwidth, no_space

# `二0二0年`: a figure 0 a copy typed among Chinese numerals (beside one, never among figures: `2020年` stays)
FIGURE_ZERO = regex.compile(r"(?<=[〇一二三四五六七八九])[0０]+|[0０]+(?=[〇一二三四五六七八九])")


def chinese_zeros(text: str) -> str:
    """``text`` with every way of writing the Chinese zero as 〇, for CHINESE_DATE: the circle ○, 零, in web text
    the letter O (`二OO六年`), and a figure 0 among Chinese numerals (`二0二0年`). (Chained replace: str.translate
    with a mapping is twenty times slower here.)"""
    text = text.replace("○", "〇").replace("零", "〇").replace("O", "〇").replace("o", "〇").replace("Ｏ", "〇")
    return FIGURE_ZERO.sub(lambda m: "〇" * len(m[0]), text) if "0" in text or "０" in text else text


# `二〇二〇年3月5日`, `2020年三月五日`: a date a copy wrote part in figures, part in Chinese numerals (read on the text
# with its zeros made 〇)
MIXED_DATE = regex.compile(r"(?P<y>\d{4}|[〇一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                           r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")


def parse_date(text: str) -> dt.date | None:
    """`2020年8月22日`, `２０２０年８月２２日`, `二〇一〇年十二月二十二日` (〇 or ○), `二〇二〇年3月5日`."""
    text = halfwidth(no_space(text))
    m = ARABIC_DATE.search(text)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    elif m := CHINESE_DATE.search(zeroed := chinese_zeros(text)):
        year = m["y"] if len(m["y"]) == 4 else f"二〇{m['y'][1:]}"  # `二一一年`: the 〇 a web page lost
        y = int("".join(str(DIGITS[c]) for c in year))  # digit by digit: 二〇一〇 → 2010
        mo, d = int(cn_to_int(m["m"])), int(cn_to_int(m["d"]))
    elif m := MIXED_DATE.search(zeroed):
        y = int(m["y"]) if m["y"].isascii() else int("".join(str(DIGITS[c]) for c in m["y"]))
        mo, d = (int(v) if v.isascii() else int(cn_to_int(v)) for v in (m["m"], m["d"]))
    else:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None
