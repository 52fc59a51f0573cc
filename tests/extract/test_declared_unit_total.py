"""A per-unit total declared in the notice's opening (`…下达给你们，每个县100分。`, `各县满分均为100分`) is a total, not a
clause worth 100: over scored unit headings it had been read as a clause of no unit (one row too many in every such
notice, as .txt, .docx and .pdf). A worth per piece (`每个项目5分`) is still a worth."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.extract.points import read_points
from tests.builders import write_text


def test_per_unit_totals_are_totals():
    for text in ("现将2024年度目标任务下达给你们，每个县100分。", "每个乡镇满分100分。", "现将目标任务下达给你们，各县满分均为100分。"):
        reading = read_points(text)
        assert (reading.points, reading.total) == (None, 100.0), text
    assert read_points("引进项目，每个项目5分").points == 5.0


def test_declared_total_over_scored_unit_headings_is_no_clause(tmp_path):
    text = ("某市人民政府关于下达2024年度目标任务的通知\n各县人民政府：\n现将2024年度目标任务下达给你们，每个县100分。\n"
            "一、甲县（100分）\n1.任务一（60分）；\n2.任务二（40分）；\n二、乙县（100分）\n1.任务一（60分）；\n2.任务二（40分）；\n")
    result = process_file(write_text(tmp_path / "n.txt", text))
    assert [(t.unit, t.seq, t.points) for t in result.targets] == [
        ("甲县", 1, 60.0), ("甲县", 2, 40.0), ("乙县", 1, 60.0), ("乙县", 2, 40.0)]
