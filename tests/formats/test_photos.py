"""Phone photos of printed pages: the sheet on a desk in perspective, lit unevenly, blurred, JPEG
(tests/renderings_photo.py) reads as the flat page does; flat scans are left exactly as they were;
hostile images fail with a reason, quickly."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.pipeline import process_file
from parsers.readers.image_reader import read_image
from parsers.readers.photo_geometry import find_sheet, flatten_photo
from schemas.blocks import Paragraph, Table
from tests.formats.test_scan_tables import ROWS, ruled_page
from tests.renderings_photo import photograph

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
LINES = [(330, "某县安全生产目标考核细则"),
         (120, "一、组织领导（20分）"),
         (120, "1.成立安全生产领导小组，明确分管领导。（5分）"),
         (120, "2.制定年度工作计划并按时上报。（5分）"),
         (120, "3.每季度召开专题会议研究部署工作。（10分）"),
         (120, "二、隐患排查（30分）"),
         (120, "1.建立隐患排查治理台账。（15分）"),
         (120, "2.重大隐患按期整改到位。（15分）")]
ITEMS = ["1.成立安全生产领导小组", "2.制定年度工作计划", "3.每季度召开专题会议", "1.建立隐患排查治理台账",
         "2.重大隐患按期整改到位"]

pytestmark = pytest.mark.usefixtures("own_ocr_engines")  # tests/formats/conftest.py


def _page() -> Image.Image:
    """An A4 page at 150 dpi: a title and two sections of numbered, scored items."""
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 34)
    for k, (left, text) in enumerate(LINES):
        draw.text((left, 160 + 70 * k), text, font=font, fill="black")
    return image


def _texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


@needs_font
@pytest.mark.parametrize("seed", [3, 11])
def test_photo_of_a_page_reads_as_the_flat_page(tmp_path, seed):
    page = _page()
    page.save(tmp_path / "flat.png")
    photograph(page, seed=seed, frame=(1500, 2000)).save(tmp_path / "photo.jpg", quality=80)
    flat = read_image(tmp_path / "flat.png", "flat.png")
    photo = read_image(tmp_path / "photo.jpg", "photo.jpg")
    assert _texts(photo) == _texts(flat)
    text = "".join(_texts(photo))
    assert all(item in text for item in ITEMS)
    # The extraction sees the same scored items.
    clauses = [[(t.seq, t.points) for t in process_file(tmp_path / name).targets] for name in ("flat.png", "photo.jpg")]
    assert clauses[0] and clauses[0] == clauses[1]


def _table_page() -> Image.Image:
    """An A4 page at 150 dpi with a 4×4 table ruled in 1-pixel lines (a thin rule, as Word prints it)."""
    return ruled_page(ROWS, rule=1)


@needs_font
def test_thin_ruled_table_photographed_blurred_still_reads_as_rows_and_cells(tmp_path):
    # The phone's blur left the thin rules grey (~135 at their core), lighter than ink: no table was found until
    # the flattened page was sharpened.
    photograph(_table_page(), seed=7).save(tmp_path / "table.jpg", quality=80)
    doc = read_image(tmp_path / "table.jpg", "table.jpg")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [list(r.cells) for r in tables[0].rows] == ROWS


@needs_font
def test_sheet_is_found_at_the_corners_it_was_photographed_with():
    photo = photograph(_page(), seed=5, frame=(1500, 2000))
    sheet = find_sheet(photo)
    assert sheet is not None
    xs, ys = zip(*sheet.corners)
    # The sheet lies inside the 5 % margin, pulled inwards by 3–8 % at each corner.
    assert all(0.05 * 1500 < x < 0.95 * 1500 for x in xs) and all(0.05 * 2000 < y < 0.95 * 2000 for y in ys)


@needs_font
@pytest.mark.parametrize("shape", ["flat", "askew", "grey border", "shaded header"])
def test_flat_scan_is_returned_unchanged(shape):
    page = _page().convert("L")
    if shape == "askew":  # as tests/renderings_scan.py: a sheet a little askew on the glass
        page = page.rotate(0.6, resample=Image.BICUBIC, fillcolor=255)
    elif shape == "grey border":  # the scanner lid's edge along two sides
        ImageDraw.Draw(page).rectangle([0, 0, 1239, 12], fill=90)
        ImageDraw.Draw(page).rectangle([0, 0, 12, 1753], fill=90)
    elif shape == "shaded header":  # a table's header row filled grey
        ImageDraw.Draw(page).rectangle([100, 900, 1140, 1000], fill=150)
    assert flatten_photo(page) is page


@pytest.mark.parametrize("size, colour", [((1, 1), 0), ((3000, 4000), 0), ((1, 3000), 255), ((4000, 20), 40)])
def test_degenerate_image_fails_with_no_readable_text_not_an_internal_error(tmp_path, size, colour):
    # A 1×3000 or 4000×20 sliver raised ResizeImgError inside the OCR engine (an 'internal error').
    path = tmp_path / "odd.png"
    Image.new("L", size, colour).save(path)
    start = time.monotonic()
    result = process_file(path)
    assert result.info.status == "failed" and "no readable text" in result.info.error
    assert time.monotonic() - start < 30


def test_huge_photo_of_a_blank_sheet_fails_with_a_reason_quickly(tmp_path):
    # 9000×7000 (63 million pixels, under the bomb limit): a bright quadrilateral on a dark desk, no text.
    image = Image.new("L", (7000, 9000), 70)
    ImageDraw.Draw(image).polygon([(600, 700), (6300, 500), (6500, 8400), (400, 8200)], fill=235)
    path = tmp_path / "huge.png"
    image.save(path)
    assert find_sheet(image) is not None
    start = time.monotonic()
    result = process_file(path)
    assert result.info.status == "failed" and "no readable text" in result.info.error
    assert time.monotonic() - start < 60


def test_noise_is_no_sheet():
    noise = Image.fromarray(np.random.default_rng(0).integers(0, 256, (800, 600), dtype=np.uint8))
    assert find_sheet(noise) is None
