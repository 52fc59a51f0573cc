"""The spaces of a PDF line as its text held them, from the gaps pdfium measured.

pdfium gives one space for any gap between two characters: the gap an office suite sets where Chinese meets a figure
(autospace, `2014 年`: no space in the text), a space the text held (`指标名称 单位`), a run of them (web text running
items together: `（12分）  1、…`; LibreOffice writes the run as one space glyph and a move), and now and then a space
glyph drawn elsewhere on the line with no gap at all (`建设 (17分)`). Web text pasted into Word parts its cells and items
by exactly those spaces, so a line's spaces are read again from the gap between the characters either side: none, one,
or a run (``RUN``). Only the spaces are looked at, two character boxes each: a line without one costs nothing.

A space where a line wrapped is not in pdfium's text at all: LibreOffice draws it as a text object of no width at the
line's end (`…布置图。` / `2分 未绘制…`: one cell ended there). ``space_ends`` finds those once a page; a line ending
where one stands ends on a space."""
from __future__ import annotations

import ctypes
import unicodedata

import pypdfium2.raw as pdfium_c

from parsers.readers import pdfium_bare as bare
from parsers.readers.pdf_layout import LAYOUT

# A run of spaces as a measured line gives it: a mark no other text holds (pdfium's own spaces are single), kept as
# two spaces by the paragraph reader (`pdf_paragraphs._spaces_kept`), where a run parts items as in a .docx.
RUN = " \u3000"
# A space the text held between a line's leading number and a Chinese character (`33 新培育…`: a number cell beside its
# name), which the paragraph reader would otherwise take for autospace and close up; read as a space there.
NUMBER_SPACE = "\u2005"


def gap_spaces(gap: float, size: float, before: str, after: str) -> str:
    """The spaces a gap of ``gap`` points between ``before`` and ``after`` (a font of ``size``) stands for."""
    if gap < LAYOUT.no_space_gap * size:
        return ""  # the space glyph pdfium placed is not between them
    if gap < LAYOUT.autospace_gap * size and _script_change(before, after):
        return ""  # autospace where Chinese meets a figure or a letter: the text held none
    return RUN if gap >= LAYOUT.space_run_gap * size else " "


def measured_spaces(raw: str, start: int, size: float, right_of, left_of) -> str:
    """``raw`` (pdfium's line, its first character the page's character ``start``), stripped, with each space read
    again from the gap around it: ``right_of(k)`` and ``left_of(k)`` give character k's box edges."""
    text = raw.strip()
    if " " not in text or size <= 0:
        return text
    offset = start + len(raw) - len(raw.lstrip())
    out: list[str] = []
    k, n = 0, len(text)
    while k < n:
        if text[k] != " ":
            out.append(text[k])
            k += 1
            continue
        j = k
        while j < n and text[j] == " ":
            j += 1
        spaces = gap_spaces(left_of(offset + j) - right_of(offset + k - 1), size, text[k - 1], text[j])
        out.append(NUMBER_SPACE if spaces == " " and k <= 3 and text[:k].isdigit() else spaces)
        k = j
    return "".join(out)


def reordered_spaces(raw: str, start: int, order: list[int], size: float, handle) -> str:
    """A line whose characters pdfium gave out of reading order (``order``: their positions in ``raw``, left to
    right), its spaces set from the gaps between the characters (pdfium's own spaces beside the moved ones stand
    anywhere). Rare lines (quotes, signs in a fallback font), already read a character at a time."""
    rect = pdfium_c.FS_RECTF()
    at = ctypes.byref(rect)
    out: list[str] = []
    before, right = "", 0.0
    for k in order:
        ch = raw[k]
        if ch == " ":
            continue
        bare.char_box(handle, start + k, at)
        if before:
            out.append(gap_spaces(rect.left - right, size, before, ch))
        out.append(ch)
        before, right = ch, rect.right
    return "".join(out)


def line_spaces(raw: str, start: int, size: float, handle) -> str:
    """``measured_spaces`` over a pdfium text page (``handle``: ``pdfium_bare.handle``)."""
    rect = pdfium_c.FS_RECTF()
    at = ctypes.byref(rect)

    def right_of(k: int) -> float:
        bare.char_box(handle, k, at)
        return rect.right

    def left_of(k: int) -> float:
        bare.char_box(handle, k, at)
        return rect.left

    return measured_spaces(raw, start, size, right_of, left_of)


def space_ends(page, height: float) -> dict[int, list[float]]:
    """Where the page draws a text object of no width (a space glyph, which pdfium's text leaves out at a line's
    end): its x rounded → the distances from the page's top of its baselines. One pass over the page's objects."""
    raw = page.raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    at = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    ends: dict[int, list[float]] = {}
    text_type = pdfium_c.FPDF_PAGEOBJ_TEXT
    for k in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != text_type or not pdfium_c.FPDFPageObj_GetBounds(obj, *at):
            continue
        if right.value - left.value < LAYOUT.space_object_width:
            ends.setdefault(round(left.value), []).append(height - bottom.value)
    return ends


def ends_on_space(ends: dict[int, list[float]], right: float, top: float, size: float) -> bool:
    """A line ending at ``right`` (its top ``top`` from the page's top) has a space object at its end."""
    spots = ends.get(round(right))
    return spots is not None and any(top < y <= top + LAYOUT.space_object_depth * size for y in spots)


def _script_change(before: str, after: str) -> bool:
    return _wide(before) != _wide(after) and (before.isalnum() or after.isalnum())


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"
