"""Findings of the eleventh held-out set's shapes, each rebuilt in code (never its texts or units): a part for a
kind of unit whose base score is declared (`其中基础分100分`) raises no error for the declared total; a group cell
written one cell per line whose points add up raises none; a numbering slip (`6.` twice) in a flattened table is
reported as the one real error."""
from __future__ import annotations

from tests.test_regressions_holdout5_clauses import _errors, _rows, _run

PART = ("某市考核方案为推进改革,制定本方案。一、考核对象市级牵头部门;各县(区)。二、市级牵头部门考核方案(一)考核分值由基础分、"
        "加分和扣分组成,其中基础分100分。(二)考核内容1.组织领导(10分)。重点考核研究部署情况。2.改革实效(40分)。"
        "重点考核任务落实情况。")


def test_a_declared_base_score_is_no_clause_and_raises_no_error():
    ex = _run([PART])
    assert [(t.unit, t.seq, t.points) for t in ex.targets] == [("市级牵头部门", 1, 10.0), ("市级牵头部门", 2, 40.0)]
    assert _errors(ex) == []


def test_a_group_cell_one_cell_a_line_whose_items_add_up_raises_no_error():
    ex = _run(["某县工会工作考核细则", "项", "目", "考核内容", "分值", "加强班子建设进一步提高整体素质水平", "要求", "8分",
               "1、组织机构健全;", "3分", "2、按期换届;", "3分", "3、按规定配备干部;", "2分"])
    assert [(r[0], r[1], r[2], r[4]) for r in _rows(ex)] == [
        ("加强班子建设进一步提高整体素质水平要求", 8.0, n, p) for n, p in ((1, 3.0), (2, 3.0), (3, 2.0))]
    assert _errors(ex) == []


def test_a_number_written_twice_in_a_flattened_table_is_the_one_real_error():
    ex = _run(["安全工作考核标准考核项目工作要求计分标准考核办法一、落实安全责任制(9分)1.成立领导机构。(4分)未成立的,扣4分。"
               "查阅文件材料2.按规定报送信息。(3分)迟报扣2分。查看记录2.按时报送工作总结。(2分)未报送的,扣2分。查看文件材料"])
    assert [(r[2], r[4]) for r in _rows(ex)] == [(1, 4.0), (2, 3.0), (2, 2.0)]
    assert _errors(ex) == ["numbering_duplicate"]
