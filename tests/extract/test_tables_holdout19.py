"""Table shapes the nineteenth held-out set showed (tests/data/holdout19/SOURCES.md, "Measured unseen"), each built
here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.readers.line_tables import cell_role
from tests.builders import write_text
from tests.extract.test_tables_roles import docx_table, read


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


def _lines(text: str) -> str:
    return "\n".join(text.split("\n")) + "\n"


# One cell a line, each closed by a line `|`; the header closed by one `|` more than its words (a column it leaves
# unnamed, empty in every row), so every row closes as many cells: its number, name, rule, points and three empty ones.
UNNAMED_COLUMN = _lines("""序号
|
考 核 内 容
|
扣 分 标 准
|
应得分数
|
扣减分数
|
实得分数
|
|
1
|
组织领导
|
未成立领导小组的扣10分。
|
30
|
|
|
|
2
|
宣传教育
|
未开展宣传活动的扣20分。
|
40
|
|
|
|
3
|
台账管理
|
台账不全的扣5分。
|
30
|
|
|
|
合 计
|
|
100
|
|
|
||""")


def test_a_header_closed_by_an_empty_cell_keeps_that_column_so_each_row_stays_under_its_number(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", UNNAMED_COLUMN)))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("1", "组织领导", 30.0), ("2", "宣传教育", 40.0), ("3", "台账管理", 30.0)]


def test_deducted_and_obtained_points_are_form_columns_not_weights():
    assert [cell_role(c) for c in ("应得分数", "扣减分数", "实得分数")] == ["weight", "form", "form"]


def test_a_scoring_method_column_and_the_assessing_unit_are_read_as_such():
    assert [cell_role(c) for c in ("赋分办法", "总牵头单位", "考核责任单位")] == ["criteria", "units", "assessors"]


# One cell a line with no separators; the header cell `完成情况` with its note `(扣 分)` on the next line (a bracketed
# note holding 分 but no number is no weight), each row's rules over several lines, no empty cells written.
NOTED_HEADER = _lines("""项目安全目标责任考核表
序号
目标责任制内容
标准分
考核细则
完成情况
(扣 分)
得分
1
安全生产宣传教育
20
未开展宣传扣10分
未组织培训扣10分
2
隐患排查治理
30
未建立台账扣10分
隐患未整改扣20分
3
应急救援演练
50
未组织演练扣50分
合计""")


def test_a_bracketed_note_with_no_number_under_a_header_cell_belongs_to_that_cell(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", NOTED_HEADER)))
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("1", "安全生产宣传教育", 20.0), ("2", "隐患排查治理", 30.0), ("3", "应急救援演练", 50.0)]


# `|` cells each on a line of their own, padded, a line `|` closing each row; the header's first cell names the group,
# the item and a sub-item column only the second group fills (`——`): rows are up to two cells wider than the header.
# A merged cell is written once (the 评分办法 of the first group; in its third row the 牵头单位 too, merged cells standing
# leftmost), and an item spans the sub-item column beside it.
SPANNED_CLOSED = "附件\n考核项目表\n" + "".join(f" {c}  | \n" if c not in ("|", "||", "| ") else c + "\n" for c in [
    "| ", "项目名称及分值", "评分办法", "牵头单位", "考核单位", "||",
    "| ", "(一)队伍建设 (60分)", "1.班子建设(30分)", "按实绩评分", "组织部", "县考核办", "|",
    "| ", "2.人才培养(30分)", "人社局", "县考核办", "|",
    "| ", "3.制度建设(10分)", "县督查室", "|",
    "| ", "(二) 综合评价(40分)", "1.领导评价(20分)", "——", "按排名评分", "县委办", "县考核办", "|",
    "| ", "2.民意调查(20分)", "——", "按排名评分", "统计局", "县考核办", "|"])


def test_a_name_header_over_group_item_and_sub_item_columns_keeps_each_row_under_its_columns(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", SPANNED_CLOSED)))
    assert [(r.category, r.indicator, r.units) for r in items] == [
        ("(一)队伍建设(60分)", "1.班子建设(30分)", ["组织部"]),
        ("(一)队伍建设(60分)", "2.人才培养(30分)", ["人社局"]),
        ("(一)队伍建设(60分)", "3.制度建设(10分)", ["人社局"]),
        ("(二)综合评价(40分)", "1.领导评价(20分)", ["县委办"]),
        ("(二)综合评价(40分)", "2.民意调查(20分)", ["统计局"])]


# One cell a line with blank lines between: a task list with 序号, a 考核指标 merged over its rows (written in the
# group's first row only), a 单位 of measure, a target that may be `1` (no new block numbered again), units over two
# lines, and a row whose 单位 is empty (not written) besides its merged 考核指标.
FIGURES = "\n\n".join("""乡村振兴任务清单
考核项目
序号
考核指标
考核内容
单位
年度目标
责任部门
评分部门
产业发展
1
稳定农业生产
粮食播种面积
万亩
2.5
县农业农村局
县发改局
市农业农村局
2
生猪出栏
万头
1
县农业农村局
市农业农村局
3
建设示范牧场
2
县农业农村局
市农业农村局
4
水产品产量
万吨
40
县海洋与渔业局
市海洋渔业局""".split("\n")) + "\n"


def test_a_target_of_1_inside_a_row_is_no_new_block_and_short_rows_keep_their_merged_cell_on_the_left(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", FIGURES)))
    assert [(r.row_no, r.indicator, r.target, r.units) for r in items] == [
        ("1", "粮食播种面积", "2.5", ["县农业农村局", "县发改局"]),
        ("2", "生猪出栏", "1", ["县农业农村局"]),
        ("3", "建设示范牧场", "2", ["县农业农村局"]),
        ("4", "水产品产量", "40", ["县海洋与渔业局"])]
    assert {r.category for r in items} == {"稳定农业生产"}


# One cell a paragraph: 项目 / 考核内容 / 测评方法 / 分值, the group cell written once with its points on the next line,
# its opening bracket lost by the page (`20分)`); each row's 考核内容 and 测评方法 before its weight.
LOST_BRACKET = "\n\n".join("""献血工作考核细则
项目
考核内容
测评方法
分值
组织机构
20分)
成立献血工作领导小组
查阅文件,无则扣分。
4
明确分管领导和专职人员
查阅文件,无则扣分。
6
经费保障
10分)
献血经费列入财政预算
查阅预算,无则扣分。
10""".split("\n")) + "\n"


def test_a_group_cell_with_its_points_on_the_next_line_and_a_lost_bracket_is_one_group_over_its_rows(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", LOST_BRACKET)))
    assert [(r.category, r.indicator, r.weight) for r in items] == [
        ("组织机构(20分)", "成立献血工作领导小组", 4.0),
        ("组织机构(20分)", "明确分管领导和专职人员", 6.0),
        ("经费保障(10分)", "献血经费列入财政预算", 10.0)]


# A name and its points merged down together over rows each with a scored rule of its own (`三级指标` / `分值` over
# `评分标准`): the points are the group's, the rule names each row (tab layout: merged cells blank below; .docx: merged).
POINTS_WITH_NAME = [
    ["三级指标", "分值", "评分标准", "责任单位"],
    ["应急管理", "6", "落实领导责任(2分)。印发应急预案得2分", "县应急局"],
    ["", "", "开展应急演练(4分)。每年演练一次得4分", "县应急局、县消防大队"],
    ["宣传教育", "4", "开展宣传活动(4分)。每季度一次得4分", "县委宣传部"],
    ["", "", "建立宣传阵地(0分)。加分项", "县文旅局"],
]


def test_points_merged_down_with_the_name_are_the_groups_and_the_rule_names_each_row(tmp_path):
    for result in (read(tmp_path, POINTS_WITH_NAME),
                   process_file(docx_table(tmp_path, POINTS_WITH_NAME, merges=((0, 1, 2), (1, 1, 2), (0, 3, 4),
                                                                               (1, 3, 4))))):
        items = _items(result)
        assert [(r.category, r.indicator[:6], r.units) for r in items] == [
            ("应急管理", "落实领导责任", ["县应急局"]), ("应急管理", "开展应急演练", ["县应急局", "县消防大队"]),
            ("宣传教育", "开展宣传活动", ["县委宣传部"]), ("宣传教育", "建立宣传阵地", ["县文旅局"])]


# One cell a line: the header stops before two form columns the reader does not know (`检查结果` with a long
# bracketed note, `备注`), whose words then stand before the first group's heading `一、…(60分)`: the group is named
# from its heading, the spilled words dropped.
SPILLED_HEADER = _lines("""防治工作评分细则
项目
目标内容
分值
评分标准
得分
检查结果
(具体描述完成情况和扣分情况)
备注
一、机制(60分)
1.主要领导研究防治工作1次以上。
40分
有研究记录得40分。
2.签订目标责任书。
20分
签订得20分。""")


def test_header_words_spilled_above_the_first_groups_heading_do_not_name_the_group(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", SPILLED_HEADER)))
    assert [(r.category, r.weight) for r in items] == [("一、机制(60分)", 40.0), ("一、机制(60分)", 20.0)]
