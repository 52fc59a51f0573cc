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
