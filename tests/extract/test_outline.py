"""Notices that are not lists of unit headings, built in code: every numbering style, points
notation and layout the outline reader knows, each asserted on the extracted clauses."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from parsers.extract.points import read_points
from parsers.extract.targets import extract_targets
from schemas.blocks import Document, Paragraph, Provenance
from tests.builders import new_docx, write_text


def _doc(lines: list[str]) -> Document:
    return Document("mem", "txt", [Paragraph(t, Provenance("mem", None, i + 1)) for i, t in enumerate(lines)])


def _rows(targets):
    return [(t.unit, t.section, t.section_points, t.seq, t.text, t.points) for t in targets]


# Three levels of numbering in any of the orders documents use; the outline follows the document.
STYLES = {
    "gbt9704": ("一、", "（一）", "1.", "（1）"),
    "halfwidth": ("一、", "(一)", "1、", "(1)"),
    "circled": ("一、", "1.", "①", None),
    "paren-first": ("（一）", "1、", "（1）", None),
    "roman": ("Ⅰ、", "1.", "（1）", None),
    "article": ("第一条", "1.", "（1）", None),
}


def _marker(template: str, n: int) -> str:
    cn = "一二三四五"[n - 1]
    if template in ("一、", "（一）", "(一)"):
        return template.replace("一", cn)
    if template == "第一条":
        return f"第{cn}条"
    if template == "Ⅰ、":
        return "ⅠⅡⅢ"[n - 1] + "、"
    if template == "①":
        return "①②③"[n - 1]
    return template.replace("1", str(n))


@pytest.mark.parametrize("style", STYLES)
def test_numbering_styles_nest_by_first_appearance(style):
    top, mid, low, _ = STYLES[style]
    lines = ["某镇工作目标考核细则",
             f"{_marker(top, 1)}组织领导（30分）",
             f"{_marker(mid, 1)}成立领导小组并定期研究工作（10分）",
             f"{_marker(mid, 2)}制定年度工作方案（20分）",
             f"{_marker(top, 2)}工作落实（20分）",
             f"{_marker(mid, 1)}按期完成全年任务（20分）"]
    rows = _rows(extract_targets(_doc(lines), "d").targets)
    assert rows == [("", "组织领导", 30.0, 1, "成立领导小组并定期研究工作", 10.0),
                    ("", "组织领导", 30.0, 2, "制定年度工作方案", 20.0),
                    ("", "工作落实", 20.0, 1, "按期完成全年任务", 20.0)]
    assert low  # the third level is exercised in test_three_levels_and_unit_total


def test_three_levels_and_unit_total():
    lines = ["某县工作考核办法", "一、考核内容及分值", "（一）各乡镇（20分）", "1.组织保障（10分）",
             "（1）组织领导（4分）：成立领导小组。", "（2）工作机制（6分）：建立工作机制。",
             "2.项目推进（10分）", "（1）项目规划（10分）：规划精准。"]
    result = extract_targets(_doc(lines), "d")
    assert [(t.unit, t.section_path, t.section_path_points, t.seq, t.text, t.points) for t in result.targets] == [
        ("各乡镇", ["组织保障"], [10.0], 1, "组织领导：成立领导小组。", 4.0),
        ("各乡镇", ["组织保障"], [10.0], 2, "工作机制：建立工作机制。", 6.0),
        ("各乡镇", ["项目推进"], [10.0], 1, "项目规划：规划精准。", 10.0)]
    assert result.targets[0].unit_points == 20.0


@pytest.mark.parametrize("text,points,clause", [
    ("建立工作台账（5分）", 5.0, "建立工作台账"),
    ("建立工作台账(5分)。", 5.0, "建立工作台账。"),
    ("建立工作台账【5分】", 5.0, "建立工作台账"),
    ("建立工作台账，1分。", 1.0, "建立工作台账。"),
    ("按时报送材料的得1分。", 1.0, "按时报送材料的得1分。"),
    ("完成年度任务，计20分；", 20.0, "完成年度任务，计20分；"),
    ("完成年度任务，标准分20分。", 20.0, "完成年度任务，标准分20分。"),
    ("完成年度任务。0.5分", 0.5, "完成年度任务。"),
    ("完成年度任务。8分未完成的扣2分。", 8.0, "完成年度任务。"),
    ("完成年度任务。10查看资料", 10.0, "完成年度任务。"),
    ("加强培训（-5分）", -5.0, "加强培训"),
    ("全年总分（1,000分）", 1000.0, "全年总分"),
])
def test_points_notations(text, points, clause):
    reading = read_points(text)
    assert (reading.points, reading.text) == (points, clause)


def test_deduction_veto_and_implausible_values():
    assert read_points("未建立应急队伍，减0.25分。").rule == "deduction"
    assert read_points("每发生一起扣2分，扣完为止。").points is None
    assert read_points("“一票否决”").rule == "veto"
    assert read_points("全年工作（5000分）").points is None
    assert read_points("全年工作（5000分）").implausible == "（5000分）"
    assert read_points("每少一次扣1分（10分）").points == 10.0  # the deduction is the criteria
    reading = read_points("计划生育事业费（乡镇10分、农场15分）")
    assert (reading.per_kind, reading.text) == ({"乡镇": 10.0, "农场": 15.0}, "计划生育事业费")
    assert read_points("组信息员报酬（该项农场不考核）（10分）").excluded_kinds == ["农场"]


def test_per_kind_points_make_one_unit_per_kind():
    lines = ["一、人员经费（乡镇10分、农场15分）", "二、宣传工作（该项农场不考核）（10分）", "三、统计台账（10分）",
             "四、“一票否决”"]
    targets = extract_targets(_doc(lines), "d").targets
    assert [(t.unit, t.seq, t.text, t.points, t.points_rule) for t in targets] == [
        ("乡镇", 1, "人员经费", 10.0, None), ("乡镇", 2, "宣传工作", 10.0, None), ("乡镇", 3, "统计台账", 10.0, None),
        ("乡镇", 4, "“一票否决”", None, "veto"),
        ("农场", 1, "人员经费", 15.0, None), ("农场", 3, "统计台账", 10.0, None), ("农场", 4, "“一票否决”", None, "veto")]


def test_deduction_only_clauses_stay_without_points():
    lines = ["各镇工作评分标准", "一、领导责任（2分）", "1.签订责任书，1分。", "2.按时总结的得1分。",
             "3.严重违纪的，每人次减2.5分。", "二、应急机制（1分）", "1.未制定预案，减0.25分。"]
    targets = extract_targets(_doc(lines), "d").targets
    assert [(t.section, t.seq, t.points, t.points_rule) for t in targets] == [
        ("领导责任", 1, 1.0, None), ("领导责任", 2, 1.0, None), ("领导责任", 3, None, "deduction"),
        ("应急机制", 1, None, "deduction")]


def test_flattened_table_on_one_line():
    line = ("某镇工作考核细则考核项目考核内容标准分扣分标准领导重视(12分)1.成立领导小组。8分未成立的扣2分。"
            "2.每年召开会议。4分每少1次扣1分。制度建设(5分)3.建立制度。5分未建立不得分。")
    targets = extract_targets(_doc([line]), "d").targets
    assert _rows(targets) == [("", "领导重视", 12.0, 1, "成立领导小组。", 8.0),
                              ("", "领导重视", 12.0, 2, "每年召开会议。", 4.0),
                              ("", "制度建设", 5.0, 3, "建立制度。", 5.0)]
    assert targets[0].criteria == "未成立的扣2分。"


def test_numbering_restarting_inside_a_clause_is_its_text():
    line = ("一、服务中心建设(5分)1、一面国旗悬挂国旗。1看现场2、一个公开栏1、设在办公场所周边;2、公开村务;"
            "3、公开财务。2看现场未公开扣1分.3、一个卫生室建有卫生室。2看现场")
    targets = extract_targets(_doc(["某村考评细则", line]), "d").targets
    assert [(t.seq, t.points) for t in targets] == [(1, 1.0), (2, 2.0), (3, 2.0)]
    assert targets[1].text == "一个公开栏1、设在办公场所周边;2、公开村务;3、公开财务。"


def test_numbering_running_on_across_sections_is_no_slip(tmp_path):
    text = "某县考核办法\n一、接待登记（5分）\n1.登记制度（3分）。\n2.领导接访（2分）。\n二、秩序整治（5分）\n3.越级上访（5分）。\n"
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [t.seq for t in result.targets] == [1, 2, 3]
    assert not [f for f in result.findings if f.severity == "error"]


def test_repeated_number_is_reported_once_for_shared_lists(tmp_path):
    text = "一、甲项（乡镇10分、农场20分）\n二、乙项（10分）\n二、丙项（10分）\n三、丁项（10分）\n"
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [(f.code, f.seq, f.unit) for f in result.findings if f.severity == "error"] == [
        ("numbering_duplicate", 2, None)]


def test_inline_list_and_assessed_party(tmp_path):
    text = ("2020年镇对村(社区)目标管理考核办法\n\n一、指导思想\n\n坚持目标导向。\n\n三、考核内容\n\n"
            "实行100分制,其中基层党建30分,城乡管理30分,社会治安40分。另设创新加分项目(5分,累计不超过5分)。\n")
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [(t.section, t.section_points, t.text, t.points) for t in result.targets] == [
        ("考核内容", 100.0, "基层党建", 30.0), ("考核内容", 100.0, "城乡管理", 30.0),
        ("考核内容", 100.0, "社会治安", 40.0), (None, None, "创新加分项目", 5.0)]
    assert result.info.assessed_party == "村(社区)"
    assert any(f.code == "unparsed_text" and "坚持目标导向" in f.message for f in result.findings)


def test_section_sums_are_checked_at_every_level(tmp_path):
    text = "某县考核办法考核项目考核内容分值甲部分(30分)乙类(20分)1、一项。10查看2、二项。5查看\n"
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert sorted((f.section, f.expected, f.actual) for f in result.findings
                  if f.code == "section_points_mismatch") == [("乙类", "20", "15"), ("甲部分", "30", "20")]
    # 甲部分 against what its one subsection declares (20), 乙类 against its clauses (15): two slips, each once


def test_traditional_characters_are_matched_and_kept(tmp_path):
    text = "縣森林防火目標考核辦法\n一、宣傳教育(10分)\n1、開展宣傳活動。(10分)\n二、全年無火災。每發生一起扣2分,扣完本項為止。(10分)\n"
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [(t.section, t.seq, t.text.rstrip("。"), t.points) for t in result.targets] == [
        ("宣傳教育", 1, "開展宣傳活動", 10.0), (None, 2, "全年無火災。每發生一起扣2分,扣完本項為止", 10.0)]
    assert result.targets[1].points_rule is None  # 扣2分 is its criterion, not its points


def test_outline_in_docx(tmp_path):
    document = new_docx()
    for line in ["某镇考核细则", "一、领导重视（12分）", "1、重视工作（2分）。记2分。", "2、目标落实（10分）。"]:
        document.add_paragraph(line)
    document.save(tmp_path / "n.docx")
    result = process_file(tmp_path / "n.docx")
    assert [(t.section, t.seq, t.points) for t in result.targets] == [("领导重视", 1, 2.0), ("领导重视", 2, 10.0)]


def test_clause_number_followed_by_a_digit_keeps_its_number():
    lines = ["各部门责任目标", "市通信管理局", "3、完成光纤入户（10分）；", "4、5G二期基站建设完成（20分）；",
             "5、2020年底前完成改造（30分）。"]
    targets = extract_targets(_doc(lines), "d").targets
    assert [(t.seq, t.text.rstrip("；。"), t.points) for t in targets] == [
        (3, "完成光纤入户", 10.0), (4, "5G二期基站建设完成", 20.0), (5, "2020年底前完成改造", 30.0)]


def test_sample_markdown_renamed_txt_reads_as_markdown(tmp_path):
    from tests.conftest import SAMPLES
    path = tmp_path / "sanmenxia.txt"
    path.write_bytes((SAMPLES / "sanmenxia_2020_targets.md").read_bytes())
    scored = [t for t in process_file(path).targets if t.points is not None]
    assert (len(scored), len({t.unit for t in scored})) == (816, 72)


def test_clause_table_section_rows_are_sections(tmp_path):
    text = ("## 市统计局\n\n| 序号 | 目标任务 | 分值 |\n|---|---|---|\n| | 重点目标 | 300 |\n"
            "| 1 | 完成统计调查任务 | 200 |\n| 2 | 完成普查任务 | 100 |\n| （二） | 一般目标 | 200 |\n"
            "| 3 | 完成行政服务工作目标 | 200 |\n")
    result = process_file(write_text(tmp_path / "n.md", text))
    assert [(t.unit, t.section, t.section_points, t.seq, t.text, t.points) for t in result.targets] == [
        ("市统计局", "重点目标", 300.0, 1, "完成统计调查任务", 200.0),
        ("市统计局", "重点目标", 300.0, 2, "完成普查任务", 100.0),
        ("市统计局", "一般目标", 200.0, 3, "完成行政服务工作目标", 200.0)]
    assert not [f for f in result.findings if f.severity == "error"]


@pytest.mark.parametrize("title,party", [
    ("某镇2020年度目标考核细则", "某镇"), ("2020年镇对村(社区)目标管理考核办法", "村(社区)"),
    ("2023年信访工作目标管理考核细则(镇街道)", "镇街道"), ("2012年某市考评标准(征求意见稿)", None),
    ("某县工作考核办法", None),
])
def test_assessed_party_from_the_title(title, party):
    from parsers.extract.outline_targets import assessed_party
    assert assessed_party(title) == party


def test_legacy_clauses_carry_their_section_path():
    lines = ["各部门责任目标", "市交通局", "（一）重点目标（500分）", "1. 完成公路建设投资12亿元（500分）；"]
    (t,) = extract_targets(_doc(lines), "d").targets
    assert (t.section_path, t.section_path_points) == (["重点目标"], [500.0])


def test_intro_sentence_never_breaks_a_heading_from_its_items():
    lines = ["各县（市、区）责任目标", "甲县", "具体目标如下：", "1. 城镇新增就业2400人（60分）；", "2. 完成造林任务（40分）。",
             "乙县", "1. 城镇新增就业1000人（100分）。"]
    targets = extract_targets(_doc(lines), "d").targets
    assert [(t.unit, t.seq, t.points) for t in targets] == [("甲县", 1, 60.0), ("甲县", 2, 40.0), ("乙县", 1, 100.0)]
    outline = ["某县考核办法", "一、各乡镇（100分）", "具体内容如下：", "1. 组织领导（60分）", "2. 工作落实（40分）"]
    assert [(t.unit, t.seq, t.points) for t in extract_targets(_doc(outline), "d").targets] == [
        ("各乡镇", 1, 60.0), ("各乡镇", 2, 40.0)]


def test_a_huge_flat_document_is_not_read_by_outline():
    from parsers.extract import targets as T
    lines = ["1. 甲（1分）"] * (T.MAX_OUTLINE_BLOCKS + 1)
    assert extract_targets(_doc(lines), "d").targets == []


def test_unscored_sub_items_on_their_own_lines_are_the_clause_text():
    lines = ["某县考核办法", "一、组织领导（20分）", "1.健全机构（10分）", "（1）成立领导小组；", "（2）明确专人负责。",
             "2.制定方案（10分）"]
    result = extract_targets(_doc(lines), "d")
    assert [(t.seq, t.text, t.points) for t in result.targets] == [
        (1, "健全机构（1）成立领导小组；（2）明确专人负责。", 10.0), (2, "制定方案", 10.0)]
    assert not result.unclaimed
