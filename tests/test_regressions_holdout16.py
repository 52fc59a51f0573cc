"""Regressions the sixteenth held-out set showed (tests/data/holdout16/SOURCES.md, "What went wrong"), each on a
document the test builds."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table


def test_a_group_cell_holding_the_headers_spilled_cells_is_named_by_its_ordinal_line(tmp_path):
    rows = [["项目", "年度目标内容", "分值", "考核要求"],
            ["检查结果\n(具体描述完成情况)\n备注\n一、组织保障(100分)", "1.主要领导研究防治工作。", "30分", "有纪要得30分。"],
            ["", "2.开展专题调研。", "20分", "有报告得20分。"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    assert [(t.section, t.section_points, t.seq) for t in result.targets] == [
        ("组织保障", 100.0, 1), ("组织保障", 100.0, 2)]


def test_a_decimal_number_among_plain_ones_goes_on_with_their_run(tmp_path):
    rows = [["项目", "年度目标内容", "分值", "考核要求"],
            ["一、组织保障(60分)", "1.主要领导研究防治工作。", "30分", "有纪要得30分。"],
            ["", "2.开展专题调研。", "20分", "有报告得20分。"],
            ["", "3.1县(区)政府签订目标责任书;", "10分", "少签1个扣1分。"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 3)]))
    assert [(t.seq, t.text, t.points) for t in result.targets] == [
        (1, "主要领导研究防治工作", 30.0), (2, "开展专题调研", 20.0), (3, "县(区)政府签订目标责任书", 10.0)]
    assert "numbering_duplicate" not in {f.code for f in result.findings}


def _cells_text(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


def test_an_unnumbered_clause_table_under_a_scored_group_gives_its_rows_as_clauses(tmp_path):
    from tests.extract.test_line_tables import _read
    long_a = "落实专项整治工作,每月未完成线索排查全覆盖的,扣1分,未按时上报工作报表的,每次扣0.5分;被有关部门通报的,该项不得分。"
    long_b = "规范开展调查评估、教育帮扶等执法活动,执法程序不合法、文书制作不规范的,每发现一起扣0.5分。"
    result = _read(tmp_path, _cells_text(["工作类别", "工作目标及扣分标准", "分值", "得分", "", "矫正工作", "20分", "",
                                          long_a, "3", "", long_b, "4", ""]))
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("矫正工作", 20.0, None, 3.0), ("矫正工作", 20.0, None, 4.0)]
    assert result.targets[0].text == long_a.rstrip("。")


def test_a_short_row_worth_less_than_the_rows_after_it_is_no_group(tmp_path):
    rows = [["考核项目", "考核内容", "分值"],
            ["", "采取多种形式开展廉政教育", "10"],
            ["", "认真执行廉洁自律有关规定。不滥用职权谋取非法利益。", "20"],
            ["", "认真做好村务财务公开工作,自觉接受群众监督。", "20"]]
    assert [t.section for t in process_file(docx_table(tmp_path, rows)).targets] == []


def test_an_unnumbered_clause_table_under_a_merged_scored_group_cell(tmp_path):
    rows = [["类别", "工作目标及扣分标准", "分值", "得分"],
            ["矫正工作(20分)", "落实专项整治工作,每月未完成排查全覆盖的,扣1分。", "3", ""],
            ["", "规范开展调查评估等执法活动,程序不合法的,每发现一起扣0.5分。", "4", ""],
            ["调解工作(10分)", "及时排查化解矛盾纠纷,未及时上报的,每次扣0.5分。", "5", ""],
            ["", "规范制作调解文书,文书不规范的,每份扣0.2分。", "5", ""]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2), (0, 3, 4)]))
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("矫正工作", 20.0, None, 3.0), ("矫正工作", 20.0, None, 4.0), ("调解工作", 10.0, None, 5.0),
        ("调解工作", 10.0, None, 5.0)]


def test_a_cell_clause_number_before_a_figure_is_still_its_number():
    """holdout17 1702: `2、100%完成全年四项手术任务计7分` lost its number (a digit after `、` was taken for
    a decimal's), and a false numbering_gap followed."""
    from pathlib import Path

    from ingest.pipeline import process_file

    path = next((Path(__file__).parent / "data" / "holdout17").glob("1702_*.txt"))
    result = process_file(path)
    seqs = [t.seq for t in result.targets]
    assert seqs == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 6, 7]
    assert result.targets[6].text.startswith("100%完成全年四项手术任务")
    assert not [f for f in result.findings if f.severity == "error"]


def test_items_numbered_with_their_points_in_a_column_beside_the_groups_are_the_notices_clauses():
    """holdout18 1806: once the `|` table reader read its table right (holdout19), the clauses were lost: the items
    (`1.责任型和服务型机关创建(30分)`) stand in a column right of the header's named one (`项目名称及分值`, spanning
    the group column), and group (一)'s items are placeholders (`2.` with nothing after it)."""
    from pathlib import Path

    from ingest.pipeline import process_file

    path = next((Path(__file__).parent / "data" / "holdout18").glob("1806_*.txt"))
    result = process_file(path)
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("“五型”机关创建", 100, 1, 30), ("“五型”机关创建", 100, 2, 20), ("“五型”机关创建", 100, 3, 50),
        ("综合评价", 400, 1, 100), ("综合评价", 400, 2, 50), ("综合评价", 400, 3, 50), ("综合评价", 400, 4, 100),
        ("综合评价", 400, 5, 100)]
    assert result.targets[0].text == "责任型和服务型机关创建" and len(result.indicators) == 9


def test_an_item_merged_down_over_its_rule_rows_is_no_clause_list(tmp_path):
    """renderings, 806 as .docx: `1.耕地保有量;基本农田保护(7分)` merged down over its three scoring rules was read as
    three clauses of one section (three false section_points_mismatch) once items in a column right of the named
    one could be the notice's clauses; only a column the named header spans, each item once, can."""
    from ingest.pipeline import process_file
    from tests.extract.test_tables_roles import docx_table

    rows = [["考核内容", "重点考核事项", "考核指标", "年度考核任务评分标准", "牵头部门"],
            ["一、确保耕地面积基本稳定(45分)", "(一)保护耕地(15分)", "1.耕地保有量;基本农田保护(7分)",
             "(1)耕地面积大于或等于规划下达的保有量,得3分", "市自然资源和规划局"],
            ["", "", "", "(2)永久基本农田面积不低于保护任务,得3分", ""],
            ["", "", "", "(3)完成年度下达补充耕地任务的,得1分", ""]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 3), (1, 1, 3), (2, 1, 3), (4, 1, 3)]))
    assert result.targets == [] and len(result.indicators) == 3
    assert not [f for f in result.findings if f.severity == "error"]
