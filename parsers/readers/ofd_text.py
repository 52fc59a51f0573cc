"""OFD page content → positioned glyphs (GB/T 33190 §11–13).

An OFD object sits in its ``Boundary`` box (x y w h, millimetres from the page's top-left); a point
inside it is mapped by the object's ``CTM`` (a b c d e f) and then shifted by the box's origin. A
``TextCode`` places its first character at (X, Y) and each next one ``DeltaX``/``DeltaY`` further
on (``g N d`` repeats d N times). ``CompositeObject`` draws a ``CompositeGraphicUnit`` from the
resources, whose content is walked the same way inside the composite's transform; ``PageBlock``
groups objects. Everything is matched by local name: writers use the standard prefix, another
prefix or another namespace URI."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from lxml import etree

Affine = tuple[float, float, float, float, float, float]
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 8  # composites that draw composites: a loop in hostile resources stops here
MAX_RULES = 20_000  # per page: more straight segments than any table needs
RULE_SLANT = 0.3  # mm: a segment this close to level or upright is a rule


@dataclass
class Glyph:
    char: str
    x: float  # origin on the baseline, page millimetres
    y: float
    size: float  # font size in page millimetres
    advance: float  # distance to the next character along the line
    vertical: bool  # the line runs down the page (rotated text)
    space_before: bool = False  # the writer put a space character before this one


@dataclass
class PageContent:
    glyphs: list[Glyph] = field(default_factory=list)
    paths: int = 0
    images: int = 0
    # Horizontal and vertical rules (x0, y0, x1, y1) in page millimetres: table borders.
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def children(el, name: str):
    return [c for c in el if isinstance(c.tag, str) and local(c) == name]


def child(el, name: str):
    return next((c for c in el if isinstance(c.tag, str) and local(c) == name), None)


def numbers(text: str | None) -> list[float]:
    out = []
    for tok in (text or "").split():
        try:
            out.append(float(tok))
        except ValueError:
            continue
    return out


def deltas(text: str | None, limit: int) -> list[float]:
    """``DeltaX="g 3 5.5 2.7"`` → [5.5, 5.5, 5.5, 2.7]; never more than ``limit`` values (a hostile
    ``g 1000000000 1`` must not allocate)."""
    toks = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(toks) and len(out) < limit:
        try:
            if toks[i] == "g" and i + 2 < len(toks):
                out.extend([float(toks[i + 2])] * max(0, min(int(float(toks[i + 1])), limit - len(out))))
                i += 3
                continue
            out.append(float(toks[i]))
        except ValueError:
            pass
        i += 1
    return out


def compose(inner: Affine, outer: Affine) -> Affine:
    """A point mapped by ``inner`` then by ``outer`` (row vectors, as OFD writes CTM)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def object_transform(el, outer: Affine) -> Affine:
    """The object's CTM, then its Boundary origin, then whatever contains it."""
    ctm = numbers(el.get("CTM"))
    own = tuple(ctm) if len(ctm) == 6 else IDENTITY
    box = numbers(el.get("Boundary"))
    shift = (1.0, 0.0, 0.0, 1.0, box[0], box[1]) if len(box) >= 2 else IDENTITY
    return compose(compose(own, shift), outer)  # type: ignore[arg-type]


class ContentWalker:
    """Collects glyphs, path and image counts and straight rules from one page's layers."""

    def __init__(self, units: dict[str, etree._Element]):
        self.units = units  # CompositeGraphicUnit by ID

    def walk(self, container, outer: Affine = IDENTITY, depth: int = 0, into: PageContent | None = None) -> PageContent:
        out = into if into is not None else PageContent()
        if depth > MAX_DEPTH:
            return out
        for el in container:
            name = local(el)
            if name in ("Layer", "PageBlock", "Content"):
                self.walk(el, outer, depth, out)
            elif name == "TextObject":
                self._text(el, object_transform(el, outer), out)
            elif name == "PathObject":
                out.paths += 1
                self._rules(el, object_transform(el, outer), out)
            elif name == "ImageObject":
                out.images += 1
            elif name == "CompositeObject":
                unit = self.units.get(el.get("ResourceID", ""))
                content = child(unit, "Content") if unit is not None else None
                if content is not None:
                    self.walk(content, object_transform(el, outer), depth + 1, out)
        return out

    def _text(self, el, m: Affine, out: PageContent) -> None:
        size = (numbers(el.get("Size")) or [3.5])[0]
        scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
        ux, uy = m[0], m[1]  # where the text's x-axis points on the page
        vertical = abs(uy) > abs(ux)
        x = y = 0.0
        for code in children(el, "TextCode"):
            text = code.text or ""
            x = (numbers(code.get("X")) or [x])[0]
            y = (numbers(code.get("Y")) or [y])[0]
            dx, dy = deltas(code.get("DeltaX"), len(text)), deltas(code.get("DeltaY"), len(text))
            space = False
            for i, ch in enumerate(text):
                step = dx[i] if i < len(dx) else (dx[-1] if dx else size)
                px, py = apply(m, x, y)
                if ch.isspace():
                    space = True
                else:
                    out.glyphs.append(Glyph(ch, px, py, size * scale, abs(step) * scale, vertical, space))
                    space = False
                x += step if (dx or not dy) else 0.0
                y += dy[i] if i < len(dy) else 0.0

    def _rules(self, el, m: Affine, out: PageContent) -> None:
        """Straight horizontal and vertical segments of a path (``M``/``S`` move, ``L`` line, ``C``
        close): a table's grid. Curves are skipped; their points only move the pen."""
        data = child(el, "AbbreviatedData")
        toks = (data.text or "").split() if data is not None else []
        pos = start = None
        i = 0
        while i < len(toks) and len(out.rules) < MAX_RULES:
            op = toks[i]
            if op in ("M", "S", "L") and i + 2 < len(toks):
                try:
                    pt = apply(m, float(toks[i + 1]), float(toks[i + 2]))
                except ValueError:
                    return
                if op == "L" and pos is not None:
                    self._rule(pos, pt, out)
                else:
                    start = pt
                pos = pt
                i += 3
            elif op == "C" and pos is not None and start is not None:
                self._rule(pos, start, out)
                pos = start
                i += 1
            else:
                i += 1

    @staticmethod
    def _rule(a: tuple[float, float], b: tuple[float, float], out: PageContent) -> None:
        (x0, y0), (x1, y1) = a, b
        if abs(y0 - y1) < RULE_SLANT and abs(x0 - x1) > RULE_SLANT:
            out.rules.append((min(x0, x1), (y0 + y1) / 2, max(x0, x1), (y0 + y1) / 2))
        elif abs(x0 - x1) < RULE_SLANT and abs(y0 - y1) > RULE_SLANT:
            out.rules.append(((x0 + x1) / 2, min(y0, y1), (x0 + x1) / 2, max(y0, y1)))
