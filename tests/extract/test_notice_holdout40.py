"""Notice shapes fixed after holdout40 (4001–4004), built in code: a 办法 in articles whose marker stands alone on
its line (`第七条` / its text on the next line), the scored articles being the items themselves."""
from __future__ import annotations

from pathlib import Path

from tests.builders import extract_lines

ARTICLES_ON_THEIR_OWN_LINE = [
    "某院工作人员绩效考核办法",
    "第一条",
    "为正确评价工作人员的工作实绩,制定本办法。",
    "第二条",
    "绩效考核指标包括工作任务和满意度评价两个部分,按百分制计分。其中,工作任务考核满分为60分,满意度评价考核满分为40分。",
    "第三条",
    "办结率不低于90%的,得30分,每低1%减1分。",
    "办结率=年度办结数/年度受理数×100%。",
    "第四条",
    "未发生超期现象的,得30分,每发现1件减2分。",
]


def test_article_alone_on_its_line_opens_the_next_line(tmp_path: Path):
    """4001: before, `第三条` alone on a line was loose text and its article's text an unnumbered clause (seq None);
    now the marker opens the line after it: the scored articles are items numbered 3 and 4."""
    targets = extract_lines(tmp_path, ARTICLES_ON_THEIR_OWN_LINE).targets
    assert [(t.seq, t.points) for t in targets] == [(3, 30.0), (4, 30.0)]
    assert targets[0].text.startswith("办结率不低于90%的,得30分,每低1%减1分。办结率=年度办结数")


def test_unscored_articles_and_the_scale_split_beside_scored_articles_are_rules(tmp_path: Path):
    """4001: the 办法's own articles (第一条) beside articles that are items are its rules, and an article splitting
    the scale it names (`按百分制计分。其中,…60分,…40分`) declares the whole's parts: neither is a clause, so no
    gap in the numbering (3 after 1) and no clause without points is reported."""
    result = extract_lines(tmp_path, ARTICLES_ON_THEIR_OWN_LINE)
    assert all(t.seq in (3, 4) for t in result.targets)
    assert any("为正确评价工作人员" in u.text for u in result.unclaimed)
    assert any("按百分制计分" in u.text for u in result.unclaimed)


RULE = "教职工出勤率达95%以上,上班期间不从事与工作无关的事情。出勤率每低1个百分点减0.2分,上班期间看电影等每人次减0.2分。"
GLUED_NAMED_ROWS = [
    "某学院系部绩效考核办法",
    "附件 1: 某学院年度系部绩效考核指标指标主要观测点和计分方法数据采集提供20 分1.工作纪律1分:" + RULE
    + "组织人事处、CRP2院级会议1分:部门无无故缺勤和迟到早退现象。每有1人次无故缺勤减0.2分。办公室、CRP3值班情况1分:"
    + "按规定参加学院干部值班。迟到1人次减0.2分。",
]


def test_rows_glued_to_a_cell_before_them_go_on_a_list_opened_with_a_dot(tmp_path: Path):
    """4004: before, the line after the attachment's label was a barrier (its deductions read as no worth) and `CRP2院级
    会议1分:` no item: nothing found. Now the first item's worth (`name N分:`) proves the line holds items, and a row
    number glued to its name continues the list `1.` opened."""
    targets = [t for t in extract_lines(tmp_path, GLUED_NAMED_ROWS).targets if t.seq is not None]
    assert [(t.seq, t.points) for t in targets] == [(1, 1.0), (2, 1.0), (3, 1.0)]
    assert targets[0].text.startswith("工作纪律:教职工出勤率达95%以上")
    assert targets[1].text.startswith("院级会议:部门无无故缺勤")


def test_a_sites_numbered_chunks_cut_inside_a_sentence_are_one_text():
    """4004: a document site's `1、…公寓值班迟` / `2、报1次减0.05分。…` are chunks of one text, not items 1 and 2; a
    numbered list whose items end on a worth or a full stop is left alone."""
    from parsers.extract.outline_chunks import join_site_chunks
    from schemas.blocks import Paragraph, Provenance

    def paragraphs(*texts: str) -> list[Paragraph]:
        return [Paragraph(t, Provenance("t.txt", None, k + 1)) for k, t in enumerate(texts)]

    long = "1、附件1:" + RULE * 3 + "公寓值班迟"
    joined = join_site_chunks(paragraphs(long, "2、报1次减0.05分。办公室、CRP4财务管理1分:无违规。"))
    assert len(joined) == 1 and "公寓值班迟报1次减0.05分。" in joined[0].text and not joined[0].text.startswith("1、")
    listed = paragraphs("1、" + RULE * 3 + "(5分)", "2、签订责任状。(5分)")
    assert join_site_chunks(listed) == listed


MONTH_LIST_IN_A_ROW = [
    "公司党支部工作考核细则各党支部:为了加强党支部建设,特制定本细则。一、考核内容党支部考核内容:基础管理占10分、"
    "支部建设占10分。二、考核标准类别考核细则备注扣分项加分项基础管理10分1、每季度召开一次党支部会议,每缺一次扣2分。"
    "2、支部工作制度不健全,扣5分。3、每年1、4、7、10月25日前将思想汇报材料汇总整理,逾期扣2分。4、未按时上报各种材料,每次扣2分。",
]


def test_a_list_of_months_inside_a_row_starts_no_item(tmp_path: Path):
    """4002: before, `1、4、7、10月` inside row 3 opened a sub-list (1、) and item 4 twice (a false duplicate);
    numbers joined by `、` up to 月 are months."""
    targets = extract_lines(tmp_path, MONTH_LIST_IN_A_ROW).targets
    assert [t.seq for t in targets if t.section] == [1, 2, 3, 4]
    targets = [t for t in targets if t.section]
    assert targets[2].text.startswith("每年1、4、7、10月25日前将思想汇报材料汇总整理")


GROUPS_GLUED_IN_A_RUN = [
    "公司党支部工作考核细则各党支部:为了加强党支部建设,特制定本细则。一、考核内容党支部考核内容:基础管理占10分、"
    "支部建设占10分。二、考核标准类别考核细则备注扣分项加分项基础管理10分1、每季度召开一次党支部会议,每缺一次扣2分。"
    "2、支部工作制度不健全,扣5分。支部建设10分1、未按时完成党委布置的任务扣2分2、未开展共产党员工程活动扣2分。活动效益好加5分。",
]


def test_a_tables_header_and_groups_glued_into_a_run_give_the_sections(tmp_path: Path):
    """4002: before, the section was `考核标准类别考核细则备注扣分项加分项基础管理` (the heading, the table's header and
    the first group run together) and the next group `支部建设10分` ran on in item 2, its rows folded into it. Now
    the header words part the heading from the first group, and a bare `name N分` after an item's last sentence,
    the numbering starting again at 1 right after it, is the next group."""
    targets = [t for t in extract_lines(tmp_path, GROUPS_GLUED_IN_A_RUN).targets if t.seq is not None and t.section]
    assert [(t.section, t.section_points, t.seq) for t in targets] == [
        ("基础管理", 10, 1), ("基础管理", 10, 2), ("支部建设", 10, 1), ("支部建设", 10, 2)]
    assert targets[1].text == "支部工作制度不健全,扣5分。"


HOLDOUT40 = Path(__file__).resolve().parents[1] / "data" / "holdout40"


def test_rules_numbered_on_their_own_run_and_the_worth_after_them_belong_to_the_item():
    """4003 (its page, a table one cell a line): the scoring rules are numbered on their own run across the rows
    (`1.`–`3.` under item 1, `4.`–`7.` under item 2) and each row's worth stands alone after them (`2分`). Before,
    `4.` was a sibling of item 2 (six false numbering errors), the worths were loose text and the names above the
    items units; now the rules are the item's and the worth is its own."""
    from parsers.extract.targets import extract_targets
    from parsers.readers.text_reader import read_text

    path = next(HOLDOUT40.glob("4003_*.txt"))
    targets = extract_targets(read_text(path, "p", False), "d").targets
    assert [(t.unit, t.seq, t.points) for t in targets] == [("", 1, 2.0), ("", 2, 5.0), ("", 3, 3.0)]
    assert targets[0].text.startswith("深入学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神。")
