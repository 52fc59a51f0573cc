"""A table row the page break cut, its tail one ruled box at the next page's top: on a scan the OCR box of the tail's
first line reached a point above the rule it stands under, so the line counted as text above the box, the box was
no lone row at a page's edge and was dropped (holdout31 3101 scanned 0.900, its tail read as five paragraphs)."""
from __future__ import annotations

from parsers.ocr import OcrLine
from parsers.readers.pdf_page_model import _Line, at_a_page_edge


def _ocr(text: str, top: float, bottom: float) -> OcrLine:
    return OcrLine(text, 80.0, top, 200.0, bottom, 0.9, size=bottom - top)


def test_a_lines_middle_places_it_inside_the_box_its_ocr_box_overreaches():
    box = (78.7, 72.0, 532.8, 142.6)
    lines = [_ocr("产意识，掌", 71.0, 81.0), _ocr("握一定的", 82.6, 93.0), _ocr("2、质量安全控制制度健全。", 147.8, 158.0)]
    assert at_a_page_edge(box, lines)
    # a line truly above the box (its middle above the rule) still is
    assert not at_a_page_edge(box, [_ocr("上一段文字", 50.0, 62.0), *lines])


def test_text_layer_lines_are_placed_by_their_middle_too():
    box = (78.7, 72.0, 532.8, 142.6)
    inside = _Line("产意识，掌", 3, 1, 80.0, 200.0, 71.5, 12.0)  # top 0.5 pt above the rule, its middle well below
    below = _Line("正文", 3, 2, 80.0, 200.0, 150.0, 12.0)
    assert at_a_page_edge(box, [inside, below])
    assert not at_a_page_edge(box, [_Line("标题", 3, 0, 80.0, 200.0, 40.0, 12.0), inside, below])
