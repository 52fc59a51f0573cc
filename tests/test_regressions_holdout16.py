"""Regressions the sixteenth held-out set showed (tests/data/holdout16/SOURCES.md, "What went wrong"), each on a
document the test builds."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table


def test_a_group_cell_holding_the_headers_spilled_cells_is_named_by_its_ordinal_line(tmp_path):
    rows = [["项目", "年度目标内容", "分值", "考核要求"],
            ["检查结果\n(具体描述完成情况)\n备注\n一、组织保障(100分)", "1.主要领导研究防治工作。", "30分", "有纪要得30分。"],
            ["", "2.开展专题调研。", "20分", "有报告得20分。"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    assert [(t.section, t.section_points, t.seq) for t in result.targets] == [
        ("组织保障", 100.0, 1), ("组织保障", 100.0, 2)]


def test_a_decimal_number_among_plain_ones_goes_on_with_their_run(tmp_path):
    rows = [["项目", "年度目标内容", "分值", "考核要求"],
            ["一、组织保障(60分)", "1.主要领导研究防治工作。", "30分", "有纪要得30分。"],
            ["", "2.开展专题调研。", "20分", "有报告得20分。"],
            ["", "3.1县(区)政府签订目标责任书;", "10分", "少签1个扣1分。"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 3)]))
    assert [(t.seq, t.text, t.points) for t in result.targets] == [
        (1, "主要领导研究防治工作", 30.0), (2, "开展专题调研", 20.0), (3, "县(区)政府签订目标责任书", 10.0)]
    assert "numbering_duplicate" not in {f.code for f in result.findings}
