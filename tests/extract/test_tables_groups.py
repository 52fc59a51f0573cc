"""Which descriptive column is the row's own name, and which group the rows, when a table has several:
inferred from the content (values running down over several rows, a subtotal in the cell), not from
the header words. Tables built in code: tab-cell text (merges lost) and .docx (merges kept)."""
from __future__ import annotations

import json

import pytest

from ingest.pipeline import process_file
from parsers.extract.headers import header_role, points_at_end
from parsers.extract.table_roles import _shape
from tests.extract.test_tables_roles import codes, docx_table, read

# A grouping column under a content header, merged down its rows with the group's subtotal in the
# cell, beside a column named as the items' name.
CONTENT_GROUP = [
    ["主要内容", "项目名称", "评分方法", "分值", "牵头单位"],
    ["平安建设(6分)", "开展矛盾纠纷排查", "查看台账，未排查扣1分", "3", "县司法局"],
    ["", "落实网格化管理", "实地查看，每缺一项扣0.5分", "3", "县委政法委"],
    ["环境整治（4分）", "整治村庄环境", "抽查两个村", "4", "县住建局"],
]


def _groups(result):
    return [(r.category, r.category_points, r.indicator, r.weight) for r in result.indicators]


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_content_column_merged_with_a_subtotal_is_the_category(tmp_path, layout):
    result = read(tmp_path, CONTENT_GROUP, layout)
    assert _groups(result) == [
        ("平安建设(6分)", 6.0, "开展矛盾纠纷排查", 3.0), ("平安建设(6分)", 6.0, "落实网格化管理", 3.0),
        ("环境整治（4分）", 4.0, "整治村庄环境", 4.0)]
    first = result.indicators[0]
    assert first.target is None and first.criteria == "查看台账，未排查扣1分"
    assert first.units_raw == ["县司法局"]
    assert codes(result, "warning") == codes(result, "error") == []


def test_content_column_merged_with_a_subtotal_in_docx_is_checked(tmp_path):
    rows = [r[:] for r in CONTENT_GROUP]
    rows[2][3] = "2"  # 3 + 2 ≠ 6
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    assert [r.category for r in result.indicators] == ["平安建设(6分)"] * 2 + ["环境整治（4分）"]
    assert [r.indicator for r in result.indicators][:2] == ["开展矛盾纠纷排查", "落实网格化管理"]
    (f,) = [f for f in result.findings if f.code == "weight_total_mismatch"]
    assert (f.expected, f.actual) == ("6", "5")


# Two grouping columns (the outer with its subtotal), then 序号, then the items' names; none of the
# three descriptive headers names a name.
TWO_LEVELS = [
    ["工作任务", "目标任务", "序号", "具体内容", "分值", "评分标准"],
    ["民生保障\n(5分)", "就业帮扶", "1", "新增就业岗位", "2", "完成得2分"],
    ["", "", "2", "开展技能培训", "1", "完成得1分"],
    ["", "社会救助", "3", "落实低保动态管理", "2", "完成得2分"],
    ["公共安全(3分)", "消防安全", "4", "建设微型消防站", "3", "建成得3分"],
]


def test_row_name_is_the_column_with_a_value_of_its_own_in_every_row(tmp_path):
    assert {header_role(h)[0] for h in TWO_LEVELS[0][:2] + TWO_LEVELS[0][3:4]} == {"target"}
    result = read(tmp_path, TWO_LEVELS)
    assert [(r.row_no, r.indicator, r.category_points, r.weight) for r in result.indicators] == [
        ("1", "新增就业岗位", 5.0, 2.0), ("2", "开展技能培训", 5.0, 1.0), ("3", "落实低保动态管理", 5.0, 2.0),
        ("4", "建设微型消防站", 3.0, 3.0)]
    assert [r.category for r in result.indicators] == ["民生保障(5分)"] * 3 + ["公共安全(3分)"]
    # the inner grouping column is kept apart, as it stands in its first row
    assert json.loads(result.indicators[0].extra) == {"目标任务": "就业帮扶"}
    assert codes(result, "warning") == codes(result, "error") == []


def test_row_name_beside_two_grouping_columns_in_docx(tmp_path):
    path = docx_table(tmp_path, TWO_LEVELS, merges=[(0, 1, 3), (1, 1, 2)])
    result = process_file(path)
    assert [r.indicator for r in result.indicators] == ["新增就业岗位", "开展技能培训", "落实低保动态管理",
                                                        "建设微型消防站"]
    assert [r.category_points for r in result.indicators] == [5.0, 5.0, 5.0, 3.0]
    assert codes(result, "error") == []


def test_named_name_column_merged_with_a_subtotal_groups_the_content_column(tmp_path):
    rows = [["序号", "考核项目", "考核内容", "分值"],
            ["1", "队伍建设（10分）", "配齐专职人员", "4"],
            ["2", "", "定期开展培训", "6"],
            ["3", "制度建设(5分)", "建立工作台账", "5"]]
    result = read(tmp_path, rows)
    assert [(r.category_points, r.indicator) for r in result.indicators] == [
        (10.0, "配齐专职人员"), (10.0, "定期开展培训"), (5.0, "建立工作台账")]
    assert codes(result, "warning") == []


def test_distinct_content_left_of_the_name_stays_the_target(tmp_path):
    rows = [["序号", "目标任务", "指标名称", "分值"],
            ["1", "新建道路10公里", "道路建设", "50"],
            ["2", "改造管网5公里", "管网改造", "50"]]
    result = read(tmp_path, rows)
    assert [(r.indicator, r.target, r.category) for r in result.indicators] == [
        ("道路建设", "新建道路10公里", None), ("管网改造", "改造管网5公里", None)]


def test_regression_continuation_row_does_not_make_the_name_a_group(tmp_path):
    """A row with blank 序号 and name continues the row above: its blanks are no merge of a group."""
    rows = [["序号", "工作内容", "目标任务", "分值"],
            ["1", "招商引资(10分)", "引进项目3个", "6"],
            ["", "", "到位资金1亿元", "4"],
            ["2", "项目建设(10分)", "开工项目2个", "10"]]
    result = read(tmp_path, rows)
    assert [(r.row_no, r.indicator, r.target) for r in result.indicators] == [
        ("1", "招商引资(10分)", "引进项目3个"), ("1", "招商引资(10分)", "到位资金1亿元"),
        ("2", "项目建设(10分)", "开工项目2个")]


@pytest.mark.parametrize("values, shape", [
    (["甲(2分)", "", "", "乙(1分)"], "grouping"),
    (["甲", "甲", "乙"], "grouping"),
    (["甲", "乙", "丙"], "distinct"),
    (["甲", "乙", "甲"], None),  # a value coming back is no merge
    (["", "甲", "乙"], None),
    (["甲"], None),
])
def test_shape_of_a_column(values, shape):
    assert _shape(values) == shape


def test_method_headers_are_criteria_and_subtotals_read_from_the_cell_end():
    assert {header_role(h)[0] for h in ("考评方法", "检查方法", "评价方法")} == {"criteria"}
    assert (points_at_end("平安建设(6分)"), points_at_end("民生保障\n（ 5 分）"), points_at_end("平安建设")) == (
        6.0, 5.0, None)


def test_grouping_column_under_an_unknown_header_with_subtotals_is_the_category(tmp_path):
    rows = [["序号", "板块", "指标名称", "分值"],
            ["1", "基层治理（7分）", "村务公开", "3"],
            ["2", "", "民主议事", "4"],
            ["3", "乡风文明（3分）", "移风易俗", "3"]]
    rows[0][1] = "归属"  # a header word no synonym knows
    assert header_role("归属") is None
    result = read(tmp_path, rows)
    assert [(r.category, r.category_points, r.indicator) for r in result.indicators] == [
        ("基层治理（7分）", 7.0, "村务公开"), ("基层治理（7分）", 7.0, "民主议事"), ("乡风文明（3分）", 3.0, "移风易俗")]
    assert codes(result, "warning") == []


def test_unknown_grouping_header_and_no_name_header(tmp_path):
    rows = [["归属", "序号", "工作要点", "分值"],
            ["基层治理（7分）", "1", "村务公开", "3"],
            ["", "2", "民主议事", "4"]]
    result = read(tmp_path, rows)
    assert [(r.category_points, r.indicator, r.weight) for r in result.indicators] == [
        (7.0, "村务公开", 3.0), (7.0, "民主议事", 4.0)]


def test_regression_docx_item_merged_over_two_rows_is_no_group(tmp_path):
    """序号 and name merged over two rows of one item (.docx repeats them): still the row's name."""
    rows = [["序号", "工作内容", "目标任务", "分值"],
            ["1", "招商引资(10分)", "引进项目3个", "6"],
            ["", "", "到位资金1亿元", "4"],
            ["2", "项目建设(10分)", "开工项目2个", "10"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2), (1, 1, 2)]))
    assert [(r.indicator, r.target, r.category) for r in result.indicators] == [
        ("招商引资(10分)", "引进项目3个", None), ("招商引资(10分)", "到位资金1亿元", None),
        ("项目建设(10分)", "开工项目2个", None)]
