"""A slip inside a group of a scoring table is reported once, by the group's subtotal: the 合计 row
does not report it again. A 合计 that disagrees with the groups' own subtotals is still reported."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_groups import CONTENT_GROUP
from tests.extract.test_tables_roles import docx_table

TOTAL = ["合计", "", "", "10", ""]


def weight_findings(tmp_path, rows):
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 2)]))
    return [(f.expected, f.actual, f.message) for f in result.findings if f.code == "weight_total_mismatch"]


def test_a_slip_inside_a_group_is_not_reported_again_by_the_total_row(tmp_path):
    rows = [r[:] for r in CONTENT_GROUP] + [TOTAL]
    rows[2][3] = "2"  # 3 + 2 ≠ 6: the group's slip, and the total's items now add up to 9
    found = weight_findings(tmp_path, rows)
    assert [(e, a) for e, a, _ in found] == [("6", "5")]
    assert "平安建设" in found[0][2]


def test_a_total_that_disagrees_with_the_groups_subtotals_is_reported(tmp_path):
    rows = [r[:] for r in CONTENT_GROUP] + [["合计", "", "", "12", ""]]  # the groups state 6 + 4 = 10
    assert [(e, a) for e, a, _ in weight_findings(tmp_path, rows)] == [("12", "10")]


def test_a_consistent_table_has_no_weight_finding(tmp_path):
    assert weight_findings(tmp_path, [r[:] for r in CONTENT_GROUP] + [TOTAL]) == []
