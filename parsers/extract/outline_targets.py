"""An outline → target clauses, for notices that are not a list of unit headings: the assessed party is the
document's subject (no unit), a heading naming a class of units (各乡镇), or kinds of unit scored side by side in one
item (`（乡镇10分、农场15分）`). Targets are the items at the lowest level that carries points; a scored item above them
is a section (any depth: ``section_path``); an unscored numbered item among scored siblings is a clause without
points (veto, deduction-only, or a real omission the checks report). What is neither is reported as unclaimed text.
"""
from __future__ import annotations

import regex

from parsers.extract.flat_rows import run_on_clauses
from parsers.extract.grammar import grammar
from parsers.extract.markers import CELL_BAR
from parsers.extract.outline import BARRIER, TEXT, TITLE, Node, build_outline
from parsers.extract.outline_parts import (
    EDGE_PUNCT,
    assessed_party,
    heading_name,
    heading_unit,
    is_unit_heading,
    rules_article,
)
from parsers.extract.outline_points import (
    RULED,
    assessment_of,
    bonus_block,
    cut_deduction_item,
    declared_in_all,
    in_deduction_part,
    in_rate_part,
    inline_items,
    named_scored,
    paragraph_rule,
    placeholder_list,
    rule_paragraphs,
    rule_points,
    scoring_part,
    worth_share,
)
from parsers.extract.outline_scope import Scope
from parsers.extract.outline_sub_items import HAS_WORDS, inline_parts, own_text, with_sub_items
from parsers.extract.outline_totals import declared_totals, declares_sections, restatements
from parsers.extract.outline_units import emit_listed_units, worth_items
from parsers.extract.points import read_points
from parsers.extract.targets_result import OutlineResult
from parsers.textnorm import matching_copy, no_space
from schemas.blocks import Document
from schemas.records import Target, Unclaimed

SENTENCES = regex.compile(r"[^。]+。?")


def _scoring_rule(node: Node) -> bool:
    """An unnumbered paragraph under a numbered item with its own points, scored only inside a
    sentence (`…达到指标的，得25分；…`): that item's scoring rule, part of its text, not a clause."""
    parent = node.parent
    if scoring_part(node):  # `(2)…75%以上计15分;` under `1.…计20分。`; `评分标准:…`; `(1)一次简报1分;`
        return True
    return (node.kind == TEXT and node.reading.in_sentence and parent is not None
            and parent.marker is not None and parent.scored
            and (not parent.reading.in_sentence or _within(node, parent)))


def _within(node: Node, parent: Node) -> bool:
    """Under `1.完成任务得25分。`, a paragraph whose points fit in the item's is how they are earned, no clause."""
    mine, theirs = node.reading.points, parent.reading.points
    return mine is not None and theirs is not None and 0 < mine <= theirs


def _counts(node: Node) -> bool:
    """An item with points, or one that only deducts or vetoes: a clause either way."""
    if _scoring_rule(node):
        return False
    if node.scored or rule_points(node) or node.listed_bonus:  # a `加分项目:` list's item: a clause with no worth
        return True
    if node.marker is None:
        return False
    rule = node.reading.rule or paragraph_rule(node)  # its rule may stand on the paragraph below its line
    if rule not in RULED:
        return in_rate_part(node) or cut_deduction_item(node, _counts)
    return rule == "veto" or _among_scored(node) or in_deduction_part(node) or in_rate_part(node)


def _among_scored(node: Node) -> bool:
    """A deduction-only item of a scored list (`发生一起…扣3分` under `…(10分)`), not a procedure (`扣分项需附…`)."""
    parent = node.parent
    if parent is None or parent.kind == "root":
        return True
    if parent.scored:  # unless the scored item is one share of its heading's worth: then it only deducts from it
        return not worth_share(parent)
    return any(s.scored for s in parent.items() if s is not node)


def _has_scored(node: Node) -> bool:
    return any((_counts(c) or _has_scored(c)) for c in node.items())


INNER_PUNCT = regex.compile(r"[,，;；。、:：!！?？]")


def section_name(node: Node) -> str:
    """A section's name; a heading written as a sentence (`制定…计划。(3分)`) keeps its full stop, as
    it stands in the document; a short name (`领导重视。`) loses it. The name ends at its points
    notation: what follows (`…意见》(6分)。`, `绿色通道,50分。考核范围包括…`) is not part of it."""
    name = EDGE_PUNCT.sub("", _before_points(node)).strip()
    bare = name.rstrip("。")
    return name if INNER_PUNCT.search(bare) else bare.lstrip("。")


def _before_points(node: Node) -> str:
    reading = node.reading
    if reading.span is None or reading.notation not in NAME_ENDING_NOTATIONS:
        return reading.text
    head = node.raw[:reading.span[0]]
    return head if HAS_WORDS.search(head) else reading.text


# Notations that close a heading's name (`名称(6分)`, `名称,50分。`); a sentence's `得5分` does not.
NAME_ENDING_NOTATIONS = ("bracketed", "labelled", "comma_trailing", "bare_trailing", "bare_then_clause",
                         "bare_closing_name")


class _Emitter:
    def __init__(self, doc: Document, doc_id: str):
        self.doc, self.doc_id = doc, doc_id
        self.result = OutlineResult()
        self.kinds: list[str] = []  # kinds of unit with their own points in the current list
        self.labelled = False  # the kinds come from requirement labels: an item's text is its own
        self.singles: dict[int, float] = {}  # target → its points stated once (see restatements)
        self.section_names: set[str] = set()  # names of the scored sections (items with scored items below)
        self.parts = 0  # unscored parts opened so far: each a numbering scope of its own
        self.absorbed: set[int] = set()  # parts read into the clause they follow (inline_parts)
        self.piped = {(p.prov.page, p.prov.line) for p in doc.paragraphs() if CELL_BAR in p.text}  # the `|` rows

    def declares(self, node: Node) -> bool:
        return bool(self.section_names) and node.scored and declares_sections(node.raw, self.section_names)

    def unclaimed(self, node: Node, unit: str | None) -> None:
        text = (node.marker.raw if node.marker else "") + node.raw
        if no_space(text).strip("…."):
            self.result.unclaimed.append(Unclaimed(text, unit or None, node.prov.page, node.prov.line))

    def walk(self, node: Node, scope: Scope) -> None:
        items = node.items()
        targets_here = {id(c) for c in items if c.scored and not _has_scored(c) and not self.declares(c)}
        for child in items:
            self.visit(child, scope, items, targets_here)

    def visit(self, node: Node, scope: Scope, siblings: list[Node], targets_here: set[int]) -> None:
        if id(node) in self.absorbed:
            return
        parts = inline_parts(node, siblings)
        if parts:  # `智能设备(6分):(1)…;(2)…。`: the parts the outline put beside the clause are its text
            self.absorbed.update(id(p) for p in parts)
            self.emit(node, scope, text=node.reading.text + "".join(p.marker.raw + p.raw for p in parts))
            for part in parts:
                self.walk(part, scope)  # the rows after the clause, which the outline put under its last part
            return
        if node.kind in (TITLE, BARRIER):
            if node.kind == BARRIER:
                self.unclaimed(node, scope.unit)
            return
        ruled = rule_points(node)
        if ruled:  # `(一)name` + prose + `…得30分`: the item is the clause, its rule's points its own
            self.emit(node, scope, text=ruled[1], points=ruled[0])
            return
        below = _has_scored(node)
        if rules_article(node, siblings, _has_scored):  # `第一条…` beside the article holding the scored list
            self.unclaimed(node, scope.unit)
            for child in node.items():
                self.unclaimed(child, scope.unit)
            return
        if not below and self.declares(node):  # `其中,重点工作300分,…`: the sections' points, stated ahead
            self.unclaimed(node, scope.unit)
            return
        if node.kind == TEXT and not below:
            if self.inline_list(node, scope):
                return
            if not node.scored:
                self.unclaimed(node, scope.unit)
                return
        elif not below and node.marker is not None and self.inline_list(node, scope, own=True):
            return  # `(二)个人考核:分为思想作风(15分)、工作作风(20分)…`: the parts on the heading's own line
        if below and not node.scored and emit_listed_units(node, lambda *item: self.emit_item(scope, *item)):
            return  # `第一類(5個):A鎮、B鎮。` over `…1分;…1分。`: each listed unit's items
        if below:
            inner = scope.inner()
            if unit := (is_unit_heading(node, siblings) and not scope.unit):  # with points, its items' section too
                inner.unit_raw = heading_name(node)
                inner.unit, inner.unit_points = heading_unit(inner.unit_raw), node.reading.points
            if node.scored and not (unit and is_unit_heading(node)):  # (GOLD.md: the nearest heading with points)
                inner.enter(section_name(node), node.reading.points, node.number, node.reading.per_kind, node.kind)
            elif not unit:  # an unscored part (`二、…考核内容:`): its clauses are numbered on their own
                self.parts += 1
                inner.contexts[-1] = (*inner.contexts[-1], self.parts)
            self.walk(node, inner)
            return
        if bonus_block(node) or placeholder_list(node):  # `(六)其他` over `…可加5分。`; `1.` `2.` left empty
            self.unclaimed(node, scope.unit)
            for child in node.items():
                self.unclaimed(child, scope.unit)
            return
        split = inline_items(node) if node.scored else None
        if split:  # `(一)name(10分)。` over `text(1分);text(3分);…`: one clause per notation
            for text, points in split:
                self.emit(_Flat(node), scope, text=text, points=points)
            return
        if _counts(node) or (node.marker is not None and any(
                id(s) in targets_here and s.kind == node.kind for s in siblings)):
            if node.kind == TEXT and (items := worth_items(node.raw)):  # `A1分;B1分;C1分。`: one item each
                for text, points in items:
                    self.emit_item(scope, node, None, text, points)
                return
            run_on = run_on_clauses(node.raw, node.reading.span, node.reading.points) if node.scored else None
            if run_on:  # `名称(该项10分)。…(2分)。…(3分);`: a section of unnumbered clauses
                inner = scope.inner()
                inner.enter(section_name(node), node.reading.points, node.number, node.reading.per_kind, node.kind)
                for text, points in run_on:
                    self.emit(_Flat(node), inner, text=text, points=points)
            elif self.labelled:  # what the item requires of each class is its scoring rule
                rule = "".join(c.raw for c in node.items() if c.kind == TEXT)
                self.emit(node, scope, criteria=(node.reading.criteria or "") + rule or None)
            else:  # sub-items saying how the item is assessed are its criteria, its name its text
                criteria = node.rules or assessment_of(node) or rule_paragraphs(node)
                self.emit(node, scope, text=None if criteria else with_sub_items(node), criteria=criteria)
            return
        if node.reading.implausible:
            self.unclaimed(node, scope.unit)
            return
        self.unclaimed(node, scope.unit)
        for child in node.items():
            self.unclaimed(child, scope.unit)

    def emit(self, node: Node, scope: Scope, text: str | None = None, points: float | None = None,
             criteria: str | None = None) -> None:
        reading = node.reading
        if points is None and text is None and not self.kinds:
            points, text = declared_in_all(node.raw) or (None, None)
        if text is None:
            text = own_text(node, (node.prov.page, node.prov.line) in self.piped)
        kinds = self.kinds or [None]
        for kind in kinds:
            if kind is not None and any(ex in kind or kind in ex for ex in reading.excluded_kinds):
                continue
            value = reading.per_kind.get(kind, reading.points) if kind else reading.points
            if points is not None:
                value = points
            path = [(name, per.get(kind, pts) if kind else pts, seq) for name, pts, seq, per in scope.path]
            unit = kind or scope.unit
            self.result.targets.append(Target(
                doc_id=self.doc_id, source_path=self.doc.source, target_id="",
                unit=unit, unit_raw=kind or scope.unit_raw, unit_group=scope.group,
                section=path[-1][0] if path else None, section_points=path[-1][1] if path else None,
                seq=node.number, seq_raw=node.marker.raw if node.marker else None,
                text=text, points=value,
                page=node.prov.page, line=node.prov.line, from_ocr=node.prov.ocr,
                section_path=[p[0] for p in path], section_path_points=[p[1] for p in path],
                path_seqs=[p[2] for p in path], points_rule=reading.rule if value is None or reading.rule == "bonus"
                else None, criteria=criteria or reading.criteria, outline_key=f"outline:{scope.group}" if self.kinds else f"outline:{scope.group}:{unit}",
                unit_points=scope.unit_points, outline_scopes=scope.scopes(node.kind)))
            if reading.single is not None and points is None:
                self.singles[id(self.result.targets[-1])] = reading.single

    def emit_item(self, scope: Scope, node: Node, unit: str | None, text: str, points: float,
                  total: float | None = None) -> None:
        """One item named inside a line (no number of its own), under ``unit`` (its items' ``total``) when a list names it."""
        inner = scope.inner()
        if unit:
            inner.unit, inner.unit_raw, inner.unit_points = unit, unit, total
        self.emit(_Flat(node), inner, text=text, points=points)

    def inline_list(self, node: Node, scope: Scope, own: bool = False) -> bool:
        """`其中基层党建30分,城乡管理30分,…。另设…(5分,…)。`; ``own``: parts on a numbered line's own (a section if totalled)."""
        g = grammar()
        found = False
        for sentence in SENTENCES.findall(node.raw):
            mt = matching_copy(sentence)
            cue = (g.list_cue_own if own else g.list_cue).search(mt)
            if cue:
                items = list((g.list_item_own if own else g.list_item).finditer(mt, cue.end()))
                if len(items) >= 2:
                    total = read_points(sentence[:cue.start()]).total
                    parent = node if own else node.parent
                    name = heading_name(parent) if parent is not None and parent.marker else None
                    inner = scope.inner()
                    if name and (total is not None or not own):
                        inner.enter(name, total, parent.number, {}, parent.kind)
                    for m in items:
                        item_name = EDGE_PUNCT.sub("", sentence[m.start("name"):m.end("name")])
                        self.emit(_Flat(node), inner, text=item_name, points=float(m["n"]))
                    found = True
                    continue
            reading = read_points(sentence)
            if not own and reading.points is not None and reading.rule == "bonus" and not named_scored(node):
                text = EDGE_PUNCT.sub("", reading.text).rstrip("。")
                for word in g.lead_words:
                    if text.startswith(word):
                        text = text[len(word):]
                        break
                self.emit(_Flat(node), scope, text=text, points=reading.points)
                self.result.targets[-1].points_rule = "bonus"
                found = True
        return found


class _Flat(Node):
    """An item named inside a sentence: no number of its own."""

    def __init__(self, node: Node):
        super().__init__(TEXT, None, "", node.prov, node.paragraph)


def _lists(root: Node) -> list[list[Node]]:
    groups: dict[int, list[Node]] = {}
    for child in root.children:
        groups.setdefault(child.group, []).append(child)
    return [groups[k] for k in sorted(groups)]


def _kinds(nodes: list[Node]) -> list[str]:
    """Kinds of unit with points of their own anywhere in the list, in order of appearance."""
    kinds: dict[str, None] = {}
    stack = list(reversed(nodes))
    while stack:
        n = stack.pop()
        kinds.update(dict.fromkeys(n.reading.per_kind))
        stack.extend(reversed(n.items()))
    return list(kinds)


LABEL_COLON = regex.compile(r"[:：]")
MAX_LABEL = 12


def _labels(text: str) -> list[str]:
    """Classes of unit a requirement is addressed to: `县级部门:成立…乡镇(街道):成立…`."""
    found = []
    for m in LABEL_COLON.finditer(text):
        head = no_space(text[max(0, m.start() - MAX_LABEL):m.start()])
        label = next((head[k:] for k in range(len(head) - 1) if is_unit_class(head[k:])), None)
        if label:
            found.append(label)
    return found


def is_unit_class(name: str) -> bool:
    return bool(grammar().unit_class.match(matching_copy(name)))


def _labelled_kinds(nodes: list[Node]) -> list[str]:
    """Scored items each followed by what they require of two or more classes of unit (`1.有机构。(5分)`
    / `县级部门:…` / `乡镇(街道):…`): every item is a clause of each class, as `（乡镇10分、农场15分）`."""
    kinds: dict[str, None] = {}
    labelled = 0
    stack = list(reversed(nodes))
    while stack:
        n = stack.pop()
        stack.extend(reversed(n.items()))
        if n.marker is None or not n.scored or _has_scored(n):
            continue
        labels = _labels(n.reading.criteria or "") + [x for c in n.items() if c.kind == TEXT for x in _labels(c.raw)]
        labelled += bool(labels)
        kinds.update(dict.fromkeys(labels))
    return list(kinds) if len(kinds) >= 2 and labelled >= 2 else []


def extract_outline_targets(doc: Document, doc_id: str) -> OutlineResult:
    root = build_outline(doc.paragraphs())
    emitter = _Emitter(doc, doc_id)
    titles = [c for c in root.children if c.kind == TITLE]
    emitter.result.assessed_party = assessed_party(heading_name(titles[0]) if titles else None)
    lists = _lists(root)
    stack = list(root.children)
    while stack:
        n = stack.pop()
        stack.extend(n.items())
        if n.scored and _has_scored(n):
            emitter.section_names.add(matching_copy(no_space(section_name(n))))
    for index, nodes in enumerate(lists):
        label = None
        if len(lists) > 1:
            first = nodes[0] if nodes[0].kind == BARRIER else next((n for n in nodes if n.marker), nodes[0])
            label = (first.marker.raw if first.marker else "") + first.raw
        emitter.kinds = _kinds(nodes)
        emitter.labelled = not emitter.kinds and bool(_labelled_kinds(nodes))
        if emitter.labelled:
            emitter.kinds = _labelled_kinds(nodes)
        holder = Node("root", None, "", nodes[0].prov, -1)
        holder.children = nodes
        start = len(emitter.result.targets)
        emitter.walk(holder, Scope(group=label))
        if emitter.kinds:  # one unit after the other, as a notice lists them
            order = {k: i for i, k in enumerate(emitter.kinds)}
            emitter.result.targets[start:] = sorted(emitter.result.targets[start:], key=lambda t: order[t.unit])
        declared_totals(emitter.result, start)
    restatements(emitter.result.targets, emitter.singles)
    for i, t in enumerate(emitter.result.targets):
        t.target_id = f"{doc_id}-{i + 1:05d}"
    return emitter.result
