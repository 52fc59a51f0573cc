"""Table shapes of the fifth held-out set, built in code: a one-cell-per-line table whose last header cell is
broken over lines with its total under it, and each row's weight on its own line under the row's name."""
from __future__ import annotations

from ingest.pipeline import process_file

WEIGHT_UNDER_NAME = ["农村卫生考评表", "类  别", "序号", "考评项目", "考评内容", "评分标准", "考 评", "得 分", "(100分)",
                     "1", "组织领导", "(12分)", "1、是否成立领导小组2、是否有工作方案", "其中有一项未做到扣6分",
                     "2", "设施建设", "(20分)", "1、是否建有公厕", "未建的扣20分",
                     "3", "长效管护", "(8分)", "1、是否落实管护人员2、是否有管护经费", "缺一项扣4分"]


def test_one_cell_per_line_header_broken_over_lines_and_weight_under_the_name(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("\n\n".join(WEIGHT_UNDER_NAME) + "\n", encoding="utf-8")
    result = process_file(path)
    rows = [r for r in result.indicators if r.row_kind != "total"]
    assert [(r.row_no, r.indicator, r.weight) for r in rows] == [
        ("1", "组织领导(12分)", None), ("2", "设施建设(20分)", None), ("3", "长效管护(8分)", None)]  # no weight column
    assert not [f for f in result.findings if f.severity == "error"]  # the rows' lines are no units
    assert not result.targets


SPACED_RUN = ("附件2 某市河湖管护工作考核细则 序号 考核内容 评分细则 分值 一、组织保障(9分) 1 成立河湖管护领导小组。 "
              "未成立的不得分;根据领导小组运 行情况综合评分。 4 2 制定年度工作方案。 未制定的不得分。 5 二、日常管护(6分) "
              "3 落实巡河制度并有效执行。 未落实的不得分;根据巡河记录综合 评分。 6")


def test_spreadsheet_flattened_with_single_spaces_between_cells(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(SPACED_RUN + "\n", encoding="utf-8")
    result = process_file(path)
    assert [(t.section, t.section_points, t.seq, t.text, t.points) for t in result.targets] == [
        ("组织保障", 9.0, 1, "成立河湖管护领导小组", 4.0), ("组织保障", 9.0, 2, "制定年度工作方案", 5.0),
        ("日常管护", 6.0, 3, "落实巡河制度并有效执行", 6.0)]
    # the table's rows: a group heading is a group row with its points, the rule its own cell without stray spaces
    assert [(r.row_kind, r.row_no, r.weight) for r in result.indicators] == [
        ("group", "一、", 9.0), ("item", "1", 4.0), ("item", "2", 5.0), ("group", "二、", 6.0), ("item", "3", 6.0)]
    assert result.indicators[1].criteria == "未成立的不得分;根据领导小组运行情况综合评分。"
    assert not [f for f in result.findings if f.severity == "error"]


def test_prose_with_single_spaces_is_not_split_into_cells(tmp_path):
    text = ("序号 考核内容 评分细则 分值 说明如下 各单位 要 认真 落实 本细则 12 项 要求 3 月 底前 报送 材料。 "
            "逾期 未报 的 扣 2 分 另行 通报")
    path = tmp_path / "t.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = process_file(path)
    assert not result.targets and not result.indicators


def test_spaced_cells_one_line_per_row(tmp_path):
    lines = ["某县河湖管护工作考核细则", "序号 考核内容 评分细则 分值", "1 成立河湖管护领导小组。 未成立的不得分。 4",
             "2 制定年度工作方案。 未制定的不得分;方案不全的扣1分。 5", "", "附:考核时间另行通知。"]
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = process_file(path)
    assert [(t.seq, t.text, t.points) for t in result.targets] == [
        (1, "成立河湖管护领导小组", 4.0), (2, "制定年度工作方案", 5.0)]
