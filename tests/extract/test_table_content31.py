"""Roles a table's content gives where its header word gave another (holdout31 3103), and where it must not."""
from __future__ import annotations

import pytest

from parsers.extract.table_content import content_roles
from schemas.blocks import Provenance, TableRow


def _body(rows: list[list[str]]) -> list[TableRow]:
    return [TableRow(r, Provenance("t", None, k + 1)) for k, r in enumerate(rows)]


@pytest.mark.parametrize("roles,rows,expected", [
    # 评分标准 of points alone: the weight; 目标 merged over its rows, a group heading: their category; 指标要求 of
    # amounts, a second name column: the target
    ({0: "row_no", 1: "target", 2: "indicator", 3: "indicator", 4: "criteria"},
     [["1", "一、便民服务", "设施覆盖率", "100%", "5分"], ["2", "", "窗口设置率", "≥90%", "4分"]],
     {0: "row_no", 1: "category", 2: "indicator", 3: "target", 4: "weight"}),
    # rules in the criteria column, a goal in every row, sentences in the second name column: unchanged
    ({0: "row_no", 1: "target", 2: "indicator", 3: "indicator", 4: "criteria"},
     [["1", "完成年度任务", "设施覆盖", "按要求建设无障碍设施", "未完成的扣2分"],
      ["2", "完成年度任务", "窗口设置", "设置服务窗口", "未设置的扣1分"]],
     {0: "row_no", 1: "target", 2: "indicator", 3: "indicator", 4: "criteria"}),
    # a weight column already: the criteria column stays, even of points
    ({0: "indicator", 1: "weight", 2: "criteria"}, [["设施", "5", "5分"], ["窗口", "4", "4分"]],
     {0: "indicator", 1: "weight", 2: "criteria"}),
])
def test_content_roles(roles, rows, expected):
    content_roles(roles, _body(rows))
    assert roles == expected
