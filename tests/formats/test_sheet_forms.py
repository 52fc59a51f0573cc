"""Spreadsheets as offices keep table documents: a blank form (rows with only the indicator filled, the rest
left to fill in) is one table to its last row, and a cell merged across 分值 and 评分细则 stands in its first
column only, as a Word table reads it (regressions found by rendering the gold tables as .xlsx:
`python benchmarks/renderings.py --no-pdf --sheet`)."""
from __future__ import annotations

import openpyxl

from parsers.formats import read
from schemas.blocks import Paragraph, Table


def sheet(tmp_path, rows, merges=()):
    book = openpyxl.Workbook()
    ws = book.active
    for r, cells in enumerate(rows, start=1):
        for c, value in enumerate(cells, start=1):
            if value:
                ws.cell(row=r, column=c, value=value)
    for merge in merges:
        ws.merge_cells(merge)
    path = tmp_path / "form.xlsx"
    book.save(path)
    return read(path, str(path))


def test_a_blank_forms_rows_with_only_their_name_stay_in_the_table(tmp_path):
    doc = sheet(tmp_path, [["主要目标任务量化指标完成情况表"], ["主要指标", "目标任务", "完成情况", "完成比例"],
                           ["一、加快发展现代农业"], ["冬绿肥示范基地"], ["秸秆还田面积"], ["粮食总产"],
                           [], ["注：完成情况由各县填报。"]])
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r.cells[0] for r in table.rows] == ["主要指标", "一、加快发展现代农业", "冬绿肥示范基地", "秸秆还田面积", "粮食总产"]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["主要目标任务量化指标完成情况表", "注：完成情况由各县填报。"]


def test_a_note_right_under_the_table_is_no_row(tmp_path):
    doc = sheet(tmp_path, [["指标", "分值", "评分标准"], ["城镇新增就业", "10", "完成得10分"],
                           ["说明：加分项另计"], ["制表单位：县考核办"]])
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(table.rows) == 2
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["说明：加分项另计", "制表单位：县考核办"]


def test_a_cell_merged_across_columns_stands_in_its_first_column(tmp_path):
    rule = "提请县领导走访外地企业,每提请1个企业加0.5分"
    doc = sheet(tmp_path, [["序号", "指标", "分值", "评分细则"], ["1", "新引进项目数量", "30", "按进度得分"],
                           ["2", "加分项", rule]], merges=["C3:D3"])
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[-1].cells == ["2", "加分项", rule, ""]
