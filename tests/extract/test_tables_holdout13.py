"""Table shapes the thirteenth held-out set showed (tests/data/holdout13/SOURCES.md, "What went wrong"), each built
here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text
from tests.extract.test_tables_roles import docx_table, read


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


# `|`-separated lines with no weight column: a task list (序号 / 任务 / 责任单位), each row closed by a `|`.
TASKS = """某市2025年重点工作责任分解
序号 | 重 点 工 作 | 责任单位 |
1 | 粮食播种面积稳定在50万亩以上。 | 市农业农村局 |
2 | 新建改建农村公路120公里。 | 市交通运输局、 市财政局 |
3 | 新增普惠托位800个。 | 市卫生健康委、市教育局、市妇联 |
"""


def test_pipe_lines_without_a_weight_column_are_a_task_table_when_numbered_and_naming_units(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", TASKS)))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("1", "粮食播种面积稳定在50万亩以上。", None), ("2", "新建改建农村公路120公里。", None),
        ("3", "新增普惠托位800个。", None)]
    assert [r.units_raw for r in items] == [["市农业农村局"], ["市交通运输局", "市财政局"],
                                          ["市卫生健康委", "市教育局", "市妇联"]]


def test_pipe_lines_of_prose_with_no_numbered_rows_stay_text(tmp_path):
    text = "说明 | 责任单位 | 备注\n本表所列 | 各单位 | 按时报送\n其余事项 | 另行通知 | 无\n"
    assert process_file(write_text(tmp_path / "t.txt", text)).indicators == []


def test_a_short_name_after_a_written_separator_is_a_unit_of_its_own_not_a_wrapped_half(tmp_path):
    rows = [["序号", "工作任务", "分值", "责任单位"],
            ["1", "完善科技创新激励机制", "10", "市科技局、市财政局、市科协"],
            ["2", "建设招商服务平台", "10", "市招商引资服务\n中心"]]
    items = _items(read(tmp_path, rows))
    assert [r.units_raw for r in items] == [["市科技局", "市财政局", "市科协"], ["市招商引资服务中心"]]


# One cell per line with blank lines; the header ends with a two-character word (`备注`) right above the first row's
# number; a progress column (`当前进度`, `80%`) is the row's status, not its weight.
PROGRESS = """某县2023年度民生实事项目进度表

序号

项目内容

当前进度

牵头单位

备注

1

新建城市书房5家。

80%(1家选址未定)

县文广旅体局

县民生实事

2

改造老旧小区12个。

95%

县住建局

市民生实事
"""


def test_a_short_last_header_word_does_not_take_the_first_rows_number_and_progress_is_status(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", PROGRESS)))
    assert [(r.row_no, r.indicator, r.weight, r.status) for r in items] == [
        ("1", "新建城市书房5家。", None, "80%(1家选址未定)"), ("2", "改造老旧小区12个。", None, "95%")]
    assert [(r.units_raw, r.note) for r in items] == [(["县文广旅体局"], "县民生实事"), (["县住建局"], "市民生实事")]


# One cell a line, each closed by its `|`, rows opened by a bare `|` line; a year before a header word (`2025年建设内容`),
# a bracketed unit after one (`年度投资 (万元)`) and columns no field takes (建设地点) still make the header.
CLOSED_CELLS = """附件:
|
某县2025年民生实事项目清单 |
||||
|
序号 |
项目名称 |
建设地点 |
2025年建设内容 |
年度投资 (万元) |
责任单位 |
|
1 |
城区学校运动场改造 |
城关镇 |
改造运动场3处。 |
260 |
县教体局 |
|
2 |
农村供水管网改造 |
各镇 |
改造管网40公里。 |
1800 |
县水利局 |
"""


def test_cells_closed_by_their_separator_one_a_line_are_a_table_and_money_is_no_weight(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", CLOSED_CELLS)))
    assert [(r.row_no, r.indicator, r.target, r.weight, r.units_raw) for r in items] == [
        ("1", "城区学校运动场改造", "改造运动场3处。", None, ["县教体局"]),
        ("2", "农村供水管网改造", "改造管网40公里。", None, ["县水利局"])]


# 分管县领导 over two-character names padded to three (`俞 悦`), a cell of two such names run together (`陆 明俞 悦`).
PADDED = """序号 |
目标与任务 |
分 管 县领导 |
牵头责任单位 |
责任单位 |
7 |
新增托位400个以上。 |
俞 悦 |
县卫健委 |
县各有关单位 |
8 |
支持职业教育发展。 |
陆 明俞 悦 |
县教育局 |
县各有关单位 |
"""


def test_padded_names_run_together_are_two_leaders_and_the_lead_unit_is_the_unit(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", PADDED)))
    assert [(r.row_no, r.leaders, r.units_raw) for r in items] == [
        ("7", ["俞悦"], ["县卫健委"]), ("8", ["陆明", "俞悦"], ["县教育局"])]


def test_padded_names_in_a_word_cell_are_two_leaders_and_names_parted_by_a_space_too(tmp_path):
    rows = [["序号", "工作任务", "责任领导", "牵头单位"],
            ["1", "建设城市书房", "张三 李四", "区文旅局"],
            ["2", "改造老旧小区", "陆 明俞 悦", "区住建局"]]
    items = _items(process_file(docx_table(tmp_path, rows)))
    assert [r.leaders for r in items] == [["张三", "李四"], ["陆明", "俞悦"]]


# Each cell after the first opened by `| ` at a line's start, a row closed by a line `|`; header cells broken over
# lines; the group cell written one character a line and merged (left out of the rows below, as is the group's
# points column); each row's requirement (numbered inside its cell) right of the group, its graded 评分标准 last.
LEAD_PIPES = """考核
项目
| 考核内容和要求
| 项目
分值
| 标准
分值
| 得分
| 评分标准
|
基
础
类
| 1、建立工作台账,按月更新。
| 20分
| 12
| | 1、台账齐全,得12分;
2、台账不全,得6分;
3、无台账,得0分。
|
2、按时报送季度报表。
| 8
| | 1、按时报送,得8分;
2、未按时报送,得0分。
|
"""


def test_cells_opened_by_a_leading_pipe_are_a_table_and_the_requirement_beside_the_merged_group_names_the_row(
        tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", LEAD_PIPES)))
    assert [(r.category, r.indicator, r.weight) for r in items] == [
        ("基础类", "1、建立工作台账,按月更新。", 12.0), ("基础类", "2、按时报送季度报表。", 8.0)]
    assert [r.criteria_points for r in items] == [12.0, 8.0]  # graded alternatives: the highest counts


def test_numbered_criteria_that_each_add_points_still_add_up(tmp_path):
    rows = [["序号", "考核内容", "分值", "评分标准"],
            ["1", "组织建设", "10", "1、成立领导小组,得4分;\n2、制定实施方案,得6分。"],
            ["2", "队伍建设", "6", "1、配备专职人员(3分);\n2、开展培训(3分)。"]]
    assert [r.criteria_points for r in _items(read(tmp_path, rows))] == [10.0, 6.0]


# Closed cells with bare `|` for empty ones: `内容 (分值)` spans a group (its points bracketed, no 分) and a sub-group,
# two header rows (得分 over 自评 / 综评), each row's code (`编码`: A1, B1 …) right of its 评分办法, merged cells not
# written: after a code, the next row's group cells (both, or the sub-group alone) stand before its name.
CODED = """内容 (分值) |
指标 |
分值 |
评分办法 |
编码 |
得 分 |
||
自评 |
综评 |
|||||
共性 工作 (60) |
组织 领导 |
成立工作专班 |
30 |
查阅资料,确定得分 |
A1 |
|
|
落实联席会议制度 |
30 |
A2 |
|
|
|||
特色 工作 (40) |
创新 举措 |
形成可推广经验 |
40 |
按成效得分 |
B1 |
|
|
"""


def test_a_rows_code_right_of_its_weight_ends_the_row_and_group_cells_follow_it(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", CODED)))
    assert [(r.row_no, r.category, r.indicator, r.weight) for r in items] == [
        ("A1", "共性工作(60)", "成立工作专班", 30.0), ("A2", "共性工作(60)", "落实联席会议制度", 30.0),
        ("B1", "特色工作(40)", "形成可推广经验", 40.0)]
    assert [items[0].criteria, items[2].criteria] == ["查阅资料,确定得分", "按成效得分"]


# Leading pipes again, a header of two cells over four columns (`考核条目` over a group written one character a line
# and the 序号, `考核细则` over the item and its deduction); a deduction table: no weights.
DEDUCTIONS = """附件3
信息报送考核细则(试行)
考核条目
| 考核细则
|
日
常
报
送
| 1
| 按月报送工作信息。
| 未报扣10分
|
2
| 信息内容不实。
| 每次扣5分
|
专项报送
| 3
| 报送专项工作总结。
| 未报扣10分
|
"""


def test_a_header_cell_over_two_columns_each_and_the_item_under_the_criteria_header_names_the_row(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", DEDUCTIONS)))
    assert [(r.row_no, r.category, r.indicator, r.criteria, r.weight) for r in items] == [
        ("1", "日常报送", "按月报送工作信息。", "未报扣10分", None),
        ("2", "日常报送", "信息内容不实。", "每次扣5分", None),
        ("3", "专项报送", "报送专项工作总结。", "未报扣10分", None)]


def test_a_table_read_as_the_notices_clause_list_takes_each_rows_own_points_not_its_groups(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", LEAD_PIPES))
    assert [(t.seq, t.points) for t in result.targets] == [(1, 12.0), (2, 8.0)]
    assert "missing_points" not in [f.code for f in result.findings]


def test_pipe_lines_of_header_words_only_over_rows_as_wide_are_a_task_table_without_numbers(tmp_path):
    text = ("民生实事 | 责任单位 | 完成时限\n新建公办幼儿园2所 | 县教育局 | 9月底前\n"
            "改造农村公路30公里 | 县交通运输局、各镇 | 12月底前\n")
    items = _items(process_file(write_text(tmp_path / "t.txt", text)))
    assert [(r.indicator, r.units_raw) for r in items] == [("新建公办幼儿园2所", ["县教育局"]),
                                                          ("改造农村公路30公里", ["县交通运输局", "各镇"])]


def test_a_title_with_a_year_above_a_one_cell_a_line_header_is_no_header_cell(tmp_path):
    text = "2024年工作目标\n序号\n项目\n分值\n1\n招商引资\n40\n2\n项目建设\n60\n"
    items = _items(process_file(write_text(tmp_path / "t.txt", text)))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [("1", "招商引资", 40.0), ("2", "项目建设", 60.0)]
