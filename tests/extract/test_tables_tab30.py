"""Table shapes of the thirtieth round (tests/data/holdout28/SOURCES.md, 2803), each built here with its own
content."""
from __future__ import annotations

from pathlib import Path

from ingest.pipeline import process_file
from tests.builders import write_text

ROOT = Path(__file__).resolve().parents[2]


def _items(tmp_path, text: str) -> list[tuple]:
    path = write_text(tmp_path / "t.txt", text)
    return [(r.category, r.indicator, r.weight) for r in process_file(path).indicators]


# A scoring table flattened one cell per paragraph, space-only paragraphs between, each level with a weight column
# of its own (`二级指标 | 分值 | 评分细则 | 项目分值`), the 一级 cell's points broken over lines (`二、` / `20` / `分)`),
# its header cut as stored (`一级指`) and a form column `测评分` last. Every row's category was read from `测评分` and
# the 一级 and 二级 cells came out as rows of their own; read as the notice's clauses too, all under the 一级, the
# items' numbers restarting in each 二级 gave false `numbering_duplicate` errors.
LEVELS = """某市2020年安全生产工作考评办法

一级指

二级指标

分值

评分细则

项目分值

自评分

测评分

_

 二、

20

分)

1.安全生产责任体系建设

9

1.成立安全生产委员会并定期召开会议

4

_

_

2.层层签订安全生产责任书

5

_

_

2隐患排查治理

6

1.建立隐患排查台账

3

_

2.重大隐患按期整改销号

3

_

""".replace("\n_\n", "\n \n")  # space-only paragraphs, as the page stored them


def test_levels_each_weighted_group_cells_not_rows(tmp_path):
    group1, group2 = "1.安全生产责任体系建设", "2隐患排查治理"
    assert _items(tmp_path, LEVELS) == [
        (group1, "1.成立安全生产委员会并定期召开会议", 4.0),
        (group1, "2.层层签订安全生产责任书", 5.0),
        (group2, "1.建立隐患排查台账", 3.0),
        (group2, "2.重大隐患按期整改销号", 3.0),
    ]


# Weights that do not add up to their group's: no level is read from the sums, the rows stay as read before.
UNEVEN = LEVELS.replace("\n9\n", "\n10\n")


def test_levels_not_adding_up_stay_rows(tmp_path):
    indicators = [i for _, i, _ in _items(tmp_path, UNEVEN)]
    assert "1.安全生产责任体系建设" in indicators


def test_levels_each_weighted_no_false_numbering():
    # the real page (holdout28 2803): its rows are read as the notice's clauses too; their section is the 二级, whose
    # points the first points column holds, not the 一级 over it
    path = next((ROOT / "tests" / "data" / "holdout28").glob("2803_*.txt"))
    result = process_file(path)
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert {i.category for i in result.indicators} == {"1.区县、街镇“扫黄打非”工作组织领导及作用发挥", "2年度“扫黄打非”行动方案落实"}
