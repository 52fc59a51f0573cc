"""Tables left open by holdout20/22 and holdout9, rebuilt by the tests in their failure shapes: numbered items
grouped by a category column, one cell a line with the next group's cell at a row's end, traditional header words."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import codes, docx_table, read

# Numbered items closing on their points in the name column itself, grouped by a 一级指标 column merged over them
# (each group numbers its items from 1): the groups are the items' sections, not one run of clauses.
CATEGORY_GROUPED = [
    ["项目", "一级指标", "年度工作目标", "评分标准", "责任科室"],
    ["业务实绩", "一、贯彻落实上级决策部署(5分)", "1、认真做好会议精神的贯彻落实。(3分)", "完成得3分,没有0分", "办公室"],
    ["业务实绩", "一、贯彻落实上级决策部署(5分)", "2、做好帮扶挂钩工作。(2分)", "完成得2分,没有0分", "办公室"],
    ["业务实绩", "二、加强队伍建设(5分)", "1、完善信息库建设。(2分)", "完成得2分,没有0分", "管理科"],
    ["业务实绩", "二、加强队伍建设(5分)", "2、做好招考计划申报工作。(3分)", "完成得3分,没有0分", "管理科"],
]


@pytest.mark.parametrize("layout", ["tab", "docx"])
def test_numbered_items_grouped_by_a_category_column_are_no_duplicate_numbers(tmp_path, layout):
    result = process_file(docx_table(tmp_path, CATEGORY_GROUPED)) if layout == "docx" else read(tmp_path, CATEGORY_GROUPED)
    assert "numbering_duplicate" not in codes(result)
    assert codes(result, "error") == []
    assert [(t.section, t.section_points, t.seq) for t in result.targets] == [
        ("贯彻落实上级决策部署", 5.0, 1), ("贯彻落实上级决策部署", 5.0, 2),
        ("加强队伍建设", 5.0, 1), ("加强队伍建设", 5.0, 2)]
