"""A clause's points in any notation the grammar (``points_notations.json``) knows: which value,
which part of the text is the notation, and whether the clause only deducts or vetoes."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from parsers.extract.grammar import grammar, load_data, unit_list_pattern
from parsers.textnorm import matching_copy


@dataclass
class PointsReading:
    text: str  # the clause without its own points notation
    points: float | None = None
    notation: str | None = None
    per_kind: dict[str, float] = field(default_factory=dict)  # 乡镇 → 10, 农场 → 15
    excluded_kinds: list[str] = field(default_factory=list)  # (该项农场不考核)
    rule: str | None = None  # deduction | veto | bonus
    criteria: str | None = None  # the scoring rule after the points in a flattened table
    total: float | None = None  # `实行100分制`: a declared total, not the clause's points
    implausible: str | None = None  # a value read and refused
    in_sentence: bool = False  # the points stand inside a sentence (`…的，得5分`), see the grammar
    span: tuple[int, int] | None = None  # where the points notation stands in the text
    single: float | None = None  # the value stated once, where parallel statements were added up
    rate: bool = False  # a worth per piece stands in it (`每条计5分`)


NUMBER_IN = regex.compile(r"\d+(?:\.\d+)?")


def to_number(raw: str) -> float:
    return float(raw.replace(",", ""))


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _per_kind(mt: str) -> tuple[dict[str, float], tuple[int, int] | None]:
    g = grammar()
    for m in g.per_kind_bracket.finditer(mt):
        entries = g.per_kind_separator.split(m["body"])
        values: dict[str, float] = {}
        has_fen = False
        for entry in entries:
            e = g.per_kind_entry.fullmatch(entry.strip())
            if e is None or not e["kind"].strip() or e["kind"].strip() in g.per_kind_totals:
                values = {}
                break
            values[e["kind"].strip()] = to_number(e["n"])
            has_fen = has_fen or bool(e["fen"])
        if len(values) >= 2 and has_fen:
            return values, m.span()
    return {}, None


def _excluded(mt: str) -> tuple[list[str], list[tuple[int, int]]]:
    g = grammar()
    kinds, spans = [], []
    for m in g.per_kind_bracket.finditer(mt):
        for pattern in g.scope_excludes:
            e = pattern.search(m["body"])
            if e:
                kinds.append(e["kind"])
                spans.append(m.span())
                break
    return kinds, spans


def _cut_out(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = text[:s] + text[e:]
    return text


def _parallel_sum(notation, mt: str, value: float, excluded: list[tuple[int, int]]) -> float:
    """`已建立…的，记0.5分，…已建立…的，记0.5分`: the same value stated for parallel conditions of one
    clause adds up; different values (`完成的得5分，基本完成的得3分`) are tiers, and the first holds."""
    values = [to_number(x["n"]) for x in notation.pattern.finditer(mt) if not _overlaps(x.span(), excluded)]
    if len(values) >= 2 and all(v == value for v in values):
        return value * len(values)
    return value


def notation_core(m) -> tuple[int, int]:
    """Where a notation states its value: `(2分,少一次扣0.5分)` states 2 before its rule, whose deduction
    must not void the bracket."""
    return m.start(), min(m.end(), m.end("n") + 1)


def read_points(text: str) -> PointsReading:
    """The reading of one clause's text; a notice repeats clauses, so readings are shared: treat
    the result as read-only."""
    return _read_points(text)


@lru_cache(maxsize=8192)
def _read_points(text: str) -> PointsReading:
    g = grammar()
    mt = matching_copy(text)
    if unit_list_pattern().match(mt):
        return PointsReading(text=text)  # each unit's share of the section above: no clause's points
    deductions = [m.span() for m in g.deduction.finditer(mt)]
    rates = [m.span() for m in g.rate.finditer(mt)]  # 每条计5分: how points accrue, never the clause's worth
    limits = [m.span() for m in g.limit.finditer(mt)]  # 最高不超过4分, 扣分上限为4分: a cap or floor, never a worth
    reading = PointsReading(text=text, rate=bool(rates))
    worth = g.heading_worth.search(mt)
    for pattern in g.total:
        t = pattern.search(mt)
        if t and not (worth and worth.start() <= t.start() < worth.end()):
            reading.total = g.total_words.get(t["n"]) or to_number(t["n"])
            deductions.append(t.span())
    reading.excluded_kinds, removed = _excluded(mt)
    reading.per_kind, span = _per_kind(mt)
    if span:
        removed.append(span)
    cut_at = None
    if not reading.per_kind:
        best = None
        for notation in g.notations:
            for m in notation.pattern.finditer(mt):
                if _overlaps(notation_core(m), deductions + removed + rates + limits):
                    continue
                if best is None or m.start() < best[1].start():
                    best = (notation, m)
                break
        if best is not None and best[0].in_sentence:
            best = _declared_at_end(mt, deductions + removed) or best
        if best is None:
            b = g.bare_number.search(mt)
            if b and not _overlaps(b.span(), deductions + limits):
                best = (None, b)
        if best is not None:
            notation, m = best
            value = to_number(m["n"])
            if notation is not None and notation.highest:
                value = max(to_number(x) for x in NUMBER_IN.findall(m.group()))
            if notation is not None and notation.in_sentence:
                summed = _parallel_sum(notation, mt, value, deductions + removed)
                reading.single, value = (value if summed != value else None), summed
            elif notation is not None and notation.name == "bracketed":
                closing = _closing_total(notation, mt, m, deductions + removed)
                parts = [] if closing else _bracketed_parts(notation, mt, m, deductions + removed)
                if closing:  # the parts' worths stay in the text: they say how the clause's worth is earned
                    value, m = to_number(closing["n"]), closing
                elif parts:
                    reading.single, value = value, sum(to_number(x["n"]) for x in parts)
                    removed.extend(x.span() for x in parts[1:])
            elif notation is not None and notation.cut and (parts := _sentence_parts(mt, m, deductions + removed)):
                reading.single, value = value, sum(to_number(x["n"]) for x in parts)
                notation = next(n for n in g.notations if n.name == "bracketed")
                removed.extend(x.span() for x in parts[1:])
            if abs(value) > g.max_points:
                reading.implausible = m.group().strip()
            else:
                reading.points, reading.notation = value, notation.name if notation else "bare_number"
                reading.in_sentence = bool(notation and notation.in_sentence)
                reading.span = m.span()
                if notation is None or notation.cut:
                    cut_at = m.span()
                elif notation.remove:
                    removed.append(m.span())
    body = text
    if cut_at:
        criteria = text[cut_at[1]:].strip()
        reading.criteria = criteria or None
        body = text[:cut_at[0]]
        removed = [s for s in removed if s[1] <= cut_at[0]]
    reading.text = _cut_out(body, removed).strip()
    if reading.points is None and not reading.per_kind:
        if g.veto.search(mt):
            reading.rule = "veto"
        elif deductions and reading.total is None:
            reading.rule = "deduction"
        elif rates or g.bonus_rule.search(mt):  # points earned per piece or granted extra: outside any worth
            reading.rule = "bonus"
        elif limits:  # `减分下限为10分。` alone: a limit of the rules around it, deductions unless it caps a bonus
            reading.rule = "bonus" if g.bonus.search(mt) or any("加" in mt[s:e] for s, e in limits) else "deduction"
    elif g.bonus.search(mt) and not _named_with_points(reading, mt):
        reading.rule = "bonus"
    return reading


PART_GOES_ON = regex.compile(r"\s*[,，;；、]\s*\p{Han}")


def _bracketed_parts(notation, mt: str, first, excluded: list[tuple[int, int]]) -> list:
    """`…开办定期普法节目或专栏(4分),在重要版面…刊播普法公益广告(4分);`: parts of one clause, each
    closed by its bracketed worth, the sentence going on after each but the last, the last closing
    the clause: the clause is worth their sum. A worth after a name that a full stop closes
    (`推进工作有力(5分)。…(3分),…`) is the clause's own, the later ones its rule's."""
    parts = [first]
    for m in notation.pattern.finditer(mt, first.end()):
        if _overlaps(m.span(), excluded):
            continue
        if not PART_GOES_ON.match(mt, parts[-1].end()):
            return []
        parts.append(m)
    if len(parts) < 2 or not DECLARED_AT_END.match(mt, parts[-1].end()):
        return []
    return parts


SENTENCE_BEFORE = regex.compile(r"[。；;]\s*$")


def _closing_total(notation, mt: str, first, excluded: list[tuple[int, int]]):
    """`開展廉潔從業教育(1分);開展任職廉政談話(1分)。(2分)`: parts each with its bracketed worth, then a worth standing
    alone after a full stop and closing the line, equal to their sum: the clause's worth (a form's item, its parts'
    worths written inside it). None when the line has another shape."""
    found = [m for m in notation.pattern.finditer(mt, first.start()) if not _overlaps(m.span(), excluded)]
    if len(found) < 3 or not DECLARED_AT_END.match(mt, found[-1].end()):
        return None
    last = found[-1]
    if not SENTENCE_BEFORE.search(mt, 0, last.start()):
        return None
    return last if abs(sum(to_number(m["n"]) for m in found[:-1]) - to_number(last["n"])) < 1e-9 else None


def _sentence_parts(mt: str, first, excluded: list[tuple[int, int]]) -> list:
    """`…经常组织活动。(1分)党员先锋模范作用好,…问题。(1分)`: sentences of one clause, each closed by its own
    bracketed worth after its full stop, the last closing the clause: the clause is worth their sum (not the first
    worth with the later sentences its rule). A first worth equal to the sum of two or more later ones is their
    total (`组织领导。(4分)成立小组。(2分)制定方案。(2分)`)."""
    bracketed = next(n for n in grammar().notations if n.name == "bracketed")
    parts = [m for m in bracketed.pattern.finditer(mt, first.start()) if not _overlaps(m.span(), excluded)]
    if len(parts) < 2 or parts[0].start() != first.start() or not DECLARED_AT_END.match(mt, parts[-1].end()):
        return []
    if any(not SENTENCE_BEFORE.search(mt, 0, m.start()) for m in parts):
        return []
    values = [to_number(m["n"]) for m in parts]
    return [] if len(parts) > 2 and abs(values[0] - sum(values[1:])) < 1e-9 else parts


DECLARED_AT_END = regex.compile(r"(?:\s*[（(][^（()）\d]{1,12}[）)])*[\s。；;.]*$")


def _declared_at_end(mt: str, excluded: list[tuple[int, int]]):
    """`…得2分;…不得分。(2分)(亭湖除外)`: the rule's `得N分` is how points are earned; a bracketed worth
    closing the clause (only notes after it) is what the clause is worth."""
    bracketed = next(n for n in grammar().notations if n.name == "bracketed")
    last = None
    for m in bracketed.pattern.finditer(mt):
        if not _overlaps(m.span(), excluded):
            last = m
    return (bracketed, last) if last is not None and DECLARED_AT_END.match(mt, last.end()) else None


def _named_with_points(reading: PointsReading, mt: str) -> bool:
    """`集体可支配财力(100分)。…每超出1个百分点再加1分…`: a clause named with its bracketed points whose rule
    adds to them is a scored clause, not a bonus item (the bonus words stand only in its rule); so is a clause whose
    rule its points open (`…时长。(6分)…每多10天加分1.5分`)."""
    if reading.notation not in ("bracketed", "bracketed_then_rule") or reading.span is None:
        return False
    start, end = reading.span
    if grammar().bonus.search(mt, 0, start) is not None:
        return False
    return reading.notation == "bracketed_then_rule" or mt[end:end + 1] in ("。", ":", "：", ";", "；")


@lru_cache(maxsize=1)
def _grading_line() -> regex.Pattern:
    return regex.compile(load_data("scoring.json")["grading_line"])


def grading_line(text: str) -> bool:
    """`有1次得1分`, `按分項打分`: a form's 评分 cell on a line of its own says how points are given; it names no unit."""
    return _grading_line().search(matching_copy(text)) is not None
