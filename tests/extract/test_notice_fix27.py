"""Notice shapes fixed after holdout27 (2705), built in code: worths listed after a number (`分别增记2、3分`) read as
an item numbered 2 inside its clause; a rate per piece (`每条计5分`) read as a clause's worth; and a part scored by
rates alone (`实行累计加分制。` over numbered `每条计N分` / `每次扣N分` rules) whose rules were lost once no sibling had a
worth."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.points import read_points
from tests.builders import extract_lines

PARTS = [
    "(一)提案工作", "实行百分基数制。",
    "1、办结时限(50分)。承办数量在50件以上的,分别增记2、3分;未按时办结的每件扣1分。",
    "2、办理程序(50分)。未按程序要求走访的,每项扣5分。",
    "(二)信息工作", "实行累计加分制。",
    "1、采用信息类每条计5分,调研类每篇计15分。",
    "2、领导作出批示的信息,在原计分基础上加2倍计分。",
    "3、重要信息迟报、漏报的每次扣20分。",
]


def test_worths_listed_after_a_number_start_no_item(tmp_path: Path):
    result = extract_lines(tmp_path, PARTS)
    first = result.targets[0]
    assert (first.seq, first.points) == (1, 50.0)
    assert first.text.endswith("分别增记2、3分;未按时办结的每件扣1分。")
    assert [t.seq for t in result.targets[:2]] == [1, 2]


def test_rate_per_piece_is_no_worth():
    reading = read_points("采用信息类每条计5分,调研类每篇计15分。")
    assert (reading.points, reading.rule, reading.rate) == (None, "bonus", True)


def test_worth_before_a_rate_stays_the_worth():
    assert read_points("培植种粮大户计2分,双季稻种植达30亩的种粮大户的每户计1分").points == 2.0


def test_multiplied_bonus_is_a_bonus_rule():
    assert read_points("领导作出批示的信息,在原计分基础上加2倍计分。").rule == "bonus"


def test_part_scored_by_rates_alone_keeps_its_rules(tmp_path: Path):
    result = extract_lines(tmp_path, PARTS)
    assert [(t.seq, t.points) for t in result.targets] == [(1, 50.0), (2, 50.0), (1, None), (2, None), (3, None)]


def test_lone_rate_among_unscored_text_is_no_clause(tmp_path: Path):
    lines = ["(一)办理工作(10分)", "1、按时办结(10分)。", "(二)说明", "1、采用信息类每条计5分。", "材料报送办公室。"]
    result = extract_lines(tmp_path, lines)
    assert [(t.seq, t.points) for t in result.targets] == [(1, 10.0)]



# 2702: the rules' title, its qualifier on a line of its own, a lead-in, two unscored conditions, then a pipe table
CONDITIONS = ["1.按照本考评细则进行自评合格。", "2.考评年度内未发生较大事故。", "工作推进 | 工作方案 | 10分 | 制定实施方案。 |"]


def test_lead_in_naming_its_list_is_no_unit(tmp_path: Path):
    """`申请…考评必须具备以下条件:` over unscored conditions was read as a unit with them as its clauses."""
    result = extract_lines(tmp_path, ["某市规范化镇(街道)考评细则", "申请规范化镇(街道)考评必须具备以下条件:"] + CONDITIONS)
    assert result.targets == []


def test_title_qualifier_line_is_no_unit(tmp_path: Path):
    """A title's `(试行)` on its own line, over unscored conditions, was read as a unit."""
    result = extract_lines(tmp_path, ["某市规范化镇(街道)考评细则", "(试行)"] + CONDITIONS)
    assert result.targets == []
