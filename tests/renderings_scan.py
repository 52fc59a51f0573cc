"""A rendering as an archive's scanner gives it: each page of a rendering's PDF rasterised (200 dpi, grey,
turned a little as a sheet lies on the glass, JPEG-compressed) into a PDF of images with no text layer, so
that the tool must read it by OCR. Shared by benchmarks/renderings.py (`--scan`)."""
from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

SCAN_DPI = 200
TILT_DEGREES = 0.6  # a sheet a little askew on the glass
JPEG_QUALITY = 70


def scan_pdf(pdf: Path, target: Path, dpi: int = SCAN_DPI, tilt: float = TILT_DEGREES) -> Path:
    """``pdf``'s pages as grey JPEG images in a PDF with no text (``target``)."""
    pages = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=255)
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=JPEG_QUALITY)
            pages.append(Image.open(io.BytesIO(buffer.getvalue())))
    finally:
        document.close()
    if pages:
        pages[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return target
