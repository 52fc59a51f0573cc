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
