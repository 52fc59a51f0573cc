"""Paragraphs → an outline: every item a node with its marker, its points and its text.

Nesting is inferred from the document itself: a marker kind seen for the first time opens a
level below the current one; a kind already open continues its level (GB/T 9704 gives
一、→（一）→1.→（1） as the norm, but any order a document uses is followed). Inside a line, a
marker only starts an item when it continues a sequence (the next number of an open level, a 1
opening a new level, or the number after the last one of its kind, for numbering that runs on
across sections), so numbers inside sentences stay text. A run of the same kind restarting at 1
inside an item (`3、…1、…2、…4、`) is that item's own list: folded into its text.
"""
from __future__ import annotations

from parsers.extract import markers
from parsers.extract.flat_rows import flat_rows, glued_rows
from parsers.extract.grammar import grammar
from parsers.extract.layout import (
    BARE_POINTS,
    cell_name_lines,
    chain_headings,
    glued_points,
    header_then_row,
    header_then_worth,
    heading_then_first_row,
    heading_then_part,
    leading_unit_heading,
    part_after_entry,
    row_heading,
    runs_on,
    strip_header_run,
    trailing_heading,
    worth_after_name,
    worth_after_rules,
)
from parsers.extract.markers import CELL_BAR, Marker, inline_markers, marker_alone, marker_at_start, numbered_rows
from parsers.extract.outline_cells import lift_row_cells
from parsers.extract.outline_chunks import join_site_chunks
from parsers.extract.outline_lines import (
    GLUED,
    checklist_entry,
    close_lower,
    heading_node,
    lead_label_end,
    lead_rule,
    list_title,
    numbered_inside,
    part_title,
    row_goes_on,
    skips_one,
)
from parsers.extract.outline_lines import attachment_inside as _attachment_inside  # the name tests import
from parsers.extract.outline_node import BARRIER, HEADING, TEXT, TITLE, Node  # noqa: F401  (other modules take them from here)
from parsers.extract.outline_points import unscore_restatements
from parsers.extract.outline_rule_column import read_rule_column
from parsers.extract.outline_tails import drop_glued_column
from parsers.extract.points import read_points
from parsers.extract.tail_rows import tail_valued_rows
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Paragraph, Provenance

# Compiled when the outline reader is first imported, not in the middle of a document: a worker
# near its memory limit must not be compiling patterns then.
grammar()


class OutlineBuilder:
    def __init__(self) -> None:
        self.root = Node("root", None, "", Provenance("", None, 0), -1)
        self.stack: list[Node] = []
        self.last_seen: dict[str, int] = {}
        self.group = 0
        self.last_placed: Node | None = None
        self.paragraphs = 0
        self.veto_group: int | None = None  # the list a veto sentence opened
        self.bonus_group: int | None = None  # the list a bonus label (`加分项目:`) opened
        self.note_run: tuple[str, int] | None = None  # a note's own list (`说明:1、…` / `2、…`): its kind, next number
        self.held: str | None = None  # a marker alone on its line (`第七条`): it opens the next line
        self.sub_run: dict[str, int] = {}  # kind → last number of a list nested in an item of its own kind

    # -- feeding -------------------------------------------------------------------------------
    def feed(self, p: Paragraph) -> None:
        if self.held is not None:
            p, self.held = Paragraph(self.held + p.text.lstrip(), p.prov), None
        elif marker_alone(halfwidth(p.text)):
            self.held = p.text.strip()
            return
        inside = _attachment_inside(p.text) or lead_label_end(p.text)
        if inside:  # the covering notice, then its attachment: two paragraphs run together
            for part in (p.text[:inside], p.text[inside:]):
                self.feed(Paragraph(part, p.prov))
            return
        index = self.paragraphs
        self.paragraphs += 1
        # a table row a page flattened with `|` (read as text: no weight column): its cells run on, and a
        # cell numbered like the item before it (`1、…(2分)| 1、随机抽查…`) is that item's scoring rule
        text = markers.unpipe(p.text) if CELL_BAR in p.text else p.text
        h = halfwidth(text)
        g = grammar()
        if g.intro.search(no_space(h)):
            return  # `具体内容如下：` only announces the items below
        lead = lead_rule(h) if marker_at_start(h) is None else None  # `…一票否决:` or `加分项目:`: a new list
        if lead or self.stack and part_title(h):  # or `安全生产考核细则`
            if lead == "veto" and self.stack and list_title(self.stack[-1]):
                self.stack[-1].kind = BARRIER  # `(二)一票否决。` over the veto sentence: the list's title, no clause
            self.stack = []
            self.group += 1
            self.veto_group, self.bonus_group = (self.group if lead == kind else None for kind in ("veto", "bonus"))
            self._attach(Node(BARRIER, None, text, p.prov, index), self.root)
            return
        label = g.attachment.match(h)
        if label or g.salutation.match(h.strip()) and marker_at_start(h) is None:  # `二、扣分标准:` is a heading
            self.stack, self.veto_group, self.bonus_group = [], None, None  # an attachment ends a veto or bonus list
            rest = text[label.end():].strip() if label else ""
            if not rest or marker_at_start(halfwidth(rest)) is None and not numbered_inside(rest):
                self._attach(Node(BARRIER, None, text, p.prov, index), self.root)
                return
            # `附件：…细则…1.…(75分)…`: a whole table flattened after the label; read what follows it
            self._attach(Node(BARRIER, None, text[:label.end()], p.prov, index), self.root)
            text, h = rest, halfwidth(rest)
        note = g.note.match(h)
        if note or self._in_note(h):  # a closing note and the numbered notes after it belong to no item
            first = marker_at_start(h[note.end():].lstrip()) if note else None
            self.note_run = (first.kind, 2) if first and first.number == 1 else self.note_run if not note else None
            self._attach(Node(TEXT if note else BARRIER, None, text, p.prov, index), self.root)  # a note scores nothing
            return
        start = self._start_marker(h)
        if start is None and runs_on(self.last_placed, text, index):
            return
        if start is None and self._cell_heading(h, index):
            return
        if start is None and (worth_after_rules(self.last_placed, h, index) or worth_after_name(self.last_placed, h, index)):
            return
        glued = (numbered_rows(text) or tail_valued_rows(text) or glued_rows(text)) if start is None else None
        if glued:  # `(6)1content(2011)2rule`: rows whose 序号 and 分值 are glued to their text
            text, h = glued, halfwidth(glued)
            start = self._start_marker(h)  # `6.content(4分)…`: a run that starts with its row
        rows = flat_rows(text) if start is None else None
        if rows:  # a flattened table's unnumbered rows (`…。5每缺一项扣0.5分。…`): one segment each
            for k, row in enumerate(rows):
                self._segment(None, row, p.prov, index, first=k == 0, last=k == len(rows) - 1)
            return
        if start is not None and g.continuation.search(h) and self._continued(start):
            return  # `三、…（续）`: item 三 goes on after a page break
        pos = start.end if start else 0
        current: Marker | None = start
        for m in self._proven(inline_markers(h, max(pos, 1))):
            if m.kind == "decimal3" and not self._acceptable(m, current):
                m = markers.first_number(m, h)  # `…(30分)2.6.26国际禁毒日…`: item 2, not 2.6.26
            m = row_goes_on(m, current, h)
            if m.start < pos or not (self._acceptable(m, current) or skips_one(m, current, h)):
                continue
            segment = text[pos:m.start]
            if current is not None and m.number == 1 and m.parent_path == current.path:
                segment = glued_points(segment)
            restarts = current is not None and m.kind == current.kind and m.number == 1 and (current.number or 0) > 1
            self._segment(current, segment, p.prov, index, first=current is None and pos == 0, restarts=restarts)
            current, pos = m, m.end
        self._segment(current, text[pos:], p.prov, index, first=current is None and pos == 0, last=True)

    def _in_note(self, h: str) -> bool:
        """The line goes on with the list a note opened (`说明:1、…` then `2、…`), which it then carries on."""
        own = marker_at_start(h) if self.note_run else None
        self.note_run = (own.kind, own.number + 1) if own and (own.kind, own.number) == self.note_run else None
        return self.note_run is not None

    def _segment(self, marker: Marker | None, raw: str, prov: Provenance, index: int, first: bool,
                 last: bool = False, restarts: bool = False) -> None:
        raw = raw.strip()
        if marker is None:
            if not raw:
                return
            headings = chain_headings(raw, document_start=index == 0 and first)
            if headings is not None:
                title, names = headings
                if title:
                    self._attach(Node(TITLE, None, title, prov, index), self.root)
                for kind, name in names:
                    self._place(Node(HEADING if kind == "heading" else TEXT, None, name, prov, index))
                return
            if first and not last and (self._row_heading(raw, prov, index) or self._headed_row(raw, prov, index)):
                return
            if first and not last and header_then_worth(raw):
                self._attach(Node(TITLE, None, raw, prov, index), self.root)
                return
            kind = TITLE if index == 0 and first and not last else TEXT
            if index == 0 and first and last and not read_points(raw).points:
                kind = TITLE
            node = Node(kind, None, raw, prov, index)
            if kind == TITLE:
                self._attach(node, self.root)
            else:
                self._place(node)
            return
        headed = header_then_row(raw) if not last else None
        if headed:  # `二、考核标准` + a flattened table's header + its first group `基础管理10分`, its rows next
            self._place(Node(marker.kind, marker, headed[0], prov, index))
            self._place(Node(HEADING, None, headed[1], prov, index))
            return
        led = heading_then_part(raw) or leading_unit_heading(raw)
        row = None if led else heading_then_first_row(raw, marker.kind)  # `二、依法执业1从业人员…`: its first row
        if led or row:  # `(一)、班子建设(16分)文件资料(6分),…`, `(一)…社区考核方法1交通…`: the heading, then loose text
            self._place(Node(marker.kind, marker, (led or row)[0], prov, index))
            rest = Node(TEXT, None, led[1], prov, index) if led else Node(GLUED, Marker(GLUED, 1, "1", 0, 1), row[1], prov, index)
            self._place(rest)
            return
        body, heading = trailing_heading(raw, restarts) if not last else (raw, None)
        node = Node(marker.kind, marker, body, prov, index)
        self._place(node)
        entry = part_after_entry(body) if not heading and not node.folded and checklist_entry(node) else None
        if entry:  # `3、有联系人(…)。设岗定责档案(2分),…`: a checklist's entry, then the next part beside the one before
            node.raw, node._reading = entry[0], None
            del self.stack[self.stack.index(node):]
            self._place(Node(TEXT, None, entry[1], prov, index))
        if heading:
            self._place(heading_node(heading, prov, index))

    def _row_heading(self, raw: str, prov: Provenance, index: int) -> bool:
        """A flattened row's `名称N分` before its first clause is a heading with points; a bare
        `N名称` paragraph just above it is the row's number and the start of that name."""
        prev = self.last_placed
        previous = prev.raw if prev is not None and prev.kind == TEXT and prev.paragraph == index - 1 else None
        found = row_heading(raw, previous)
        if found is None:
            return False
        name, joined = found
        if joined and prev is not None and prev.parent is not None:
            prev.parent.children.remove(prev)
        self._place(Node(HEADING, None, name, prov, index))
        return True

    def _cell_heading(self, h: str, index: int) -> bool:
        """A form written one cell per line: a group's name (perhaps wrapped over two lines) and then its
        points alone on a line (`主动争取…源头` / `参与` / `8分`): a heading with points, not loose text."""
        bare = BARE_POINTS.match(h)
        lines = cell_name_lines(self.last_placed, index) if bare else None
        if not lines:
            return False
        for node in lines:
            lines[0].parent.children.remove(node)
        name = "".join(n.raw.strip() for n in lines)
        self._place(Node(HEADING, None, f"{name}({bare['n']}分)", lines[0].prov, lines[0].paragraph))
        return True

    def _headed_row(self, raw: str, prov: Provenance, index: int) -> bool:
        """`…细则分类检查验收内容分值评估标准实得分康复工作15分` before its first clause: a title, a flattened
        table's header, then the first group's `名称N分`."""
        split = strip_header_run(raw)
        found = row_heading(split[1].strip(), None) if split else None
        if found is None:
            return False
        if split[0].strip():
            self._attach(Node(TITLE, None, split[0].strip(), prov, index), self.root)
        self._place(Node(HEADING, None, found[0], prov, index))
        return True

    def _start_marker(self, h: str) -> Marker | None:
        """The line's marker. `2.6.26国际禁毒日…` where no item 2.6 is open is item 2 whose text starts
        with a date: a three-part decimal number is a marker only under its open parent, else the
        shorter reading holds when it continues the numbering."""
        start = marker_at_start(h)
        if start is None or start.kind != "decimal3" or self._decimal_follows(start, None):
            return start
        shorter = markers.first_number(start, h)
        return shorter if self._continues(shorter) else start

    def _proven(self, markers: list[Marker]) -> list[Marker]:
        """A number glued to its text (`。2各村…`, an OCR `L` for 1) is an item's only where the sequence
        proves it: the glued number one more follows it, one less precedes it, or it continues its level."""
        numbers = [(m.number, m.start) for m in markers if m.kind == GLUED]
        return [m for m in markers if m.kind != GLUED or self._continues(m) or any(
            (n == m.number + 1 and at > m.start) or (n == m.number - 1 and at < m.start) for n, at in numbers)]

    def _continues(self, m: Marker) -> bool:
        """Whether ``m`` is the next number of an open level or of its kind's last item."""
        if m.number is None:
            return False
        levels = self._levels(m.kind)
        return (any(self.stack[i].number is not None and self.stack[i].number + 1 == m.number for i in levels)
                or m.number == self.last_seen.get(m.kind, -9) + 1)

    def _continued(self, m: Marker) -> bool:
        """Whether ``m`` repeats an open item (same kind and number); the stack is cut back to it."""
        for i in reversed(self._levels(m.kind)):
            if self.stack[i].number == m.number:
                del self.stack[i + 1:]
                return True
        return False

    # -- placing -------------------------------------------------------------------------------
    def _levels(self, kind: str) -> list[int]:
        return [i for i, n in enumerate(self.stack) if n.kind == kind]

    def _acceptable(self, m: Marker, pending: Marker | None) -> bool:
        """Whether an inline marker starts an item; ``pending`` is the item being read."""
        if m.number is None:
            return False
        if m.parent_path is not None:
            return self._decimal_follows(m, pending)
        if pending is not None and pending.kind == m.kind and pending.number is not None:
            if pending.number + 1 == m.number:
                return True
        levels = self._levels(m.kind)
        if any(self.stack[i].number is not None and self.stack[i].number + 1 == m.number for i in levels):
            return True
        return m.number == 1 or m.number == self.last_seen.get(m.kind, -9) + 1

    def _decimal_follows(self, m: Marker, pending: Marker | None) -> bool:
        """`1.2.3` inside a line starts an item only where it continues the outline: the next of an
        open `1.2.x`, or the first under an open `1.2`."""
        open_markers = [n.marker for n in self.stack if n.marker is not None]
        if pending is not None:
            open_markers.append(pending)
        for o in open_markers:
            if o.kind == m.kind and o.parent_path == m.parent_path and o.number is not None \
                    and o.number + 1 == m.number:
                return True
            if m.number == 1 and o.path == m.parent_path:
                return True
        return False

    def _attach(self, node: Node, parent: Node) -> None:
        node.parent, node.group = parent, self.group
        parent.children.append(node)

    def _place(self, node: Node) -> None:
        if node.kind == TEXT:
            self._attach(node, self.stack[-1] if self.stack else self.root)
            self.last_placed = node
            return
        if node.kind == HEADING:
            prev = self.last_placed
            if not (prev is not None and prev.kind == HEADING and not prev.children):
                levels = self._levels(HEADING)
                if levels:
                    del self.stack[levels[-1]:]
        elif self._repeats(node):
            return
        else:
            self._place_numbered(node)
        node.vetoed = node.marker is not None and self.group == self.veto_group
        node.listed_bonus = node.marker is not None and self.group == self.bonus_group
        parent = self.stack[-1] if self.stack else self.root
        if node.folded or (parent.folded and parent.kind == node.kind):
            node.folded = True
            owner = parent
            while owner.folded and owner.parent is not None:
                owner = owner.parent
            owner.raw += node.marker.raw + node.raw if node.marker else node.raw
            owner._reading = None
        self._attach(node, parent)
        self.stack.append(node)
        self.last_placed = node
        if node.number is not None:
            self.last_seen[node.kind] = node.number
            if parent.kind == node.kind:
                self.sub_run[node.kind] = node.number

    def _repeats(self, node: Node) -> bool:
        """A heading repeated word for word (a table's group row again on a new page): the open
        item goes on; the stack is cut back to it."""
        for i in reversed(self._levels(node.kind)):
            if self.stack[i].number == node.number and no_space(self.stack[i].raw) == no_space(node.raw):
                del self.stack[i + 1:]
                self.last_placed = self.stack[i]
                return True
        return False

    def _place_numbered(self, node: Node) -> None:
        n = node.number
        levels = self._levels(node.kind)
        for i in reversed(levels):
            if self.stack[i].number is not None and n is not None and self.stack[i].number + 1 == n:
                node.folded = self.stack[i].folded
                del self.stack[i:]
                return
        if levels and n == 1:
            if levels[0] == 0 and node.paragraph != self.stack[-1].paragraph:
                self.stack = []  # the top level restarts: a new list
                self.group += 1
                return
            node.folded = node.paragraph == self.stack[-1].paragraph  # a sub-list inside one item
            return
        if levels and n is not None and n > 1 and n == self.sub_run.get(node.kind, -9) + 1 \
                and self.stack[-1].kind == node.kind:
            return  # rules numbered on their own run across the rows (`1.` item, `1.`–`3.`, `2.` item, `4.`): the item's
        if levels:
            node.folded = self.stack[levels[-1]].folded
            del self.stack[levels[-1]:]  # a slip in the numbering: still a sibling
        elif n is not None and n > 1:
            close_lower(self.stack, node.kind)


def build_outline(paragraphs: list[Paragraph]) -> Node:
    builder = OutlineBuilder()
    for p in join_site_chunks(paragraphs):
        builder.feed(p)
    unscore_restatements(builder.root)  # `3、计分办法。该项目满分为N分…`: its heading's points, not its own
    lift_row_cells(builder.root)  # a flattened table's category cell that came out among its rows
    drop_glued_column(builder.root)  # `…减0.2分。组织人事处、CRP2…`: a last column's cells glued after the rows
    read_rule_column(builder.root)  # `内部利润` / `10分` / `1、…` under a header naming a rule column
    return builder.root
