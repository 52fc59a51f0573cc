"""Text-table shapes holdout37 brought (regression tests named for what broke, on documents the tests write)."""
from __future__ import annotations

from pathlib import Path

from parsers.readers.text_reader import read_text
from schemas.blocks import Table


def _tables(tmp_path: Path, text: str) -> list[Table]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return [b for b in read_text(path, "t", False).blocks if isinstance(b, Table)]


LEAD_PIPE_FORM = "\n".join([
    "安全责任落实", "|", "项 目", "| 考核要求", "| 检查内容及评分办法", "| 考评得分", "|",
    "一、落实安全生产责任", "(12分)",
    "| (一)年初召开专题会议部署全年安全生产工作。(4分)",
    "| 1.召开专题会议;2分(查看会议纪要)", "|", "|", "|",
    "2.印发年度工作要点。2分(查看文件)", "|", "|",
    "(二)层层签订安全生产责任书,签订率达到100%。(8分)",
    "| 1.与下属单位签订责任书;4分(查看责任书)", "|", "|", "|",
    "2.开展年度考核。4分(查看考核记录)", "|", "|", "|",
    "二、隐患排查治理(10分)",
    "| (三)建立隐患排查台账,按期整改到位。(10分)",
    "| 按整改完成率计分,每降低1个百分点扣0.5分。", "|", "|", "",
]) + "\n"


def test_lead_pipe_form_keeps_later_group_heading_under_group_column(tmp_path):
    """3702: a later group's short row (`二、…` / `| (三)…` / `| rule`) was placed one column right, its group heading
    read as the item: `二、` and `(一)` were the same kind (numbered), so the tie put the gap leftmost."""
    table = next(t for t in _tables(tmp_path, LEAD_PIPE_FORM) if t.rows[0].cells[0] == "项目")
    openings = [r.cells for r in table.rows[1:] if r.cells[0]]
    assert [c[0][:2] for c in openings] == ["一、", "二、"]
    assert openings[-1][1].startswith("(三)建立隐患排查台账")
