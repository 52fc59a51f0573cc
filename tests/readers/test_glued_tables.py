"""A scored table a web page glued into one run with no separators at all (holdout24 2404: `考核项目分值考核细则…
一、年终考核701、参保扩面15全面…`), read from a .txt and from the same text pasted into Word, where
`pasted_text._may_start` must let such a line reach the detectors (it let only lines with spaces, bars or box edges
through, so the glued table was lost in .docx and PDF)."""
from __future__ import annotations

from parsers.formats import read
from parsers.readers.docx_reader import read_docx
from parsers.readers.pasted_text import _may_start
from schemas.blocks import Table
from tests.builders import new_docx, write_text

# Built here with its own content: title, header words run together (分值 the weight), a group with its points, rows
# numbered 1、2、3 with their points glued after the name, one with its first rule numbered (`201、` = 20 + `1、`).
GLUED = ("1、某市农村供水工作考核评分细则考核项目分值考核细则及评分方法备查材料(年终提交)一、年度考核60"
         "1、水源保护15划定水源保护区并设立标志的,得15分。未划定的不得分。"
         "2、水质检测201、每季度检测一次的得10分;2、检测结果公开的得10分。"
         "3、工程管护25建立管护制度并落实管护经费的,得25分。")
ROWS = [["一、年度考核", "60"], ["1、水源保护", "15"], ["2、水质检测", "20"], ["3、工程管护", "25"]]


def _weights(table: Table) -> list[list[str]]:
    return [r.cells[:2] for r in table.rows[1:]]


def test_a_glued_table_in_a_txt_is_read(tmp_path):
    doc = read(write_text(tmp_path / "t.txt", "附件\n" + GLUED + "\n"), "t.txt")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[0].cells[:2] == ["考核项目", "分值"]
    assert _weights(table) == ROWS


def test_a_glued_table_pasted_into_word_is_read(tmp_path):
    document = new_docx()
    for line in ["附件", GLUED, "以上由市水利局负责解释。"]:
        document.add_paragraph(line)
    document.save(tmp_path / "glued.docx")
    doc = read_docx(tmp_path / "glued.docx", "glued.docx")
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _weights(table) == ROWS
    assert table.rows[1].prov.line == 2  # the paragraph the rows came from


def test_the_gate_lets_a_long_glued_line_through_and_keeps_plain_paragraphs_out():
    assert _may_start(GLUED)
    assert not _may_start("各乡镇人民政府、县直各单位：现将《某县农村供水工作考核办法》印发给你们，请结合实际认真贯彻执行。")
    assert not _may_start("考核采取百分制，分值设置如下：" + "各单位要高度重视，认真组织实施，确保按时完成任务。" * 2)


def test_the_glued_gate_lets_few_real_lines_through():
    """The gate runs on every paragraph of every .docx and PDF: over every gold document and the samples, the lines it
    adds to those the other tests let through are few (39 of 6,737 when written), so the detectors' cost stays."""
    from pathlib import Path

    from parsers.readers.glued_tables import may_hold_glued

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "tests" / "data").glob("holdout*/*.txt")) + sorted((root.parent / "shared" / "real").glob("*.txt"))
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    assert sum(map(may_hold_glued, lines)) < len(lines) // 50
