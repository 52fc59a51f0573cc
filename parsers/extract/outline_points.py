"""A clause that states its points more than once, one bracketed notation closing each of its
requirements (`…并及时上报(1分);全年研究不少于4次(1分)。`): worth what it declares in all."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import regex

from parsers.extract.flat_rows import run_on_clauses
from parsers.extract.grammar import grammar, load_data
from parsers.extract.points import notation_core, read_points, to_number
from parsers.textnorm import matching_copy

CLOSES_REQUIREMENT = regex.compile(r"\s*(?:[。；;]|$)")
HAS_WORDS = regex.compile(r"\p{Han}{2}")
TIER = regex.compile(r"的\s*$")  # `完成的(5分);基本完成的(3分)`: grades of one rule, not requirements


def declared_in_all(raw: str) -> tuple[float, str] | None:
    """(points, text without its notations) of a clause with two or more requirements, each closed by
    its own bracketed points; None for any other clause (one notation, a rule's grades, a deduction)."""
    reading = read_points(raw)
    if reading.notation != "bracketed" or reading.points is None or reading.per_kind:
        return None
    g = grammar()
    bracketed = next(n for n in g.notations if n.name == "bracketed")
    mt = matching_copy(raw)
    deductions = [m.span() for m in g.deduction.finditer(mt)]
    spans, values, end = [], [], 0
    for m in bracketed.pattern.finditer(mt):
        core = notation_core(m)  # `(2分,缺一人扣0.5分)`: the rule's deduction is not the bracket's
        if any(core[0] < e and s < core[1] for s, e in deductions):
            continue
        head = mt[end:m.start()]
        if not CLOSES_REQUIREMENT.match(mt, m.end()) or not HAS_WORDS.search(head) or TIER.search(head):
            return None
        spans.append(m.span())
        values.append(to_number(m["n"]))
        end = m.end()
    if len(spans) < 2 or (len(spans) > 2 and values[0] == sum(values[1:])):
        return None  # one notation, or a total and its parts (`…(10分)。其中…(6分);…(4分)。`)
    text = raw
    for s, e in reversed(spans):
        text = text[:s] + text[e:]
    return sum(values), text.strip()


@lru_cache(maxsize=1)
def _rule_label() -> regex.Pattern:
    labels = sorted(load_data("scoring.json")["rule_labels"], key=len, reverse=True)
    return regex.compile(rf"^\s*(?:{'|'.join(map(regex.escape, labels))})\s*[:：]")


def labelled_rule(node) -> bool:
    """`一、组织机构(20分)` over `考核内容:…` and `考核办法及分值:…3分,…再得2分;…`: an unnumbered paragraph labelled as
    the scored heading's rule says how its worth is earned; its parts' worths make no clause of their own."""
    parent = node.parent
    return (node.marker is None and parent is not None and parent.marker is not None and parent.scored
            and bool(_rule_label().match(node.raw)))


RULED = ("deduction", "veto")  # rules that make an unscored item a clause: it only deducts, or vetoes


def paragraph_rule(node) -> str | None:
    """`1.建立健全了各種機構…和相關制度。` over `每少一種機構…扣0.5分。`: a numbered item with no worth of its own whose
    paragraphs under it only deduct or veto is a deduction-only (or veto) item, its rule written below its line, when
    each numbered item beside it has lines of its own too (the last of a list `(9)…的。` over the next list's lead
    `有下列情形的,每项扣5分。` is no such item)."""
    items = node.items()
    if node.marker is None or node.scored or not items or node.parent is None:
        return None
    if any(not s.items() for s in node.parent.items() if s.marker is not None and not s.scored):
        return None
    rules = {c.reading.rule for c in items}
    if any(c.marker is not None or c.scored or c.items() for c in items) or not rules <= set(RULED):
        return None
    return "veto" if "veto" in rules else "deduction"


def rule_points(node) -> tuple[float, str] | None:
    """(points, text) of a numbered item without a notation of its own (`(一)万元GDP能耗降低率…`) whose
    unnumbered paragraphs state how it is scored (`完成年度计划目标得30分…`): the item is the clause, worth
    its rule's points, its text the name with every paragraph (formula, rule, veto sentence). Numbered rules after
    the paragraph that states its worth (`(一)利潤總額指標計分。` / `…的基本分為30分。…` / `1.…加1分,最多加6分。`), none
    with a worth of its own, say how that worth moves: they stay out of its text, no clauses of their own."""
    if node.marker is None or node.scored:
        return None
    items = node.items()
    paragraphs = [c for c in items if c.marker is None]
    if not paragraphs or any(c.items() for c in paragraphs):
        return None
    if len(paragraphs) < len(items) and (items[0].marker is not None or not items[0].scored
                                         or any(_scored_within(c) for c in items if c.marker is not None)):
        return None
    scored = [c for c in paragraphs if c.scored]
    if not scored or any(not c.reading.in_sentence or c.reading.per_kind for c in scored):
        return None
    return scored[0].reading.points, node.raw + "".join(c.raw for c in paragraphs)


def _scored_within(node) -> bool:
    return node.scored or any(_scored_within(c) for c in node.items())


def in_rate_part(node) -> bool:
    """A numbered rule of a part scored by rates alone (`(二)信息工作 实行累计加分制。 1、…每条计5分 … 4、…每次扣20分`):
    every item of the part only earns or loses points per piece, none has a worth; they are its clauses, points
    null, not procedures among unscored text."""
    parent = node.parent
    if node.marker is None or node.reading.rule is None or parent is None or parent.kind == "root":
        return False
    items = [c for c in parent.items() if c.marker is not None]  # `实行累计加分制。` before them says how
    return (len(items) >= MIN_RATE_ITEMS and any(c.reading.rate for c in items)
            and all(not c.scored and c.reading.rule is not None for c in items))


@lru_cache(maxsize=1)
def _deduction_parts() -> tuple[str, ...]:
    return tuple(load_data("scoring.json")["deduction_parts"])


MAX_PART_NAME = 12  # `三、扣分标准`, `(二)考核扣分细则:`: a part's name, not a sentence that mentions one
DEDUCTION_VALUE = regex.compile(r"[扣减]\s*\d")


MIN_RATE_ITEMS = 2  # one rule alone is a remark, not a part scored by rules


def in_deduction_part(node) -> bool:
    """A numbered rule that deducts a stated value (`(1)未落实…的一户扣5分。`) under a part named for
    deductions (`三、扣分标准`), apart from the part that scores the items: a clause with points null."""
    if node.marker is None or node.items() or not DEDUCTION_VALUE.search(matching_copy(node.raw)):
        return False
    parts = _deduction_parts()
    owner = node.parent
    while owner is not None and owner.kind != "root":
        name = matching_copy(owner.raw).strip(" :：。")
        if owner.marker is not None and len(name) <= MAX_PART_NAME and any(word in name for word in parts):
            return True
        owner = owner.parent
    return False


@lru_cache(maxsize=1)
def _full_marks() -> regex.Pattern:
    number = load_data("points_notations.json")["number"]
    return regex.compile(load_data("scoring.json")["restated_full_marks"].replace("{N}", number))


def _inside_bracket(text: str, at: int) -> bool:
    head = text[:at]
    return max(head.rfind("("), head.rfind("（")) > max(head.rfind(")"), head.rfind("）"))


def restates_heading(node) -> bool:
    """`3、计分办法。该项目满分为0.5分,…` under `(一)name(0.5分)`: a numbered sub-item whose rule sentence states
    its heading's full marks again. The points are the heading's, not the sub-item's own."""
    parent = node.parent
    if node.marker is None or parent is None or parent.marker is None or not node.scored or node.reading.per_kind:
        return False
    theirs = parent.reading
    if theirs.points is None or theirs.in_sentence or node.reading.points != theirs.points:
        return False
    mt = matching_copy(node.raw)
    return any(to_number(m["n"]) == theirs.points and not _inside_bracket(mt, m.start())
               for m in _full_marks().finditer(mt))


MIN_UNSCORED_ROWS = 2  # rows beside a stray number under a scored group: one row alone may be all the group has


def stray_number(node) -> bool:
    """`(一)各单位…自评;(二)…最终评定;6三、…`: a bare number (no 分) closing the one item of an unscored list that
    would be scored by it, a page number the web glued before the next heading. A flattened table's bare 分值
    (`。5二、水资源保护(10分)`) closes a row among scored rows, under a scored group. Under a scored group, a number
    closing one row among unscored rows (`5、…扣2分。26、…`: page 2 before row 6) is a page number too."""
    parent = node.parent
    if node.marker is None or parent is None or node.reading.notation != "bare_number":
        return False
    others = [s for s in parent.items() if s is not node]
    if parent.scored and len(others) < MIN_UNSCORED_ROWS:
        return False
    if any(s.reading.notation == "bare_number" for s in _rows_before(parent)):
        return False  # the group before scored its rows the same way: a table's 分值 column, not a page number
    return not any(s.scored for s in others)


def _rows_before(parent) -> list:
    """The rows of the group before ``parent`` (its previous sibling of the same kind)."""
    siblings = parent.parent.items() if parent.parent is not None else []
    at = next((i for i, s in enumerate(siblings) if s is parent), 0)
    return siblings[at - 1].items() if at > 0 and siblings[at - 1].kind == parent.kind else []


def unscore_restatements(root) -> None:
    """Sub-items that only restate their heading's points (see restates_heading) carry no points of their own;
    neither does an item scored only by a stray number (see stray_number)."""
    stack = list(root.children)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        restated = restates_heading(node)
        if not restated and stray_number(node):
            node._reading = _without_number(node)
        elif restated:
            node._reading = replace(node.reading, text=node.raw, points=None, notation=None, in_sentence=False,
                                    span=None, criteria=None, single=None)
            node.restated = restated


def _without_number(node):
    """The item read again without its stray number: its own rule (`扣2分`) is then its kind, not the number."""
    start, end = node.reading.span
    again = read_points(node.raw[:start] + node.raw[end:])
    if again.points is None and not again.per_kind:
        return again
    return replace(node.reading, text=node.raw, points=None, notation=None, in_sentence=False, span=None,
                   criteria=None, single=None)


@lru_cache(maxsize=1)
def _grade_words() -> tuple[str, ...]:
    return tuple(load_data("scoring.json")["grade_words"])


def grade_of_scale(node) -> bool:
    """`1.…计20分。` over `(1)…85%以上计满分;(2)…75%以上计15分;(3)…计10分;(4)…不计分。`: numbered sub-items
    grading one result, each scored in a sentence, falling from at most the item's points, together more than them, any
    unscored one naming full or no marks: alternatives, not parts — how the item's points are earned."""
    parent = node.parent
    if node.marker is None or parent is None or parent.marker is None or parent.reading.points is None:
        return False
    kin = [c for c in parent.items() if c.marker is not None and c.kind == node.kind]
    scored = [c for c in kin if c.scored]
    if len(scored) < 2 or len(kin) < len(parent.items()) or any(c.items() for c in kin):
        return False
    if any(not c.reading.in_sentence or c.reading.per_kind or c.reading.points > parent.reading.points
           for c in scored):
        return False
    if any(not c.scored and not any(w in matching_copy(c.raw) for w in _grade_words()) for c in kin):
        return False  # an unscored sub-item that is no grade (`计满分`, `不计分`): a clause without points
    values = [c.reading.points for c in scored]
    falling = all(a > b for a, b in zip(values, values[1:]))  # grades fall; requirements side by side need not
    return falling and sum(values) > parent.reading.points


@lru_cache(maxsize=1)
def _per_piece_lead() -> regex.Pattern:
    return regex.compile(load_data("scoring.json")["per_piece_lead"])


def per_piece_rule(node) -> bool:
    """`1.宣传工作有影响、有效果。〔总分4.5分〕` over `〔1〕一次班级活动简报1分;` `〔2〕一次黑板报0.5分;`: a numbered
    sub-item worth what one piece earns, within the worth of the item above, says how that worth is earned."""
    parent = node.parent
    if node.marker is None or parent is None or parent.marker is None:
        return False
    mine, theirs = node.reading.points, parent.reading.points  # None where a worth is per kind of unit
    return mine is not None and theirs is not None and mine <= theirs and bool(_per_piece_lead().match(node.raw))


def scoring_part(node) -> bool:
    """A paragraph or sub-item that says how the item above earns its worth: a grade of its scale, a labelled rule
    (`评分标准:…`), or what one piece earns."""
    return grade_of_scale(node) or labelled_rule(node) or per_piece_rule(node)


@lru_cache(maxsize=1)
def _aspect_label() -> regex.Pattern:
    words = sorted(load_data("scoring.json")["aspect_labels"], key=len, reverse=True)
    return regex.compile(r"^\s*(?:" + "|".join(regex.escape(w) for w in words) + r")\s*[。.:：]")


def assessment_of(node) -> str | None:
    """`(一)name(0.5分)` over unpointed `1、考核内容。…` `2、考核目标。…` `3、计分办法。该项目满分为0.5分…`: the
    sub-items say how the heading is assessed (labelled so, or one restating its points). The heading is the
    clause, named by itself; the sub-items (returned, joined) are its criteria."""
    items = node.items()
    if node.marker is None or not node.scored or node.reading.in_sentence or not items:
        return None
    if any(c.scored or c.marker is None for c in items):
        return None
    if not any(c.restated or _aspect_label().match(matching_copy(c.raw)) for c in items):
        return None
    parts, stack = [], list(reversed(items))
    while stack:
        child = stack.pop()
        parts.append((child.marker.raw if child.marker else "") + child.raw)
        stack.extend(reversed(child.items()))
    return "".join(parts)


def inline_items(node) -> list[tuple[str, float]] | None:
    """`(一)name(10分)。` over one unnumbered paragraph `text(1分);text(3分);…`: each `(N分)` closes a clause of
    its own (seq null) → [(text, points)]; None for any other paragraph."""
    parent = node.parent
    if node.marker is not None or parent is None or parent.marker is None or not parent.scored \
            or parent.reading.in_sentence:
        return None
    return run_on_clauses(node.raw, (0, 0), parent.reading.points)


MAX_NAME = 12  # `林改工作`, `学习型机关创建`: a name, not a requirement written as a sentence
NAME_PUNCT = regex.compile(r"[,，;；。、:：!！?？]")
LIST_NAME_PUNCT = regex.compile(r"[,，;；。:：!！?？]")  # a name may list two things (`论文、专著`)
MAX_CELL = 30  # a table's cell on a line of its own (`按排名赋分`, `县纪委(监察局)、县财政局`), not a paragraph
SENTENCE_PUNCT = regex.compile(r"[,，;；。:：!！?？]")


def _cell_line(raw: str) -> bool:
    text = raw.replace("|", "").strip()
    return 0 < len(text) <= MAX_CELL and not SENTENCE_PUNCT.search(text)


def rule_paragraphs(node) -> str | None:
    """`1.学习型机关创建(20分)` over a table's later cells on lines of their own (`按排名赋分` / `县委宣传部`): an
    item named by a short name its points close; the cells say how it is scored or who assesses it. The name
    is the clause's text, they its criteria, as is a paragraph labelled as its criteria cell (`评价标准:按期完成
    目标,…;…`, graded levels whose scores stood apart). A paragraph that scores the item (`②林改工作(2分)` over
    `按时完成…的计4分,…`) or deducts stays part of its text, as the golds read it."""
    items = node.items()
    if node.marker is None or not node.scored or node.reading.in_sentence or not items:
        return None
    if any(c.marker is not None or c.items() or c.scored or c.reading.rule
           or not (_cell_line(c.raw) or labelled_rule(c)) for c in items):
        return None  # a paragraph that scores or deducts (`有领导小组…;缺一项扣2分。`) goes on the item's text
    name = node.reading.text.strip()
    punct = LIST_NAME_PUNCT if all(labelled_rule(c) for c in items) else NAME_PUNCT  # `论文、专著` over its criteria
    if not name or len(name) > MAX_NAME or punct.search(name.rstrip("。")):
        return None
    return "".join(c.raw for c in items)


PLACEHOLDER = regex.compile(r"^\s*(?:\d{1,2}\s*[.．、]|[…\.]{2,})\s*$")


def placeholder_list(node) -> bool:
    """`(一)重点工作 (500分)` over `1.` `2.` … `……` with nothing after the numbers: a template's group whose
    items are left to be filled in, not a clause (its points are the group's share)."""
    if node.marker is None or not node.scored:
        return False
    empty = [c for c in node.items() if c.marker is None and PLACEHOLDER.match(c.raw)]
    return len(empty) >= 2


def worth_share(node) -> bool:
    """`(一)包绿化美化。(200分)` over `1.…(50分)` `2.…(50分)` `3.…(100分)`: a scored item whose scored siblings add up to
    their heading's worth is one share of it, a clause; the deduction rules under it (`(1)…扣30分。`) say how its
    worth is lost, they are no clauses of their own."""
    parent = node.parent
    if parent is None or not parent.scored or parent.reading.points is None:
        return False
    worths = [s.reading.points for s in parent.items() if s.scored]
    return len(worths) >= 2 and None not in worths and abs(sum(worths) - parent.reading.points) < 1e-6


def named_scored(node) -> bool:
    """`…时长(6分)。…240天以上每多10天加分1.5分,…`: a paragraph named with its bracketed worth, its bonus words
    only in its rule, is a scored item; its rule's `加分N分` is no bonus item of its own."""
    reading = node.reading
    return (reading.notation in ("bracketed", "bracketed_then_rule") and reading.points is not None
            and reading.rule != "bonus")


def bonus_block(node) -> bool:
    """An unscored numbered heading whose paragraphs only grant extra points (`可酌情加5-10分`)."""
    texts = [c for c in node.items() if c.kind == "text"]  # outline.TEXT (outline imports this module)
    return (node.marker is not None and not node.scored and len(texts) == len(node.items()) > 0
            and all(c.reading.points is None and c.reading.rule == "bonus" for c in texts))
