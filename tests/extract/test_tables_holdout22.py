"""Table shapes the twenty-second held-out set showed (tests/data/holdout22/SOURCES.md, "Measured unseen"), each built
here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


# One cell a line, each closed by its `|`, the rows NOT parted by bare `|` lines (every row written in full): the
# header (序号 / 项目分类 / 得分), numbered rows, a total row, then a bare `|` and another table's broken header.
NUMBERED_RUN = """评定标准说明
目 录
序号 |
项 目 分 类 |
得分 |
1 |
组织机构建设 |
40 |
2 |
经费保障落实 |
35 |
3 |
群众满意程度 |
25 |
合计 |
100 |
|
得分 |
检查得分 |
"""


def test_closed_cells_of_full_rows_without_bare_pipes_are_read_by_their_numbers(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", NUMBERED_RUN))
    assert [(r.row_no, r.indicator, r.weight) for r in _items(result)] == [
        ("1", "组织机构建设", 40.0), ("2", "经费保障落实", 35.0), ("3", "群众满意程度", 25.0)]
    totals = [r for r in result.indicators if r.row_kind == "total"]
    assert [(r.indicator, r.weight) for r in totals] == [("合计", 100.0)]
    assert not [f for f in result.findings if f.severity == "error"]


def test_closed_cells_whose_numbers_break_off_stay_text(tmp_path):
    broken = NUMBERED_RUN.replace("2 |\n经费保障落实 |", "经费保障落实 |\n5 |")
    result = process_file(write_text(tmp_path / "t.txt", broken))
    assert not _items(result)


# One row a line, cells parted by single spaces, no 序号; a number's qualifier written apart (`90 以上`); group headings
# with their points (`一、设施建设 45`); the table cut inside the next group's heading.
SPACED_LINES = """考评体系(试行)
指标名称 单位 标准 分值 计分办法
一、设施建设 45
1、文化站覆盖率 % 90 以上 25 按比例计分
2、公共厕所达标率 % 80 20 按比例计分
二、服务提
"""


def test_space_parted_rows_under_a_header_line_of_column_words(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", SPACED_LINES))
    assert [(r.indicator, r.weight, r.criteria) for r in _items(result)] == [
        ("1、文化站覆盖率", 25.0, "90以上"), ("2、公共厕所达标率", 20.0, "80")]
    assert all(r.units == [] for r in _items(result))


def test_space_parted_rows_with_a_cell_too_many_stay_text(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", SPACED_LINES.replace("% 80 20", "% 80 20 注")))
    assert not _items(result)  # one row left: no table


# One cell a line with blank lines; the header word `考核责任单位` broken over two lines; each row's name closed by its
# own points, its two cells after it; the 序号, 条线 and the two assessing departments (one a line) written once before
# the first row they are merged over.
POINTS_IN_NAMES = """三、条线工作考核细则

序号

条线工作

考核责任

单位

考核项目

考核指标、要求

考核赋分办法

1

农村公路养护管理

市交通局

市公路段

日常养护工作(40分)

列养公路优良路率达到85%。

按季度检查排名赋分,第一名得40分,名次每减1位减2分。

路域环境整治(30分)

公路沿线无违章建筑、无堆积物。

发现一处扣2分,扣完为止。

安全隐患排查(30分)

完成年度危桥改造任务。

未完成的不得分。
"""


def test_rows_named_with_their_points_under_cells_merged_before_them(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", POINTS_IN_NAMES))
    items = _items(result)
    assert [(r.row_no, r.category, r.indicator, r.weight) for r in items] == [
        ("1", "农村公路养护管理", "日常养护工作(40分)", None),  # points in the name weigh no item row
        ("1", "农村公路养护管理", "路域环境整治(30分)", None),
        ("1", "农村公路养护管理", "安全隐患排查(30分)", None)]
    assert all(r.assessors == ["市交通局", "市公路段"] and r.units == [] for r in items)
    assert [r.criteria for r in items][1] == "发现一处扣2分,扣完为止。"


def test_names_without_their_points_stay_text(tmp_path):
    plain = POINTS_IN_NAMES.replace("(40分)", "").replace("(30分)", "")
    assert not _items(process_file(write_text(tmp_path / "t.txt", plain)))


# Each cell on lines of its own, closed by a line `|`, no row marks; a total row first; merged cells not written, so
# rows have 7, 6 or 3 cells; the name (`评价内容`) merged over a sub-row, right of a coarser merged `考核指标`.
_SEPARATED = ["考核指标", "评价内容", "评价标准", "计分条件", "计分分值", "数据来源", "考核部门",
              "合计", "9项", "-", "-", "100", "-", "-",
              "1.基础设施建设", "(1)道路硬化率(%)", "硬化里程÷总里程×100%。", "达到95%计满分;每低1个百分点扣1分。", "20",
              "交通统计年报", "县交通局",
              "(2)供水保障", "自来水入户率达标。\n入户率=入户数÷总户数×100%。", "入户率100%计满分;每低1个百分点扣1分。", "10",
              "部门考核结果", "县水利局",
              "(3)电网改造", "改造任务完成率。", "完成率100%计满分。", "6", "部门考核结果", "县供电公司",
              "改造后电压合格率。", "合格率达标计满分。", "4",
              "(4)网络覆盖", "行政村光纤覆盖率。", "覆盖率100%计满分", "8", "部门考核结果", "县工信局",
              "自然村4G覆盖率。", "覆盖率"]
SEPARATED = "\n|\n".join(_SEPARATED)


def test_separated_cells_of_rows_of_several_widths_are_read_by_their_weights(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", SEPARATED))
    assert [(r.category, r.indicator, r.weight) for r in _items(result)] == [
        ("1.基础设施建设", "(1)道路硬化率(%)", 20.0), ("1.基础设施建设", "(2)供水保障", 10.0),
        ("1.基础设施建设", "(3)电网改造", 6.0), ("1.基础设施建设", "(3)电网改造", 4.0),
        ("1.基础设施建设", "(4)网络覆盖", 8.0)]  # the last sub-row, cut before its points, is no row
    assert [r.criteria for r in _items(result)][3] == "改造后电压合格率。"  # 计分条件 is no weight column
    assert all(r.units == [] for r in _items(result))  # 考核部门: the assessing departments
    assert [(r.indicator, r.weight) for r in result.indicators if r.row_kind == "total"] == [("9项", 100.0)]


# `|` rows a copying site glossed with pinyin after some characters (`項(xiàng)目`), required fields marked `*`.
GLOSSED = """考核評(píng)分表
序號(hào) | 考核項(xiàng)目 | *分值 | 評(píng)分標(biāo)準(zhǔn) |
1 | 制度建設(shè) | 10 | 未建立的不得分 |
2 | 檔案管理(lǐ) | 20 | 缺一項(xiàng)扣2分 |
3 | 信息報(bào)送 | 15 | 遲報(bào)一次扣1分 |
"""


def test_pinyin_glosses_and_required_marks_are_no_part_of_headers_or_cells(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", GLOSSED))
    assert [(r.row_no, r.indicator, r.weight) for r in _items(result)] == [
        ("1", "制度建設", 10.0), ("2", "檔案管理", 20.0), ("3", "信息報送", 15.0)]
    assert _items(result)[1].criteria == "缺一項扣2分"


def test_a_bracketed_unit_of_latin_letters_is_no_gloss():
    from parsers.readers.line_tables import without_glosses

    assert without_glosses("道路里程(km)") == "道路里程(km)"
    assert without_glosses("指標(biāo)值") == "指標值"


# A 绩效目标表 in `|` rows: levels of indicators, no weight and no responsible party; the 一级指标 merged (not written
# below its first row) and the empty cells gathered at the line's end.
LEVELS = """整体绩效目标表
一级指标 | 二级指标 | 三级指标 | 指标值 | 评分标准 | 备注 |
产出指标 | 数量指标 | 培训人次 | 300人次 | 未达指标值酌情扣分 | |
质量指标 | 培训合格率 | 95% | 未达指标值酌情扣分 | ||
时效指标 | 完成及时率 | 100% | 未达指标值酌情扣分 | ||
"""


def test_a_levels_header_with_no_weight_is_a_table_its_merged_level_carried(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", LEVELS))
    assert [(r.category, r.indicator, r.target) for r in _items(result)] == [
        ("产出指标", "培训人次", "300人次"), ("产出指标", "培训合格率", "95%"), ("产出指标", "完成及时率", "100%")]
