"""A 令 (an order) is numbered 第N号 (GB/T 9704-2012 10.2: 国务院令第708号, 河北省人民政府令〔2010〕第15号): its 第
is no 发文字号 slip. Found reading a province's 管理规定 from the pages corpus, warned 序号前不加“第”."""
from __future__ import annotations

from ingest.pipeline import process_file

ORDER = ["河北省人民政府", "河北省人工影响天气管理规定", "政府令〔2010〕第15号",
         "《河北省人工影响天气管理规定》已经2010年12月14日省政府第76次常务会议通过，现予公布。",
         "省长", "二○一○年十二月二十五日"]


def _doc_number_findings(tmp_path, lines: list[str]) -> list:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [f for f in process_file(path).findings if f.code == "doc_number_format"]


def test_an_order_numbered_with_di_is_no_doc_number_format_warning(tmp_path):
    assert _doc_number_findings(tmp_path, ORDER) == []


def test_a_notice_numbered_with_di_is_still_warned(tmp_path):
    lines = [line.replace("政府令〔2010〕第15号", "冀政〔2010〕第15号") for line in ORDER]
    found = _doc_number_findings(tmp_path, lines)
    assert [f.actual for f in found] == ["冀政〔2010〕第15号"]
    assert "序号前不加“第”" in found[0].message


def test_an_order_number_in_square_brackets_is_still_warned_for_its_brackets(tmp_path):
    lines = [line.replace("政府令〔2010〕第15号", "政府令[2010]第15号") for line in ORDER]
    found = _doc_number_findings(tmp_path, lines)
    assert len(found) == 1 and "六角括号" in found[0].message and "第" not in found[0].message.split("：")[1]
