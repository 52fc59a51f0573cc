"""A table copied out of a spreadsheet into a .txt: cells parted by single tabs, an empty grouping cell two tabs in a
row. It had been read as one paragraph of prose (the readers that take any run of blanks for one gap read its short
rows one cell short): no indicator at all."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.readers.tsv_tables import tsv_table
from tests.builders import write_text

ROWS = [["序号", "类别", "指标名称", "分值", "评分标准", "责任单位"],
        ["1", "经济发展", "地区生产总值增长", "20", "完成目标得满分", "市发展改革委、市统计局"],
        ["2", "", "一般公共预算收入", "15", "完成得满分", "市财政局"],
        ["3", "", "固定资产投资", "15", "完成得满分", "市发展改革委"],
        ["4", "社会民生", "城镇新增就业", "20", "完成得满分", "市人社局"]]


def test_tab_separated_table_with_empty_grouping_cells(tmp_path):
    text = "附件1\n2024年度目标任务考核评分表\n" + "\n".join("\t".join(r) for r in ROWS) + "\n"
    rows = [r for r in process_file(write_text(tmp_path / "t.txt", text)).indicators if r.row_kind == "item"]
    assert [(r.row_no, r.category, r.indicator, r.weight, r.units_raw) for r in rows] == [
        ("1", "经济发展", "地区生产总值增长", 20.0, ["市发展改革委", "市统计局"]),
        ("2", "经济发展", "一般公共预算收入", 15.0, ["市财政局"]),
        ("3", "经济发展", "固定资产投资", 15.0, ["市发展改革委"]),
        ("4", "社会民生", "城镇新增就业", 20.0, ["市人社局"])]


def test_prose_with_tabs_is_no_table():
    lines = ["一、\t总体要求\t坚持目标导向", "二、\t主要任务\t完成全年目标", "三、\t保障措施\t加强组织领导"]
    assert tsv_table(lines, 0, "x") is None


def test_total_row_with_an_empty_first_cell_stays_in_the_table(tmp_path):
    """A `合计` row copied out of the spreadsheet starts with a tab (its 序号 cell empty): it had been cut off as a table
    of tab-prefixed cells of its own, so a weight slip against the total went unreported."""
    rows = [[r[0], r[1] or "经济发展", *r[2:]] for r in ROWS] + [["", "合计", "", "80", "", ""]]  # no other empty cell
    rows[2][3] = "10"  # 20 + 10 + 15 + 20 = 65, not the 80 the total row declares
    text = "2024年度目标任务考核评分表\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    result = process_file(write_text(tmp_path / "t.txt", text))
    assert [r.row_kind for r in result.indicators] == ["item"] * 4 + ["total"]
    assert [f.code for f in result.findings if f.code == "weight_total_mismatch"] == ["weight_total_mismatch"]
