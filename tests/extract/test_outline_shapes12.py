"""Notice shapes of the twelfth held-out set, built in code: a section whose worth is a bracketed total
(`(总分N分)`), weighted indicators run inline after it (`name(N分)、name(N分)`), a total declared before the list
it sums (`共N分,具体为:`), and inline sub-items followed by the section's own deduction and bonus rules."""
from __future__ import annotations

from parsers.extract.points import read_points
from tests.extract.test_outline_shapes import _rows


def test_a_bracketed_total_closing_a_heading_is_the_headings_worth():
    assert read_points("监督检查内容(总分60分)").points == 60
    assert read_points("主要业务指标(总分40分):收入(30分)、成本(10分)。").points == 40
    reading = read_points("某县工作考核细则(总分值:100分)考核项目考核内容")  # a document total before a header
    assert reading.points is None and reading.total == 100


def test_a_total_declared_before_its_list_is_no_clause():
    reading = read_points("分三类共120分,具体为:")
    assert reading.points is None and reading.total == 120


INLINE_INDICATORS = ["考核办法", "三、考核指标", "分两类共100分,具体为:",
                     "(一)业务指标(总分60分):营业收入(30分)、净利润(20分)、资产总额(10分)。",
                     "(二)服务指标(总分40分):网点数量(25分)、培训人次(15分)。"]


def test_weighted_indicators_inline_after_a_section_total_are_its_clauses():
    rows = _rows(INLINE_INDICATORS)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [
        ("业务指标", 60.0, "营业收入", 30.0), ("业务指标", 60.0, "净利润", 20.0), ("业务指标", 60.0, "资产总额", 10.0),
        ("服务指标", 40.0, "网点数量", 25.0), ("服务指标", 40.0, "培训人次", 15.0)]


def test_a_part_total_stated_in_brackets_makes_its_heading_a_section():
    rows = _rows(["二、考核内容", "(一)基础工作(总分30分)", "1.制度建设", "(1)建立工作台账(10分)",
                  "按月更新台账的,得10分。", "(2)按时报送报表(20分)", "每迟报一次扣2分。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("基础工作", 30.0, 1, 10.0), ("基础工作", 30.0, 2, 20.0)]


def test_inline_sub_items_followed_by_the_sections_own_rules_are_still_split():
    rows = _rows(["考核评分标准", "1、宣传发动(4分)。", "召开动员会议,部署工作任务。",
                  "2、苗木栽植(20分)。",
                  "苗木选用良种壮苗(5分);栽植深度符合要求(5分);浇足定根水(10分);一项不达标扣3分;"
                  "成活率达到95%以上,加2分。"])
    assert [(r[0], r[3], r[4]) for r in rows][1:] == [
        ("苗木栽植", "苗木选用良种壮苗", 5.0), ("苗木栽植", "栽植深度符合要求", 5.0), ("苗木栽植", "浇足定根水", 10.0)]


GLUED_AFTER_FULL_STOP = ["附件3:示范村考评标准项目考核内容标准分一、有组织保障(12分)1.成立创建工作领导小组,制订工作方案。"
                         "62.村委会与农户签订安全责任书。63.配有专职安全管理员,职责明确。4二、有宣传教育(8分)"
                         "1.每年开展宣传活动不少于两次。42.设立固定宣传栏。4"]


def test_a_bare_worth_glued_after_a_full_stop_to_the_next_items_number_splits_the_rows():
    rows = _rows(GLUED_AFTER_FULL_STOP)
    assert [(r[0], r[2], r[4]) for r in rows] == [("有组织保障", 1, 6.0), ("有组织保障", 2, 6.0), ("有组织保障", 3, 4.0),
                                                   ("有宣传教育", 1, 4.0), ("有宣传教育", 2, 4.0)]
    assert rows[0][3] == "成立创建工作领导小组,制订工作方案。"


ARTICLES = ["档案工作考核办法", "第一条档案工作目标实行年度考核,由上级档案部门对下级档案部门考核。",
            "第二条本办法实行百分制,满分100分,得分基数为1分。",
            "第三条年度重点工作考核结果最后统一折合成100分。",
            "第四条考核内容及分值:", "(一)组织领导(10分)", "1、档案工作纳入单位年度工作计划。6分。否则,不计分。",
            "2、配备专兼职档案人员。4分。", "(二)基础业务(15分)", "1、文件材料按时归档。15分。"]


def test_a_banfas_own_articles_beside_the_article_holding_the_scored_list_are_no_clauses():
    from parsers.extract.targets import extract_targets
    from tests.extract.test_outline_shapes import _doc
    result = extract_targets(_doc(ARTICLES), "d")
    assert [(t.section, t.seq, t.points) for t in result.targets] == [
        ("组织领导", 1, 6.0), ("组织领导", 2, 4.0), ("基础业务", 1, 15.0)]
    assert any("实行年度考核" in u.text for u in result.unclaimed)


def test_a_full_mark_in_a_sentence_and_a_converted_scale_are_totals():
    assert read_points("本办法实行百分制,满分100分。").points is None
    assert read_points("最后统一折合成100分,其中重点工作占60。").points is None
    assert read_points("乡镇考评内容(满分100分)").points == 100  # a heading's bracketed worth stays its points


PIPE_ROWS = ("科室(单位)2021年度(分季)目标责任书\n"
             "工作任务 | 目标及质量要求 |\n"
             "争取上级资金(6分) | 全年任务为120万元。 |\n"
             "项目建设 (4分) | 第三季度完成投资0.5、0.5 亿元。 |\n"
             "重点工作任务 (20分) | 第一季度:召开工作会议1次(10分);开展专项检查1次(10分)。"
             " 第二季度:组织业务培训1次(8分);走访服务企业3次(12分)。 第三季度:开展宣传活动1次(10分); |\n")


def _read(tmp_path, text: str):
    from parsers.extract.targets import extract_targets
    from parsers.readers.text_reader import read_text
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [(t.section, t.text, t.points) for t in extract_targets(read_text(path, "doc.txt", False), "d").targets]


def test_rows_closed_by_a_cell_bar_stay_lines_of_their_own_and_a_decimals_fraction_is_no_item_number(tmp_path):
    rows = _read(tmp_path, PIPE_ROWS)
    assert rows[:2] == [(None, "争取上级资金全年任务为120万元。", 6.0), (None, "项目建设第三季度完成投资0.5、0.5亿元。", 4.0)]


def test_clauses_listed_once_per_period_each_adding_up_to_the_items_points_are_its_clauses(tmp_path):
    rows = _read(tmp_path, PIPE_ROWS)
    assert rows[2:] == [("重点工作任务", "召开工作会议1次", 10.0), ("重点工作任务", "开展专项检查1次", 10.0),
                        ("重点工作任务", "组织业务培训1次", 8.0), ("重点工作任务", "走访服务企业3次", 12.0),
                        ("重点工作任务", "开展宣传活动1次", 10.0)]


def test_a_part_for_a_qualified_kind_of_institution_names_its_unit():
    from parsers.extract.grammar import grammar
    heading = grammar().unit_heading
    assert heading.match("保险金融机构考核内容和标准")["topic"] == "考核内容和标准"
    assert heading.match("各机构") and heading.match("机构考核内容及标准")
    for text in ("考核机构", "考核内容和标准", "对金融机构考核办法"):
        assert heading.match(text) is None, text
    rows = _rows(["二、保险金融机构考核内容和标准", "(一)综合考核(总分100分)", "1.保费收入(60分)", "按排名计分。",
                  "2.理赔时效(40分)", "按时效计分。"])
    from parsers.extract.targets import extract_targets
    from tests.extract.test_outline_shapes import _doc
    units = {t.unit for t in extract_targets(_doc(["二、保险金融机构考核内容和标准", "(一)综合考核(总分100分)",
                                                   "1.保费收入(60分)", "2.理赔时效(40分)"]), "d").targets}
    assert units == {"保险金融机构"} and [r[1] for r in rows] == [100.0, 100.0]


def test_a_stray_letter_glued_before_a_lines_item_number_is_dropped(tmp_path):
    rows = _read(tmp_path, "第五条考核内容及分值设定:(一)组织领导:10分\nf1、专题研究部署工作。6分。\n"
                           "2、出台工作文件。4分。\n")
    assert rows == [("组织领导", "专题研究部署工作。", 6.0), ("组织领导", "出台工作文件。", 4.0)]
