"""A table printed without borders (a Word table without its grid): no rule finds it, and pdfium's text interleaves
its wrapped cells (`1 经济发展 地区生产总` / `值增长` / `20 完成目标得` …), so all its rows had been lost to scattered
paragraphs (48 built variants: 0 rows each). Its header row's cells start its columns, each line whose first column
holds text starts a row (parsers/readers/pdf_unruled_tables.py)."""
from __future__ import annotations

import docx

from ingest.pipeline import process
from tests.formats.conftest import soffice_or_skip
from tests.renderings_build import convert_to_pdf

ROWS = [["序号", "类别", "指标名称", "分值", "评分标准", "责任单位"],
        ["1", "经济发展", "地区生产总值增长", "20", "完成目标得满分，每低1个百分点扣2分", "市发展改革委、市统计局"],
        ["2", "经济发展", "一般公共预算收入", "15", "完成得满分，未完成按比例扣分", "市财政局"],
        ["3", "社会民生", "城镇新增就业", "20", "完成得满分，每少100人扣1分", "市人社局"],
        ["4", "社会民生", "新增养老床位", "15", "完成得满分", "市民政局"]]


def _borderless_docx(path):
    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph("2024年度目标任务考核评分表")
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))  # the default style draws no borders
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("以上指标由各责任单位负责落实，年底统一考核。")
    document.save(path)
    return path


def test_table_printed_without_borders_reads_as_its_docx(tmp_path):
    soffice = soffice_or_skip()
    source = _borderless_docx(tmp_path / "borderless.docx")
    (pdf,) = convert_to_pdf([source], tmp_path, soffice)
    rows = [(r.row_no, r.category, r.indicator, r.weight, r.units_raw) for r in process(pdf).indicators
            if r.row_kind == "item"]
    assert rows == [(r[0], r[1], r[2], float(r[3]), r[5].split("、")) for r in ROWS[1:]]
    assert rows == [(r.row_no, r.category, r.indicator, r.weight, r.units_raw) for r in process(source).indicators
                    if r.row_kind == "item"]
