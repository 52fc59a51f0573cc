"""A box the OCR detector ran over two lines of text, read again.

The detector sees a page shrunk to 960 px: in a narrow table cell two short lines set one over the other (`一、19` /
`分)`) may come out as one box as tall as both, which the recogniser reads as one character (`分`), the other
line's characters lost, and the box's neighbour on the first line (`19`) then stands beside it in the wrong order
(`分19`). Such a box is at least ``STACKED_HEIGHT`` of the page's typical box tall and its ink parts into bands of
lines by white rows. The box and the boxes beside it on its lines are read again from the page at full size, the
rules crossing that crop whitened, and replace the old boxes where the new reading gives more than one line.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
from PIL import Image, ImageOps

DARK = 128  # grey level below which a pixel is ink
STACKED_HEIGHT = 1.4  # of the page's median box height: a box this tall may hold two lines
INK_EXTENT = 0.85  # of the median box height: ink running this far down a box is more than one line's characters
MIN_BOXES = 5  # boxes on the page before its typical height is known
BAND = 0.25  # of the typical height: ink above and below a white gap at least this tall: two lines, not one
NEIGHBOUR_GAP = 1.0  # typical heights: a box this close beside the tall one is read again with it
RULE_FILL = 0.8  # share of a crop's row (column) inked: a table rule crossing it, whitened
ENLARGE = 2
MARGIN = 0.5  # typical heights of white around the crop: the detector wants room around the text


def unstacked(pieces: list, image: Image.Image, unit: float, threads: int, half: frozenset[str] = frozenset(), *,
              read_page: Callable) -> list:
    """``pieces`` (OcrLines in caller units, ``unit`` per pixel of ``image``) with each box holding two
    stacked lines and its neighbours replaced by their reading at full size (by ``read_page``, ocr.ocr_image: passed
    in, so that this module, which ocr imports, imports nothing of it)."""
    if len(pieces) < MIN_BOXES:
        return pieces
    typical = float(np.median([p.bottom - p.top for p in pieces]))
    tall = [p for p in pieces if p.bottom - p.top > STACKED_HEIGHT * typical]
    if not tall:
        return pieces
    grey = np.asarray(image.convert("L"))
    done: set[int] = set()
    for box in tall:
        if id(box) in done or not _banded(grey, box, unit, typical):
            continue
        group = [p for p in pieces if id(p) not in done and _beside(box, p, typical)]
        others = [p for p in pieces if all(p is not g for g in group)]
        lines = _read_again(grey, group, others, unit, typical, threads, half, read_page)
        if len(lines) < 2:
            continue
        done.update(id(p) for p in group)
        pieces = [p for p in pieces if all(p is not g for g in group)] + lines
    return pieces


def _banded(grey: np.ndarray, box, unit: float, typical: float) -> bool:
    """The box's ink (rules crossing it left out) runs over about a box's height, where one line's characters
    take about half of it, and parts by white rows into parts each at least ``BAND`` of a box tall (`一、` over
    `分)`: the stroke of `一` and the `、` are thin, so the part above the gap is measured whole)."""
    x0, top, x1, bottom = (int(round(v / unit)) for v in (box.x0, box.top, box.x1, box.bottom))
    rows = np.nonzero(_without_rules(grey[max(top, 0):bottom, max(x0, 0):x1] < DARK).any(axis=1))[0]
    if len(rows) < 2 or rows[-1] - rows[0] < INK_EXTENT * typical / unit:
        return False
    least = BAND * typical / unit
    return any(after - rows[0] >= least and rows[-1] - before >= least
               for before, after in zip(rows, rows[1:]) if after - before > 1)


def _without_rules(ink: np.ndarray) -> np.ndarray:
    """``ink`` with its rows and columns inked almost end to end (a table's rules crossing a crop) left white."""
    ink = ink.copy()
    if ink.size:
        ink[ink.mean(axis=1) > RULE_FILL, :] = False
        ink[:, ink.mean(axis=0) > RULE_FILL] = False
    return ink


def _beside(box, other, typical: float) -> bool:
    """``other`` is the box itself or stands beside it within its height."""
    if other is box:
        return True
    inside = other.top >= box.top - 0.2 * typical and other.bottom <= box.bottom + 0.2 * typical
    gap = max(other.x0 - box.x1, box.x0 - other.x1)
    return inside and gap < NEIGHBOUR_GAP * typical


def _read_again(grey: np.ndarray, group: list, others: list, unit: float, typical: float, threads: int,
                half: frozenset[str], read_page: Callable) -> list:
    x0, top = min(p.x0 for p in group) / unit, min(p.top for p in group) / unit
    x1, bottom = max(p.x1 for p in group) / unit, max(p.bottom for p in group) / unit
    box = (max(int(x0), 0), max(int(top), 0), min(int(x1) + 1, grey.shape[1]), min(int(bottom) + 1, grey.shape[0]))
    ink = grey[box[1]:box[3], box[0]:box[2]] < DARK
    crop = grey[box[1]:box[3], box[0]:box[2]].copy()
    crop[ink & ~_without_rules(ink)] = 255
    for other in others:  # a box of a dense cell's next line reaching into the crop is read once, as it was
        rows = slice(max(int(other.top / unit) - box[1], 0), max(int(other.bottom / unit) + 1 - box[1], 0))
        crop[rows, max(int(other.x0 / unit) - box[0], 0):max(int(other.x1 / unit) + 1 - box[0], 0)] = 255
    margin = max(1, int(MARGIN * typical / unit))
    padded = ImageOps.expand(Image.fromarray(crop), margin, fill=255)
    # Twice the size: the detector parts the lines it ran together at the page's size.
    padded = padded.resize((padded.width * ENLARGE, padded.height * ENLARGE), Image.LANCZOS)
    found = read_page(padded, threads, scale=unit / ENLARGE, restack=False, half=half)
    dx, dy = box[0] * unit - margin * unit, box[1] * unit - margin * unit
    return [replace(part, x0=part.x0 + dx, x1=part.x1 + dx, top=part.top + dy, bottom=part.bottom + dy,
                    starts=tuple(s + dx for s in part.starts), parts=())
            for line in found for part in (line.parts or (line,))]


LOST_REACH = 2.5  # typical heights left of a box searched for characters no box holds
LOST_NEAR = 1.0  # typical heights: that ink ends this close to the box (the start of its line)
LOST_MIN_INK = 0.25  # typical heights of inked columns: a character, not a speck
LOST_CHAR = 0.4  # typical heights: the narrowest character's advance (`、`, `1`), to bound what lost ink holds
LOST_CONFIDENCE = 0.8  # the recogniser's confidence in the line read with its lost start
LOST_INSET = 0.2  # of the box's height kept off its top and bottom: the lines above and below reach into it


def with_lost_starts(pieces: list, image: Image.Image, unit: float, threads: int,
                     half: frozenset[str] = frozenset(), *, read_line: Callable) -> list:
    """``pieces`` with a line's first characters the detector left out read again. A thin `一` and a `、` at a
    line's start (`一、19` in a narrow cell) are missed on a page shrunk to 960 px, the box starting at `19`: ink
    just left of a box, on its line, that no box holds is read again with the box, at twice the size, and kept
    where the new reading ends with the box's text."""
    if len(pieces) < MIN_BOXES:
        return pieces
    typical = float(np.median([p.bottom - p.top for p in pieces]))
    grey = np.asarray(image.convert("L"))
    out = list(pieces)
    for box in pieces:
        start = _lost_ink(grey, box, pieces, unit, typical)
        if start is None:
            continue
        text, confidence = _read_line(grey, box, start, unit, typical, threads, half, read_line)
        lost = text[: len(text) - len(box.text)]
        room = (box.x0 / unit - start) / (LOST_CHAR * typical / unit)  # the characters the lost ink can hold
        if lost and text.endswith(box.text) and len(lost) <= room + 1 and confidence >= LOST_CONFIDENCE \
                and not _repeats(lost, box, pieces, LOST_REACH * typical):
            out = [replace(p, text=text, x0=start * unit, starts=(), confidence=min(p.confidence, confidence))
                   if p is box else p for p in out]
    return out


def _repeats(lost: str, box, pieces: list, reach: float) -> bool:
    """The characters read as lost end a box just before ``box`` on its line: its ink, read twice."""
    return any(p is not box and box.x0 - reach < p.x1 <= box.x0 + 1 and min(p.bottom, box.bottom) - max(p.top, box.top)
               > 0.5 * min(p.bottom - p.top, box.bottom - box.top) and p.text.endswith(lost[-1]) for p in pieces)


def _read_line(grey: np.ndarray, box, start: int, unit: float, typical: float, threads: int,
               half: frozenset[str], read_line: Callable) -> tuple[str, float]:
    """The box's line read from ``start`` (px) by the recogniser alone (``read_line``, ocr.read_line), the rules
    crossing it whitened."""
    area = (slice(max(int(box.top / unit), 0), int(box.bottom / unit) + 1), slice(start, int(box.x1 / unit) + 1))
    crop = grey[area].copy()
    ink = crop < DARK
    crop[ink & ~_without_rules(ink)] = 255
    margin = max(1, int(MARGIN * typical / unit))
    return read_line(ImageOps.expand(Image.fromarray(crop), margin, fill=255), threads, half)


def _lost_ink(grey: np.ndarray, box, pieces: list, unit: float, typical: float) -> int | None:
    """Where ink no box holds starts (px) left of ``box`` on its line, or None."""
    x0, top, bottom = int(box.x0 / unit), box.top / unit, box.bottom / unit
    inset = LOST_INSET * (bottom - top)
    left = max(0, x0 - int(LOST_REACH * typical / unit))
    first, last = int(top + inset), int(bottom - inset) + 1
    if x0 - left < 2 or last - first < 2:
        return None
    ink = _without_rules(grey[first:last, left:x0] < DARK)
    if ink.any(axis=0).sum() < LOST_MIN_INK * typical / unit:
        return None
    for other in pieces:  # what other boxes hold (a box of the next line reaching up into this one: its part)
        if other is not box and other.x1 / unit > left and other.x0 / unit < x0 \
                and other.bottom / unit > first and other.top / unit < last:
            ink[max(0, int(other.top / unit) - first):max(0, int(other.bottom / unit) + 1 - first),
                max(0, int(other.x0 / unit) - left):max(0, int(other.x1 / unit) + 1 - left)] = False
    columns = ink.any(axis=0)
    inked = np.nonzero(columns)[0]
    if columns.sum() < LOST_MIN_INK * typical / unit or x0 - left - inked[-1] > LOST_NEAR * typical / unit:
        return None
    return left + int(inked[0])
