"""Notice shapes fixed after holdout32 (3201–3205), built in code: deduction-only items whose rule stands on the
paragraph below their line (`1.建立健全了各種機構…。` over `每少一種機構…扣0.5分。`) under a scored heading."""
from __future__ import annotations

from pathlib import Path

from tests.builders import extract_lines

ITEMS_WITH_THEIR_DEDUCTION_BELOW = [
    "某計生局人口計劃生育目標考核辦法",
    "一、鎮鄉年度目標考核內容及辦法(100分)",
    "(一)黨政重視(10分)",
    "1.建立健全了各種機構和相關制度。",
    "每少一種機構或少一項制度的扣0.5分。",
    "2.鎮鄉人民政府年初有計劃生育等工作意見。",
    "每少出臺一種意見扣0.5分。",
    "3.人口目標全面完成。全年符合政策生育率達82%以上。",
    "符合政策生育率82%以下的記零分,并給予“一票否決”。",
    "(二)示範村建設(27分)",
    "1.計劃生育群眾自治(",
]


def test_items_with_their_deduction_on_the_line_below_are_deduction_only_clauses(tmp_path: Path):
    targets = extract_lines(tmp_path, ITEMS_WITH_THEIR_DEDUCTION_BELOW).targets
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("黨政重視", 10.0, 1, None), ("黨政重視", 10.0, 2, None), ("黨政重視", 10.0, 3, None)]
    assert targets[0].text.startswith("建立健全了各種機構和相關制度。")


LAST_OF_A_LIST_OVER_THE_NEXT_LISTS_LEAD = [
    "(一)宣传阵地建设(20分)",
    "有下列情形的,每项扣2分。",
    "(1)宣传栏板面、内容陈旧的;",
    "(2)台帐记录和装订不齐全、不规范的。",
    "有下列情形的,每项扣5分。",
    "(1)没有建立宣传工作队伍的;",
    "(2)没有交通安全宣传活动室的。",
    "(二)建立健全交通安全规章制度(10分)",
]


def test_last_item_of_a_list_over_the_next_lists_lead_is_no_deduction_item(tmp_path: Path):
    targets = extract_lines(tmp_path, LAST_OF_A_LIST_OVER_THE_NEXT_LISTS_LEAD).targets
    assert all(t.points is not None for t in targets)
