"""holdout35 3502's shape: a web table flattened into space-parted runs whose weight cells are `--` (regression tests
named for what broke, on documents the tests write with their own content)."""
from __future__ import annotations

import pytest

from parsers.extract.tables import extract_indicators
from parsers.readers.dash_rows import dash_rows_table
from parsers.readers.text_reader import read_text
from schemas.blocks import Table

# A group heading opens the header line and the first group's merged label closes it; row 1 holds two `name -- rule`
# pairs under one 序号 and one pair of parties (the second pair on a line that opens with the parties); the label is
# written again mid-group; the second group's label closes the first group's last line; a row has no `--`.
PLACEHOLDER_RUNS = "\n\n".join([
    "二、基础条件 类别 序号 考核指标 权重 计分说明 责任部门 认定部门 达标 必备 条件",
    "1 校舍安全鉴定全部完成 -- 以住建部门出具的鉴定报告为准.",
    "区教育局 市教育局 食堂持证经营 -- 以有效许可证为准. 达标 必备 条件",
    "2 未发生校园欺凌重大事件 -- 以通报为准. 区教育局 区公安分局 市教育局 市公安局 一票 否决 事项",
    "1 瞒报安全事故 -- 实行一票否决.",
    "区应急局 市应急局",
    "2 挪用专项经费 实行一票否决.经审计认定的为准. 区财政局 市财政局",
    "三、附则",
])
EXPECTED = [
    ("达标必备条件", "1", "校舍安全鉴定全部完成", ["区教育局"]),
    ("达标必备条件", "1", "食堂持证经营", ["区教育局"]),
    ("达标必备条件", "2", "未发生校园欺凌重大事件", ["区教育局", "区公安分局"]),
    ("一票否决事项", "1", "瞒报安全事故", ["区应急局"]),
    ("一票否决事项", "2", "挪用专项经费", ["区财政局"]),
]


def _table(text: str) -> tuple[str, Table, int]:
    lines = text.splitlines()
    found = dash_rows_table(lines, 0, "t")
    assert found is not None
    lead, table, _, after = found
    return lead, table, after


def test_placeholder_weight_runs_are_read_as_rows_with_their_groups_and_parties():
    """3502: `项目 序号 考核指标 权重 计分说明 责任部门 认定部门 评优 前置 指标` over `1 … -- …. 县… 市…` rows: no reader
    took the runs, the table was lost. Now each `name -- rule` pair is a row, the merged group label (written at the end
    of the line before its rows) is its group, the parties part between the two party columns."""
    lead, table, after = _table(PLACEHOLDER_RUNS)
    assert lead == "二、基础条件"
    assert table.rows[0].cells == ["类别", "序号", "考核指标", "权重", "计分说明", "责任部门", "认定部门"]
    body = [r.cells for r in table.rows[1:]]
    assert [(r[0], r[1], r[2]) for r in body] == [(g, n, name) for g, n, name, _ in EXPECTED]
    assert [r[3] for r in body] == [""] * 5  # `--`: no weight
    assert body[2][5:] == ["区教育局、区公安分局", "市教育局、市公安局"]
    assert body[4][4] == "实行一票否决.经审计认定的为准."  # no `--`: the first cell is the name, the rest the rule
    assert PLACEHOLDER_RUNS.splitlines()[after] == "三、附则"  # the next part's heading ends the table


@pytest.mark.parametrize("group_word", ["项目", "类别"])
def test_group_column_named_as_name_over_a_goal_column_of_items(tmp_path, group_word):
    """3502: the merged `项目` column (a name word) runs down over groups of the `考核指标` column (a goal word) of
    distinct items: `项目` was read as every row's name. Now the goal column names the rows, `项目` is their group."""
    path = tmp_path / "t.txt"
    path.write_text(PLACEHOLDER_RUNS.replace("类别", group_word) + "\n", encoding="utf-8")
    rows = extract_indicators(read_text(path, "t", False), "d")
    assert [(r.category, r.row_no, r.indicator, r.units) for r in rows] == EXPECTED
    assert all(r.weight is None for r in rows)


def test_runs_without_placeholders_are_no_such_table():
    """Strict: rows whose weight is never a placeholder are left to the other readers."""
    text = "\n".join(["考核项目 序号 考核内容 分值 评分办法 责任部门", "1 组织领导 5 有方案得5分. 区办公室",
                      "2 宣传培训 5 开展培训得5分. 区宣传部"])
    assert dash_rows_table(text.splitlines(), 0, "t") is None


def test_prose_after_the_rows_ends_the_table():
    """A line after the last row holding neither parties nor a `name -- rule` pair is text, not the row's tail."""
    lines = PLACEHOLDER_RUNS.replace("三、附则", "以上事项由各成员单位按职责解释").splitlines()
    found = dash_rows_table(lines, 0, "t")
    assert found is not None
    assert lines[found[3]] == "以上事项由各成员单位按职责解释"
    assert found[1].rows[-1].cells[4] == "实行一票否决.经审计认定的为准."


def test_a_short_word_closing_a_rule_is_no_group_label():
    """A group label is a tall cell's pieces (two to four short ones); one word after a rule's full stop is the rule's."""
    lines = PLACEHOLDER_RUNS.replace("实行一票否决.\n", "实行一票否决. 从严\n").splitlines()
    body = [r.cells for r in dash_rows_table(lines, 0, "t")[1].rows[1:]]
    assert (body[3][0], body[3][4]) == ("一票否决事项", "实行一票否决.从严")
    assert body[4][0] == "一票否决事项"
