"""Clauses and indicator rows → measures: the indicator, a comparator, a value with its unit and
that value in base units, and the baseline it is measured against.

`城镇新增就业2400人（20分）` is the indicator 城镇新增就业, reach, 2400 人. One clause can hold
several measures; each is a row. Chinese numerals before a unit count (`一百天`), converted with
cn2an; indicator names are segmented with jieba and a domain dictionary shipped as data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from parsers.data import measure_units, measure_words
from parsers.extract.cnnum import cn_to_int
from parsers.extract.patterns import any_of
from parsers.segmenter import tokenizer
from parsers.textnorm import SPACE, halfwidth, no_space
from schemas.records import IndicatorRow, Measure, Target

REACH, AT_LEAST, AT_MOST, ABOUT = "reach", "at_least", "at_most", "about"
INCREASE_BY, DECREASE_BY, ABOVE, RANK, RANK_TOP, ZERO_EVENT, SCORE = (
    "increase_by", "decrease_by", "above", "rank", "rank_top", "zero_event", "score")

# Literal characters only, which both engines read alike: `re` scans them faster.
SEGMENT_SPLIT = re.compile(r"[，,；;。！!？?]")
# `一次性` is one-off, not a count of 次
CN_NUMBER_BEFORE_UNIT = re.compile(r"[零〇一二两三四五六七八九十百千万]+(?=(?:个|天|次|项|所|家|座|人|名|批|场|篇|户|套|件)(?!性))")
WORDS = measure_words()
_BENCHMARK = "(" + "|".join(WORDS["benchmark_scopes"]) + ")"  # whose average: 全省平均水平
BASELINE = regex.compile(rf"(?:比|较)?(上年同期|上年|去年同期|去年|\d{{4}}\s*年)|{_BENCHMARK}平均(?:水平)?")
ABOVE_BENCHMARK = regex.compile(rf"(?:高于|超过|优于){_BENCHMARK}平均(?:水平|值)?")
NOT_BELOW_BENCHMARK = regex.compile(rf"不低于{_BENCHMARK}平均(?:水平|值)?")
RANK_ADVANCED = regex.compile(r"(?:位居|居|位列|进入)(全国|全省|全市)(?:先进位次|前列|先进|第一方阵)")
RANK_TOP_N = regex.compile(r"排名?前\s*(\d+)\s*(?:位|名)?")
RANK_AT = regex.compile(r"(?:排名|排|位居|居)?第\s*(\d+)\s*(?:位|名)")
RANK_SCOPE = regex.compile(r"(全国|全省|全市)")
RANK_WORDS_AT_END = regex.compile(r"(?:排名|排|位居|居|第|前|得|综合评价|全省|全市|全国|一季度|二季度|三季度|四季度)+$")
SCORE_AT = regex.compile(r"(?:得分?|评分|分值)\s*(\d+(?:\.\d+)?)\s*分")
ZERO = regex.compile(r"(?:不发生|杜绝|无)(.{2,30}?)(?:事故|事件|案件|问题|风险)")
# Words that frame a value rather than name what is measured: stripped from an indicator's ends.
LEADING = regex.compile(rf"^{any_of(WORDS['framing_leading'])}+")
TRAILING = regex.compile(rf"{any_of(WORDS['framing_trailing'])}+$")
# A text whose first (last) character starts (ends) none of the words cannot match LEADING
# (TRAILING): one set lookup skips the regex for most texts.
LEADING_FIRST = frozenset(w[0] for w in WORDS["framing_leading"])
TRAILING_LAST = frozenset(w[-1] for w in WORDS["framing_trailing"])
SCOPE_PREFIX = regex.compile(rf"^{any_of(WORDS['scope_prefix'])}")
STOP_TOKENS = frozenset(WORDS["stop_tokens"])
STOP_WORDS = tuple(WORDS["stop_tokens"])


NUMBER = regex.compile(r"\d+(?:\.\d+)?")
QUANTITY_HINT = regex.compile(r"\d|高于|超过|优于|不低于|位居|居|位列|进入|排名|排|第|得|评分|分值|不发生|杜绝|无")


class _Quantity(NamedTuple):
    """A number and the unit of measure right after it (`3.8万人`)."""
    num: str
    unit: str
    start: int
    end: int


@dataclass(frozen=True)
class _Units:
    names: frozenset[str]
    # The lengths of the names that start with a character, longest first: a number followed by
    # a character no unit starts with (`2020年`) costs one dict lookup.
    lengths: dict[str, tuple[int, ...]]
    magnitudes: dict[str, int]
    prefixes: tuple[str, ...]  # the magnitudes, longest first (`千万` before `千`)
    base: frozenset[str]
    ratios: frozenset[str]
    additive: frozenset[str]


@lru_cache(maxsize=1)
def _units() -> _Units:
    data = measure_units()
    base, ratios = list(data["base"]), list(data["ratios"])
    mags = data["magnitudes"]
    names = frozenset(ratios + base + [m + b for m in mags for b in base])
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[0], set()).add(len(name))
    prefixes = tuple(sorted(mags, key=len, reverse=True))
    return _Units(names, {c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()}, mags, prefixes,
                  frozenset(base), frozenset(ratios), frozenset(data["additive"]))


def iter_quantities(text: str) -> list[_Quantity]:
    """Numbers followed by a unit of measure; the longest unit wins (`万千瓦时` over `万`)."""
    units = _units()
    found = []
    for m in NUMBER.finditer(text):
        pos = m.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
        for length in units.lengths.get(text[pos: pos + 1], ()):
            candidate = text[pos: pos + length]
            if candidate in units.names:
                found.append(_Quantity(m.group(), candidate, m.start(), pos + len(candidate)))
                break
    return found


def is_additive(base_unit: str | None) -> bool:
    return base_unit in _units().additive


def normalize_value(value: float, unit: str) -> tuple[float, str]:
    """3.8万人 → (38000, 人); 8000万千瓦时 → (80000000, 千瓦时); 35% → (35, %)."""
    scale = _scale(unit)
    return (value, unit) if scale is None else (round(value * scale[0], 6), scale[1])


@lru_cache(maxsize=1024)
def _scale(unit: str) -> tuple[int, str] | None:
    """`万人` → (10000, 人); None for a base unit, a ratio or a unit with no known magnitude."""
    units = _units()
    if unit in units.base or unit in units.ratios:
        return None
    for prefix in units.prefixes:
        rest = unit[len(prefix):]
        if unit.startswith(prefix) and rest in units.base:
            return units.magnitudes[prefix], rest
    return None


@lru_cache(maxsize=8192)
def indicator_key(indicator: str | None) -> str | None:
    """The same indicator in different units gets the same key: scope words (全市) and framing
    verbs (完成, 确保) go; the domain dictionary keeps names like 城镇新增就业 whole."""
    if not indicator:
        return None
    text = SCOPE_PREFIX.sub("", no_space(indicator))
    if not text.startswith(STOP_WORDS) and not text.endswith(STOP_WORDS):
        # No token at either end can be a stop token, and the tokens join back into the text: the
        # segmenter (tens of microseconds an indicator) is not needed.
        return text or None
    tokens = tokenizer().lcut(text, HMM=False)
    while tokens and tokens[0] in STOP_TOKENS:
        tokens.pop(0)
    while tokens and tokens[-1] in STOP_TOKENS:
        tokens.pop()
    key = "".join(tokens)
    return key or None


def _clean_indicator(text: str) -> str:
    text = no_space(text).strip("、:：（(）)")
    previous = None
    while previous != text:
        previous = text
        text = LEADING.sub("", text) if text[:1] in LEADING_FIRST else text
        text = TRAILING.sub("", text) if text[-1:] in TRAILING_LAST else text
        text = BASELINE.sub("", text) if text.endswith(("上年", "去年", "年")) else text
    return text.strip("、:：（(）)")


@dataclass
class _Found:
    indicator: str
    comparator: str
    value: float | None
    value_unit: str | None
    baseline: str | None


def parse_measures(text: str) -> list[_Found]:
    """Every measure in one clause or cell."""
    text = halfwidth(text or "")
    text = CN_NUMBER_BEFORE_UNIT.sub(lambda m: _cn_number(m.group()), text)
    found: list[_Found] = []
    last_indicator = ""
    for segment in SEGMENT_SPLIT.split(text):
        if not QUANTITY_HINT.search(segment):
            continue
        for item in _segment_measures(segment, last_indicator):
            found.append(item)
            last_indicator = item.indicator or last_indicator
    return found


def _cn_number(numeral: str) -> str:
    try:
        return str(cn_to_int(numeral))
    except (ValueError, KeyError):
        return numeral


# A literal each pattern cannot match without (BASELINE: 年 or 平均): most segments hold none of
# them, and a plain `in` test is far cheaper than a regex search that fails.
_SCORED = ((SCORE_AT, SCORE, "分"), (RANK_TOP_N, RANK_TOP, "前"), (RANK_AT, RANK, "第"))


def _segment_measures(segment: str, last_indicator: str) -> list[_Found]:
    out: list[_Found] = []
    m = "平均" in segment and (ABOVE_BENCHMARK.search(segment) or NOT_BELOW_BENCHMARK.search(segment))
    if m:
        comparator = ABOVE if m.re is ABOVE_BENCHMARK else AT_LEAST
        out.append(_Found(_clean_indicator(segment[: m.start()]) or last_indicator, comparator, None, None,
                          f"{m.group(1)}平均水平"))
    m = "全" in segment and RANK_ADVANCED.search(segment)
    if m:
        out.append(_Found(_clean_indicator(segment[: m.start()]) or last_indicator, RANK, None, None, m.group(1)))
    for pattern, comparator, word in _SCORED:
        if word not in segment:
            continue
        for m in pattern.finditer(segment):
            if comparator == RANK and RANK_TOP_N.search(segment[max(0, m.start() - 4): m.end()]):
                continue
            scope = RANK_SCOPE.search(segment[: m.start()])
            out.append(_Found(_clean_indicator(_before(segment, m.start())) or last_indicator, comparator,
                              float(m.group(1)), "分" if comparator == SCORE else "位", scope.group(1) if scope else None))
    quantities = iter_quantities(segment)
    m = ("无" in segment or "杜绝" in segment or "不发生" in segment) and ZERO.search(segment)
    if m and not quantities:
        out.append(_Found(_clean_indicator(m.group(1) + segment[m.end(1): m.end()]), ZERO_EVENT, 0.0, None, None))
    previous_end = 0
    for m, upper in _ranges(segment, quantities):
        if _is_inside_other(segment, m) or _names_a_class(segment, m):
            continue
        before = segment[previous_end: m.start]
        after = segment[m.end:]
        indicator = _clean_indicator(before) or last_indicator
        baseline_match = BASELINE.search(before) if "年" in before or "平均" in before else None
        comparator, value = _comparator(before, after), float(m.num)
        if upper is not None:  # a range: its ceiling where the clause caps a value, else its floor
            comparator, value = (comparator, float(upper)) if comparator == AT_MOST else (
                AT_LEAST if comparator == REACH else comparator, value)
        out.append(_Found(indicator, comparator, value, m.unit, _baseline(baseline_match)))
        last_indicator = indicator or last_indicator
        previous_end = m.end
    return out


RANGE_JOIN = re.compile(r"\s*[~～\-—–至]\s*")
BARE_LOW = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿|千)?\s*[~～\-—–至]\s*$")  # `3亿~5亿元`


def _ranges(segment: str, quantities: list[_Quantity]) -> list[tuple[_Quantity, str | None]]:
    """`500万元~5000万元`, `6%-8%`, `3~5个`: a range is one value span (its floor as the number, its ceiling
    returned beside it), not two values with the joining `~` read as the second one's name."""
    out: list[tuple[_Quantity, str | None]] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and nxt.unit == q.unit and RANGE_JOIN.fullmatch(segment, q.end, nxt.start):
            out.append((_Quantity(q.num, q.unit, q.start, nxt.end), nxt.num))
            i += 2
            continue
        low = BARE_LOW.search(segment, 0, q.start)
        if low and low.group(2) and not q.unit.startswith(low.group(2)):
            low = None  # `3000万~1亿元`: the floor in another magnitude
        out.append((_Quantity(low.group(1), q.unit, low.start(1), q.end), q.num) if low else (q, None))
        i += 1
    return out


def _names_a_class(segment: str, q: _Quantity) -> bool:
    """`5000万元以上项目实行按月上报`, `500万元~5000万元的项目`: an amount bounded before a noun (or 的) names a
    class of things, not a target. Counts (`10家以上企业`) and shares (`90%以上的村庄`) stay targets' values."""
    scale = _scale(q.unit)
    base = scale[1] if scale else q.unit
    if base in _units().ratios or base in COUNT_UNITS:
        return False
    rest = segment[q.end:].lstrip(SPACE)
    bound = next((w for words, _ in COMPARATOR_AFTER for w in words if rest.startswith(w)), "")
    rest = rest[len(bound):]
    if not (bound or rest.startswith("的")) or not HAN_START.match(rest):
        return False
    return not rest.lstrip("的").startswith(NOT_A_CLASS)


HAN_START = regex.compile(r"\p{Han}")
COUNT_UNITS = frozenset(measure_units()["counts"])
NOT_A_CLASS = tuple(WORDS["not_a_class"])  # `增长8%以上的目标`: the value's own framing, not a class of things


def _before(segment: str, end: int) -> str:
    return RANK_WORDS_AT_END.sub("", segment[:end])


def _is_inside_other(segment: str, m) -> bool:
    """Numbers that are names, not quantities: `PM2.5`, `5G`, years (`2020年`), scores and ranks."""
    start, unit = m.start, m.unit
    if start > 0 and segment[start - 1].isascii() and (segment[start - 1].isalpha() or segment[start - 1] == "."):
        return True
    if unit in ("分", "位"):
        return True
    return bool(len(m.num) == 4 and m.num.isdigit() and segment[m.end: m.end + 1] == "年")


# Words after the value decide first (`98%以上`), then words before it (`比上年提高`).
# The words are matched as `^\s*{word}` and `{word}$` (on text without whitespace): plain startswith
# and endswith do it without a regex call each.
COMPARATOR_AFTER = tuple((tuple(words), name) for name, words in WORDS["comparator_after"])
COMPARATOR_BEFORE = tuple((tuple(words), name) for name, words in WORDS["comparator_before"])


def _comparator(before: str, after: str) -> str:
    after = after.lstrip(SPACE)
    for words, comparator in COMPARATOR_AFTER:
        if after.startswith(words):
            return comparator
    head = no_space(before)
    for words, comparator in COMPARATOR_BEFORE:
        if head.endswith(words):
            return comparator
    return REACH


def _baseline(m) -> str | None:
    if not m:
        return None
    return no_space(m.group(1)) if m.group(1) else f"{m.group(2)}平均水平"


def measures_for_target(t: Target, memo: dict[str, list[_Found]] | None = None) -> list[Measure]:
    """``memo`` keeps one document's parses: a notice repeats the same clause across its units."""
    return _targets_measures([t], {} if memo is None else memo)


def _targets_measures(targets: list[Target], memo: dict[str, list[_Found]]) -> list[Measure]:
    """One loop over a document's clauses (a call and a list per clause cost more than most of their
    measures)."""
    measures = []
    for t in targets:
        found = memo.get(t.text)
        if found is None:
            found = memo[t.text] = parse_measures(t.text)
        for f in found:
            measures.append(_measure(f, t.doc_id, t.source_path, t.unit, t.page, t.line, target_id=t.target_id))
    return measures


def measures_for_row(row: IndicatorRow) -> list[Measure]:
    """Measures in an indicator row's 完成情况 and 目标任务; a score or a rank is of the row's own
    indicator, and so is a value whose cell names none."""
    unit = row.units[0] if len(row.units) == 1 else None
    found = []
    for column, text in (("完成情况", row.status), ("目标任务", row.target)):
        for f in parse_measures(text or ""):
            if f.comparator in (SCORE, RANK, RANK_TOP) or not f.indicator:
                f.indicator = row.indicator or f.indicator
            found.append(_measure(f, row.doc_id, row.source_path, unit, row.page, row.line,
                                  indicator_id=row.indicator_id, column=column))
    return found


def extract_measures(targets: list[Target], rows: list[IndicatorRow]) -> list[Measure]:
    return _targets_measures(targets, {}) + [m for r in rows for m in measures_for_row(r)]


def _measure(f: _Found, doc_id, source_path, unit, page, line, target_id=None, indicator_id=None,
             column=None) -> Measure:
    base_value, base_unit = (normalize_value(f.value, f.value_unit) if f.value is not None and f.value_unit
                             else (f.value, f.value_unit))
    # Positional, as targets._target builds a Target (tests/extract/test_fast_paths.py pins the order).
    return Measure(doc_id, source_path, target_id, indicator_id, unit,
                   f.indicator or None, indicator_key(f.indicator), f.comparator,  # indicator, key, comparator
                   f.value, f.value_unit, base_value, base_unit, f.baseline,  # value … baseline
                   column, page, line)
