"""A document site's break marks in copied text (a Cyrillic `Р` where the original broke a line or a cell) are the
line breaks they stand for; a Russian word keeps its letters (holdout19 1904: the whole text was one line, and its
clauses one paragraph with a false missing_points)."""
from __future__ import annotations

from parsers.formats import read
from schemas.blocks import Paragraph
from tests.builders import write_text


def paragraphs(tmp_path, text: str) -> list[str]:
    path = write_text(tmp_path / "t.txt", text)
    return [b.text for b in read(path, str(path)).blocks if isinstance(b, Paragraph)]


def test_site_break_marks_are_line_breaks(tmp_path):
    text = ("(二)开展慢性病防控社会因素调查。(15分)Р1.辖区每5年开展一次调查。Р(1)综合运用社会学方法开展调查;Р"
            "(2)报告信息来源权威、准确;Р(3)报告调查结果清晰;Р区政府、卫生Р")
    assert paragraphs(tmp_path, text)[:3] == ["(二)开展慢性病防控社会因素调查。(15分)", "1.辖区每5年开展一次调查。",
                                              "(1)综合运用社会学方法开展调查;"]


def test_a_few_marks_or_russian_words_are_left_alone(tmp_path):
    russian = "中俄合作项目(Россия)Р甲Р乙Р丙Р丁Р戊"
    assert paragraphs(tmp_path, russian) == [russian]
    few = "第一Р第二"
    assert paragraphs(tmp_path, few) == [few]
