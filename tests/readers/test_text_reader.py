"""The text reader: encodings, line endings, markdown markup, broken sentences, tab tables."""
from __future__ import annotations

import pytest

from parsers.errors import ParseError
from parsers.readers.text_reader import read_text
from schemas.blocks import Table
from tests.builders import write_text

TEXT = "市教育局\n1. 第三实验幼儿园主体封顶（200分）；\n"


@pytest.mark.parametrize("encoding,newline", [
    ("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("gb18030", "\r\n"), ("gbk", "\n"), ("gb18030", "\r"), ("utf-16", "\n"),
])
def test_encodings_and_line_endings(tmp_path, encoding, newline):
    path = write_text(tmp_path / "n.txt", TEXT, encoding, newline)
    doc = read_text(path, "n", markdown=False)
    assert [b.text for b in doc.blocks] == ["市教育局", "1.第三实验幼儿园主体封顶（200分）；"]
    assert [b.prov.line for b in doc.blocks] == [1, 2]


def test_undecodable_bytes_are_refused(tmp_path):
    path = tmp_path / "n.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ParseError, match="undecodable"):
        read_text(path, "n", markdown=False)


def test_markdown_markup_is_stripped(tmp_path):
    path = write_text(tmp_path / "n.md", "## **市农业农村局**\n\n---\n\n**（一）重点目标（500分）**\n\n"
                                         "1. 完成PM<sub>2.5</sub>目标（100分）；\n")
    blocks = read_text(path, "n", markdown=True).blocks
    assert [(b.text, b.heading_level, b.bold) for b in blocks] == [
        ("市农业农村局", 2, True), ("（一）重点目标（500分）", None, True), ("1.完成PM2.5目标（100分）；", None, False)]


@pytest.mark.parametrize("lines,expected", [
    # a page break inside a sentence, with blank lines around it
    (["2. 开展本级财政预算执行审计和财政决算审计9个", "", "(200分)。"], ["2.开展本级财政预算执行审计和财政决算审计9个(200分)。"]),
    # a wrapped line whose tail starts with a decimal: not a new clause
    (["2. 规模以上制造业增加值占生产总值比重比上年提高", "", "0.6个百分点（60分）；"],
     ["2.规模以上制造业增加值占生产总值比重比上年提高0.6个百分点（60分）；"]),
    # a short unit name followed by its first clause stays apart
    (["市审计局", "1. 开展重大政策措施跟踪审计5个（300分）；"], ["市审计局", "1.开展重大政策措施跟踪审计5个（300分）；"]),
    # consecutive clauses stay apart
    (["10. 完成目标（10分）；", "11. 全市居民消费价格总水平控制在104%左右（10分）；"],
     ["10.完成目标（10分）；", "11.全市居民消费价格总水平控制在104%左右（10分）；"]),
])
def test_broken_sentences_are_rejoined(tmp_path, lines, expected):
    path = write_text(tmp_path / "n.txt", "\n".join(lines))
    assert [b.text for b in read_text(path, "n", markdown=False).blocks] == expected


def test_tab_table_cells_rows_and_continuations(tmp_path):
    text = "附件1\n标题\n\t序号\n\t指标\n分类\n\t责任单位\n\n\t1\n\t经济\n\t市商务局\n市财政局\n\n\t2\n\t\n\t\n\n附件2\n"
    doc = read_text(write_text(tmp_path / "n.txt", text), "n", markdown=False)
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    table = doc.blocks[2]
    assert isinstance(table, Table) and table.merges_resolved is False
    assert [r.cells for r in table.rows] == [["序号", "指标\n分类", "责任单位"], ["1", "经济", "市商务局\n市财政局"],
                                             ["2", "", ""]]
    assert [r.prov.line for r in table.rows] == [3, 8, 13]


def test_markdown_pipe_table(tmp_path):
    text = "| 序号 | 目标任务 | 分值 |\n|---|---|---|\n| 1 | 完成统计调查 | 300 |\n"
    (table,) = read_text(write_text(tmp_path / "n.md", text), "n", markdown=True).blocks
    assert [r.cells for r in table.rows] == [["序号", "目标任务", "分值"], ["1", "完成统计调查", "300"]]


def test_br_in_pipe_table_is_a_line_break(tmp_path):
    text = "| 序号 | 责任单位 | 分值 |\n|---|---|---|\n| 1 | 市商务局<br>市财政局<br/>市统计局 | 300 |\n"
    (table,) = read_text(write_text(tmp_path / "n.md", text), "n", markdown=True).blocks
    assert table.rows[1].cells == ["1", "市商务局\n市财政局\n市统计局", "300"]


def test_markdown_is_recognised_by_content_in_a_txt_file(tmp_path):
    text = "## 各县（市、区）责任目标\n\n### 甲县\n\n**（一）重点目标（500分）**\n\n1. 完成PM<sub>2.5</sub>目标（500分）；\n"
    blocks = read_text(write_text(tmp_path / "n.txt", text), "n", markdown=False).blocks
    assert [(b.text, b.heading_level, b.bold) for b in blocks] == [
        ("各县（市、区）责任目标", 2, False), ("甲县", 3, False), ("（一）重点目标（500分）", None, True),
        ("1.完成PM2.5目标（500分）；", None, False)]


def test_blank_line_ends_a_paragraph(tmp_path):
    text = "某县工作考核办法\n\n为加强管理，特制定本办法。\n"
    assert [b.text for b in read_text(write_text(tmp_path / "n.txt", text), "n", markdown=False).blocks] == [
        "某县工作考核办法", "为加强管理，特制定本办法。"]


def test_items_parted_by_runs_of_spaces_are_split(tmp_path):
    text = "考核细则一、乡镇考核内容  (一)领导重视(12分)  1、重视信访工作(2分)。查工作记录。  全面推行群众工作(5分)。\n"
    assert [b.text for b in read_text(write_text(tmp_path / "n.txt", text), "n", markdown=False).blocks] == [
        "考核细则一、乡镇考核内容", "(一)领导重视(12分)", "1、重视信访工作(2分)。查工作记录。", "全面推行群众工作(5分)。"]


def test_page_numbers_inside_a_sentence_are_dropped(tmp_path):
    text = "1. 完成年度造林绿化任务\n- 3 -\n9330亩（10分）。\n2. 完成市政府确定的招商引资任务\n第4页\n5亿元（10分）。\n"
    assert [b.text for b in read_text(write_text(tmp_path / "n.txt", text), "n", markdown=False).blocks] == [
        "1.完成年度造林绿化任务9330亩（10分）。", "2.完成市政府确定的招商引资任务5亿元（10分）。"]


def test_clause_number_followed_by_a_digit_starts_an_item(tmp_path):
    text = "3. 完成光纤入户改造任务的百分之九十以上\n4、5G二期基站建设完成（20分）；\n"
    assert [b.text for b in read_text(write_text(tmp_path / "n.txt", text), "n", markdown=False).blocks] == [
        "3.完成光纤入户改造任务的百分之九十以上", "4、5G二期基站建设完成（20分）；"]


def test_flipped_byte_or_cut_character_degrades_instead_of_rejecting_the_file(tmp_path):
    """One flipped byte rejected a whole text notice as undecodable; now it is replaced and reported."""
    from parsers.readers.text_reader import read_text

    body = "".join(f"{n}. 第{n}项工作目标任务（10分）；\n" for n in range(1, 40)).encode("utf-8")
    damaged = bytearray(body)
    damaged[body.index("第3项".encode()) + 1] ^= 0xFF  # inside a character of line 3
    cut = body + "任".encode("utf-8")[:2]  # a file cut mid-character
    for name, data in (("flipped.txt", bytes(damaged)), ("cut.txt", cut)):
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_text(path, name, markdown=False)
        assert [w.code for w in doc.warnings] == ["text_decoding"]
        assert sum(1 for b in doc.blocks if "目标任务" in b.text) == 39


def test_a_box_table_keeps_a_merged_cells_text_written_beside_a_rule_that_crosses_only_other_columns(tmp_path):
    # holdout11 1101: the unit's name runs down a merged 部门 column (`│省│`, `│公├──┤`, `│安│`…); on the lines where a
    # rule crosses only the other columns, its characters were dropped (`省安` for `省公安厅`).
    from parsers.readers.text_reader import read_text

    lines = ["┌──┬──────────┬──┐",
             "│部门│考核内容      │分值│",
             "├──┼──────────┼──┤",
             "│省  │1.建立工作机构│10  │",
             "│公  ├──────────┼──┤",
             "│安  │2.制定工作计划│20  │",
             "│厅  ├──────────┼──┤",
             "│    │3.按时报送信息│10  │",
             "└──┴──────────┴──┘"]
    path = tmp_path / "box.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    (table,) = [b for b in read_text(path, "box.txt", markdown=False).blocks if hasattr(b, "rows")]
    assert [c for c in (r.cells[0] for r in table.rows) if c] == ["部门", "省公安厅"]


def test_a_numbered_heading_does_not_take_the_next_items_number_as_its_tail(tmp_path):
    # holdout11 1103: `(一)交通安全社区考核方法`, a blank line, `1交通…` (an item numbered without 、): the digit read as
    # a broken sentence's tail joined the heading and its first item. A heading's points on the next line still join.
    from parsers.readers.text_reader import read_text

    path = tmp_path / "h.txt"
    path.write_text("(一)交通安全社区考核方法\n\n1交通安全组织健全，计10分。\n\n2制度落实，计5分。\n\n"
                    "一、经济发展目标完成情况\n\n40分）。\n", "utf-8")
    assert [b.text for b in read_text(path, "h.txt", markdown=False).blocks] == [
        "(一)交通安全社区考核方法", "1交通安全组织健全，计10分。", "2制度落实，计5分。", "一、经济发展目标完成情况40分）。"]


def test_markdown_rule_in_a_txt_is_no_table_row(tmp_path):
    """A .txt saved from a page that showed a markdown table: the `|---|` rule under its header was read as a
    row (an indicator named `---`) where the file was not sniffed as markdown."""
    from ingest.pipeline import process

    path = tmp_path / "decomposition.txt"
    path.write_text("目标任务分解表\n| 序号 | 指标名称 | 分值 | 责任单位 |\n|---|:---:|---|---|\n"
                    "| 1 | 地区生产总值增速 | 20 | 市发改委 |\n| 2 | 招商引资 | 10 | 市商务局 |\n", encoding="utf-8")
    ex = process(path)
    assert [(r.indicator, r.weight) for r in ex.indicators] == [("地区生产总值增速", 20.0), ("招商引资", 10.0)]
