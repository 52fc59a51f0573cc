"""Notice shapes of the sixteenth held-out set (tests/data/holdout16/SOURCES.md), built in code: an item's graded
scale numbered under it (`(1)…85%以上计满分;(2)…75%以上计15分;…`)."""
from __future__ import annotations

from tests.extract.test_outline_shapes import _rows


def test_a_graded_scale_under_an_item_is_its_rule_not_clauses():
    rows = _rows(["一、考核内容及评分标准", "(一)任务完成(30分)", "1.甲类费用征收情况计20分。",
                  "(1)完成任务比例在85%以上计满分;", "(2)完成任务比例在75%以上计15分;",
                  "(3)完成任务比例在65%以上计10分;", "(4)完成任务比例在65%以下不计分。",
                  "2.乙类费用征收秩序工作计10分。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("任务完成", 30.0, 1, 20.0), ("任务完成", 30.0, 2, 10.0)]
    assert rows[0][3].startswith("甲类费用征收情况") and "75%以上计15分" in rows[0][3]


def test_a_scale_is_told_by_its_grades_adding_to_more_than_the_item():
    rows = _rows(["(一)任务完成(50分)", "1.按完成任务比例积分(50分)。",
                  "(1)完成任务比例在75%以上计45分;", "(2)完成任务比例在65%以上计35分;"])
    assert [(r[2], r[4]) for r in rows] == [(1, 50.0)]


def test_sub_items_that_add_up_to_their_item_stay_clauses():
    rows = _rows(["(一)组织领导(10分)", "1.健全机构(6分)。", "(1)成立领导小组计3分;", "(2)明确专人负责计3分。",
                  "2.制定方案计4分。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("健全机构", 1, 3.0), ("健全机构", 2, 3.0),
                                                 ("组织领导", 2, 4.0)]


def test_sub_items_worth_full_marks_n_that_add_up_stay_clauses():
    rows = _rows(["1地震监测方面情况4分", "(1)协助开展台站建设工作,满分2.5分。", "(2)及时上报震情,满分1分。",
                  "(3)做好终端部署,满分0.5分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 2.5), (2, 1.0), (3, 0.5)]


def test_requirements_whose_bonus_rules_overrun_their_item_stay_clauses():
    rows = _rows(["(五)社区消防工作(6分)", "1.落实社区消防工作的意见(6分)。", "(1)制定实施方案,记2分;否则,扣1-2分。",
                  "(2)指导社区开展消防工作,记2分;否则,扣1-2分。",
                  "(3)组织验收,记2分;否则,扣1-2分;成效显著被推广经验的,分别奖3分、1分。"])
    assert [r[2] for r in rows] == [1, 2, 3]


def test_a_last_clause_cut_inside_its_points_bracket_is_dropped():
    rows = _rows(["(一)加强领导(10分)", "1、每季度召开一次专题会议(2分,少一次扣0.5分)。",
                  "2、建立健全专案调处工作制度(1分);班子成员参与督查督办重点事项(2分,少一"])
    assert [(r[2], r[4]) for r in rows] == [(1, 2.0)]
    whole = _rows(["(一)加强领导(10分)", "1、每季度召开一次专题会议(2分,少一次扣0.5分)。",
                   "2、建立健全专案调处工作制度(1分);班子成员参与督查督办重点事项(2分)。"])
    assert [(r[2], r[4]) for r in whole] == [(1, 2.0), (2, 3.0)]


CODED = ("附件评估指标评估要素评估标准A级B级A1组织建设30分B1领导班子10分C1廉洁自律(2.5分)C2坚持原则(2.5分)"
         "C3办事公道(2.5分)C4为人师表(2.5分)占参评人数80%及以上为好,记满分。B2队伍建设20分C5岗位责任明确"
         "C6评估客观公正C7隔周一次例会C8纪律好C9团结协作C5—C9每项4分;C9根据群众反映酌情评分。A2管理措施15分"
         "B3制度建设15分C10计划详实,安排恰当C11制度齐全C10满分9分,查看酌情评分C11满分6分,查看酌情评分")


def test_a_letter_coded_indicator_run_gives_its_deepest_codes_as_clauses():
    rows = _rows([CODED])
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows][:5] == [
        ("领导班子", 10.0, 1, "廉洁自律", 2.5), ("领导班子", 10.0, 2, "坚持原则", 2.5), ("领导班子", 10.0, 3, "办事公道", 2.5),
        ("领导班子", 10.0, 4, "为人师表", 2.5), ("队伍建设", 20.0, 5, "岗位责任明确", 4.0)]
    assert [(r[0], r[2], r[3], r[4]) for r in rows][8:] == [
        ("队伍建设", 9, "团结协作", 4.0), ("制度建设", 10, "计划详实,安排恰当", 9.0), ("制度建设", 11, "制度齐全", 6.0)]


def test_letters_and_digits_that_are_no_coded_run_stay_text():
    from parsers.extract.flat_rows import coded_rows
    assert coded_rows("使用A4纸打印,B2栋会议室,C1驾照人员参加培训(2分)。") is None
    assert coded_rows("C1项目(2分)C2项目(2分)C3项目(2分)C4项目(2分)") is None  # one level: no table's codes


def test_a_scale_whose_top_grade_is_the_items_full_points():
    rows = _rows(["(一)任务完成(30分)", "1.完成年度征收任务(20分)。", "(1)完成任务的得20分;", "(2)完成任务90%的得15分;",
                  "(3)完成任务80%的得10分。", "2.建立征收台账(10分)。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 20.0), (2, 10.0)]


def test_a_code_range_whose_dash_ocr_read_as_one_still_gives_its_rows_points():
    # renderings --scan, 1605: `C5一C9每项4分` (OCR reads a dash as 一): the range's rows had no points, 4 false
    # missing_points
    rows = _rows([CODED.replace("C5—C9", "C5一C9")])
    assert [(r[2], r[4]) for r in rows][4:9] == [(5, 4.0), (6, 4.0), (7, 4.0), (8, 4.0), (9, 4.0)]
