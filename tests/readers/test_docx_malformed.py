"""A malformed attribute in a .docx is treated as absent with a warning (it failed the whole file with
"internal error"); zero-width, bidi and control characters never reach unit names or clause text."""
from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ingest.pipeline import process
from parsers.readers.docx_reader import read_docx
from tests.builders import new_docx

W = nsdecls("w")


def _prop(parent, xml: str) -> None:
    parent.append(parse_xml(xml.replace("W", W, 1)))


def _notice_with_bad_attributes(path):
    document = new_docx()
    document.add_paragraph("各县（市、区）责任目标")
    document.add_paragraph("一、义马市")
    run = document.add_paragraph().add_run("1.城镇新增就业2400人（20分）；")
    _prop(run._r.get_or_add_rPr(), '<w:b W w:val="maybe"/>')
    jc = document.add_paragraph("2.完成投资5亿元（10分）；")
    _prop(jc._p.get_or_add_pPr(), '<w:jc W w:val="sideways"/>')
    table = document.add_table(rows=2, cols=2)
    first, second = table.cell(0, 0), table.cell(1, 0)
    first.text, table.cell(0, 1).text, second.text, table.cell(1, 1).text = "序号", "责任单位", "1", "市\u200b教育\u202e局"
    _prop(first._tc.get_or_add_tcPr(), '<w:gridSpan W w:val="abc"/>')
    _prop(second._tc.get_or_add_tcPr(), '<w:vMerge W w:val="sometimes"/>')
    document.save(path)
    return path


def test_bad_attributes_are_treated_as_absent_with_a_warning(tmp_path):
    doc = read_docx(_notice_with_bad_attributes(tmp_path / "bad.docx"), "bad.docx")
    texts = [getattr(b, "text", None) for b in doc.blocks]
    assert "1.城镇新增就业2400人（20分）；" in texts and "2.完成投资5亿元（10分）；" in texts
    table = next(b for b in doc.blocks if hasattr(b, "rows"))
    assert [r.cells for r in table.rows] == [["序号", "责任单位"], ["1", "市教育局"]]
    messages = " ".join(w.message for w in doc.warnings)
    for bad in ('w:b="maybe"', 'w:jc="sideways"', 'w:gridSpan="abc"', 'w:vMerge="sometimes"'):
        assert bad in messages
    assert {w.code for w in doc.warnings} == {"malformed_markup"}


def test_bad_attributes_become_findings_and_the_document_is_ok(tmp_path):
    ex = process(_notice_with_bad_attributes(tmp_path / "bad.docx"))
    assert ex.info.status == "ok", ex.info.error
    assert sum(1 for f in ex.findings if f.code == "malformed_markup") == 4


def test_zero_width_and_bidi_characters_are_removed_from_docx_text(tmp_path):
    document = new_docx()
    document.add_paragraph("市\u200b教育局\u200d负责\u202e\u2066完成\u00ad任务\u2069")
    path = tmp_path / "zw.docx"
    document.save(path)
    (block,) = read_docx(path, "zw").blocks
    assert block.text == "市教育局负责完成任务"
