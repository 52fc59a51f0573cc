"""A page's orientation judged by its boxes: lines on end mean a page scanned sideways; a table of narrow columns
(numbers boxed one by one, a few cells' stacked short lines run together) is an upright page."""
from __future__ import annotations

import pytest

from parsers.ocr import OcrLine, _mostly_upright_boxes
from parsers.readers.image_reader import read_image
from schemas.blocks import Paragraph
from tests.formats.test_photos import FONT, _page

needs_font = pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")

pytestmark = pytest.mark.usefixtures("own_ocr_engines")  # tests/formats/conftest.py


def _box(text: str, width: float, height: float) -> OcrLine:
    return OcrLine(text, 0.0, 0.0, width, height, 1.0)


def test_narrow_column_table_page_is_not_a_page_on_end():
    # 210's photo, a table's continuation page: its numbers boxed one by one ('1', '6', '16' stand taller than
    # wide) and four cells' stacked lines run together ('上就的' 133×323) outnumbered its cells' two-character
    # lines ('污水' 92×70): the page was judged on end, turned a quarter and read sideways (`级水理镇污处`).
    digits = [_box(d, 42, 51) for d in "5161631623"]
    stacked = [_box("上就的", 133, 323), _box("建设", 108, 120), _box("沙诚标", 61, 155), _box("值0101分", 163, 382)]
    cells = [_box(t, 92, 68) for t in ("已建", "污水", "处理", "设施", "率达", "新增", "公共", "绿化", "面积")]
    assert not _mostly_upright_boxes(digits + stacked + cells)


def test_lines_on_end_are_a_page_on_end():
    lines = [_box(t, 53, 40 * len(t)) for t in ("某县安全生产目标考核细则", "一、组织领导（20分）", "二、隐患排查（30分）")]
    assert _mostly_upright_boxes(lines + [_box("1", 40, 50), _box("5", 40, 50)])


@needs_font
@pytest.mark.parametrize("turn", [90, 270])
def test_page_scanned_sideways_without_exif_is_turned_by_its_boxes(tmp_path, turn):
    page = _page().convert("L")
    page.save(tmp_path / "flat.png")
    page.rotate(turn, expand=True).save(tmp_path / "sideways.png")
    texts = [[b.text for b in read_image(tmp_path / name, name).blocks if isinstance(b, Paragraph)]
             for name in ("flat.png", "sideways.png")]
    assert texts[0] and texts[1] == texts[0]
