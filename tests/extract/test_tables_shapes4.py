"""Table shapes of the fourth held-out set, built in code: a numbered row with several standards, each with its
own 单项分值, under a 分值 merged down the group — and the last group cut short by an excerpt."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table

SUB_ROWS = [
    ["序号", "项目", "分值", "考核标准", "单项分值", "得分"],
    ["1", "防汛工作", "8", "1.建立工作体系。未建立的扣1分。", "4", ""],
    ["", "", "", "2.报送责任人信息。未完成1次扣1分。", "4", ""],
    ["2", "饮用水工作", "20", "1.收缴水费。每低1个百分点扣1分。", "10", ""],
    ["", "", "", "2.完成供水工程。未完成的扣2分。", "10", ""],
    ["3", "项目建设", "30", "1.完成年度计划,未完成的每处扣2分。", "10", ""],
]


def test_per_row_weight_beside_a_merged_group_weight_cut_in_its_last_group(tmp_path):
    path = docx_table(tmp_path, SUB_ROWS, merges=[(c, 1, 2) for c in range(3)] + [(c, 3, 4) for c in range(3)])
    rows = [r for r in process_file(path).indicators if r.row_kind != "total"]
    assert [(r.row_no, r.category, r.weight) for r in rows] == [
        ("1", "防汛工作", 4.0), ("1", "防汛工作", 4.0), ("2", "饮用水工作", 10.0), ("2", "饮用水工作", 10.0),
        ("3", "项目建设", 10.0)]


WRAPPED = """2018年安全生产月活动考核评分表
考核项目 | 考核标准 | 分值 | 评分方式 | 落实情况 | 考核得分 |
| |||||
(一)组织机构 | 1.成立活动组织机构 | 1 | 未落实的不得分。 | □是□否 |
|
2.设立活动办公室 | 2 | 未落实的不得分。 | □是□否 |
| |
| 1.召开专题会议部署动员 | 2 | 未落实的不得分。 | □是□否 |
|
按时报送信息 | 3 | 未落实的不得分。 | □是□否 |
| |
小计分值 | 8 | 小计得分 |
|
"""


def test_pipe_rows_wrapped_onto_lines_of_empty_cells(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    rows = [r for r in process_file(path).indicators if r.row_kind != "total"]
    assert [(r.indicator, r.weight) for r in rows[:4]] == [
        ("1.成立活动组织机构", 1.0), ("2.设立活动办公室", 2.0), ("1.召开专题会议部署动员", 2.0), ("按时报送信息", 3.0)]
    assert {r.category for r in rows[:4]} == {"(一)组织机构"}


def test_one_cell_per_line_sub_rows_each_with_its_own_weight(tmp_path):
    lines = ["水利工作考核评分细则", "序号", "项目", "分值", "考核标准", "单项分值", "得分",
             "1", "防汛工作", "8", "1.建立工作体系。", "未建立的,扣1分。", "4", "2.报送责任人信息。", "未完成1次扣1分。", "4",
             "2", "饮用水工作", "30", "1.收缴水费,每低1个百分点扣1分。", "10"]
    path = tmp_path / "t.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    rows = [r for r in process_file(path).indicators if r.row_kind != "total"]
    assert [(r.row_no, r.category, r.weight) for r in rows] == [
        ("1", "防汛工作", 4.0), ("1", "防汛工作", 4.0), ("2", "饮用水工作", 10.0)]
    assert rows[0].indicator.replace("\n", "") == "1.建立工作体系。未建立的,扣1分。"
