"""Scan regressions found by reading holdout31–37 rendered (benchmarks/renderings.py --scan), each named for what
broke: marks measured and pages drawn here."""
from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parsers.ocr import ocr_image
from parsers.ocr_punctuation import half_width_classes

# holdout35 3505's second page at 150 dpi: five commas measured ASCII (median 0.63 of a pitch), three brackets of a
# narrow column wider (0.86, 0.54, 0.83: each a fifth of a pitch off either way).
PAGE_VOTES = [("comma", 0.48), ("comma", 0.24), ("comma", 0.625), ("bracket", 0.857), ("bracket", 0.542),
              ("comma", 0.667), ("bracket", 0.833), ("comma", 0.667)]


def test_commas_and_brackets_measured_apart_follow_the_pages_marks_together():
    """holdout35 3505 scanned (1.000 → 0.000): page 2 set its brackets full width (`质量（基本分` / `200分）`) and its
    commas ASCII, so the 考核指标 cell merged over rows on pages 1 and 2 read two ways, no longer one group, and
    the column was taken for the indicators' names. A page types both classes one way (no gold document sets them
    apart): where the two classes measure apart, both follow the median of all the page's marks."""
    assert half_width_classes(PAGE_VOTES) == {"comma", "bracket"}


def test_classes_measured_apart_on_a_full_width_page_stay_full_width():
    wide = [(kind, advance + 0.45) for kind, advance in PAGE_VOTES]  # commas 1.1, brackets 1.0–1.3
    wide[1] = ("comma", 0.6)
    assert half_width_classes(wide) == frozenset()


def test_classes_measured_alike_keep_their_measure():
    assert half_width_classes([("comma", 0.3)] * 3 + [("bracket", 0.4)] * 3) == {"comma", "bracket"}
    assert half_width_classes([("comma", 1.0)] * 3 + [("bracket", 0.9)] * 3) == frozenset()


FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
# A flattened table's rows as a web page keeps them (weight, space, next row's number), and numbers set close.
SPACED = ["活动经费有保障。2 28.老干部党支部职责明确", "先进集体(1分)。2 31.老干部工作者立功",
          "制度化,有具体措施。1 35.按时参加省委", "到2020年达到100%每少11个扣1分"]


@needs_font
@pytest.mark.parametrize(("size", "blur"), [(25, 0.0), (30, 0.8), (20, 0.6)])
def test_a_space_between_two_numbers_is_kept(size: int, blur: float):
    """holdout36 3603 scanned (0.947 → 0.000): `… 2 26.按照…` (a row's weight, then the next row's number) read
    `226.按照…`, the engine leaving the space out of its box, and the clauses' numbers and points were lost. Two
    digits whose inks stand a space apart (their centres over about their height apart) are parted by a space;
    digits set close (`2020`, `100`, `11`) stay one number."""
    image = Image.new("L", (size * 44, size * 8), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), size)
    for k, text in enumerate(SPACED):
        draw.text((40, 20 + int(1.7 * size * k)), text, font=font, fill=0)
    lines = ocr_image(image.filter(ImageFilter.GaussianBlur(blur)) if blur else image)
    assert [line.text for line in lines] == SPACED


def _page(lines: list[str], size: int = 28) -> Image.Image:
    image = Image.new("L", (size * 30, size * (2 * len(lines) + 2)), 255)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(str(FONT), size)
    for k, text in enumerate(lines):
        draw.text((40, 20 + int(1.8 * size * k)), text, font=font, fill=0)
    return image


HALF_WIDTH_PAGE = ["按照考核办法(试行),完成年度任务,每项(2分),合计(10分)。", "组织领导有力,制度健全,责任落实(5分)。",
                   "工作台账齐全,资料规范,按时报送(3分)。"]
POOR_PAGE = ["其他工作完成情况(1分"]  # one mark: too few to measure the page's convention


@needs_font
def test_a_page_too_poor_in_marks_follows_the_documents_earlier_pages():
    """holdout36 3603 scanned: its last page, one line with one bracket, kept the Chinese convention (`（1`) though
    every earlier page set its marks half width. A page with too few marks to measure follows what the document's
    earlier pages measured (``DocumentMarks``); alone it keeps the convention."""
    from parsers.ocr_punctuation import DocumentMarks

    assert [line.text for line in ocr_image(_page(POOR_PAGE))] == ["其他工作完成情况（1分"]
    marks = DocumentMarks()
    assert [line.text for line in ocr_image(_page(HALF_WIDTH_PAGE), document=marks)] == HALF_WIDTH_PAGE
    assert marks.half == {"comma", "bracket"}
    assert [line.text for line in ocr_image(_page(POOR_PAGE), document=marks)] == POOR_PAGE


@needs_font
def test_a_multipage_scan_reads_its_poor_page_by_its_earlier_pages(tmp_path: Path):
    """Through the image reader: a two-page TIFF whose second page holds one bracket reads it half width, as its
    first page set its marks."""
    from ingest.pipeline import RunOptions
    from parsers import formats

    path = tmp_path / "scan.tif"
    first, second = _page(HALF_WIDTH_PAGE), _page(POOR_PAGE)
    first.save(path, save_all=True, append_images=[second])
    doc = formats.read(path, str(path), RunOptions())
    assert any("其他工作完成情况(1分" in block.text for block in doc.paragraphs())
