"""A rendering as archive staff get it from a phone: each page of a rendering's PDF rasterised (200 dpi) and
photographed — the sheet lying on a grey-brown desk, seen at an angle (its corners pulled inwards unevenly, a
perspective warp), lit from one side (darker towards one corner), a little out of focus, JPEG-compressed, in a
phone's frame (3000×4000). A one-page document becomes `STEM.photo.jpg`, a longer one a multi-page TIFF
`STEM.photo.tif` (the image reader reads each frame as a page). Deterministic: each page has its own seed (from the
document's name and the page number), so documents are not all photographed alike.
Shared by benchmarks/renderings.py (`--photo`) and tests/formats/test_photos.py."""
from __future__ import annotations

import io
import zlib
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

PHOTO_DPI = 200
FRAME = (3000, 4000)  # a phone's portrait frame
MARGIN = 0.05  # of the frame, around the sheet before the perspective
PULL = (0.03, 0.08)  # how far each corner is pulled inwards (fraction of the frame), drawn per corner
SHADOW = 0.30  # the darkest corner keeps 70 % of the light
BLUR = 1.6  # px, Gaussian radius in the 3000×4000 frame
JPEG_QUALITY = 80
DESK = (118, 104, 88)  # grey-brown


def perspective_coefficients(size: tuple[int, int], corners: list[tuple[float, float]]) -> list[float]:
    """The 8 coefficients for ``Image.transform(..., Image.PERSPECTIVE)`` that put an image of ``size`` onto the
    quadrilateral ``corners`` (top-left, top-right, bottom-right, bottom-left): the closed-form square-to-quad
    map (Heckbert), inverted by its adjugate. Plain Python, no LAPACK: its BLAS would reserve address space in
    the test process, whose size tests/test_regressions.py relies on."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    dx1, dx2, dx3 = x1 - x2, x3 - x2, x0 - x1 + x2 - x3
    dy1, dy2, dy3 = y1 - y2, y3 - y2, y0 - y1 + y2 - y3
    den = dx1 * dy2 - dx2 * dy1
    g = (dx3 * dy2 - dx2 * dy3) / den
    h = (dx1 * dy3 - dx3 * dy1) / den
    a, b, c = x1 - x0 + g * x1, x3 - x0 + h * x3, x0
    d, e, f = y1 - y0 + g * y1, y3 - y0 + h * y3, y0
    # The adjugate of [[a, b, c], [d, e, f], [g, h, 1]] maps the quadrilateral back to the unit square.
    inverse = [[e - f * h, c * h - b, b * f - c * e],
               [f * g - d, a - c * g, c * d - a * f],
               [d * h - e * g, b * g - a * h, a * e - b * d]]
    width, height = size
    rows = [[width * v for v in inverse[0]], [height * v for v in inverse[1]], inverse[2]]
    last = rows[2][2]
    return [v / last for row in rows for v in row][:8]


def photograph(page: Image.Image, seed: int, frame: tuple[int, int] = FRAME) -> Image.Image:
    """``page`` (a flat rendering) as a phone photo of the printed sheet: RGB, ``frame`` sized."""
    rng = np.random.default_rng(seed)
    width, height = frame
    if page.width > page.height:  # a landscape page: the phone is turned too
        width, height = height, width
    page = page.convert("RGB")
    # The sheet fills the frame less its margin, keeping its proportions.
    fit = min(width * (1 - 2 * MARGIN) / page.width, height * (1 - 2 * MARGIN) / page.height)
    sheet_w, sheet_h = page.width * fit, page.height * fit
    left, top = (width - sheet_w) / 2, (height - sheet_h) / 2
    inward = ((1, 1), (-1, 1), (-1, -1), (1, -1))  # top-left, top-right, bottom-right, bottom-left
    square = ((left, top), (left + sheet_w, top), (left + sheet_w, top + sheet_h), (left, top + sheet_h))
    corners = [(x + sx * rng.uniform(*PULL) * width, y + sy * rng.uniform(*PULL) * height)
               for (x, y), (sx, sy) in zip(square, inward)]
    coefficients = perspective_coefficients(page.size, corners)
    warped = page.transform((width, height), Image.PERSPECTIVE, coefficients, Image.BICUBIC)
    mask = Image.new("L", page.size, 255).transform((width, height), Image.PERSPECTIVE, coefficients, Image.BILINEAR)
    desk = _desk(width, height, rng)
    photo = Image.composite(warped, desk, mask)
    photo = _shade(photo, rng)
    return photo.filter(ImageFilter.GaussianBlur(BLUR))


def _desk(width: int, height: int, rng: np.random.Generator) -> Image.Image:
    """A grey-brown surface with a little grain (a uniform colour would make finding the sheet too easy)."""
    grain = rng.normal(0, 6, (height // 8, width // 8, 1))
    small = np.clip(np.array(DESK, float)[None, None, :] + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(small, "RGB").resize((width, height), Image.BILINEAR)


def _shade(photo: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Light falling off linearly towards one corner (drawn by the seed), down to 1 − SHADOW."""
    width, height = photo.size
    corner = int(rng.integers(4))
    xs = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    xs = xs if corner in (1, 2) else 1 - xs
    ys = ys if corner in (2, 3) else 1 - ys
    light = 1.0 - SHADOW * (xs + ys) / 2
    pixels = np.asarray(photo, dtype=np.float32) * light[:, :, None]
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def _jpeg(image: Image.Image) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY)
    return Image.open(io.BytesIO(buffer.getvalue()))


def photo_pages(pdf: Path, folder: Path, stem: str, dpi: int = PHOTO_DPI) -> Path:
    """``pdf``'s pages photographed: ``folder/STEM.photo.jpg`` for one page, ``STEM.photo.tif`` (one JPEG-compressed
    frame a page) for more. Returns the file written."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        renders = [document[k].render(scale=dpi / 72).to_pil() for k in range(len(document))]
    finally:
        document.close()
    base = zlib.crc32(stem.encode("utf-8"))
    photos = [photograph(page, seed=base + k) for k, page in enumerate(renders)]
    if len(photos) == 1:
        target = folder / f"{stem}.photo.jpg"
        photos[0].save(target, "JPEG", quality=JPEG_QUALITY)
    else:
        target = folder / f"{stem}.photo.tif"
        photos[0].save(target, "TIFF", compression="jpeg", quality=JPEG_QUALITY, save_all=True,
                       append_images=photos[1:])
    return target


__all__ = ["photo_pages", "photograph", "perspective_coefficients"]
