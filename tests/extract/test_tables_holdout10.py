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
