"""holdout15 1502's shape: a web copy's site line (`某局 网址 发布时间:2023-10-13 19:49`) run on by the table's own
title line with no blank line between; the text reader joined them as one broken sentence. On documents the test
writes, with their own content."""
from __future__ import annotations

from pathlib import Path

from parsers.readers.text_reader import read_text
from schemas.blocks import Paragraph


def _paragraphs(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return [b.text for b in read_text(path, "t", False).blocks if isinstance(b, Paragraph)]


def test_title_under_a_site_published_line_stands_apart(tmp_path):
    """1502: `…发布时间:… 2023年项目支出绩效目标申报表` was one paragraph; the title line now stands apart."""
    text = ("某某县农业农村局2024年农机购置补贴项目支出绩效目标申报表\n"
            "某某县人民政府 www.example.gov.cn 发布时间:2024-03-02 10:15\n"
            "2024年项目支出绩效目标申报表\n")
    paragraphs = _paragraphs(tmp_path, text)
    assert paragraphs[1].endswith("10:15")
    assert paragraphs[2] == "2024年项目支出绩效目标申报表"


def test_title_under_a_source_line_stands_apart(tmp_path):
    text = "某某镇政府办公室关于印发工作方案的通知\n来源:某某镇人民政府办公室综合信息科\n某某镇2024年安全生产目标考核细则\n"
    assert _paragraphs(tmp_path, text)[-1] == "某某镇2024年安全生产目标考核细则"


def test_a_sentence_under_a_site_line_still_joins(tmp_path):
    """Only a title stands apart: a broken sentence's rest (marks, no kind at its end) joins as before."""
    text = ("某某县人民政府 www.example.gov.cn 发布时间:2024-03-02 10:15 为进一步做好全县农机购置补贴工作\n"
            "确保各项任务落到实处，现将有关事项通知如下。\n")
    assert len(_paragraphs(tmp_path, text)) == 1
