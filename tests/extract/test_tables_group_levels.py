"""Groups in levels (一级指标 merged over 二级指标 merged over the rows' standards): the row's category is the level
nearest its name, the outer level is kept apart (holdout8 808 lost the 二级指标 to `extra` and took the 一级 as every
row's category)."""
from __future__ import annotations

import json

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table, read

HEADER = ["一级指标", "二级指标", "评分标准", "分值"]
ROWS = [["基础工作", "组织建设", "成立工作领导小组,未成立的扣2分。", "2分"],
        ["", "", "制定年度工作计划,未制定的扣2分。", "2分"],
        ["", "队伍建设", "配备专职工作人员,未配备的扣3分。", "3分"],
        ["", "", "开展业务培训每年不少于2次,少1次扣1分。", "3分"]]
EXPECTED = [("组织建设", "成立工作领导小组,未成立的扣2分。", 2.0), ("组织建设", "制定年度工作计划,未制定的扣2分。", 2.0),
            ("队伍建设", "配备专职工作人员,未配备的扣3分。", 3.0), ("队伍建设", "开展业务培训每年不少于2次,少1次扣1分。", 3.0)]


def _check(result) -> None:
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.category, r.indicator, r.weight) for r in items] == EXPECTED
    assert json.loads(items[0].extra)["一级指标"] == "基础工作"


TITLE = "某单位工作目标管理考核细则"


def test_nearest_group_level_is_the_category_in_tab_cells(tmp_path):
    _check(read(tmp_path, [HEADER] + ROWS, title=TITLE))


def test_nearest_group_level_is_the_category_in_word(tmp_path):
    merges = [(0, 1, 4), (1, 1, 2), (1, 3, 4)]
    _check(process_file(docx_table(tmp_path, [HEADER] + ROWS, merges=merges, title=TITLE)))
