"""Table shapes where the 序号 and the name are merged down over a group whose rows each carry a weight of
their own: every row is an item, the merged name is its group, and the row's name is the column with a value
in every row. Also an unnamed column numbering the rows, recognised by its content. Tables built in code."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import codes, docx_table, read

# 序号 / 项目 / 分值 merged down over each group (the group's points), the requirement and its deduction rule
# on two lines of one cell, and a per-row weight column (单项分值) beside the group's.
GROUP_POINTS_BESIDE_ITEM_WEIGHT = [
    ["序号", "项目", "分值", "考核标准", "单项分值", "得分"],
    ["1", "森林防火工作", "9", "1.建立防火巡查制度。\n未建立的扣2分。", "5", ""],
    ["", "", "", "2.按时上报火情信息。\n迟报1次扣1分。", "4", ""],
    ["2", "河道保洁工作", "6", "1.落实保洁人员。\n未落实的每处扣1分。", "6", ""],
]

EXPECTED_GROUP_POINTS = [
    ("1", "森林防火工作", "1.建立防火巡查制度。未建立的扣2分。", 5.0),
    ("1", "森林防火工作", "2.按时上报火情信息。迟报1次扣1分。", 4.0),
    ("2", "河道保洁工作", "1.落实保洁人员。未落实的每处扣1分。", 6.0),
]


def _rows(result):
    return [(r.row_no, r.category, r.indicator, r.weight) for r in result.indicators]


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_merged_name_beside_per_row_weights_is_the_group(tmp_path, layout):
    result = read(tmp_path, GROUP_POINTS_BESIDE_ITEM_WEIGHT, layout)
    assert _rows(result) == EXPECTED_GROUP_POINTS
    assert all(r.row_kind == "item" for r in result.indicators)
    assert codes(result, "error") == []


def test_merged_name_beside_per_row_weights_in_docx(tmp_path):
    path = docx_table(tmp_path, GROUP_POINTS_BESIDE_ITEM_WEIGHT, merges=[(0, 1, 2), (1, 1, 2), (2, 1, 2)])
    assert _rows(process_file(path)) == EXPECTED_GROUP_POINTS


def test_merged_name_with_one_weight_per_group_stays_the_name(tmp_path):
    """The weight merged down too: the rows below continue one item; its name is the merged column."""
    rows = [["序号", "项目", "考核标准", "分值"],
            ["1", "森林防火工作", "建立防火巡查制度", "9"],
            ["", "", "按时上报火情信息", ""],
            ["2", "河道保洁工作", "落实保洁人员", "6"]]
    result = read(tmp_path, rows)
    assert [r.indicator for r in result.indicators if r.row_no == "2"] == ["河道保洁工作"]
    assert {r.indicator for r in result.indicators if r.row_no == "1"} == {"森林防火工作"}


# An unnamed first column numbering the rows; the grouping header spread over two columns (the second's
# header cell empty), the group's points as a bare '(12)'; the row's own item under 考核标准; decimal weights
# under 赋分; empty form columns.
UNNAMED_NUMBERS_TWO_GROUP_COLUMNS = [
    ["", "考核内容", "", "考核标准", "赋分", "得分", "备注"],
    ["1", "安全生产(12)", "落实安全生产责任,防范各类事故发生", "签订安全生产责任书", "2.5", "", ""],
    ["", "", "", "开展隐患排查整治,建立整改台账", "4.5", "", ""],
    ["", "", "", "组织应急演练不少于2次", "5", "", ""],
    ["2", "环境卫生   (8)", "改善村容村貌,保持环境整洁", "垃圾日产日清", "3", "", ""],
    ["", "", "", "无乱堆乱放现象", "5", "", ""],
]


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_unnamed_row_numbers_and_a_group_over_two_columns(tmp_path, layout):
    result = read(tmp_path, UNNAMED_NUMBERS_TWO_GROUP_COLUMNS, layout)
    rows = result.indicators
    assert [(r.row_no, r.indicator, r.weight) for r in rows] == [
        ("1", "签订安全生产责任书", 2.5), ("1", "开展隐患排查整治,建立整改台账", 4.5), ("1", "组织应急演练不少于2次", 5.0),
        ("2", "垃圾日产日清", 3.0), ("2", "无乱堆乱放现象", 5.0)]
    assert [r.category for r in rows] == ["落实安全生产责任,防范各类事故发生"] * 3 + ["改善村容村貌,保持环境整洁"] * 2
    assert codes(result, "error") == []


def test_category_column_distinct_in_every_row_is_the_rows_name(tmp_path):
    """类别 | 分值 | 考核标准: no column names the goal and every row has its own 类别: that is the row's name."""
    rows = [["类别", "分值", "考核标准"],
            ["政府信息主动公开", "10", "及时公开政府信息。超期公开每条扣5分。"],
            ["政府信息公开年度报告", "10", "按时编制年度报告。未按时备案扣5分。"],
            ["保密审查", "6", "公开前进行保密审查。每例扣6分。"]]
    result = process_file(docx_table(tmp_path, rows))
    assert [(r.indicator, r.category, r.weight) for r in result.indicators] == [
        ("政府信息主动公开", None, 10.0), ("政府信息公开年度报告", None, 10.0), ("保密审查", None, 6.0)]
    assert result.indicators[0].criteria.startswith("及时公开政府信息")


def test_category_column_grouping_rows_stays_the_category(tmp_path):
    rows = [["类别", "考核标准", "分值"],
            ["信息公开", "及时公开政府信息。", "10"],
            ["", "按时编制年度报告。", "10"],
            ["保密工作", "公开前进行保密审查。", "6"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    assert [(r.category, r.indicator) for r in result.indicators] == [
        ("信息公开", "及时公开政府信息。"), ("信息公开", "按时编制年度报告。"), ("保密工作", "公开前进行保密审查。")]
