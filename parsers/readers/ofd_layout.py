"""Positioned OFD glyphs → the PDF reader's page lines (in points, top of page = 0), in reading order.

Glyphs sharing a baseline and standing close together form a segment. Segments are put in
reading order by cutting the page recursively (XY-cut): a vertical gap that runs through the
whole region and has a real column (several lines) on each side splits it into columns read
left to right; otherwise the widest horizontal gap splits it top from bottom. Segments left on
one baseline in a region are one line, joined by a space (a signature and its date). Rotated
text whose lines run down the page is read column by column, right to left, as vertical Chinese."""
from __future__ import annotations

from dataclasses import dataclass

from parsers.readers.ofd_tables import find_tables, inside
from parsers.readers.ofd_text import Glyph, PageContent
from parsers.readers.pdf_reader import _Line, _PageTable

MM_TO_PT = 72 / 25.4
SAME_LINE = 0.4  # baselines closer than this many font sizes are one line
SPACE_GAP = 0.5  # a gap wider than this many font sizes reads as a space
SEGMENT_GAP = 1.0  # a gap wider than this many font sizes ends a segment (column gutter, table cell)
COLUMN_LINES = 3  # a column has at least this many lines
ASCENT = 0.85  # the top of a CJK glyph above its baseline, in font sizes
MAX_CUTS = 200  # deeper than this a region is read line by line (bounds recursion on hostile pages)


@dataclass
class _Segment:
    glyphs: list[Glyph]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x

    x = x0

    @property
    def x1(self) -> float:
        return self.glyphs[-1].x + self.glyphs[-1].advance

    @property
    def y(self) -> float:
        return self.glyphs[0].y

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    @property
    def top(self) -> float:
        return min(g.y - ASCENT * g.size for g in self.glyphs)


def page_items(content: PageContent, page: int, box: tuple[float, float]) -> list[_Line | _PageTable]:
    """The page's lines in reading order, with its ruled tables placed where they stand; a
    table's rows count as lines of the page, as in the PDF reader."""
    tables = find_tables(content, box)
    glyphs = [g for g in content.glyphs if not any(inside(g, t) for t in tables)]
    flat = [g for g in glyphs if not g.vertical]
    flat += [_rotate(g, box) for g in glyphs if g.vertical]
    items: list[_Line | _PageTable] = [_make_line(run, page) for run in _reading_order(_segments(flat))]
    for table in sorted(tables, key=lambda t: t.bbox[1]):
        top = table.bbox[1]
        at = next((k for k, it in enumerate(items) if isinstance(it, _Line) and it.top > top), len(items))
        items.insert(at, _PageTable(table.rows, page, top, 0))
    number = 1
    for item in items:
        item.number = number
        number += len(item.rows) if isinstance(item, _PageTable) else 1
    return items


def _rotate(g: Glyph, box: tuple[float, float]) -> Glyph:
    """Turn a vertical line into a horizontal one: columns right to left become rows top to bottom."""
    return Glyph(g.char, g.y, box[0] - g.x, g.size, g.advance, False, g.space_before)


def _baselines(items: list, key=lambda it: it) -> list[list]:
    """Items grouped by baseline, top to bottom."""
    groups: list[list] = []
    for it in sorted(items, key=lambda it: (key(it).y, key(it).x)):
        first = key(groups[-1][0]) if groups else None
        if first is not None and abs(key(it).y - first.y) < SAME_LINE * max(key(it).size, first.size):
            groups[-1].append(it)
        else:
            groups.append([it])
    return groups


def _segments(glyphs: list[Glyph]) -> list[_Segment]:
    out = []
    for run in _baselines(glyphs):
        run.sort(key=lambda g: g.x)
        current = [run[0]]
        for prev, g in zip(run, run[1:]):
            if g.x - (prev.x + prev.advance) > SEGMENT_GAP * max(prev.size, g.size):
                out.append(_Segment(current))
                current = []
            current.append(g)
        out.append(_Segment(current))
    return out


def _reading_order(segments: list[_Segment], depth: int = 0) -> list[list[Glyph]]:
    """Lines (glyph runs) in reading order."""
    if not segments:
        return []
    parts = None
    if depth < MAX_CUTS:
        parts = _vertical_cut(segments) or _horizontal_cut(segments)
    if parts is None:  # one baseline, or overlapping segments: read as lines
        return [[g for seg in sorted(group, key=lambda s: s.x0) for g in seg.glyphs]
                for group in _baselines(segments, key=lambda s: s)]
    return [line for part in parts for line in _reading_order(part, depth + 1)]


def _vertical_cut(segments: list[_Segment]) -> list[list[_Segment]] | None:
    """The leftmost gutter with a column of several lines on each side."""
    ordered = sorted(segments, key=lambda s: s.x0)
    reach = ordered[0].x1
    for k in range(1, len(ordered)):
        if ordered[k].x0 > reach:
            left, right = ordered[:k], ordered[k:]
            if _n_lines(left) >= COLUMN_LINES and _n_lines(right) >= COLUMN_LINES:
                return [left, right]
        reach = max(reach, ordered[k].x1)
    return None


def _horizontal_cut(segments: list[_Segment]) -> list[list[_Segment]] | None:
    """Split at the widest band with no text in it."""
    ordered = sorted(segments, key=lambda s: s.top)
    best, best_gap = None, 0.0
    reach = ordered[0].y
    for k in range(1, len(ordered)):
        gap = ordered[k].top - reach
        if gap > best_gap:
            best, best_gap = k, gap
        reach = max(reach, ordered[k].y)
    if best is None:
        return None
    return [ordered[:best], ordered[best:]]


def _n_lines(segments: list[_Segment]) -> int:
    return len(_baselines(segments, key=lambda s: s))


def _make_line(run: list[Glyph], page: int) -> _Line:
    text = run[0].char
    joined = 0
    for prev, g in zip(run, run[1:]):
        gap = g.x - (prev.x + prev.advance)
        if g.space_before or gap > SPACE_GAP * max(prev.size, g.size):
            text += " "
            joined += gap > SEGMENT_GAP * max(prev.size, g.size)
        text += g.char
    size = max(g.size for g in run)
    last = run[-1]
    top = min(g.y - ASCENT * g.size for g in run)
    line = _Line(text, page, 0, run[0].x * MM_TO_PT, (last.x + last.advance) * MM_TO_PT, top * MM_TO_PT,
                 size * MM_TO_PT)
    line.joined = joined
    return line
