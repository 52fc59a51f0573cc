"""A phone photo cropped to its sheet (no desk around it to find) but lit from one side: its light is evened as a
warped sheet's is; a flat scan with a shaded block (a header, a picture) is still left exactly as it was."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from parsers.readers.image_reader import read_image
from parsers.readers.photo_geometry import flatten_photo
from schemas.blocks import Table
from tests.formats.test_photos import FONT, _page
from tests.formats.test_scan_tables import ROWS, ruled_page

needs_font = pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")

pytestmark = pytest.mark.usefixtures("own_ocr_engines")  # tests/formats/conftest.py


def _shaded(page: Image.Image, shadow: float) -> Image.Image:
    """``page`` lit from its top-left: the light falls off linearly to 1 − shadow at the bottom-right, a little
    blurred (a phone's focus)."""
    grey = np.asarray(page.convert("L"), dtype=np.float32)
    height, width = grey.shape
    xs = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    ys = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    lit = grey * (1.0 - shadow * (xs + ys) / 2)
    return Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))


@needs_font
def test_cropped_photo_in_deep_shade_reads_its_table_columns(tmp_path):
    # No desk in the frame, so no sheet was found and the light was never evened: in the darker half the paper
    # fell towards the ink threshold, the column rules were lost and cells ran together
    # ('指标名称分值责任', '城镇新增就业人数10人社').
    _shaded(ruled_page(ROWS, rule=1), shadow=0.65).save(tmp_path / "cropped.jpg", quality=80)
    doc = read_image(tmp_path / "cropped.jpg", "cropped.jpg")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [list(r.cells) for r in tables[0].rows] == ROWS


@needs_font
def test_cropped_shaded_photo_is_evened():
    shaded = _shaded(_page(), shadow=0.4)
    flat = np.asarray(flatten_photo(shaded), dtype=np.float32)
    corners = flat[:100, :100], flat[-100:, -100:]  # paper only: the text lies between them
    assert all(float(np.median(c)) > 235 for c in corners)


@needs_font
@pytest.mark.parametrize("box, fill", [([100, 900, 1140, 1000], 150), ([200, 700, 1000, 1300], 60),
                                       ([620, 877, 1239, 1753], 120)])
def test_scan_with_a_dark_block_is_left_unchanged(box, fill):
    # A shaded header, a dark picture, a grey quarter: a step in the paper's light, not a falloff.
    page = _page().convert("L")
    ImageDraw.Draw(page).rectangle(box, fill=fill)
    assert flatten_photo(page) is page


