"""Notice shapes fixed after holdout34 (3401–3405), built in code: a worth declared as a clause of the item's
sentence (`分值为50分,按照…`), per-unit sections closed by a bare worth (`(一)、市政设施责任目标100分`) and a worth a
page broke over two lines (`(25` / `分)`)."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.points import read_points
from tests.builders import extract_lines

WORTH_AS_A_CLAUSE_OF_THE_SENTENCE = [
    "某县2023年度全域旅游考核细则",
    "一、考核内容",
    "1.季考结果运用:分值为50分,按照全域旅游全年季考结果累计得分情况进行折算。",
    "2.目标任务完成情况:分值为20分,根据目标任务的完成情况进行考评,达到目标任务要求得20分,未完成的按任务量折算得分。",
    "3.加分项:分值为30分,设置文旅项目高质量发展等类别,按考核评分标准给予相应加分。",
]


def test_worth_declared_mid_sentence_keeps_the_sentence_whole(tmp_path: Path):
    targets = extract_lines(tmp_path, WORTH_AS_A_CLAUSE_OF_THE_SENTENCE).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 50.0), (2, 20.0), (3, 30.0)]
    assert targets[2].text.startswith("加分项:分值为30分,设置文旅项目")


def test_a_tier_equal_to_the_declared_worth_is_not_added_to_it():
    reading = read_points("目标任务完成情况:分值为20分,达到目标任务要求得20分,未完成的折算得分。")
    assert reading.points == 20.0


PER_UNIT_SECTIONS_WITH_A_BARE_WORTH = [
    "综合执法局目标管理考评办法",
    "三、目标任务",
    "(一)、市政设施责任目标100分",
    "1、认真履行市政设施维护职责,加强巡查和监管。(50分)",
    "2、完成领导交办的其它工作任务。(50分)",
    "(二)渣土办责任目标100分",
    "1、加强城市建筑工程监管,严格控制建筑物料乱倾倒。(50",
    "分)",
    "2、实行巡查制度,对乱倾倒建筑物料单位和个人给予严管重罚。(50分)",
]


def test_per_unit_sections_closed_by_a_bare_worth_and_a_worth_broken_over_lines(tmp_path: Path):
    targets = extract_lines(tmp_path, PER_UNIT_SECTIONS_WITH_A_BARE_WORTH).targets
    assert [(t.unit, t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("市政设施责任目标", "市政设施责任目标", 100.0, 1, 50.0), ("市政设施责任目标", "市政设施责任目标", 100.0, 2, 50.0),
        ("渣土办责任目标", "渣土办责任目标", 100.0, 1, 50.0), ("渣土办责任目标", "渣土办责任目标", 100.0, 2, 50.0)]
    assert targets[2].text == "加强城市建筑工程监管,严格控制建筑物料乱倾倒"


ITEMS_WITH_FULL_MARKS_BELOW_AFTER_SCHOOL_GRADES = [
    "某中学团支部评比考核方案",
    "一、评比原则",
    "①每学年评比一次优秀团支部;",
    "②优秀团支部挂锦旗一面及奖励。",
    "二、评比范围:初一、初二、初三",
    "三、评比内容",
    "1、组织建设①支部领导班子配备齐全(支部书记、组织委员、宣传委员)。",
    "5分满,缺一项扣1分。",
    "②按时、认真完成团委安排的各项工作和任务。",
    "每项工作5分满, 不能按时完成得分,完成不好每次扣3分。",
    "③团委召集团干部的会议,不迟到,不早退,不缺席。",
    "请假均需书面请假条。",
    "每次会议2 分满,无书面请假条者每次扣1 分。",
]


def test_full_marks_on_the_line_below_an_item_after_a_list_of_school_grades(tmp_path: Path):
    targets = extract_lines(tmp_path, ITEMS_WITH_FULL_MARKS_BELOW_AFTER_SCHOOL_GRADES).targets
    assert [(t.unit, t.seq, t.points) for t in targets] == [("", 1, 5.0), ("", 2, 5.0), ("", 3, 2.0)]
    assert targets[0].text.startswith("支部领导班子配备齐全(支部书记、组织委员、宣传委员)。")


def test_a_numeral_that_ends_a_word_starts_no_item():
    from parsers.extract.markers import inline_markers
    assert [m.raw for m in inline_markers("评比范围:初一、初二、初三三、评比内容见下表")] == ["三、"]


ONE_RUN_WITH_TORTOISE_SHELL_BRACKETS = [
    "团支部考核方案",
    "团支部考核方案为进一步加强团支部自身建设,特制定此考核方法:一、组织机构。专设团支部考核小组。二、等级评定:优秀:80以上"
    "三、相关说明:1.考核分数超过100分,按100分计算。"
    "2.所有团支部都必须按本条例进行年度等级考核。四、考核工程:〔一〕团支部自身建设:〔15分〕"
    "1.每学期团支部有工作方案和工作总结。〔每份0.5分,总分2分〕2.认真履行团支部工作手册管理制度。〔1分〕"
    "3.切实做好团员民主评议工作。〔有方案0.5分,有总结0.5分,工作开展效果好3分,总分3分〕"
    "4.推荐团员学生参加各类政治学习活动。〔入党积极分子等,总分9分〕〔二〕团支部与团总支工作配合情况。〔6分〕"
    "1.宣传工作有影响、有效果。〔总分6分〕〔1〕一次班级活动简报1分;〔2〕一次黑板报0.5分。",
]


def test_tortoise_shell_brackets_a_total_closing_a_bracket_and_per_piece_parts(tmp_path: Path):
    targets = extract_lines(tmp_path, ONE_RUN_WITH_TORTOISE_SHELL_BRACKETS).targets
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("团支部自身建设", 15.0, 1, 2.0), ("团支部自身建设", 15.0, 2, 1.0), ("团支部自身建设", 15.0, 3, 3.0),
        ("团支部自身建设", 15.0, 4, 9.0), ("团支部与团总支工作配合情况", 6.0, 1, 6.0)]
    assert targets[0].text == "每学期团支部有工作方案和工作总结。"
    assert targets[4].text.startswith("宣传工作有影响、有效果。")


def test_a_bound_on_the_total_is_no_worth():
    assert read_points("考核分数超过100分,按100分计算。").points is None


def test_per_piece_part_under_an_item_worth_per_kind_of_unit(tmp_path: Path):
    targets = extract_lines(tmp_path, [
        "某县考核指标", "一、人口出生率(10分)", "二、计划生育事业费(乡镇10分、农场15分)",
        "(1)一次检查1分;", "三、通报和黄牌警告制度(10分)"]).targets
    assert ("乡镇", 3, 10.0) in [(t.unit, t.seq, t.points) for t in targets]  # read, not stopped by a per-kind worth


def test_a_page_without_a_title_line_takes_the_name_its_preamble_gives(tmp_path: Path):
    from parsers.extract.metadata import extract_metadata
    from parsers.readers.text_reader import read_text
    from tests.builders import write_text

    path = write_text(tmp_path / "page.txt", "\n".join([
        "索引号: | 330522/2023-00789 | 成文日期: | 2023-03-14 |",
        "为深入贯彻落实党的二十大精神,根据有关文件精神,特制定2023年度全域旅游及文体事业高质量发展考核细则。",
        "一、考核对象", "1.季考结果运用:分值为50分,按照季考结果折算。"]) + "\n")
    meta = extract_metadata(read_text(path, "notice", False))
    assert meta.title == "2023年度全域旅游及文体事业高质量发展考核细则"
