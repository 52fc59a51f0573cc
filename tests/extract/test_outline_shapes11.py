"""Notice shapes of the eleventh held-out set, built in code: a form written one cell per line, whose group
cell wraps over two lines and has its points alone on the next line (`主动争取…源头` / `参与` / `8分`)."""
from __future__ import annotations

from tests.extract.test_outline_shapes import _rows

ONE_CELL_A_LINE = ["2015年工会工作考核细则", "项", "目", "考核内容", "分值", "考核", "方法",
                   "主动争取党政领导支持进一步加强源头", "参与", "8分",
                   "1、认真学习贯彻会议精神。要求各种学习资料齐全,有学习记录;", "3分", "按实际缺项扣分",
                   "核", "通", "过",
                   "2、及时主动向党组汇报工作情况。要求有反映和解决问题的记录;", "3分",
                   "3、一年至少召开一次专题研究工会工作的会议。要求有专题会议记录;", "2分",
                   "加强职工教育培训", "12分",
                   "4、每年举办职工培训不少于两次;", "12分"]


def test_a_group_cell_wrapped_over_two_lines_with_its_points_alone_below_is_the_section():
    rows = _rows(ONE_CELL_A_LINE)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("主动争取党政领导支持进一步加强源头参与", 8.0, 1, 3.0), ("主动争取党政领导支持进一步加强源头参与", 8.0, 2, 3.0),
        ("主动争取党政领导支持进一步加强源头参与", 8.0, 3, 2.0), ("加强职工教育培训", 12.0, 4, 12.0)]
    assert rows[0][3].startswith("认真学习贯彻会议精神")


def test_short_header_cells_above_bare_points_are_not_joined_into_a_name():
    rows = _rows(["考核细则", "考核", "方法", "5分", "1、按时报送报表;", "5分"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("方法", 1, 5.0)]


def _units(lines: list[str]):
    from parsers.extract.targets import extract_targets
    from tests.extract.test_outline_shapes import _doc
    return [(t.unit, t.seq, t.points) for t in extract_targets(_doc(lines), "d").targets]


PART_PER_KIND = ["考核方案为推进改革,制定本考核方案。一、考核对象市级牵头部门;各县(区)党委和人民政府。"
                 "二、市级牵头部门考核方案(一)考核分值由基础分、加分和扣分组成,其中基础分100分。(二)考核内容"
                 "1.组织领导(10分)。重点考核专题研究部署的情况。2.改革实效(40分)。重点考核专项工作任务的推进落实情况。"]


def test_a_part_headed_by_a_qualified_kind_of_unit_gives_its_clauses_that_unit():
    assert _units(PART_PER_KIND) == [("市级牵头部门", 1, 10.0), ("市级牵头部门", 2, 40.0)]


def test_a_base_score_of_a_hundred_is_the_parts_total_not_a_clause():
    from parsers.extract.points import read_points
    assert read_points("考核分值由基础分、加分和扣分组成,其中基础分100分。").total == 100
    assert read_points("该项基础分值为0.4分").total is None  # a clause's own small base score stays its points


def test_a_qualified_kind_of_unit_needs_a_topic_word_after_it():
    from parsers.extract.grammar import grammar
    heading = grammar().unit_heading
    assert heading.match("交通安全社区考核方法")["topic"] == "考核方法"
    assert heading.match("各乡镇") and heading.match("乡镇考核内容")
    for text in ("交通安全社区", "考核办法", "对乡镇考核办法", "城乡环境整治考核办法"):
        assert heading.match(text) is None, text


SUBSECTION_PER_KIND = ["五、考核办法", "(一)交通安全社区考核方法", "1交通安全社区的考核实行省、市两级考核制度。",
                       "2考核实行百分制。考核成绩达到91分以上的,颁发省级牌匾。考核成绩在81分、至90分的颁发市级牌匾。",
                       "3考核项目", "(1)建立健全交通安全工作制度。工作人员职责分工明确,张榜上墙。(5分)",
                       "(2)积极配合公安机关开展交通安全宣传教育活动。(5分)",
                       "(二)交通安全村考核方法", "1考核项目", "(1)建立交通安全工作制度。(10分)"]


def test_subsections_per_kind_of_unit_give_each_its_clauses_and_topic_headings_name_no_unit():
    assert _units(SUBSECTION_PER_KIND) == [("交通安全社区", 1, 5.0), ("交通安全社区", 2, 5.0), ("交通安全村", 1, 10.0)]


def test_a_heading_that_names_only_a_topic_is_no_unit_even_before_clauses():
    from parsers.extract.heading_roles import only_topic
    assert only_topic("五、考核办法") and only_topic("3考核项目") and only_topic("(一)考核内容:")
    assert not only_topic("(一)乡镇考核内容") and not only_topic("市教育局")


def test_a_score_band_in_a_grading_rule_is_not_points():
    from parsers.extract.points import read_points
    assert read_points("考核成绩在81分、至90分的由市公安局颁发市级牌匾。").points is None


def _table_notice(rows: list[list[str]]):
    from parsers.extract.targets import extract_targets
    from schemas.blocks import Document, Paragraph, Provenance, Table, TableRow
    prov = Provenance("x", None, 1)
    table = Table([TableRow(cells, prov) for cells in rows], prov, merges_resolved=False)
    doc = Document(source="x", format="txt", blocks=[Paragraph("表3:治超工作综合考核评分标准", prov), table])
    return [(t.unit, t.seq, t.text, t.points) for t in extract_targets(doc, "d").targets]


def test_a_units_numbered_clauses_in_a_table_cell_with_their_points_and_the_unit_merged_beside_them():
    rows = _table_notice([["部门", "分项内容(100分)", "得分"],
                          ["省公安厅", "1、确保全省车辆超限超载率稳定控制在4%左右(10分)", ""],
                          ["", "2、机构健全、制度完善、人员和经费落实(5分)", ""],
                          ["省交通厅", "1、建成超限检测站并规范运行(20分)", ""]])
    assert rows == [("省公安厅", 1, "确保全省车辆超限超载率稳定控制在4%左右", 10.0),
                    ("省公安厅", 2, "机构健全、制度完善、人员和经费落实", 5.0),
                    ("省交通厅", 1, "建成超限检测站并规范运行", 20.0)]


def test_without_a_column_of_unit_names_the_clauses_have_no_unit():
    rows = _table_notice([["部门", "分项内容(100分)", "得分"],
                          ["省安", "1、确保车辆超限超载率稳定控制在4%左右(10分)", ""],
                          ["", "2、机构健全、人员和经费落实(5分)", ""]])
    assert [(r[0], r[1], r[3]) for r in rows] == [("", 1, 10.0), ("", 2, 5.0)]


def test_a_kind_of_unit_part_run_together_with_its_unpunctuated_first_sub_item_is_still_its_heading():
    lines = ["五、考核办法", "(一)交通安全社区考核方法1交通安全社区的考核实行省、市两级考核制度。", "2考核实行百分制。",
             "3考核项目", "(1)建立健全交通安全工作制度。(5分)", "(2)积极配合公安机关开展交通安全宣传教育活动。(5分)"]
    assert _units(lines) == [("交通安全社区", 1, 5.0), ("交通安全社区", 2, 5.0)]
    from parsers.extract.layout import leading_unit_heading
    assert leading_unit_heading("乡镇考核内容1按时完成任务。") == ("乡镇考核内容", "1按时完成任务。")
    assert leading_unit_heading("组织领导1成立领导小组。") is None  # no kind of unit: an item's own text
