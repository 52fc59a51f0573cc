"""Notice shapes of the fourteenth held-out set, built in code: points in a bracket with the rule after a comma
(`(2分,少一次扣0.5分)`), and an item made of several requirements each closed by such a bracket."""
from __future__ import annotations

from parsers.extract.points import read_points
from tests.extract.test_outline_shapes import _rows


def test_a_deduction_rule_inside_the_points_bracket_does_not_void_the_points():
    reading = read_points("每季度召开一次常务会议专题听取工作汇报(2分,少一次扣0.5分)。")
    assert reading.points == 2 and reading.text == "每季度召开一次常务会议专题听取工作汇报。"
    assert read_points("未按时报送的(扣2分)").points is None  # a bracketed deduction is still no worth


def test_requirements_each_closed_by_points_with_their_rules_add_up():
    rows = _rows(["一、考评内容", "(一)加强组织领导(8分)",
                  "1、每月召开一次例会,专题研究工作(2分,少一次扣0.5分)。",
                  "2、领导坚持阅批重要来件(1分);开展领导接待日制度(1分,每周未达到一个工作日不得分);"
                  "班子成员轮流参与接待(4分,缺一个领导扣0.5分)。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("加强组织领导", 1, 2.0), ("加强组织领导", 2, 6.0)]
    assert rows[1][3].startswith("领导坚持阅批重要来件;开展领导接待日制度")


def test_a_deduction_from_the_assessment_score_is_no_worth():
    reading = read_points("对第一个举报的群众给予500元奖励,村干部未发现一次扣考核2分。")
    assert reading.points is None and reading.rule == "deduction"


def test_a_paragraph_that_only_grants_extra_points_is_a_bonus_rule():
    reading = read_points("工作有创新,并得到上级领导小组认定的,可酌情加5-10分。")
    assert reading.points is None and reading.rule == "bonus"
    assert read_points("完成年度任务的得10分,超额完成的加2分。").points == 10  # an item's own bonus rule


def test_a_numbered_heading_over_a_bonus_rule_is_no_clause():
    rows = _rows(["四、考核内容", "(一)队伍建设(6分)", "1、组建应急队伍。(2分)", "2、开展一次培训。(4分)",
                  "(二)其他", "工作有创新并得到上级认定的,可酌情加5-10分。", "五、奖惩措施"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("队伍建设", 1, 2.0), ("队伍建设", 2, 4.0)]
