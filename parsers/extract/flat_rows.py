"""Unnumbered rows of a table a site flattened into one run of text: `…基础工作(50分)实施方案按时出台;…三落实。5每缺一项扣0.5分。
实现…全覆盖。2未实现…扣0.5分。…`. Each row is its content, its bare 分值 glued after the content's full stop, then its
scoring rule (the sentences after the number that deduct or state how it is scored); the next sentence that does
neither starts the next row. The run is rewritten as one segment per row, `content(N分)rule`, which the outline
reads as an unnumbered clause with its points and its rule; the text before the first row (a title, the table's
header, a group `名称(N分)`) stays a segment of its own."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.extract.grammar import grammar, load_data
from parsers.extract.markers import marker_at_start
from parsers.textnorm import halfwidth, matching_copy

MIN_ROWS = 2
SENTENCE = regex.compile(r"[^。；;]+[。；;]?")
# the bare 分值 after a content sentence, before the rule's first character
ROW_POINTS = regex.compile(r"(?<=[。；;])\s*(?P<n>\d{1,3}(?:\.\d)?)\s*(?=\p{Han})")
HEADING_POINTS = regex.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]")
DEDUCTS = regex.compile(r"扣\s*分")


@lru_cache(maxsize=1)
def _rule_words() -> regex.Pattern:
    words = load_data("scoring.json")["rule_words"]
    return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def method_words() -> tuple[str, ...]:
    """How an item is checked (考核方式 words), longest first."""
    return tuple(sorted(load_data("scoring.json")["method_words"], key=len, reverse=True))


def _is_rule(sentence: str) -> bool:
    mt = matching_copy(halfwidth(sentence))
    return bool(grammar().deduction.search(mt) or _rule_words().search(mt) or DEDUCTS.search(mt))


def flat_rows(text: str) -> list[str] | None:
    """The run as segments (a lead, then one `content(N分)rule` per row); None when it is not such a run."""
    h = halfwidth(text)
    numbers = [m for m in ROW_POINTS.finditer(h) if grammar().bare_number.match(h, m.start())
               and _is_rule(SENTENCE.match(h, m.end()).group())]
    if len(numbers) < MIN_ROWS:
        return None
    lead_end = 0
    heads = [m for m in HEADING_POINTS.finditer(h) if m.end() <= numbers[0].start()]
    if heads:
        lead_end = heads[-1].end()
    segments = [text[:lead_end]] if text[:lead_end].strip() else []
    start = lead_end
    for k, m in enumerate(numbers):
        if start >= m.start():
            return None  # no content between two numbers: not rows
        limit = numbers[k + 1].start() if k + 1 < len(numbers) else len(h)
        end = m.end()
        for s in SENTENCE.finditer(h, m.end(), limit):
            if s.start() > m.end() and not _is_rule(s.group()):
                break
            end = s.end()
        if k + 1 < len(numbers) and end >= limit:
            return None  # the next row would have no content
        content = text[start:m.start()].strip()
        if marker_at_start(halfwidth(content)) is not None:
            return None  # numbered rows: the outline reads their numbers
        segments.append(f"{content}({m['n']}分){text[m.end():end].strip()}")
        start = end
    if text[start:].strip():
        segments.append(text[start:].strip())
    return segments


# a run-on clause's own points closing it: `…主要内容(2分)。`, `…责任制(3分);`
CLAUSE_POINTS = regex.compile(r"[（(]\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*[）)]\s*[。；;]?")
HAS_WORDS = regex.compile(r"\p{Han}{2}")


def run_on_clauses(raw: str, span: tuple[int, int] | None, points: float | None) -> list[tuple[str, float]] | None:
    """`各单位…工作(该项指标为10分)。把…纳入…(2分)。完善…(3分);每季度…(3分);`: an item named with its points,
    then unnumbered clauses run on in the same paragraph, each closed by its own `(N分)` → [(text, points)]; None
    when the item is anything else (its points first in the text, then two or more such clauses within them)."""
    if span is None or points is None or "。" in raw[:span[0]]:
        return None
    rest = halfwidth(raw[span[1]:])
    lead = len(rest) - len(rest.lstrip(LEAD_PUNCT))
    parts, pos = [], lead
    for m in CLAUSE_POINTS.finditer(rest, lead):
        text = raw[span[1] + pos:span[1] + m.start()].strip().lstrip(LEAD_PUNCT)
        if not HAS_WORDS.search(text):
            return None
        parts.append((text, float(m["n"])))
        pos = m.end()
    if len(parts) < MIN_ROWS or not _only_rules(rest[pos:]):
        return None
    if sum(p for _, p in parts) > points + 1e-9:
        return _per_period(parts, points)
    return parts


# what may stand between an item's points and the next clause: `(总分50分):销售总额(20分)、利润(20分)`
LEAD_PUNCT = "。；;,，:：、 "
BONUS = regex.compile(r"加\s*\d+(?:\.\d+)?\s*分")


# `第一季度:开展…(9分);…。 第二季度:…`: a period's label opening its run of clauses
PERIOD_LABEL = regex.compile(r"^(?P<label>[^\s:：,，;；。()（）]{2,8})[:：]\s*")


def _per_period(parts: list[tuple[str, float]], points: float) -> list[tuple[str, float]] | None:
    """Clauses listed once per period (`第一季度:…(9分);…(10分)。第二季度:…`), each period's adding up to the
    item's points again (the last may stop short where the page is cut): the clauses, their labels dropped;
    None when the clauses are not such periods."""
    periods, out = [], []
    for text, value in parts:
        label = PERIOD_LABEL.match(text)
        if label:
            periods.append(0.0)
            text = text[label.end():]
        elif not periods:
            return None
        periods[-1] += value
        out.append((text, value))
    if len(periods) < MIN_ROWS or any(abs(p - points) > 1e-9 for p in periods[:-1]) or periods[-1] > points + 1e-9:
        return None
    return out


def _only_rules(tail: str) -> bool:
    """The text after the last run-on clause: nothing, or the section's own deduction and bonus rules
    (`…(13分);一项不达标扣3分;…成活率达到90%以上,加3分。`), which are no clauses."""
    return all(_is_rule(s) or BONUS.search(matching_copy(s)) for s in SENTENCE.findall(tail.strip(LEAD_PUNCT)))


# A table flattened with no punctuation at its cell edges (`组织领导20分1按规定…的内容10老干部工作未…扣2分2坚持…`):
# a row's 序号 glued after the rule closing the row before (or a group's `名称N分`), its bare 分值 glued between
# the content's last character and the rule's first.
GLUED_ROW_NUMBER = regex.compile(r"(?:(?<=\d\s*分\s*)|^\s*)(?P<n>[1-9]\d?)(?=\p{Han})")
GLUED_ROW_POINTS = regex.compile(r"(?<=\p{Han})\s*(?P<n>\d{1,3}(?:\.\d)?)(?=\s*\p{Han})"
                                 r"(?!\s*[年月日时号个人次户万亿千百元分倍天周岁台辆篇份])")  # a quantity, not a 分值
GROUP_AT_END = regex.compile(r"(?<=分\s*)(?P<name>[^\d\s,，;；。、:：分]{2,10})\s*(?P<n>\d{1,3})\s*分\s*$")


def glued_rows(text: str) -> str | None:
    """The run rewritten `名称(N分)1.content(N分)rule2.…`, which the outline reads as numbered items with points
    under their group; None unless two or more rows in sequence each have a 分值 followed by a scoring rule."""
    h = halfwidth(text)
    starts = _number_chain(list(GLUED_ROW_NUMBER.finditer(h)))
    if len(starts) < MIN_ROWS:
        return None
    out = [_group_heading(text[:starts[0].start()])]
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(h)
        value = GLUED_ROW_POINTS.search(h, m.end(), end)
        if value is None or not _is_rule(h[value.end():end]):
            return None
        content, rule = text[m.end():value.start()].strip(), text[value.end():end]
        out.append(f"{m['n']}.{content}({value['n']}分){_group_heading(rule, '。')}")
    return "".join(out)


def _number_chain(candidates: list) -> list:
    """The longest run of candidates numbered one after the other, in reading order."""
    best: list = []
    for i, first in enumerate(candidates):
        chain = [first]
        for m in candidates[i + 1:]:
            if int(m["n"]) == int(chain[-1]["n"]) + 1:
                chain.append(m)
        best = chain if len(chain) > len(best) else best
    return best


def _group_heading(text: str, stop: str = "") -> str:
    """`…扣2分政治待遇30分` → `…扣2分。政治待遇(30分)`: the next group's name and points at the end of a row
    (after ``stop``, closing the row's rule)."""
    g = GROUP_AT_END.search(halfwidth(text))
    return f"{text[:g.start()]}{stop}{text[g.start('name'):g.end('name')]}({g['n']}分)" if g else text
