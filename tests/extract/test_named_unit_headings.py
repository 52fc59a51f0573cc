"""Scored headings side by side, each named as a unit over its items (`一、甲县（100分）`): each is a unit, its items
its clauses. They had been read as sections of no unit (the unit column empty: every unit's clauses lost to the
scorer, and a drafter's slip reported under the whole notice). A unit's ending alone proves little: siblings that do
not all read as units (`企业开办`, `获得电力`) stay sections."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from tests.builders import write_text

ITEMS = [("地区生产总值增长7%以上", 30), ("城镇新增就业2400人", 20), ("完成造林任务9330亩", 25), ("招商引资到位资金10亿元", 25)]


def _notice(heading, units=("甲县", "乙县", "丙县"), items=ITEMS) -> str:
    lines = ["某市人民政府关于下达2024年度目标任务的通知", "各县人民政府：", "现将2024年度目标任务下达给你们。"]
    for k, unit in enumerate(units):
        lines += [heading.format(n="一二三"[k], u=unit)] + [f"{i}.{t}（{p}分）；" for i, (t, p) in enumerate(items, 1)]
    return "\n".join(lines)


@pytest.mark.parametrize("heading", ["{u}（100分）", "{n}、{u}（100分）", "（{n}）{u}（100分）", "{u}目标任务",
                                     "{u}2024年度目标任务", "{n}、{u}责任目标", "{u}责任目标（100分）"])
def test_scored_headings_naming_units_are_units(tmp_path, heading):
    result = process_file(write_text(tmp_path / "n.txt", _notice(heading)))
    assert [(t.unit, t.seq, t.points) for t in result.targets] == [
        (u, i, float(p)) for u in ("甲县", "乙县", "丙县") for i, (_, p) in enumerate(ITEMS, 1)]
    assert not [f for f in result.findings if f.severity == "error"]
    if "100分" in heading:  # GOLD.md: an item's section is the nearest heading above it that carries points
        named = heading.split("）", 1)[-1] if heading.startswith("（") else heading.split("、")[-1]
        assert {(t.section, t.section_points) for t in result.targets} == {
            (named.format(u=u).replace("（100分）", ""), 100.0) for u in ("甲县", "乙县", "丙县")}


def test_a_units_slip_is_reported_at_the_unit(tmp_path):
    slipped = ITEMS[:3] + [("招商引资到位资金10亿元", 15)]
    text = _notice("{n}、{u}（100分）", units=("甲县",), items=slipped) + "\n" + _notice("{n}、{u}（100分）", units=("乙县",))
    errors = [(f.code, f.unit) for f in process_file(write_text(tmp_path / "n.txt", text)).findings
              if f.severity == "error"]
    assert len(errors) == 1 and errors[0][1] == "甲县"
    assert errors[0][0] in ("unit_points_mismatch", "section_points_mismatch")  # the heading's worth: both its


def test_siblings_not_all_named_as_units_stay_sections(tmp_path):
    lines = ["营商环境评价指标", "一、企业开办（10分）", "1.开办时间压缩至1个工作日（5分）；", "2.开办环节压减至3个（5分）。",
             "二、获得电力（10分）", "1.接电时间压缩（5分）；", "2.接电成本降低（5分）。"]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert {t.unit for t in result.targets} == {""}
    assert [t.section for t in result.targets] == ["企业开办", "企业开办", "获得电力", "获得电力"]


def test_the_notices_own_list_is_no_named_unit(tmp_path):
    """`全市目标任务` over items: the notice's own list (its jurisdiction's), not a unit named 全市."""
    from parsers.extract.heading_roles import named_unit

    assert named_unit("甲县2024年度目标任务") == "甲县" and named_unit("市发展改革委责任目标") == "市发展改革委"
    assert named_unit("全市目标任务") is None and named_unit("各县（市、区）目标任务") is None
    assert named_unit("重点目标任务") is None
