"""Titles of documents without a `关于…的通知` line: rules, plans and tables titled by their own kind. Real shapes
from the gold documents (shared/real, tests/data/holdout*), rebuilt inline."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pipeline import process
from parsers.extract.metadata import extract_metadata
from schemas.blocks import Document, Paragraph, Provenance
from tests.conftest import ROOT


def _doc(lines, centered=()):
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1), centered=i in centered)
                                 for i, t in enumerate(lines)])


@pytest.mark.parametrize("lines,title", [
    (["某县信访工作目标管理考核办法", "为进一步落实信访工作责任，制定本办法。", "一、落实信访接待登记制度（5分）"],
     "某县信访工作目标管理考核办法"),
    (["20XX年镇对村(社区)目标管理考核办法", "为调动各村积极性，特制定本办法。"], "20XX年镇对村(社区)目标管理考核办法"),
    (["2023年xx市招商引资工作考核办法(试行)", "第一条 为……"], "2023年xx市招商引资工作考核办法(试行)"),
    (["2025年开发区重点工作及责任清单", "序号", "重点工作"], "2025年开发区重点工作及责任清单"),
    (["廣東省環境保護責任考核指標體系", "一、……"], "廣東省環境保護責任考核指標體系"),
])
def test_a_document_titled_by_its_kind(lines, title):
    meta = extract_metadata(_doc(lines))
    assert meta.title == title
    assert meta.issuer is None  # nothing before 关于 to read an issuer from


def test_a_title_broken_over_the_first_two_lines_of_web_text_is_one_title():
    meta = extract_metadata(_doc(["宁远县2005年度乡镇综治维稳", "考核评分细则", "一、制度落实(10分)"]))
    assert meta.title == "宁远县2005年度乡镇综治维稳考核评分细则"


def test_a_centred_title_set_over_two_lines_is_one_title():
    lines = ["正文之前的说明文字一行", "某某县2024年度乡镇（街道）", "安全生产工作目标考核细则", "一、组织领导（10分）"]
    assert extract_metadata(_doc(lines, centered={1, 2})).title == "某某县2024年度乡镇（街道）安全生产工作目标考核细则"
    assert extract_metadata(_doc(lines)).title == "安全生产工作目标考核细则"  # not centred, not first: its own line


@pytest.mark.parametrize("line", [
    "特此通知",  # a notice's closing words
    "考核办法》的通知",  # a notice title's second line, cut inside its brackets
    "工作考评办法的通知",  # a notice title's tail
    "考核内容考核标准扣分标准考核方式得分基础工作(70)",  # a header row: no title above it (a title with a heading
    # glued on is cut: tests/extract/test_title_run_on.py)
    "1、建立健全考核办法",  # a clause
    "地级城市,,,,,,",
])
def test_lines_that_only_end_like_a_title_are_none(line):
    assert extract_metadata(_doc([line, "正文。"])).title is None


def test_a_notice_title_with_its_number_glued_on_is_still_the_title():
    meta = extract_metadata(_doc(["安徽省人民政府办公厅关于印发皖江城市带承接产业转移示范区考核评价办法(试行)的通知(皖政办秘〔2010〕126号)",
                                  "示范区各市、县人民政府：", "皖江城市带承接产业转移示范区考核评价办法(试行)"]))
    assert meta.title == "安徽省人民政府办公厅关于印发皖江城市带承接产业转移示范区考核评价办法(试行)的通知"
    assert meta.issuer == "安徽省人民政府办公厅"


def test_recipients_above_a_rules_title_are_still_the_recipients():
    """The 办法 printed after its notice's body: 主送 stands above its title (604, 308 lost theirs)."""
    meta = extract_metadata(_doc(["印发某市就业工作考评", "办法的通知", "各市、区人民政府,市直有关单位:",
                                  "现印发给你们，请按照执行。", "某市人民政府办公室", "二○○七年十月二十三日", "某市就业工作考评办法"]))
    assert meta.recipients == "各市、区人民政府,市直有关单位"
    assert meta.title == "某市就业工作考评办法"


def test_the_rules_title_of_a_real_document_is_read_and_not_reported_as_unparsed_text():
    path = next((ROOT / "tests" / "data" / "holdout2").glob("201_*.txt"))
    ex = process(Path(path))
    assert ex.info.title == "宁远县2005年度乡镇综治维稳考核评分细则"
    assert not [f for f in ex.findings if f.code == "unparsed_text" and "考核评分细则" in (f.message or "")]


@pytest.mark.parametrize("heading,title", [
    ("东湖镇2013年度村级综合目标管理考核计分表村名:考核日期:2013年月日", "东湖镇2013年度村级综合目标管理考核计分表"),
    ("团委工作目标管理考核细则一级指标:团委工作(100分)考核单位:团委", "团委工作目标管理考核细则"),
    ("二季度高质量发展工作指标任务分解表", "二季度高质量发展工作指标任务分解表"),
    ("发布日期:2020-10-20 14:47:57", None),  # a page label
    ("一、重点工作完成情况(92分)", None),  # a clause
    ("(起评分100分)", None),
    ("|", None),
    (",,,,,,,", None),
])
def test_a_table_heading_names_a_file_only_when_it_reads_as_a_title(heading, title):
    from parsers.extract.metadata import title_from_heading
    assert title_from_heading(heading) == title


@pytest.mark.parametrize("lines,title,recipients", [
    (["某县人民政府关于印发某某工作", "考核办法的通知", "各乡镇人民政府，县直各部门：", "现将……印发给你们。"],
     "某县人民政府关于印发某某工作考核办法的通知", "各乡镇人民政府，县直各部门"),
    (["某某县人民政府办公室", "关于印发2024年度乡镇（街道）", "目标管理考核细则的", "通知", "各乡镇人民政府：", "正文。"],
     "某某县人民政府办公室关于印发2024年度乡镇（街道）目标管理考核细则的通知", "各乡镇人民政府"),
])
def test_a_notice_title_set_over_several_paragraphs_is_one_title(lines, title, recipients):
    """A drafter presses Enter inside a long title: its lines are one title, the issuer's line above it too."""
    meta = extract_metadata(_doc(lines))
    assert (meta.title, meta.recipients) == (title, recipients)
    assert meta.issuer == title.split("关于")[0]
    from parsers.extract.metadata_lines import metadata_lines
    read = [m.line for m in metadata_lines(_doc(lines), meta) if m.field == "title"]
    title_lines = lines.index(recipients + "：")  # every line above the 主送 is the title's: none is unparsed text
    assert read == list(range(1, title_lines + 1))


def test_a_sentence_with_guanyu_and_the_next_lines_is_no_title():
    meta = extract_metadata(_doc(["根据省政府关于做好", "安全生产工作的通知", "要求，现将有关事项通知如下："]))
    assert meta.title is None
