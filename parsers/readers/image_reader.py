"""Scans and photos → blocks, by OCR. Each image (each frame of a multi-page TIFF) is one page:
EXIF orientation applied; a phone photo of a sheet made flat (the sheet found, warped to a rectangle,
its uneven light divided out: photo_geometry); a small skew levelled, then OCR; the lines go into paragraphs by the
same geometry as PDF text lines (pdf_reader.assemble_pages).

Hostile images are refused before any pixel is decoded: the header gives the size, and a
TIFF's pages are counted only up to the limit."""
from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from parsers import ocr as ocr_engine
from parsers.errors import ParseError
from parsers.ocr_punctuation import DocumentMarks
from parsers.readers.pdf_reader import assemble_pages, ocr_page
from parsers.readers.photo_geometry import flatten_photo
from schemas.blocks import Document

MAX_PIXELS = 89_000_000  # per page (Pillow's own bomb limit): an A3 scan at 600 dpi is 70 million
MAX_PAGES = 50  # frames of a multi-page TIFF, a few seconds of OCR each
PAGE_WIDTH = 595.0  # OCR positions are scaled so a page is as wide as an A4 page in points


def read_image(path: Path, source: str, ocr: str = "auto", threads: int = 1) -> Document:
    if ocr == "off":
        raise ParseError("an image has no text layer: it needs OCR (OCR is off: try --ocr auto)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                n_pages = _count_pages(image)
                doc = Document(source=source, format="image", n_pages=n_pages)
                marks = DocumentMarks()  # what earlier pages measured: a page too poor in marks follows it
                pages = [_read_frame(image, k, threads, doc, marks) for k in range(n_pages)]
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ParseError(f"image too large: {exc} (a decompression bomb or an oversized scan)") from exc
    except UnidentifiedImageError as exc:
        raise ParseError(f"not a readable image ({exc})") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:  # Pillow's decoders raise these on bad data
        raise ParseError(f"not a readable image (damaged or truncated: {exc})") from exc
    if not any(page.items for page in pages):
        raise ParseError("no readable text: OCR found no text in the image (blank or illegible)")
    doc.blocks = assemble_pages(pages, source)
    return doc


def _count_pages(image: Image.Image) -> int:
    """Frames up to MAX_PAGES + 1 (a TIFF's page chain is walked no further than that)."""
    try:
        image.seek(MAX_PAGES)
    except EOFError:
        pass
    else:
        raise ParseError(f"image has more than {MAX_PAGES} pages: the limit for one file "
                         "(split it, or convert it to PDF)")
    count = 1
    while True:
        try:
            image.seek(count)
        except EOFError:
            break
        count += 1
    image.seek(0)
    return count


def _read_frame(image: Image.Image, index: int, threads: int, doc: Document, marks: DocumentMarks | None = None):
    image.seek(index)
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ParseError(f"image page {index + 1} of {width}×{height} pixels is larger than the limit of "
                         f"{MAX_PIXELS:,} pixels (a decompression bomb or an oversized scan)")
    if image.format == "JPEG" and max(width, height) > 2 * ocr_engine.MAX_SIDE:
        image.draft("RGB", (width // 2, height // 2))  # decoded at a smaller scale: less memory, same text
    frame = _flatten(ocr_engine.upright(image))  # a copy, turned as the EXIF orientation says
    frame = flatten_photo(frame, ocr_engine.MAX_SIDE)  # a flat scan comes back as it is
    if max(frame.size) > ocr_engine.MAX_SIDE:
        frame.thumbnail((ocr_engine.MAX_SIDE, ocr_engine.MAX_SIDE), Image.LANCZOS)
    frame = ocr_engine.deskew(frame)
    scale = PAGE_WIDTH / max(frame.width, 1)
    found = ocr_engine.ocr_image(frame, threads, scale=scale, document=marks)
    doc.ocr_pages.append(index + 1)
    return ocr_page(index + 1, found, frame, scale, threads)


def _flatten(image: Image.Image) -> Image.Image:
    """8-bit pixels on white: a transparent background (a screenshot) would turn black, and
    16-bit or float scans would clip to white if converted as they are."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        low, high = float(values.min()), float(values.max())
        return Image.fromarray(((values - low) * (255.0 / max(high - low, 1.0))).astype(np.uint8))
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    return image
