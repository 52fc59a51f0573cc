"""holdout37 3701's glued run (read after the set was used): the row's number bare before its content, its points
glued to its rules' first part; on a document the test writes, with its own content."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.tables import extract_indicators
from parsers.readers.text_reader import read_text
from schemas.blocks import Table

GLUED_FORM = "\n".join([
    "文档简介",
    "1、某某局安全生产责任制考核评分标准表一项目序号责任内容标准分考核标准扣分原因得分(一)落实安全生产责任,"
    "统一部署、统一检查1年初制定年度安全生产工作计划,召开2次专题会议。51、 无工作计划的扣3分。2、 缺一次会议扣1分。"
    "2明确班子成员安全生产责任分工,责任落实到",
    "2、人。31、 无分工的扣2分。2、 分工不明确的扣1分。(二)开展安全教育培训3每年组织全员培训不少于1次。41、 未组织"
    "培训的扣4分。4建立隐患排查台账并按月更",
]) + "\n"


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "t.txt"
    path.write_text(GLUED_FORM, encoding="utf-8")
    return path


def test_glued_run_with_bare_row_numbers_and_points_glued_to_rules_is_a_table(tmp_path):
    """3701: `项目序号责任内容标准分…` then `(一)…1年初…会议。51、 无…`: no row was found (the glued reader wanted
    `1、name5`), so the run stayed text."""
    (table,) = [b for b in read_text(_write(tmp_path), "t", False).blocks if isinstance(b, Table)]
    assert table.rows[0].cells == ["项目", "序号", "责任内容", "标准分", "考核标准", "扣分原因", "得分"]
    assert [r.cells[:4] for r in table.rows[1:]] == [
        ["(一)落实安全生产责任,统一部署、统一检查", "1", "年初制定年度安全生产工作计划,召开2次专题会议。", "5"],
        ["(一)落实安全生产责任,统一部署、统一检查", "2", "明确班子成员安全生产责任分工,责任落实到人。", "3"],
        ["(二)开展安全教育培训", "3", "每年组织全员培训不少于1次。", "4"],
    ]
    assert table.rows[2].cells[4] == "1、无分工的扣2分。2、分工不明确的扣1分。"


def test_glued_run_rows_are_indicators_under_their_groups(tmp_path):
    rows = extract_indicators(read_text(_write(tmp_path), "t", False), "d")
    assert [(r.row_no, r.weight) for r in rows] == [("1", 5.0), ("2", 3.0), ("3", 4.0)]
    assert [r.indicator for r in rows][1] == "明确班子成员安全生产责任分工,责任落实到人。"
