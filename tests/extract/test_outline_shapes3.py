"""Notice shapes of the third held-out set, built in code: a clause number followed by a date-like number
(`2.6.26国际禁毒日…`), and a section whose name ends at its points notation (`…意见》(6分)。`,
`绿色通道,50分。考核范围包括…`)."""
from __future__ import annotations

from tests.extract.test_outline_shapes import _rows


def test_clause_number_followed_by_a_date_is_not_a_three_part_number():
    rows = _rows(["（一）组织领导（10分）", "1.年初召开专题会议;（10分）",
                  "（二）宣传工作（20分）", "2.6.26国际禁毒日组织宣传活动;（10分）", "3.张贴宣传画;（10分）"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("组织领导", 1, 10.0), ("宣传工作", 2, 10.0), ("宣传工作", 3, 10.0)]
    assert rows[1][3].startswith("6.26国际禁毒日")


def test_clause_number_followed_by_a_date_inside_a_joined_line():
    rows = _rows(["（一）组织领导（10分）1.年初召开专题会议;（10分）（二）宣传工作（20分）2.6.26国际禁毒日组织宣传活动;（10分）"
                  "3.张贴宣传画;（10分）"])
    assert [(r[0], r[2]) for r in rows] == [("组织领导", 1), ("宣传工作", 2), ("宣传工作", 3)]


def test_real_three_part_numbers_under_their_parent_stay_items():
    rows = _rows(["1.组织管理（10分）", "1.1.1建立制度（5分）", "1.1.2落实人员（5分）"])
    assert [(r[2], r[4]) for r in rows] == [(1, 5.0), (2, 5.0)]


def test_section_name_ends_at_its_points_notation():
    rows = _rows(["（五）社区消防工作（12分）", "1.市区落实《关于做好社区消防工作的意见》（6分）。",
                  "（1）制定实施方案，记2分；否则扣1分。", "（2）开展检查，记4分；否则扣2分。",
                  "2.农村消防工作（6分）。", "（1）落实规划，记6分。"])
    assert [r[0] for r in rows] == ["市区落实《关于做好社区消防工作的意见》"] * 2 + ["农村消防工作"]


def test_section_points_after_a_comma_then_its_description():
    rows = _rows(["一、考核内容", "（一）绿色通道，50分。考核范围包括甲线、乙线。", "1、管护主体（30分）。签订管护合同。",
                  "2、两侧边沟（20分）。边沟畅通。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [("绿色通道", 50, 1, 30.0), ("绿色通道", 50, 2, 20.0)]
    assert rows[0][3] == "管护主体。签订管护合同。"


def test_sentence_heading_before_its_points_keeps_its_full_stop():
    rows = _rows(["（一）按时完成各项工作任务，确保质量。（4分）", "1、制定方案。2分", "2、报送总结。2分"])
    assert rows[0][0] == "按时完成各项工作任务，确保质量。"
