"""More notice shapes built in code: a bare `N分` glued after an item and followed by who assesses it or its
deduction rule, and a heading whose points are a cap `(≤N分)` over a formula paragraph."""
from __future__ import annotations

from tests.extract.test_outline_shapes import _rows


def test_bare_points_glued_after_an_item_then_assessing_department():
    rows = _rows(["一、考评内容", "1、基层组织建设工作10分,由县某部门负责考核;",
                  "2、社会治安工作6分,由县某局、某办负责考核。此项考核由某办牵头;",
                  "3、宣传工作4分,由县某部负责考核。"])
    assert [(r[2], r[3], r[4]) for r in rows] == [(1, "基层组织建设工作", 10.0), (2, "社会治安工作", 6.0),
                                                  (3, "宣传工作", 4.0)]


def test_bare_points_glued_after_a_rate_then_deduction_rule():
    rows = _rows(["一、保障指标（10分）", "1.经费到位率达100%6分,每下降1%扣1分;", "2.人员配备4分,缺1人扣1分。"])
    assert [(r[2], r[3], r[4]) for r in rows] == [(1, "经费到位率达100%", 6.0), (2, "人员配备", 4.0)]


def test_points_cap_on_a_heading_over_a_formula_paragraph():
    rows = _rows(["（一）招商项目数量(≤50分)", "项目数量分值=完成数/任务数×50,最高得50分。",
                  "（二）活动开展(≤30分)", "每开展一次得5分,最高得30分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 50.0), (2, 30.0)]
    assert rows[0][3].startswith("招商项目数量")


def test_rule_paragraphs_under_an_item_scored_in_a_sentence_are_its_text():
    rows = _rows(["二、考核内容:", "1.完成年度任务得20分。",
                  "完成甲类任务得12分,每减少10%扣2分。完成乙类任务得8分,每减少10%扣2分。",
                  "2.按时上报资料得10分。", "资料齐全、上报及时得10分,迟报一天扣1分。", "3.附加分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 20.0), (2, 10.0), (3, None)]
    assert rows[0][3].startswith("完成年度任务得20分。完成甲类任务得12分")
    assert rows[1][3].endswith("迟报一天扣1分。")


def test_a_paragraph_scoring_more_than_its_item_is_not_its_rule():
    rows = _rows(["1.完成年度任务得5分。", "另行开展专项检查得10分。"])
    assert [(r[2], r[3], r[4]) for r in rows] == [(None, "另行开展专项检查得10分。", 10.0)]
