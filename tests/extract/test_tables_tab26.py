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



# One cell a line; each group its Chinese numeral and its name with its points, merged over its rows; each row a short
# name (`内 容`, a figure allowed), its 标准分 and its 评分标准; the assessor's columns not written (2604's layout). The
# 评分标准 was taken for the rows' name.
NAMES_UNDER_GROUPS = """附件3:
某市部门工作考核评分标准
序号
项 目
内 容
标准分
评 分 标 准
自测评分
评审得分
一
组织建设情况(20分)
工作机构
10
未明确分管领导的扣2分。
责任制落实情况
10
责任落实不到位的扣3分。
二
值守情况(10分)
24小时值班
5
值班脱岗一次扣1分。
信息报告
5
迟报一次扣1分。
"""


def test_short_names_beside_a_merged_group_with_its_points_name_the_rows(tmp_path):
    assert _items(tmp_path, NAMES_UNDER_GROUPS) == [
        ("一", "组织建设情况(20分)", "工作机构", 10.0),
        ("一", "组织建设情况(20分)", "责任制落实情况", 10.0),
        ("二", "值守情况(10分)", "24小时值班", 5.0),
        ("二", "值守情况(10分)", "信息报告", 5.0),
    ]


# `|` cells broken over lines: a row's first cell without a bar, each next cell opened by one, a line `|` for its empty
# 考核分 and another closing it; the merged 项目 (a group with its points, over two lines or one) not written under its
# first row, so those rows open at their number (2605's layout). The doubled `|` closed each row early, after its first
# row nothing was read, and the lone numbers were dropped as page numbers.
LEAD_BARS = """附件1
某县工作考核评分表
项 目
| 条目
| 考核内容及标准
| 基本分
| 考核分
|
组织领导
10分
| 1
| 成立工作领导小组。
| 5
|
|
2
| 研究部署工作。
| 5
|
|
制度建设15分
| 3
| 建立工作制度。
| 15
|
|
"""


def test_rows_of_bar_opened_cells_with_an_empty_last_cell_are_read(tmp_path):
    assert _items(tmp_path, LEAD_BARS) == [
        ("1", "组织领导10分", "成立工作领导小组。", 5.0),
        ("2", "组织领导10分", "研究部署工作。", 5.0),
        ("3", "制度建设15分", "建立工作制度。", 15.0),
    ]
