"""Word pages as Word shows them: from Word's own marks (`w:lastRenderedPageBreak`) and the author's
breaks (`w:br w:type="page"`, section breaks), on the records, the findings and the reports; no
page where the marks do not tell it."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK

from ingest.pipeline import process_file
from ingest.writers.docx_comments import commented_copy
from ingest.writers.html_report import render_html
from ingest.writers.reports import render_text
from parsers.readers.docx_reader import read_docx
from tests.builders import HARD_BREAK, WORD_BREAK, new_docx, paged_docx
from tests.test_actionable_findings import HEAD, TWO, block
from tests.test_drafter_outputs import comments_by_paragraph

CHANGED = [("城镇新增就业600人", 50), ("完成造林任务", 60)]  # 110: the unit total is 100


def on_new_page(lines: list[str]) -> list[str]:
    return [HARD_BREAK + lines[0]] + lines[1:]


# page 1: the letter; page 2: two units; page 3: two more, one with a clause's points changed
LINES = (HEAD + on_new_page(block("渑池县", TWO)) + block("义马市", TWO)
         + on_new_page(block("湖滨区", CHANGED)) + block("卢氏县", TWO))
CHANGED_LINE = LINES.index("2. 完成造林任务（60分）。") + 1


def pages_by_unit(result) -> dict[str, list[int | None]]:
    found: dict[str, list[int | None]] = {}
    for t in result.targets:
        found.setdefault(t.unit, []).append(t.page)
    return found


@pytest.mark.parametrize("word_marks", [False, True], ids=["authors-breaks", "saved-by-word"])
def test_clauses_carry_the_page_their_breaks_give(tmp_path, word_marks):
    """Word's mark at the top of a page an author's break began is that same break, not another."""
    result = process_file(paged_docx(tmp_path / "paged.docx", LINES, word_marks=word_marks))
    assert pages_by_unit(result) == {"渑池县": [2, 2], "义马市": [2, 2], "湖滨区": [3, 3], "卢氏县": [3, 3]}
    blocks = read_docx(tmp_path / "paged.docx", "paged.docx").blocks
    assert {b.prov.page for b in blocks[:len(HEAD)]} == {1}


def test_a_finding_and_its_reports_name_the_page(tmp_path):
    path = paged_docx(tmp_path / "paged.docx", LINES, word_marks=True)
    result = process_file(path)
    (f,) = result.findings
    assert (f.code, f.unit, f.seq, f.page, f.line) == ("unit_points_mismatch", "湖滨区", 2, 3, CHANGED_LINE)
    where = f"第3页 第{CHANGED_LINE}段"
    text = render_text([result])
    assert f"[错误] {where}  单位总分不符" in text and "条款：2.完成造林任务（60分）" in text
    page = render_html([result])
    assert f'<span class="loc">{where} 湖滨区 第2条</span>' in page
    copy = tmp_path / "copy.docx"
    copy.write_bytes(commented_copy(path, result))
    anchored = comments_by_paragraph(copy)
    assert list(anchored) == ["2. 完成造林任务（60分）。"] and "单位总分不符" in anchored["2. 完成造林任务（60分）。"][0]


def test_word_breaking_a_page_inside_a_paragraph(tmp_path):
    """A clause the page break cuts stands on the page it starts on; the next clause on the next."""
    lines = HEAD + ["渑池县", "1. 城镇新增就业2400人，" + WORD_BREAK + "其中困难人员再就业300人（50分）；",
                    "2. 完成造林绿化任务9330亩（50分）。"]
    result = process_file(paged_docx(tmp_path / "soft.docx", lines))
    assert [(t.seq, t.page) for t in result.targets] == [(1, 1), (2, 2)]


def test_without_word_marks_a_long_stretch_leaves_its_pages_unknown(tmp_path):
    """Author's breaks alone place a clause only while every page before it surely fits one page."""
    units = [f"{name}县" for name in "甲乙丙丁戊己庚辛壬癸"]
    lines = HEAD + [line for unit in units for line in block(unit, TWO)] + on_new_page(block("子县", TWO))
    result = process_file(paged_docx(tmp_path / "long.docx", lines))
    pages = pages_by_unit(result)
    assert pages["甲县"] == [1, 1]  # the top of the first page: there whatever the layout
    assert pages["癸县"] == [None, None] and pages["子县"] == [None, None]
    marked = [line.replace(HARD_BREAK, "") for line in lines]  # Word's layout says where each page ends
    marked[len(HEAD) + 15] = WORD_BREAK + marked[len(HEAD) + 15]  # 己县's heading opens page 2
    result = process_file(paged_docx(tmp_path / "word.docx", marked))
    pages = pages_by_unit(result)
    assert pages["戊县"] == [1, 1] and pages["己县"] == [2, 2] and pages["子县"] == [2, 2]


def test_no_marks_no_pages(tmp_path):
    result = process_file(paged_docx(tmp_path / "plain.docx", HEAD + block("渑池县", TWO)))
    assert [t.page for t in result.targets] == [None, None]


@pytest.mark.parametrize("kind, first, page", [(WD_SECTION.CONTINUOUS, None, None), (WD_SECTION.NEW_PAGE, 1, 2),
                                               (WD_SECTION.EVEN_PAGE, 1, 2), (WD_SECTION.ODD_PAGE, 1, 3)])
def test_section_breaks(tmp_path, kind, first, page):
    """A section starting on a new page (an odd or even one: Word may leave a blank page) is a
    break; a continuous one is none, and a file with no other mark has no pages."""
    document = new_docx()
    for line in HEAD + block("渑池县", TWO):
        document.add_paragraph(line)
    document.add_section(kind)
    for line in block("义马市", TWO):
        document.add_paragraph(line)
    document.save(tmp_path / "sections.docx")
    result = process_file(tmp_path / "sections.docx")
    assert pages_by_unit(result) == {"渑池县": [first, first], "义马市": [page, page]}


def test_table_rows_carry_their_page(tmp_path):
    document = new_docx()
    document.add_paragraph("附件1")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "考核项目", "分值"], ["1", "招商引资", "60"], ["2", "城镇新增就业", "40"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(tmp_path / "table.docx")
    (table_block,) = [b for b in read_docx(tmp_path / "table.docx", "t").blocks if hasattr(b, "rows")]
    assert [row.prov.page for row in table_block.rows] == [2, 2, 2]


def test_the_sample_notice_pages_agree_with_its_pdf(samples):
    """The sample .docx has one author's break (after the letter) and no Word marks: the letter and
    the first clauses of the next page are placed, as its PDF rendering shows them; the rest is not."""
    from_docx = process_file(samples / "sanmenxia_2020_targets.docx")
    from_pdf = process_file(samples / "sanmenxia_2020_targets.pdf")
    pdf_page = {(t.unit, t.seq, t.text): t.page for t in from_pdf.targets}
    placed = [t for t in from_docx.targets if t.page is not None]
    assert len(placed) >= 5 and all(t.page == pdf_page[(t.unit, t.seq, t.text)] == 2 for t in placed)
    assert sum(t.page is None for t in from_docx.targets) > 800
    (error,) = [f for f in from_docx.findings if f.severity == "error"]
    assert error.page is None and error.line == 350


def test_marks_in_a_file_word_saved(tmp_path):
    """The XML as Word writes it: its mark in the run after a page break's run, and inside a table."""
    body = ('<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
            '<w:p><w:r><w:lastRenderedPageBreak/><w:t>乙</w:t></w:r></w:p>'
            '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>'
            '<w:tr><w:tc><w:p><w:r><w:lastRenderedPageBreak/><w:t>丁</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:lastRenderedPageBreak/><w:t>戊</w:t></w:r></w:p>')
    path = _docx_with_body(tmp_path / "word.docx", body)
    blocks = read_docx(path, "w").blocks
    assert [b.prov.page for b in blocks[:2]] == [1, 2]
    assert [row.prov.page for row in blocks[2].rows] == [2, 3] and blocks[3].prov.page == 4


def test_a_row_across_a_page_is_one_break_however_many_cells_mark_it(tmp_path):
    def cell(text: str, mark: bool) -> str:
        return f"<w:tc><w:p><w:r>{'<w:lastRenderedPageBreak/>' if mark else ''}<w:t>{text}</w:t></w:r></w:p></w:tc>"

    grid = "<w:tblGrid>" + '<w:gridCol w:w="2000"/>' * 3 + "</w:tblGrid>"
    rows = ["<w:tr>" + "".join(cell(f"{r}{c}", mark=r == 1) for c in range(3)) + "</w:tr>" for r in range(3)]
    body = "<w:p><w:r><w:t>附件1</w:t></w:r></w:p><w:tbl>" + grid + "".join(rows) + "</w:tbl>"
    (_, table) = read_docx(_docx_with_body(tmp_path / "row.docx", body), "r").blocks
    assert [row.prov.page for row in table.rows] == [1, 2, 2]


def _docx_with_body(path: Path, body: str) -> Path:
    from tests.builders import docx_with_part
    template = path.with_suffix(".template.docx")
    new_docx().save(template)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}</w:body></w:document>'
    return docx_with_part(template, path, "word/document.xml", xml.encode("utf-8"))


def test_a_table_without_its_grid_is_read(tmp_path):
    """A table some producers write without `w:tblGrid` failed the whole file (InvalidXmlError)."""
    body = '<w:p><w:r><w:t>甲</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    blocks = read_docx(_docx_with_body(tmp_path / "nogrid.docx", body), "n").blocks
    assert blocks[1].rows[0].cells == ["丙"]
