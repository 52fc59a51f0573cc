"""Notice shapes left by the last sets (holdout40 and others), read from the real files: a group's name wrapped a
few characters a line in a narrow column below a merged cell written once per row it spans."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.targets import extract_targets
from parsers.readers.text_reader import read_text
from tests.builders import extract_lines

HOLDOUT40 = Path(__file__).resolve().parents[1] / "data" / "holdout40"


def _targets(stem: str):
    path = next(HOLDOUT40.glob(f"{stem}_*.txt"))
    return extract_targets(read_text(path, "notice", False), stem).targets


def test_name_wrapped_in_a_narrow_column_after_a_merged_cells_copies():
    """4003: before, only the line just above `(10分)` was taken as the group's name (`导`); now the lines after the
    merged cell's last copy (`基`/`本`/`考`/`核`/`项` six times, then `党` / `的领` / `导`) are its name."""
    targets = _targets("4003")
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("党的领导", 10.0, 1, 2.0), ("党的领导", 10.0, 2, 5.0), ("党的领导", 10.0, 3, 3.0)]


PAGE_NUMBER_IN_ROWS = [
    "某公司党支部工作考核细则",
    "一、考核内容",
    "基础管理占10分、支部建设占10分。",
    "二、考核标准类别考核细则备注扣分项加分项基础管理10分1、每季度召开一次支部会议,每缺一次扣2分。2、组织制度不健全,"
    "扣5分。3、学习记录缺项或不规范。扣2分。24、党费收缴不及时,扣2分。主动上缴特殊党费加5分。支部建设10分1、未按时完成"
    "布置的任务扣2分2、未开展活动扣2分。",
]


def test_page_number_glued_before_a_row_of_unscored_rows_is_no_worth(tmp_path: Path):
    """4002: before, the page number `2` glued before `4、` (`扣2分。24、`) was row 3's worth (a false
    section_points_mismatch against the group's 10分); among deduction-only rows under a scored group it is a page
    number: row 3 only deducts, as its neighbours."""
    targets = [t for t in extract_lines(tmp_path, PAGE_NUMBER_IN_ROWS).targets if t.section == "基础管理"]
    assert [(t.section, t.seq, t.points) for t in targets] == [
        ("基础管理", 1, None), ("基础管理", 2, None), ("基础管理", 3, None), ("基础管理", 4, None)]
    assert targets[2].text == "学习记录缺项或不规范。扣2分。"


CONDITIONS = ["1.按照本考评细则进行自评合格。", "2.考评年度内未发生较大事故。", "工作推进 | 工作方案 | 10分 | 制定实施方案。 |"]


def test_title_standing_alone_over_a_lead_ins_list_is_no_unit(tmp_path: Path):
    """fix27 2702: with the reader keeping the first title line apart even over a lead-in, the title `…考评细则` alone
    was read as a unit with the unscored conditions as its clauses; a line naming a document's kind is no unit."""
    lines = ["某市规范化镇(街道)考评细则", "申请规范化镇(街道)考评必须具备以下条件:", *CONDITIONS]
    assert extract_lines(tmp_path, lines).targets == []


RULE = "教职工出勤率达95%以上,上班期间不从事与工作无关的事情。出勤率每低1个百分点减0.2分。"
HEADER_THEN_WORTH = [
    "某学院系部绩效考核办法",
    "附件 1: 某学院年度系部绩效考核指标指标主要观测点和计分方法数据采集提供20 分1.工作纪律1分:" + RULE
    + "组织人事处、CRP2院级会议1分:部门无无故缺勤和迟到早退现象。每有1人次无故缺勤减0.2分。办公室、CRP3值班情况1分:"
    + "按规定参加学院干部值班。迟到1人次减0.2分。",
]


def test_header_then_a_nameless_groups_worth_is_no_clause(tmp_path: Path):
    """4004: before, the title and the table's header before `20 分` (a group whose name, a merged cell, is not in the
    text) were an unnumbered clause worth 20; now the header words (主要观测点, 计分方法, 数据采集提供) part them and the
    nameless worth is no clause: only the rows are."""
    targets = extract_lines(tmp_path, HEADER_THEN_WORTH).targets
    assert [(t.section, t.seq, t.points) for t in targets] == [(None, 1, 1.0), (None, 2, 1.0), (None, 3, 1.0)]


GLUED_COLUMN = [
    "某学院系部绩效考核办法",
    "附件 1: 某学院年度系部绩效考核指标指标主要观测点和计分方法数据采集提供20 分1.工作纪律1分:" + RULE
    + "组织人事处、CRP2院级会议1分:部门无无故缺勤现象。每有1人次缺勤减0.2分。办公室、CRP3资产管理1分:有。资产处、CRP"
    + "4平安管理2分:落实平安责任书。每发生1次事故减0.1分。部门教职工受到平安生产责任追究",
]


def test_last_column_glued_after_each_rows_rule_leaves_the_text(tmp_path: Path):
    """4004: before, the 数据采集提供 cell glued after each row (`…减0.2分。组织人事处、CRP2…`) stayed in the row's text,
    so a short row (`资产管理:有。资产处、CRP`) matched no reading of it; now tails after the rows' last full stops that end
    in the same word on several rows are that column and leave the text. A row's own tail (cut by the page) stays."""
    targets = extract_lines(tmp_path, GLUED_COLUMN).targets
    assert [t.text for t in targets] == [
        "工作纪律:" + RULE, "院级会议:部门无无故缺勤现象。每有1人次缺勤减0.2分。", "资产管理:有。",
        "平安管理:落实平安责任书。每发生1次事故减0.1分。部门教职工受到平安生产责任追究"]


def test_parts_named_with_their_share_declare_the_sections(tmp_path: Path):
    """4002: before, `基础管理占10分、支部建设占10分。` (the parts a later table scores, named with their share) was a
    clause worth 10; now it declares the sections' worths, and the deduction-only rows under those scored groups
    are the notice's clauses."""
    result = extract_lines(tmp_path, PAGE_NUMBER_IN_ROWS)
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("基础管理", 10.0, 1, None), ("基础管理", 10.0, 2, None), ("基础管理", 10.0, 3, None),
        ("基础管理", 10.0, 4, None), ("支部建设", 10.0, 1, None), ("支部建设", 10.0, 2, None)]
    assert any("基础管理占10分" in u.text for u in result.unclaimed)
