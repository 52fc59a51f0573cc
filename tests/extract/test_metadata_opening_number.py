"""A 发文字号 opening the paragraph the web ran the title and the recipients on after, kept in its markup's bold
(`**委发〔2017〕15号**公司…考核细则各党支部:…`): holdout40 4002 had neither its number nor its title read."""
from __future__ import annotations

from parsers.extract.metadata import extract_metadata
from schemas.blocks import Document, Paragraph, Provenance


def _doc(lines):
    return Document("m", "txt", [Paragraph(t, Provenance("m", None, i + 1)) for i, t in enumerate(lines)])


RUN = ("某委发〔2019〕7号某公司党支部工作考核细则各党支部:为加强党支部建设,充分发挥党支部的战斗堡垒作用,特制定本细则,"
       "现印发给你们,请遵照执行。")


def test_a_number_opening_a_run_on_paragraph_is_the_number_and_the_title_follows_it():
    meta = extract_metadata(_doc([RUN, "一、基础管理(10分)"]))
    assert (meta.doc_number, meta.title) == ("某委发〔2019〕7号", "某公司党支部工作考核细则")


def test_the_same_in_bold_markup():
    meta = extract_metadata(_doc(["**某委发〔2019〕7号**" + RUN.removeprefix("某委发〔2019〕7号"), "一、基础管理(10分)"]))
    assert (meta.doc_number, meta.title) == ("某委发〔2019〕7号", "某公司党支部工作考核细则")


def test_a_number_alone_on_its_line_reads_as_before():
    meta = extract_metadata(_doc(["某委发 〔2019〕 7号", "某公司党支部工作考核细则", "各党支部:"]))
    assert (meta.doc_number, meta.doc_number_raw, meta.title) == ("某委发〔2019〕7号", "某委发 〔2019〕 7号",
                                                                  "某公司党支部工作考核细则")


def test_a_sentence_citing_a_number_further_down_is_no_number_of_this_document():
    meta = extract_metadata(_doc(["某公司党支部工作考核细则", "各党支部:", "为贯彻落实上级精神,根据某委发〔2018〕3号文件要求,"
                                  "结合本公司各党支部工作实际,经研究,特制定本细则。"]))
    assert meta.doc_number is None
