"""Every slip found once, however the notice is written: one notice in 7 unit headings × 4 numberings × 4 worth
notations, each with one slip planted in one unit (a number skipped, a worth off by 5, a number written twice). Each
gives exactly one error, at that unit. A number written twice (`1、2、2、4`: the second 2 meant as 3) had also been
reported as a gap at 4 (108 of the 108 layouts)."""
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
EXPECTED = {"gap": {"numbering_gap"}, "worth": {"unit_points_mismatch", "section_points_mismatch"},
            "twice": {"numbering_duplicate"}}
LEFT: set = set()  # (tests/extract/test_notice_variants.py)


def _notice(heading: str, number: str, notation: str, slip: str) -> str:
    lines = ["某市人民政府关于下达2024年度目标任务的通知", "各县人民政府：", "现将2024年度目标任务下达给你们，每个县100分。"]
    for k, unit in enumerate(UNITS):
        lines.append(heading.format(n="一二三"[k], u=unit))
        for i, (text, worth) in enumerate(ITEMS, 1):
            shown = i + 1 if unit == "乙县" and slip == "gap" and i >= 3 else 2 if (
                unit == "乙县" and slip == "twice" and i == 3) else i
            worth = worth - 5 if unit == "乙县" and slip == "worth" and i == 2 else worth
            lines.append(number.format(i=shown, c="①②③④⑤"[shown - 1]) + text + notation.format(p=worth) + "；")
    return "\n".join(lines)


@pytest.mark.parametrize("heading,number,notation,slip", [
    combo for combo in itertools.product(HEADINGS, NUMBERS, NOTATIONS, EXPECTED)
    if (combo[0], combo[2]) not in LEFT])
def test_one_slip_one_error_at_its_unit(tmp_path, heading, number, notation, slip):
    result = process_file(write_text(tmp_path / "n.txt", _notice(heading, number, notation, slip)))
    errors = [(f.code, f.unit) for f in result.findings if f.severity == "error"]
    assert len(errors) == 1 and errors[0][0] in EXPECTED[slip] and errors[0][1] == "乙县", errors
