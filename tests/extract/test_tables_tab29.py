"""Table shapes of the twenty-ninth round (holdout27 2702 and tests/data/holdout29/SOURCES.md), each built here with
its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _items(tmp_path, text: str) -> list[tuple]:
    path = write_text(tmp_path / "t.txt", text)
    return [(r.category, r.indicator, r.weight, r.target) for r in process_file(path).indicators]


# A header of two rows whose first cell spans two columns the row below names (`评价项目` over `一级项目 | 二级项目`),
# the upper row one cell short of its rows (holdout27 2702's layout). The sub-header was squared into the last
# columns and every row read one column off: the 一级 as nothing, the 二级 under the category, the weight as a target.
SPANNING_FIRST = """某区社区服务中心评价细则

评价项目 | 标准 分值 | 评价要点 | 评分标准 | 扣分说明 | 得分 | ||
一级项目 | 二级项目 | ||||||
服务设施 (20分) | 场地面积 (8分) | 8分 | 服务用房面积达到标准。 | 面积不足的扣4分。 | | |
"""


def test_two_row_header_first_cell_spanning_levels(tmp_path):
    assert _items(tmp_path, SPANNING_FIRST) == [
        ("服务设施(20分)", "场地面积(8分)", 8.0, "服务用房面积达到标准。"),
    ]


# The same header over several rows: the first row's empty cells close it, the rows below keep their merged 一级.
SPANNING_ROWS = SPANNING_FIRST + """| 活动场所 (12分) | 12分 | 设有活动室和阅览室。 | 缺一项扣6分。 | | |
队伍建设 (10分) | 人员配备 (10分) | 10分 | 配备专职社工不少于2名。 | 每少1名扣5分。 | | |
"""


def test_two_row_header_spanning_levels_over_rows(tmp_path):
    items = _items(tmp_path, SPANNING_ROWS)
    assert [(c, i, w) for c, i, w, _ in items] == [
        ("服务设施(20分)", "场地面积(8分)", 8.0),
        ("服务设施(20分)", "活动场所(12分)", 12.0),
        ("队伍建设(10分)", "人员配备(10分)", 10.0),
    ]


def _parties(tmp_path, text: str) -> list[tuple]:
    path = write_text(tmp_path / "t.txt", text)
    return [(r.row_no, r.category, r.indicator, r.weight, list(r.units)) for r in process_file(path).indicators]


# A box-drawn table whose left column is a label written down it one character a line, over the header and the rows
# (`│技│序号│…`, `│术│ 9 │…`), never closed by a rule under the header; units one a line inside their box (holdout29
# 2902's layout). The label was read as the header's first word and the rows had no group; `市经委` / `市城管局` ran
# together into one name.
BOX_LABEL = """┌─┬──┬─────┬─────┬───┬─────┐
│节│序号│ 项目 │ 考核评分标准 │标准分│ 责任单位 │
│ ├──┼─────┼─────┼───┼─────┤
│水│ 1 │雨水收集利│每低5%扣1分。│ 5 │ 县住建局 │
│ │ │用率 │ │ │ 县水利局 │
│指├──┼─────┼─────┼───┼─────┤
│ │ 2 │节水器具普│达到90%得3分。│ 3 │ 县住建局 │
│标│ │及率 │ │ │ │
│ ├──┼─────┼─────┼───┼─────┤
│ │ 3 │污水回用率│每低1%扣1分。│ 2 │ 县环保局 │
└─┴──┴─────┴─────┴───┴─────┘
"""


def test_box_table_vertical_label_is_rows_group_and_units_one_a_line(tmp_path):
    assert _parties(tmp_path, BOX_LABEL) == [
        ("1", "节水指标", "雨水收集利用率", 5.0, ["县住建局", "县水利局"]),
        ("2", "节水指标", "节水器具普及率", 3.0, ["县住建局"]),
        ("3", "节水指标", "污水回用率", 2.0, ["县环保局"]),
    ]


# Cells opened by `| ` at a line's start, rows closed by a line `|`, the header one cell short of its rows: its first
# cell (`考核内容`) spans the group and the item (holdout29 2901's layout), and the excerpt ends inside the last row. The
# first row was wider than the header, so the table ended at its header and the rows were read as a notice's clauses.
LEAD_SPANNING = """某市调解窗口考核评分标准
考核内容
| 分值
| 考核标准
| 扣分标准
|
窗口建设
| 场所标识
| 10
| 标识统一、醒目
| 不统一扣5分
|
| 接待设施
| 设有接待室和档案室
| 缺一项扣5分
|
队伍建设
| 人员配备
| 20
| 专职人员不少于3人
| 每少1人扣5
"""


def test_lead_pipe_header_first_cell_spanning_group_and_item(tmp_path):
    items = _parties(tmp_path, LEAD_SPANNING)
    assert [(c, i) for _, c, i, _, _ in items] == [
        ("窗口建设(10分)", "场所标识"), ("窗口建设(10分)", "接待设施"), ("队伍建设", "人员配备"),
    ]


def test_lead_pipe_weight_merged_with_group_is_group_points(tmp_path):
    # the second row leaves its group and its 分值 unwritten: the 10 is merged over the group's rows as its name is,
    # the group's points (holdout29 2901's `场所设置 | 基础设施 | 40`), not the first row's weight
    path = write_text(tmp_path / "t.txt", LEAD_SPANNING)
    assert [(r.indicator, r.weight, r.category_points) for r in process_file(path).indicators] == [
        ("场所标识", None, 10.0), ("接待设施", None, 10.0), ("人员配备", 20.0, None),
    ]
