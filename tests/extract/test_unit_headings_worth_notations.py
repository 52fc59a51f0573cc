"""A notice listed by unit headings whose clauses close with a worth in another notation than brackets (`…，计30分。`,
`…，30分。`, `…（分值30）。`): each clause has its worth and stays its unit's. Such clauses had been read as unscored, the
unit headings given up for the outline's reading, which has no units: every unit's `1.` then read as a duplicate of
the first (three false numbering_duplicate errors a notice)."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from tests.builders import write_text

ITEMS = [("地区生产总值增长7%以上", 30), ("城镇新增就业2400人", 20), ("完成造林任务9330亩", 25), ("招商引资到位资金10亿元", 25)]
UNITS = ["甲县", "乙县", "丙县"]


@pytest.mark.parametrize("notation", ["，计{}分。", "，{}分。", "（分值{}）。", "（{}分）。"])
def test_unit_clauses_with_a_closing_worth(tmp_path, notation):
    lines = ["某市人民政府关于下达2024年度目标任务的通知", "各县人民政府：", "现将2024年度目标任务下达给你们。"]
    for unit in UNITS:
        lines += [unit] + [f"{i}、{text}{notation.format(p)}" for i, (text, p) in enumerate(ITEMS, 1)]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert [(t.unit, t.seq, t.points) for t in result.targets] == [
        (u, i, float(p)) for u in UNITS for i, (_, p) in enumerate(ITEMS, 1)]
    assert [f.code for f in result.findings if f.severity == "error"] == []
    assert result.targets[1].text.startswith("城镇新增就业2400人")


def test_a_deduction_closing_a_clause_is_no_worth(tmp_path):
    lines = []
    for unit in UNITS:
        lines += [unit] + [f"{i}、{text}，计{p}分。" for i, (text, p) in enumerate(ITEMS, 1)]
    lines.insert(5, "5、未按期上报的，扣2分。")
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert [(t.unit, t.seq, t.points) for t in result.targets][3:6] == [("甲县", 4, 25.0), ("甲县", 5, None),
                                                                     ("乙县", 1, 30.0)]
