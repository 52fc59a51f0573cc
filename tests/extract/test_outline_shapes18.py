"""Notice shapes of the eighteenth held-out set (tests/data/holdout18/SOURCES.md), built in code: an item's worth
stated only as the total of its bracketed rule, an item worth the sum of its parts' brackets, a part's own title
line between two lists, and the conditions of a one-vote veto listed after a list."""
from __future__ import annotations

from parsers.extract.points import read_points
from parsers.extract.targets import extract_targets
from tests.extract.test_outline_shapes import _doc, _rows


def test_an_items_worth_stated_as_its_bracketed_rules_total():
    reading = read_points("按时报送工作台账(基础数据半年报送1次共2次,每次报送1分,合计6分)。")
    assert reading.points == 6.0
    reading = read_points("集中开展主题活动,准时报送活动材料(每个主题活动2分,其中组织工作情况1分,11项活动共计22分);")
    assert reading.points == 22.0


def test_a_bracketed_rule_with_a_deduction_closed_by_a_total_is_worth_the_total():
    assert read_points("建立台账(每缺一项扣1分,合计5分)").points == 5.0


def test_an_item_in_parts_each_closed_by_its_bracket_is_worth_their_sum():
    reading = read_points("在主流媒体开办定期普法节目或专栏(4分),在重要版面常态化刊播普法公益广告(4分);")
    assert reading.points == 8.0
    assert "(4分)" not in reading.text and reading.text.startswith("在主流媒体开办")


def test_a_named_worth_closed_by_a_full_stop_is_not_summed_with_its_rules_point():
    reading = read_points("推进工作有力(5分)。制定贯彻执行手册的具体考核办法(3分),无考核办法的该项不计分")
    assert reading.points == 5.0


def test_a_parts_title_between_two_lists_starts_a_new_list_not_a_section():
    rows = _rows(["护林防火工作考核细则", "1.设立检查站的,计20分;", "2.防火期内无野外用火案件,计20分,每发现一起扣20分;",
                  "安全生产考核细则", "1、打非治违工作(30分)。每发现一起,此项不得分。", "2、安全隐患排查治理工作(20分)。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [(None, 1, 20.0), (None, 2, 20.0), (None, 1, 30.0), (None, 2, 20.0)]


def test_a_parts_title_gives_no_numbering_duplicate():
    result = extract_targets(_doc(["护林防火工作考核细则", "1.设立检查站的,计20分;", "2.无野外用火案件,计20分;",
                                   "安全生产考核细则", "1、打非治违工作(30分)。", "2、安全隐患排查治理工作(20分)。"]), "d")
    keys = {t.outline_key for t in result.targets}
    assert len(keys) == 2


def test_veto_conditions_listed_after_a_list_are_veto_items():
    rows = _rows(["1.设立检查站的,计20分;", "2.防火期内无野外用火案件,计20分;",
                  "出现下列情况之一的,予以“一票否决”,此项以起火点为第一责任单位进行考核:",
                  "⑴年度内发生森林火灾被通报的;", "⑵发生森林火灾过程中出现人员伤亡的。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [(None, 1, 20.0), (None, 2, 20.0), (None, 1, None), (None, 2, None)]
    assert rows[3][3].startswith("发生森林火灾过程中")
    targets = extract_targets(_doc(["1.设立检查站的,计20分;", "出现下列情况之一的,实行一票否决:",
                                    "⑴发生森林火灾被通报的;"]), "d").targets
    assert [t.points_rule for t in targets] == [None, "veto"]


def test_a_table_item_whose_later_cells_stand_on_lines_of_their_own_is_named_by_its_first_cell():
    rows = _rows(["(二)“五型”机关创建 (100分)", "1.责任型和服务型机关创建(30分)  |", "按排名赋分  |", "县直机关工委  |",
                  "2.学习型机关创建(20分)  |", "县委宣传部  |"])
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [("“五型”机关创建", 1, "责任型和服务型机关创建", 30.0),
                                                       ("“五型”机关创建", 2, "学习型机关创建", 20.0)]
    targets = extract_targets(_doc(["(二)机关创建 (100分)", "1.学习型机关创建(20分)", "县委宣传部"]), "d").targets
    assert targets[0].criteria == "县委宣传部"


def test_a_named_item_over_its_scoring_paragraph_keeps_the_paragraph_in_its_text():
    rows = _rows(["(一)农业农村工作(20分)", "②林改工作(2分)", "按时完成林改发证任务,3月31日前完成的计4分,4月15日后完成的不计分。"])
    assert rows[0][3].startswith("林改工作按时完成") and rows[0][4] == 2.0


def test_a_group_whose_items_are_empty_placeholders_is_no_clause():
    rows = _rows(["(一)重点工作 (500分)  |", "1.  |", "按实绩赋分  |", "2.  |", "3.  |", "……  |",
                  "(二)机关创建 (100分)  |", "1.学习型机关创建(20分)  |", "县委宣传部  |"])
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [("机关创建", 1, "学习型机关创建", 20.0)]


def test_a_veto_heading_line_without_a_number_leads_veto_items():
    targets = extract_targets(_doc(["1.成立领导小组,计10分;", "2.制定工作方案,计10分;", "一票否决事项:",
                                    "(1)发生重大事故的;", "(2)发生群体事件的。"]), "d").targets
    assert [(t.seq, t.points, t.points_rule) for t in targets] == [(1, 10.0, None), (2, 10.0, None),
                                                                  (1, None, "veto"), (2, None, "veto")]


def test_a_bracketed_rule_closed_by_gong_n_fen_states_the_total():
    assert read_points("开展法治文艺巡演(每场2分,共10分)").points == 10.0
