"""An excerpt cut inside its last item, before the item's rule (`2、未完成月编采及生产经营任务,一项`), in a list whose other
items only deduct: the item is still its list's (points null, as theirs); it had been dropped as a cut clause that
lost its worth. A rule cut under a scored item (`7.…(100分)` over `(1)…扣30分;…(4)施工场地`) is still no item."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text
from tests.conftest import ROOT


def test_cut_item_of_a_deduction_list_is_kept(tmp_path):
    text = ("党支部工作考核细则\n一、基础管理(40分)\n1、每季度召开一次党支部会议,每缺一次扣2分。\n2、支部工作制度不健全,扣5分。\n"
            "二、生产经营(60分)\n1、生产安全设施有隐患,一项扣1分。\n2、未完成月度生产经营任务,一项")
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [(t.section, t.seq, t.points) for t in result.targets][-2:] == [("生产经营", 1, None), ("生产经营", 2, None)]
    assert result.targets[-1].text == "未完成月度生产经营任务,一项"


def test_rule_cut_under_a_scored_item_is_no_item(tmp_path):
    text = ("门前三包考核标准\n一、包卫生整洁(200分)\n1.确保责任区内干净整洁。(100分)\n(1)有乱扔烟头现象的,扣20分;\n"
            "2.施工现场应保持清洁、美观。(100分)\n(1)施工现场不清洁,扣30分;\n(2)设置围档高度低于1.8米,扣20分;\n(3)施工场地")
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [(t.seq, t.points) for t in result.targets] == [(1, 100.0), (2, 100.0)]


def test_holdout40_4002_reads_its_last_item():
    path = next((ROOT / "tests/data/holdout40").glob("4002_*.txt"))
    last = process_file(path).targets[-1]
    assert (last.section, last.seq, last.text) == ("生产经营", 2, "未完成月编采及生产经营任务,一项")
