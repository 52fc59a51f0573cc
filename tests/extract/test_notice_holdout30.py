"""Notice shapes fixed after holdout30 (3001–3004), built in code: units listed by class, each its own section with
its own worths (`（一）市直管国有企业各指标计分:` / `（二）委托主管部门和管委会管理的国有企业各指标计分:`), an indicator's
worth written `（基本分为30分）` on its line over its rule."""
from __future__ import annotations

from pathlib import Path

from tests.builders import extract_lines

UNITS_BY_CLASS = [
    "年度经营业绩考核指标计分办法",
    "一、指标完成情况考核计分方法",
    "(一)市直管国有企业各指标计分:",
    "1.利润总额指标(基本分为30分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,每低于目标值2%扣1分,最低为零分。",
    "2.经济增加值(基本分为70分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,最低为零分。",
    "(二)委托主管部门和管委会管理的国有企业各指标计分:",
    "1.利润总额指标(基本分为20分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,最低为零分。",
    "2.经济增加值(基本分为80分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,最低为零分。",
]


def test_units_listed_by_class_with_base_worths(tmp_path: Path):
    targets = extract_lines(tmp_path, UNITS_BY_CLASS).targets
    assert [(t.unit, t.seq, t.points) for t in targets] == [
        ("市直管国有企业", 1, 30.0), ("市直管国有企业", 2, 70.0),
        ("委托主管部门和管委会管理的国有企业", 1, 20.0), ("委托主管部门和管委会管理的国有企业", 2, 80.0)]
    assert targets[0].text.startswith("利润总额指标完成或超额完成目标值得基本分")
