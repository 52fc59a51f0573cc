"""The page a .docx paragraph or table row stands on, as Word shows it, from Word's own marks.

Word records where its last layout broke the pages (`w:lastRenderedPageBreak`); the author's own
breaks are `w:br w:type="page"`, `w:pageBreakBefore` and section breaks that start a new page.
Where Word's rendered marks are present, every page is known: the marks and the author's breaks
together, a rendered mark right after an author's break being that same break. Where only the
author's breaks are (a file no paginating program saved: python-docx, converters), a page is
known only while each stretch between breaks surely fits one page, on a deliberately generous
estimate of the lines it takes; past the first stretch that may not, pages are unknown (None).
"""
from __future__ import annotations

from dataclasses import dataclass
from math import ceil

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC, T = W + "p", W + "tbl", W + "tr", W + "tc", W + "t"
BR, RENDERED = W + "br", W + "lastRenderedPageBreak"
PAGE_BREAK_BEFORE, SECT_PR, PPR = W + "pageBreakBefore", W + "sectPr", W + "pPr"
NEW_PAGE_SECTIONS = {"nextPage", "oddPage", "evenPage"}  # `continuous`, `nextColumn`: same page
# A page surely holds this many lines of this many characters (公文: 22 lines of 28 characters;
# body text in smaller fonts holds more); a table cell is narrow, a line in it holds few.
LINES_PER_PAGE = 18
CHARS_PER_LINE = 24
CHARS_PER_CELL_LINE = 6


@dataclass
class _Pager:
    page: int = 1
    has_text: bool = False  # the current page holds text
    after_break: bool = False  # an author's break opened this page and no text followed yet
    rendered: bool = False  # the file carries Word's rendered marks
    lines: float = 0.0  # estimated lines on the current page (without rendered marks)
    sure: bool = True  # every page so far surely fits (without rendered marks)
    chars: int = 0  # characters of the paragraph being read

    def new_page(self, by_author: bool) -> None:
        self.page += 1
        self.has_text, self.after_break, self.lines = False, by_author, 0.0

    def author_break(self) -> None:
        self.new_page(by_author=True)

    def rendered_break(self) -> None:
        self.rendered = True
        if self.after_break:  # Word marks the top of the page an author's break began: one break
            self.after_break = False
        else:
            self.new_page(by_author=False)

    def paragraph_end(self, in_cell: bool) -> None:
        self.lines += max(1, ceil(self.chars / (CHARS_PER_CELL_LINE if in_cell else CHARS_PER_LINE)))
        if self.lines > LINES_PER_PAGE:
            self.sure = False

    def section_break(self, kind: str) -> None:
        if kind not in NEW_PAGE_SECTIONS:
            return
        self.author_break()
        if (kind == "oddPage" and self.page % 2 == 0) or (kind == "evenPage" and self.page % 2 == 1):
            self.page += 1  # Word leaves a blank page to start on the side asked for


def page_map(body) -> dict:
    """Each body paragraph and each row of a body table (the elements) → its page, or None.
    A file without any page mark gives no pages."""
    starts = _section_starts(body)
    if not _has_marks(body, starts):
        return {}
    pager = _Pager()
    # With Word's rendered marks every page is known and the line estimate is never read: skip it.
    estimate = next(body.iter(RENDERED), None) is None
    shadowed = _shadowed_marks(body)
    breaks_before = _first_under_ppr(body, PAGE_BREAK_BEFORE)
    sections = _first_under_ppr(body, SECT_PR)
    places: dict = {}  # element → [where it starts, where its text starts]: (page, surely placed)
    paragraph = place_entry = None
    in_cell = False
    # Start tags only, in document order (a paragraph ends where the next paragraph or row starts).
    for el in body.iter(P, TR, T, BR, RENDERED):
        tag = el.tag
        if tag == T:
            text = el.text
            if text:
                pager.has_text, pager.after_break = True, False  # the page holds text (once per run of text: inline)
                if estimate:
                    pager.chars += len(text)
                if place_entry is not None and place_entry[1] is None:
                    place_entry[1] = (pager.page, pager.sure)
        elif tag == P or tag == TR:
            if paragraph is not None:
                _end(pager, paragraph, in_cell, sections, starts, estimate)
                paragraph = None
            parent = el.getparent()
            if tag == P:
                paragraph = el
                in_cell = parent is not body and next(el.iterancestors(TC), None) is not None
                pager.chars = 0
                before = breaks_before.get(el)
                if before is not None and _on(before) and pager.has_text:
                    pager.author_break()
                is_place = parent is body
            else:
                is_place = parent is not None and parent.tag == TBL and parent.getparent() is body
            if is_place:
                place_entry = places[el] = [(pager.page, pager.sure), None]
        elif tag == BR:
            if el.get(W + "type") == "page":
                pager.author_break()
        elif el not in shadowed:
            pager.rendered_break()
    if paragraph is not None:
        _end(pager, paragraph, in_cell, sections, starts, estimate)
    found = {}
    for el, (start, text) in places.items():
        page, sure = text or start  # a paragraph stands where its text starts (a break may come first)
        found[el] = page if pager.rendered or sure else None
    return found


def _end(pager: _Pager, paragraph, in_cell: bool, sections: dict, starts: dict, estimate: bool = True) -> None:
    if estimate:
        pager.paragraph_end(in_cell)
    sect = sections.get(paragraph)
    if sect is not None:
        pager.section_break(starts.get(sect, "nextPage"))


def _first_under_ppr(body, tag: str) -> dict:
    """Paragraph → its first `w:pPr/<tag>` (what ``paragraph.find("w:pPr/<tag>")`` returns), for
    the few paragraphs that have one: found in one pass instead of a lookup per paragraph."""
    first: dict = {}
    for el in body.iter(tag):
        ppr = el.getparent()
        p = ppr.getparent() if ppr is not None and ppr.tag == PPR else None
        if p is not None and p.tag == P and p not in first:
            first[p] = el
    return first


def _section_starts(body) -> dict:
    """Each section break (a paragraph's `w:sectPr`, ending a section) → how the next section
    starts: its own `w:type` says so (nextPage when absent), in the next `w:sectPr` in the body."""
    sects = list(body.iter(SECT_PR))
    starts = {}
    for ending, following in zip(sects, sects[1:]):
        kind = following.find(W + "type")
        starts[ending] = kind.get(W + "val", "nextPage") if kind is not None else "nextPage"
    return starts


def _shadowed_marks(body) -> set:
    """Where a table row crosses a page, each of its cells may carry Word's mark for that one page
    boundary: only the cell with the most marks (the first such) counts."""
    shadowed: set = set()
    for tr in body.iter(TR):
        marks = [list(tc.iter(RENDERED)) for tc in tr.iterchildren(TC)]
        if sum(1 for m in marks if m) > 1:
            lead = max(range(len(marks)), key=lambda i: len(marks[i]))
            shadowed.update(mark for i, m in enumerate(marks) if i != lead for mark in m)
    return shadowed


def _has_marks(body, starts: dict) -> bool:
    if any(kind in NEW_PAGE_SECTIONS for kind in starts.values()):
        return True
    for el in body.iter(BR, RENDERED, PAGE_BREAK_BEFORE):
        if el.tag == RENDERED or (el.tag == BR and el.get(W + "type") == "page"):
            return True
        if el.tag == PAGE_BREAK_BEFORE and _on(el):
            return True
    return False


def _on(el) -> bool:
    return (el.get(W + "val") or "true") not in ("0", "false", "off")
