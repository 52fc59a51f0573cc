"""Findings of the sixth held-out set's shapes, each rebuilt in code (never its texts or units): a flattened table
whose group's bracket points (`(6)`, no 分) disagree with its glued rows is one real error; deduction rules listed
apart and a veto clause raise no false error; rows `N名称 M分` whose items add up raise none either."""
from __future__ import annotations

from tests.test_regressions_holdout5_clauses import _errors, _rows, _run

GROUP = ("某区单位考评细则序号考评内容分值评分标准一、基础工作扎实({total})1建立工作台账,资料齐全。2每缺一项扣0.5分。"
         "2定期开展自查(2020)。1开展一次得0.5分,最多得1分。3设立专门联络员。1达到要求的得1分。")


def test_glued_rows_over_a_bracket_total_without_fen_report_the_real_mismatch():
    ex = _run([GROUP.format(total=5)])
    assert [(r[0], r[1], r[2], r[4]) for r in _rows(ex)] == [("基础工作扎实", 5, 1, 2.0), ("基础工作扎实", 5, 2, 1.0),
                                                           ("基础工作扎实", 5, 3, 1.0)]
    mismatches = [f for f in ex.findings if f.code == "section_points_mismatch"]
    assert len(mismatches) == 1 and mismatches[0].severity == "error"


def test_glued_rows_that_add_up_raise_no_error():
    assert _errors(_run([GROUP.format(total=4)])) == []


def test_deduction_part_and_veto_clause_raise_no_error():
    ex = _run(["某镇卫生工作考核办法", "一、计分标准", "1、环境整治(60分)", "2、健康教育(40分)", "二、扣分标准", "1、环境整治",
               "(1)垃圾未及时清运的发现一处扣2分。", "(2)未落实门前三包的扣1分。", "2、健康教育", "(1)未开展宣传的扣5分。",
               "三、全年发生重大卫生事件的不计分。"])
    assert [(r[2], r[4]) for r in _rows(ex)] == [(1, 60.0), (2, 40.0), (1, None), (2, None), (1, None), (3, None)]
    assert _errors(ex) == []


def test_rows_with_bare_points_before_their_items_add_up_without_error():
    ex = _run(["某县单位年度工作评价细则序号评价指标分值评分标准备注1组织 领导情况3分(1)成立领导小组,满分2分。"
               "(2)召开专题会议,满分1分。2宣传 教育情况5分(1)开展宣传活动,满分3分。(2)组织培训,满分2分。"])
    assert [r[1] for r in _rows(ex)] == [3, 3, 5, 5]
    assert _errors(ex) == []
