"""Table shapes of the fifth held-out set, built in code: a one-cell-per-line table whose last header cell is
broken over lines with its total under it, and each row's weight on its own line under the row's name."""
from __future__ import annotations

from ingest.pipeline import process_file

WEIGHT_UNDER_NAME = ["农村卫生考评表", "类  别", "序号", "考评项目", "考评内容", "评分标准", "考 评", "得 分", "(100分)",
                     "1", "组织领导", "(12分)", "1、是否成立领导小组2、是否有工作方案", "其中有一项未做到扣6分",
                     "2", "设施建设", "(20分)", "1、是否建有公厕", "未建的扣20分",
                     "3", "长效管护", "(8分)", "1、是否落实管护人员2、是否有管护经费", "缺一项扣4分"]


def test_one_cell_per_line_header_broken_over_lines_and_weight_under_the_name(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("\n\n".join(WEIGHT_UNDER_NAME) + "\n", encoding="utf-8")
    result = process_file(path)
    rows = [r for r in result.indicators if r.row_kind != "total"]
    assert [(r.row_no, r.indicator, r.weight) for r in rows] == [
        ("1", "组织领导(12分)", 12.0), ("2", "设施建设(20分)", 20.0), ("3", "长效管护(8分)", 8.0)]
    assert not [f for f in result.findings if f.severity == "error"]  # the rows' lines are no units
    assert not result.targets
