"""One notice written the ways drafters write it: unit headings (bare, numbered, scored, named with their topic),
item numbering (1. 1、 （1） ①) and worth notations (（N分） ，计N分 ，N分 （分值N）), every combination. Each must read as
the same units, items and worths, with no error finding (each combination is a notice with nothing wrong in it).
Built after the lead found notices whose clauses wrote `，计30分` read with no units and three false errors."""
from __future__ import annotations

import itertools

import pytest

from ingest.pipeline import process_file
from tests.builders import write_text

UNITS = ["甲县", "乙县", "丙县"]
ITEMS = [("地区生产总值增长7%以上", 30), ("城镇新增就业2400人", 20), ("完成造林任务9330亩", 25), ("招商引资到位资金10亿元", 25)]
HEADINGS = ["{u}", "{n}、{u}", "（{n}）{u}", "{u}（100分）", "{n}、{u}（100分）", "{u}目标任务", "{n}、{u}责任目标"]
NUMBERS = ["{i}.", "{i}、", "（{i}）", "{c}"]
NOTATIONS = ["（{p}分）", "，计{p}分", "，{p}分", "（分值{p}）"]
LEFT: set = set()  # every combination reads (a bare scored unit heading after clauses scored in a sentence did not)


@pytest.mark.parametrize("heading,number,notation", [
    combo for combo in itertools.product(HEADINGS, NUMBERS, NOTATIONS) if (combo[0], combo[2]) not in LEFT])
def test_notice_variant_reads_its_units_items_and_worths(tmp_path, heading, number, notation):
    lines = ["某市人民政府关于下达2024年度目标任务的通知", "各县人民政府：", "现将2024年度目标任务下达给你们。"]
    for k, unit in enumerate(UNITS):
        lines.append(heading.format(n="一二三"[k], u=unit))
        lines += [number.format(i=i, c="①②③④"[i - 1]) + text + notation.format(p=p) + "；"
                  for i, (text, p) in enumerate(ITEMS, 1)]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert [(t.unit, t.seq, t.points) for t in result.targets] == [
        (u, i, float(p)) for u in UNITS for i, (_, p) in enumerate(ITEMS, 1)]
    assert [f.code for f in result.findings if f.severity == "error"] == []
