"""Table shapes the twentieth held-out set showed (tests/data/holdout20/SOURCES.md, "Measured unseen"), each built
here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


# One cell a line with blank lines between; the first header cell broken over two lines (`一级` / `指标`); each row's
# number printed at the start of its name's line; the merged group cell written once, over two lines, before row 1.
NUMBERED_NAMES = """附件：
绿化工作评定标准

一级

指标

二级指标

甲类标准

乙类标准

丙类标准

绿化覆盖
树木管护

1、城区绿化覆盖率

40以上

35以上

30以上

2、16个乡镇林木覆盖率

60以上

50以上

45以上

3、古树名木建档率

100

95以上

90以上

4、道路绿化
"""


def test_numbered_name_lines_under_a_broken_first_header_cell_are_rows_under_their_group(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", NUMBERED_NAMES))
    items = _items(result)
    assert [(r.category, r.indicator) for r in items] == [
        ("绿化覆盖树木管护", "1、城区绿化覆盖率"),
        ("绿化覆盖树木管护", "2、16个乡镇林木覆盖率"),
        ("绿化覆盖树木管护", "3、古树名木建档率"),
    ]  # the last name, cut before its cells, is no row
    assert not [f for f in result.findings if f.severity == "error"]


# `|` rows; a row's further standards each on a row of one cell (the 序号, 项目分值 and 备注 merged beside them), each
# standard closed by its own bracketed points as the first one is.
CONTINUED_STANDARDS = """| 序 号 | 项目分值 | 标 准 | 备 注 |
| 1 | 制度建设(6分) | 建立岗位责任制度并公示。(3) | 缺一项扣本条分值。 |
| 定期检查制度落实情况。(1.5) |
| 年终总结制度执行效果。(1.5) |
| 2 | 队伍建设(4分) | 配备专职管理人员。(4) | 未配备不得分。 |
"""


def test_a_one_cell_row_closed_by_bracketed_points_stays_under_the_standard_not_the_note(tmp_path):
    from parsers.formats import read
    from schemas.blocks import Table

    doc = read(write_text(tmp_path / "t.txt", CONTINUED_STANDARDS), "t.txt")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [r.cells for r in table.rows[1:]] == [
        ["1", "制度建设(6分)", "建立岗位责任制度并公示。(3)", "缺一项扣本条分值。"],
        ["", "", "定期检查制度落实情况。(1.5)", ""],
        ["", "", "年终总结制度执行效果。(1.5)", ""],
        ["2", "队伍建设(4分)", "配备专职管理人员。(4)", "未配备不得分。"],
    ]
