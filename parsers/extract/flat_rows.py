"""Unnumbered rows of a table a site flattened into one run of text: `…基础工作(50分)实施方案按时出台;…三落实。5每缺一项扣0.5分。
实现…全覆盖。2未实现…扣0.5分。…`. Each row is its content, its bare 分值 glued after the content's full stop, then its
scoring rule (the sentences after the number that deduct or state how it is scored); the next sentence that does
neither starts the next row. The run is rewritten as one segment per row, `content(N分)rule`, which the outline
reads as an unnumbered clause with its points and its rule; the text before the first row (a title, the table's
header, a group `名称(N分)`) stays a segment of its own."""
from __future__ import annotations

from dataclasses import dataclass
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
DEDUCTS = regex.compile(r"扣\s*[一二三四五六七八九十两半]*\s*分")  # `扣分`, `扣三分`


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


@lru_cache(maxsize=1)
def _labelled() -> tuple[regex.Pattern, regex.Pattern]:
    """A row's worth opening its rule (`。单项基准为6分,…`) and a group's labelled worth (`(基准分20分)`)."""
    labels = "|".join(regex.escape(w) for w in sorted(load_data("scoring.json")["worth_labels"], key=len, reverse=True))
    row = regex.compile(rf"(?<=[。；;])\s*(?:{labels})\s*(?:为|是|[:：])?\s*(?P<n>\d{{1,3}}(?:\.\d)?)\s*分")
    return row, regex.compile(rf"(?<=[（(]\s*)(?:{labels})\s*(?:为|[:：])?\s*(?=\d+(?:\.\d+)?\s*分\s*[）)])")


def flat_rows(text: str) -> list[str] | None:
    """The run as segments (a lead, then one `content(N分)rule` per row); None when it is not such a run."""
    text = _labelled()[1].sub("", text)  # `(基准分20分)`: the group's worth
    h = halfwidth(text)
    numbers = [m for m in ROW_POINTS.finditer(h) if grammar().bare_number.match(h, m.start())
               and _is_rule(SENTENCE.match(h, m.end()).group())]
    labelled = len(numbers) < MIN_ROWS
    if labelled:  # `…配备。单项基准6分,每少1项扣0.5分,…`: the worth opening the rule
        numbers = [m for m in _labelled()[0].finditer(h) if _is_rule(SENTENCE.match(h, m.end()).group())]
    if len(numbers) < MIN_ROWS:
        return None
    lead_end = 0
    heads = [m for m in HEADING_POINTS.finditer(h) if m.end() <= numbers[0].start()]
    if heads:
        lead_end = heads[-1].end()
        named = _row_name(h, heads[-1], numbers[0])
        if named is not None:  # `…考评方式得分党员干部学习教育(10分)…。10…`: the first row's own name
            lead_end = named
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
        content = _own_name(content, m["n"], segments)
        rule = text[m.end():end].strip()
        if labelled:  # `时长。(6分)全年运营…`: the worth is the content's; its rule, a column of its own, is criteria
            rule = rule.lstrip(",，")
        segments.append(f"{content}({m['n']}分){rule}")
        start = end
    if text[start:].strip():
        segments.append(text[start:].strip())
    return segments


# a row's name with its points restating the row's bare 分值 (`基层组织活动开展情况(15分)党组织健全…。15…`); the name
# runs back to a number, a punctuation mark or a 分 (of a header's `得分`, a group's `35分`)
NAME_BEFORE = regex.compile(r"[^\d\s。；;,，:：()（）分]{2,20}$")
GROUP_BARE = regex.compile(r"(?P<name>[^\d\s。；;,，:：()（）]{2,20}?)\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*$")


def _row_name(h: str, head: regex.Match, number: regex.Match) -> int | None:
    """Where the first row's name starts, when the last `(N分)` before its bare 分值 restates that 分值 (the row's
    name, not a heading over it); else None."""
    value = NUMBER_IN_HEAD.search(head.group())
    name = NAME_BEFORE.search(h, 0, head.start())
    if value is None or name is None or float(value.group()) != float(number["n"]):
        return None
    return name.start()


NUMBER_IN_HEAD = regex.compile(r"\d+(?:\.\d+)?")


def _own_name(content: str, value: str, segments: list[str]) -> str:
    """A row whose content opens its name with points restating its 分值 (`…查看核对资料机关党建日常基础工作35分基层
    组织活动开展情况(15分)党组织健全…`): the name joined to its requirement; before it, the last row's 考核方式 words
    (dropped) and a group with its bare points (`…工作35分`), set apart as a heading segment."""
    h = halfwidth(content)
    for m in HEADING_POINTS.finditer(h):
        named = NAME_BEFORE.search(h, 0, m.start())
        found = NUMBER_IN_HEAD.search(m.group())
        if named is None or found is None or float(found.group()) != float(value):
            continue
        pre = content[:named.start()]
        for word in method_words():
            pre = pre[len(word):] if pre.startswith(word) else pre
        group = GROUP_BARE.search(halfwidth(pre))
        if group:
            segments.append(f"{pre[group.start('name'):group.end('name')]}({group['n']}分)")
            pre = pre[:group.start()]
        if pre.strip():
            segments.append(pre.strip())
        return content[named.start():m.start()] + content[m.end():]
    return content


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
GLUED_ROW_NUMBER = regex.compile(r"(?:(?<=\d\s*分\s*)|^\s*)(?P<n>[1-9]\d?)(?=\p{Han})"
                                 r"|(?<=\p{Han})(?P<n>[1-9]\d?)[.．](?=\p{Han})")  # `…扣3分2.各…`: dotted, glued anywhere
# a group with no points named by its ordinal after a row's rule (`…扣三分二车辆管理`) or after the table's header
# (`…扣分原因一档案管理`): the rows after it are numbered from 1 again
ORDINAL_GROUP_AT_END = regex.compile(r"(?P<ord>[一二三四五六七八九十]{1,3})"
                                     r"(?P<name>[^\d\s,，;；。、:：()（）一二三四五六七八九十分]{2,10})\s*$")
GLUED_ROW_POINTS = regex.compile(r"(?<=\p{Han})\s*(?P<n>\d{1,3}(?:\.\d)?)(?=\s*\p{Han})"
                                 r"(?!\s*[年月日时号个人次户万亿千百元分倍天周岁台辆篇份])")  # a quantity, not a 分值
GROUP_AT_END = regex.compile(r"(?<=分\s*)(?P<name>[^\d\s,，;；。、:：分]{2,10})\s*(?P<n>\d{1,3})\s*分\s*$")


def glued_rows(text: str) -> str | None:
    """The run rewritten `名称(N分)1.content(N分)rule2.…`, which the outline reads as numbered items with points
    under their group; None unless two or more rows in sequence each have a 分值 followed by a scoring rule."""
    h = halfwidth(text)
    starts = _number_chain(list(GLUED_ROW_NUMBER.finditer(h)), h)
    if len(starts) < MIN_ROWS:
        return None
    out = [_ordinal_group(_group_heading(text[:starts[0].start()]), lead=True)]
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(h)
        value = GLUED_ROW_POINTS.search(h, m.end(), end)
        if value is None or not _is_rule(h[value.end():end]):
            return None
        content, rule = text[m.end():value.start()].strip(), text[value.end():end]
        rule = _ordinal_group(rule) if k + 1 < len(starts) and starts[k + 1]["n"] == "1" else rule
        out.append(f"{m['n']}.{content}({value['n']}分){_group_heading(rule, '。')}")
    return "".join(out)


def _number_chain(candidates: list, h: str) -> list:
    """The longest run of candidates numbered one after the other, in reading order; a run goes on at 1 after a
    group named by its ordinal (`…扣三分二车辆管理1.…`)."""
    best: list = []
    for i, first in enumerate(candidates):
        chain = [first]
        for m in candidates[i + 1:]:
            if int(m["n"]) == int(chain[-1]["n"]) + 1 or (
                    m["n"] == "1" and _ordinal_group_before(h[chain[-1].end():m.start()])):
                chain.append(m)
        best = chain if len(chain) > len(best) else best
    return best


def _ordinal_group_before(text: str) -> bool:
    g = ORDINAL_GROUP_AT_END.search(text)
    return g is not None and text[:g.start()].rstrip().endswith("分")


def _ordinal_group(text: str, lead: bool = False) -> str:
    """`…扣三分二车辆管理` → `…扣三分。二、车辆管理`: a group named by its ordinal closing a row's rule (or, ``lead``,
    the table's header) stands as a heading of its own."""
    g = ORDINAL_GROUP_AT_END.search(text)
    if g is None or not (lead or text[:g.start()].rstrip().endswith("分")):
        return text
    return f"{text[:g.start()]}。{g['ord']}、{g['name']}"


def _group_heading(text: str, stop: str = "") -> str:
    """`…扣2分政治待遇30分` → `…扣2分。政治待遇(30分)`: the next group's name and points at the end of a row
    (after ``stop``, closing the row's rule)."""
    g = GROUP_AT_END.search(halfwidth(text))
    return f"{text[:g.start()]}{stop}{text[g.start('name'):g.end('name')]}({g['n']}分)" if g else text


# A three-level indicator table flattened into one run, each level coded by a letter (`A1处室建设30分B1领导自身建设
# 10分C1廉洁奉公(2.5分)C2…C9…C5—C9每项4分;…`): the deepest level's codes are the rows, the level above them the
# sections; a code that does not go on with its level's run (`C5—C9`, `C10满分6分` after C12) is a rule's reference.
CODE = regex.compile(r"(?<![A-Za-z0-9.])(?P<letter>[A-Z])(?P<n>\d{1,2})(?![\d.])")
# (`一` between two codes is a dash OCR read as the character it looks like: `C21一C25`)
CODE_RANGE_AFTER = regex.compile(r"\s*[—–\-~至到一]\s*[A-Z]\d")
CODE_RANGE_BEFORE = regex.compile(r"[A-Z]\d{1,2}\s*[—–\-~至到一、,，]\s*$")
# `C5—C9每项4分`, `C10满分6分`, `C20满2分`: the points a rule gives one row or a range of them
RULE_POINTS = regex.compile(r"(?P<letter>[A-Z])(?P<a>\d{1,2})(?:\s*[—–\-~至到一]\s*[A-Z](?P<b>\d{1,2}))?"
                            r"\s*(?:每项|满分为?|满|为)?\s*(?P<p>\d+(?:\.\d+)?)\s*分")
NAME_POINTS = regex.compile(r"\s*[（(]\s*(?P<p>\d+(?:\.\d+)?)\s*分\s*[）)]")
SECTION_POINTS = regex.compile(r"(?P<p>\d+(?:\.\d+)?)\s*分\s*$")
MIN_CODED_ROWS = 4


@dataclass
class CodedRow:
    section: str | None
    section_points: float | None
    seq: int
    seq_raw: str
    text: str
    points: float | None


def coded_rows(text: str) -> list[CodedRow] | None:
    """The rows of a letter-coded indicator run (see CODE), or None when ``text`` is none."""
    items = _code_items(text)
    letters = sorted({m["letter"] for m in items})
    if len(letters) < 2 or [ord(c) for c in letters] != list(range(ord(letters[0]), ord(letters[-1]) + 1)):
        return None
    deepest = letters[-1]
    if sum(1 for m in items if m["letter"] == deepest) < MIN_CODED_ROWS:
        return None
    rows: list[CodedRow] = []
    section: tuple[str | None, float | None] = (None, None)
    for k, m in enumerate(items):
        content = text[m.end():items[k + 1].start() if k + 1 < len(items) else len(text)]
        if m["letter"] != deepest:
            found = SECTION_POINTS.search(content.strip())
            name = content.strip()[:found.start()] if found else content.strip()
            if m["letter"] == letters[-2] or found:
                section = (name.strip() or None, float(found["p"]) if found else None)
            continue
        rows.append(_coded_row(m, content, section, text))
    _rule_points(text, rows)
    return rows


def _code_items(text: str) -> list[regex.Match]:
    """The codes that open a row or a heading: each goes on with its letter's run (1, 2, 3 …) and names something."""
    last: dict[str, int] = {}
    items = []
    for m in CODE.finditer(text):
        n = int(m["n"])
        if CODE_RANGE_AFTER.match(text, m.end()) or CODE_RANGE_BEFORE.search(text[:m.start()]):
            continue  # `C5—C9`, `C22、C25`: a rule's reference
        if n != last.get(m["letter"], 0) + 1 or not regex.match(r"\p{Han}", text[m.end():m.end() + 1]):
            continue
        last[m["letter"]] = n
        items.append(m)
    return items


def _coded_row(m: regex.Match, content: str, section: tuple, text: str) -> CodedRow:
    """A row's name ends at its own points (`廉洁奉公(2.5分)`) or where the group's rule starts (`…团结协作C5—C9…`)."""
    ref = CODE.search(content)
    name = content[:ref.start()] if ref else content
    own = NAME_POINTS.search(name)
    if own:
        name = name[:own.start()]
    return CodedRow(section[0], section[1], int(m["n"]), m.group(), name.strip(" ,，;；。"),
                    float(own["p"]) if own else None)


def _rule_points(text: str, rows: list[CodedRow]) -> None:
    """Rows without their own points take the points a rule gives them (`C5—C9每项4分`, `C10满分6分`)."""
    by_seq = {r.seq: r for r in rows}
    letter = rows[0].seq_raw[0] if rows else ""
    for m in RULE_POINTS.finditer(text):
        if m["letter"] != letter:
            continue
        first, last = int(m["a"]), int(m["b"] or m["a"])
        for seq in range(first, last + 1):
            row = by_seq.get(seq)
            if row is not None and row.points is None:
                row.points = float(m["p"])



def expand_coded(doc, doc_id: str, targets: list, unclaimed: list) -> list:
    """The clauses with a paragraph that is a letter-coded indicator run (see CODE) read as that run's rows: in place
    of what the outline made of it (one clause, or text it left unclaimed, which is dropped from ``unclaimed``)."""
    from schemas.blocks import Paragraph
    from schemas.records import Target
    out = list(targets)
    for block in doc.blocks:
        rows = coded_rows(block.text) if isinstance(block, Paragraph) else None
        if not rows:
            continue
        at = (block.prov.page, block.prov.line)
        index = next((k for k, t in enumerate(out) if (t.page, t.line) == at or t.line > block.prov.line), len(out))
        out = [t for t in out if (t.page, t.line) != at]
        unclaimed[:] = [u for u in unclaimed if (u.page, u.line) != at]
        out[index:index] = [Target(
            doc_id=doc_id, source_path=doc.source, target_id="", unit="", unit_raw="", unit_group=None,
            section=row.section, section_points=row.section_points, seq=row.seq, seq_raw=row.seq_raw, text=row.text,
            points=row.points, page=block.prov.page, line=block.prov.line, section_path=[row.section] if row.section
            else [], section_path_points=[row.section_points] if row.section else [],
            path_seqs=[None] if row.section else [], from_ocr=block.prov.ocr) for row in rows]
    return out
