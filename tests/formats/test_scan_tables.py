"""Ruled tables in scans read as tables: a table drawn in a CJK font, OCR'd from the image."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from parsers.readers.image_reader import read_image
from schemas.blocks import Table

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
ROWS = [["序号", "指标名称", "分值", "责任单位"],
        ["1", "城镇新增就业人数", "10", "人社局"],
        ["2", "农村劳动力转移", "15", "农业局"],
        ["3", "失业人员再就业", "20", "民政局"]]
WIDTHS = [160, 520, 160, 320]
ROW_HEIGHT = 90


def ruled_page(rows: list[list[str]], *, top: int = 260, row_height: int = ROW_HEIGHT, size: int = 36, rule: int = 3,
               title: str | None = None, title_at: tuple[int, int] = (300, 120), pad: tuple[int, int] = (20, 25),
               left_of_rule=None, blank=lambda r, c: False) -> Image.Image:
    """An A4 page at 150 dpi holding a ruled table of ``rows`` (columns WIDTHS wide), with ``title`` above it.
    ``left_of_rule(k)``: where the k-th horizontal rule starts (a merged column it does not cross); ``blank(r, c)``:
    a cell left unwritten (covered by a merge)."""
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), size)
    if title:
        draw.text(title_at, title, font=font, fill=0)
    xs = [40 + sum(WIDTHS[:k]) for k in range(len(WIDTHS) + 1)]
    ys = [top + k * row_height for k in range(len(rows) + 1)]
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=rule)
    for k, y in enumerate(ys):
        draw.line([((left_of_rule or (lambda k: xs[0]))(k), y), (xs[-1], y)], fill=0, width=rule)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if not blank(r, c):
                draw.text((xs[c] + pad[0], ys[r] + pad[1]), text, font=font, fill=0)
    return image


def _scan(path: Path) -> Path:
    """A title line above a ruled 4×4 table."""
    ruled_page(ROWS, title="附件：就业目标任务分解表").save(path)
    return path


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
def test_ruled_table_in_an_image_reads_as_rows_and_cells(tmp_path):
    doc = read_image(_scan(tmp_path / "table.png"), "table.png")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [list(r.cells) for r in tables[0].rows]
    assert rows == ROWS  # exact: the drawn font is clean; OCR errors would show here
    # The title outside the table stays a line of the page.
    assert any("分解表" in getattr(b, "text", "") for b in doc.blocks if not isinstance(b, Table))


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
def test_page_without_rules_has_no_table(tmp_path):
    image = Image.new("L", (1240, 600), 255)
    ImageDraw.Draw(image).text((100, 100), "一、目标任务", font=ImageFont.truetype(str(FONT), 36), fill=0)
    image.save(tmp_path / "plain.png")
    doc = read_image(tmp_path / "plain.png", "plain.png")
    assert not any(isinstance(b, Table) for b in doc.blocks)


MERGED = [["类别", "指标名称", "分值", "责任单位"],
          ["就业", "城镇新增就业人数", "10", "人社局"],
          ["就业", "农村劳动力转移", "15", "农业局"],
          ["就业", "失业人员再就业", "20", "民政局"]]


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
@pytest.mark.parametrize("width", [1, 2])
def test_a_table_scanned_askew_keeps_the_rules_of_its_merged_column(tmp_path, width):
    # Rules between the rows stop at the merged 类别 column; the sheet lay 0.6° askew on the glass, more than
    # levelling leaves straight: each rule steps from one pixel row to the next along its length, and the
    # short end step at the merged column's border was taken for no rule (the cells then ran together).
    xs = [40 + sum(WIDTHS[:k]) for k in range(len(WIDTHS) + 1)]
    image = ruled_page(MERGED, rule=width, left_of_rule=lambda k: xs[0] if k in (0, 1, len(MERGED)) else xs[1],
                       blank=lambda r, c: c == 0 and r >= 2)
    image = image.rotate(0.25, resample=Image.BICUBIC, fillcolor=255)  # under SKEW_MIN: left as it lies
    image.save(tmp_path / "askew.jpg", quality=70)
    doc = read_image(tmp_path / "askew.jpg", "askew.jpg")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [list(r.cells) for r in table.rows] == MERGED  # the merged cell's text in every row it spans


def test_an_ocr_box_run_across_a_cell_border_is_cut_at_the_border():
    # renderings --scan, 808: the engine read `材料记录（新` and the next cell's `2分` as one box, so the 分值 cell
    # stood empty and the row had no weight. The box is cut where the border crosses it, by character pitch.
    from parsers.ocr import OcrLine
    from parsers.readers.scan_tables import _cut_at_borders

    box = OcrLine("材料记录（新2分", 100.0, 10.0, 175.0, 20.0, 0.9)  # six 10-pt characters, then `2` (5) and `分`
    assert [(p.text, p.x0, p.x1) for p in _cut_at_borders(box, [50.0, 160.0, 300.0])] == [
        ("材料记录（新", 100.0, 160.0), ("2分", 160.0, 175.0)]
    assert _cut_at_borders(box, [50.0, 300.0]) == [box]  # no border inside: as the engine gave it


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
def test_a_header_row_a_page_break_left_alone_at_the_foot_of_a_scanned_page_heads_the_next_page(tmp_path):
    # renderings --scan, 003: the header row's cell borders are one row tall (under the 40-pt rule length), so the
    # row was read as a line of text and the table on the next page had no header.
    first = ruled_page(ROWS[:1], top=1500, row_height=60, size=32, rule=2, title="附件：就业目标任务分解表",
                       title_at=(100, 200), pad=(15, 12))
    second = ruled_page(ROWS[1:], top=150, row_height=60, size=32, rule=2, pad=(15, 12))
    first.save(tmp_path / "two.tif", save_all=True, append_images=[second])
    doc = read_image(tmp_path / "two.tif", "two.tif")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [list(r.cells) for r in table.rows] == ROWS


@pytest.mark.skipif(not FONT.is_file(), reason="needs the WenQuanYi CJK font")
def test_a_cell_border_broken_by_a_pixel_in_a_short_header_row_still_parts_its_cells(tmp_path):
    # renderings --scan, 605: the border between 考核内容 and 评分标准 broke for one pixel in the header row, so its
    # pieces there (each shorter than a rule) were dropped and the border did not reach the top: the two header cells
    # ran into one, and their boxes, a pixel apart in height on a sheet askew, read `评分标准考核内容`.
    image = ruled_page(ROWS, row_height=56, size=30, rule=2, pad=(15, 10))
    xs = [40 + sum(WIDTHS[:k]) for k in range(len(WIDTHS) + 1)]
    draw = ImageDraw.Draw(image)
    for x in xs[1:-1]:  # a one-pixel break in each inner border, halfway down the header row
        draw.line([(x - 2, 260 + 28), (x + 2, 260 + 28)], fill=255, width=1)
    image.save(tmp_path / "gap.png")
    doc = read_image(tmp_path / "gap.png", "gap.png")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert list(table.rows[0].cells) == ROWS[0]


def test_boxes_side_by_side_in_a_cell_read_left_to_right_though_askew():
    from parsers.ocr import OcrLine
    from parsers.readers.scan_tables import _cell_text

    left, right = OcrLine("考核内容", 10.0, 11.0, 50.0, 21.0, 0.9), OcrLine("评分标准", 60.0, 10.0, 100.0, 20.0, 0.9)
    below = OcrLine("（续）", 10.0, 24.0, 40.0, 34.0, 0.9)
    # each visual line of the cell a line, as a text-layer PDF's cell has them: renderings --scan, 1302, 1503, 704 and
    # 705 (a units cell a unit a line) and 1701 better (64 table documents scanned: 0.871 → 0.881, none lower)
    assert _cell_text((0.0, 0.0, 120.0, 40.0), [right, below, left]) == "考核内容评分标准\n（续）"


def test_an_ocr_box_is_cut_where_the_engine_placed_its_characters_not_by_estimated_pitch():
    # renderings --scan, 808: `材料记录（新` + `2分` in one box; by pitch `新` fell right of the border, the 分值 cell read
    # `新2分` (no weight) and the table's columns took other roles. The engine's character starts place it left.
    from parsers.ocr import OcrLine
    from parsers.readers.scan_tables import _cut_at_borders

    box = OcrLine("材料记录（新2分", 100.0, 10.0, 175.0, 20.0, 0.9,
                  starts=(100.0, 110.0, 120.0, 130.0, 140.0, 143.0, 160.0, 165.0))
    assert [p.text for p in _cut_at_borders(box, [153.0])] == ["材料记录（新", "2分"]
    assert [p.text for p in _cut_at_borders(replace(box, starts=()), [153.0])] == ["材料记录（", "新2分"]  # by pitch


def test_ocr_body_lines_are_sized_by_their_characters_pitch_not_their_boxes_height():
    # renderings --scan, 602: a box is about a sixth taller than its type (the engine's margin), so the paragraph
    # rules, in ems, were that much looser: `附件3:` on its own line ran into the short line above it.
    from parsers.ocr import OcrLine
    from parsers.readers.scan_tables import _sizes_by_pitch

    body = [OcrLine("节能目标责任评价考核计分细则", 110.0, 100.0 + 28 * k, 334.0, 118.7 + 28 * k, 0.9, size=18.7)
            for k in range(3)]
    title = OcrLine("各区人民政府节能目标责任评价考核", 100.0, 40.0, 484.0, 64.0, 0.9, size=24.0)
    assert _sizes_by_pitch(body + [title]) == [16.0, 16.0, 16.0, 24.0]
