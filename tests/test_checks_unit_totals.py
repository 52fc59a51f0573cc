"""A per-unit total declared before the units (`每个乡镇满分100分`, `考核实行百分制`) is the reference for every
unit's sum in a notice listed by unit headings, where a unit's clauses confirm it; with two units, no majority
could say which of them is wrong."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from parsers.extract.points import read_points
from tests.builders import paged_docx

HEAD = ["青政〔2024〕7号", "青州县人民政府关于下达2024年度乡镇目标任务的通知", "各乡镇人民政府："]


def unit(name: str, points: tuple[int, int]) -> list[str]:
    return [name, f"1.地区生产总值增长6%（{points[0]}分）；", f"2.固定资产投资增长8%（{points[1]}分）。"]


@pytest.mark.parametrize("text, total", [("考核实行百分制。", 100), ("考核实行千分制", 1000), ("实行100分制", 100),
                                         ("每个乡镇满分100分", 100), ("现将目标任务下达给你们。", None)])
def test_a_declared_total_is_read(text, total):
    assert read_points(text).total == total


def findings(tmp_path, intro: str, a: tuple[int, int], b: tuple[int, int]):
    result = process_file(paged_docx(tmp_path / "n.docx", HEAD + [intro] + unit("东关镇", a) + unit("西关镇", b)))
    return [(f.unit, f.expected, f.actual, f.message) for f in result.findings if f.code == "unit_points_mismatch"]


def test_two_units_one_off_the_declared_total(tmp_path):
    found = findings(tmp_path, "现将目标任务下达给你们，考核实行百分制。", (50, 50), (50, 40))
    assert [(u, e, a) for u, e, a, _ in found] == [("西关镇", "100", "90")]
    assert "通知声明每个单位100分" in found[0][3]


def test_a_total_no_unit_adds_up_to_is_not_taken_for_each_units(tmp_path):
    # 千分制 here is the whole notice's scale: no unit's clauses come to it, so nothing is compared with it
    assert findings(tmp_path, "考核实行千分制。", (50, 50), (50, 40)) == []


def test_units_listed_by_class_are_held_to_their_own_classs_total(tmp_path):
    """Classes of units worth different totals (一类 100, 二类 80) and none declared: each unit against the total most
    units of its class share. Held to the whole notice's majority, every 二类 unit was reported (100 expected)."""
    lines = list(HEAD) + ["现将目标任务下达给你们。", "一类乡镇目标任务"]
    for name in ("东关镇", "西关镇", "中关镇", "城关镇"):
        lines += unit(name, (50, 50))
    lines.append("二类乡镇目标任务")
    for name, points in (("南关镇", (40, 40)), ("北关镇", (40, 40)), ("新关镇", (40, 30))):
        lines += unit(name, points)
    path = tmp_path / "classes.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    result = process_file(path)
    assert {t.unit_group for t in result.targets} == {"一类乡镇目标任务", "二类乡镇目标任务"}
    found = [(f.unit, f.expected, f.actual) for f in result.findings if f.code == "unit_points_mismatch"]
    assert found == [("新关镇", "80", "70")]
