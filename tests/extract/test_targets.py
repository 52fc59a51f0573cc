"""Targets from notices in the many shapes drafters use: numbering styles, bracket widths,
spaced and full-width points, headings marked by style, bold or nothing, clauses as a table."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from parsers.extract.targets import classify, extract_targets
from schemas.blocks import Document, Paragraph, Provenance
from tests.builders import add_numbering, bold, new_docx, numbered, write_text


def _doc(lines: list[str]) -> Document:
    return Document("mem", "txt", [Paragraph(t, Provenance("mem", None, i + 1)) for i, t in enumerate(lines)])


def _summary(targets):
    return [(t.unit, t.section, t.section_points, t.seq, t.text, t.points) for t in targets]


NOTICE_LINES = [
    "各县（市、区）责任目标",
    "甲县",
    "{n1}城镇新增就业2400人{p20}；",
    "{n2}完成年度造林绿化任务9330亩{p10}。",
    "市交通局",
    "{s1}",
    "{n1}完成公路建设投资12亿元{p300}；",
    "{n2}提高0.6个百分点{p200}。",
    "{s2}",
    "{n3}完成行政服务工作目标{p200}。",
]
EXPECTED = [
    ("甲县", None, None, 1, "城镇新增就业2400人", 20.0),
    ("甲县", None, None, 2, "完成年度造林绿化任务9330亩", 10.0),
    ("市交通局", "重点目标", 500.0, 1, "完成公路建设投资12亿元", 300.0),
    ("市交通局", "重点目标", 500.0, 2, "提高0.6个百分点", 200.0),
    ("市交通局", "一般目标", 200.0, 3, "完成行政服务工作目标", 200.0),
]

NUMBERINGS = {
    "dot": lambda n: f"{n}. ",
    "ideographic-comma": lambda n: f"{n}、",
    "fullwidth-dot": lambda n: f"{n}．",
    "paren-fullwidth": lambda n: f"（{n}）",
    "paren-halfwidth": lambda n: f"({n})",
    "circled": lambda n: "①②③"[n - 1],
    "fullwidth-digits": lambda n: f"{chr(0xFF10 + n)}．",
}
POINTS = {
    "fullwidth": lambda p: f"（{p}分）",
    "halfwidth": lambda p: f"({p}分)",
    "spaced": lambda p: f" （{p} 分）",
    "fullwidth-digits": lambda p: "（" + "".join(chr(0xFF10 + int(c)) for c in str(p)) + "分）",
}
SECTIONS = {
    "fullwidth": ("（一）重点目标（500分）", "（二）一般目标（200分）"),
    "halfwidth-spaced": ("(一) 重点目标 (500分)", "(二) 一般目标 (200分)"),
    "comma-style": ("一、重点目标（500分）", "二、一般目标（200分）"),
    "fullwidth-digits": ("（一）重点目标（５００分）", "（二）一般目标（２００分）"),
}


def _render(numbering, points, sections) -> list[str]:
    values = {f"n{k}": numbering(k) for k in (1, 2, 3)}
    values.update({f"p{v}": points(v) for v in (10, 20, 200, 300)})
    values.update(s1=sections[0], s2=sections[1])
    return [line.format(**values) for line in NOTICE_LINES]


@pytest.mark.parametrize("numbering", NUMBERINGS, ids=list(NUMBERINGS))
def test_numbering_styles(numbering):
    lines = _render(NUMBERINGS[numbering], POINTS["fullwidth"], SECTIONS["fullwidth"])
    assert _summary(extract_targets(_doc(lines), "d").targets) == EXPECTED


@pytest.mark.parametrize("points", POINTS, ids=list(POINTS))
@pytest.mark.parametrize("sections", SECTIONS, ids=list(SECTIONS))
def test_points_and_section_styles(points, sections):
    lines = _render(NUMBERINGS["dot"], POINTS[points], SECTIONS[sections])
    assert _summary(extract_targets(_doc(lines), "d").targets) == EXPECTED


def test_group_and_lines_are_kept():
    result = extract_targets(_doc(_render(NUMBERINGS["dot"], POINTS["fullwidth"], SECTIONS["fullwidth"])), "d")
    assert {t.unit_group for t in result.targets} == {"各县（市、区）责任目标"}
    assert [t.line for t in result.targets] == [3, 4, 7, 8, 10]


def test_jurisdiction_list_has_no_points_and_declared_total():
    lines = ["某市人民政府文件", "2020年某市经济社会发展目标", "1. 城镇新增就业3.8万人；", "2. 进出口总额完成162亿元。",
             "各部门责任目标", "一、共同性目标（300分）", "二、本职工作责任目标（700分）。具体如下：",
             "市商务局", "1. 进出口总额完成162亿元（700分）。"]
    result = extract_targets(_doc(lines), "d", issuer="某市人民政府")
    assert [(t.unit, t.scope, t.seq, t.points) for t in result.targets] == [
        ("某市", "jurisdiction", 1, None), ("某市", "jurisdiction", 2, None), ("市商务局", "unit", 1, 700.0)]
    assert result.unit_total_declared == 700.0


@pytest.mark.parametrize("text,kind", [
    ("0.6个百分点（60分）；", "other"),
    ("12. 科技经费支出占财政支出的比重达到3.5%（20分）；", "clause"),
    ("（二）一般目标（200分）", "section"),
    ("市住房和城乡建设局", "heading"),
    ("2020年8月22日", "other"),
    ("三政〔2020〕9号", "other"),
])
def test_classify(text, kind):
    assert classify(text) == kind


def test_docx_word_numbering_bold_headings_and_heading_styles(tmp_path):
    document = new_docx()
    section_num = add_numbering(document, "chineseCounting", "（%1）")
    document.add_paragraph("各县（市、区）责任目标")
    document.add_heading("甲县", level=2)
    clause_num = add_numbering(document, "decimal", "%1.")
    numbered(document, "城镇新增就业2400人（20分）；", clause_num)
    numbered(document, "完成年度造林绿化任务9330亩（10分）。", clause_num)
    bold(document, "市交通局")
    numbered(document, "重点目标（500分）", section_num)
    clause_num2 = add_numbering(document, "decimal", "%1、")
    numbered(document, "完成公路建设投资12亿元（300分）；", clause_num2)
    numbered(document, "提高0.6个百分点（200分）。", clause_num2)
    numbered(document, "一般目标（200分）", section_num)
    numbered(document, "完成行政服务工作目标（200分）。", clause_num2)
    path = tmp_path / "built.docx"
    document.save(path)
    result = process_file(path)
    assert result.info.status == "ok", result.info.error
    assert _summary(result.targets) == EXPECTED
    assert [t.seq_raw for t in result.targets][:3] == ["1.", "2.", "1、"]


def test_docx_clause_table(tmp_path):
    document = new_docx()
    document.add_paragraph("各部门责任目标")
    bold(document, "市统计局")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("序号", "目标任务", "分值"), ("1", "完成统计调查任务", "300"),
                             ("2", "统计数据质量达标", "400")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "table.docx"
    document.save(path)
    result = process_file(path)
    assert [(t.unit, t.seq, t.text, t.points) for t in result.targets] == [
        ("市统计局", 1, "完成统计调查任务", 300.0), ("市统计局", 2, "统计数据质量达标", 400.0)]
    assert result.indicators == []


def test_gb18030_crlf_text_with_page_break(tmp_path):
    text = "\n".join([
        "各县（市、区）责任目标", "", "甲县", "", "1. 城镇新增就业2400人（20分）；",
        "2. 完成年度造林绿化任务", "", "9330亩（10分）。", "",
    ])
    path = write_text(tmp_path / "notice.txt", text, encoding="gb18030", newline="\r\n")
    result = process_file(path)
    assert [(t.unit, t.seq, t.text, t.points) for t in result.targets] == [
        ("甲县", 1, "城镇新增就业2400人", 20.0), ("甲县", 2, "完成年度造林绿化任务9330亩", 10.0)]


def test_markdown_headings_bold_and_subscripts(tmp_path):
    text = "\n".join([
        "## 各县（市、区）责任目标", "### 甲县", "1. 完成PM<sub>2.5</sub>浓度削减率目标（40分）；",
        "**市交通局**", "**（一）重点目标（500分）**", "1. 完成公路建设投资12亿元（500分）。",
    ])
    path = write_text(tmp_path / "notice.md", text)
    result = process_file(path)
    assert [(t.unit, t.section, t.text, t.points) for t in result.targets] == [
        ("甲县", None, "完成PM2.5浓度削减率目标", 40.0), ("市交通局", "重点目标", "完成公路建设投资12亿元", 500.0)]


def test_chinese_numbered_clauses_and_units():
    lines = ["各部门责任目标", "（一）市交通局", "一、完成公路建设投资12亿元（300分）；", "二、提高0.6个百分点【200分】。",
             "（二）市统计局", "（一）重点目标：（100分）", "1. 完成统计调查任务（100分）。"]
    assert _summary(extract_targets(_doc(lines), "d").targets) == [
        ("市交通局", None, None, 1, "完成公路建设投资12亿元", 300.0),
        ("市交通局", None, None, 2, "提高0.6个百分点", 200.0),
        ("市统计局", "重点目标", 100.0, 1, "完成统计调查任务", 100.0),
    ]


def test_unnumbered_scored_paragraphs_are_clauses_and_others_are_unclaimed():
    lines = ["各部门责任目标", "市统计局", "完成统计调查任务（60分）；", "统计数据质量达标（40分）。",
             "以上目标由市统计局负责解释。"]
    result = extract_targets(_doc(lines), "d")
    assert _summary(result.targets) == [("市统计局", None, None, None, "完成统计调查任务", 60.0),
                                        ("市统计局", None, None, None, "统计数据质量达标", 40.0)]
    assert [(u.text, u.unit, u.line) for u in result.unclaimed] == [("以上目标由市统计局负责解释。", "市统计局", 5)]


@pytest.mark.parametrize("text,kind", [
    ("一、城镇新增就业2400人（20分）", "clause"),
    ("（一）市发展和改革委员会", "heading"),
    ("一、共同性目标（300分）", "section"),
    ("（二）一般目标：（200分）", "section"),
    ("二、经济、社会发展和本职工作责任目标（700分）。具体如下：", "section"),
])
def test_classify_chinese_ordinals(text, kind):
    assert classify(text) == kind
