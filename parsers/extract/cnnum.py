"""Chinese numerals as integers without loading cn2an (a tenth of a second to import) for the
common case: numbers below ten thousand written the standard way (一 十一 二十三 一百零五 两千〇八),
which is how every outline marker and most quantities are written. Anything else (万, 亿, 点,
digit-by-digit readings, mixed forms) goes to cn2an, loaded then, so results are cn2an's own."""
from __future__ import annotations

from functools import lru_cache

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}


@lru_cache(maxsize=4096)
def cn_to_int(numeral: str):
    """cn2an.cn2an(numeral, "smart"): the same value (and the same ValueError for what is not a
    number), decided here for standard integers below 10,000."""
    value = _standard(numeral)
    if value is not None:
        return value
    if numeral in ("万", "亿"):  # a bare unit (一万 without its 一), as cn2an says
        raise ValueError(f"不符合格式的数据：{numeral}")
    import cn2an

    return cn2an.cn2an(numeral, "smart")


def _standard(text: str) -> int | None:
    """The value of a standard numeral below 10,000, or None where cn2an must decide."""
    if not text or len(text) > 8:
        return None
    total, digit, last_unit, zero = 0, None, 10_000, False
    for k, ch in enumerate(text):
        if ch in DIGITS:
            value = DIGITS[ch]
            if value == 0:
                if digit is not None or zero or k == 0:
                    return None  # 零 only between a unit and a digit (一百零五)
                zero = True
                continue
            if digit is not None:
                return None  # 一二: a digit-by-digit reading
            digit = value
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit >= last_unit or (zero and unit * 10 >= last_unit):
                return None
            if digit is None:
                if not (unit == 10 and k == 0):
                    return None  # only a leading 十 stands alone (十一)
                digit = 1
            total += digit * unit
            digit, last_unit, zero = None, unit, False
        else:
            return None
    if digit is not None:
        if zero and last_unit == 10:
            return None  # 十零一: no place skipped
        if not zero and last_unit not in (10, 10_000):
            return None  # 一百五 (a spoken abbreviation): cn2an decides
        total += digit
    elif zero:
        return None
    return total
