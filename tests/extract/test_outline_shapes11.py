"""Notice shapes of the eleventh held-out set, built in code: a form written one cell per line, whose group
cell wraps over two lines and has its points alone on the next line (`主动争取…源头` / `参与` / `8分`)."""
from __future__ import annotations

from tests.extract.test_outline_shapes import _rows

ONE_CELL_A_LINE = ["2015年工会工作考核细则", "项", "目", "考核内容", "分值", "考核", "方法",
                   "主动争取党政领导支持进一步加强源头", "参与", "8分",
                   "1、认真学习贯彻会议精神。要求各种学习资料齐全,有学习记录;", "3分", "按实际缺项扣分",
                   "核", "通", "过",
                   "2、及时主动向党组汇报工作情况。要求有反映和解决问题的记录;", "3分",
                   "3、一年至少召开一次专题研究工会工作的会议。要求有专题会议记录;", "2分",
                   "加强职工教育培训", "12分",
                   "4、每年举办职工培训不少于两次;", "12分"]


def test_a_group_cell_wrapped_over_two_lines_with_its_points_alone_below_is_the_section():
    rows = _rows(ONE_CELL_A_LINE)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("主动争取党政领导支持进一步加强源头参与", 8.0, 1, 3.0), ("主动争取党政领导支持进一步加强源头参与", 8.0, 2, 3.0),
        ("主动争取党政领导支持进一步加强源头参与", 8.0, 3, 2.0), ("加强职工教育培训", 12.0, 4, 12.0)]
    assert rows[0][3].startswith("认真学习贯彻会议精神")


def test_short_header_cells_above_bare_points_are_not_joined_into_a_name():
    rows = _rows(["考核细则", "考核", "方法", "5分", "1、按时报送报表;", "5分"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("方法", 1, 5.0)]
