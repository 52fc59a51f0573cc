"""Notice shapes of the sixth held-out set, built in code: an item whose points stand only in its rule paragraph,
deduction rules listed in a part of their own with a veto clause, flattened rows `N名称 M分` before their `(1)`
items, and a flattened table whose rows glue their 序号 and 分值 to the text (`(6)1content。2rule…`)."""
from __future__ import annotations

from parsers.extract.markers import numbered_rows
from parsers.extract.points import read_points
from parsers.extract.targets import extract_targets
from tests.extract.test_outline_shapes import _doc, _rows


def test_item_scored_only_in_its_rule_paragraph_is_the_clause_with_its_name():
    rows = _rows(["一、任务完成情况(50分)",
                  "(一)污水处理率",
                  "以市环保局通报数据为准。",
                  "达到年度目标得35分,每超过1个百分点加1分,最多加3分。",
                  "本项为否决性指标。",
                  "(二)垃圾无害化处理率",
                  "完成年度目标得15分,完成90%得13分。",
                  "二、保障措施(10分)",
                  "1.建立工作机制(10分)"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("任务完成情况", 50, 1, 35.0), ("任务完成情况", 50, 2, 15.0), ("保障措施", 10, 1, 10.0)]
    assert rows[0][3].startswith("污水处理率以市环保局通报数据为准。达到年度目标得35分")
    assert rows[0][3].endswith("本项为否决性指标。")


def test_deduction_rules_in_a_part_of_their_own_and_a_veto_clause_are_clauses_without_points():
    rows = _rows(["一、评分标准",
                  "1、台账管理(30分)",
                  "2、宣传培训(70分)",
                  "二、考核扣分标准",
                  "1、台账管理",
                  "(1)台账缺一项的扣2分。",
                  "(2)数据不实的发现一处扣5分。",
                  "2、宣传培训",
                  "(1)未开展培训的扣10分。",
                  "三、全年发生重大责任事故的不计分。",
                  "四、年终由主管部门组织考核。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [
        (None, 1, 30.0), (None, 2, 70.0), (None, 1, None), (None, 2, None), (None, 1, None), (None, 3, None)]
    assert rows[-1][3] == "全年发生重大责任事故的不计分。"


def test_deductions_under_an_unscored_heading_elsewhere_stay_text():
    rows = _rows(["一、评分标准", "1、台账管理(30分)", "2、宣传培训(70分)",
                  "二、工作要求", "1、加强领导。", "(1)未按时报送的扣2分。", "(2)资料不全的扣1分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 30.0), (2, 70.0)]


def test_veto_words_only_for_a_whole_clause():
    assert read_points("全年发生重大安全事故的不计分。").rule == "veto"
    assert read_points("资料不全的不计分,另行通报。").rule != "veto"


def test_flattened_rows_with_bare_points_before_their_items_are_sections():
    line = ("某县单位年度工作评价细则序号评价指标分值评分标准备注1组织 领导情况3分(1)成立领导小组并明确分工,满分2分。"
            "(2)每年召开专题会议,满分1分。2宣传 教育情况5分(1)开展宣传活动,满分3分。(2)组织培训,满分2分。")
    rows = _rows([line])
    assert [(r[0].replace(" ", ""), r[1], r[2], r[4]) for r in rows] == [
        ("组织领导情况", 3, 1, 2.0), ("组织领导情况", 3, 2, 1.0), ("宣传教育情况", 5, 1, 3.0), ("宣传教育情况", 5, 2, 2.0)]
    assert "宣传" not in rows[1][3]


GLUED = ("某区单位考评细则序号考评内容分值评分标准一、基础工作扎实(4)1建立工作台账,资料齐全。2每缺一项扣0.5分。"
         "2定期开展自查(2020)。1开展一次得0.5分,最多得1分。3设立专门联络员。1达到要求的得1分。")


def test_rows_with_glued_number_and_value_are_numbered_clauses_under_the_group():
    rows = _rows([GLUED])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("基础工作扎实", 4, k, p) for k, p in ((1, 2.0), (2, 1.0), (3, 1.0))]
    assert rows[1][3].startswith("定期开展自查(2020)。")


def test_glued_rows_report_a_group_that_does_not_add_up():
    result = extract_targets(_doc([GLUED.replace("(4)", "(5)")]), "d")
    assert sum(t.points for t in result.targets) == 4.0
    assert {t.section_points for t in result.targets} == {5}


def test_glued_numbers_that_do_not_alternate_are_not_rows():
    assert numbered_rows("完成任务。2各村开展检查。3各村上报资料。") is None
    assert numbered_rows("建立台账。2每缺一项扣0.5分。建立制度。") is None


def test_glued_rows_go_on_under_the_next_group_numbered_on_or_restarted():
    second = "二、宣传教育深入(3){n}开展主题宣传。2每开展一次得1分。{m}组织一次培训。1组织培训的得1分。"
    for n, m in ((4, 5), (1, 2)):
        rows = _rows([GLUED + second.format(n=n, m=m)])
        assert [(r[0], r[1], r[2]) for r in rows][3:] == [("宣传教育深入", 3, n), ("宣传教育深入", 3, m)]


def test_flattened_row_heading_with_bracketed_points_before_its_items():
    rows = _rows(["某县单位评价细则序号评价指标分值评分标准1组织领导(3分)(1)成立领导小组,满分2分。(2)召开会议,满分1分。"
                  "2宣传教育(2分)(1)开展宣传,满分2分。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("组织领导", 3, 1, 2.0), ("组织领导", 3, 2, 1.0), ("宣传教育", 2, 1, 2.0)]


def test_a_numbered_heading_ending_in_a_colon_is_no_salutation():
    rows = _rows(["一、评分标准:", "1、台账管理(30分)", "2、宣传培训(70分)", "二、扣分标准:", "1、台账管理",
                  "(1)台账缺一项的扣2分。", "(2)数据不实的扣5分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 30.0), (2, 70.0), (1, None), (2, None)]


def test_glued_rows_with_a_separator_or_a_fen_still_take_the_value_before_the_rule():
    for line in (GLUED.replace("(4)1建立", "(4)1、建立").replace("。2定期", "。2、定期").replace("。3设立", "。3、设立"),
                 GLUED.replace("齐全。2每缺", "齐全。2分每缺").replace("(2020)。1开展", "(2020)。1分开展")):
        rows = _rows([line])
        assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("基础工作扎实", 4, k, p) for k, p in ((1, 2.0), (2, 1.0), (3, 1.0))]


def test_flattened_row_number_may_stand_apart_from_its_name():
    rows = _rows(["某县单位评价细则序号评价指标分值评分标准1 组织领导3分(1)成立领导小组,满分2分。(2)召开会议,满分1分。"
                  "2 宣传教育2分(1)开展宣传,满分2分。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("组织领导", 3, 1, 2.0), ("组织领导", 3, 2, 1.0), ("宣传教育", 2, 1, 2.0)]


def test_points_after_a_sentence_and_a_short_bracketed_note_cut_the_rule_off():
    reading = read_points("建立工作台账。(2020)(2分)每缺一项扣0.5分。")
    assert (reading.points, reading.text, reading.criteria) == (2.0, "建立工作台账。(2020)", "每缺一项扣0.5分。")
    assert read_points("建立工作台账(含电子台账)(2分)按要求建立").criteria is None
