"""Notice shapes of the ninth held-out set, built in code: a closing rule ending `…的,为0分。` under a
section's last clause, a line of units with their points under a section (`东台:27.5分;大丰:30.5分;…`),
clauses whose `得N分` rules come before their bracketed worth `(3分)(亭湖除外)`, and a clause whose
sentence runs on into the next paragraph."""
from __future__ import annotations

from parsers.extract.points import read_points
from tests.extract.test_outline_shapes import _rows

CLOSING_RULE = ["(一)能力建设情况(9分)",
                "1.领导机制建立及运行情况;定期研究工作(5分);",
                "2.工作做到年度有安排,半年、年底有报告(4分)。",
                "以上各项达到要求的,得满分;部分未达到要求的,酌情扣分。",
                "(二)规范性文件情况(11分)",
                "1.规范性文件制定年初有计划,备案率达100%(8分);",
                "2.及时发现并纠正规范性文件存在的问题(3分)。",
                "以上各项达到要求的,得满分;未达到基本要求或工作未开展的,为0分。"]


def test_closing_rule_ending_with_zero_points_is_no_section_of_the_last_clause():
    rows = _rows(CLOSING_RULE)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("能力建设情况", 9.0, 1, 5.0), ("能力建设情况", 9.0, 2, 4.0),
        ("规范性文件情况", 11.0, 1, 8.0), ("规范性文件情况", 11.0, 2, 3.0)]
    assert rows[3][3].startswith("及时发现并纠正规范性文件存在的问题")


def test_a_bare_zero_at_the_end_is_a_rule_outcome_not_points():
    assert read_points("未达到基本要求或工作未开展的,为0分。").points is None


PER_UNIT = ["一、基本工作目标",
            "(一)基本业务质量(8分)",
            "东台:7.5分;大丰:8分;盐都:6.5分;亭湖:2分",
            "1、地面测报业务质量(8分)",
            "(1)地面测报总错比。总错比≤0.4‰得2分;",
            "0.4‰<错比≤0.8‰得1分;错比>0.8‰不得分。(2分)(亭湖除外)",
            "(2)报表审核错情。错情每年≤3条,得1分;否则不得分。(1分)(亭湖除外)",
            "(3)自动气象站业务质量。全年不发生人为因素缺测现象,得1分;否则不得分。到报率≥95.0%,得1分;",
            "否则不得分。加密自动站到报率≥85.0%,得1分;否则不得分。(5分)"]


def test_a_line_of_units_with_their_points_is_no_clause():
    rows = _rows(PER_UNIT)
    assert [r[2] for r in rows] == [1, 2, 3]
    assert all("东台" not in r[3] for r in rows)


def test_bracketed_worth_after_the_rules_is_the_clause_points_and_its_sentence_runs_on():
    rows = _rows(PER_UNIT)
    assert [(r[0], r[4]) for r in rows] == [("地面测报业务质量", 2.0), ("地面测报业务质量", 1.0),
                                          ("地面测报业务质量", 5.0)]
    assert rows[0][3].startswith("地面测报总错比。总错比≤0.4‰得2分;0.4‰<错比≤0.8‰得1分")
    assert "加密自动站到报率" in rows[2][3]


def test_points_stated_in_the_rule_alone_still_read_from_the_rule():
    reading = read_points("按规定及时测定土湿,传递农情资料得1分;否则不得分。")
    assert (reading.points, reading.in_sentence) == (1.0, True)
    assert read_points("完成任务得2分;否则不得分。(3分)(亭湖除外)").points == 3.0


FORM_LINE = ["乡镇为民服务中心星级评定评分考评表被考评乡镇: 年 月 日考核内容考核标准扣分/加分情况考核办法自评分考核分"
             "场所设施(4分)1.标识醒目,标志标牌易于识别。(2分)标识不醒目,发现一次扣1分。看现场"
             "2.科学划分窗口服务、自助服务等功能区域。(2分)未科学划分的,每发现一处扣0.5分。看现场"]


def test_header_of_a_one_line_form_with_its_score_columns_is_no_part_of_the_first_group():
    rows = _rows(FORM_LINE)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("场所设施", 4.0, 1, 2.0), ("场所设施", 4.0, 2, 2.0)]


BARE_WORTH_AFTER_NAME = ["三、考核方式、内容及分值",
                         "(一)共性工作50分",
                         "1.机关党建5分(机关党委牵头,人事科配合考核)",
                         "按《基层党建工作考核细则》内容考核。",
                         "2.党风廉政建设10分(机关党委负责考核)",
                         "(1)“纠‘四风’、治陋习”专项整治2分。未按要求完成规定动作的,每项扣0.5分。",
                         "(2)廉政教育8分。未按要求开展的,每次扣1分。"]


def test_a_bare_worth_closing_an_item_name_before_its_rule_or_assessor_is_its_points():
    rows = _rows(BARE_WORTH_AFTER_NAME)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("共性工作", 50.0, 1, 5.0), ("党风廉政建设", 10.0, 1, 2.0), ("党风廉政建设", 10.0, 2, 8.0)]
    assert rows[0][3].startswith("机关党建(机关党委牵头,人事科配合考核)")
    assert rows[1][3].startswith("“纠‘四风’、治陋习”专项整治")


def test_a_bare_worth_after_a_list_with_numbers_is_not_read_as_a_name_closing_one():
    reading = read_points("在报刊发表禁毒宣传文章10分、**级每份2分、省级每份1分、市级0.5分。")
    assert reading.points == 10.0


GLUED_RUN = ["某省老干部工作目标管理量化评分标准项目项次检查考评内容标准分量化评分标准评分组织领导15分"
             "1按规定成立老干部 工作领导小组,领导小组每年召开1-2次工作会议10未成立领导小组的扣2分"
             "2坚持联系制度,每年走访看望老干部不少于二次5走访看望少一次扣1分政治待遇14分"
             "3坚持学习、阅文制度,定期组织离退休干部学习5未组织学习的扣2分",
             "4离退休干部党组织健全,按规定留成党费4组织不健全的扣1分5管好、用好活动中心,经费落实5经费不落实的扣1分"]


def test_rows_whose_number_and_points_are_glued_to_their_text_without_punctuation():
    rows = _rows(GLUED_RUN)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("组织领导", 15.0, 1, 10.0), ("组织领导", 15.0, 2, 5.0),
        ("政治待遇", 14.0, 3, 5.0), ("政治待遇", 14.0, 4, 4.0), ("政治待遇", 14.0, 5, 5.0)]
    assert rows[0][3].startswith("按规定成立老干部")
    assert "1-2次工作会议" in rows[0][3]  # a quantity inside the content is no 分值
    assert rows[3][3].startswith("离退休干部党组织健全")  # `4组织…`: a 分值 before a word starting like a measure


def test_full_marks_then_a_number_is_no_glued_row_number():
    from parsers.extract.flat_rows import glued_rows
    assert glued_rows("1.严格耕地保护,满分5分。每发现1处扣1.5分。2.整治常年抛荒,满分7分。每抛荒1亩扣1分;") is None


def test_a_grade_threshold_is_no_worth_closing_a_name():
    assert read_points("考核得分达到90分(含90分)以上的为优秀。").points is None
    assert read_points("总分100分(含加分)。").points is None
