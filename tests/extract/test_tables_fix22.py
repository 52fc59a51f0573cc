"""Tables left open by holdout20/22 and holdout9, rebuilt by the tests in their failure shapes: numbered items
grouped by a category column, one cell a line with the next group's cell at a row's end, traditional header words."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from parsers.extract.headers import header_role
from tests.builders import write_text
from tests.extract.test_tables_roles import codes, docx_table, read

# Numbered items closing on their points in the name column itself, grouped by a 一级指标 column merged over them
# (each group numbers its items from 1): the groups are the items' sections, not one run of clauses.
CATEGORY_GROUPED = [
    ["项目", "一级指标", "年度工作目标", "评分标准", "责任科室"],
    ["业务实绩", "一、贯彻落实上级决策部署(5分)", "1、认真做好会议精神的贯彻落实。(3分)", "完成得3分,没有0分", "办公室"],
    ["业务实绩", "一、贯彻落实上级决策部署(5分)", "2、做好帮扶挂钩工作。(2分)", "完成得2分,没有0分", "办公室"],
    ["业务实绩", "二、加强队伍建设(5分)", "1、完善信息库建设。(2分)", "完成得2分,没有0分", "管理科"],
    ["业务实绩", "二、加强队伍建设(5分)", "2、做好招考计划申报工作。(3分)", "完成得3分,没有0分", "管理科"],
]


@pytest.mark.parametrize("layout", ["tab", "docx"])
def test_numbered_items_grouped_by_a_category_column_are_no_duplicate_numbers(tmp_path, layout):
    result = process_file(docx_table(tmp_path, CATEGORY_GROUPED)) if layout == "docx" else read(tmp_path, CATEGORY_GROUPED)
    assert "numbering_duplicate" not in codes(result)
    assert codes(result, "error") == []
    assert [(t.section, t.section_points, t.seq) for t in result.targets] == [
        ("贯彻落实上级决策部署", 5.0, 1), ("贯彻落实上级决策部署", 5.0, 2),
        ("加强队伍建设", 5.0, 1), ("加强队伍建设", 5.0, 2)]


def one_cell_a_line(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


# one cell a line, a blank line between: a group cell (`理论武装` / `10分)`, its `(` lost) before its first row, the
# empty 得分 cell a line holding a space; the second group's cell follows the last row of the first
GROUP_CELL_LINES = [
    "考核项目及分值", "序号", "考核内容及要求", "标准分值", "评分标准及办法", "得分",
    "思想道德建设", "10分)",
    "1", "开展主题宣传教育活动", "5", "未按要求开展活动的,扣1-5分。", " ",
    "2", "开展百姓宣讲活动", "5", "宣讲活动不少于30场,每少1场扣0.5分。", " ",
    "理论武装", "8分)",
    "3", "认真组织开展理论学习", "6", "年初未制定学习计划的,扣1分。", " ",
    "4", "开展专题调研", "2", "未形成调研报告的,扣2分。", " ",
]


def test_next_group_cell_after_a_row_is_not_its_last_cell(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", "工作目标考核评分细则\n\n" + one_cell_a_line(GROUP_CELL_LINES)))
    rows = [(i.row_no, i.category, i.criteria) for i in result.indicators]
    assert rows[1] == ("2", "思想道德建设10分)", "宣讲活动不少于30场,每少1场扣0.5分。")
    assert [r[1] for r in rows[2:]] == ["理论武装8分)", "理论武装8分)"]
    assert [(t.section, t.section_points, t.seq) for t in result.targets] == [
        ("思想道德建设", 10.0, 1), ("思想道德建设", 10.0, 2), ("理论武装", 8.0, 3), ("理论武装", 8.0, 4)]
    assert codes(result, "error") == []


@pytest.mark.parametrize("word, role", [("*指標解釋", "note"), ("測評方法", "criteria"), ("任務編號", "row_no"),
                                        ("評分標準", "criteria")])
def test_traditional_header_words_read_as_their_simplified_forms(word, role):
    assert header_role(word)[0] == role


# a budget form's indicator table in traditional characters: the 指標解釋 column is a note on the row, not a
# second indicator column that would take the rows' names from it
TRADITIONAL_FORM = [
    ["一級指標", "二級指標", "三級指標", "*指標值", "*指標解釋", "*評(扣)分標準"],
    ["產出指標", "數量指標", "業務工作支出安排金額", "28.8萬元", "該指標主要考察支出安排情況", "未達指標值酌情扣分"],
    ["產出指標", "質量指標", "業務工作支出到位率", "100%", "該指標主要考察支出到位情況", "未達指標值酌情扣分"],
    ["產出指標", "時效指標", "工作安排時間", "按月安排", "該指標主要考察支出安排時間", "未達指標值酌情扣分"],
]


@pytest.mark.parametrize("layout", ["tab", "pipe"])
def test_traditional_indicator_explanation_column_is_a_note(tmp_path, layout):
    result = read(tmp_path, TRADITIONAL_FORM, layout=layout, title="整體績效目標表")
    assert [i.indicator for i in result.indicators] == ["業務工作支出安排金額", "業務工作支出到位率", "工作安排時間"]
    assert [i.note for i in result.indicators][0] == "該指標主要考察支出安排情況"


# two header cells glued on one line (`实现目标考核分值`), the 考核分值 cell one merged group total written once before
# the rows, each row's number and points inside its name (`1、…(1分)`), one number without its `、` (`3社会…`)
GLUED_HEADER_LINES = [
    "实现目标考核分值", "扣分说明", "12",
    "1、建立治安形势分析制度(1分)", "无制度或有但形同虚设均扣1分。",
    "2、开展国家安全教育活动,基层组织和群众积极参与(2分)", "教育、组织、群众工作不力各扣1分。",
    "3社会面治安管理和控制有力;社会治安秩序良好,群众满意率不低于80。(5分)", "群众安全感低于80扣3分。",
    "4、治安重点地区、重点问题得到整治。(2分)", "没有整治或整改的,扣2分。",
]


def test_glued_header_cells_and_a_merged_total_before_rows_scored_in_their_names(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", "平安乡镇创建考核标准\n\n" + one_cell_a_line(GLUED_HEADER_LINES)))
    assert [(i.indicator[:2], i.weight) for i in result.indicators] == [("1、", None), ("2、", None), ("3社", None),
                                                                        ("4、", None)]
    assert [(t.seq, t.points) for t in result.targets] == [(1, 1.0), (2, 2.0), (3, 5.0), (4, 2.0)]
    assert result.targets[2].text.startswith("社会面治安管理")
    assert codes(result, "error") == []
