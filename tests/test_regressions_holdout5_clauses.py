"""Clause-reading failure shapes of the fifth held-out set, each rebuilt in code (never its texts or units):
numbering that starts over under a new unscored part, a clause with two points notations, `(分值N分)` headings
over clauses with glued numbers, and a clause whose bare points run straight into the next part heading."""
from __future__ import annotations

from ingest.pipeline import check, extract
from schemas.blocks import Document, Paragraph, Provenance
from schemas.records import DocumentInfo, Extraction


def _run(lines: list[str]) -> Extraction:
    doc = Document("mem.txt", "txt", [Paragraph(t, Provenance("mem.txt", None, i + 1)) for i, t in enumerate(lines)])
    return check(extract(doc, DocumentInfo("d", "mem.txt", "", "txt")))


def _errors(ex: Extraction) -> list[str]:
    return [f.code for f in ex.findings if f.severity == "error"]


def _rows(ex: Extraction) -> list[tuple]:
    return [(t.section, t.section_points, t.seq, t.text, t.points) for t in ex.targets]


# -- 1. numbering that starts over under a new part -------------------------------------------------------

RESTART = ("某局2021年宣传工作考核细则 为做好考核工作,现将考核指标分解如下:一、加强组织领导考核内容:健全工作机制。"
           "1、成立工作领导小组(3分);2、明确专人负责(2分);3、制定年度工作计划(5分)。二、抓好学习教育考核内容:"
           "(一) 抓好理论学习。1、制定年度学习计划(5分);2、每季度集中学习不少于1次(4分);3、开展专题研讨(3分);")


def test_numbering_restarting_under_a_new_unscored_part_is_no_duplicate():
    ex = _run([RESTART])
    assert [(t.seq, t.points) for t in ex.targets] == [(1, 3.0), (2, 2.0), (3, 5.0), (1, 5.0), (2, 4.0), (3, 3.0)]
    assert _errors(ex) == []


def test_numbers_repeated_inside_one_part_are_still_duplicates():
    ex = _run(["某局2021年宣传工作考核细则 现将考核指标分解如下:一、加强组织领导考核内容:健全工作机制。"
               "1、成立工作领导小组(3分);2、明确专人负责(2分);3、制定年度工作计划(5分);",
               "2、开展专题研讨(3分);"])
    assert [t.seq for t in ex.targets] == [1, 2, 3, 2]
    assert "numbering_duplicate" in _errors(ex) or "numbering_order" in _errors(ex)


# -- 2. a clause with two points notations, one per requirement ----------------------------------------------

TWO_NOTATIONS = ("某县2015年度宣传工作考核细则 一、考核内容 1、组织领导(4分) (1)机构健全。成立领导小组(1分)。 "
                 "(2)工作到位。年初有工作计划,年终有总结(1分);全年研究工作不少于4次(以会议记录为准)(1分)。 "
                 "(3)制度健全。建立学习制度(1分)。")


def test_a_clause_with_two_notations_is_worth_their_sum():
    ex = _run([TWO_NOTATIONS])
    assert [(r[0], r[1], r[2], r[4]) for r in _rows(ex)] == [("组织领导", 4.0, 1, 1.0), ("组织领导", 4.0, 2, 2.0),
                                                              ("组织领导", 4.0, 3, 1.0)]
    assert ex.targets[1].text.rstrip("。") == "工作到位。年初有工作计划,年终有总结;全年研究工作不少于4次(以会议记录为准)"
    assert "section_points_mismatch" not in _errors(ex)


def test_a_clause_with_two_notations_under_a_unit_heading_is_worth_their_sum():
    ex = _run(["某市2021年目标责任书", "一、甲县", "1. 完成造林任务（5分）；完成年度绿化工作（3分）。", "2. 加强管理（2分）。",
               "二、乙县", "1. 完成造林任务（5分）。", "2. 加强管理（5分）。"])
    assert [(t.unit, t.seq, t.points, t.text) for t in ex.targets] == [
        ("甲县", 1, 8.0, "完成造林任务；完成年度绿化工作"), ("甲县", 2, 2.0, "加强管理"),
        ("乙县", 1, 5.0, "完成造林任务"), ("乙县", 2, 5.0, "加强管理")]


def test_grades_of_one_rule_are_not_added_up():
    ex = _run(["某县2015年度宣传工作考核细则 一、考核内容 1、组织领导(5分) (1)全部完成的(5分);基本完成的(3分)。"])
    assert [t.points for t in ex.targets] == [5.0]


# -- 3. `(分值N分)` headings over clauses with numbers glued to their text ------------------------------------

GLUED = ("关于村道路安全工作的考核办法一、考核对象全镇各村。二、考核内容和要求 目标总分值为100分。"
         "(一)组织建设(分值10分)L各村要成立安全工作站,确定第一责任人(分值4分)。2各村要指定2名安全员(分值6分)。"
         "(二)日常管理(分值20分)1 .建立健全工作制度和台账(分值10分)。2 .熟悉辖区安全状况,有隐患排查台帐(分值3分)。"
         "3 .2021年6月至12月,系统使用率每缺10%扣0.5分(分值7分)。")


def test_numbers_glued_to_their_text_after_points_split_the_clauses():
    ex = _run([GLUED])
    assert [(r[0], r[1], r[2], r[4]) for r in _rows(ex)] == [
        ("组织建设", 10.0, 1, 4.0), ("组织建设", 10.0, 2, 6.0),
        ("日常管理", 20.0, 1, 10.0), ("日常管理", 20.0, 2, 3.0), ("日常管理", 20.0, 3, 7.0)]
    assert ex.targets[0].text.rstrip("。") == "各村要成立安全工作站,确定第一责任人"
    assert ex.targets[1].text.rstrip("。") == "各村要指定2名安全员"
    assert ex.targets[4].text.startswith("2021年6月至12月")
    assert _errors(ex) == []


def test_a_glued_number_without_its_sequence_is_text():
    ex = _run(["一、组织建设(分值10分)L各村要成立安全工作站,确定第一责任人(分值4分)。各村要指定安全员。"])
    assert [(t.seq, t.points) for t in ex.targets] == [(1, 10.0)]
    assert "L各村要成立" in ex.targets[0].text


def test_points_stated_as_a_value_inside_the_bracket():
    from parsers.extract.points import read_points
    for text in ("组织建设(分值10分)", "组织建设(分值为10分)", "组织建设(分值10)", "组织建设（满分：10）"):
        reading = read_points(text)
        assert (reading.points, reading.text) == (10.0, "组织建设"), text


# -- 4. a clause's bare points running straight into the next part heading ----------------------------------

PART_AFTER_POINTS = ["某省系统普法检查验收标准考评项目评分项分值扣分项(10分)1、制定本单位普法规划,及时召开启动会议。4分未制定规划的扣2分。"
                     "2、建立普法领导机构,由一名单位领导负责。6分未建立领导机构的不得分。",
                     "二、保障机制(8分)3、普法经费落实,保障日常工作开展。5分经费未列入预算的扣2分。4、配备普法资料。3分缺少资料的扣1分。"]


def test_a_part_heading_after_a_clauses_bare_points_is_a_section_not_a_clause():
    ex = _run(PART_AFTER_POINTS)
    assert [(r[0], r[1], r[2], r[4]) for r in _rows(ex)] == [
        (None, None, 1, 4.0), (None, None, 2, 6.0), ("保障机制", 8.0, 3, 5.0), ("保障机制", 8.0, 4, 3.0)]
    assert ex.targets[1].text.rstrip("。") == "建立普法领导机构,由一名单位领导负责"
    assert _errors(ex) == []


# -- 5. an attachment's title and a flattened header glued before the first group's name ---------------------

ATTACHED = ("某旗残联关于印发2012年基层工作目标考核细则的通知各镇残联:现将考核细则印发给你们,请认真实施。某旗残联 二一二年三月一日"
            "附件1: 2012年基层工作目标考核细则分类检查验收内容分值评估标准实得分宣传工作10分1、制定年度宣传工作计划,"
            "按时报送。4查阅资料2、开展宣传活动不少于两次。6查阅资料")


def test_a_group_name_after_an_attachment_title_and_a_flattened_header_is_the_section():
    ex = _run([ATTACHED])
    assert [(r[0], r[1], r[2], r[4]) for r in _rows(ex)] == [("宣传工作", 10.0, 1, 4.0), ("宣传工作", 10.0, 2, 6.0)]
    assert ex.targets[0].text.rstrip("。") == "制定年度宣传工作计划,按时报送"
    assert _errors(ex) == []


def test_an_attachment_mentioned_inside_a_sentence_does_not_split_the_line():
    from parsers.extract.outline import _attachment_inside
    assert _attachment_inside("请按附件1:的格式填报。") == 0
    assert _attachment_inside(ATTACHED) == ATTACHED.index("附件1")


def test_a_total_followed_by_its_parts_is_not_added_up():
    from parsers.extract.outline_points import declared_in_all
    assert declared_in_all("完成造林任务(10分)。其中人工造林(6分);封山育林(4分)。") is None
    assert declared_in_all("年初有工作计划(1分);全年研究不少于4次(1分)。") == (2.0, "年初有工作计划;全年研究不少于4次。")


# -- a unit-class heading followed by a topic word --------------------------------------------------------

CLASS_TOPIC = ("某县2015年卫生工作考核细则 为做好考核工作,特制定本细则。一、考核范围 各镇、县直部门。二、考核内容 "
               "(一)镇考核内容 1、组织领导(3分) (1)成立领导小组(1分)。(2)制定工作方案(2分)。"
               "(二)县直部门考核内容 1、工作落实(4分) (1)按时报送材料(2分)。(2)完成专项任务(2分)。")


def test_a_unit_class_heading_followed_by_a_topic_word_names_the_unit():
    """`(一)镇考核内容` over scored items: the unit is the class (`镇`), the heading as written its raw name."""
    ex = _run([CLASS_TOPIC])
    assert [(t.unit, t.unit_raw, t.section, t.seq, t.points) for t in ex.targets] == [
        ("镇", "镇考核内容", "组织领导", 1, 1.0), ("镇", "镇考核内容", "组织领导", 2, 2.0),
        ("县直部门", "县直部门考核内容", "工作落实", 1, 2.0), ("县直部门", "县直部门考核内容", "工作落实", 2, 2.0)]
    assert _errors(ex) == []
