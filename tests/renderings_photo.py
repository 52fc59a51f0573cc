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


def perspective_coefficients(source: list[tuple[float, float]], target: list[tuple[float, float]]) -> list[float]:
    """The 8 coefficients for ``Image.transform(..., Image.PERSPECTIVE)`` that map each ``target`` corner (output
    pixel) back to its ``source`` corner (input pixel)."""
    rows, values = [], []
    for (x, y), (u, v) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(rows, float), np.array(values, float))]


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
    source = [(0, 0), (page.width, 0), (page.width, page.height), (0, page.height)]
    coefficients = perspective_coefficients(source, corners)
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
