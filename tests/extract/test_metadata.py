"""GB/T 9704 metadata from notices built inline."""
from __future__ import annotations

import datetime as dt

import pytest

from parsers.extract.metadata import extract_metadata, normalize_doc_number, parse_date
from schemas.blocks import Document, Paragraph, Provenance


def _doc(lines):
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1)) for i, t in enumerate(lines)])


@pytest.mark.parametrize("raw,expected", [
    ("三政〔2020〕9号", "三政〔2020〕9号"),
    ("三政[2020]9号", "三政〔2020〕9号"),
    ("三政【2020】9号", "三政〔2020〕9号"),
    ("三政（2020）9号", "三政〔2020〕9号"),
    ("三政(2020)09号", "三政〔2020〕9号"),
    ("豫政办〔２０１０〕第１２号", "豫政办〔2010〕12号"),
])
def test_doc_number_variants(raw, expected):
    assert normalize_doc_number(raw) == expected


@pytest.mark.parametrize("text,expected", [
    ("2020年8月22日", dt.date(2020, 8, 22)),
    ("2020 年 8 月 22 日", dt.date(2020, 8, 22)),
    ("二〇一〇年十二月二十二日", dt.date(2010, 12, 22)),
    ("二○一○年十二月二十二日", dt.date(2010, 12, 22)),
    ("二〇〇九年一月五日", dt.date(2009, 1, 5)),
    ("2020年13月40日", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_archive_notice_with_chinese_numeral_date():
    meta = extract_metadata(_doc([
        "某县人民政府办公室文件", "某政办【2010】第08号", "某县人民政府办公室", "关于下达2011年度目标任务的通知",
        "各乡（镇）人民政府，县直各单位：", "现将目标任务下达给你们。", "二〇一〇年十二月二十二日",
        "正文", "抄送：县委办公室。", "某县人民政府办公室            二〇一〇年十二月二十三日印发",
    ]))
    assert meta.issuer == "某县人民政府办公室"
    assert (meta.doc_number, meta.doc_number_raw) == ("某政办〔2010〕8号", "某政办【2010】第08号")
    assert meta.title == "某县人民政府办公室关于下达2011年度目标任务的通知"
    assert meta.recipients == "各乡（镇）人民政府，县直各单位"
    assert meta.issued_on == dt.date(2010, 12, 22)
    assert meta.cc == "县委办公室。"
    assert (meta.printer, meta.printed_on) == ("某县人民政府办公室", dt.date(2010, 12, 23))


def test_missing_metadata_is_none():
    meta = extract_metadata(_doc(["附件1", "二季度指标任务分解表"]))
    assert (meta.issuer, meta.doc_number, meta.issued_on) == (None, None, None)


def test_a_file_that_opens_with_its_attachment_label_is_titled_by_the_title_under_it():
    """Before, a file opening with `附件1` had no title of its own (a table's heading named it, and a notice of rules
    stayed untitled: 104, 106, 107, 1902 of the gold sets)."""
    for lines, title in [(["附件1", "二季度指标任务分解表"], "二季度指标任务分解表"),
                         (["附件：2011年某县食品安全工作目标考核评分细则被考核单位：考核时间："], "2011年某县食品安全工作目标考核评分细则"),
                         (["附件2-9某区住建部门防震减灾年度工作量化评价细则序号评价要素"], "某区住建部门防震减灾年度工作量化评价细则")]:
        meta = extract_metadata(_doc(lines))
        assert (meta.title, meta.metadata_source) == (title, "attachment")
    # a notice's attachment further down does not title the notice
    assert extract_metadata(_doc(["各乡镇：", "现将考核细则印发给你们。", "附件1", "某县考核细则"])).title is None
