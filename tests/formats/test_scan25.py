"""Scan and PDF regressions found by reading holdout19–25 rendered (benchmarks/renderings.py --scan): the rules on
lines and pages built here, each named for what broke."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from ingest.pipeline import process
from parsers.ocr_punctuation import half_width_classes, line_votes, set_punctuation
from parsers.readers.scan_tables import find_scan_tables
from tests.conftest import ROOT
from tests.formats.conftest import soffice_or_skip
from tests.renderings_build import build_docx, convert_to_pdf

DATA = ROOT / "tests" / "data"

PITCH = 25.0


def _placed(text: str, mark: float, digit: float = PITCH / 2) -> list[tuple[str, float]]:
    """Characters at the starts a printed line gives them: a Chinese character a pitch wide, an ASCII digit half
    a pitch, a mark ``mark`` wide (a share of the pitch)."""
    out, x = [], 100.0
    for ch in text:
        out.append((ch, x))
        x += digit if ch.isdigit() else mark * PITCH if ch in "()（）,，" else PITCH
    return out


NUMBERED_CELLS = ["(1)减贫人口完成率", "(2)义务教育保障", "(3)基本医疗保障"]


def test_brackets_of_numbered_cells_printed_half_width_stay_half_width():
    """holdout22 2204 scanned (0.000): a table whose brackets are all `(1)` at a cell's start, none after a Chinese
    character, so no bracket was measured and every `(1)` was set `（1）` (the indicators then fell under the
    scorer's similarity). The `)` between the digit and the next character measures the page's brackets."""
    votes = [v for text in NUMBERED_CELLS for v in line_votes(_placed(text, mark=0.3))]
    assert [kind for kind, _ in votes] == ["bracket"] * 3 and all(advance < 0.5 for _, advance in votes)
    half = half_width_classes(votes)
    assert half == {"bracket", "comma"}  # the commas, unmeasured, follow the brackets (below)
    assert set_punctuation("（1）减贫人口完成率", half) == "(1)减贫人口完成率"


def test_brackets_of_numbered_cells_printed_full_width_stay_full_width():
    full = [v for text in NUMBERED_CELLS for v in line_votes(_placed(text.replace("(", "（").replace(")", "）"),
                                                                    mark=1.0))]
    assert len(full) == 3 and half_width_classes(full) == frozenset()
    assert set_punctuation("(1)减贫人口完成率") == "（1）减贫人口完成率"


def test_marks_too_few_to_measure_follow_the_class_measured():
    """holdout21 2101 scanned: a page with its commas measured ASCII and two brackets (`乡镇(街道)`, fewer than a
    page's convention needs) set them full width, `乡镇（街道）`, under the scorer's similarity. A document types
    its brackets as its commas; a page measured on neither keeps the Chinese convention."""
    commas = line_votes(_placed("考核内容,分值,得分,扣分", mark=0.3))
    brackets = line_votes(_placed("乡镇(街道)政府", mark=0.3))
    assert len(commas) == 3 and len(brackets) == 2
    assert half_width_classes(commas + brackets) == {"comma", "bracket"}
    assert half_width_classes(line_votes(_placed("考核内容，分值，得分，扣分", mark=1.0)) + brackets) == frozenset()
    assert half_width_classes(brackets) == frozenset()


@pytest.fixture(scope="module")
def stacked_tables_pdf(tmp_path_factory) -> tuple[Path, Path]:
    """holdout20 2005 as the renderings build it: a form's funds block and its indicator table, two Word tables
    one under the other with no paragraph between, the indicator table going on over the page."""
    soffice = soffice_or_skip()
    folder = tmp_path_factory.mktemp("scan25")
    txt = DATA / "holdout20/2005_lijiang_gucheng_2020_weipian_zhifa_buzhu_jingfei_jixiao_zipingbiao.txt"
    gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
    docx = folder / "stacked.docx"
    build_docx(txt, docx, gold)
    convert_to_pdf([docx], folder, soffice)
    return docx, docx.with_suffix(".pdf")


def test_two_tables_drawn_one_under_the_other_are_two_tables(stacked_tables_pdf):
    """2005 as .pdf (0.000, its .txt 1.000): the two tables meet in one rule and were found as one, on a grid of
    both tables' columns (16), so the indicator rows were read under the funds block's header and the rows past
    the page break, 10 columns wide, made a table with no header."""
    docx, pdf = stacked_tables_pdf
    ex = process(pdf)
    assert ex.info.status == "ok", ex.info.error
    assert [(r.indicator, r.weight) for r in ex.indicators][-5:] == [
        ("衛片執法補助經費", 10.0), ("項目驗收合格率", 20.0), ("項目完成及時率", 20.0), ("違法行為責停率", 30.0),
        ("滿意度", 10.0)]
    assert [(r.indicator, r.weight) for r in ex.indicators] == [(r.indicator, r.weight) for r in process(docx).indicators]


def _grid(draw: ImageDraw.ImageDraw, xs: list[int], ys: list[int]) -> None:
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)


def test_scanned_tables_drawn_one_under_the_other_are_two_tables():
    """2005 scanned (0.000, its .txt 1.000): the scan's rules gave the same joint grid as the PDF's (above)."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    _grid(draw, [100, 400, 700, 1100], [200, 280, 360, 440])  # 3 columns, 3 rows
    _grid(draw, [100, 250, 500, 800, 950, 1100], [440, 520, 600])  # 5 columns, 2 rows, its top the rule above
    tables, _ = find_scan_tables(image, 72 / 150, [])
    assert [(len(t.rows), len(t.rows[0])) for t in tables] == [(3, 3), (2, 5)]


FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
def test_cell_of_characters_the_page_ocr_missed_is_read_alone():
    """holdout21 2101 scanned (0.786): a merged cell's name set one character a line (`民` / `主` / `选` / `举` /
    `8分`) on a page the detector sees shrunk to 960 px was not found at all; the cell stayed empty, and its rows
    took the group above. The page's OCR is given as having found nothing: the cell is read on its own."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    _grid(draw, [100, 220, 700], [200, 560, 640])
    font = ImageFont.truetype(str(FONT), 34)
    for k, text in enumerate(["民", "主", "选", "举", "8分"]):
        draw.text((125, 215 + 44 * k), text, font=font, fill=0)
    draw.text((250, 590), "·", font=font, fill=0)  # a speck: no characters, no OCR
    tables, _ = find_scan_tables(image, 72 / 150, [])
    assert [t.rows for t in tables] == [[["民主选举\n8分", ""], ["", ""]]]
