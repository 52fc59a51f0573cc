"""A phone photo of a printed page made flat: the sheet found (the bright quadrilateral on a darker surface),
warped to a rectangle, and its uneven light divided out, before the page is levelled and OCR'd.

Only a clear sheet is warped: its four edges straight, well brighter than what lies around it, and its corners
more than a few per cent inside the frame. A flat scan (the page fills the image) is returned as it was, the
same object, so scans read exactly as before. numpy and Pillow only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

THUMB = 800  # px: the sheet is looked for on a thumbnail
MIN_FILL = 0.2  # a row (column) belongs to the sheet when this much of it is bright
EDGE_SPAN = (0.15, 0.85)  # the part of each edge fitted (its ends bend into the corners, and are blurred)
EDGE_RESIDUAL = 2.0  # thumbnail px: points further than this from the fitted edge are dropped and it is refitted
MAX_EDGE_SCATTER = 1.5  # thumbnail px: an edge whose points scatter more is no straight sheet edge
MIN_CONTRAST = 40  # grey levels between the sheet's median and its surroundings'
MIN_AREA = 0.25  # of the frame: a smaller bright shape is not the page
MIN_OFFSET = 0.03  # of the frame's side: a corner at least this far inside it (else the image is the page)
INSET = 0.004  # of the sheet's side: the warped page loses this much at each edge (the blurred sheet border)
LIGHT_THUMB = 160  # px: the light is estimated on this small a copy (text strokes vanish under the max filter)
LIGHT_WINDOW = 7  # px of LIGHT_THUMB: larger than a line of text or a shaded table header
MIN_UNEVEN = 0.12  # light varying less than this (1 − dark/bright paper) is left as it is
# A photo cropped to the sheet (no desk to find) is evened only when its light falls off smoothly, as a lamp's
# or a window's does: no step between neighbouring pixels of the paper's light (at LIGHT_THUMB) larger than this.
# A scan's shaded header, dark picture or lid edge is a step, and the scan is left exactly as it was.
MAX_LIGHT_STEP = 12
# A phone's slight blur spreads a table's thin rules into grey bands lighter than ink (~135 at the core):
# sharpened back so they read as rules. Threshold: paper grain and JPEG noise are left alone.
SHARPEN = {"radius": 2, "percent": 200, "threshold": 3}


@dataclass(frozen=True)
class Sheet:
    """The sheet's corners in the image's pixels: top-left, top-right, bottom-right, bottom-left."""
    corners: tuple[tuple[float, float], ...]


def flatten_photo(image: Image.Image, max_side: int = 2400) -> Image.Image:
    """The page in ``image`` as a flat, sharpened grey scan, or ``image`` itself when no sheet in perspective is found."""
    sheet = find_sheet(image)
    if sheet is None:
        return _evened_when_shaded(image)
    return even_light(warp_sheet(image, sheet, max_side)).filter(ImageFilter.UnsharpMask(**SHARPEN))


def find_sheet(image: Image.Image) -> Sheet | None:
    """The bright quadrilateral (the sheet) when it is clear and lies inside the frame, else None."""
    thumb = ImageOps.grayscale(image)
    thumb.thumbnail((THUMB, THUMB), Image.BILINEAR)
    grey = np.asarray(thumb.filter(ImageFilter.GaussianBlur(1)), dtype=np.uint8)
    if min(grey.shape) < 20 or int(grey.max()) - int(grey.min()) < MIN_CONTRAST:  # a sliver, or one flat tone
        return None
    threshold = _otsu(grey)
    bright = Image.fromarray(((grey > threshold) * 255).astype(np.uint8))
    # Opening drops bright specks on the desk; closing fills the text on the sheet.
    bright = bright.filter(ImageFilter.MinFilter(5)).filter(ImageFilter.MaxFilter(5))
    bright = bright.filter(ImageFilter.MaxFilter(9)).filter(ImageFilter.MinFilter(9))
    mask = np.asarray(bright) > 0
    lines = _edges(mask)
    if lines is None:
        return None
    corners = _corners(*lines)
    height, width = mask.shape
    if corners is None or not _plausible(corners, width, height):
        return None
    if not _contrasted(grey, corners):
        return None
    scale = image.width / width, image.height / height
    return Sheet(tuple((x * scale[0], y * scale[1]) for x, y in corners))


def _otsu(grey: np.ndarray) -> int:
    counts = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(counts)
    mass = np.cumsum(counts * levels)
    total, total_mass = weight[-1], mass[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mass * weight / total - mass) ** 2 / (weight * (total - weight))
    return int(np.nanargmax(between[:-1]))


def _edges(mask: np.ndarray):
    """The four edges of the bright region as lines: left/right as x = a·y + b, top/bottom as y = a·x + b."""
    height, width = mask.shape
    rows = np.flatnonzero(mask.sum(axis=1) >= MIN_FILL * width)
    cols = np.flatnonzero(mask.sum(axis=0) >= MIN_FILL * height)
    if len(rows) < 0.3 * height or len(cols) < 0.3 * width:
        return None
    rows, cols = _middle(rows), _middle(cols)
    left = np.argmax(mask[rows], axis=1)
    right = width - 1 - np.argmax(mask[rows, ::-1], axis=1)
    top = np.argmax(mask[:, cols], axis=0)
    bottom = height - 1 - np.argmax(mask[::-1, cols], axis=0)
    fitted = [_fit(rows, left), _fit(rows, right), _fit(cols, top), _fit(cols, bottom)]
    return None if any(line is None for line in fitted) else fitted


def _middle(indices: np.ndarray) -> np.ndarray:
    low, high = indices[0], indices[-1]
    span = high - low
    return indices[(indices >= low + EDGE_SPAN[0] * span) & (indices <= low + EDGE_SPAN[1] * span)]


def _fit(along: np.ndarray, across: np.ndarray) -> tuple[float, float] | None:
    """A straight line through the edge points (least squares, refitted without the outliers), or None when
    the points do not lie on one."""
    along, across = along.astype(np.float64), across.astype(np.float64)
    if len(along) < 10:
        return None
    slope, offset = _line_fit(along, across)
    keep = np.abs(across - (slope * along + offset)) <= EDGE_RESIDUAL
    if keep.sum() < 0.6 * len(along):
        return None
    slope, offset = _line_fit(along[keep], across[keep])
    scatter = float(np.median(np.abs(across[keep] - (slope * along[keep] + offset))))
    return (float(slope), float(offset)) if scatter <= MAX_EDGE_SCATTER else None


def _line_fit(xs: np.ndarray, ys: np.ndarray) -> tuple[float, float]:
    """Least squares y = slope·x + offset in closed form: numpy's polyfit goes through LAPACK, whose BLAS
    reserves ~30 MB of address space per process, and workers run under an address-space cap."""
    mx, my = float(xs.mean()), float(ys.mean())
    spread = float(((xs - mx) ** 2).sum())
    slope = float(((xs - mx) * (ys - my)).sum()) / spread if spread else 0.0
    return slope, my - slope * mx


def _corners(left, right, top, bottom):
    def meet(vertical, horizontal):  # x = a·y + b and y = c·x + d
        a, b = vertical
        c, d = horizontal
        if abs(1 - a * c) < 1e-6:
            return None
        x = (a * d + b) / (1 - a * c)
        return x, c * x + d
    corners = [meet(left, top), meet(right, top), meet(right, bottom), meet(left, bottom)]
    return None if any(c is None for c in corners) else corners


def _plausible(corners, width: int, height: int) -> bool:
    """A convex quadrilateral, large, within the frame (a little slack), with a corner well inside it."""
    pts = np.array(corners)
    if (pts[:, 0] < -0.02 * width).any() or (pts[:, 0] > 1.02 * width).any():
        return False
    if (pts[:, 1] < -0.02 * height).any() or (pts[:, 1] > 1.02 * height).any():
        return False
    edges = np.roll(pts, -1, axis=0) - pts
    turns = edges[:, 0] * np.roll(edges, -1, axis=0)[:, 1] - edges[:, 1] * np.roll(edges, -1, axis=0)[:, 0]
    if not ((turns > 0).all() or (turns < 0).all()):
        return False
    area = 0.5 * abs(float((pts[:, 0] * np.roll(pts[:, 1], -1) - pts[:, 1] * np.roll(pts[:, 0], -1)).sum()))
    if area < MIN_AREA * width * height:
        return False
    frame = np.array([(0, 0), (width, 0), (width, height), (0, height)], dtype=np.float64)
    offsets = np.abs(pts - frame) / np.array([width, height])
    return bool(offsets.max() > MIN_OFFSET)


def _contrasted(grey: np.ndarray, corners) -> bool:
    """The sheet clearly brighter than what lies around it (a page's own white margin is not a sheet)."""
    height, width = grey.shape
    inside = Image.new("L", (width, height), 0)
    ImageDraw.Draw(inside).polygon([tuple(c) for c in corners], fill=255)
    region = np.asarray(inside) > 0
    outside = ~np.asarray(inside.filter(ImageFilter.MaxFilter(9))).astype(bool)  # away from the blurred border
    if outside.sum() < 0.02 * width * height:
        return False
    return float(np.median(grey[region])) - float(np.median(grey[outside])) >= MIN_CONTRAST


def warp_sheet(image: Image.Image, sheet: Sheet, max_side: int = 2400) -> Image.Image:
    """The sheet as an upright rectangle (its sides the mean of its opposite edges), grey, at most ``max_side``."""
    pts = np.array(sheet.corners)
    side = lambda a, b: float(np.hypot(*(pts[a] - pts[b])))  # noqa: E731
    width = (side(0, 1) + side(3, 2)) / 2
    height = (side(0, 3) + side(1, 2)) / 2
    grey = ImageOps.grayscale(image)
    factor = min(1.0, max_side / max(width, height))
    if factor < 0.9:  # reduced first: the warp samples without smoothing
        grey = grey.resize((round(grey.width * factor), round(grey.height * factor)), Image.LANCZOS)
        pts = pts * (grey.width / image.width, grey.height / image.height)
    out_w, out_h = max(1, round(width * factor)), max(1, round(height * factor))
    inset = INSET * np.array([out_w, out_h])
    target = [(-inset[0], -inset[1]), (out_w + inset[0], -inset[1]),
              (out_w + inset[0], out_h + inset[1]), (-inset[0], out_h + inset[1])]
    coefficients = perspective_coefficients([tuple(p) for p in pts], target)
    return grey.transform((out_w, out_h), Image.PERSPECTIVE, coefficients, Image.BICUBIC, fillcolor=255)


def perspective_coefficients(source, target) -> list[float]:
    """The 8 coefficients for ``Image.transform(..., Image.PERSPECTIVE)`` taking each ``target`` point (output
    pixel) back to its ``source`` point (input pixel)."""
    rows, values = [], []
    for (x, y), (u, v) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    return _solve(rows, values)


def _solve(matrix: list[list[float]], values: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting on the 8×8 system (no LAPACK: see _line_fit)."""
    a = [list(map(float, row)) + [float(v)] for row, v in zip(matrix, values)]
    n = len(a)
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            raise ValueError("degenerate quadrilateral")
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
    solution = [0.0] * n
    for r in range(n - 1, -1, -1):
        solution[r] = (a[r][n] - sum(a[r][c] * solution[c] for c in range(r + 1, n))) / a[r][r]
    return solution


def _evened_when_shaded(image: Image.Image) -> Image.Image:
    """A photo cropped to its sheet, lit from one side, evened (and sharpened, as a warped sheet is); any other
    image (a flat scan) returned as it was, the same object."""
    small = ImageOps.grayscale(image)
    small.thumbnail((LIGHT_THUMB, LIGHT_THUMB), Image.BILINEAR)
    if min(small.size) < LIGHT_WINDOW * 3:
        return image
    paper = np.asarray(small.filter(ImageFilter.MaxFilter(LIGHT_WINDOW)), dtype=np.int16)
    dark, light = np.percentile(paper, [5, 95])
    if light <= 0 or 1 - dark / light < MIN_UNEVEN or _largest_step(paper) > MAX_LIGHT_STEP:
        return image
    return even_light(ImageOps.grayscale(image)).filter(ImageFilter.UnsharpMask(**SHARPEN))


def _largest_step(levels: np.ndarray) -> int:
    """The largest difference between neighbouring pixels, the frame's border (the max filter's edge) left out."""
    inner = levels[LIGHT_WINDOW:-LIGHT_WINDOW, LIGHT_WINDOW:-LIGHT_WINDOW]
    return int(max(np.abs(np.diff(inner, axis=0)).max(), np.abs(np.diff(inner, axis=1)).max()))


def even_light(grey: Image.Image) -> Image.Image:
    """Paper lit unevenly (a shadow across it) brought to one white: each pixel divided by the paper's light
    there, estimated as the brightest nearby (text removed by a max filter) and smoothed. Light that is even
    already is left as it is."""
    small = grey.copy()
    small.thumbnail((LIGHT_THUMB, LIGHT_THUMB), Image.BILINEAR)
    paper = small.filter(ImageFilter.MaxFilter(LIGHT_WINDOW)).filter(ImageFilter.GaussianBlur(LIGHT_WINDOW))
    levels = np.asarray(paper, dtype=np.float32)
    dark, light = np.percentile(levels, [5, 95])
    if light <= 0 or 1 - dark / light < MIN_UNEVEN:
        return grey
    light_map = np.asarray(paper.resize(grey.size, Image.BILINEAR), dtype=np.float32)
    flat = np.asarray(grey, dtype=np.float32) * (255.0 / np.maximum(light_map, 1.0))
    return Image.fromarray(np.clip(flat, 0, 255).astype(np.uint8), "L")
