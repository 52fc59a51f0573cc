"""A .docx fills a merged cell into every row it spans, where web text writes it once: the table roles must come out
as they do from the text. Shapes of holdout7 702 and holdout17 1705, which read right as .txt and wrong as .docx
(benchmarks/RENDERINGS21.md)."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table

GROUP_OVER_WEIGHTED_ROWS = [  # 702: a group merged over rows that each carry a weight of their own (2, 5, 5, 3 → 15)
    ["项目", "考评内容", "分值", "自评分", "计分方法", "考评方法"],
    ["二、培训转移就业目标任务完成情况(15分)", "逐级分解下达目标任务", "2分", "", "未按时下达任务扣1分", "核查下达的正式文件"],
    ["", "完成年度转移技能培训目标任务", "5分", "", "比下达任务低5%以内的扣2分", "核查培训台帐"],
    ["", "完成年度转移就业目标任务", "5分", "", "比下达任务低5%以内的扣2分", "核查转移就业台帐"],
    ["", "输送生源到技工学校就读", "3分", "", "低超过5%的扣3分", "核查输送生源台帐"],
]

POINTS_MERGED_WITH_NAME = [  # 1705: the name and its points merged together over rules each with their own (N分)
    ["三级指标", "分值", "评分标准", "责任单位"],
    ["防震减灾", "10", "落实领导责任(1分)。印发规划得1分", "各县(区)政府、县发改局"],
    ["", "", "条件保障(2分)。经费列入财政预算得1分", "各县(区)政府、县财政局"],
    ["", "", "开展监测活动(2分)。建设完善三网一员", "各县(区)政府"],
]


def test_weights_that_vary_under_a_merged_group_are_each_rows_own(tmp_path):
    rows = process_file(docx_table(tmp_path, GROUP_OVER_WEIGHTED_ROWS, merges=[(0, 1, 4)])).indicators
    assert [(r.indicator, r.weight) for r in rows] == [
        ("逐级分解下达目标任务", 2.0), ("完成年度转移技能培训目标任务", 5.0), ("完成年度转移就业目标任务", 5.0),
        ("输送生源到技工学校就读", 3.0)]
    assert {r.category for r in rows} == {"二、培训转移就业目标任务完成情况(15分)"}


def test_points_merged_with_a_merged_name_are_the_groups_not_each_rows(tmp_path):
    rows = process_file(docx_table(tmp_path, POINTS_MERGED_WITH_NAME, merges=[(0, 1, 3), (1, 1, 3)])).indicators
    assert [r.weight for r in rows] == [None, None, None]
    assert [r.indicator[:6] for r in rows] == ["落实领导责任", "条件保障(2", "开展监测活动"]
    assert {r.category for r in rows} == {"防震减灾"}
