"""Table shapes of the twenty-sixth held-out set (tests/data/holdout26/SOURCES.md), each built here with its own
content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _items(tmp_path, text: str) -> list[tuple]:
    path = write_text(tmp_path / "t.txt", text)
    return [(r.row_no, r.category, r.indicator, r.weight) for r in process_file(path).indicators]


# One cell a line with blank lines between cells; 序号 and 考核项目 merged over their rows, so only a group's first row
# writes its number and group; the assessor's empty cells not written at all (2603's layout). Each row's weight was
# taken for the next row's number (`5` / `有…` / `5`), and the rows read `5 | rule | name`.
MERGED_NUMBERS = """某县卫生单位考核登记表

序号

考核项目

考核子项目

分数

扣分标准

扣分原因

扣分

实得分

1

组织管理

有领导小组

5

无领导小组扣5分。

有工作制度

5

无制度扣5分。

2

环境卫生

室内整洁

10

每发现1处不洁扣1分。

有垃圾分类设施

5

无设施扣5分。

有

"""


def test_rows_under_a_merged_number_are_read_each_with_its_weight(tmp_path):
    assert _items(tmp_path, MERGED_NUMBERS) == [
        ("1", "组织管理", "有领导小组", 5.0),
        ("1", "组织管理", "有工作制度", 5.0),
        ("2", "环境卫生", "室内整洁", 10.0),  # `2` after a rule: the next number in turn, not that rule's weight
        ("2", "环境卫生", "有垃圾分类设施", 5.0),  # the cut line `有` after it is no cell of it
    ]

