"""Paragraphs → target clauses, each under its unit, group and section.

A notice is read as a sequence of headings, section lines and numbered clauses. Which heading is
a unit is decided by what follows it: a unit's name is followed by its sections or clauses; a
heading ending in 目标 names a group of units, or, followed by clauses, the notice's own list.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from parsers.extract import patterns as P
from parsers.extract.cell_rows import cell_rows
from parsers.extract.class_rows import class_row_targets
from parsers.extract.clause_rows import bracketed_standards, leveled_rows, named_rows, numbered_scored_rows
from parsers.extract.clause_table import clause_table, is_clause_table, numbered_clause_table, unit_clause_table
from parsers.extract.closing import drop_cut_tail
from parsers.extract.cnnum import cn_to_int
from parsers.extract.coded_rows import coded_rows
from parsers.extract.excerpt_cut import drop_cut_opening, drop_cut_section
from parsers.extract.flat_rows import expand_coded
from parsers.extract.grammar import intro_pattern
from parsers.extract.headers import looks_like_unit
from parsers.extract.heading_roles import heading_role, named_unit
from parsers.extract.markers import short_sentence
from parsers.extract.points import read_points
from parsers.extract.targets_result import Part, TargetsResult, confirmed_total
from parsers.extract.targets_worth import closed as _closed
from parsers.extract.targets_worth import closing_worth, continuation, unit_with_worth, unit_worth, worth_tail
from parsers.extract.value_rows import value_rows
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Block, Document, Paragraph, Table
from schemas.records import Target, Unclaimed

DATE_LINE = P.regex.compile(r"^\s*[\d〇○零一二三四五六七八九xX×]{4}\s*年.{1,3}月.{1,4}日")  # `20xx年x月x日`: a form's blank date too
DOC_NUMBER_LINE = P.regex.compile(r"[〔\[【（(]\s*\d{4}\s*[〕\]】）)]\s*第?\s*\d+\s*号")
ATTACHMENT_LINE = P.regex.compile(rf"^\s*{P.ATTACHMENT_WORD}\s*[:：]?")
# The notice's closing block (版记): no unit's clauses beyond it.
CLOSING_LINE = P.regex.compile(r"^\s*(?:抄\s*送|主\s*办|督\s*办|承\s*办|联系人|联系电话)\s*[:：]")
ENDS_UNITS = P.regex.compile(f"{ATTACHMENT_LINE.pattern}|{CLOSING_LINE.pattern}")  # one match per line, not two
# `1.` `1、` `1:` `（1）` `1）` `①`; `0.6个百分点` is not a number, but `4、5G…` and `5、2020年…` are.
CLAUSE_NUMBER = P.regex.compile(
    r"^\s*(?:(?P<arabic>\d{1,3})\s*(?:、|[.:：](?!\d)|[)）])|[（(〔\[【]\s*(?P<paren>\d{1,3})\s*[）)〕\]】]"
    r"|(?P<circled>[①-⑳]))\s*")
INTRO = intro_pattern()
MIN_UNITS, SETTLED_SHARE = 2, 0.8
# A notice read by its outline has hundreds of paragraphs, a long one a few thousand; far more is
# not a notice of this kind (or hostile input), and the outline's per-item work is not spent on it.
MAX_OUTLINE_BLOCKS = 50_000
MAX_HEADING_CHARS = 40
MAX_CN_HEADING_CHARS = 20  # `（一）市发展和改革委员会` is a heading; a longer numbered line is a clause


@dataclass
class _State:
    group: str | None = None
    unit: str | None = None
    unit_raw: str | None = None
    scope: str = "unit"
    section: str | None = None
    section_points: float | None = None
    # `一、考核内容（100分）` over `（一）经济发展（60分）`: the outer section and its points; the level
    # (1 for `一、`, 2 for `（一）`) of the section now open
    parent: tuple[str, float | None] | None = None
    section_level: int = 0


class _Line(NamedTuple):
    kind: str
    ends_units: bool  # an attachment or the closing block starts: no unit's clauses beyond it
    h: str  # the text, halfwidth
    number: object  # a clause's number match, kept for reading the clause


def classify(text: str) -> str:
    """clause | section | heading | intro | other, from the text alone."""
    return _read_line(text).kind


def _read_line(text: str) -> _Line:
    h = halfwidth(text)
    ends = ENDS_UNITS.match(text) is not None
    if INTRO.search(no_space(h)):
        return _Line("intro", ends, h, None)  # `具体内容如下：` never separates the items from their heading
    number = CLAUSE_NUMBER.match(h)
    if number and len(no_space(h)) > 3:
        return _Line("clause", ends, h, number)
    m = P.SECTION.match(h)
    if m and is_section_name(m["name"]) and (m["points"] or P.TARGETS_HEADING.search(m["name"])) \
            and not named_unit(no_space(m["name"])):  # `一、甲县责任目标`: one unit's list, no section
        return _Line("section", ends, h, None)
    cn_number = P.CN_CLAUSE_NUMBER.match(h)
    if cn_number and (P.POINTS_AT_END.search(h) or len(no_space(h)) > MAX_CN_HEADING_CHARS
                      or short_sentence(h[cn_number.end():])):
        return _Line("clause", ends, h, number or cn_number)
    return _Line("heading" if is_heading_like(text) or unit_with_worth(h) else "other", ends, h, None)


def is_section_name(name: str) -> bool:
    """`重点目标`, `经济、社会发展和本职工作责任目标`; not `城镇新增就业2400人` (a clause)."""
    name = no_space(name)
    if not name or len(name) > 30 or any(ch.isdigit() for ch in name):
        return False
    return bool(P.SECTION_NAME_END.search(name)) or len(name) <= 8


BRACKETED_ONLY = P.regex.compile(r"^[（(][^（()）]+[）)]$")  # `(试行)` under a title: its qualifier, no heading


def is_heading_like(text: str) -> bool:
    t = no_space(text).rstrip("：:")
    if not 2 <= len(t) <= MAX_HEADING_CHARS:
        return False
    if P.SENTENCE_PUNCT.search(t) or "：" in t or ":" in t or BRACKETED_ONLY.match(t):
        return False
    h = halfwidth(t)
    return not (P.POINTS_AT_END.search(h) or DATE_LINE.match(h) or DOC_NUMBER_LINE.search(h))


def jurisdiction_of(issuer: str | None) -> str | None:
    """`某某市人民政府` → `某某市`: whose own targets the notice lists."""
    if not issuer:
        return None
    for suffix in ("人民政府办公室", "人民政府办公厅", "人民政府", "政府", "委员会"):
        if issuer.endswith(suffix) and len(issuer) > len(suffix):
            return issuer[: -len(suffix)]
    return issuer


def extract_targets(doc: Document, doc_id: str, issuer: str | None = None) -> TargetsResult:
    """A notice listed by unit headings (the common form) is read by headings; any other (no unit,
    a title taken for one, clauses without points) is read through its inferred outline."""
    # a form written one cell a line (its rows letter-coded perhaps), or its rows' values before the next
    blocks = value_rows(cell_rows(coded_rows(doc.blocks)))
    if blocks is not doc.blocks:
        doc = replace(doc, blocks=blocks)
    classed = class_row_targets(doc, doc_id)  # requirement columns for classes of unit (`A 级要求(县城…)`)
    if classed:
        return TargetsResult(classed)
    by_units = _by_unit_headings(doc, doc_id, issuer)
    if _settled(by_units) or len(doc.blocks) > MAX_OUTLINE_BLOCKS:
        return by_units
    from parsers.extract.outline_targets import extract_outline_targets  # only notices that need it pay its import

    outline = extract_outline_targets(doc, doc_id)
    outline.targets = expand_coded(doc, doc_id, outline.targets, outline.unclaimed)  # a coded table run on
    # deduction-only rows under scored groups (`基础管理10分` / `1、…扣2分。`) are scored through their group
    scored = sum(1 for t in outline.targets if t.points is not None or t.section_points is not None)
    if scored:
        drop_cut_tail(doc, outline.targets)  # an excerpt cut inside its last clause
        cut = drop_cut_section(doc, outline.targets)  # or right after the next section's heading
        opening = drop_cut_opening(doc, outline.targets)  # or opening inside a clause
        outline.unclaimed.extend(c for c in (cut, opening) if c is not None)
        return TargetsResult(outline.targets, unclaimed=outline.unclaimed, assessed_party=outline.assessed_party)
    by_units.assessed_party = outline.assessed_party
    if not by_units.targets:
        _table_clauses(doc, doc_id, by_units)
    return by_units


def _table_clauses(doc: Document, doc_id: str, result: TargetsResult) -> None:
    """No clause anywhere in the text: a table numbering its clauses in a content cell is the notice's
    list (`1、造林绿化任务完成情况 | 30 | …`). It stays an indicator table too."""
    from parsers.extract.headers import table_vocab
    words = {no_space(w) for w in table_vocab()["total_words"]}
    for block in doc.blocks:
        if isinstance(block, Table):
            state = _State(unit="", unit_raw="")
            if not (numbered_clause_table(block, state, result, doc, doc_id, _target, words)
                    or numbered_scored_rows(block, state, result, doc, doc_id, _target, words)
                    or bracketed_standards(block, state, result, doc, doc_id, _target)
                    or unit_clause_table(block, state, result, doc, doc_id, _target)
                    or named_rows(block, state, result, doc, doc_id, _target, words)):
                leveled_rows(block, state, result, doc, doc_id, _target, words)


def _settled(result: TargetsResult) -> bool:
    """Several units (or the notice's own list and parts), nearly every clause scored: the
    unit-heading reading holds. A single "unit" may be the title: the outline decides then."""
    clauses = [t for t in result.targets if t.scope == "unit"]
    scored = sum(1 for t in clauses if t.points is not None)
    units = {t.unit for t in clauses}
    several = (len(units) >= MIN_UNITS or bool(result.parts) or len(clauses) < len(result.targets)
               or (len(units) == 1 and looks_like_unit(next(iter(units)))))
    return bool(clauses) and several and scored >= SETTLED_SHARE * len(clauses)


_TABLE = _Line("table", False, "", None)


def _read_lines(blocks: list[Block]) -> list[_Line]:
    """Each block read as a line. A notice repeats its lines (the same clause under many units):
    each text is read once."""
    memo: dict[str, _Line] = {}
    lines = []
    for b in blocks:
        if not isinstance(b, Paragraph):
            lines.append(_TABLE)
            continue
        line = memo.get(b.text)
        if line is None:
            line = memo[b.text] = _read_line(b.text)
        lines.append(line)
    return lines


def _by_unit_headings(doc: Document, doc_id: str, issuer: str | None) -> TargetsResult:
    result = TargetsResult()
    lines = _read_lines(doc.blocks)
    kinds = [line.kind for line in lines]
    parsed: dict[str, _ClauseParts] = {}  # clause text → its parts, for the clauses a notice repeats
    state = _State()
    for i, block in enumerate(doc.blocks):
        kind = kinds[i]
        if kind == "intro":
            continue
        if kind == "table":
            if state.unit and is_clause_table(block):
                clause_table(block, state, result, doc, doc_id, _target)
                result.clause_tables.add(i)
            continue
        if lines[i].ends_units:
            state = _State()  # an attachment starts: no unit's clauses beyond this point
            continue
        if kind in ("heading", "other") and state.unit and result.targets and worth_tail(block, result.targets[-1]):
            continue  # `分)` under a clause ending `(25`
        if kind == "heading":
            role = heading_role(kinds, doc.blocks, i)
            _heading(block, role, state, issuer)
            if role == "none" and state.unit:
                _unclaimed(block, state, result)
        elif kind == "section":
            _section(block, state, result)
        elif kind == "clause" and state.unit:
            _clause(block, state, result, doc, doc_id, parsed, lines[i])
        elif kind == "other" and not state.unit and not result.targets and result.intro_total is None:
            result.intro_total = read_points(block.text).total
        elif kind == "other" and state.unit:
            last = result.targets[-1] if result.targets else None
            if last is not None and last.unit == state.unit and continuation(block, last):
                continue
            if P.POINTS_AT_END.search(halfwidth(block.text)):
                _clause(block, state, result, doc, doc_id, parsed)  # a scored clause its drafter did not number
            else:
                _unclaimed(block, state, result)
    result.intro_total = confirmed_total(result.intro_total, result.targets)
    return result


def _unclaimed(p: Paragraph, state: _State, result: TargetsResult) -> None:
    result.unclaimed.append(Unclaimed(p.text, state.unit, p.prov.page, p.prov.line))


def _heading(p: Paragraph, role: str, state: _State, issuer: str | None) -> None:
    name = no_space(P.ORDINAL_PREFIX.sub("", p.text)).rstrip("：:").lstrip("、")  # `(一)、…`: the mark's own 、
    if role == "unit":
        unit, worth = unit_worth(named_unit(name) or name)
        state.unit, state.unit_raw, state.scope = unit, p.text, "unit"
        # `市政设施责任目标100分` over its items: the heading is their section too, with its worth
        state.section, state.section_points, state.parent, state.section_level = worth and unit, worth, None, 1
    elif role == "list":
        state.group = p.text
        state.unit = jurisdiction_of(issuer) or name
        state.unit_raw, state.scope = p.text, "jurisdiction"
        state.section = state.section_points = state.parent = None
    elif role == "group":
        state.group, state.unit, state.unit_raw = p.text, None, None
        state.section = state.section_points = state.parent = None


def _section(p: Paragraph, state: _State, result: TargetsResult) -> None:
    h = halfwidth(p.text)
    m = P.SECTION.match(h)
    points = float(m["points"]) if m["points"] else None
    if state.unit and state.scope == "unit":
        level = 1 if m["ord2"] else 2
        if state.section is not None and state.section_level < level:  # a section within the one open
            state.parent = (state.section, state.section_points)
        elif state.parent is not None and level <= 1:
            state.parent = None
        state.section, state.section_points, state.section_level = no_space(m["name"]), points, level
    elif points is not None:
        state.unit = state.unit_raw = None
        result.parts.append(Part(no_space(m["name"]), points, "如下" in (m["tail"] or "")))


class _ClauseParts(NamedTuple):
    seq: int | None
    seq_raw: str | None
    text: str
    points: float | None
    closed: bool


def _clause(p: Paragraph, state: _State, result: TargetsResult, doc: Document, doc_id: str,
            parsed: dict[str, _ClauseParts], line: _Line | None = None) -> None:
    parts = parsed.get(p.text)
    if parts is None:
        parts = parsed[p.text] = (_clause_parts(p.text, line.h, line.number) if line
                                  else _clause_parts(p.text))
    target = _target(doc_id, doc, state, len(result.targets), parts.seq, parts.seq_raw, parts.text, parts.points,
                     p.prov)
    target.closed = parts.closed
    result.targets.append(target)


def _clause_parts(raw: str, h: str | None = None, number=None) -> _ClauseParts:
    """A clause's number, text and points, from its line alone (``h``, ``number``: the halfwidth text
    and the number match the line was classified by, when the caller has them)."""
    if h is None:
        h = halfwidth(raw)
        number = CLAUSE_NUMBER.match(h) or P.CN_CLAUSE_NUMBER.match(h)
    seq_raw = raw[number.start(): number.end()].strip() if number else None
    seq = _seq(number) if number else None
    body_start = number.end() if number else 0
    points_match = P.POINTS_AT_END.search(h, pos=body_start)
    body_end = points_match.start() if points_match else len(h)
    text = P.strip_trailing_punct(raw[body_start:body_end]).strip()
    points = float(points_match[_POINTS]) if points_match else None
    if points_match and _bracketed_inside(h[body_start:body_end]):  # `…(2分);…(3分)。`: one notation per requirement
        from parsers.extract.outline_points import declared_in_all
        both = declared_in_all(raw[body_start:])
        if both:
            points, text = both[0], P.strip_trailing_punct(both[1]).strip()
    elif points_match is None and "分" in h:
        points, text = closing_worth(text, points)
    return _ClauseParts(seq, seq_raw, text, points, _closed(raw))



def _bracketed_inside(body: str) -> bool:
    return "分)" in body or "分）" in body


_POINTS = P.POINTS_AT_END.groupindex["points"]  # a group read by index: by name costs four times as much


def _seq(number) -> int | None:
    """The number of a CLAUSE_NUMBER or CN_CLAUSE_NUMBER match: each alternative holds one group."""
    kind = number.lastgroup
    value = number[number.lastindex] if kind else None
    if not value:
        return None
    if kind in ("arabic", "paren"):
        return int(value)
    if kind == "circled":
        return ord(value) - 0x2460 + 1
    try:  # cn, cnp
        return int(cn_to_int(value))
    except ValueError:
        return None


def _target(doc_id, doc, state, index, seq, seq_raw, text, points, prov) -> Target:
    # Positional: matching twenty keywords costs as much as building the record, once per clause.
    # tests/extract/test_fast_paths.py pins the field order this follows.
    section_path, section_path_points = ([state.section], [state.section_points]) if state.section else ([], [])
    if state.parent is not None and state.section:
        section_path, section_path_points = [state.parent[0], state.section], [state.parent[1], state.section_points]
    return Target(doc_id, doc.source, f"{doc_id}-{index + 1:05d}",  # doc_id, source_path, target_id
                  state.unit, state.unit_raw or state.unit, state.group,  # unit, unit_raw, unit_group
                  state.section, state.section_points, seq, seq_raw, text, points,  # section … points
                  prov.page, prov.line, state.scope, None,  # page, line, scope, unit_type
                  section_path, section_path_points, None, None,  # …, points_rule, criteria
                  True, prov.ocr)  # closed, from_ocr
