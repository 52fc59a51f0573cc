"""Table shapes of the twenty-ninth round (holdout27 2702 and tests/data/holdout29/SOURCES.md), each built here with
its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _items(tmp_path, text: str) -> list[tuple]:
    path = write_text(tmp_path / "t.txt", text)
    return [(r.category, r.indicator, r.weight, r.target) for r in process_file(path).indicators]


# A header of two rows whose first cell spans two columns the row below names (`评价项目` over `一级项目 | 二级项目`),
# the upper row one cell short of its rows (holdout27 2702's layout). The sub-header was squared into the last
# columns and every row read one column off: the 一级 as nothing, the 二级 under the category, the weight as a target.
SPANNING_FIRST = """某区社区服务中心评价细则

评价项目 | 标准 分值 | 评价要点 | 评分标准 | 扣分说明 | 得分 | ||
一级项目 | 二级项目 | ||||||
服务设施 (20分) | 场地面积 (8分) | 8分 | 服务用房面积达到标准。 | 面积不足的扣4分。 | | |
"""


def test_two_row_header_first_cell_spanning_levels(tmp_path):
    assert _items(tmp_path, SPANNING_FIRST) == [
        ("服务设施(20分)", "场地面积(8分)", 8.0, "服务用房面积达到标准。"),
    ]


# The same header over several rows: the first row's empty cells close it, the rows below keep their merged 一级.
SPANNING_ROWS = SPANNING_FIRST + """| 活动场所 (12分) | 12分 | 设有活动室和阅览室。 | 缺一项扣6分。 | | |
队伍建设 (10分) | 人员配备 (10分) | 10分 | 配备专职社工不少于2名。 | 每少1名扣5分。 | | |
"""


def test_two_row_header_spanning_levels_over_rows(tmp_path):
    items = _items(tmp_path, SPANNING_ROWS)
    assert [(c, i, w) for c, i, w, _ in items] == [
        ("服务设施(20分)", "场地面积(8分)", 8.0),
        ("服务设施(20分)", "活动场所(12分)", 12.0),
        ("队伍建设(10分)", "人员配备(10分)", 10.0),
    ]
