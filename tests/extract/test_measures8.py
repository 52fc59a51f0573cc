"""Measures of the eighth held-out set's shapes: a range `N~M` is one value span, an amount bounded before a noun
names a class of things (no target), `一次性` counts nothing, and `其中` names no indicator."""
from __future__ import annotations

import pytest

from parsers.extract.measures import parse_measures


def _m(text):
    return [(f.indicator, f.comparator, f.value, f.value_unit) for f in parse_measures(text)]


@pytest.mark.parametrize("text,expected", [
    ("城乡居民人均可支配收入增长7%~9%", [("城乡居民人均可支配收入", "increase_by", 7.0, "%")]),
    ("新增造林面积3-5万亩", [("新增造林面积", "at_least", 3.0, "万亩")]),
    ("政府负债率控制在40%至60%", [("政府负债率", "at_most", 60.0, "%")]),
    ("固定资产投资完成20亿~25亿元", [("固定资产投资", "at_least", 20.0, "亿元")]),
])
def test_a_range_is_one_value_span(text, expected):
    assert _m(text) == expected


def test_amounts_bounding_a_class_of_things_are_no_targets():
    text = ("在建项目实行分类管理,其中3000万元以上项目按月调度,800万元~3000万元的项目按季调度,"
            "800万元以下项目实行完工后一次性验收")
    assert _m(text) == []


@pytest.mark.parametrize("text,expected", [
    ("新培育10家以上龙头企业", [("新培育", "at_least", 10.0, "家")]),  # a count stays
    ("全县95%以上的行政村通客车", [("全县", "at_least", 95.0, "%")]),  # a share stays
    ("税收收入增长8%以上的目标", [("税收收入", "at_least", 8.0, "%")]),
    ("其中完成人工造林1200亩", [("人工造林", "reach", 1200.0, "亩")]),
    ("每年培训经费3000元以上的记2分,2千元以上记1分", [("每年培训经费", "at_least", 3000.0, "元"),
                                            ("每年培训经费", "at_least", 2.0, "千元")]),  # a scored bound
])
def test_counts_shares_and_framed_values_stay_measures(text, expected):
    assert _m(text) == expected
