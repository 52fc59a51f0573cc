"""A small OFD writer for tests: paragraphs laid out as GB/T 9704 sets a notice (16 pt, 28
characters a line, first-line indent of two characters, centred headings, page numbers)."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"
SIZE = 5.6  # mm: 16 pt
LEFT, WIDTH = 28.0, 156.0
FIRST_BASELINE, PITCH, LAST_BASELINE = 42.0, 10.0, 255.0


@dataclass
class Para:
    text: str
    centered: bool = False


def _width(ch: str) -> float:
    return SIZE / 2 if ch.isascii() else SIZE


def _wrap(text: str, first_indent: float) -> list[tuple[str, float]]:
    """(line text, x offset) pairs."""
    lines, current, used, indent = [], "", first_indent, first_indent
    for ch in text:
        if used + _width(ch) > WIDTH + 0.01:
            keep = len(current)  # a word processor never breaks a run of Latin letters or digits
            while keep and ch.isascii() and ch.isalnum() and current[keep - 1].isascii() and current[keep - 1].isalnum():
                keep -= 1
            keep = keep or len(current)
            lines.append((current[:keep], indent))
            current, indent = current[keep:], 0.0
            used = sum(_width(c) for c in current)
        current += ch
        used += _width(ch)
    if current:
        lines.append((current, indent))
    return lines


def _deltas(text: str) -> str:
    """DeltaX in the compact ``g N d`` form where runs repeat (as real writers do)."""
    widths = [_width(ch) for ch in text[:-1]]
    out, k = [], 0
    while k < len(widths):
        j = k
        while j < len(widths) and widths[j] == widths[k]:
            j += 1
        out.append(f"g {j - k} {widths[k]:g}" if j - k > 2 else " ".join(f"{w:g}" for w in widths[k:j]))
        k = j
    return " ".join(out)


def _text_object(oid: int, p: str, text: str, x: float, baseline: float) -> str:
    width = sum(_width(ch) for ch in text)
    return (f'<{p}TextObject ID="{oid}" Font="1" Size="{SIZE}" Boundary="{x:.2f} {baseline - SIZE:.2f} {width:.2f} '
            f'{SIZE * 1.3:.2f}"><{p}TextCode X="0" Y="{SIZE}" DeltaX="{_deltas(text)}">{escape(text)}'
            f'</{p}TextCode></{p}TextObject>')


def layout(paras: list[Para], page_numbers: bool = True) -> list[list[tuple[str, float, float]]]:
    pages: list[list[tuple[str, float, float]]] = [[]]
    y = FIRST_BASELINE
    for para in paras:
        if para.centered:
            width = sum(_width(ch) for ch in para.text)
            lines = [(para.text, max(0.0, (WIDTH - width) / 2))] if width <= WIDTH else _wrap(para.text, 0.0)
        else:
            lines = _wrap(para.text, 2 * SIZE)
        for text, offset in lines:
            if y > LAST_BASELINE:
                pages.append([])
                y = FIRST_BASELINE
            pages[-1].append((text, LEFT + offset, y))
            y += PITCH
    if page_numbers:
        for n, page in enumerate(pages, 1):
            label = f"— {n} —"
            page.append((label, LEFT + (WIDTH - sum(_width(c) for c in label)) / 2, 280.0))
    return pages


def write_ofd(path: Path, paras: list[Para], prefix: bool = True, extra_parts: dict[str, bytes] | None = None,
              page_xml: dict[int, str] | None = None) -> Path:
    """Write an OFD package. ``prefix=False`` writes the namespace as the default one (no ``ofd:``);
    ``extra_parts`` adds members; ``page_xml`` replaces a page's Content.xml (hostile tests)."""
    p = "ofd:" if prefix else ""
    xmlns = f'xmlns:ofd="{NS}"' if prefix else f'xmlns="{NS}"'
    pages = layout(paras)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><{p}OFD {xmlns} Version="1.1" DocType="OFD">'
                               f'<{p}DocBody><{p}DocInfo><{p}DocID>test</{p}DocID></{p}DocInfo>'
                               f'<{p}DocRoot>Doc_0/Document.xml</{p}DocRoot></{p}DocBody></{p}OFD>')
        refs = "".join(f'<{p}Page ID="{100 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        zf.writestr("Doc_0/Document.xml",
                    f'<?xml version="1.0" encoding="UTF-8"?><{p}Document {xmlns}><{p}CommonData>'
                    f'<{p}MaxUnitID>1</{p}MaxUnitID><{p}PageArea><{p}PhysicalBox>0 0 210 297</{p}PhysicalBox>'
                    f'</{p}PageArea></{p}CommonData><{p}Pages>{refs}</{p}Pages></{p}Document>')
        oid = 1000
        for k, page in enumerate(pages):
            if page_xml and k in page_xml:
                zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml", page_xml[k])
                continue
            objects = []
            for text, x, y in page:
                oid += 1
                objects.append(_text_object(oid, p, text, x, y))
            zf.writestr(f"Doc_0/Pages/Page_{k}/Content.xml",
                        f'<?xml version="1.0" encoding="UTF-8"?><{p}Page {xmlns}><{p}Content><{p}Layer ID="{k + 1}">'
                        + "".join(objects) + f'</{p}Layer></{p}Content></{p}Page>')
        for name, data in (extra_parts or {}).items():
            zf.writestr(name, data)
    return path
