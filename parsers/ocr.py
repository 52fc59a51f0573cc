"""OCR of page images: one engine (RapidOCR 3.10 on onnxruntime), loaded the first time a page
needs it. The PP-OCRv6 detection and recognition models ship inside the ``rapidocr`` wheel; their
paths are given explicitly so construction never takes the engine's download path. The engine
runs on CPU with a fixed thread count, so the same image gives the same text.

Output: text lines in reading order, each with its box (in the caller's units) and confidence.
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import regex
from PIL import Image, ImageFilter, ImageOps

from parsers.errors import ParseError
from parsers.ocr_punctuation import (
    DocumentMarks,
    half_width_classes,
    han_pitches,
    line_votes,
    page_pitch,
    set_punctuation,
)
from parsers.ocr_stacked import unstacked, with_lost_starts

INSTALL_HINT = "install the OCR engine: pip install 'notice-ingest[ocr]'"
MODELS = {"Det": "PP-OCRv6_det_small.onnx", "Rec": "PP-OCRv6_rec_small.onnx"}
# Detection works on the page scaled so its longer side is 960 px (the engine's default scales
# the shorter side up to 736 and costs ~3.5× more); recognition always sees the full-size lines.
DET_SETTINGS = {"Det.limit_type": "max", "Det.limit_side_len": 960}
MAX_SIDE = 2400  # larger images are scaled down first: ~200 dpi for an A4 page
SAME_LINE = 0.5  # boxes overlapping this much of the lower one's height sit on one line
MIN_CONFIDENCE = 0.5
# Upright text reads at ~0.97 mean confidence, text upside down at ~0.6 (measured on the sample).
DOUBT_CONFIDENCE = 0.8
DOUBT_MIN_BOXES = 3
MIN_LINE_CHARS = 2  # characters in a box before its shape tells a line on end from one set upright
HEADING_HEIGHT = 1.3  # a line this much taller than the page's typical line is set larger
HEADING_MIN_CHARS = 4
# A page number between dashes, where a dash may be read as 一 (`-4一`): set as `— 4 —`.
DASHED_NUMBER = regex.compile(r"^[\-－—–一~]+\s*(\d{1,4})\s*[\-－—–一~]+$")
# The engine scales a page's longer side to 2000 px and rounds both sides to multiples of 32: a sliver
# thinner than 1/62 of its length rounds to 0 and fails. Such an image is padded with white to this aspect.
MAX_ASPECT = 40
SKEW_THUMB = 800  # px: the skew estimate works on a thumbnail
SKEW_SAMPLE = 40_000  # dark pixels used for it
SKEW_MAX = 8.0  # degrees searched either way
SKEW_MIN = 0.3  # degrees below which a page is left as it is


@dataclass(frozen=True)
class OcrLine:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float
    size: float = 0.0  # the line's text height, the same for every body line of a page
    parts: tuple = ()  # the engine's boxes joined into this line (a table row's cells)
    starts: tuple = ()  # where the engine placed each character's start (x, caller's units); () where unknown


_engines: dict[tuple[int, tuple], object] = {}
_lock = threading.Lock()


def _engine(threads: int, settings: dict):
    key = (threads, tuple(sorted(settings.items())))
    with _lock:
        if key not in _engines:
            try:
                import rapidocr  # noqa: PLC0415  (lazy: only documents that need OCR pay for it)
                from rapidocr import RapidOCR  # noqa: PLC0415
            except ImportError as exc:
                raise ParseError(f"this file needs OCR: {INSTALL_HINT} ({exc})") from exc
            models = Path(rapidocr.__file__).parent / "models"
            missing = [name for name in MODELS.values() if not (models / name).is_file()]
            if missing:
                raise ParseError(f"the OCR models {', '.join(missing)} are missing: {INSTALL_HINT}")
            params = {f"{task}.model_path": str(models / name) for task, name in MODELS.items()}
            # No per-line 180° classifier: a page turned upside down is found by its confidence
            # and turned as a whole (ocr_image), which also puts its lines back in order.
            params.update({"Global.log_level": "error", "Global.use_cls": False,
                           "EngineConfig.onnxruntime.intra_op_num_threads": max(1, threads),
                           "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                           "EngineConfig.onnxruntime.enable_cpu_mem_arena": True})  # ~10 % faster
            params.update(settings)
            _engines[key] = RapidOCR(params=params)
        return _engines[key]


def ocr_image(image: Image.Image, threads: int = 1, scale: float = 1.0,
              settings: dict | None = None, restack: bool = True, half: frozenset[str] | None = None,
              document: DocumentMarks | None = None) -> list[OcrLine]:
    """Text lines of ``image`` in reading order, boxes multiplied by ``scale`` (e.g. 72/dpi to
    get PDF points). Boxes the engine found apart on one baseline are joined into one line; a box the detector
    ran over two lines of a cell is read again (``restack``: ocr_stacked). ``half``: the classes of marks set half
    width, where a page's part is read again (else measured on the image; ``document``: what the document's
    earlier pages measured, which a page too poor in marks follows, and which a page that measures its own updates)."""
    image = _no_sliver(image.convert("RGB"))
    factor = min(1.0, MAX_SIDE / max(image.size))
    if factor < 1.0:
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.LANCZOS)
    engine = _engine(threads, DET_SETTINGS if settings is None else settings)
    earlier = document.half if document is not None else None
    (pieces, marks, own), page = _recognise(engine, image, scale / factor, half, earlier), image
    if _doubtful(pieces):  # a page scanned upside down or sideways (no EXIF tag to say so)
        turns = (90, 270, 180) if _mostly_upright_boxes(pieces) else (180, 90, 270)
        for turn in turns:
            turned = image.rotate(turn, expand=True)
            candidate, candidate_marks, candidate_own = _recognise(engine, turned, scale / factor, half, earlier)
            if _confidence(candidate) > _confidence(pieces):
                pieces, marks, own, page = candidate, candidate_marks, candidate_own, turned
            if not _doubtful(pieces):
                break
    if document is not None and own:
        document.half = marks
    if restack:
        pieces = unstacked(pieces, page, scale / factor, threads, marks, read_page=ocr_image)
        pieces = with_lost_starts(pieces, page, scale / factor, threads, marks, read_line=read_line)
    return _join_lines(pieces)


def _no_sliver(image: Image.Image) -> Image.Image:
    """A 1×3000 strip padded with white (centred) so the engine's scaling keeps both sides above 0."""
    width, height = image.size
    short = -(-max(width, height) // MAX_ASPECT)
    if min(width, height) >= short:
        return image
    padded = Image.new("RGB", (max(width, short), max(height, short)), "white")
    padded.paste(image, ((padded.width - width) // 2, (padded.height - height) // 2))
    return padded


def _recognise(engine, image: Image.Image, unit: float, half: frozenset[str] | None = None,
               earlier: frozenset[str] | None = None) -> tuple[list[OcrLine], frozenset[str], bool]:
    """The engine's boxes, the classes of marks set half width (``half``, else measured here, else ``earlier``:
    the document's earlier pages), and whether this page measured them itself."""
    # the steps named each call: the engine keeps a call's settings for the next (read_line recognises alone)
    result = engine(np.asarray(image), use_det=True, use_cls=False, use_rec=True, return_word_box=True,
                    return_single_char_box=True)
    if result.boxes is None or result.txts is None:
        return [], half or frozenset(), False
    placed = _char_starts(result)
    own = half is None
    if half is None:
        pitch = page_pitch(placed)
        half = half_width_classes([vote for chars in placed if chars for vote in line_votes(chars, pitch)], None)
        own = half is not None
        half = half if half is not None else earlier or frozenset()
    pieces, grey = [], None
    for box, text, score, chars in zip(result.boxes, result.txts, result.scores, placed):
        if chars and _digit_pairs(chars):
            grey = np.asarray(image.convert("L")) if grey is None else grey
            chars = _with_spaces(chars, grey, box)
            text = "".join(ch for ch, _ in chars)
        text = set_punctuation(unicodedata.normalize("NFC", text).strip(), half)
        if not text or score < MIN_CONFIDENCE:
            continue
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        starts = tuple(x * unit for _, x in chars) if chars and len(chars) == len(text) else ()
        pieces.append(OcrLine(text, min(xs) * unit, min(ys) * unit, max(xs) * unit, max(ys) * unit, float(score),
                              starts=starts))
    return pieces, half, own


# Two digits of a line whose inks' centres stand this many times the digits' height apart have a space between them:
# digits advance alike (tabular figures, ink centred in the advance) about 0.55 em and stand about 0.7 em tall (0.7–0.88
# apart measured on scans and drawn lines), and a space adds a quarter to a third of an em (1.06–1.26). The digits' own
# height is the ruler: the engine's character starts are a fifth of a character off either way. Letters are left
# alone (a lowercase word's x-height would make `mm` two). The engine leaves such a space out of a box's text.
SPACE_ADVANCE = 0.97
DIGITS = frozenset("0123456789")
REACH = 0.25  # of a pitch: how far the engine's start of a character may stand off its ink
DIGIT_WIDTH = 0.6  # of a pitch: no digit inks wider


def _digit_pairs(chars: list[tuple[str, float]]) -> bool:
    return any(a in DIGITS and b in DIGITS for (a, _), (b, _) in zip(chars, chars[1:]))


def _with_spaces(chars: list[tuple[str, float]], grey: np.ndarray, box) -> list[tuple[str, float]]:
    """``chars`` (each with its start, px) with a space where two digits stand a space apart: a
    flattened table's weight glued to the next row's number (`226.` for `2 26.`) would be one number. Only a line of
    Chinese text, whose pitch bounds where each character's ink may stand, is measured."""
    pitches = han_pitches(chars)
    if len(pitches) < 2:
        return chars
    pitch = float(np.median(pitches))
    ys = [point[1] for point in box]
    ink = grey[max(int(min(ys)), 0):int(max(ys)) + 1] < 128
    out = [chars[0]]
    for k, ((a, xa), (b, xb)) in enumerate(zip(chars, chars[1:])):
        if a in DIGITS and b in DIGITS:
            # from a's start to b's end: b's own width at most, and not into the character after it
            end = min(xb + DIGIT_WIDTH * pitch, chars[k + 2][1] if k + 2 < len(chars) else float("inf"))
            if _inks_apart(ink, xa - REACH * pitch, xb, end) >= SPACE_ADVANCE:
                out.append((" ", xb))
        out.append((b, xb))
    return out


def _inks_apart(ink: np.ndarray, x0: float, at_b: float, x1: float) -> float:
    """How far apart the centres of the two inks either side of the white gap before ``at_b`` (where the engine
    starts the second character) stand between x0 and x1, in the inks' height; each ink the inked columns next to
    the gap; 0 where no gap has ink on both sides."""
    left = max(int(x0), 0)
    inked = ink[:, left:max(int(x1), left)].any(axis=0)
    at = np.nonzero(inked)[0]
    gaps = np.nonzero(np.diff(at) > 1)[0]  # white between at[g] and at[g + 1]
    if not len(gaps):
        return 0.0
    gap = int(gaps[np.argmin(np.abs(at[gaps + 1] + left - at_b))])
    first, last = gap, gap + 1
    while first > 0 and at[first - 1] == at[first] - 1:
        first -= 1
    while last + 1 < len(at) and at[last + 1] == at[last] + 1:
        last += 1
    rows = np.nonzero(ink[:, left + at[first]:left + at[last] + 1].any(axis=1))[0]
    height = rows[-1] - rows[0] + 1
    return ((at[gap + 1] + at[last]) / 2 - (at[first] + at[gap]) / 2) / height


def read_line(image: Image.Image, threads: int = 1, half: frozenset[str] = frozenset()) -> tuple[str, float]:
    """The text of an image known to hold one line (no detection: the detector may miss a line's thin first
    characters), with its confidence; its marks set as the page sets them (``half``)."""
    engine = _engine(threads, DET_SETTINGS)
    result = engine(np.asarray(image.convert("RGB")), use_det=False, use_cls=False, use_rec=True,
                    return_word_box=False, return_single_char_box=False)
    texts, scores = getattr(result, "txts", None) or (), getattr(result, "scores", None) or ()
    if not texts:
        return "", 0.0
    return set_punctuation(unicodedata.normalize("NFC", texts[0]).strip(), half), float(scores[0])


def _char_starts(result) -> list[list[tuple[str, float]] | None]:
    """Each text's characters with the x where the engine placed their start (pixels), where its character
    boxes line up with the text (the engine leaves out the boxes of a line it could not crop), else None."""
    words = getattr(result, "word_results", None) or ()
    if len(words) != len(result.txts):
        return [None] * len(result.txts)
    found: list[list[tuple[str, float]] | None] = []
    for text, chars in zip(result.txts, words):
        aligned = " " not in text.strip() and "".join(c[0] for c in chars) == text.strip()
        found.append([(c[0], min(point[0] for point in c[2])) for c in chars] if aligned else None)
    return found


def _confidence(pieces: list[OcrLine]) -> float:
    """Mean confidence per character; boxes standing on end (text read sideways) count for nothing."""
    chars = sum(len(p.text) for p in pieces)
    if not chars or _mostly_upright_boxes(pieces):
        return 0.0
    return sum(p.confidence * len(p.text) for p in pieces) / chars


def _mostly_upright_boxes(pieces: list[OcrLine]) -> bool:
    """Most boxes of two characters or more stand taller than wide: lines on end. A box of one character says
    nothing (a digit stands taller than wide): a table of narrow columns, its cells' numbers boxed one by one and a
    few cells' short lines run together by the detector (`县` over `城`), is no page on end."""
    lines = [p for p in pieces if len(p.text) >= MIN_LINE_CHARS]
    tall = sum(1 for p in lines if p.bottom - p.top > p.x1 - p.x0)
    return tall > len(lines) / 2


def _doubtful(pieces: list[OcrLine]) -> bool:
    """A page that reads like text turned the wrong way: several boxes, low confidence or on end."""
    return len(pieces) >= DOUBT_MIN_BOXES and _confidence(pieces) < DOUBT_CONFIDENCE


def _join_lines(pieces: list[OcrLine]) -> list[OcrLine]:
    """Group boxes into visual lines (top to bottom), each line's boxes left to right."""
    rows: list[list[OcrLine]] = []
    for piece in sorted(pieces, key=lambda p: (p.top + p.bottom) / 2):
        row = rows[-1] if rows else None
        if row and _overlap(row[-1], piece) >= SAME_LINE * min(piece.bottom - piece.top, row[-1].bottom - row[-1].top):
            row.append(piece)
        else:
            rows.append([piece])
    lines = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        text = row[0].text
        for before, after in zip(row, row[1:]):
            height = after.bottom - after.top
            text += (" " if after.x0 - before.x1 > 0.5 * height else "") + after.text
        text = DASHED_NUMBER.sub(r"— \1 —", text)
        lines.append(OcrLine(text, row[0].x0, min(p.top for p in row), row[-1].x1, max(p.bottom for p in row),
                             min(p.confidence for p in row), parts=tuple(row)))
    return _with_sizes(lines)


def _with_sizes(lines: list[OcrLine]) -> list[OcrLine]:
    """A box's height varies with the glyphs it holds (digits, brackets); a text layer gives one
    font size for a paragraph. Body lines get the page's typical height, larger ones their own."""
    if not lines:
        return lines
    body = float(np.median([line.bottom - line.top for line in lines]))
    return [replace(line, size=line.bottom - line.top if _set_larger(line, body) else body) for line in lines]


def _set_larger(line: OcrLine, body: float) -> bool:
    # A few characters' box (a wrapped tail `分）；`) is as tall as its brackets: no evidence.
    return line.bottom - line.top > HEADING_HEIGHT * body and len(line.text) >= HEADING_MIN_CHARS


def _overlap(a: OcrLine, b: OcrLine) -> float:
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def upright(image: Image.Image) -> Image.Image:
    """EXIF orientation applied (a phone photo is stored sideways with a tag saying so)."""
    return ImageOps.exif_transpose(image)


def skew_angle(image: Image.Image) -> float:
    """The small rotation (degrees, counter-clockwise positive) that makes the text lines level.
    Estimated on a thumbnail: the dark pixels' projection onto the vertical axis is sharpest
    (rows of text and white gaps) when the lines are level."""
    # Each pixel darkened to its darkest neighbour first: a table's thin rules, the straightest evidence of a
    # tilt, would else shrink to grey and only the few text lines of a mostly ruled page would be left.
    thumb = ImageOps.grayscale(image).filter(ImageFilter.MinFilter(3))
    thumb.thumbnail((SKEW_THUMB, SKEW_THUMB))
    pixels = np.asarray(thumb, dtype=np.uint8)
    ys, xs = np.nonzero(pixels < min(128, int(pixels.mean()) - 30))
    if len(ys) < 100:
        return 0.0
    if len(ys) > SKEW_SAMPLE:
        pick = np.random.default_rng(0).choice(len(ys), SKEW_SAMPLE, replace=False)  # seeded: deterministic
        ys, xs = ys[pick], xs[pick]
    xs = xs - xs.mean()

    def sharpness(angle: float) -> float:
        rows = ys + xs * np.tan(np.radians(angle))
        counts = np.bincount(np.round(rows - rows.min()).astype(np.int64))
        return float(np.dot(counts, counts))

    coarse = max(np.arange(-SKEW_MAX, SKEW_MAX + 0.01, 0.5), key=sharpness)
    if abs(coarse) >= SKEW_MAX:
        return 0.0  # sharpest at the end of the range, not at a peak inside it: no evidence of a tilt
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=sharpness)
    return float(round(fine, 1))


def deskew(image: Image.Image) -> Image.Image:
    """Level a page photographed or scanned slightly askew (text lines then keep their geometry:
    indents and line ends). Angles under SKEW_MIN degrees are left alone."""
    angle = skew_angle(image)
    if abs(angle) < SKEW_MIN:
        return image
    # Rotated in place (no expand): positions stay in the page's frame, the margins absorb the corners.
    return image.convert("RGB").rotate(-angle, resample=Image.BICUBIC, fillcolor="white")
