"""Table shape the eighth held-out set showed (tests/data/holdout8/SOURCES.md, "What went wrong"): three levels of
merged groups (一级 > 二级 > 三级, each carrying its points) over standard sub-rows with no weight column. The lowest
level names the rows, the level above is the category, and the name's points, shared by its sub-rows, weigh no row.
Built here with its own content, as tab-cell text and as a Word table with merged cells."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import merge_down, new_docx

HEADER = ["工作板块", "重点事项", "考核细项", "评分标准", "牵头单位"]
TOP, MIDDLE, LOW = "一、提升公共服务水平(30分)", "(一)教育事业(12分)", "1.义务教育;学前教育(6分)"
STANDARDS = ["(1)义务教育巩固率达到98%的,得3分。本项满分3分。",
             "(2)新建公办幼儿园1所的,得2分。本项满分2分。",
             "(3)完成教师培训任务的,得1分。本项满分1分。"]


def _expect(result) -> None:
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.category, r.indicator, r.criteria) for r in items] == [(MIDDLE, LOW, s) for s in STANDARDS]
    assert all(r.weight is None for r in items)
    assert all(r.units == ["县教育局"] for r in items)


def test_three_merged_levels_the_lowest_names_the_rows_tab_cells(tmp_path):
    rows = ["\n".join("\t" + c for c in HEADER),
            "\n".join("\t" + c for c in [TOP, MIDDLE, LOW, STANDARDS[0], "县教育局"])]
    rows += ["\n".join("\t" + c for c in ["", "", "", s, ""]) for s in STANDARDS[1:]]
    path = tmp_path / "levels.txt"
    path.write_text("某县2023年度公共服务考核评分表\n" + "\n\n".join(rows) + "\n", encoding="utf-8")
    _expect(process_file(path))


def test_three_merged_levels_the_lowest_names_the_rows_word_table(tmp_path):
    document = new_docx()
    document.add_paragraph("某县2023年度公共服务考核评分表")
    table = document.add_table(rows=len(STANDARDS) + 1, cols=len(HEADER))
    for c, word in enumerate(HEADER):
        table.cell(0, c).text = word
    for r, standard in enumerate(STANDARDS, start=1):
        table.cell(r, 3).text = standard
    for col in (0, 1, 2, 4):
        merge_down(table, col, 1, len(STANDARDS))
    for col, value in ((0, TOP), (1, MIDDLE), (2, LOW), (4, "县教育局")):
        table.cell(1, col).text = value
    path = tmp_path / "levels.docx"
    document.save(path)
    _expect(process_file(path))
