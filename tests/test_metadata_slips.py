"""Slips in a notice's GB/T 9704 metadata, planted in a Word notice built here: each found once, at the
paragraph a drafter fixes. A day the calendar lacks (3月35日), a 印发 date before the 成文 date, a 发文字号
in square brackets; and lines read as metadata (number, title, 主送, 抄送, 印发) are not reported again as
text nothing claimed."""
from __future__ import annotations

from collections import Counter

from ingest.pipeline import process_file
from parsers.extract.metadata_lines import metadata_lines
from parsers.formats import read
from tests.builders import paged_docx

HEAD = ["青州县人民政府文件", "青政[2024]7号", "青州县人民政府关于印发2024年度乡镇目标责任考核办法的通知",
        "各乡镇人民政府，县直各部门：", "现将《2024年度乡镇目标责任考核办法》印发给你们，请认真贯彻执行。"]
BODY = ["一、考核内容（100分）", "（一）经济发展（60分）", "1.地区生产总值增长6%以上（30分）；",
        "2.固定资产投资增长8%（30分）；", "（二）社会事业（40分）", "1.城镇新增就业1200人（20分）；",
        "2.义务教育巩固率达到96%（20分）。", "二、考核方式", "考核采取年终集中考核方式进行。"]


def notice(tmp_path, date: str = "2024年3月5日", printed: str = "2024年3月5日"):
    lines = HEAD + BODY + ["青州县人民政府", date, "抄送：县委办公室，县人大常委会办公室。",
                           f"青州县人民政府办公室          {printed}印发"]
    path = paged_docx(tmp_path / "notice.docx", lines)
    return path, lines


def codes(result) -> Counter:
    return Counter(f.code for f in result.findings)


def test_a_day_the_calendar_lacks_is_one_error_at_its_line_not_a_missing_date(tmp_path):
    path, lines = notice(tmp_path, date="2024年3月35日")
    result = process_file(path)
    wrong = [f for f in result.findings if f.code == "invalid_date"]
    assert [(f.line, f.actual) for f in wrong] == [(lines.index("2024年3月35日") + 1, "2024年3月35日")]
    assert "3月没有35日" in wrong[0].message
    assert not any(f.code == "missing_metadata" and "成文日期" in f.message for f in result.findings)


def test_a_month_the_calendar_lacks_is_named(tmp_path):
    path, _ = notice(tmp_path, date="2024年13月5日")
    assert any("没有13月" in f.message for f in process_file(path).findings if f.code == "invalid_date")


def test_a_valid_date_is_no_finding_and_the_date_is_read(tmp_path):
    path, _ = notice(tmp_path)
    result = process_file(path)
    assert result.info.issued_on.isoformat() == "2024-03-05"
    assert not {"invalid_date", "printed_before_issued", "missing_metadata"} & set(codes(result))


def test_printed_before_it_was_dated_is_a_warning_at_the_printed_line(tmp_path):
    path, lines = notice(tmp_path, printed="2024年3月1日")
    found = [f for f in process_file(path).findings if f.code == "printed_before_issued"]
    assert [(f.line, f.expected, f.actual) for f in found] == [(len(lines), "2024年3月5日", "2024年3月1日")]


def test_doc_number_finding_points_at_its_line(tmp_path):
    path, lines = notice(tmp_path)
    found = [f for f in process_file(path).findings if f.code == "doc_number_format"]
    assert [(f.line, f.actual) for f in found] == [(lines.index("青政[2024]7号") + 1, "青政[2024]7号")]


def test_lines_read_as_metadata_are_not_reported_as_unparsed_text(tmp_path):
    path, lines = notice(tmp_path)
    result = process_file(path)
    unparsed = {f.line for f in result.findings if f.code == "unparsed_text"}
    metadata = [lines.index(t) + 1 for t in (HEAD[1], HEAD[2], HEAD[3])] + [len(lines) - 1, len(lines)]
    assert not unparsed & set(metadata)
    # prose that is neither metadata nor a clause is still reported
    assert lines.index("考核采取年终集中考核方式进行。") + 1 in unparsed


def test_metadata_lines_name_their_fields(tmp_path):
    path, lines = notice(tmp_path)
    result = process_file(path)
    fields = {m.field: m.line for m in metadata_lines(read(path, str(path)), result.info)}
    assert fields == {"issuer": 1, "doc_number": 2, "title": 3, "recipients": 4, "issued_on": len(lines) - 2,
                      "cc": len(lines) - 1, "printed": len(lines)}


def test_a_title_set_over_two_lines_is_both_lines(tmp_path):
    lines = ["青政〔2024〕7号", "青州县人民政府", "关于印发2024年度乡镇目标责任考核办法的通知", "各乡镇人民政府：",
             *BODY, "2024年3月5日"]
    path = paged_docx(tmp_path / "two.docx", lines)
    result = process_file(path)
    assert result.info.title == "青州县人民政府关于印发2024年度乡镇目标责任考核办法的通知"
    titled = [m.line for m in metadata_lines(read(path, str(path)), result.info) if m.field == "title"]
    assert titled == [2, 3]


def test_a_date_with_leading_zeros_is_a_format_warning(tmp_path):
    path, lines = notice(tmp_path, date="2024年03月05日", printed="2024年3月5日")
    found = [f for f in process_file(path).findings if f.code == "date_format"]
    assert [(f.line, f.actual, f.expected) for f in found] == [(len(lines) - 2, "2024年03月05日", "2024年3月5日")]
    assert "不编虚位" in found[0].message


def test_a_date_in_chinese_numerals_is_a_format_warning_only_after_the_2012_edition(tmp_path):
    path, _ = notice(tmp_path, date="二〇二四年三月五日")
    assert [f.code for f in process_file(path).findings if f.code == "date_format"] == ["date_format"]
    old, _ = notice(tmp_path, date="二〇一一年三月五日", printed="2011年3月5日")
    assert not [f for f in process_file(old).findings if f.code == "date_format"]


def test_last_years_doc_number_is_a_warning_at_its_line(tmp_path):
    path, lines = notice(tmp_path, date="2025年3月5日", printed="2025年3月5日")
    found = [f for f in process_file(path).findings if f.code == "doc_number_year"]
    assert [(f.line, f.actual) for f in found] == [(2, "青政[2024]7号")]
    assert "2024年" in found[0].message and "2025年3月5日" in found[0].message
