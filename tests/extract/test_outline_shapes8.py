"""Notice shapes of the eighth held-out set, built in code: pointed headings over sub-items that only say how they
are assessed (`1、考核内容。…` `3、计分办法。该项目满分为N分…`), and one paragraph of unnumbered inline items
`text(N分);text(N分);…` under a pointed heading."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.extract.targets import extract_targets
from tests.builders import write_text
from tests.extract.test_outline_shapes import _doc, _rows

ASSESSED = ["某县文化工作考核办法",
            "一、考核对象",
            "各乡镇人民政府",
            "二、考核内容",
            "(一)文化阵地建设(1.5分)",
            "1、考核内容。各乡镇综合文化站的设置、开放和管理情况。",
            "2、考核目标。综合文化站全年开放不少于300天。",
            "3、计分办法。该项目满分为1.5分,按照县文化局的评分细则统一计分。",
            "(二)群众文化活动(2分)",
            "1、考核内容。各乡镇组织群众文化活动的次数和质量。",
            "2、考核目标。全年组织文化活动不少于12场。",
            "3、计分办法。该项目满分为2分,未完成的按比例计分。",
            "(三)非遗保护(0.5分)",
            "1、考核内容。辖区内非物质文化遗产的普查和申报情况。"]


def test_pointed_heading_over_its_assessment_sub_items_is_the_clause_named_by_itself():
    rows = _rows(ASSESSED)
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        (None, 1, "文化阵地建设", 1.5), (None, 2, "群众文化活动", 2.0), (None, 3, "非遗保护", 0.5)]


def test_assessment_sub_items_are_the_clause_criteria_not_glued_to_its_name():
    targets = extract_targets(_doc(ASSESSED), "d").targets
    assert targets[2].text == "非遗保护"  # its only sub-item on the next line is no part of the name
    assert targets[0].criteria.startswith("1、考核内容。各乡镇综合文化站")
    assert "3、计分办法。该项目满分为1.5分" in targets[0].criteria


def test_sub_items_without_points_of_their_own_raise_no_missing_points_error(tmp_path):
    result = process_file(write_text(tmp_path / "notice.txt", "\n".join(ASSESSED) + "\n"))
    assert [(t.seq, t.points) for t in result.targets] == [(1, 1.5), (2, 2.0), (3, 0.5)]
    assert [f.code for f in result.findings if f.severity == "error"] == []


def test_full_marks_restated_in_a_rule_sentence_are_the_headings_not_the_sub_items():
    """Unlabelled sub-items: the one restating the heading's full marks makes them the heading's assessment."""
    rows = _rows(["(一)档案库房管理(3分)",
                  "1、库房防火、防潮、防盗设施齐全。",
                  "2、该项满分为3分,每发现一处隐患扣0.5分。",
                  "(二)档案利用(2分)",
                  "1、建立利用登记制度(1分)",
                  "2、编制检索工具(1分)"])
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        (None, 1, "档案库房管理", 3.0),
        ("档案利用", 1, "建立利用登记制度", 1.0), ("档案利用", 2, "编制检索工具", 1.0)]


def test_a_sub_item_scored_in_its_own_sentence_under_a_heading_stays_a_clause():
    """`满分为4分` that names no item (`该项`) is the sub-item's own points: a section of one clause."""
    rows = _rows(["一、组织领导(4分)",
                  "1、成立领导小组,明确分管领导。满分为4分,未成立的不得分。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("组织领导", 1, 4.0)]


INLINE = ["一、考核内容",
          "(一)队伍建设(6分)。",
          "配齐专职人员,并保持相对稳定(2分);人员参加业务培训,持证上岗(1分);建立岗位责任制度(3分)。",
          "(二)基础工作(10分)。",
          "原始记录齐全(4分);台账规范,数据与报表一致(3分);"]


def test_one_paragraph_of_inline_items_under_a_pointed_heading_is_one_clause_per_notation():
    rows = _rows(INLINE)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("队伍建设", 6, None, "配齐专职人员,并保持相对稳定", 2.0),
        ("队伍建设", 6, None, "人员参加业务培训,持证上岗", 1.0),
        ("队伍建设", 6, None, "建立岗位责任制度", 3.0),
        ("基础工作", 10, None, "原始记录齐全", 4.0),
        ("基础工作", 10, None, "台账规范,数据与报表一致", 3.0)]


def test_a_short_section_of_unnumbered_items_names_no_clause_range(tmp_path):
    result = process_file(write_text(tmp_path / "notice.txt", "某镇统计工作考核办法\n" + "\n".join(INLINE) + "\n"))
    mismatch = [f for f in result.findings if f.code == "section_points_mismatch"]
    assert [(f.section, float(f.expected), float(f.actual)) for f in mismatch] == [("基础工作", 10, 7)]
    assert "None" not in mismatch[0].message and "4+3" in mismatch[0].message
