"""What a PDF (or scanned, or OFD) page holds once read: its lines with their geometry and its ruled tables, in
the order they stand. A leaf: the readers that make pages (pdf_reader, scan_tables, ofd_reader) and the rules that
assemble them (pdf_paragraphs, pdf_page_tables) import it, it imports none of them."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

# `— 3 —`, `-3-`, `第3页`, `第 3 页 共 9 页`, `3/9`, a bare `3`
PAGE_NUMBER = regex.compile(
    r"^[\s—–\-－~·]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:[/／]\s*(?:共\s*)?\d{1,4}\s*页?|共\s*\d{1,4}\s*页)?[\s—–\-－~·]*$")


@dataclass(slots=True)  # thousands a document: slots make them cheaper to build and read
class _Line:
    text: str
    page: int
    number: int
    x0: float
    x1: float
    top: float  # distance from the top of the page
    size: float
    joined: int = 0  # pieces pdfium gave apart that share this line's baseline
    ocr: bool = False  # read by OCR from the rendered page


@dataclass(slots=True)
class _PageTable:
    rows: list[list[str | None]]
    page: int
    top: float
    number: int


@dataclass
class _Page:
    number: int
    items: list[_Line | _PageTable] = field(default_factory=list)
    width: float = 0.0  # points; 0 where unknown (OCR)


def at_a_page_edge(bbox, lines: list) -> bool:
    """Nothing but a page number below the box (x0, top, x1, bottom) or above it, of the page's ``lines``
    (text-layer or OCR lines: anything with ``top``, ``text`` and a ``bottom`` or a ``size``). A line is above or
    below by its middle: an OCR box reaches a point or two past the rule its text stands under."""
    def alone(side: int) -> bool:
        edge = bbox[3] if side > 0 else bbox[1]
        return not any((_middle(line) - edge) * side > 0 and not PAGE_NUMBER.match(line.text) for line in lines)

    return alone(1) or alone(-1)


def _middle(line) -> float:
    bottom = getattr(line, "bottom", None)
    return (line.top + bottom) / 2 if bottom is not None else line.top + (getattr(line, "size", 0.0) or 0.0) / 2
