"""Titles web text ran what follows onto (the first clause, a header row, a label, the recipients, the points): before,
no title was read from such a line (45 of 179 gold titles missed; `python benchmarks/metadata_accuracy.py`)."""
from __future__ import annotations

import pytest

from parsers.extract.metadata import extract_metadata
from parsers.extract.title_cut import title_before_run_on
from schemas.blocks import Document, Paragraph, Provenance


def _doc(lines: list[str]) -> Document:
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, k + 1)) for k, t in enumerate(lines)])


@pytest.mark.parametrize("line, title", [
    ("2014年泸溪县信访工作责任目标管理考核细则一、乡镇考核内容及评分标准", "2014年泸溪县信访工作责任目标管理考核细则"),
    ("2023年信访工作目标管理考核细则(镇街道)(总分值:100分)考核项目考核内容", "2023年信访工作目标管理考核细则(镇街道)"),
    ("学校安全工作考核指标与评分标准(试行)考核项目工作要求计分标准", "学校安全工作考核指标与评分标准(试行)"),
    ("某集团公司行政管理考核标准单位名称:序号考核项目考核内容标准分", "某集团公司行政管理考核标准"),
    ("某镇农村互助幸福院星级评定量化考核评分标准表_镇(街道)_幸福院", "某镇农村互助幸福院星级评定量化考核评分标准表"),
    ("某省2018年度保障农民工工资支付工作考核细则 特别说明:考核打分", "某省2018年度保障农民工工资支付工作考核细则"),
    ("某区双拥合格单位考评细则考评单位:2011年度考评项目序号", "某区双拥合格单位考评细则"),
    ("林业绿化考核工作意见各村(居)、科室、企事业单位:为扎实推进", "林业绿化考核工作意见"),
    ("某管理局河长制工作考核评分表考核类别考核内容分值备注一、政策制度(20分)", "某管理局河长制工作考核评分表"),
    ("某区防震减灾年度工作量化评价细则序号评价要素", "某区防震减灾年度工作量化评价细则"),
    ("住宅物业管理服务质量考核评分细则住宅物业管理服务质量考核评分细则一、基础设施", "住宅物业管理服务质量考核评分细则"),
])
def test_a_title_is_cut_where_what_the_web_ran_on_starts(line, title):
    assert title_before_run_on(line) == title
    assert extract_metadata(_doc([line, "正文。"])).title == title


@pytest.mark.parametrize("line", [
    "某县工作考核办法实施细则",  # the whole line is the title: nothing ran on
    "某县重点工作行动方案任务分解表",  # one header word inside a title (任务) is the title's own
    "考核内容考核标准扣分标准考核方式得分",  # a header row
    "某县考核办法(试行)",
])
def test_a_line_with_nothing_run_on_is_not_cut(line):
    assert title_before_run_on(line) is None


def test_a_site_banner_before_the_title_is_no_part_of_the_issuer():
    info = extract_metadata(_doc(["某某网--某某法律信息搜索网某县人民政府办公室关于开展某项评选工作的通知", "各乡镇："]))
    assert (info.title, info.issuer) == ("某县人民政府办公室关于开展某项评选工作的通知", "某县人民政府办公室")
    # a body's name ending in 网 with no separator stays whole
    info = extract_metadata(_doc(["国家电网某省电力公司关于印发考核办法的通知", "各单位："]))
    assert info.issuer == "国家电网某省电力公司"


def test_joint_issuers_spaced_on_one_signature_line_are_both_named():
    from parsers.extract.closing import closings
    found = closings(_doc(["3.按时报送材料（5分）。", "中共某县委办公室  某县人民政府办公室", "2021年9月16日"]))
    assert found[0].signer == "中共某县委办公室、某县人民政府办公室"
    # a name spread out by spacing is one name
    assert closings(_doc(["正文。", "某 县 人 民 政 府", "2021年9月16日"]))[0].signer == "某县人民政府"


def test_a_signer_web_text_ran_onto_the_attachment_line_above_the_date_signs_the_notice():
    info = extract_metadata(_doc(["县各有关单位：", "现将有关事项通知如下。",
                                  "附件：《某县2016年度食品安全工作考核评价责任分解表》某县食品安全委员会办公室",
                                  "2016年9月20日"]))
    assert (info.issuer, info.issuer_source, str(info.issued_on)) == ("某县食品安全委员会办公室", "signature", "2016-09-20")


def test_page_labels_run_onto_the_line_before_their_values_are_read():
    info = extract_metadata(_doc(["某区价格认证中心2023年度整体绩效目标表来源:", "区发改局发布时间:",
                                  "2023-04-26 10:57浏览次数:", "部门名称|某区价格认证中心|"]))
    assert (info.title, str(info.issued_on)) == ("某区价格认证中心2023年度整体绩效目标表", "2023-04-26")


def test_a_year_whose_zero_the_web_page_lost_is_read():
    from parsers.extract.dates import parse_date
    assert str(parse_date("二一一年十二月十二日")) == "2011-12-12"  # 二〇一一 without its 〇
    assert str(parse_date("二〇一一年十二月十二日")) == "2011-12-12"


def test_the_signatures_full_name_stands_for_the_titles_short_one():
    """`某旗残联关于印发…的通知` signed `某托克旗残疾人联合会` in a paragraph web text ran together: before, the issuer
    was the short name and the date was not read (the signer stood between the sentence and the date)."""
    info = extract_metadata(_doc(["某旗残联关于印发2011年基层残疾人工作目标考核验收细则的通知",
                                  "各苏木镇残联：请认真组织实施，确保此项工作取得实效。某托克旗残疾人联合会二一一年十二月十二日附件1：细则"]))
    assert (info.issuer, info.issuer_source, str(info.issued_on)) == ("某托克旗残疾人联合会", "signature", "2011-12-12")
    # a sentence with a date in it names no signer and dates nothing
    info = extract_metadata(_doc(["某县考核办法", "一、总则。本办法从二〇一一年十二月十二日实施，由县考核办负责解释。"]))
    assert (info.issuer, info.issued_on) == (None, None)
    # a body and its office are two bodies: the office's signature does not rename the body
    info = extract_metadata(_doc(["某县政府关于印发考核办法的通知", "各乡镇：", "现印发给你们。", "某县人民政府办公室",
                                  "2021年3月5日"]))
    assert info.issuer == "某县政府"
