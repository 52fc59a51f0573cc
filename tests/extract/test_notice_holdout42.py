"""Notice shapes fixed after holdout42 (4201–4205), built in code: caps and floors written after a rule, and lists
of bonus or veto items opened by a label on the same line as their items."""
from __future__ import annotations

from pathlib import Path

import pytest

from parsers.extract.points import read_points
from parsers.extract.targets import extract_targets
from schemas.blocks import Document, Paragraph, Provenance
from tests.builders import extract_lines


def extract_paragraphs(lines: list[str]):
    """The lines as the paragraphs of a notice (no table reader guessing at cells one a line)."""
    doc = Document("notice", "text", [Paragraph(t, Provenance("notice", None, i + 1)) for i, t in enumerate(lines)])
    return extract_targets(doc, "d")


@pytest.mark.parametrize("text", [
    "每举办一次培训加1分,最高不超过3分",
    "在国家级刊物发表1篇分别加2分和1分,最多不超过4分",
    "每发现一次扣0.5分。扣分上限为4分。",
    "减分下限为20分.",
    "未完成年度目标,每超支1%减1分,减分下限为5分。",
])
def test_a_cap_or_floor_after_a_rule_is_no_worth(text: str):
    """4201, 4202: before, `最高不超过3分` / `减分下限为20分` was read as the clause's worth (3, 20), so bonus items
    had worths they do not have and deduction rules a worth that broke their section's sum."""
    assert read_points(text).points is None


@pytest.mark.parametrize("text, rule", [
    ("不发生变电站全停事故,依照事故责任每发生1起减1-2分;", "deduction"),
    ("年度重点工作完成情况扣减0.5-1分;", "deduction"),
    ("减分下限为10分。", "deduction"),
    ("扣分上限为4分。", "deduction"),
    ("加分最高不超过5分。", "bonus"),
])
def test_a_deduction_range_or_a_lone_limit_is_a_rule(text: str, rule: str):
    """4202: before, `减1-2分` and `扣减0.5-1分` read as no deduction, so those rules were dropped and their list
    showed numbering gaps (false errors), and `减分下限为10分。` alone was a clause missing its points."""
    reading = read_points(text)
    assert (reading.points, reading.rule) == (None, rule)


@pytest.mark.parametrize("text, points", [
    ("按时完成年度目标任务(最高5分)", 5.0),
    ("积极参加招商引资相关活动,最高得10分。", 10.0),
    ("完成年度目标得10分。未完成年度目标,每降低1%,减0.5分;", 10.0),
])
def test_a_worth_beside_a_cap_word_is_still_a_worth(text: str, points: float):
    assert read_points(text).points == points


LABELLED_LISTS = [
    "某县学校年度考核细则",
    "加分项目:1.承办市级以上现场会的,每次加2分,最高不超过4分;2.获省级以上表彰的分别加2分和1分,最多不超过3分。",
    "一票否决事项:1.发生重大安全责任事故;2.发生严重违纪案件。",
    "附件:",
    "一、教学管理(5分)",
    "1.按时制定教学计划(2分);2.按期完成教学任务(3分)。",
]


def test_bonus_and_veto_items_after_a_label_on_their_line(tmp_path: Path):
    """4201: before, the bonus items' caps were their worths, and the label `一票否决事项:` ran on to the bonus list's
    last item while the veto items after it on the same line were no clauses. Now a bonus or veto label opens its
    list even before any item and where its items follow on its line: bonus items and veto items without worths,
    then the scored items after the attachment label, outside both lists."""
    targets = extract_lines(tmp_path, LABELLED_LISTS).targets
    assert [(t.seq, t.points, t.points_rule) for t in targets] == [
        (1, None, "bonus"), (2, None, "bonus"), (1, None, "veto"), (2, None, "veto"), (1, 2.0, None), (2, 3.0, None)]
    assert targets[1].text.startswith("获省级以上表彰的分别加2分和1分")
    assert not targets[1].text.endswith("一票否决事项:")
    assert [t.section for t in targets[4:]] == ["教学管理", "教学管理"]


WORTH_UNDER_ITS_HEADING = [
    "某市法院执行工作考核办法",
    "一、考核原则",
    "1、坚持公正与效率。",
    "2、坚持实事求是。",
    "二、考核内容",
    "(一)常规考核项目(60分)",
    "1、组织保障有力,人员落实。",
    "(12分)",
    "(1)建立执行工作领导机制,定期研究执行工作(4分)",
    "(2)执行人员配备满足工作需要(8分)",
]


def test_a_worth_alone_under_a_numbered_heading_is_that_headings(tmp_path: Path):
    """4205: before, `(12分)` alone under `1、组织保障有力…。` was a clause of its own (no text, 12 points) and the
    items below stood under `常规考核项目`; now the worth is the heading's: the items are its, and the principles
    above (no worths) stay rules."""
    targets = extract_lines(tmp_path, WORTH_UNDER_ITS_HEADING).targets
    assert [(t.seq, t.points, t.section, t.section_points) for t in targets] == [
        (1, 4.0, "组织保障有力,人员落实。", 12.0), (2, 8.0, "组织保障有力,人员落实。", 12.0)]


GLUED_TABLE_RUN = [
    "某县村卫生室服务质量考核评分标准项目考核要点分值考核办法一、基础设施完善1、 诊室、治疗室、药房分开设置。"
    "3现场查看,缺一项扣1分。2、 配备常用诊疗设备。2现场查看,缺一件扣0.5分。二、规范执业1乡村医生持证上岗,"
    "执业范围合法。4查看证件,每发现一人无证扣2分。",
]


def test_a_group_heading_run_together_with_its_first_rows_number(tmp_path: Path):
    """4204: before, `二、规范执业1乡村医生…。4查看…` was one heading (its row lost) or, split, a lone row whose bare
    分值 read as a page number; now the heading's short name ends where its first row's number starts, and a bare
    分值 closing that row is its worth since the group before scored its rows the same way."""
    targets = extract_lines(tmp_path, GLUED_TABLE_RUN).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 3.0), (2, 2.0), (1, 4.0)]
    assert targets[2].text.startswith("乡村医生持证上岗")


def test_a_quantity_after_a_heading_is_no_row_number(tmp_path: Path):
    lines = ["某镇工作考核细则", "一、新建1个村级服务站(5分)", "二、开展1次培训(3分)"]
    targets = extract_lines(tmp_path, lines).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 5.0), (2, 3.0)]


RULE_COLUMN_TABLE = [
    "附件: 2015年度经营考核评分细则",
    "考核", "类别", "考核指标", "及标准分数", "责任", "部门", "评 分 规 定",
    "经", "营", "指", "标", "20分",
    "营业收入", "12分", "计划处",
    "1、完成年度目标得12分。未完成年度目标,每降低1%,减0.5分;",
    "2、减分下限为12分。",
    "成本费用", "8分",
    "1、完成年度目标得8分。",
    "2、每超支1%减1分,减分下限为8分。",
    "安", "全", "生", "产", "10分",
    "安全生产", "10分", "安监处",
    "1、不发生人身重伤事故,每发生1起减2分;",
    "2、不发生火灾事故,每发生1起减1-2分。",
]


def test_rows_under_a_header_naming_a_rule_column_are_the_items():
    """4202: before, the numbered lines of the header's `评分规定` column were read as items under each row's name, a
    class cell written one character a line (`经`/`营`/`指`/`标`/`20分`) lost all but its last character, and rules
    restating the row's worth (`完成年度目标得12分`) made its sum twice the row's. Now each row's name is the item (its
    worth the row's), its numbered lines its criteria, and the class cell the section of the rows adding up to it."""
    targets = extract_paragraphs(RULE_COLUMN_TABLE).targets
    assert [(t.section, t.section_points, t.seq, t.text, t.points) for t in targets] == [
        ("经营指标", 20.0, None, "营业收入", 12.0), ("经营指标", 20.0, None, "成本费用", 8.0),
        ("安全生产", 10.0, None, "安全生产", 10.0)]
    assert targets[0].criteria.startswith("计划处1、完成年度目标得12分。")


def test_without_a_rule_column_the_numbered_lines_stay_items():
    """The same rows under a header naming a standards column (`考核标准`): its numbered lines are what is required,
    deduction-only items under the row (holdout40 4002's reading)."""
    lines = [line if line != "评 分 规 定" else "考 核 标 准" for line in RULE_COLUMN_TABLE]
    targets = extract_paragraphs(lines).targets
    assert any(t.seq == 1 and t.text.startswith("不发生人身重伤事故") for t in targets)


CLASS_COLUMNS_RUN = [
    "某县民办学校检查细则",
    "附件:某县民办学校检查细则项目 A 级要求( 城区学校)B 级要求( 农村学校) 分值评分标准自评检查组评"
    "一、办学条件 6分☆ A1有办学许可证等证件。☆ B1、同左 2缺一项扣 1分 A2、校舍面积达到省定标准。 B2、校舍安全,"
    "无危房。 4 每少一项扣1分二、队伍建设 3分 A3、校长具有本科以上学历。 B3、校长具有专科以上学历。 3 学历不达标扣 2分",
]


def test_requirement_columns_for_classes_of_unit_are_two_units():
    """4203: before, a run whose requirement columns are for two classes of unit (`A 级要求( 城区学校)` / `B 级要求(
    农村学校)`) gave three unnumbered clauses of header and rows glued; now each class is a unit with its own
    requirements, each row's 分值 (after the last column's requirement) its worth, the group its section."""
    targets = extract_paragraphs(CLASS_COLUMNS_RUN).targets
    assert [(t.unit, t.seq, t.section, t.section_points, t.text, t.points) for t in targets] == [
        ("城区学校", 1, "办学条件", 6.0, "有办学许可证等证件。", 2.0),
        ("城区学校", 2, "办学条件", 6.0, "校舍面积达到省定标准。", 4.0),
        ("城区学校", 3, "队伍建设", 3.0, "校长具有本科以上学历。", 3.0),
        ("农村学校", 1, "办学条件", 6.0, "同左", 2.0),
        ("农村学校", 2, "办学条件", 6.0, "校舍安全,无危房。", 4.0),
        ("农村学校", 3, "队伍建设", 3.0, "校长具有专科以上学历。", 3.0)]
    assert targets[1].criteria == "每少一项扣1分"
