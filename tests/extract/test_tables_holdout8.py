"""Table shape the eighth held-out set showed (tests/data/holdout8/SOURCES.md, "What went wrong"): three levels of
merged groups (一级 > 二级 > 三级, each carrying its points) over standard sub-rows with no weight column. The lowest
level names the rows, the level above is the category, and the name's points, shared by its sub-rows, weigh no row.
Built here with its own content, as tab-cell text and as a Word table with merged cells."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table, read

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


ROWS = [HEADER, [TOP, MIDDLE, LOW, STANDARDS[0], "县教育局"]] + [["", "", "", st, ""] for st in STANDARDS[1:]]
TITLE = "某县2023年度公共服务考核评分表"


def test_three_merged_levels_the_lowest_names_the_rows_tab_cells(tmp_path):
    _expect(read(tmp_path, ROWS, title=TITLE))


def test_three_merged_levels_the_lowest_names_the_rows_word_table(tmp_path):
    merges = [(col, 1, len(STANDARDS)) for col in (0, 1, 2, 4)]
    _expect(process_file(docx_table(tmp_path, ROWS, merges=merges, title=TITLE)))
