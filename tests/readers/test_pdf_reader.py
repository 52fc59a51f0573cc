"""The PDF reader on the samples and on PDFs the tests make."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from parsers.errors import ParseError
from parsers.readers.pdf_reader import PAGE_NUMBER, read_pdf
from schemas.blocks import Table
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def notice():
    return read_pdf(SAMPLES / "sanmenxia_2020_targets.pdf", "n")


def test_page_numbers_dropped_and_spaces_removed(notice):
    texts = [b.text for b in notice.paragraphs()]
    assert not any(PAGE_NUMBER.match(t) for t in texts)
    assert "三政〔2020〕9号" in texts
    assert "2020年8月22日" in texts
    assert not any("— " in t for t in texts)


def test_paragraph_across_page_break_is_one_paragraph(notice):
    # The paragraph starting on page 10 runs on to page 11 with no indent there.
    (para,) = [b for b in notice.paragraphs() if b.prov.page == 10 and b.text.startswith("目标考核减分因素")]
    assert "重特大生态破坏和环境污染事件事故、重特大耕地保护违法事件" in para.text
    assert para.text.endswith("扣除相应分值。")
    assert not any(b.text.startswith("大生态破坏") for b in notice.paragraphs())


def test_quotes_in_reading_order_and_subscripts_inline(notice):
    texts = [b.text for b in notice.paragraphs()]
    assert "3.新增入库“四上”企业26个（30分）；" in texts
    assert any(t.endswith("PM10及PM2.5浓度削减率目标（40分）；") for t in texts)


def test_quote_pair_emitted_together_with_generated_spaces_is_put_back(notice):
    # pdfium gives `粮“ ” 一符…实 率`: both quotes after the opening one, each with a space it generated; a
    # check of each quote against its nearest non-space neighbours must see the closing one out of order.
    assert "16.储备粮“一符三专四落实”率达100%（10分）；" in [b.text for b in notice.paragraphs()]


def test_table_over_pages_is_one_table():
    doc = read_pdf(SAMPLES / "jiayuguan_2022q2_decomposition.pdf", "j")
    tables = doc.tables()
    assert [len(t.rows) for t in tables] == [32, 36]  # header + 31, header + 35
    assert sum(1 for r in tables[0].rows if r.cells[0] == "序号") == 1
    assert sorted({r.prov.page for r in tables[0].rows}) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("text", ["— 3 —", "-3-", "第3页", "第 3 页 共 9 页", "3/9", "12"])
def test_page_number_forms(text):
    assert PAGE_NUMBER.match(text)


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    with pytest.raises(ParseError, match="needs OCR"):
        read_pdf(path, "scan")


def test_truncated_pdf_is_refused(tmp_path):
    data = (SAMPLES / "sanmenxia_2020_targets.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 50])
    try:
        doc = read_pdf(path, "cut")
    except ParseError as exc:
        assert "PDF" in str(exc) or "OCR" in str(exc)
    else:  # pdfium may recover the pages it has: whatever it returns is text, not garbage
        assert all(isinstance(b, Table) or b.text for b in doc.blocks)


def _pdf_with_text(path, text: str):
    """A one-page PDF whose text layer says ``text`` in a standard font."""
    import pypdfium2.raw as pdfium_c
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    font = pdfium_c.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 12.0)
    encoded = (text + "\0").encode("utf-16-le")
    buffer = (pdfium_c.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded)
    pdfium_c.FPDFText_SetText(obj, buffer)
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, 700)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdfium_c.FPDFFont_Close(font)
    pdf.save(path)


def test_garbled_text_layer_is_reported_not_emitted(tmp_path):
    path = tmp_path / "cid.pdf"
    _pdf_with_text(path, "ÇÕ¸ÄÃûµÄ×ÖÌå²»ÄÜÕý³£ÏÔÊ¾ÆäÖÐ")  # GBK bytes read as Latin-1: no ToUnicode map
    with pytest.raises(ParseError, match="text layer unreadable: needs OCR"):
        read_pdf(path, "cid")


def test_plain_latin_text_layer_is_read(tmp_path):
    path = tmp_path / "latin.pdf"
    _pdf_with_text(path, "Annual targets 2020")
    assert [b.text for b in read_pdf(path, "latin").blocks] == ["Annual targets 2020"]


def _pdf_with_table(path, rows: list[list[str]], prose: str = "Targets for the year"):
    """A page with a line of prose and a ruled table of single-line cells (standard font)."""
    import pypdfium2.raw as pdfium_c
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    cols, top, row_h = [72, 142, 372, 472], 700, 24

    def text(value, x, y):
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 11.0)
        encoded = (value + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, (pdfium_c.c_ushort * (len(encoded) // 2)).from_buffer_copy(encoded))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)

    def line(x0, y0, x1, y1):
        obj = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
        pdfium_c.FPDFPath_LineTo(obj, x1, y1)
        pdfium_c.FPDFPath_SetDrawMode(obj, 0, 1)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)

    text(prose, 72, 760)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text(value, cols[c] + 4, top - (r + 1) * row_h + 8)
    bottom = top - len(rows) * row_h
    for r in range(len(rows) + 1):
        line(cols[0], top - r * row_h, cols[-1], top - r * row_h)
    for x in cols:
        line(x, top, x, bottom)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(path)


def test_ruled_table_of_single_line_cells_is_found(tmp_path):
    path = tmp_path / "table.pdf"
    rows = [["No", "Target", "Points"], ["1", "Survey completed", "300"], ["2", "Data quality", "400"]]
    _pdf_with_table(path, rows)
    doc = read_pdf(path, "t")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    assert doc.blocks[0].text == "Targets for the year"
    assert [r.cells for r in doc.blocks[1].rows] == rows
