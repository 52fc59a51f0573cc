"""序号 down a table: a number merged over a group of rows (filled into each) is no duplicate; a number written twice
is. holdout26 2603 and 2604, holdout2 207/208 and holdout4 407 number their groups so, and were reported row by row."""
from __future__ import annotations

from ingest.pipeline import process
from tests.conftest import ROOT


def _table(tmp_path, numbers: list[str]):
    rows = "".join(f"| {n} | 第{k}项指标 | 5 | 完成得满分 |\n" for k, n in enumerate(numbers, start=1))
    path = tmp_path / "table.md"
    path.write_text("# 考核评分表\n\n| 序号 | 考核指标 | 分值 | 评分标准 |\n|---|---|---|---|\n" + rows, encoding="utf-8")
    return [(f.code, f.actual) for f in process(path).findings if f.code.startswith("table_numbering")]


def test_a_number_written_twice_is_reported(tmp_path):
    assert _table(tmp_path, ["1", "2", "2", "3", "4"]) == [("table_numbering_duplicate", "2")]


def test_numbers_merged_over_groups_of_rows_are_no_duplicates(tmp_path):
    assert _table(tmp_path, ["1", "1", "1", "2", "2", "3", "3", "3"]) == []


def test_in_a_table_numbered_by_groups_a_number_met_again_later_is_reported(tmp_path):
    assert _table(tmp_path, ["1", "1", "2", "2", "1"]) == [("table_numbering_duplicate", "1")]


def test_real_tables_numbered_by_groups_have_no_numbering_findings():
    path = ROOT / "tests/data/holdout26/2603_xiangtan_2017_wuyan_danwei_kaohe_dengjibiao.txt"
    ex = process(path)
    assert len(ex.indicators) >= 10
    assert [f for f in ex.findings if f.code == "table_numbering_duplicate"] == []


def test_one_number_merged_over_a_cut_tables_rows_is_no_duplicate(tmp_path):
    # a web copy cut after its first group: `1` over five rows (a page of a 条线工作考核细则 from the pages corpus)
    assert _table(tmp_path, ["1", "1", "1", "1", "1"]) == []


def test_one_group_merged_over_three_rows_among_single_rows_is_no_duplicate(tmp_path):
    assert _table(tmp_path, ["1", "2", "2", "2", "3"]) == []
