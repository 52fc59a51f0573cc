"""Line-level tests the outline builder asks of a paragraph before it places its items: whether an
attachment starts inside it, whether a skipped number still starts an item, whether the line runs on
into numbered items, whether it is a part's own title (`安全生产考核细则` between two lists)."""
from __future__ import annotations

from dataclasses import replace

import regex

from parsers.extract.grammar import grammar
from parsers.extract.markers import Marker, inline_markers, marker_at_start
from parsers.extract.outline_node import HEADING, TEXT, Node
from parsers.extract.points import read_points
from parsers.textnorm import halfwidth, matching_copy, no_space

GLUED = "arabic_glued"  # a number glued to its item's text (outline_markers.json)


def attachment_inside(text: str) -> int:
    """Where an attachment's label stands inside a line, when numbered items with points follow it."""
    pattern = grammar().attachment_inside
    if pattern is None or "件" not in text:
        return 0
    m = pattern.search(halfwidth(text), 1)
    return m.start() if m and numbered_inside(text[m.end():]) else 0


SENTENCE_END = ("。", "；", ";")


def skips_one(m: Marker, pending: Marker | None, h: str) -> bool:
    """`…扣完该项分值。4.大面积双季稻生产,满分8分。` after item 2: a number skipped in a flattened line
    still starts the next item where a sentence ends before it and its own sentence carries points."""
    if pending is None or pending.kind != m.kind or pending.number is None or m.number != pending.number + 2:
        return False
    if not h[:m.start].rstrip().endswith(SENTENCE_END):
        return False
    end = h.find("。", m.end)
    return read_points(h[m.end:end if end > 0 else len(h)]).points is not None


ROW = "arabic_row"
ROW_GOES_ON = ("arabic_dot", "arabic_comma")  # a list whose first row kept its dot (`1.工作纪律1分:`)


def row_goes_on(m: Marker, pending: Marker | None, h: str) -> Marker:
    """`1.工作纪律1分:…CRP2院级会议1分:…`: a row number glued to its name continues the list its first row
    opened with `1.` or `1、`: the same kind of item (not where a marker follows it: `…。4二、…` is a worth)."""
    if (m.kind == ROW and pending is not None and pending.kind in ROW_GOES_ON and pending.number is not None
            and m.number == pending.number + 1 and marker_at_start(h[m.end:]) is None):
        return replace(m, kind=pending.kind)
    return m


def numbered_inside(text: str) -> bool:
    """Whether a line goes on into numbered items with points (a flattened document): the line reads points, or
    its first item does (`1.工作纪律1分:…` in a line whose deduction rules read as a rule, not a worth)."""
    h = halfwidth(text)
    markers = [m for m in inline_markers(h) if m.kind != GLUED]  # a glued number proves nothing alone
    if len(markers) < 2:
        return False
    return read_points(text).points is not None or read_points(h[markers[0].end:markers[1].start]).points is not None




def part_title(h: str) -> bool:
    """`安全生产考核细则` alone on its line after another part's items (`护林防火工作考核细则` 1.–5.): the title
    of the next part, whose list starts over; not a heading of the item above. A class of unit with a
    topic word (`乡镇考核细则`) is a unit's heading instead (outline_parts)."""
    g = grammar()
    name = matching_copy(no_space(h))
    return bool(g.part_title.fullmatch(name)) and not g.unit_heading.match(name)


def veto_lead(h: str) -> bool:
    """`出现下列情况之一的,予以“一票否决”,…:` after a list's items: the conditions listed next are the list's
    veto items (no points, outside the sums), not sub-items of the item above."""
    return bool(grammar().veto_lead.match(matching_copy(no_space(h))))


def lead_rule(h: str) -> str | None:
    """What a lead line puts the items after it under: `veto` (a veto sentence), `bonus` (`加分项目:`), or None."""
    g, name = grammar(), matching_copy(no_space(h))
    return "veto" if g.veto_lead.match(name) else "bonus" if g.bonus_lead.match(name) else None


LEAD_LABEL = regex.compile(r"^[^。；;:：]{2,20}[:：]")


def lead_label_end(text: str) -> int:
    """`实行一票否决项目:1.…;2.…`: where a lead label ends when its items follow it on the same line (0 if none)."""
    m = LEAD_LABEL.match(text)
    if m is None or marker_at_start(halfwidth(text)) is not None or lead_rule(m.group()) is None:
        return 0
    return m.end() if marker_at_start(halfwidth(text[m.end():].lstrip())) is not None else 0


MAX_TITLE = 12
TITLE_PUNCT = regex.compile(r"[,，;；、:：!！?？]")


def list_title(node) -> bool:
    """A numbered item that only names the list a veto sentence then opens (`(二)一票否决。`): no children, no
    points, a short name."""
    name = no_space(node.raw).rstrip("。.:：")
    return (node.marker is not None and not node.children and node.reading.points is None
            and 0 < len(name) <= MAX_TITLE and not TITLE_PUNCT.search(name))


def checklist_entry(node) -> bool:
    """An entry of a scored part's checklist: numbered, after an unnumbered scored part under the same heading."""
    parent = node.parent
    return parent is not None and parent.marker is not None and any(
        c.kind == TEXT and c.scored for c in parent.children if c is not node)


def heading_node(heading: str, prov, index: int):
    """A heading glued after an item's points: numbered (`二、保障机制(16分)`), its marker places it."""
    marker = marker_at_start(halfwidth(heading))
    if marker is None or marker.number is None:
        return Node(HEADING, None, heading, prov, index)
    return Node(marker.kind, marker, heading[marker.end:].strip(), prov, index)


def close_lower(stack: list, kind: str) -> None:
    """`二、` first seen after item `6、` (its `一、` lost): a part of a higher rank in the norm cannot
    be a sub-item of a lower one; the items it outranks are closed (cut from the open ``stack``)."""
    rank = dict(grammar().norm_levels)
    mine = rank.get(kind)
    if mine is None:
        return
    for i, open_node in enumerate(stack):
        if open_node.marker is not None and rank.get(open_node.kind, -1) > mine:
            del stack[i:]
            return
