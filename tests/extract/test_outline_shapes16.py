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
