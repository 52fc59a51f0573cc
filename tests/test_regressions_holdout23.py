"""Regressions from holdout23, on documents the tests build: a form a site wrote as bar rows holding one numbered
item each under a header row (items, not a table's rows)."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.targets import extract_targets
from parsers.readers.text_reader import read_text
from schemas.blocks import Paragraph, Table


def _read(tmp_path: Path, text: str):
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path, str(path), False)


FORM = """教师姓名:班级:
| 编号 | 总分值 | 具体评价项目及评价细则 | 奖励分值 | 得分 | ||||
| 100分 | 1、每学期初制定详细的班级工作计划并及时上报。(5分) 不按时上交每次扣0.5分。 | ||||||
| 2、认真做好对学生的家访工作,定期召开家长会。(5分) 缺一次扣0.5分。 | |||||||
| 3、主题班会内容记录详细、主题鲜明、针对性强。(8分)缺一次扣0.5分 | |||||||
| 4、班级常规管理。(40分)按每周班级管理考核评分为准。 | |||||||
"""


def test_bar_rows_holding_one_numbered_item_each_are_items_not_a_table(tmp_path):
    doc = _read(tmp_path, FORM)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts[-1] == "4、班级常规管理。(40分)按每周班级管理考核评分为准。"
    targets = extract_targets(doc, "d").targets
    assert [(t.seq, t.points) for t in targets] == [(1, 5.0), (2, 5.0), (3, 8.0), (4, 40.0)]
    assert targets[1].text.startswith("认真做好对学生的家访工作")


def test_a_pipe_table_whose_rows_fill_their_columns_stays_a_table(tmp_path):
    doc = _read(tmp_path, "| 序号 | 考核内容 | 分值 |\n| 1 | 制定年度工作计划并按时上报 | 5 |\n"
                          "| 2 | 认真做好家访工作定期召开家长会 | 5 |\n| 3 | 主题班会记录详细 | 8 |\n")
    assert any(isinstance(b, Table) for b in doc.blocks)
