"""Notice shapes fixed after holdout28, built in code: a numbered line naming an assessment, a colon, then its parts
each with a bracketed worth (`（二）个人考核: 分为思想作风(15分)、…`, a bracket also naming an annex); and the head of a
web copy: the issuing body and a dotted date (`2012.04.10`) under the 发文字号, a header name a site masked
(`xx镇人民政府`) beside a signature that keeps it, a title named as a file (`…评分表.docx`)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from parsers.extract.metadata import extract_metadata
from schemas.blocks import Document, Paragraph, Provenance
from tests.builders import extract_lines


def _doc(lines: list[str]) -> Document:
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1)) for i, t in enumerate(lines)])


PARTS_ON_HEADING_LINE = [
    "某局机关目标管理考核办法",
    "一、考核原则",
    "(一)定性与定量相结合;",
    "(二)平时考查与年终考核相结合。",
    "二、考核内容",
    "(一)科室考核: 分为队伍建设和综合管理(40分,见附件一),年度业务工作完成情况(60分,见附件二)。",
    "(二)个人考核: 分为思想作风(15分)、工作作风(20分)、工作效率(20分)、工作态度(15分)、工作纪律(30分)(见附件三)。",
]


def test_parts_after_a_heading_colon_are_items(tmp_path: Path):
    targets = extract_lines(tmp_path, PARTS_ON_HEADING_LINE).targets
    assert [(t.text, t.points, t.seq) for t in targets] == [
        ("队伍建设和综合管理", 40.0, None), ("年度业务工作完成情况", 60.0, None),
        ("思想作风", 15.0, None), ("工作作风", 20.0, None), ("工作效率", 20.0, None),
        ("工作态度", 15.0, None), ("工作纪律", 30.0, None)]
    assert all(t.section_path == [] or not t.section_path for t in targets)


BREAKDOWN_OF_AN_ITEM = [
    "1.招商引资项目建设及全民创业,其中招商引资项目建设20分,全民创业5分。由镇工办负责考核。",
    "2.党建工作。其中:组织8分、纪检8分、宣传4分,具体考核细则由镇组织办负责。",
]


def test_breakdown_inside_a_numbered_item_stays_one_item(tmp_path: Path):
    targets = extract_lines(tmp_path, BREAKDOWN_OF_AN_ITEM).targets
    assert [t.seq for t in targets] == [1, 2]  # no part read as an item of its own (seq null)


def test_bonus_heading_line_keeps_its_number(tmp_path: Path):
    targets = extract_lines(tmp_path, [
        "二、评分标准",
        "(一)考核分四个项目,满分为100分,详见附表。",
        "(二)加分因素,发布的信息超过规定数量的10%的加1分,超过30%以上,每超过20%加1分。",
        "(三)扣分因素。受到市政府以上通报批评的,每次扣3分。",
    ]).targets
    assert [t.seq for t in targets] == [1, 2, 3]


def test_issuer_and_dotted_date_under_the_doc_number():
    meta = extract_metadata(_doc([
        "某区司法局2012年机关目标管理考核办法", "主动公开", "沪青司〔2012〕9号", "上海市青浦区司法局", "2012.04.10",
        "各科、处、室,法律援助中心:", "为进一步加强机关行政能力建设,特制定本办法。"]))
    assert (meta.doc_number, meta.issuer, meta.issued_on) == ("沪青司〔2012〕9号", "上海市青浦区司法局", dt.date(2012, 4, 10))


def test_masked_header_issuer_gives_way_to_the_signature():
    meta = extract_metadata(_doc([
        "xx镇人民政府", "关于印发《xx镇2018年农村环境专项治理工作考核办法》的通知", "各村、镇属企事业单位:",
        "《某镇2018年农村环境专项治理工作考核办法》已经镇政府研究同意,现印发你们,请认真贯彻落实。",
        "裴家湾镇人民政府", "2018年12月6日", "一、组织机构(20分)"]))
    assert (meta.issuer, meta.issued_on) == ("裴家湾镇人民政府", dt.date(2018, 12, 6))


def test_title_named_as_a_file_loses_its_suffix():
    meta = extract_metadata(_doc(["集体养殖权水面生态养殖检查验收评分表.docx1、集体养殖权水面生态养殖检查验收评分表序号评价指标分值"]))
    assert meta.title == "集体养殖权水面生态养殖检查验收评分表"


LABELLED_RULES = [
    "一、组织机构(20分)",
    "考核内容:村制定方案、组织机构,明确保洁员。",
    "考核办法及分值:制定具体治理方案得5分;成立领导小组得5分;制定户考核办法得10分。",
    "二、宣传工作(25分)",
    "考核内容:宣传氛围营造,刷写标语、设立宣传牌。",
    "考核办法及分值:设立宣传牌或刷写固定标语3分,内容贴合本村实际再得2分;县级以上媒体发表稿件,上限10分;"
    "与村规民约相结合且作用明显得10分。",
]


def test_labelled_rule_paragraph_is_its_headings_rule(tmp_path: Path):
    targets = extract_lines(tmp_path, LABELLED_RULES).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 20.0), (2, 25.0)]
    assert targets[1].text.startswith("宣传工作考核内容:宣传氛围营造")
    assert "上限10分" in targets[1].text
