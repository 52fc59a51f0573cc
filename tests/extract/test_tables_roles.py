"""Column roles from the header and the content, on tables the tests build: .docx (python-docx, merged
cells), text in the tab-cell layout (one line per cell, a blank line between rows) and markdown pipes."""
from __future__ import annotations

import json

import pytest

from ingest.pipeline import process_file
from parsers.extract.headers import header_role, looks_like_person
from tests.builders import merge_down, new_docx, write_text


def tab_table(rows: list[list[str]]) -> str:
    return "\n".join("\n".join("\t" + c for c in row) + "\n" for row in rows)


def pipe_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(c.replace("\n", "<br>") for c in row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0])] + lines[1:]) + "\n"


def docx_table(tmp_path, rows: list[list[str]], merges=(), spans=(), title="考核细则"):
    """merges: (column, first row, last row) merged down; spans: (row, first column, last column)."""
    document = new_docx()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    for col, first, last in merges:
        merge_down(table, col, first, last)
    for row, first, last in spans:
        table.cell(row, first).merge(table.cell(row, last))
    path = tmp_path / "t.docx"
    document.save(path)
    return path


def read(tmp_path, rows, layout="tab", title="考核细则"):
    if layout == "tab":
        return process_file(write_text(tmp_path / "t.txt", f"{title}\n" + tab_table(rows)))
    return process_file(write_text(tmp_path / "t.md", f"{title}\n\n" + pipe_table(rows)))


def codes(result, severity=None):
    return [f.code for f in result.findings if severity is None or f.severity == severity]


# A group cell written vertically and merged down its rows, carrying the group's subtotal; the only
# descriptive column is headed 考核要点 (not a name header): it is the row's name.
GROUPED = [
    ["类别", "序号", "分值", "考核要点及分值分解", "考核办法"],
    ["组织\n建设  10分", "1", "4", "制订年度计划，未落实扣1分。", "查看资料"],
    ["", "2", "6", "召开民主生活会，未召开不得分。", "查看会议录"],
    ["作风\n建设(5分)", "3", "5", "开展结对共建，无成效扣1分。", "走访"],
]


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_name_under_a_content_header_and_group_subtotal_in_the_category_cell(tmp_path, layout):
    result = read(tmp_path, GROUPED, layout)
    rows = result.indicators
    assert [(r.row_no, r.category, r.category_points, r.weight) for r in rows] == [
        ("1", "组织建设10分", 10.0, 4.0), ("2", "组织建设10分", 10.0, 6.0), ("3", "作风建设(5分)", 5.0, 5.0)]
    assert rows[0].indicator == "制订年度计划，未落实扣1分。"
    assert rows[0].criteria == "查看资料" and rows[0].target is None
    assert codes(result, "warning") == codes(result, "error") == []


def test_group_subtotal_in_a_merged_docx_cell_is_checked(tmp_path):
    rows = [r[:] for r in GROUPED]
    rows[2][2] = "7"  # 4 + 7 ≠ 10
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    assert [r.category for r in result.indicators][:2] == ["组织建设10分", "组织建设10分"]
    (f,) = [f for f in result.findings if f.code == "weight_total_mismatch"]
    assert (f.expected, f.actual) == ("10", "11") and "组织建设10分" in f.message


SPANNED = [
    ["序号", "考核项目", "", "分值", "评分标准"],
    ["1", "党建工作", "组织建设", "5", "（5分）"],
    ["2", "", "宣传工作", "5", "（5分）"],
    ["3", "经济工作", "招商引资", "10", "（10分）"],
]


def test_header_spanning_a_category_and_a_name_column_in_text(tmp_path):
    rows = read(tmp_path, SPANNED).indicators
    assert [(r.category, r.indicator, r.weight) for r in rows] == [
        ("党建工作", "组织建设", 5.0), ("党建工作", "宣传工作", 5.0), ("经济工作", "招商引资", 10.0)]


def test_header_spanning_a_category_and_a_name_column_in_docx(tmp_path):
    path = docx_table(tmp_path, SPANNED, merges=[(1, 1, 2)], spans=[(0, 1, 2)])
    rows = process_file(path).indicators
    assert [(r.category, r.indicator) for r in rows] == [
        ("党建工作", "组织建设"), ("党建工作", "宣传工作"), ("经济工作", "招商引资")]


def test_two_weight_columns_the_complete_one_is_the_weight(tmp_path):
    rows = [["序号", "考评指标", "目标任务考核指标权 重", "发展成效考核指标权 重", "数据来源"],
            ["1", "地区生产总值", "60", "50", "市统计局"],
            ["2", "财政收入", "40", "30", "市财政局"],
            ["3", "投资强度", "", "20", "市发展改革委、市统计局"]]
    result = read(tmp_path, rows)
    assert [(r.indicator, r.weight) for r in result.indicators] == [
        ("地区生产总值", 50.0), ("财政收入", 30.0), ("投资强度", 20.0)]
    first = result.indicators[0]
    assert json.loads(first.extra) == {"目标任务考核指标权重": "60"}
    # where the figures come from is the assessing side, not the responsible unit
    assert first.units == [] and first.assessors == ["市统计局"]
    assert result.indicators[2].assessors == ["市发展改革委", "市统计局"]
    assert codes(result, "error") == []


def test_regression_weight_header_containing_a_target_word_is_a_weight():
    assert header_role("目标任务考核指标权 重")[0] == "weight"
    assert header_role("考核要点及分值分解")[0] == "target"
    assert header_role("负责考核部门")[0] == "assessors"


def test_numbers_adding_up_to_the_total_are_the_weight_whatever_the_header(tmp_path):
    rows = [["序号", "考核事项", "赋值", "说明"],
            ["", "总分", "100", ""],
            ["1", "安全生产", "60", "季度考核"],
            ["2", "环境保护", "40", ""]]
    result = read(tmp_path, rows)
    assert [(r.row_kind, r.indicator, r.weight) for r in result.indicators] == [
        ("total", "总分", 100.0), ("item", "安全生产", 60.0), ("item", "环境保护", 40.0)]
    assert codes(result, "warning") == []


@pytest.mark.parametrize("weights", [["30分", "70分"], ["(30分)", "（70分）"]])
def test_weights_written_with_their_unit(tmp_path, weights):
    rows = [["序号", "指标", "分值"], ["1", "招商引资", weights[0]], ["2", "项目建设", weights[1]]]
    assert [(r.weight, r.weight_raw) for r in read(tmp_path, rows).indicators] == [
        (30.0, weights[0]), (70.0, weights[1])]


def test_org_names_are_units_and_person_names_leaders_whatever_the_headers(tmp_path):
    rows = [["序号", "重点工作", "承担主体", "对接人员", "配合单位", "考核单位"],
            ["1", "项目建设", "县发展改革局", "李明", "县财政局、县自然资源局", "县督查室"],
            ["2", "招商引资", "县商务局\n赵  强", "王小红\n欧阳明", "", "县督查室"]]
    rows_out = read(tmp_path, rows).indicators
    assert [(r.indicator, r.units_raw, r.leaders, r.co_units, r.assessors) for r in rows_out] == [
        ("项目建设", ["县发展改革局"], ["李明"], ["县财政局", "县自然资源局"], ["县督查室"]),
        ("招商引资", ["县商务局"], ["王小红", "欧阳明", "赵强"], [], ["县督查室"])]


def test_unit_role_keeps_the_header_word(tmp_path):
    rows = [["序号", "评价指标", "牵头单位", "配合单位"], ["1", "城镇新增就业", "市人社局", "市财政局"]]
    (row,) = read(tmp_path, rows).indicators
    assert (row.units_raw, row.unit_role, row.co_units) == (["市人社局"], "牵头单位", ["市财政局"])


def test_person_names_from_data():
    assert [looks_like_person(n) for n in ("景  涛", "何正义", "诸葛亮", "张伟同志", "市商务局", "组织领导", "城镇化率")] \
        == [True, True, True, True, False, False, False]


CRITERIA = [
    ["序号", "考核项目", "分值", "评分标准"],
    ["1", "信息报送", "10", "1.按月上报，得5分，每少一次扣0.5分；参加会议（2分，少一次扣0.5分）\n"
                            "2.省级推广1篇，得3分；市级推广，得2分；县级推广，得1分。"],
    ["2", "宣传工作", "10", "重点评价宣传的深度（5分）、广度（5分）、频次（5分）"],
    ["3", "加分项", "", "每获表扬1次加2分，最高不超过6分"],
]


@pytest.mark.parametrize("layout", ["tab", "docx"])
def test_scored_items_in_criteria_checked_against_the_weight(tmp_path, layout):
    result = read(tmp_path, CRITERIA) if layout == "tab" else process_file(docx_table(tmp_path, CRITERIA))
    assert [r.criteria_points for r in result.indicators] == [10.0, 15.0, None]
    assert [i["points"] for i in result.indicators[0].criteria_items] == [7.0, 3.0]
    assert result.indicators[0].criteria_items[1]["text"].startswith("2.省级推广1篇")
    assert result.indicators[2].criteria_items == []
    (f,) = [f for f in result.findings if f.code == "criteria_points_exceed_weight"]
    assert (f.seq, f.expected, f.actual, f.severity) == (2, "10", "15", "warning")


BONUS = [
    ["序号", "指标", "分值", "评分细则"],
    ["1", "新引进项目数量", "60分", "按完成进度得分"],
    ["2", "到位资金", "40分", "按比例得分"],
    ["3", "加分项", "每引进1个项目加0.5分，最高不超过3分", ""],
    ["", "", "每举办1次推介会加3分", ""],
    ["", "", "每超额引进1个项目加2分", ""],
]


def test_text_rows_with_blank_number_and_name_continue_the_row_above(tmp_path):
    result = read(tmp_path, BONUS)
    rows = result.indicators
    assert [(r.row_no, r.indicator, r.weight, r.criteria) for r in rows[2:]] == [
        ("3", "加分项", None, "每引进1个项目加0.5分，最高不超过3分"),
        ("3", "加分项", None, "每举办1次推介会加3分"),
        ("3", "加分项", None, "每超额引进1个项目加2分")]
    assert [r.continues for r in rows] == [False, False, False, True, True]
    assert codes(result, "warning") == codes(result, "error") == []


def test_docx_bonus_rules_merged_down_and_spanning_two_columns(tmp_path):
    path = docx_table(tmp_path, BONUS, merges=[(0, 3, 5), (1, 3, 5)], spans=[(r, 2, 3) for r in (3, 4, 5)])
    result = process_file(path)
    rows = result.indicators
    assert [(r.row_no, r.indicator, r.weight, r.criteria) for r in rows[2:]] == [
        ("3", "加分项", None, "每引进1个项目加0.5分，最高不超过3分"),
        ("3", "加分项", None, "每举办1次推介会加3分"),
        ("3", "加分项", None, "每超额引进1个项目加2分")]
    assert codes(result, "warning") == codes(result, "error") == []


def test_continuation_row_keeps_its_own_weight_and_the_unit_above(tmp_path):
    rows = [["序号", "考核内容", "责任单位", "分值"],
            ["1", "畜禽养殖污染控制", "县农业局", "30"],
            ["", "", "", "30"],
            ["2", "工业污染防治", "县工信局", "40"]]
    out = read(tmp_path, rows).indicators
    assert [(r.row_no, r.indicator, r.units, r.weight) for r in out] == [
        ("1", "畜禽养殖污染控制", ["县农业局"], 30.0), ("1", "畜禽养殖污染控制", ["县农业局"], 30.0),
        ("2", "工业污染防治", ["县工信局"], 40.0)]


GROUP_RESPONSIBILITY = [
    ["序号", "", "目标（%）", "管理部门"],
    ["一、", "第一产业", "7.0", "农业局"],
    ["二、", "第二产业", "7.0", ""],
    ["（一）", "工业", "7.0", "工信局、国资委"],
    ["1", "规上工业增加值增速", "8.0", ""],
    ["2", "规下工业增加值增速", "5.0", ""],
    ["三、", "第三产业", "8.0", ""],
    ["1", "批发业销售额增速", "20.0", "商务局"],
    ["2", "零售业销售额增速", "10.0", ""],
]
GROUP_UNITS = [["农业局"], [], ["工信局", "国资委"], ["工信局", "国资委"], ["工信局", "国资委"], [],
               ["商务局"], ["商务局"]]


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_group_responsibility_passes_to_blank_item_rows_in_text(tmp_path, layout):
    rows = read(tmp_path, GROUP_RESPONSIBILITY, layout).indicators
    assert [r.units_raw for r in rows] == GROUP_UNITS


def test_group_responsibility_in_text_agrees_with_merged_docx(tmp_path):
    path = docx_table(tmp_path, GROUP_RESPONSIBILITY, merges=[(3, 3, 5), (3, 7, 8)])
    assert [r.units_raw for r in process_file(path).indicators] == GROUP_UNITS


def test_flat_text_table_never_fills_a_responsibility_column(tmp_path):
    rows = [["序号", "评价指标", "责任单位"], ["1", "甲", "市商务局"], ["2", "乙", ""]]
    assert [r.units for r in read(tmp_path, rows).indicators] == [["市商务局"], []]


def test_jiayuguan_text_agrees_with_docx_on_responsibility(samples):
    def parties(name):
        return [(r.table_index, r.row_no, r.units_raw, r.leaders) for r in process_file(samples / name).indicators]
    text = parties("jiayuguan_2022q2_decomposition.txt")
    assert text == parties("jiayuguan_2022q2_decomposition.docx")
    assert ("2", "1", ["工信局", "国资委"]) in [(str(t), n, u) for t, n, u, _ in text]


LEVELS = [
    ["序号", "考核指标", "", "分值"],
    ["", "一级指标", "二级指标", ""],
    ["1", "经济发展", "地区生产总值", "60"],
    ["2", "", "财政收入", "40"],
]


def test_two_header_rows_and_levels_of_names_in_text(tmp_path):
    rows = read(tmp_path, LEVELS).indicators
    assert [(r.row_no, r.category, r.indicator, r.weight) for r in rows] == [
        ("1", "经济发展", "地区生产总值", 60.0), ("2", "经济发展", "财政收入", 40.0)]


def test_two_header_rows_and_levels_of_names_in_docx(tmp_path):
    path = docx_table(tmp_path, LEVELS, merges=[(0, 0, 1), (3, 0, 1), (1, 2, 3)], spans=[(0, 1, 2)])
    rows = process_file(path).indicators
    assert [(r.row_no, r.category, r.indicator, r.weight) for r in rows] == [
        ("1", "经济发展", "地区生产总值", 60.0), ("2", "经济发展", "财政收入", 40.0)]


def test_group_subtotals_do_not_count_when_a_column_is_taken_for_the_weight(tmp_path):
    rows = [["序号", "考核事项", "赋值"], ["", "合计", "100"], ["一、", "经济", "60"], ["1", "招商", "60"],
            ["二、", "民生", "40"], ["1", "就业", "40"]]
    result = read(tmp_path, rows)
    assert [r.weight for r in result.indicators] == [100.0, 60.0, 60.0, 40.0, 40.0]
    assert codes(result, "warning") == []


MERGED_NAME = [
    ["序号", "考核项目", "", "分值", "考核内容"],
    ["一、", "部门履职", "", "100", ""],
    ["1", "重点考核部门", "县农业局", "50", "畜禽养殖污染控制"],
    ["", "", "", "20", "化肥农药减量"],
    ["2", "", "县工信局", "30", "工业污染防治"],
    ["2", "", "县能源办", "30", "农村沼气建设"],
]


def test_text_name_merged_down_its_group_and_a_real_repeated_number(tmp_path):
    result = read(tmp_path, MERGED_NAME)
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.row_no, r.indicator, r.units_raw, r.weight, r.continues) for r in items] == [
        ("1", "重点考核部门", ["县农业局"], 50.0, False), ("1", "重点考核部门", ["县农业局"], 20.0, True),
        ("2", "重点考核部门", ["县工信局"], 30.0, False), ("2", "重点考核部门", ["县能源办"], 30.0, False)]
    # the second 2 is a slip of the drafter: another unit, not a row continued
    dup = [f for f in result.findings if f.code == "table_numbering_duplicate"]
    assert [(f.actual, f.line) for f in dup] == [("2", items[3].line)]


def test_a_name_carrying_its_points_weighs_no_item_row(tmp_path):
    """Points inside the name cell of a table with no weight column are no weight (GOLD.md: fields a table lacks
    are absent; the golds of 806, 1705, 1902, 2001, 2201, 2205 and, harmonised, 506 read it so); a group row's
    points in its name are its subtotal."""
    rows = [["序号", "考核项目", "评分标准"], ["1", "组织领导（10分）", "未成立领导小组扣5分"],
            ["2", "日常工作(20分)", "每缺一次扣1分"]]
    assert [(r.indicator, r.weight) for r in read(tmp_path, rows).indicators] == [
        ("组织领导（10分）", None), ("日常工作(20分)", None)]


def test_weights_in_percent_and_placeholders_keep_the_weight_column(tmp_path):
    rows = [["序号", "评价指标", "权重（%）"], ["1", "地区生产总值", "60%"], ["2", "财政收入", "—"],
            ["3", "投资", "40%"]]
    assert [r.weight for r in read(tmp_path, rows).indicators] == [60.0, None, 40.0]


def test_docx_whose_merges_were_left_as_blank_cells(tmp_path):
    """A converted .docx may hold a merge as blank cells: continuation rows and grouping columns
    are still read; names and responsibilities are not filled (they may be blank on purpose)."""
    result = process_file(docx_table(tmp_path, BONUS))
    assert [(r.row_no, r.indicator) for r in result.indicators[2:]] == [("3", "加分项")] * 3
    rows = process_file(docx_table(tmp_path, GROUPED)).indicators
    assert [r.category for r in rows] == ["组织建设10分", "组织建设10分", "作风建设(5分)"]
    flat = process_file(docx_table(tmp_path, GROUP_RESPONSIBILITY)).indicators
    assert [r.units_raw for r in flat][3:5] == [[], []]


def test_levels_with_subtotals_and_content_joined_with_criteria(tmp_path):
    rows = [["一级指标", "二级指标", "分值", "考核内容及评分标准", "考核部门"],
            ["党的建设（30分）", "组织建设", "15", "按要求召开会议（10分）；建立台账（10分）", "县委组织部"],
            ["", "宣传工作", "15", "开展宣传活动，得15分", "县委宣传部"],
            ["合计", "", "100", "", ""]]
    result = read(tmp_path, rows)
    assert [(r.row_kind, r.category, r.category_points, r.indicator, r.weight, r.criteria_points, r.assessors)
            for r in result.indicators] == [
        ("item", "党的建设（30分）", 30.0, "组织建设", 15.0, 20.0, ["县委组织部"]),
        ("item", "党的建设（30分）", 30.0, "宣传工作", 15.0, 15.0, ["县委宣传部"]),
        ("total", "合计", None, None, 100.0, None, [])]
    assert sorted(f.code for f in result.findings if f.severity == "warning") == [
        "criteria_points_exceed_weight", "weight_total_mismatch"]


def test_header_vocabulary_is_unambiguous():
    from collections import Counter

    from parsers.data import header_synonyms
    counts = Counter(w for words in header_synonyms().values() for w in words)
    assert [w for w, n in counts.items() if n > 1] == []


def test_a_column_of_two_character_topics_is_not_leaders(tmp_path):
    rows = [["序号", "", "考核内容", "分值"], ["1", "党建", "组织建设", "50"], ["2", "文明", "创建活动", "50"]]
    out = read(tmp_path, rows).indicators
    assert [(r.leaders, r.indicator) for r in out] == [([], "党建"), ([], "文明")]


def test_unit_names_with_a_bracketed_note_make_a_units_column(tmp_path):
    rows = [["序号", "评价指标", "承担主体"], ["1", "森林防火", "各乡镇（街道）"], ["2", "数据共享", "县政府办(县大数据局)"]]
    assert [r.units_raw for r in read(tmp_path, rows).indicators] == [["各乡镇（街道）"], ["县政府办(县大数据局)"]]
