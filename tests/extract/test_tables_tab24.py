"""Table shapes the weak table sets (holdout15/17/19/20) still failed on, and those of the twenty-fourth held-out set
(tests/data/holdout24/SOURCES.md), each built here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _table_rows(path) -> list[list[str]]:
    from parsers.formats import read
    from schemas.blocks import Table

    doc = read(path, path.name)
    return [r.cells for r in next(b for b in doc.blocks if isinstance(b, Table)).rows]


# A 绩效目标表 as `|` rows: the merged 一级 (and 二级) cells left unwritten, every empty cell (a missing 计量单位, the
# 备注) gathered as bars at the line's end, so a row's cells cannot be placed by their count (2004's layout).
LEVELS_FORM = """| 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 | 评分标准 | 备注 |
| 产出指标 | 数量指标 | 培训场次 | 定量 | 12 | 场 | 未达标酌情扣分 | |
| 质量指标 | 培训合格率 | 定量 | 95 | % | 未达标酌情扣分 | ||
| 时效指标 | 完成时间 | 定量 | 年底前 | 未达标酌情扣分 | |||
| 成本指标 | 人均培训成本 | 定量 | 300 | 元 | 未达标酌情扣分 | ||
| 效益指标 | 经济效益指标 | 未达标酌情扣分 | |||||
| 社会效益指标 | 群众知晓率 | 定性 | 明显提高 | % | 未达标酌情扣分 | ||
"""


def test_a_levels_form_with_its_empty_cells_gathered_at_the_line_end_places_each_level(tmp_path):
    rows = _table_rows(write_text(tmp_path / "t.txt", LEVELS_FORM))
    assert [r[:3] for r in rows[1:]] == [
        ["产出指标", "数量指标", "培训场次"],
        ["", "质量指标", "培训合格率"],  # the 一级 merged, not the 二级
        ["", "时效指标", "完成时间"],
        ["", "成本指标", "人均培训成本"],
        ["效益指标", "经济效益指标", "未达标酌情扣分"],  # a new 一级 (no 三级: no row for the scorer)
        ["", "社会效益指标", "群众知晓率"],
    ]
    items = process_file(tmp_path / "t.txt").indicators
    assert [(r.category, r.indicator) for r in items if r.indicator == "群众知晓率"] == [("效益指标", "群众知晓率")]


# A 绩效自评表 as `|` rows under its funds block: a header of two rows (`绩效指标` over the three levels, `年度指标值` over
# the value's three cells), the lower one broken after its opening bar and its first cell (`|` / `一级 指标 |` / …).
SELF_ASSESSMENT_FORM = """| 项目资金 (万元) | 年初预算数 | 全年预算数 | 分值 | 得分 | |||||
| 年度资金总额 | 5.00 | 5.00 | 10.00 | 10.00 | |||||
| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||||
|
一级 指标 |
二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | |||||
| 产出指标 | 数量指标 | 检测样本数 | ≥ | 300 | 份 | 320 | 20.00 | 20.00 | ||
| 质量指标 | 检测合格率 | ≥ | 98 | % | 99 | 30 | 30 | |||
| 效益指标 | 社会效益指标 | 群众满意率 | ≥ | 90 | % | 93 | 40.00 | 38.00 | ||
"""


def test_a_self_assessment_form_under_its_funds_reads_its_two_header_rows_as_one(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", SELF_ASSESSMENT_FORM))
    assert [(r.category, r.indicator, r.weight) for r in result.indicators if r.category] == [
        ("产出指标", "检测样本数", 20.0),
        ("产出指标", "检测合格率", 30.0),
        ("效益指标", "群众满意率", 40.0),
    ]


# A 绩效自评表 flattened into one run, single spaces between cells: each merged level written once, in its first row;
# a row closed by its points and score; a level with nothing under it closing its group (`生态效益指标`).
SPACED_FORM = ("附件: 项目支出绩效自评表 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
               "偏差原因分析及改进措施 产出指标(60分) 数量指标 巡查次数 ≥12次 12 20 20 质量指标 巡查覆盖率 100% 100 20 18 "
               "问题整改率 ≥95% 96 20 20 效益指标(30分) 社会效益指标 群众知晓率 提高 达成预期指标 30 30 生态效益指标 "
               "满意度指标(10分) 满意度指标 服务对象满意度 ≥90% 92 10 10 总分 100")


def test_a_self_assessment_form_flattened_into_one_spaced_run_is_read_by_its_closing_points(tmp_path):
    rows = _table_rows(write_text(tmp_path / "t.txt", SPACED_FORM + "\n"))
    assert [r[:3] + r[5:7] for r in rows[1:]] == [
        ["产出指标(60分)", "数量指标", "巡查次数", "20", "20"],
        ["", "质量指标", "巡查覆盖率", "20", "18"],
        ["", "", "问题整改率", "20", "20"],
        ["效益指标(30分)", "社会效益指标", "群众知晓率", "30", "30"],
        ["满意度指标(10分)", "满意度指标", "服务对象满意度", "10", "10"],
    ]


# A 绩效目标表 one cell a line, each closed by its `|`, rows parted by bare bars; the last row's first cell spans the
# 一级 and 二级 (`社会公众或服务对象满意度指标`), written once where the rows above left their 一级 unwritten.
SPANNED_LEVEL = """|
本年度 绩效指标 |
一级指标 |
二级指标 |
三级指标 |
指标值及单位 |
绩效标准 |
|
|
产出指标 |
数量指标 |
宣传活动场次 |
≥6场 |
计划标准 |
||
|
质量指标 |
宣传覆盖率 |
≥90% |
计划标准 |
|||
|
效益指标 |
社会效益指标 |
群众知晓率提升 |
明显提升 |
计划标准 |
|||
|
社会公众或服务对象满意度指标 |
群众满意度 |
≥90% |
计划标准 |
|||
"""


def test_a_second_level_naming_another_first_level_spans_both(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", SPANNED_LEVEL))
    assert [(r.category, r.indicator) for r in result.indicators] == [
        ("产出指标", "宣传活动场次"),
        ("产出指标", "宣传覆盖率"),
        ("效益指标", "群众知晓率提升"),
        ("社会公众或服务对象满意度指标", "群众满意度"),
    ]


# One row a line, cells parted by single spaces: the title run into the header's first word, the group heading with its
# points at the start of the first row's line (its words `推进情况` a column's word too), weights `N分`, the empty 得分
# column at each row's end not written.
SPACED_ROWS = """某县农贸市场改造工程考核评分标准考核项目 考核要点 分值 评分标准(扣分制) 得分
一、工作推进情况(20分) 1、组织机构 成立市场改造工作专班,明确责任人。 4分 未成立专班的,扣4分。
2、资金保障 改造资金纳入年度预算。 6分 未纳入预算的,扣6分。
3、进度管理 按月报送改造进度。 5分 每缺报一次扣1分。
"""


def test_space_parted_rows_under_a_titled_header_with_a_group_heading_before_the_first_row(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", SPACED_ROWS))
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.category, r.indicator, r.weight) for r in items] == [
        ("工作推进情况(20分)", "1、组织机构", 4.0),
        ("工作推进情况(20分)", "2、资金保障", 6.0),
        ("工作推进情况(20分)", "3、进度管理", 5.0),
    ]
    assert not [f for f in result.findings if f.severity == "error"]


# `|` rows whose column headed 分值 holds each indicator's name closed by its points; the column headed as the name
# holds the group, written in its first row only.
NAMES_UNDER_WEIGHT = """评价指标 | 分值 | 评价标准 | 评价依据 |
组织保障 | 方案制定 (3分) | 按时印发实施方案的,得3分。 | 文件资料。 |
经费落实 (4分) | 经费列入预算的,得4分。 | 预算批复。 |
工作成效 | 任务完成率 (10分) | 完成年度任务的,得10分。 | 统计数据。 |
群众满意度 (5分) | 满意度达90%的,得5分。 | 抽样调查。 |
"""


def test_names_with_their_points_under_the_weight_header_are_the_rows_names_and_weights(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", NAMES_UNDER_WEIGHT))
    assert [(r.category, r.indicator, r.weight) for r in result.indicators] == [
        ("组织保障", "方案制定(3分)", 3.0),
        ("组织保障", "经费落实(4分)", 4.0),
        ("工作成效", "任务完成率(10分)", 10.0),
        ("工作成效", "群众满意度(5分)", 5.0),
    ]


# One cell a line with blank lines between, weights `N分`, a column of responsible offices empty in every row; after
# the last row the site's pager and a link line (2402's layout).
WEIGHTED_LINES_THEN_PAGER = """考核赋分表

指标

分值

内容

赋分标准

责任科室

领导重视

20分

年初专题研究窗口工作。

未研究的扣5分。

制度建设

30分

建立首问负责制度。

缺一项制度扣3分。

窗口服务

50分

群众投诉及处理情况。

被投诉一次扣2分。


第 [1] [2] 页 共[3]页
如要查看全文请点击此处:查看全文
"""


def test_the_last_weighted_row_takes_no_more_lines_than_a_row_above_had(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", WEIGHTED_LINES_THEN_PAGER))
    assert [(r.indicator, r.weight, r.units) for r in result.indicators] == [
        ("领导重视", 20.0, []), ("制度建设", 30.0, []), ("窗口服务", 50.0, [])]


# One cell a line with blank lines between, the row's empty cells written as a line holding a space (so two rows stand
# further apart than a cell's two lines), a name over two lines (`环境建设` / `设备配置`).
NAME_OVER_TWO_LINES = "\n\n".join([
    "考核赋分表", "指标", "分值", "内容", "赋分标准", "得分",
    "领导重视", "20分", "年初专题研究窗口工作。", "未研究的扣5分", " ",
    "环境建设", "设备配置", "30分", "布局合理,设施齐全。", "缺一项扣3分", " ",
    "窗口服务", "50分", "群众投诉及处理情况。", "被投诉一次扣2分。", " ",
]) + "\n"


def test_a_name_over_two_lines_between_rows_parted_by_empty_cell_lines_is_one_name(tmp_path):
    result = process_file(write_text(tmp_path / "t.txt", NAME_OVER_TWO_LINES))
    assert [(r.indicator, r.weight) for r in result.indicators] == [
        ("领导重视", 20.0), ("环境建设设备配置", 30.0), ("窗口服务", 50.0)]
