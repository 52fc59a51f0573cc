"""Sections within sections under a unit heading (`一、考核内容（100分）` over `（一）经济发展（60分）`): each
clause carries both, and each level's sum is checked once — a section against what its subsections
declare, a subsection against its clauses — so one slip is one finding."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import paged_docx

HEAD = ["青政〔2024〕7号", "青州县人民政府关于下达2024年度乡镇目标任务的通知", "各乡镇人民政府：",
        "现将2024年度目标任务下达给你们，请认真组织实施。"]


def unit(name: str, social: int, clauses: tuple[int, int, int, int]) -> list[str]:
    a, b, c, d = clauses
    return [name, "一、考核内容（100分）", "（一）经济发展（60分）", f"1.地区生产总值增长6%以上（{a}分）；",
            f"2.固定资产投资增长8%（{b}分）；", f"（二）社会事业（{social}分）", f"1.城镇新增就业1200人（{c}分）；",
            f"2.义务教育巩固率达到96%（{d}分）。"]


def run(tmp_path, lines: list[str]):
    path = paged_docx(tmp_path / "nested.docx", HEAD + lines)
    return process_file(path)


def test_each_clause_carries_its_section_and_the_section_above(tmp_path):
    result = run(tmp_path, unit("东关镇", 40, (30, 30, 20, 20)) + unit("西关镇", 40, (30, 30, 20, 20)))
    first = result.targets[0]
    assert (first.unit, first.section_path, first.section_path_points) == ("东关镇", ["考核内容", "经济发展"], [100, 60])
    assert not [f for f in result.findings if f.code == "section_points_mismatch"]


def test_subsections_declaring_more_than_their_section_is_one_finding_on_the_section(tmp_path):
    result = run(tmp_path, unit("东关镇", 50, (30, 30, 30, 20)) + unit("西关镇", 40, (30, 30, 20, 20)))
    found = [(f.unit, f.section, f.expected, f.actual, f.message) for f in result.findings
             if f.code in ("section_points_mismatch", "unit_points_mismatch")]
    assert found == [("东关镇", "考核内容", "100", "110", "考核内容声明100分，合计110分（下设类别：经济发展60分+社会事业50分）")]


def test_a_slip_inside_a_subsection_is_not_reported_again_by_the_section_above(tmp_path):
    result = run(tmp_path, unit("东关镇", 40, (30, 20, 20, 20)) + unit("西关镇", 40, (30, 30, 20, 20)))
    found = [(f.unit, f.section, f.expected, f.actual) for f in result.findings
             if f.code in ("section_points_mismatch", "unit_points_mismatch")]
    assert found == [("东关镇", "经济发展", "60", "50")]
