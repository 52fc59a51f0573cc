"""Table shapes holdout39 brought (regression tests named for what broke, on documents the tests write)."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.tables import extract_indicators
from parsers.readers.text_reader import read_text
from schemas.records import IndicatorRow


def _rows(tmp_path: Path, text: str) -> list[IndicatorRow]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return extract_indicators(read_text(path, "t", False), "d")


def _lead_pipe_groups(item_header: str) -> str:
    """`考核项目` / `| <item_header>` / `| 分值`, each group's cell (closing on its points) on its first row only."""
    groups = [("队伍建设情况(4分)", [("明确分管领导和经办人员。", "1"), ("每年组织业务培训不少于两次。", "3")]),
              ("台账管理情况(9分)", [("建立工作台账并按月更新。", "5"), ("台账资料分类归档,便于查阅。", "4")])]
    lines = ["考核项目", f"| {item_header}", "| 分值", "|"]
    for group, items in groups:
        for n, (item, points) in enumerate(items):
            lines += ([group] if n == 0 else []) + [f"| {item}" if n == 0 else item, f"| {points}", "|"]
    return "\n".join(lines) + "\n"


def _named(rows: list[IndicatorRow]) -> list[tuple[str | None, str | None, float | None]]:
    return [(r.category, r.indicator, r.weight) for r in rows]


EXPECTED = [("队伍建设情况(4分)", "明确分管领导和经办人员。", 1.0),
            ("队伍建设情况(4分)", "每年组织业务培训不少于两次。", 3.0),
            ("台账管理情况(9分)", "建立工作台账并按月更新。", 5.0),
            ("台账管理情况(9分)", "台账资料分类归档,便于查阅。", 4.0)]


def test_items_headed_as_detail_items_name_the_rows_under_named_groups(tmp_path):
    """3903: `考核项目 | 考评细项 | 分值`: `考评细项` named no column, so the group column (`组织领导…(5分)`, written on
    its group's first row) was read as each row's name and the items were lost."""
    assert _named(_rows(tmp_path, _lead_pipe_groups("考评细项"))) == EXPECTED


def test_unnamed_item_column_right_of_a_grouping_name_column_names_the_rows(tmp_path):
    """3903's shape under a header word no synonym holds: the column of distinct items right of the column named as
    the name, which runs down over groups of them, names the rows; the named column is their group."""
    assert _named(_rows(tmp_path, _lead_pipe_groups("考评要件"))) == EXPECTED


# `类别` two columns wide (an outer group over inner ones, a group filling both), `得分` printed with each row's points,
# `合计 得分` the inner group's total; a lone `|` under the header; the table's deduction part opens with a second
# header; the rows add up to less than 100 (an excerpt).
TWO_LEVEL_GROUPS = "\n".join([
    "类别 | 考 核 内 容 | 得分 | 合计 得分 |",
    "|",
    "机构建设 | 明确分管负责人(查看文件) | 3分 | 5分 | |",
    "落实专职工作人员(查看名单) | 2分 | |||",
    "日常工作开展情况 | 平台维护 | 网站栏目及时更新(以抽查为准) | 4分 | 7分 |",
    "发布会按时举行(查看记录) | 3分 | |||",
    "信息报送 | 按月报送工作动态(以台账为准) | 6分 | 10分 | |",
    "年度报告按时报送 | 4分 | |||",
    "其他事项 | 考 核 内 容 | 倒扣分值 | ||",
    "迟报一次扣1分",
]) + "\n"


def test_two_column_group_with_points_under_a_form_word_is_read_as_a_table(tmp_path):
    """3902: a lone `|` under the header row ended the `|` table before its rows, `得分` (a form's word) holding each
    row's points was no weight, and the rows one cell wider than the header (`类别` over a group and its sub-group) were
    cut: the document read as a notice."""
    rows = _rows(tmp_path, TWO_LEVEL_GROUPS)
    assert _named(rows) == [
        ("机构建设", "明确分管负责人(查看文件)", 3.0),
        ("机构建设", "落实专职工作人员(查看名单)", 2.0),
        ("日常工作开展情况", "网站栏目及时更新(以抽查为准)", 4.0),
        ("日常工作开展情况", "发布会按时举行(查看记录)", 3.0),
        ("日常工作开展情况", "按月报送工作动态(以台账为准)", 6.0),
        ("日常工作开展情况", "年度报告按时报送", 4.0),
    ]
