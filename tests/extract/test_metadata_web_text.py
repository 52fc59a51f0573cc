"""Metadata as web pages keep it: a 发文字号 glued to the title's line, traditional characters, the letter O
for the Chinese zero. Shapes from the gold documents (003, 905, 203, 1401, 1303), rebuilt inline."""
from __future__ import annotations

import datetime as dt

import pytest

from parsers.extract.metadata import extract_metadata
from schemas.blocks import Document, Paragraph, Provenance


def _doc(lines):
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1)) for i, t in enumerate(lines)])


@pytest.mark.parametrize("line,title,number", [
    ("安徽省人民政府办公厅关于印发某某考核评价办法(试行)的通知(皖政办秘〔2010〕126号)",
     "安徽省人民政府办公厅关于印发某某考核评价办法(试行)的通知", "皖政办秘〔2010〕126号"),
    ("关于印发《岳阳市审计局2017年度机关目标管理考核办法》的通知岳审发(2017)42号",
     "关于印发《岳阳市审计局2017年度机关目标管理考核办法》的通知", "岳审发〔2017〕42号"),
    ("某市人民政府办公室关于印发《信访工作目标考评实施细则》(修订稿)的通知(宜府办函〔2006〕174号)",  # 函 starts the number
     "某市人民政府办公室关于印发《信访工作目标考评实施细则》(修订稿)的通知", "宜府办函〔2006〕174号"),
])
def test_a_number_glued_after_the_title_is_the_number_and_not_the_title(line, title, number):
    meta = extract_metadata(_doc([line, "各区县人民政府：", "现印发给你们，请遵照执行。"]))
    assert (meta.title, meta.doc_number) == (title, number)


def test_a_rules_title_glued_to_its_number_gives_both():
    meta = extract_metadata(_doc(["村庄河塘清淤工作考核办法坛水字(2008)44号", "各水利站:"]))
    assert (meta.title, meta.doc_number) == ("村庄河塘清淤工作考核办法", "坛水字〔2008〕44号")


def test_a_sentence_citing_another_documents_number_gives_no_number():
    meta = extract_metadata(_doc(["根据省政府办公厅的要求，结合我县实际，现就做好有关工作按照豫政办〔2019〕12号",
                                  "一、总体要求"]))
    assert meta.doc_number is None


def test_a_number_in_traditional_characters():
    assert extract_metadata(_doc(["洋政發〔2024〕8號", "洋縣人民政府"])).doc_number == "洋政發〔2024〕8号"


@pytest.mark.parametrize("date_line", ["二OO六年七月十八日", "二○○六年七月十八日", "二〇〇六年七月十八日", "二零零六年七月十八日"])
def test_every_way_of_writing_the_chinese_zero_dates_a_notice(date_line):
    meta = extract_metadata(_doc(["某某考核细则", "一、……（5分）", "某市人民政府办公室", date_line]))
    assert meta.issued_on == dt.date(2006, 7, 18)


@pytest.mark.parametrize("lines,issued_on", [
    (["2020第三季度政府工作报告重点任务目标执行情况", "发布日期: 2020-10-20 14:47:57", "项目名称"], dt.date(2020, 10, 20)),
    (["索引号 | 11533025015263970T-/2021-0806002 | 发布机构 | 某县民宗局 |", "公开目录 | 政策文件 | 发布日期 | 2021-08-06 |",
      "某某测评指标"], dt.date(2021, 8, 6)),
    (["某某申报表某局xtcg.example.gov.cn发布时间:2023-10-13 19:492023年项目支出绩效"], dt.date(2023, 10, 13)),  # run together
    (["某某考核细则", "成文日期：", "2019年5月6日", "发布日期：2019年5月9日"], dt.date(2019, 5, 6)),  # 成文 before 发布
])
def test_a_sites_labelled_date_dates_a_page_that_gives_none(lines, issued_on):
    assert extract_metadata(_doc(lines)).issued_on == issued_on


def test_the_documents_own_date_wins_over_the_sites():
    meta = extract_metadata(_doc(["发布日期：2021-03-09", "某县2021年安全生产考核细则", "一、组织领导（10分）",
                                  "某县人民政府", "2021年3月5日"]))
    assert meta.issued_on == dt.date(2021, 3, 5)


def test_labelled_number_and_issuer_fill_what_the_head_lacks():
    meta = extract_metadata(_doc(["发文机关：某某县人民政府办公室", "发文字号：某政办发〔2022〕15号", "成文日期：2022-06-01",
                                  "某某县河长制工作考核办法"]))
    assert (meta.issuer, meta.issuer_source, meta.doc_number, meta.issued_on) == (
        "某某县人民政府办公室", "page_label", "某政办发〔2022〕15号", dt.date(2022, 6, 1))


def test_a_sites_date_makes_no_table_a_notice_missing_its_head(tmp_path):
    """A 附件 table kept with its page's 发布日期 is still a table: no missing_metadata warning (1004, 1304, 1405)."""
    from ingest.pipeline import process
    path = tmp_path / "table.txt"
    path.write_text("某县重点任务分解表\n发布日期: 2020-10-20\n序号\t任务\t责任单位\n1\t新增就业500人\t县人社局\n"
                    "2\t新建道路10公里\t县交通局\n", "utf-8")
    ex = process(path)
    assert ex.info.issued_on == dt.date(2020, 10, 20)
    assert not [f for f in ex.findings if f.code in ("missing_metadata", "unparsed_text")]


@pytest.mark.parametrize("line,title,number,recipients", [
    ("某县人民政府办公室关于印发2007年度全县某某工作考核评比方案的通知各乡(镇)人民政府、县政府有关工作部门:",
     "某县人民政府办公室关于印发2007年度全县某某工作考核评比方案的通知", None, "各乡(镇)人民政府、县政府有关工作部门"),
    ("杭州市经委关于印发某某考核标准的通知(杭经中小〔2009〕113号)各区、县(市)经贸局:",
     "杭州市经委关于印发某某考核标准的通知", "杭经中小〔2009〕113号", "各区、县(市)经贸局"),
])
def test_a_title_the_web_ran_on_into_the_next_lines(line, title, number, recipients):
    meta = extract_metadata(_doc([line, "为进一步……，现印发给你们。"]))
    assert (meta.title, meta.doc_number, meta.recipients) == (title, number, recipients)
    assert meta.issuer == title.split("关于")[0]


def test_a_sentence_citing_a_notice_is_no_title():
    meta = extract_metadata(_doc(["根据省政府关于做好安全生产工作的通知要求，结合实际，制定本办法。"]))
    assert meta.title is None


@pytest.mark.parametrize("title,issuer", [
    ("河池市人民政府办公室关于印发某某评分细则的通知[失效]", "河池市人民政府办公室"),  # a site's mark after the title
    ("中共某市委办公厅、某市人民政府办公厅印发《关于开展镇街分类考核的实施办法》的通知", "中共某市委办公厅、某市人民政府办公厅"),
    ("湖州市人民政府办公室转发市公安等部门关于开展某某活动实施意见的通知", "湖州市人民政府办公室"),
])
def test_the_issuer_stands_before_the_first_issuing_verb(title, issuer):
    meta = extract_metadata(_doc([title, "各县区：", "正文。"]))
    assert meta.issuer == issuer
    assert not meta.title.endswith("]")


def test_a_line_ending_in_wenjian_that_names_no_body_is_no_red_header():
    meta = extract_metadata(_doc(["(目标管理)年残疾人工作目标考核验收标准文件", "正文。"]))
    assert meta.issuer is None


def test_a_title_the_web_ran_its_first_sentence_on_after():
    meta = extract_metadata(_doc(["XX鎮2020年度林業增綠增效和林長制考核辦法為深入貫徹實施鄉村振興戰略,進一步推動植樹造林工作。",
                                  "一、目標任務"]))
    assert meta.title == "XX鎮2020年度林業增綠增效和林長制考核辦法"


def test_a_first_sentence_about_a_target_is_no_title():
    assert extract_metadata(_doc(["今年全县的工作目标为新增就业五千人,各乡镇要抓好落实。"])).title is None


def test_a_title_the_page_quoted_and_glossed():
    meta = extract_metadata(_doc(["《寶雞市人民政府辦公室關(guān)于印發(fā)〈某某考核細(xì)則〉的通知》寶政辦函〔2015〕100號各縣、區人民政府:",
                                  "現印發給你們。"]))
    assert (meta.title, meta.issuer, meta.doc_number) == (
        "寶雞市人民政府辦公室關于印發〈某某考核細則〉的通知", "寶雞市人民政府辦公室", "寶政辦函〔2015〕100号")


def test_a_closing_date_the_web_ran_into_a_paragraph_dates_the_notice():
    meta = extract_metadata(_doc(["某县人民政府办公室关于印发某某考核评比方案的通知",
                                  "各乡(镇)人民政府: 《某某考核评比方案》已经县人民政府同意,现印发给你们,请认真遵照执行。 "
                                  "二〇〇七年八月二十三日 2007年度某某考核评比方案 为进一步抓好……"]))
    assert meta.issued_on == dt.date(2007, 8, 23)


def test_a_date_inside_a_sentence_dates_nothing():
    meta = extract_metadata(_doc(["某某考核办法", "自2020年1月1日起施行。", "各单位于2020年3月1日前报送。"]))
    assert meta.issued_on is None


@pytest.mark.parametrize("lines,issuer", [
    (["索引号 | 0001/2021-0806002 | 发布机构 | 昌宁县民宗局 |", "某某测评指标"], "昌宁县民宗局"),
    (["某某项目进度表", "发布日期:2022-12-14", "来源:苍南县人民政府办公室"], "苍南县人民政府办公室"),
    (["某某考核标准", "发布时间:2020-03-03 22:19:38", "来源:范文大全"], None),  # a site's name names no body
])
def test_the_body_that_published_the_page_stands_in_for_the_issuer(lines, issuer):
    assert extract_metadata(_doc(lines)).issuer == issuer


HOSTILE_HEAD = r'''
from parsers.extract.metadata import extract_metadata
from parsers.extract.metadata_lines import metadata_lines
from schemas.blocks import Document, Paragraph, Provenance
texts = ["某县人民政府关于做好工作的通知要求" * 12000, "关于" + "的通知，" * 20000, "坛水字" * 50000 + "办法坛水字(2008)44号",
         "发布日期:" * 30000, "。二〇〇七年" * 30000]
doc = Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1)) for i, t in enumerate(texts)])
meta = extract_metadata(doc)
metadata_lines(doc, meta)
print(meta.title)
'''


def test_a_head_of_megabyte_paragraphs_full_of_title_words_does_not_hang():
    """The title patterns backtrack: over a flattened page's one huge paragraph full of 关于…的通知 they took five
    minutes. Only a line's head (and, for a glued 发文字号, its tail) is searched now: well under a second."""
    import subprocess
    import sys

    from tests.conftest import ROOT
    out = subprocess.run([sys.executable, "-c", HOSTILE_HEAD], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "某县人民政府关于做好工作的通知"


def test_labels_run_together_on_one_line_each_give_their_value():
    """1304: the page's `发布日期:2022-12-14` and `来源:…` ran into one paragraph; the date took the whole rest."""
    meta = extract_metadata(_doc(["某某项目进度表(截至10月31日)", "发布日期:2022-12-14来源:苍南县人民政府办公室"]))
    assert (meta.issued_on, meta.issuer, meta.issuer_source) == (dt.date(2022, 12, 14), "苍南县人民政府办公室", "page_label")
