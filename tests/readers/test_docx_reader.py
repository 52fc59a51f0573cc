"""The .docx reader on documents built with python-docx."""
from __future__ import annotations

import pytest

from parsers.errors import ParseError
from parsers.readers.docx_reader import read_docx
from schemas.blocks import Table
from tests.builders import add_numbering, bold, merge_down, new_docx, numbered, subscript


def _save(document, tmp_path, name="t.docx"):
    path = tmp_path / name
    document.save(path)
    return path


@pytest.mark.parametrize("fmt,lvl_text,expected", [
    ("chineseCounting", "（%1）", ["（一）甲", "（二）乙", "（三）丙"]),
    ("chineseCounting", "%1、", ["一、甲", "二、乙", "三、丙"]),
    ("chineseCountingThousand", "%1、", ["一、甲", "二、乙", "三、丙"]),
    ("decimal", "%1.", ["1.甲", "2.乙", "3.丙"]),
    ("decimal", "（%1）", ["（1）甲", "（2）乙", "（3）丙"]),
    ("decimalEnclosedCircle", "%1", ["①甲", "②乙", "③丙"]),
    ("decimalFullWidth", "%1．", ["１．甲", "２．乙", "３．丙"]),
])
def test_word_numbering_is_computed(tmp_path, fmt, lvl_text, expected):
    document = new_docx()
    num = add_numbering(document, fmt, lvl_text)
    for text in ("甲", "乙", "丙"):
        numbered(document, text, num)
    doc = read_docx(_save(document, tmp_path), "t")
    assert [b.text for b in doc.blocks] == expected


def test_numbering_past_ten_and_separate_lists(tmp_path):
    document = new_docx()
    a = add_numbering(document, "chineseCounting", "%1、")
    for _ in range(12):
        numbered(document, "项", a)
    b = add_numbering(document, "decimal", "%1.", start=5)
    numbered(document, "条", b)
    texts = [blk.text for blk in read_docx(_save(document, tmp_path), "t").blocks]
    assert texts[9:12] == ["十、项", "十一、项", "十二、项"]
    assert texts[12] == "5.条"


def test_headings_bold_and_subscripts(tmp_path):
    document = new_docx()
    document.add_heading("市教育局", level=2)
    bold(document, "市科技局")
    subscript(document, "完成PM", "2.5", "浓度目标")
    doc = read_docx(_save(document, tmp_path), "t")
    heading, bolded, sub = doc.blocks
    assert (heading.text, heading.heading_level) == ("市教育局", 2)
    assert (bolded.text, bolded.heading_level, bolded.bold) == ("市科技局", None, True)
    assert sub.text == "完成PM2.5浓度目标"
    assert [b.prov.line for b in doc.blocks] == [1, 2, 3] and heading.prov.page is None


def test_merged_cells_resolved_from_xml(tmp_path):
    document = new_docx()
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate([("序号", "指标分类", "责任单位"), ("1", "经济指标", "市商务局"), ("2", "", "市财政局"),
                             ("3", "", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merge_down(table, 1, 1, 3)  # 指标分类 spans three rows
    merge_down(table, 2, 2, 3)  # 责任单位 spans two
    top = table.cell(0, 0).merge(table.cell(0, 1))  # a header spanning two columns
    top.text = "序号与分类"
    doc = read_docx(_save(document, tmp_path), "t")
    (block,) = doc.blocks
    assert isinstance(block, Table)
    assert [r.cells for r in block.rows] == [
        ["序号与分类", "", "责任单位"],
        ["1", "经济指标", "市商务局"],
        ["2", "经济指标", "市财政局"],
        ["3", "经济指标", "市财政局"],
    ]
    assert [r.prov.line for r in block.rows] == [1, 2, 3, 4]


def test_headers_and_footers_are_not_body(tmp_path):
    document = new_docx()
    document.sections[0].header.paragraphs[0].text = "三门峡市人民政府办公室"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    document.add_paragraph("正文")
    assert [b.text for b in read_docx(_save(document, tmp_path), "t").blocks] == ["正文"]


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(b"not a zip at all")
    with pytest.raises(ParseError, match="not a valid .docx"):
        read_docx(path, "bad")


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    import zipfile
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (400 * 1024 * 1024))
    with pytest.raises(ParseError, match="zip bomb"):
        read_docx(path, "bomb")


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerLetter", "chineseCounting"])
def test_pathological_numbering_start_is_written_in_decimal(tmp_path, fmt):
    """A start of 10^9 in roman was a million `M`s built quadratically (42 s); Word stops at 32767."""
    document = new_docx()
    num = add_numbering(document, fmt, "%1.", start=1_000_000_000)
    numbered(document, "甲", num)
    (block,) = read_docx(_save(document, tmp_path), "t").blocks
    assert block.text == "1000000000.甲"


def test_malformed_numbering_attributes_count_as_absent(tmp_path):
    """`w:ilvl="abc"` failed the whole file with an internal error."""
    document = new_docx()
    num = add_numbering(document, "decimal", "%1、")
    for text in ("甲", "乙"):
        numbered(document, text, num)
    for el in document.part.numbering_part.element.iter():
        if el.tag.endswith("}lvl"):
            el.set(el.tag.split("}")[0] + "}ilvl", "abc")
    for p in document.paragraphs:
        for el in p._p.iter():
            if el.tag.endswith("}ilvl"):
                el.set(el.tag.split("}")[0] + "}val", "x")
    assert [b.text for b in read_docx(_save(document, tmp_path), "t").blocks] == ["1、甲", "2、乙"]
