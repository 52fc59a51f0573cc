"""Notice shapes of the third held-out set, built in code: a clause number followed by a date-like number
(`2.6.26国际禁毒日…`), and a section whose name ends at its points notation (`…意见》(6分)。`,
`绿色通道,50分。考核范围包括…`)."""
from __future__ import annotations

from parsers.extract.points import read_points
from tests.extract.test_outline_shapes import _rows


def test_clause_number_followed_by_a_date_is_not_a_three_part_number():
    rows = _rows(["（一）组织领导（10分）", "1.年初召开专题会议;（10分）",
                  "（二）宣传工作（20分）", "2.6.26国际禁毒日组织宣传活动;（10分）", "3.张贴宣传画;（10分）"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("组织领导", 1, 10.0), ("宣传工作", 2, 10.0), ("宣传工作", 3, 10.0)]
    assert rows[1][3].startswith("6.26国际禁毒日")


def test_clause_number_followed_by_a_date_inside_a_joined_line():
    rows = _rows(["（一）组织领导（10分）1.年初召开专题会议;（10分）（二）宣传工作（20分）2.6.26国际禁毒日组织宣传活动;（10分）"
                  "3.张贴宣传画;（10分）"])
    assert [(r[0], r[2]) for r in rows] == [("组织领导", 1), ("宣传工作", 2), ("宣传工作", 3)]


def test_real_three_part_numbers_under_their_parent_stay_items():
    rows = _rows(["1.组织管理（10分）", "1.1.1建立制度（5分）", "1.1.2落实人员（5分）"])
    assert [(r[2], r[4]) for r in rows] == [(1, 5.0), (2, 5.0)]


def test_section_name_ends_at_its_points_notation():
    rows = _rows(["（五）社区消防工作（12分）", "1.市区落实《关于做好社区消防工作的意见》（6分）。",
                  "（1）制定实施方案，记2分；否则扣1分。", "（2）开展检查，记4分；否则扣2分。",
                  "2.农村消防工作（6分）。", "（1）落实规划，记6分。"])
    assert [r[0] for r in rows] == ["市区落实《关于做好社区消防工作的意见》"] * 2 + ["农村消防工作"]


def test_section_points_after_a_comma_then_its_description():
    rows = _rows(["一、考核内容", "（一）绿色通道，50分。考核范围包括甲线、乙线。", "1、管护主体（30分）。签订管护合同。",
                  "2、两侧边沟（20分）。边沟畅通。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("绿色通道", 50, 1, 30.0), ("绿色通道", 50, 2, 20.0)]
    assert rows[0][3] == "管护主体。签订管护合同。"


def test_sentence_heading_before_its_points_keeps_its_full_stop():
    rows = _rows(["（一）按时完成各项工作任务，确保质量。（4分）", "1、制定方案。2分", "2、报送总结。2分"])
    assert rows[0][0] == "按时完成各项工作任务，确保质量。"


def _read_rows(tmp_path, text: str):
    from parsers.extract.targets import extract_targets
    from parsers.readers.text_reader import read_text
    path = tmp_path / "n.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_text(path, str(path), markdown=False)
    return [(t.section, t.section_points, t.seq, t.text, t.points) for t in extract_targets(doc, "d").targets]


def test_headings_numbered_without_a_comma_and_scored_with_bare_points(tmp_path):
    rows = _read_rows(tmp_path, "一、考核指标\n一保障指标10分\n有领导小组、有办公场地;缺一项扣2分。\n二人口控制指标24分\n"
                                "1.计划生育合法率达92%12分,下降1个百分点扣1分;\n2.违法生育控制率3%12分上升1个百分点扣1分;\n"
                                "三工作质量指标16分\n1.重视教育6分\n2.优质服务10分\n二、考核方式\n考核以百分制实行量化考核。")
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        (None, None, 1, 10.0), ("人口控制指标", 24, 1, 12.0), ("人口控制指标", 24, 2, 12.0),
        ("工作质量指标", 16, 1, 6.0), ("工作质量指标", 16, 2, 10.0)]
    assert rows[0][3] == "保障指标有领导小组、有办公场地;缺一项扣2分。"
    assert [r[3] for r in rows[1:3]] == ["计划生育合法率达92%", "违法生育控制率3%"]


def test_a_numeral_that_begins_a_word_is_not_a_bare_heading():
    from parsers.extract.grammar import bare_heading_pattern
    from parsers.extract.markers import marker_at_start
    for line in ("一次性奖励5分", "一票否决事项扣10分", "两个以上项目5分", "十分重视宣传5分", "两委班子健全得5分"):
        assert marker_at_start(line) is None and not bare_heading_pattern().match(line), line
    assert marker_at_start("二人口控制指标24分").kind == "cn_bare"
    assert read_points("违法生育控制率3%12分上升1个百分点扣1分").points == 12.0


def test_a_number_skipped_in_a_flattened_line_still_starts_the_next_item():
    rows = _rows(["（一）耕地保护（20分）1.严格耕地保护,满分5分。没有新增违法占地的,记满分。2.整治抛荒,满分7分。"
                  "没有抛荒的,记满分;每抛荒1亩扣1分。4.扩大双季稻面积,满分8分。比例达到80%的,记满分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 5.0), (2, 7.0), (4, 8.0)]


def test_a_skipped_number_inside_a_sentence_stays_text():
    rows = _rows(["（一）耕地保护（10分）1.严格耕地保护,满分5分。每发现1处扣1.5分2.整治抛荒,满分5分。"
                  "全年4.5万亩以上的,记满分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 5.0), (2, 5.0)]


def _unit_rows(lines: list[str]):
    from parsers.extract.targets import extract_targets
    from tests.extract.test_outline_shapes import _doc
    return [(t.unit, t.seq, t.text, t.points, t.criteria) for t in extract_targets(_doc(lines), "d").targets]


def test_requirements_for_two_classes_of_unit_make_each_item_a_clause_of_both():
    rows = _unit_rows(["一、基础建设(30分)", "1.有机构。(10分)", "县级部门:成立统计办公室。乡镇(街道):成立统计站。",
                       "2.有人员。(20分)", "县级部门:指定统计员。", "乡镇(街道):指派专职统计员。"])
    assert [r[:4] for r in rows] == [("县级部门", 1, "有机构。", 10.0), ("县级部门", 2, "有人员。", 20.0),
                                     ("乡镇(街道)", 1, "有机构。", 10.0), ("乡镇(街道)", 2, "有人员。", 20.0)]
    assert "指派专职统计员" in rows[3][4]


def test_one_labelled_requirement_does_not_split_the_units():
    rows = _unit_rows(["一、基础建设(30分)", "1.有机构。(10分)", "县级部门:成立统计办公室。",
                       "2.有人员。(20分)", "指定统计员。"])
    assert [(r[0], r[1]) for r in rows] == [("", 1), ("", 2)]
    assert rows[0][2].startswith("有机构。县级部门")


def test_a_procedure_mentioning_deductions_among_unscored_items_is_not_a_clause():
    rows = _unit_rows(["四、考核方式", "(一)分值设置。", "统计工作满100分,主要考核统计基础建设。", "(二)考核程序。",
                       "1.由县统计局进行评分", "2.扣分项需附扣分说明", "五、考核内容", "1.有机构。(5分)", "2.发生漏报扣2分。"])
    assert [(r[1], r[3]) for r in rows] == [(1, 5.0), (2, None)]
    assert read_points("统计工作满100分,主要考核").total == 100.0
    assert read_points("严格耕地保护,满分5分。").points == 5.0


def test_graded_scale_is_worth_its_highest_grade():
    rows = _rows(["五、公众评价(10分)", "1、群众对治安的评价按好、较好、一般3档划分,计分标准为5分、3分、1分。",
                  "2、群众对工作的评价按满意、一般、不满意3档划分,计分为5分、3分、1分。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("公众评价", 1, 5.0), ("公众评价", 2, 5.0)]
    assert read_points("每次扣1分、2分、3分").points is None


def test_bare_points_before_a_list_of_rates():
    reading = read_points("在报刊发表禁毒宣传文章10分、国家级每份2分、省级每份1分、市级0.5分。")
    assert (reading.points, reading.text) == (10.0, "在报刊发表禁毒宣传文章")


def test_a_letter_l_numbering_the_first_item():
    rows = _rows(["二、宣传教育(25分)", "l、集中宣传计15分。", "2、发表文章计10分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 15.0), (2, 10.0)]


def test_a_value_restated_is_one_value_where_the_section_adds_up_so():
    rows = _rows(["二、宣传教育(25分)", "1、集中宣传计15分,禁毒日期间组织宣传活动计15分。", "2、发表文章计10分。"])
    assert [r[4] for r in rows] == [15.0, 10.0]
    rows = _rows(["二、台账管理(2分)", "1、文件收集齐全,记1分;本级文件收集齐全,记1分。"])
    assert [r[4] for r in rows] == [2.0]


def test_items_numbered_di_n_xiang():
    rows = _rows(["某县消防工作考核评分细则", "第一项完善责任体系10分", "未召开专门会议的扣1分。", "第二项火灾防控20分",
                  "未开展检查的扣2分。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 10.0), (2, 20.0)]
    assert rows[0][3].startswith("完善责任体系")
    from parsers.extract.markers import marker_at_start
    assert marker_at_start("第一项目标任务") is None


def test_a_sentence_declaring_the_lists_total_is_no_clause():
    rows = _rows(["一、考评内容", "考评共分为3项内容,全面完成任务得满分20分。", "1、创建活动8分,由宣传部负责考核;",
                  "2、党建工作7分,由组织部负责考核;", "3、宣传工作5分,由宣传部负责考核。"])
    assert [(r[2], r[4]) for r in rows] == [(1, 8.0), (2, 7.0), (3, 5.0)]


def test_pipe_flattened_rows_without_a_weight_column_are_read_as_clauses(tmp_path):
    rows = _read_rows(tmp_path, "2015年度消防工作考核细则\n考核项目 | 考 核 内 容 | 评 分 细 则 | |\n"
                                "火灾预防 (25分) | 源头管控 (5分) | 1、落实建设工程消防验收。(2分) | 1、随机抽查备案卷一份。 |\n"
                                "2、行政审批部门严格审批。(2分) | 2、随机抽查审批档案,分别扣1分。 | ||\n"
                                "3、落实消防产品监管职责。(1分) |\n")
    assert [(r[0].replace(" ", ""), r[2], r[4]) for r in rows] == [("源头管控", 1, 2.0), ("源头管控", 2, 2.0), ("源头管控", 3, 1.0)]
    assert [r[3] for r in rows] == ["落实建设工程消防验收。", "行政审批部门严格审批。", "落实消防产品监管职责。"]


def test_a_header_run_is_found_through_pinyin_glosses():
    from parsers.extract.layout import strip_header_run
    assert strip_header_run("消防工作考核細(xì)則考核項目考核內(nèi)容評分細(xì)則火災預防") == (
        "消防工作考核細(xì)則", "火災預防")
