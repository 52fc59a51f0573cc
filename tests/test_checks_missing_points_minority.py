"""missing_points says the unit's other clauses all have points: it is raised where the clauses without points are a
few among scored ones, not where one item of a list of procedures happens to state a worth."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _missing(result) -> list[int]:
    return [f.line for f in result.findings if f.code == "missing_points"]


def test_procedure_list_with_one_worth_has_no_missing_points(tmp_path):
    """A 责任书's 考核办法 (as a county's web copy kept it): item 2 states the unit's share (`分值为5分`), the other
    three are rules of procedure. Three missing_points errors had been raised on them."""
    lines = ["创卫工作目标责任书", "一、目标任务", "详见《20xx年度创卫工作目标任务表》。", "二、考核办法",
             "1、各相关单位的创卫工作必须服从县创建工作委员会的统一领导和指挥,确保各项目标任务圆满完成。",
             "2、创卫工作的考核结果纳入各相关单位的年度目标考核,实行扣分制度,重点责任单位分值为5分。",
             "3、计分方法:考核单位目标任务以100分计算,各项目标任务根据难易程度确定分值。",
             "4、年底由县目标办对各相关单位的创卫工作实施情况进行考核,考核得分在80分以下的取消评先资格。"]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert any(t.points == 5 for t in result.targets)
    assert _missing(result) == []


def test_one_clause_without_points_among_scored_ones_is_still_reported(tmp_path):
    lines = ["各部门责任目标", "市甲局", "1. 完成任务一（30分）；", "2. 完成任务二（30分）；", "3. 完成任务三；",
             "4. 完成任务四（40分）。"]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert _missing(result) == [5]
