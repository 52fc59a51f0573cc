"""Text-table shapes holdout31 brought (regression tests named for what broke, on documents the tests write)."""
from __future__ import annotations

from pathlib import Path

from ingest.pipeline import process
from parsers.readers.line_cells import cell_role
from parsers.readers.text_reader import read_text
from schemas.blocks import Table


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "t.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_one_cell_lines_next_group_with_points_under_its_name_after_rows_missing_cells(tmp_path):
    """3101: one cell a line, each group's merged cell written `组织建设` / `(10分)`; the rows write only their 考核办法
    of the four cells right of the weight (自评分, 考核得分, 备注 empty), and one row none at all. The next group's two
    lines were read as the row above's 考核办法, every row kept the first group."""
    lines = ["项目", "内容", "分值", "考核办法", "自评分", "考核得分", "备注",
             "组织建设", "(10分)", "1、有领导小组。", "5", "查看文件。", "2、有工作制度。", "5", "查看制度。",
             "业务工作", "(20分)", "1、按时报送数据。", "10", "查看台账。", "2、开展培训活动。", "10",
             "业务保障", "(30分)", "1、落实工作经费。", "30", "查看账目。"]
    table = next(b for b in read_text(_write(tmp_path, lines), "t", False).blocks if isinstance(b, Table))
    assert [(r.cells[0].replace("\n", ""), r.cells[1], r.cells[2], r.cells[3]) for r in table.rows[1:]] == [
        ("组织建设(10分)", "1、有领导小组。", "5", "查看文件。"),
        ("", "2、有工作制度。", "5", "查看制度。"),  # merged: written once, filled by the extractor
        ("业务工作(20分)", "1、按时报送数据。", "10", "查看台账。"),
        ("", "2、开展培训活动。", "10", ""),
        ("业务保障(30分)", "1、落实工作经费。", "30", "查看账目。")]


def test_long_header_cell_is_a_header_word_only_exactly():
    """3104: `未完成原因及拟采取的改进措施` (14 characters, longer than a header cell may be) is a column of the
    vocabulary; a long title ending in a header word is still none."""
    assert cell_role("未完成原因及拟采取的改进措施") == "other"
    assert cell_role("全年实际值") == "other"
    assert cell_role("某某县二〇一九年度项目支出绩效目标评分标准") is None


FORM = ["绩效目标自评表 (2019年度) |", "||||", "项目名称 |", "道路养护 |", "|", "|", "|||", "主管部门 |",
        "某县交通运输局 |", "|", "|", "|||", "年度总体目标 |", "完成年度养护任务 |", "||||", "|",
        "一级指标 |", "二级指标 |", "三级指标 |", "分值 |", "年度指标值 |", "全年实际值 |", "得分 |",
        "未完成原因及拟采取的改进措施 |", "|",
        "产出指标(60分) |", "数量指标 |", "养护里程 |", "30 |", ">=120公里 |", "125公里 |", "30 |", "|", "|", "|", "|",
        "养护合格率 |", "30 |", ">=95% |", "96% |", "30 |", "|", "|",
        "效益指标(40分) |", "社会效益指标 |", "群众满意度 |", "40 |", ">=90% |", "92% |", "40 |", "|"]


def test_closed_cells_form_head_then_indicator_levels_with_a_weight(tmp_path):
    """3104: a 绩效目标自评表 as `|`-closed cells one a line, rows parted by bare `|` lines, its head (项目名称, 主管部门 …)
    before the 一级/二级/三级指标 table with its 分值. The head's labels were read as the text's unit headings (`主管部门|`)
    and the table as that unit's clauses; a table with a weight column was left to the weight-anchored reader, which
    took the rows' 全年实际值 for names."""
    ex = process(_write(tmp_path, FORM))
    assert [(r.category, r.indicator, r.weight, r.target) for r in ex.indicators] == [
        ("产出指标(60分)", "养护里程", 30.0, ">=120公里"),
        ("产出指标(60分)", "养护合格率", 30.0, ">=95%"),
        ("效益指标(40分)", "群众满意度", 40.0, ">=90%")]
    assert all(t.unit != "主管部门" and "主管部门" not in (t.unit or "") for t in ex.targets)


# 3102: a PDF's table in one run: header words run together, a group `一…14 分` before its first row, rows numbered
# with a space, each row's points after its content's full stop (`。4 分`), the next row's number after its rules'
# full stop, one opening with `分` (`。2 分管…`: row 2, no weight). Built here with its own content.
SPACED = ("1、附件某单位档案自查评分标准序号自查内容分值实有项目评分方法得分一档案工作领导责任落实情况10 分"
          "1 主要负责人研究部署档案工作,解决档案工作经费和人员问题。4 分未研究部署的,扣2 分;未解决经费的,扣2 分。"
          "2 分管负责人定期检查档案工作,组织整改存在问题。3 分未定期检查的,扣1 分;未组织整改的,扣2 分。"
          "3 档案人员按规定收集、整理和归档文件材料。3 分未按规定归档的,每发现一件扣0.5 分。")


def test_pdf_run_with_spaced_row_numbers_and_points(tmp_path):
    """3102: such a run was no table (the glued reader wanted `1、name<points>`), its rows read as clauses."""
    ex = process(_write(tmp_path, ["某单位档案工作自查自评表", SPACED]))
    assert [(r.row_no, r.category, r.indicator[:10], r.weight) for r in ex.indicators] == [
        ("1", "档案工作领导责任落实情况(10分)", "主要负责人研究部署档", 4.0),
        ("2", "档案工作领导责任落实情况(10分)", "分管负责人定期检查档", 3.0),
        ("3", "档案工作领导责任落实情况(10分)", "档案人员按规定收集、", 3.0)]
    assert ex.indicators[1].criteria == "未定期检查的,扣1分;未组织整改的,扣2分。"


# 3103: one cell a line, the header cells `指标` / `要求` and `评分` / `标准` broken over lines, the merged 目标 cell
# written down a piece a line right after row 1's number (`一` / `、` / `便民` / `服务`), the points under 评分标准.
GOALS = ["序号", "目标", "指标", "指标释义", "指标类型", "指标", "要求", "评分", "标准",
         "1", "一", "、", "便民", "服务", "政务大厅无障碍设施覆盖率(%)", "设有无障碍设施的政务大厅占政务大厅总数比例",
         "底线指标", "100%", "5分",
         "2", "无障碍服务窗口设置率(%)", "设有无障碍服务窗口的服务场所占服务场所总数比例", "导向指标", "90%", "4分",
         "3", "手语服务覆盖率(%)", "提供手语服务的"]


def test_one_cell_lines_goal_written_down_in_pieces_and_points_under_a_criteria_word(tmp_path):
    """3103: no table was found (`评分` / `标准` two header cells, no weight column; the pieces of the merged goal
    pushed row 1's number out of reach of its weight)."""
    table = next(b for b in read_text(_write(tmp_path, GOALS), "t", False).blocks if isinstance(b, Table))
    assert table.rows[0].cells == ["序号", "目标", "指标", "指标释义", "指标类型", "指标要求", "评分标准"]
    assert table.rows[1].cells[:3] == ["1", "一、便民服务", "政务大厅无障碍设施覆盖率(%)"]
    assert table.rows[2].cells[1:3] == ["", "无障碍服务窗口设置率(%)"]  # the goal merged: written once
    assert [r.cells[5:] for r in table.rows[1:3]] == [["100%", "5分"], ["90%", "4分"]]


def test_goal_column_groups_rows_and_points_column_weighs_them(tmp_path):
    """3103: 目标 (a target word) over group headings merged down its rows is their category; a 评分标准 column of
    points alone (`5分`) is the weight; 指标要求 of amounts (`100%`) is no name (the rows were named by it)."""
    ex = process(_write(tmp_path, ["创建示范城市考评标准"] + GOALS))
    assert [(r.row_no, r.category, r.indicator, r.weight) for r in ex.indicators[:2]] == [
        ("1", "一、便民服务", "政务大厅无障碍设施覆盖率(%)", 5.0),
        ("2", "一、便民服务", "无障碍服务窗口设置率(%)", 4.0)]
