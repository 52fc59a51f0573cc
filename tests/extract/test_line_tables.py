"""Tables a web page flattened into text lines: one cell per line (with or without blank lines, a header cell
broken over two lines, merged and empty cells not written) and `|` lines without a separator row whose merged
cells are missing from the rows below, and tables drawn with box characters (`┌─┬─┐ │…│`). Built in code, read
through the whole pipeline."""
from __future__ import annotations

from ingest.pipeline import process_file


def _read(tmp_path, text: str):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return process_file(path)


def _rows(result):
    return [(r.row_no, r.category, r.indicator, r.weight) for r in result.indicators if r.row_kind != "total"]


def test_one_cell_per_line_with_blank_lines_and_a_total_row(tmp_path):
    cells = ["考核项目", "分值", "评分标准", "组织领导", "30", "未成立领导小组扣10分。", "宣传教育", "20",
             "未开展宣传扣5分。", "经费保障", "50", "经费未到位扣10分。", "合 计", "100"]
    result = _read(tmp_path, "某县考核评分表\n\n" + "\n\n".join("    " + c for c in cells) + "\n")
    assert _rows(result) == [(None, None, "组织领导", 30.0), (None, None, "宣传教育", 20.0), (None, None, "经费保障", 50.0)]
    assert result.indicators[0].criteria == "未成立领导小组扣10分。"


def test_one_cell_per_line_multi_line_rules_and_empty_note_cells(tmp_path):
    text = ("考评评分标准\n考评项目\n分值\n评分标准\n备注\n信息数量\n40分\n1、每月不低于40条。\n2、每少一个月扣5分。\n"
            "信息质量\n60分\n1、内容全面规范。\n")
    result = _read(tmp_path, text)
    assert _rows(result) == [(None, None, "信息数量", 40.0), (None, None, "信息质量", 60.0)]
    assert result.indicators[0].criteria.startswith("1、每月不低于40条。")


def test_one_cell_per_line_with_row_numbers_and_a_broken_header_cell(tmp_path):
    text = "序号\n标准\n分\n值\n扣分说明\n1\n治安防范到位。\n10\n未开展扣5分。\n2\n秩序稳定。\n15\n发生案件扣5分。\n3\n队伍健全。\n10\n无队伍扣5分。\n"
    result = _read(tmp_path, text)
    assert _rows(result) == [("1", None, "治安防范到位。", 10.0), ("2", None, "秩序稳定。", 15.0), ("3", None, "队伍健全。", 10.0)]


def test_one_cell_per_line_group_cell_over_several_lines(tmp_path):
    text = ("考核项目\n考核内容\n分值\n考核方法\n得分\n1.\n组织管理\n(10分)\n1.1组织健全。\n6\n没有组织扣1分。\n"
            "1.2经费到位。\n4\n经费不足扣2分。\n")
    result = _read(tmp_path, text)
    assert [(r.category, r.indicator, r.weight) for r in result.indicators] == [
        ("1.组织管理(10分)", "1.1组织健全。", 6.0), ("1.组织管理(10分)", "1.2经费到位。", 4.0)]


def test_header_words_in_prose_lines_are_no_table(tmp_path):
    text = "一、考核内容\n分值\n评分标准\n按百分制计分。\n1.组织领导（10分）\n"
    result = _read(tmp_path, text)
    assert result.indicators == []


def test_pipe_lines_without_a_separator_row_and_missing_merged_cells(tmp_path):
    text = ("序号 | 项目 | 小项内容 | 分值 | 打分方法 |\n"
            "1 | 组织 领导 (10分) | 强化组织领导 | 4 | 每次得1分。 |\n"
            "2 | 领导批示 | 6 | 每次得2分。 |\n"
            "3 | 宣传 教育 (5分) | 知晓率 | 5 | 超过95%得5分。 |\n")
    result = _read(tmp_path, text)
    assert [(r.row_no, r.indicator, r.weight) for r in result.indicators] == [
        ("1", "强化组织领导", 4.0), ("2", "领导批示", 6.0), ("3", "知晓率", 5.0)]
    assert result.indicators[1].category.replace(" ", "").startswith("组织领导")


def test_a_table_numbering_its_clauses_in_the_content_cell_is_the_notices_list(tmp_path):
    cells = ["考核内容", "分值", "评分标准", "1、造林任务完成情况", "60", "完成率达到100%。", "2、资金落实情况", "40",
             "按平均数计算。", "合 计", "100"]
    result = _read(tmp_path, "某市建设考核评分标准\n\n" + "\n\n".join(cells) + "\n")
    assert [(t.seq, t.text, t.points, t.section) for t in result.targets] == [
        (1, "造林任务完成情况", 60.0, None), (2, "资金落实情况", 40.0, None)]
    assert len([r for r in result.indicators if r.row_kind != "total"]) == 2  # still an indicator table


def test_a_clause_table_with_decimal_numbers_under_a_merged_group(tmp_path):
    from tests.extract.test_tables_roles import docx_table
    rows = [["考核项目", "考核内容", "分值", "考核方法"],
            ["1.组织管理(8分)", "1.1组织健全。", "5", "没有组织扣1分。"],
            ["", "1.2经费到位。", "3", "经费不足扣2分。"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    assert [(t.seq, t.text, t.points, t.section, t.section_points) for t in result.targets] == [
        (1, "组织健全", 5.0, "组织管理", 8.0), (2, "经费到位", 3.0, "组织管理", 8.0)]


def test_a_table_with_a_row_number_column_gives_no_clauses(tmp_path):
    text = "序号\n标准\n分值\n说明\n1\n治安防范到位。\n10\n未开展扣5分。\n2\n秩序稳定。\n15\n发生案件扣5分。\n"
    assert _read(tmp_path, text).targets == []


BOX_TABLE = """附表2
各县、区政府消防安全责任人考评量化标准
┌──┬──────┬──────┬──────┬──────┬──────┬──────┐
│序号│ 考评内容 │ 分值 │评 分 标 准 │ 考评方式 │ 自评分 │ 考评分 │
├──┼──────┼──────┼──────┼──────┼──────┼──────┤
│ 1 │贯彻执行消防│ 6分 │未组织研究制│听取汇报,查│ │ │
│ │法律法规,落 │ │定年度消防工│阅有关文件资│ │ │
│ │实消防安全责│ │作目标和任务│料。 │ │ │
│ │任制。 │ │的扣6分。 │ │ │ │
│ │ ├──────┼──────┤ │ │ │
│ │ │ 5分 │未与下一级政│ │ │ │
│ │ │ │府消防安全责│ │ │ │
│ │ │ │任人签订消防│ │ │ │
│ │ │ │安全责任书的│ │ │ │
│ │ │ │扣5分。 │ │ │ │
├──┼──────┼──────┼──────┼──────┼──────┼──────┤
│ 2 │组织制定和实│ 6分 │未组织研究落│听取汇报,查│ │ │
│ │施消防规划。│ │实城市消防规│阅有关文件资│ │ │
│ │ │ │划的扣6分。 │料。 │ │ │
└──┴──────┴──────┴──────┴──────┴──────┴──────┘
说明:每一项扣完分数即止。
"""


def test_box_drawn_table_with_wrapped_cells_and_a_partly_crossed_separator(tmp_path):
    from parsers.readers.text_reader import read_text
    path = tmp_path / "b.txt"
    path.write_text(BOX_TABLE, encoding="utf-8")
    tables = [b for b in read_text(path, str(path), markdown=False).blocks if hasattr(b, "rows")]
    assert len(tables) == 1
    rows = [r.cells[:4] for r in tables[0].rows]
    assert rows == [["序号", "考评内容", "分值", "评分标准"],
                    ["1", "贯彻执行消防法律法规,落实消防安全责任制。", "6分", "未组织研究制定年度消防工作目标和任务的扣6分。"],
                    ["", "", "5分", "未与下一级政府消防安全责任人签订消防安全责任书的扣5分。"],
                    ["2", "组织制定和实施消防规划。", "6分", "未组织研究落实城市消防规划的扣6分。"]]
    result = process_file(path)
    assert [(r.row_no, r.weight) for r in result.indicators] == [("1", 6.0), ("1", 5.0), ("2", 6.0)]
