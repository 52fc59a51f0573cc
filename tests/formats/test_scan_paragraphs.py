"""Paragraphs of a scanned page: found by the renderings' scans (`benchmarks/renderings.py --scan`), where a page of
short lines, each a heading or an item of its own, came out as three paragraphs."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.readers.image_reader import read_image
from schemas.blocks import Paragraph

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LINES = ["环境质量指标（35分）", "一、城市环境空气质量（18分）", "二、集中式饮用水源地水质达标率（6分）",
         "三、城市水域功能区水质达标率（6分）", "污染控制指标（40分）", "四、主要污染物总量减排任务（15分）",
         "五、重金属污染综合防治（8分）", "环境管理指标（25分）", "六、政府落实环保责任情况（3分）"]
TITLE = "某省环境保护责任考核指标体系"


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
def test_a_scanned_page_of_short_lines_keeps_each_line_and_its_larger_title_apart(tmp_path):
    # 150 dpi A4: a title set larger (about 22 pt) and centred, then body lines (16 pt) none of which reaches the right
    # margin. Without the page's width the longest line passed for one that ran to the margin (the next line its wrap),
    # and OCR box heights (brackets make a body line's box as tall as the title's) did not set the title apart.
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    title, body = ImageFont.truetype(str(FONT), 46), ImageFont.truetype(str(FONT), 33)
    width = draw.textlength(TITLE, font=title)
    draw.text(((1240 - width) / 2, 180), TITLE, font=title, fill=0)
    for k, line in enumerate(LINES):
        draw.text((165, 280 + 58 * k), line, font=body, fill=0)
    image.save(tmp_path / "short.png")
    doc = read_image(tmp_path / "short.png", "short.png")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == [TITLE] + LINES
