"""A web text's first line naming the document's kind (holdout15 1502, holdout25 2504: `…考核方案`, `…申报表`) was
joined to the line after it (both long, no punctuation between them), so the title and the text under it made one
paragraph the head's reader had to cut apart; on documents the test writes, with their own content."""
from __future__ import annotations

from pathlib import Path

from parsers.readers.text_reader import read_text
from schemas.blocks import Paragraph


def _paragraphs(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return [b.text for b in read_text(path, "t", False).blocks if isinstance(b, Paragraph)]


def test_first_line_naming_a_kind_is_a_paragraph_of_its_own(tmp_path):
    text = "某镇2024年第一季度镇对村考核方案\n2024年第一季度镇对村考核分为党的建设、社会治理两部分,总分100分。\n"
    assert _paragraphs(tmp_path, text) == [
        "某镇2024年第一季度镇对村考核方案", "2024年第一季度镇对村考核分为党的建设、社会治理两部分,总分100分。"]


def test_first_line_of_a_table_title_stands_apart_from_the_site_line(tmp_path):
    text = "某某中心2024年道路清扫保洁服务项目支出绩效目标申报表\n某市城市管理局 example.gov.cn 发布时间:2024-01-02\n"
    assert _paragraphs(tmp_path, text)[0] == "某某中心2024年道路清扫保洁服务项目支出绩效目标申报表"


def test_a_broken_first_sentence_is_still_joined(tmp_path):
    """A first line that names no kind at its end is a sentence a wrap cut: joined as before."""
    text = "为进一步做好全镇防汛抗旱工作并切实落实各项\n责任措施,特制定本办法,请各村认真执行。\n"
    assert _paragraphs(tmp_path, text) == ["为进一步做好全镇防汛抗旱工作并切实落实各项责任措施,特制定本办法,请各村认真执行。"]


def test_only_the_first_line_is_held_apart(tmp_path):
    """A kind-named line further down (a table's caption over its sub-title) is left as the joining rules read it."""
    text = ("某县考核细则。\n\n附录说明如下所列的各项工作考核评分表\n考核时间按年度分别计算并汇总上报备查。\n")
    assert _paragraphs(tmp_path, text)[-1] == "附录说明如下所列的各项工作考核评分表考核时间按年度分别计算并汇总上报备查。"


def test_a_lead_in_under_the_title_stays_apart_too(tmp_path):
    """A line ending in a colon under the title (a lead-in over its list) no longer joins it: the notice reader takes
    a heading naming a document's kind for no unit (tests/extract/test_notice_not40.py), so the reader needs no
    exception for it."""
    text = "某市城区规范化社区建设考评细则\n申请规范化社区考评必须具备以下条件:\n"
    assert _paragraphs(tmp_path, text) == ["某市城区规范化社区建设考评细则", "申请规范化社区考评必须具备以下条件:"]
