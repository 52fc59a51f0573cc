"""The document's head read where it was missed or read wrong (`python benchmarks/metadata_accuracy.py --list`):
shapes from the gold documents (shared/real, tests/data/holdout*), rebuilt inline with other names."""
from __future__ import annotations

import pytest

from parsers.extract.metadata import extract_metadata
from schemas.blocks import Document, Paragraph, Provenance


def _doc(lines):
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1)) for i, t in enumerate(lines)])


def test_a_doc_number_run_into_the_title_with_its_brackets_lost_is_the_number():
    meta = extract_metadata(_doc([
        "某残发201245号某旗残联关于印发2012年残疾人工作目标考核细则的通知各苏木镇残联:为做好考核工作,现将细则印发给你们。",
        "某旗残疾人联合会", "二〇一二年十二月十二日"]))
    assert (meta.doc_number, meta.title) == ("某残发〔2012〕45号", "某旗残联关于印发2012年残疾人工作目标考核细则的通知")


@pytest.mark.parametrize("line, title", [
    ("92018年全市“安全生产月”活动考核评分表", "2018年全市“安全生产月”活动考核评分表"),  # a page number before the year
    ("鄉鎮安全生產考核細則1", "鄉鎮安全生產考核細則"),  # a footnote digit after the kind
    ("某市道路运输管理机构2016年目标管理考核计分标准(共6页)", "某市道路运输管理机构2016年目标管理考核计分标准"),
    ("20152016年度市直机关“党建工作先进单位”考评内容评分细则", "2015—2016年度市直机关“党建工作先进单位”考评内容评分细则"),
])
def test_a_pages_marks_on_the_titles_line_are_no_part_of_it(line, title):
    assert extract_metadata(_doc([line, "为做好考核工作,特制定本标准。"])).title == title


@pytest.mark.parametrize("lines, title", [
    (["某县司[2004]7号", "二00四年某县法律服务所考核办法本局各科室、各法律服务所:为进一步贯彻落实文件精神,实行规范管理。"],
     "二00四年某县法律服务所考核办法"),  # the recipients (本局各…:) ran on, under a 发文字号 on its own line
    (["乡镇(园区)为民服务中心建设与管理星级评定评分考评表被考评乡镇(园区):年月日考核内容考核标准"],
     "乡镇(园区)为民服务中心建设与管理星级评定评分考评表"),  # a label with a bracket in it
    (["某陽市河長制工作考核評分細則?考核項目考核要求分值評分細則基礎工作(50分)"], "某陽市河長制工作考核評分細則"),
    (["某省质监系统“五五”普法检查验收标准考评项目评分项分值扣分项自评分考评分(20分)1、制定规划。4分"],
     "某省质监系统“五五”普法检查验收标准"),  # a scoring table's header row
])
def test_a_title_is_cut_where_web_text_ran_on_after_it(lines, title):
    assert extract_metadata(_doc(lines)).title == title


def test_a_notice_without_its_title_line_is_titled_by_the_rules_it_issues():
    meta = extract_metadata(_doc([
        "市人民政府有关部门,各有关单位:", "现将《某市金融机构支持地方经济发展考核暂行办法》印发给你们,请认真贯彻执行。",
        "某市人民政府", "2018年8月1日"]))
    assert meta.title == "某市金融机构支持地方经济发展考核暂行办法"


def test_a_notice_title_broken_inside_its_book_title_marks_is_one_title():
    meta = extract_metadata(_doc([
        "某委[2008]24号", "关于印发《某乡2008年度党风廉政建设", "考核办法》的通知", "各村党支部:", "现印发给你们。"]))
    assert meta.title == "关于印发《某乡2008年度党风廉政建设考核办法》的通知"


def test_a_name_the_site_masked_whole_before_the_title_is_no_part_of_it():
    meta = extract_metadata(_doc(["******关于2010年度目标管理考评考核实施细则的通知", "各科室:"]))
    assert (meta.title, meta.issuer) == ("关于2010年度目标管理考评考核实施细则的通知", None)


@pytest.mark.parametrize("line, title", [
    ("文档介绍:区人事局2008年度绩效管理指标考核和评分表", "区人事局2008年度绩效管理指标考核和评分表"),
    ("编辑: qksr 2019-07-072017年度美丽某县建设工作任务书考核评分标准", "2017年度美丽某县建设工作任务书考核评分标准"),
])
def test_a_sites_label_before_the_title_on_its_line_is_no_part_of_it(line, title):
    assert extract_metadata(_doc([line, "一、前置条件"])).title == title


def test_the_title_repeated_with_its_qualifier_is_the_documents():
    meta = extract_metadata(_doc(["2019年全市宣传工作目标考核评分细则", "2019年全市宣传工作目标考核评分细则(区、开发区)",
                                  "一、理论武装(10分)"]))
    assert meta.title == "2019年全市宣传工作目标考核评分细则(区、开发区)"


def test_the_title_repeated_with_its_qualifier_and_text_run_on_is_the_documents():
    meta = extract_metadata(_doc(["中国某某强县标准", "中国某某强县标准(试行)《中国某某强县评定标准》说明", "1、申创范围为行政县。"]))
    assert meta.title == "中国某某强县标准(试行)"


@pytest.mark.parametrize("line, title", [
    ("某市环境卫生管理处2023年雾炮车服务项目支出绩效目标申报表某市城市管理局 xtcg.example.gov.cn 发布时间:2023-10-13 19:49",
     "某市环境卫生管理处2023年雾炮车服务项目支出绩效目标申报表"),  # the publishing site's name and address ran on
    ("乡2023年1—2月乡对村考核方案2023年1—2月份乡对村考核分为党的建设、乡村发展四部分,总分100分。",
     "乡2023年1—2月乡对村考核方案"),  # the first sentence restates the title's head
])
def test_a_title_is_cut_where_the_site_or_a_sentence_restating_it_ran_on(line, title):
    assert extract_metadata(_doc([line, "一、党的建设工作(24分)"])).title == title


def test_the_line_a_site_prints_its_labels_under_is_the_title():
    meta = extract_metadata(_doc(["2020第三季度政府工作报告重点任务目标执行情况", "发布日期: 2020-10-20 14:47:57", "项目名称"]))
    assert (meta.title, str(meta.issued_on)) == ("2020第三季度政府工作报告重点任务目标执行情况", "2020-10-20")


def test_a_short_banner_above_the_sites_labels_is_no_title():
    assert extract_metadata(_doc(["最新资讯", "发布时间: 2021-06-28 17:07", "项目名称"])).title is None


@pytest.mark.parametrize("lines, title", [
    (["表3:某省治超工作综合考核省公安厅评分标准", "部门"], "表3:某省治超工作综合考核省公安厅评分标准"),
    (["说明:1、局本级发生重大违纪事件的,不予评优。", "2、实行一票否决制。", "表二:2011年度对各市局工作考核表", "填报单位(盖章)"],
     "表二:2011年度对各市局工作考核表"),
])
def test_a_tables_own_label_stays_on_its_title(lines, title):
    assert extract_metadata(_doc(lines)).title == title


def test_joint_issuers_a_title_runs_together_are_set_apart():
    meta = extract_metadata(_doc(["中共某县委办公室某县人民政府办公室关于印发《2021年某县乡村振兴任务清单》的通知", "各乡镇:"]))
    assert meta.issuer == "中共某县委办公室、某县人民政府办公室"


@pytest.mark.parametrize("head", ["某县人民政府办公室", "某市人民政府安全生产委员会办公室", "中共某市委组织部"])
def test_one_body_in_a_titles_head_stays_one(head):
    assert extract_metadata(_doc([f"{head}关于印发某某考核办法的通知", "各乡镇:"])).issuer == head


def test_the_date_of_a_printed_line_web_text_ran_the_cc_and_a_page_number_into_dates_the_document():
    meta = extract_metadata(_doc([
        "附件营商环境评价指标体系一级指标二级指标分值1.企业开办(25分)",
        "抄送:省委各部门,省人大常委会办公厅,省法院。某省人民政府办公厅2018年9月5日印发—8—"]))
    assert (meta.printer, str(meta.printed_on), str(meta.issued_on)) == ("某省人民政府办公厅", "2018-09-05", "2018-09-05")


@pytest.mark.parametrize("lines, title", [
    (["附件营商环境评价指标体系一级指标二级指标分值1.企业开办(25分)"], "营商环境评价指标体系"),  # 体系 ends a title too
    (["人人范文网范文大全平安乡镇(街道)创建考核标准", "一、组织领导(10分)"], "平安乡镇(街道)创建考核标准"),  # a site's section
    (["附表1 2011年全省卫生服务能力建设工程综合考核评估细则", "一级指标"], "2011年全省卫生服务能力建设工程综合考核评估细则"),
])
def test_a_files_opening_label_or_banner_before_its_title_is_no_part_of_it(lines, title):
    assert extract_metadata(_doc(lines)).title == title


def test_a_page_showing_of_the_notice_only_its_title_over_the_rules_is_titled_by_the_rules():
    meta = extract_metadata(_doc(["某市人民政府办公室关于开展创建“充分就业社区”活动的工作意见",
                                  "某市“充分就业社区”创建和考核标准(试行)", "项目", "序号"]))
    assert (meta.title, meta.issuer) == ("某市“充分就业社区”创建和考核标准(试行)", "某市人民政府办公室")


def test_a_notice_title_over_its_labelled_attachment_stays_the_title():
    lines = ["某市人民政府关于印发某某建设2009年度考核办法的通知", "附件2:", "县(区)某某建设考核评分标准", "考核内容"]
    meta = extract_metadata(_doc(lines))
    assert (meta.title, meta.issuer) == ("某市人民政府关于印发某某建设2009年度考核办法的通知", "某市人民政府")


@pytest.mark.parametrize("lines, title, line", [
    (["92018年全市“安全生产月”活动考核评分表", "一、组织领导(10分)"], "2018年全市“安全生产月”活动考核评分表", 1),
    (["某市人民政府有关部门:", "现将《某市金融机构考核暂行办法》印发给你们,请认真贯彻执行。", "某市人民政府"],
     "某市金融机构考核暂行办法", None),  # named by a sentence, not stated on a line of its own
])
def test_the_line_a_title_was_read_from_is_found_after_a_pages_mark(lines, title, line):
    from parsers.extract.metadata_lines import metadata_lines

    doc = _doc(lines)
    meta = extract_metadata(doc)
    found = [m.line for m in metadata_lines(doc, meta) if m.field == "title"]
    assert (meta.title, found) == (title, [line] if line else [])


def test_the_body_a_title_opens_with_issued_it_not_the_pages_publisher():
    meta = extract_metadata(_doc(["某区价格认证鉴定中心2023年度整体绩效目标表来源:", "区发改局发布时间:", "2023-04-26 10:57浏览次数:"]))
    assert (meta.title, meta.issuer, meta.issuer_source) == ("某区价格认证鉴定中心2023年度整体绩效目标表", "某区价格认证鉴定中心",
                                                             "header")


def test_the_pages_publisher_stands_for_a_title_naming_no_body():
    meta = extract_metadata(_doc(["2023年度整体绩效目标表来源:", "区发改局发布时间:", "2023-04-26 10:57浏览次数:"]))
    assert (meta.issuer, meta.issuer_source) == ("区发改局", "page_label")


def test_an_excerpt_opening_with_a_previous_parts_note_is_the_attachment_under_its_label():
    meta = extract_metadata(_doc(["备注:各单位的综合信息考核分成A、B两档,具体分档情况另行公布。", "附件2", "督查工作考核细则(试行)",
                                  "一、考核内容"]))
    assert (meta.title, meta.metadata_source) == ("督查工作考核细则(试行)", "attachment")


def test_a_notices_attachment_label_under_its_text_still_is_no_title():
    meta = extract_metadata(_doc(["各单位:", "现将考核细则印发给你们。", "附件2", "督查工作考核细则(试行)"]))
    assert meta.title is None


def test_a_heading_over_the_notices_own_list_is_no_attached_title():
    meta = extract_metadata(_doc(["关于下达目标的通知", "各部门责任目标", "市甲局", "1. 完成任务（100分）。"]))
    assert (meta.title, meta.issuer) == ("关于下达目标的通知", None)
