"""Indicator rows from tables built inline."""
from __future__ import annotations

import json

import pytest

from parsers.extract.headers import map_header
from parsers.extract.tables import extract_indicators
from schemas.blocks import Document, Paragraph, Provenance, Table, TableRow


def _table(rows, resolved=True):
    return Table([TableRow(list(r), Provenance("t", None, i + 1)) for i, r in enumerate(rows)],
                 Provenance("t", None, 1), merges_resolved=resolved)


def _doc(*blocks):
    return Document("t", "txt", list(blocks))


@pytest.mark.parametrize("header,expected", [
    (["序号", "指标\n分类", "评价指标", "指标\n权重", "完成情况", "目标任务", "责任单位", "责任\n领导"],
     ["row_no", "category", "indicator", "weight", "status", "target", "units", "leaders"]),
    (["序号", "考核项目", "各项分值", "考核内容", "评分标准", "说明"],
     ["row_no", "indicator", "weight", "target", "criteria", "note"]),
    (["编号", "类别", "指标名称", "分值", "考核指标", "牵头单位", "分管领导", "备注"],
     ["row_no", "category", "indicator", "weight", "target", "units", "leaders", "note"]),
    (["序号", "2022年二季度目标（%）", "管理部门"], ["row_no", "target", "units"]),
])
def test_header_synonyms(header, expected):
    assert list(map_header(header).values()) == expected


def test_lists_leaders_and_unknown_columns():
    rows = extract_indicators(_doc(
        Paragraph("附件3：重点工作分解表", Provenance("t", None, 1)),
        _table([["序号", "评价指标", "权重", "责任单位", "责任领导", "配合事项"],
                ["1", "招商引资", "7分", "市商务局、市财政局", "景  涛\n何正义", "按月报送"]])), "d")
    (row,) = rows
    assert (row.attachment, row.table_title) == ("附件3", "重点工作分解表")
    assert (row.weight, row.weight_raw) == (7.0, "7分")
    assert row.units == ["市商务局", "市财政局"]
    assert row.leaders == ["景涛", "何正义"]
    assert json.loads(row.extra) == {"配合事项": "按月报送"}


def test_wrapped_unit_names_rejoin():
    (row,) = extract_indicators(_doc(_table([["序号", "指标", "责任单位"],
                                             ["1", "x", "市招商引资服务\n中心\n市发展改革委"]])), "d")
    assert row.units == ["市招商引资服务中心", "市发展改革委"]


def test_text_input_fills_down_grouping_columns_only():
    rows = extract_indicators(_doc(_table([
        ["序号", "指标分类", "评价指标", "责任单位"],
        ["1", "经济", "甲", "市商务局"],
        ["2", "", "乙", ""],
    ], resolved=False)), "d")
    assert [(r.category, r.units) for r in rows] == [("经济", ["市商务局"]), ("经济", [])]


def test_blank_header_column_of_names_is_the_indicator_and_of_units_the_units():
    rows = extract_indicators(_doc(_table([
        ["序号", "", "目标（%）", ""],
        ["一、", "第一产业", "7.0", "县农粮局"],
        ["1", "规上工业", "8.0", "县工信局"],
    ])), "d")
    assert [(r.row_no, r.row_kind, r.indicator, r.target, r.units) for r in rows] == [
        ("一、", "group", "第一产业", "7.0", ["县农粮局"]), ("1", "item", "规上工业", "8.0", ["县工信局"])]


def test_total_row_and_tables_without_header_are_skipped():
    rows = extract_indicators(_doc(
        _table([["甲", "乙"], ["丙", "丁"]]),
        _table([["序号", "考核项目", "各项分值"], ["", "总分", "100"], ["1", "组织领导", "8"]]),
    ), "d")
    assert [(r.table_index, r.row_kind, r.weight) for r in rows] == [(2, "total", 100.0), (2, "item", 8.0)]


def test_a_bracketed_note_wrapped_onto_its_own_line_stays_with_the_unit_before_it():
    # A narrow 责任单位 column in a browser-printed PDF (renderings --web, 704): one unit a line, and a unit's
    # note broken before its bracket; the note was joined to the next unit instead.
    from parsers.extract.table_parties import split_units as _split_units

    cell = "区科技局\n区商务局\n(区药发\n中心)\n谯城经开\n区管委会\n区药投公\n司"
    assert _split_units(cell) == ["区科技局", "区商务局(区药发中心)", "谯城经开区管委会", "区药投公司"]
    assert _split_units("县发改委\n（牵头）\n县财政局") == ["县发改委（牵头）", "县财政局"]


def test_an_organisation_word_a_narrow_column_wrapped_after_a_place_stays_with_it():
    # holdout10 1004 printed by Chromium: `区科技工业区` / `管委会` (a place, then only an organisation word) read as
    # two units; a unit after a unit (`区城管局` / `街道`) stays two.
    from parsers.extract.table_parties import split_units as _split_units

    assert _split_units("区治水办\n区科技工业区\n管委会\n各街道") == ["区治水办", "区科技工业区管委会", "各街道"]
    assert _split_units("区城管局\n街道") == ["区城管局", "街道"]


def test_a_name_begun_after_a_separator_and_wrapped_stays_a_name_of_its_own():
    # renderings, 1301 as a LibreOffice PDF: `市科技局、市财政局、市` / `科协` in a narrow column; the short `市科协` left at
    # the end was taken for a wrapped tail of the name above (`市财政局市科协`). It began after a `、`: a name of its own.
    from parsers.extract.table_parties import split_units as _split_units

    assert _split_units("市科技局、市财政局、市\n科协") == ["市科技局", "市财政局", "市科协"]
    assert _split_units("市招商引资服务\n中心") == ["市招商引资服务中心"]  # a tail the cell wrapped still joins


def test_a_leaders_name_a_narrow_column_wrapped_stays_one_name():
    # renderings, 1501 as a LibreOffice PDF: `徐国` / `江` in the 分管领导 column read as two leaders. One character alone
    # after a line break is no name (they have two to four): it ends the name above.
    from parsers.extract.table_parties import split_leaders as _split_leaders

    assert _split_leaders("徐国\n江") == ["徐国江"]
    assert _split_leaders("张三\n李四") == ["张三", "李四"]
    assert _split_leaders("陆 明俞 悦") == ["陆明", "俞悦"]
