"""Notice shapes of the fourth held-out set, built in code: a flattened table's unnumbered rows with their bare
分值 between content and rule (`…三落实。5每缺一项扣0.5分。…`), and clauses run on after a heading whose points are
written as a sentence (`(该项指标为10分)。…(2分)。…(3分);`)."""
from __future__ import annotations

from parsers.extract.flat_rows import flat_rows, run_on_clauses
from parsers.extract.points import read_points
from tests.extract.test_outline_shapes import _rows

FLAT = ("某市工作考核评分细则考核项目考核要求分值评分细则基础工作(50分)实施方案按时出台;实现机构、人员、经费三落实。5"
        "每缺一项扣0.5分。实现河长全覆盖,更新及时。2未实现全覆盖,缺一条扣0.5分;未及时更新,发现一条扣0.5分。"
        "完善台账,记录齐全。8资料不全的,视情况酌情扣分。每周报送一次工作动态。6")


def test_unnumbered_flattened_rows_split_at_their_bare_points():
    rows = _rows([FLAT])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("基础工作", 50, None, p) for p in (5.0, 2.0, 8.0, 6.0)]
    assert [r[3] for r in rows] == ["实施方案按时出台;实现机构、人员、经费三落实。", "实现河长全覆盖,更新及时。",
                                    "完善台账,记录齐全。", "每周报送一次工作动态。"]


def test_flat_rows_keep_the_rule_with_its_row_and_the_lead_apart():
    segments = flat_rows(FLAT)
    assert segments[0].endswith("基础工作(50分)")
    assert segments[1] == "实施方案按时出台;实现机构、人员、经费三落实。(5分)每缺一项扣0.5分。"


def test_numbers_without_a_scoring_rule_after_them_are_not_rows():
    assert flat_rows("全年开展检查。3次以上的为合格。完成任务。2项以上的为优秀。") is None


def test_numbered_rows_are_left_to_the_outline():
    assert flat_rows("标准考核项目分值1、定期召开会议。10每季度少于1次的,扣5分。2、制定计划。10没有计划的,扣10分。") is None


def test_points_written_as_a_sentence_inside_the_bracket():
    for text in ("高度重视安全生产工作(该项指标为10分)。", "安全事故(本项共10分)", "组织领导(该项分值为10分)"):
        assert read_points(text).points == 10.0, text


def test_clauses_run_on_after_a_heading_with_points():
    rows = _rows(["一、高度重视安全生产工作(该项指标为10分)。把安全生产纳入议事日程(2分)。完善监管责任,建立责任制(3分);"
                  "每季度召开工作会议(3分);"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("高度重视安全生产工作", 10, None, p) for p in (2.0, 3.0, 3.0)]
    assert rows[1][3] == "完善监管责任,建立责任制"


def test_a_clause_with_its_points_and_a_rule_is_not_a_run_on_section():
    text = "组织领导(10分)。成立领导小组(5分)。未成立的扣5分。"
    reading = read_points(text)
    assert run_on_clauses(text, reading.span, reading.points) is None
    text = "组织领导(4分)。成立领导小组(3分)。落实人员(3分)。"
    reading = read_points(text)
    assert run_on_clauses(text, reading.span, reading.points) is None  # 6 of 4: not its clauses


def test_bare_points_glued_to_the_next_items_number():
    rows = _rows(["附件指标体系一级指标二级指标分值1.企业开办(10分)1.1设立登记的时间(工作日)61.2刻制公章的费用(元)"
                  "42.办理许可(10分)2.1发放许可证所需时间(工作日)72.2完成所有环节的费用(万元)3"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("企业开办", 1, 6.0), ("企业开办", 2, 4.0),
                                                ("办理许可", 1, 7.0), ("办理许可", 2, 3.0)]
    assert rows[1][3] == "刻制公章的费用(元)"


def test_a_number_inside_a_figure_is_not_an_item():
    from parsers.extract.markers import inline_markers
    assert [m.number for m in inline_markers("共完成32个项目,占比12.5%", 0)] == []


def test_a_summary_of_the_parts_is_not_a_clause_when_a_part_is_a_section():
    rows = _rows(["一、考核范围全街道31个社区。", "二、考核内容共分三部分,实行千分制考核。其中,重点工作300分,常规工作550分,综合评议150分。",
                  "三、计分办法", "(一)重点工作(基本分300分)。", "1.集体经济(150分)。完成任务得全部基本分。",
                  "2.环境整治(150分)。每有一处未整改扣2分。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("重点工作", 300, 1, 150.0), ("重点工作", 300, 2, 150.0)]


def test_an_inline_list_of_items_without_sections_stays_the_clauses():
    rows = _rows(["一、考核内容", "实行100分制,其中基层党建30分,城乡管理30分,社会事业40分。"])
    assert [(r[3], r[4]) for r in rows] == [("基层党建", 30.0), ("城乡管理", 30.0), ("社会事业", 40.0)]


def test_a_clause_named_with_its_points_whose_rule_adds_is_not_a_bonus_item():
    assert read_points("集体可支配财力(100分)。完成目标得全部基本分,每超出1个百分点再加1分。").rule is None
    assert read_points("加分项目(5分)。获市级表彰的加2分。").rule == "bonus"


def test_flattened_header_then_a_parent_without_fen_and_a_heading_with_only_a_sentence():
    rows = _rows(["考核内容考核标准扣分标准考核方式得分基础工作(20)社区党建(10分)由组织部制定考核标准,并组织考核。社区自治(10分)"
                  "1、依法完成换届选举(6分)。延期换届的扣1分。查资料2、有办公场所(4分)。无办公场所不得分。看现场"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("基础工作", 20, None, 10.0), ("社区自治", 10, 1, 6.0),
                                                        ("社区自治", 10, 2, 4.0)]
    assert rows[0][3] == "社区党建由组织部制定考核标准,并组织考核。"


def test_a_heading_glued_after_the_rows_method_words_does_not_start_with_them():
    rows = _rows(["社区考核标准", "基础工作(10分)社区自治(4分)1、依法完成换届选举(4分)。延期换届的扣1分。查资料看现场社区设施(6分)1、服务中心面积达标(6分)。"
                  "每有一项不达标扣0.5分。看现场"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("社区自治", 1, 4.0), ("社区设施", 1, 6.0)]


def test_a_bracketed_year_is_not_a_parents_points():
    from parsers.extract.layout import _bare_parent
    assert _bare_parent("工作要点(2020)组织领导(10分)") == ["工作要点(2020)组织领导(10分)"]
    assert _bare_parent("基础工作(70)社区党建(10分)") == ["基础工作(70分)", "社区党建(10分)"]
