"""Table shapes the tenth held-out set showed (tests/data/holdout10/SOURCES.md, "What went wrong"), each built here
with its own content: a header cell spanning the row numbers and the names, over a column of Chinese ordinals; a
points column headed by its unit (`标准(分)`) beside a target column whose header reads like a weight (`标准权数`)."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table, read

# `考 核 项 目` spans the ordinals and the names (a colspan cell, then an empty one); `目标权数` holds each row's
# target for the year (`50万元`, `8%`), `分数(分)` its points, two rows have none (their points are a cap in 说明).
ORDINALS = [
    ["考 核 项 目", "", "目标权数", "分数(分)", "说 明"],
    ["一", "村级集体经济收入", "50万元", "8分", "最高得分12分"],
    ["二", "村级集体经济收入增长率", "8%", "6分", "最高得分9分"],
    ["三", "农民专业合作社数量", "3个", "", "最高得分3分"],
    ["四", "农村居民人均可支配收入增长率", "7%", "6分", "最高得分9分"],
]


def _expect_ordinals(result) -> None:
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("一", "村级集体经济收入", 8.0), ("二", "村级集体经济收入增长率", 6.0),
        ("三", "农民专业合作社数量", None), ("四", "农村居民人均可支配收入增长率", 6.0)]


def test_a_spanned_header_over_chinese_ordinals_numbers_the_rows_and_the_points_column_is_the_weight(tmp_path):
    _expect_ordinals(read(tmp_path, ORDINALS, title="附件：二○一○年村级集体经济发展考核标准"))


def test_the_same_table_in_word_with_the_header_cell_merged_across(tmp_path):
    path = docx_table(tmp_path, ORDINALS, spans=[(0, 0, 1)], title="附件：二○一○年村级集体经济发展考核标准")
    _expect_ordinals(process_file(path))


def test_a_form_column_headed_with_its_unit_stays_a_form_column(tmp_path):
    rows = [["序号", "考核内容", "分值", "得分(分)"],
            ["1", "制定年度工作计划", "10", ""],
            ["2", "按时报送统计报表", "20", ""]]
    items = [r for r in read(tmp_path, rows).indicators if r.row_kind == "item"]
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [("1", "制定年度工作计划", 10.0),
                                                                  ("2", "按时报送统计报表", 20.0)]


# One cell per line, no blank lines, a merged cell written once (in its group's first row): `项 目` spans the group
# column and the names; a group's cell stands before its first row's name, after the last row's own cells.
CELL_LINES = """附件
某区2018年度社会事业目标任务分解表
项 目
分值
目标任务
监考单位
教育事业
学前三年毛入园率
2
90
区教育局
义务教育巩固率
2
98
卫生健康
每千人口执业医师数
1
2.5
区卫健局
孕产妇系统管理率
1
95
"""


def test_a_group_cell_written_once_before_its_rows_in_a_cell_per_line_table(tmp_path):
    from tests.builders import write_text

    result = process_file(write_text(tmp_path / "t.txt", CELL_LINES))
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.category, r.indicator, r.weight, r.target) for r in items] == [
        ("教育事业", "学前三年毛入园率", 2.0, "90"), ("教育事业", "义务教育巩固率", 2.0, "98"),
        ("卫生健康", "每千人口执业医师数", 1.0, "2.5"), ("卫生健康", "孕产妇系统管理率", 1.0, "95")]
    assert items[0].assessors == ["区教育局"] and items[2].assessors == ["区卫健局"]
    assert all(r.units == [] for r in items)  # 监考单位 assess the rows; no one is named responsible
