"""End to end on the samples: one notice in three formats must give the same records."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import pytest

from ingest.pipeline import process_file
from tests.conftest import SAMPLES

NOTICE_FORMATS = ["md", "docx", "pdf"]
TABLE_FORMATS = ["txt", "docx", "pdf"]


@lru_cache(maxsize=None)
def _extract(name: str):
    return process_file(SAMPLES / name)


def _scored(result):
    return [t for t in result.targets if t.points is not None]


def _key(t):
    return (t.unit, t.section, t.section_points, t.seq, t.points, re.sub(r"\s", "", t.text))


@pytest.mark.parametrize("fmt", NOTICE_FORMATS)
def test_notice_units_and_clauses(fmt):
    result = _extract(f"sanmenxia_2020_targets.{fmt}")
    assert result.info.status == "ok"
    scored = _scored(result)
    assert len(scored) == 816
    assert len({t.unit for t in scored}) == 72
    assert result.info.n_units == 72
    first = scored[0]
    assert (first.unit, first.section, first.seq, first.points) == ("义马市", None, 1, 60.0)
    assert first.text == "生产总值、人均地区生产总值、全员劳动生产率增速高于全省平均水平"
    assert first.unit_group == "各县（市、区）责任目标"


@pytest.mark.parametrize("fmt", NOTICE_FORMATS)
def test_notice_sections_and_spot_values(fmt):
    scored = _scored(_extract(f"sanmenxia_2020_targets.{fmt}"))
    by_unit: dict[str, list] = {}
    for t in scored:
        by_unit.setdefault(t.unit, []).append(t)
    # A department with 重点目标/一般目标 sections, numbering running on across them.
    dept = by_unit["市发展和改革委员会"]
    assert [(t.section, t.section_points) for t in dept[:1] + dept[-1:]] == [("重点目标", 500.0), ("一般目标", 200.0)]
    assert [t.seq for t in dept] == list(range(1, len(dept) + 1))
    # The notice's own error is kept as written: 300 declared, clauses add up to 500.
    housing = [t for t in by_unit["市住房和城乡建设局"] if t.section == "重点目标"]
    assert housing[0].section_points == 300.0 and sum(t.points for t in housing) == 500.0
    # A clause broken across a page in the PDF and across blank lines in the markdown.
    audit = by_unit["市审计局"]
    assert (audit[1].seq, audit[1].points) == (2, 200.0)
    assert audit[1].text == "开展本级财政预算执行审计和财政决算审计9个"
    assert sum(t.points for t in by_unit["义马市"]) == 700.0
    assert all(t.unit_group for t in scored)
    # Subscripts stay in the clause.
    assert any("PM10及PM2.5浓度削减率目标" in t.text for t in by_unit["义马市"])


def test_notice_formats_agree():
    keys = {fmt: [_key(t) for t in _scored(_extract(f"sanmenxia_2020_targets.{fmt}"))] for fmt in NOTICE_FORMATS}
    assert keys["md"] == keys["docx"] == keys["pdf"]


@pytest.mark.parametrize("fmt", NOTICE_FORMATS)
def test_notice_jurisdiction_list_and_metadata(fmt):
    result = _extract(f"sanmenxia_2020_targets.{fmt}")
    own = [t for t in result.targets if t.scope == "jurisdiction"]
    assert len(own) == 20 and all(t.points is None for t in own)
    assert own[-1].text == "城镇新增就业3.8万人" and own[-1].unit == "三门峡市"
    info = result.info
    assert info.issuer == "三门峡市人民政府"
    assert (info.doc_number, info.doc_number_raw.replace(" ", "")) == ("三政〔2020〕9号", "三政〔2020〕9号")
    assert info.title == "三门峡市人民政府关于印发2020年度经济社会发展目标的通知"
    assert info.issued_on == dt.date(2020, 8, 22)
    assert info.recipients == "各县（市、区）人民政府，城乡一体化示范区、开发区管理委员会，市人民政府各部门"
    assert info.cc == "市委各部门，军分区，部、省属有关单位。市人大常委会办公室，市政协办公室，市法院，市检察院。"
    assert (info.printer, info.printed_on) == ("三门峡市人民政府办公室", dt.date(2020, 8, 22))
    assert info.unit_total_declared == 700.0


def test_pdf_provenance_points_at_pages():
    scored = _scored(_extract("sanmenxia_2020_targets.pdf"))
    assert scored[0].page == 4 and scored[0].line == 3
    assert scored[-1].page == 76
    assert all(t.page and t.line for t in scored)


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_decomposition_tables(fmt):
    result = _extract(f"jiayuguan_2022q2_decomposition.{fmt}")
    assert result.info.status == "ok"
    rows = result.indicators
    assert [sum(1 for r in rows if r.table_index == i) for i in (1, 2)] == [31, 35]
    first, eighth, last = rows[0], rows[7], rows[30]
    assert (first.attachment, first.table_title) == ("附件1", "二季度高质量发展工作指标任务分解表")
    assert (first.row_no, first.category, first.indicator, first.weight) == ("1", "主要经济指标", "招商引资成效", 7.0)
    assert first.units == ["市招商引资服务中心"] and first.leaders == ["何正义"]
    assert first.status == "一季度得6.31分，全省排名第3位。"
    assert eighth.category == "主要经济指标"  # merged in docx/pdf, filled down in text
    assert eighth.units == ["市发展和改革委员会", "市中级人民法院", "市城区人民法院"]
    assert eighth.leaders == ["何正义", "景涛"]
    assert (last.category, last.weight) == ("减分项", None)
    assert rows[5].units == ["市财政局", "市发展和改革委员会"] and rows[5].leaders == ["赵宝毅", "何正义"]
    second = [r for r in rows if r.table_index == 2]
    assert (second[0].attachment, second[0].indicator, second[0].target) == ("附件2", "GDP", "7.0")
    assert [(r.row_no, r.row_kind) for r in second[1:3]] == [("一、", "group"), ("二、", "group")]
    assert second[3].units == ["工信局", "国资委"]


def test_decomposition_row_split_by_page_break_is_one_row():
    rows = _extract("jiayuguan_2022q2_decomposition.pdf").indicators
    fifth = rows[4]
    assert fifth.page == 1
    assert fifth.status == "一季度得1.8分，全省排名第13位。"
    assert fifth.target.endswith("综合评价得1.9分以上，全省排名前10位。")
    assert rows[5].row_no == "6" and rows[5].page == 2


def test_decomposition_formats_agree_on_values():
    def key(r):
        return (r.row_no, r.category, r.indicator, r.weight, r.status, r.target, r.leaders)
    keys = {fmt: [key(r) for r in _extract(f"jiayuguan_2022q2_decomposition.{fmt}").indicators] for fmt in TABLE_FORMATS}
    assert keys["txt"] == keys["docx"] == keys["pdf"]
