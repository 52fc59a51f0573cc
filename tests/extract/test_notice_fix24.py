"""Notice shapes fixed in round 24, built in code: an excerpt that ends on the next section's heading (holdout2
201: `(二)集体上访(5分)` as the last line, its clauses cut), and a deduction's scale (`分别扣5分、6分、7分、8分`, holdout14
1406) whose tail was read as a graded worth."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.points import read_points
from parsers.readers.text_reader import read_text
from tests.builders import extract_lines

SECTIONS = ["一、社会稳定(15分)", "(一)重特大群体性事件(10分)", "1、有处置群体性、突发性事件预案,记1分。",
            "2、发生一起重大群体性事件,扣3分。", "3、制定应急值守制度并落实到位。(9分)"]


def test_excerpt_ending_on_the_next_sections_heading_drops_it(tmp_path: Path):
    result = extract_lines(tmp_path, SECTIONS + ["(二)集体上访(5分)"])
    assert [(t.section, t.seq, t.points) for t in result.targets] == [
        ("重特大群体性事件", 1, 1.0), ("重特大群体性事件", 2, None), ("重特大群体性事件", 3, 9.0)]
    assert [u.text for u in result.unclaimed][-1:] == ["(二)集体上访(5分)"]  # reported, not silently dropped


def test_excerpt_ending_on_a_section_with_its_clause_keeps_both(tmp_path: Path):
    result = extract_lines(tmp_path, SECTIONS + ["(二)集体上访(5分)", "1、无集体上访。(5分)"])
    assert [(t.section, t.seq) for t in result.targets][-1] == ("集体上访", 1)


def test_last_top_level_clause_after_top_level_clauses_stays(tmp_path: Path):
    lines = ["一、组织领导(10分)", "1、成立领导小组。(5分)", "2、制定工作方案。(5分)", "二、完成造林任务。(10分)",
             "三、全年无火灾(5分)"]
    result = extract_lines(tmp_path, lines)
    assert [(t.section, t.seq, t.points) for t in result.targets][-2:] == [(None, 2, 10.0), (None, 3, 5.0)]


def test_deduction_scale_tail_is_no_graded_worth():
    reading = read_points("辖区内发生森林火灾,分别扣5分、6分、7分、8分,以此类推")
    assert (reading.points, reading.rule) == (None, "deduction")


def test_graded_scale_still_worth_its_highest_grade():
    assert read_points("按完成情况计分为5分、4分、3分、0分。").points == 5.0


def test_numbered_item_keeps_the_rule_after_its_worth_in_its_text(tmp_path: Path):
    """holdout23 2303: `9、班级常规管理。(40分)按每周…为准。` in its own paragraph (a cell): the rule is the item's text, as
    after `name(N分)。rule`; a six-character name alone matched no gold keeping the cell whole."""
    lines = ["班主任工作考核评价表", "1、班容班貌。(10分)按班级文化建设观摩评分为准。", "2、班级常规管理。(40分)按每周班级管理考核评分为准。",
             "3、按时参加会议(5分)。迟到一次扣0.5分。"]
    result = extract_lines(tmp_path, lines)
    assert [(t.seq, t.text, t.points) for t in result.targets] == [
        (1, "班容班貌。按班级文化建设观摩评分为准。", 10.0), (2, "班级常规管理。按每周班级管理考核评分为准。", 40.0),
        (3, "按时参加会议。迟到一次扣0.5分。", 5.0)]


def test_deduction_rules_under_a_share_of_its_headings_worth_are_its_rules(tmp_path: Path):
    """holdout25 2503: `1.…。(50分)` `(1)…扣30分。` `(2)…扣20分。` beside `2.…(50分)` `3.…(100分)` under `(一)…(200分)`: items
    1–3 share the heading's 200, so each is a clause and its `(n)` rules only say how its worth is lost."""
    lines = ["(一)包绿化美化。(20分)", "1.搞好责任区内的绿化美化。(5分)", "(1)绿化带内垃圾杂物清理不及时的,扣3分。",
             "(2)破坏绿化带内花草树木的,扣2分。", "2.搞好树木花草的管理和保护。(5分)", "3.搞好乱贴乱画的清理清除。(10分)"]
    result = extract_lines(tmp_path, lines)
    assert [(t.section, t.seq, t.points) for t in result.targets] == [
        ("包绿化美化", 1, 5.0), ("包绿化美化", 2, 5.0), ("包绿化美化", 3, 10.0)]
    assert result.targets[0].text.startswith("搞好责任区内的绿化美化。")


def test_deduction_items_under_a_scored_heading_without_shares_stay_clauses(tmp_path: Path):
    lines = ["一、安全生产(10分)", "1、发生一起一般事故的,扣3分。", "2、发生一起较大事故的,扣10分。", "二、环境卫生(10分)",
             "1、村庄整洁有序。(6分)", "2、垃圾日产日清。(4分)"]
    result = extract_lines(tmp_path, lines)
    assert [(t.section, t.seq, t.points) for t in result.targets] == [
        ("安全生产", 1, None), ("安全生产", 2, None), ("环境卫生", 1, 6.0), ("环境卫生", 2, 4.0)]


CLASSES = ["二、考核内容", "(一)第一类(3个):甲镇、乙镇、高新区。", "零售额1分;进出口额1分;利用外资1分。",
           "高新区:零售额3分;进出口额3分;利用外资5分", "(二)第二类(2个):丙乡、丁街道。", "零售额2分;进出口额1分;利用外资1分。"]


def test_units_listed_by_class_have_their_class_items_and_a_unit_its_own_line(tmp_path: Path):
    """holdout25 2505: units named in one list per class, the class's items each with its bare worth on one line, and
    one unit of a class on a line of its own: each unit has its items (and their sum as its declared total, so units of
    classes worth differently are not compared with each other)."""
    result = extract_lines(tmp_path, ["某区商务工作考核细则"] + CLASSES)
    got = {}
    for t in result.targets:
        got.setdefault(t.unit_raw, []).append((t.text, t.points))
    assert got == {
        "甲镇": [("零售额", 1.0), ("进出口额", 1.0), ("利用外资", 1.0)],
        "乙镇": [("零售额", 1.0), ("进出口额", 1.0), ("利用外资", 1.0)],
        "高新区": [("零售额", 3.0), ("进出口额", 3.0), ("利用外资", 5.0)],
        "丙乡": [("零售额", 2.0), ("进出口额", 1.0), ("利用外资", 1.0)],
        "丁街道": [("零售额", 2.0), ("进出口额", 1.0), ("利用外资", 1.0)]}
    assert {t.unit_raw: t.unit_points for t in result.targets}["高新区"] == 11.0


def test_a_line_of_named_worths_is_one_item_each():
    from parsers.extract.outline_units import listed_units, worth_items

    assert worth_items("零售额1分;进出口额1分;利用外资1.5分。") == [("零售额", 1.0), ("进出口额", 1.0), ("利用外资", 1.5)]
    assert worth_items("发生一起事故扣2分;发生两起扣5分。") is None  # a rule's deductions, no worths
    assert worth_items("零售额1分") is None
    assert listed_units("第一类(3个):甲镇、乙镇、高新区。") == ("第一类(3个)", ["甲镇", "乙镇", "高新区"])
    assert listed_units("考核内容:零售额、进出口额。") is None  # not names of units


VALUED_ROWS = ["某项工作考核细则", "", "序号 类别 考核项目 评分项目 评分说明 分值", "",
               "1 组织领导 1.建立健全工作协调机制 1.成立协调小组,每年至少召开2次会议;", "",
               "1分2.制定年度工作计划.1分 2项计划形式不限.", "",
               "2 2.建立对下级的考核机制 1.制定年度考核办法;", "", "1分2.通报考核结果.1分 考核指标应明确责任.", "",
               "2 3.建立问责制度 建立并落实问责制度.2分 每发现1起应问责未问责的扣0.5分,扣完为止.", "", "2 序号 类别 考核项目"]


def test_rows_valued_before_the_next_rows_number_with_parts_numbered_inside(tmp_path: Path):
    """holdout25 2501: rows `N.name` whose parts are numbered again (`1.…;1分2.…1分`), each row's 分值 a bare number
    before the next row's number (`2 2.…`), the last before the header repeated: each row is an item worth its 分值, its parts its text."""
    result = extract_lines(tmp_path, VALUED_ROWS)
    assert [(t.seq, t.points) for t in result.targets] == [(1, 2.0), (2, 2.0), (3, 2.0)]
    assert result.targets[0].text.startswith("建立健全工作协调机制(1)成立协调小组")
    assert "扣0.5分" in result.targets[2].text  # a rule's deduction keeps its number


def test_value_rows_leave_other_documents_alone():
    from parsers.extract.value_rows import value_rows
    from schemas.blocks import Paragraph, Provenance

    blocks = [Paragraph(t, Provenance("x", None, k)) for k, t in enumerate(["序号 内容 分值", "1.完成任务。(5分)", "2.开展培训。(5分)"])]
    assert value_rows(blocks) is blocks


def test_value_rows_read_by_ocr_find_the_value_glued_to_the_next_rows_number(tmp_path: Path):
    """2501 scanned: OCR lost the space between a row's value and the next row's number (`…时限.22.市本级`); the next
    row's number, known, parts them there. Typed text that glues them is left to the outline (holdout12 1204)."""
    from dataclasses import replace

    from parsers.extract.value_rows import value_rows
    from schemas.blocks import Paragraph

    path = tmp_path / "rows.txt"
    path.write_text("\n".join(VALUED_ROWS) + "\n", encoding="utf-8")
    glued = [replace(b, text=b.text.replace("2 2.", "22.").replace("2 3.", "23."), prov=replace(b.prov, ocr=True))
             if isinstance(b, Paragraph) else b for b in read_text(path, "rows", False).blocks]
    assert any("22." in b.text for b in glued)
    spaced = value_rows(read_text(path, "rows", False).blocks)
    assert [b.text for b in value_rows(glued)] == [b.text for b in spaced]
    assert [b.text[:12] for b in spaced if b.text[:2] in ("1.", "2.", "3.")] == [
        "1.建立健全工作协调机制", "2.建立对下级的考核机制", "3.建立问责制度建立并落"]
    typed = [replace(b, prov=replace(b.prov, ocr=False)) for b in glued]
    assert value_rows(typed) is typed
