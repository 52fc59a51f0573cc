"""Table shapes the seventeenth held-out set showed (tests/data/holdout17/SOURCES.md, "Measured unseen"), each built
here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.readers.box_tables import box_table
from parsers.readers.line_tables import cell_role
from tests.builders import write_text


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


# One cell on lines of its own, each closed by a line `|`, an empty cell a `|` alone; the group written down its
# column one character a line with its points last, merged (written in its first row only), so each later row of the
# group closes one `|` more than it has cells.
SEPARATED = "\n".join("""村级目标考核计分表
考核项目
|
考核内容
|
标准分
|
自评分
|
考核分
|
组
织
建
设
(10分)
|
1、建立村级议事制度计6分,未建立扣6分。
|
6分
|
|
|
2、按时召开党员大会计4分。
|
4分
|
|
|
|
环
境
卫
生
(8分)
|
1、村内道路保洁到位计5分。
|
5分
|
|
|
2、垃圾日产日清计3分。
|
3分
|
|
|
|""".split("\n")) + "\n"


def test_cells_each_closed_by_a_line_of_its_own_are_a_table_and_short_rows_shift_under_their_group(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", SEPARATED)))
    assert [(r.category, r.indicator, r.weight) for r in items] == [
        ("组织建设(10分)", "1、建立村级议事制度计6分,未建立扣6分。", 6.0),
        ("组织建设(10分)", "2、按时召开党员大会计4分。", 4.0),
        ("环境卫生(8分)", "1、村内道路保洁到位计5分。", 5.0),
        ("环境卫生(8分)", "2、垃圾日产日清计3分。", 3.0)]


# A box-drawn table whose header cell `考核项目` spans two columns (the rule under it starts the second with `┬`): a
# group with its points in its cell only, one numbered item in each group (as many groups as items: an excerpt).
SPANNED_BOX = """考核评分表
┌─────────┬─────────────┬─┬─┐
│ 考核项目 │ 考核内容与评分依据 │分│得│
│ │ │值│分│
├───┬─────┼─────────────┼─┼─┤
│一、组│1、建立工│制定年度工作计划,落实到村。 │4 │ │
│织保障│作机制 │ │ │ │
│(6分)│ │ │ │ │
├───┼─────┼─────────────┼─┼─┤
│二、宣│2、开展宣│每季度开展一次宣传活动。 │3 │ │
│传教育│传活动 │ │ │ │
│(5分)│ ├─────────────┼─┼─┤
│ │ │建立宣传阵地一处。 │2 │ │
└───┴─────┴─────────────┴─┴─┘
"""


def test_a_box_header_cell_spanning_a_group_and_an_item_column_gives_category_and_name(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", SPANNED_BOX)))
    assert [(r.category, r.indicator, r.weight) for r in items] == [
        ("一、组织保障(6分)", "1、建立工作机制", 4.0),
        ("二、宣传教育(5分)", "2、开展宣传活动", 3.0),
        ("二、宣传教育(5分)", "2、开展宣传活动", 2.0)]


def test_box_header_lines_narrower_than_the_body_spread_over_the_columns_they_span():
    lines = SPANNED_BOX.splitlines()[1:]
    table, _ = box_table(lines, 0, "t")
    assert table.rows[0].cells == ["考核项目", "", "考核内容与评分依据", "分值", "得分"]


def test_vertical_forms_of_brackets_in_a_cell_written_down_its_column_read_as_brackets():
    lines = ["┌──┬─────────────┬──┐",
             "│项│ 评分标准 │分│",
             "│目│ │值│",
             "├──┼─────────────┼──┤",
             "│城│有环卫管理机构,得10分 │10│",
             "│镇├─────────────┼──┤",
             "│︵│路面整洁,得10分 │10│",
             "│20│ │ │",
             "│分│ │ │",
             "│︶│ │ │",
             "└──┴─────────────┴──┘"]
    table, _ = box_table(lines, 0, "t")
    assert table.rows[1].cells[0] == "城镇(20分)"


# A spreadsheet kept as CSV text: quoted cells over several lines, a sheet label and a blank record above the header,
# a header cell spanning three columns (`考核标准,,`), merged cells written in their first row only.
CSV_SHEET = '''乡镇,,,,,
,,,,,
"考核
项目",指标名称,考核标准,,,考核方法
"一
组
织
领
导","1
建立领导机制",成立领导小组。,,,查阅资料
,"2
落实工作经费","经费列入预算,及时拨付。",,,查阅资料
,"3
开展督查","每季度督查一次;
督查结果通报。",,,"1)查阅资料
2)实地查看"
'''


def test_a_spreadsheet_kept_as_csv_text_is_a_table_its_merged_cells_filled_down(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", CSV_SHEET)))
    assert [(r.category, r.indicator) for r in items] == [
        ("一组织领导", "1建立领导机制"), ("一组织领导", "2落实工作经费"), ("一组织领导", "3开展督查")]
    assert items[1].criteria == "经费列入预算,及时拨付。"


def test_a_header_word_after_the_verbs_of_assessing_is_that_word():
    # `检查考评项目` (holdout14 1407): who checks and assesses is no part of the column's word
    assert cell_role("检查考评项目") == "indicator"
    assert cell_role("检查考评标准") == "criteria"
    assert cell_role("考核评分表") is None  # a title, not a header cell


# One cell a line closed by ` |`, rows opened by a bare `|` and closed by a run `||`; a row whose 三级指标 and value are
# empty writes them as lines of one `|` before its close (holdout15 1502): they are its empty cells, not row ends.
EMPTY_BEFORE_CLOSE = "\n".join([
    "一级指标 |", "二级指标 |", "三级指标 |", "指标值及单位 |", "|",
    "产出指标 |", "数量指标 |", "培训人数 |", "200人 |", "|", "|",
    "质量指标 |", "培训合格率 |", "≥95% |", "||", "|",
    "效益指标 |", "经济效益指标 |", "|", "|", "||", "|",
    "社会效益指标 |", "就业率 |", "≥80% |", "||"]) + "\n"


def test_lines_of_one_pipe_before_a_rows_closing_run_are_its_empty_cells_and_the_next_row_keeps_the_new_level(tmp_path):
    items = [r for r in _items(process_file(write_text(tmp_path / "t.txt", EMPTY_BEFORE_CLOSE))) if r.indicator]
    assert [(r.indicator, r.category, r.target) for r in items] == [
        ("培训人数", "产出指标", "200人"), ("培训合格率", "产出指标", "≥95%"), ("就业率", "效益指标", "≥80%")]
