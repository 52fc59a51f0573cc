"""The spaces of a PDF line as its text held them, from the gaps pdfium measured.

pdfium gives one space for any gap between two characters: the gap an office suite sets where Chinese meets a figure
(autospace, `2014 年`: no space in the text), a space the text held (`指标名称 单位`), a run of them (web text running
items together: `（12分）  1、…`; LibreOffice writes the run as one space glyph and a move), and now and then a space
glyph drawn elsewhere on the line with no gap at all (`建设 (17分)`). Web text pasted into Word parts its cells and items
by exactly those spaces, so a line's spaces are read again from the gap between the characters either side: none, one,
or a run (``RUN``). Only the spaces are looked at, two character boxes each: a line without one costs nothing.

A space where a line wrapped is not in pdfium's text at all: LibreOffice draws a line's spaces as a text object of
their own, with no ink (no height), its last glyph at the line's end (`…布置图。` / `2分 未绘制…`: one cell ended
there). ``space_ends`` finds those once a page; a line ending where one ends ends on a space."""
from __future__ import annotations

import bisect
import ctypes
import re
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
CLOSE_SET = re.compile(r"[\u3001-\u303f\u4e00-\u9fff\uff01-\uff60]{2}")  # two Chinese characters or marks side by side


def gap_spaces(gap: float, size: float, before: str, after: str) -> str:
    """The spaces a gap of ``gap`` points between ``before`` and ``after`` (a font of ``size``) stands for."""
    if gap >= LAYOUT.autospace_gap * size:
        return RUN if gap >= LAYOUT.space_run_gap * size else " "
    if gap < -LAYOUT.no_space_gap * size:
        return " "  # the next character stands left of this one: pieces pdfium gave out of order, pdfium's space
    if gap < LAYOUT.no_space_gap * size or _script_change(before, after):
        return ""  # no gap: the space glyph pdfium placed is elsewhere; autospace where Chinese meets a figure
    return " "


def line_spaces(raw: str, start: int, size: float, handle, rect=None) -> str:
    """``raw`` (pdfium's line, its first character the page's character ``start``; ``handle``: the text page as
    ``pdfium_bare.handle`` gives it), stripped, with each space or run of them read again from the gap between the
    characters either side: two character boxes a space, the line's other characters untouched."""
    text = raw.strip()
    at = text.find(" ")
    if at < 0 or size <= 0 or _spread(text):
        return text  # (a line spread to the margin: its gaps are the spread, pdfium's spaces mark them)
    rect = rect or pdfium_c.FS_RECTF()
    ref, box = ctypes.byref(rect), bare.char_box
    offset = start + len(raw) - len(raw.lstrip())
    out: list[str] = []
    done = 0
    while at >= 0:
        after = at + 1
        while text[after] == " ":
            after += 1
        box(handle, offset + at - 1, ref)
        right = rect.right
        box(handle, offset + after, ref)
        spaces = gap_spaces(rect.left - right, size, text[at - 1], text[after])
        if spaces == " " and at <= 3 and text[:at].isdigit():
            spaces = NUMBER_SPACE  # a number cell's space, never the autospace the paragraph reader closes
        out += (text[done:at], spaces)
        done = after
        at = text.find(" ", after)
    out.append(text[done:])
    return _runs_kept("".join(out))


def _runs_kept(text: str) -> str:
    """A line's runs stay only where some of its Chinese characters stand close (a line spread to the margin, `分  值`,
    `(1分  )`, parts every character by the spread, no run)."""
    return text if RUN not in text or CLOSE_SET.search(text) else text.replace(RUN, " ")


def reordered_spaces(raw: str, start: int, order: list[int], size: float, handle) -> str:
    """A line whose characters pdfium gave out of reading order (``order``: their positions in ``raw``, left to
    right), its spaces set from the gaps between the characters (pdfium's own spaces beside the moved ones stand
    anywhere). Rare lines (quotes, signs in a fallback font), already read a character at a time."""
    if _spread(raw.strip()):
        return "".join(raw[k] for k in order).strip()
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
    return _runs_kept("".join(out))


_count_objects = bare._bare(pdfium_c.FPDFPage_CountObjects, ctypes.c_int)  # (page)
_object = bare._bare(pdfium_c.FPDFPage_GetObject, ctypes.c_void_p)  # (page, index)
_bounds = bare._bare(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int)  # (object, byref(float) × 4)
_type = bare._bare(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)  # (object)
# Words a space parts (`考核内容 评分细则`): web text, where a page may wrap at a space; a drafter's text has none.
WORD_SPACE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")


# A space no office suite's autospace makes: between two Chinese characters or beside a full-width mark (autospace
# stands only where an ideograph meets a figure or a letter).
TEXT_SPACE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] +[\u4e00-\u9fff]|[\u3000-\u303f\uff00-\uffef] | [\u3000-\u303f\uff00-\uffef]")


def parts_by_spaces(text: str, moved: list[int]) -> bool:
    """Whether the page's text parts its words or items by spaces (web text pasted into Word: `考核内容 评分细则`,
    `（12分）  1、…`), on a line where pdfium moved no character (it leaves a space where it took a quote from: `入库 四上
    企业 “ ”`). Only such pages have their spaces read again from the gaps: a drafter's page holds no space of its own
    but autospace, which the paragraph reader closes up, and measuring its spaces would only cost time."""
    for m in TEXT_SPACE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\r", m.end())
        k = bisect.bisect_left(moved, start)
        if k == len(moved) or moved[k] >= (end if end >= 0 else len(text)):
            return True
    return False


def space_ends(page, height: float, text: str) -> dict[int, list[float]]:
    """Where the page's text objects with no ink (space glyphs, which pdfium's text leaves out at a line's end) end:
    x rounded → the distances from the page's top of their baselines. One pass over the page's objects, on a page
    whose ``text`` parts words by spaces (none else: a drafter's page never wraps between cells)."""
    if WORD_SPACE.search(text) is None:
        return {}
    raw = ctypes.c_void_p(ctypes.cast(page.raw, ctypes.c_void_p).value)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    at = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    ends: dict[int, list[float]] = {}
    text_type, ink = pdfium_c.FPDF_PAGEOBJ_TEXT, LAYOUT.space_object_ink
    for k in range(_count_objects(raw)):
        obj = ctypes.c_void_p(_object(raw, k))
        if _type(obj) != text_type or not _bounds(obj, *at):
            continue
        if top.value - bottom.value < ink:  # no ink: its last space glyph's origin at its right
            ends.setdefault(round(right.value), []).append(height - bottom.value)
    return ends


def ends_on_space(ends: dict[int, list[float]], right: float, top: float, size: float) -> bool:
    """A line ending at ``right`` (its top ``top`` from the page's top) has a space object at its end."""
    spots = ends.get(round(right))
    return spots is not None and any(top < y <= top + LAYOUT.space_object_depth * size for y in spots)


def letter_spaced(text: str) -> bool:
    """Most characters of the line stand apart by a space pdfium put in for a wide gap: a line whose
    characters were spread to fill the width (distributed alignment stretches a paragraph's last line to
    the margin) or a spaced heading (`考 核 细 则`), never a wrapped line of prose."""
    gaps = text.count(" ")
    return gaps >= LAYOUT.spaced_min_gaps and gaps >= LAYOUT.spaced_share * (len(text) - gaps - 1)


def _spread(text: str) -> bool:
    """``letter_spaced``, counting the line's Chinese characters only (about: each is three bytes in UTF-8, a
    figure or a letter one), so a spread line holding a Latin run (`换 算 目 标 (biāo) 权 (quán) 重`) is one too."""
    gaps = text.count(" ")
    wide = (len(text.encode()) - len(text)) // 2
    return gaps >= LAYOUT.spaced_min_gaps and (gaps >= LAYOUT.spaced_share * (wide - 1) or letter_spaced(text))


def _script_change(before: str, after: str) -> bool:
    return _wide(before) != _wide(after) and (before.isalnum() or after.isalnum())


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def ends_on_glyph_space(raw: str, start: int, handle) -> bool:
    """pdfium's line ends on a space glyph set right after its last character (a run of figures or letters with
    its space: `… 8 8 `). A trailing space set elsewhere is one of the line's own spaces pdfium put at its end."""
    end = len(raw.rstrip())
    if end == len(raw) or end == 0:
        return False
    rect = pdfium_c.FS_RECTF()
    bare.char_box(handle, start + end - 1, ctypes.byref(rect))
    right = rect.right
    bare.char_box(handle, start + end, ctypes.byref(rect))
    return abs(rect.left - right) < LAYOUT.no_space_gap * max(rect.top - rect.bottom, 1.0)
