"""Table shapes the tenth held-out set showed (tests/data/holdout10/SOURCES.md, "What went wrong"), each built here
with its own content: a header cell spanning the row numbers and the names, over a column of Chinese ordinals; a
points column headed by its unit (`标准(分)`) beside a target column whose header reads like a weight (`标准权数`)."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table, read

# `考 核 项 目` spans the ordinals and the names (a colspan cell, then an empty one); `目标权数` holds each row's
# target for the year (`50万元`, `8%`), `分数(分)` its points, two rows have none (their points are a cap in 说明).
ORDINALS = [
    ["考 核 项 目", "", "目标权数", "分数(分)", "说 明"],
    ["一", "村级集体经济收入", "50万元", "8分", "最高得分12分"],
    ["二", "村级集体经济收入增长率", "8%", "6分", "最高得分9分"],
    ["三", "农民专业合作社数量", "3个", "", "最高得分3分"],
    ["四", "农村居民人均可支配收入增长率", "7%", "6分", "最高得分9分"],
]


def _expect_ordinals(result) -> None:
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        ("一", "村级集体经济收入", 8.0), ("二", "村级集体经济收入增长率", 6.0),
        ("三", "农民专业合作社数量", None), ("四", "农村居民人均可支配收入增长率", 6.0)]
    assert [r.target for r in items] == ["50万元", "8%", "3个", "7%"]  # amounts, not points: the targets


def test_a_spanned_header_over_chinese_ordinals_numbers_the_rows_and_the_points_column_is_the_weight(tmp_path):
    _expect_ordinals(read(tmp_path, ORDINALS, title="附件：二○一○年村级集体经济发展考核标准"))


def test_the_same_table_in_word_with_the_header_cell_merged_across(tmp_path):
    path = docx_table(tmp_path, ORDINALS, spans=[(0, 0, 1)], title="附件：二○一○年村级集体经济发展考核标准")
    _expect_ordinals(process_file(path))


def test_a_form_column_headed_with_its_unit_stays_a_form_column(tmp_path):
    rows = [["序号", "考核内容", "分值", "得分(分)"],
            ["1", "制定年度工作计划", "10", ""],
            ["2", "按时报送统计报表", "20", ""]]
    items = [r for r in read(tmp_path, rows).indicators if r.row_kind == "item"]
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [("1", "制定年度工作计划", 10.0),
                                                                  ("2", "按时报送统计报表", 20.0)]


# One cell per line, no blank lines, a merged cell written once (in its group's first row): `项 目` spans the group
# column and the names; a group's cell stands before its first row's name, after the last row's own cells.
CELL_LINES = """附件
某区2018年度社会事业目标任务分解表
项 目
分值
目标任务
监考单位
教育事业
学前三年毛入园率
2
90
区教育局
义务教育巩固率
2
98
卫生健康
每千人口执业医师数
1
2.5
区卫健局
孕产妇系统管理率
1
95
"""


def test_a_group_cell_written_once_before_its_rows_in_a_cell_per_line_table(tmp_path):
    from tests.builders import write_text

    result = process_file(write_text(tmp_path / "t.txt", CELL_LINES))
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.category, r.indicator, r.weight, r.target) for r in items] == [
        ("教育事业", "学前三年毛入园率", 2.0, "90"), ("教育事业", "义务教育巩固率", 2.0, "98"),
        ("卫生健康", "每千人口执业医师数", 1.0, "2.5"), ("卫生健康", "孕产妇系统管理率", 1.0, "95")]
    assert items[0].assessors == ["区教育局"] and items[2].assessors == ["区卫健局"]
    assert all(r.units == [] for r in items)  # 监考单位 assess the rows; no one is named responsible


# One cell per line with blank lines: `项目名称` spans a group's number and name, written once before its rows; each
# row gives its task, its units (several, `、`) and its progress. The group's number is no note under the header.
GROUPED_TASKS = """某区2021年上半年重点任务推进情况

项目名称

项目内容

责任单位

进展情况

(一)

优化营商环境

企业开办时间压缩至1个工作日

区市场监管局、区行政服务中心

已完成

工程建设项目审批时间压缩至80个工作日

区住建局、区行政服务中心

正常推进中

(二)

保障改善民生

新增城镇就业5000人

区人力社保局、各街道

完成3100人

新建社区养老服务照料中心3家

区民政局、各街道

正常推进中
"""


def test_groups_opening_with_their_number_and_name_in_a_task_table_cell_per_line(tmp_path):
    from tests.builders import write_text

    result = process_file(write_text(tmp_path / "t.txt", GROUPED_TASKS))
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.row_no, r.category, r.indicator, r.units) for r in items] == [
        ("(一)", "优化营商环境", "企业开办时间压缩至1个工作日", ["区市场监管局", "区行政服务中心"]),
        ("(一)", "优化营商环境", "工程建设项目审批时间压缩至80个工作日", ["区住建局", "区行政服务中心"]),
        ("(二)", "保障改善民生", "新增城镇就业5000人", ["区人力社保局", "各街道"]),
        ("(二)", "保障改善民生", "新建社区养老服务照料中心3家", ["区民政局", "各街道"])]
    assert [r.status for r in items] == ["已完成", "正常推进中", "完成3100人", "正常推进中"]


def test_a_task_list_whose_named_column_is_merged_over_tasks_groups_them_word_table(tmp_path):
    rows = [["项目名称", "项目内容", "牵头单位"],
            ["农村人居环境整治", "完成农村改厕1200户", "区农业农村局"],
            ["", "新建农村污水处理设施20处", "区生态环境分局"],
            ["", "创建美丽乡村示范村5个", "区农业农村局"]]
    result = process_file(docx_table(tmp_path, rows, merges=[(0, 1, 3)], title="某区2022年民生实事项目"))
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.category, r.indicator) for r in items] == [
        ("农村人居环境整治", "完成农村改厕1200户"), ("农村人居环境整治", "新建农村污水处理设施20处"),
        ("农村人居环境整治", "创建美丽乡村示范村5个")]


# One cell per line, no blank lines: a header cell on two lines (`县政府` / `分管领导`); 序号 and goal merged over
# tasks numbered inside their own cell ((1) (2) …); each task's party cells written once, where they change, a cell
# of several names one a line (配合单位).
SUBITEM_TASKS = """附件1
某县2024年政府工作报告主要目标任务分解表
序号
目标名称
工作标准
县政府
分管领导
牵头单位
配合单位
1
主要预期目标
(1)地区生产总值增长6%左右。
李明华
县发改局
各乡镇
县经开区
(2)城镇新增就业3000人。
县人社局
(3)粮食播种面积稳定在50万亩以上。
张建国
县农业农村局
县统计局
"""


def test_tasks_numbered_inside_a_cell_under_a_merged_number_in_a_cell_per_line_table(tmp_path):
    from tests.builders import write_text

    result = process_file(write_text(tmp_path / "t.txt", SUBITEM_TASKS))
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.row_no, r.category, r.indicator) for r in items] == [
        ("1", "主要预期目标", "(1)地区生产总值增长6%左右。"), ("1", "主要预期目标", "(2)城镇新增就业3000人。"),
        ("1", "主要预期目标", "(3)粮食播种面积稳定在50万亩以上。")]
    assert [(r.leaders, r.units, r.co_units) for r in items] == [
        (["李明华"], ["县发改局"], ["各乡镇", "县经开区"]),
        (["李明华"], ["县人社局"], ["各乡镇", "县经开区"]),  # leader and co-units merged from the row above
        (["张建国"], ["县农业农村局"], ["县统计局"])]
    assert not [f for f in result.findings if f.severity == "error"]


def test_group_headings_in_the_name_column_of_a_table_with_no_number_head_the_rows_under_them(tmp_path):
    rows = [["主要指标", "目标任务", "完成情况"],
            ["一、发展现代渔业", "", ""],
            ["水产养殖面积", "", ""],
            ["渔业总产值", "", ""],
            ["二、推进农业科技", "", ""],
            ["农技推广站建设", "", ""]]
    result = read(tmp_path, rows, title="附件2：主要目标任务量化指标完成情况表")
    assert [(r.row_kind, r.category, r.indicator) for r in result.indicators] == [
        ("group", "发展现代渔业", "发展现代渔业"), ("item", "发展现代渔业", "水产养殖面积"),
        ("item", "发展现代渔业", "渔业总产值"), ("group", "推进农业科技", "推进农业科技"),
        ("item", "推进农业科技", "农技推广站建设")]


# holdout9 908: `考核项目` (an indicator word) merged down over weighted rows, each named in `考核指标` (short, no
# figure) and described in `考核内容`; the merged column was taken as every row's name.
NAMED_UNDER_ITEMS = [
    ["考核项目", "序号", "考核指标", "分值", "考核内容"],
    ["队伍建设", "1", "人员编制落实", "15", "按核定编制配齐配强工作人员"],
    ["", "2", "业务培训", "10", "每年组织业务骨干培训不少于两次"],
    ["日常监管", "3", "执法检查", "25", "按年度计划开展执法检查并建立台账"],
    ["", "4", "案件办理", "20", "依法查处违法案件，办结率达标"],
]


def _expect_named_under_items(result) -> None:
    items = [r for r in result.indicators if r.row_kind == "item"]
    assert [(r.row_no, r.category, r.indicator, r.weight) for r in items] == [
        ("1", "队伍建设", "人员编制落实", 15.0), ("2", "队伍建设", "业务培训", 10.0),
        ("3", "日常监管", "执法检查", 25.0), ("4", "日常监管", "案件办理", 20.0)]


def test_weighted_rows_under_a_merged_item_column_are_named_by_their_short_name_column(tmp_path):
    _expect_named_under_items(read(tmp_path, NAMED_UNDER_ITEMS, title="附件：执法工作考核指标"))
    path = docx_table(tmp_path, NAMED_UNDER_ITEMS, merges=[(0, 1, 2), (0, 3, 4)], title="附件：执法工作考核指标")
    _expect_named_under_items(process_file(path))


# holdout9 907: a scoring table alone under its title, its groups with their points in a merged column left of the
# 序号 (one group's opening bracket lost by the page: `理论武装10分)`): the rows are the notice's clauses, each group
# their section. The name column besides the content made it an indicator table only.
GROUPED_CLAUSES = [
    ["考核项目及分值", "序号", "考核内容及要求", "标准分值", "评分标准及办法"],
    ["宣传教育（15分）", "1", "开展主题宣传教育活动", "5", "未开展的扣5分"],
    ["", "2", "推荐评选先进典型", "10", "每少1人扣1分"],
    ["理论武装10分)", "3", "组织中心组理论学习", "10", "每少1次扣0.5分"],
]


def test_a_scoring_table_alone_with_its_groups_merged_left_of_the_numbers_is_the_notice_list(tmp_path):
    path = docx_table(tmp_path, GROUPED_CLAUSES, merges=[(0, 1, 2)], title="2019年宣传工作目标考核评分细则")
    result = process_file(path)
    assert [(t.section, t.section_points, t.seq, t.points, t.text) for t in result.targets] == [
        ("宣传教育", 15.0, 1, 5.0, "开展主题宣传教育活动"), ("宣传教育", 15.0, 2, 10.0, "推荐评选先进典型"),
        ("理论武装", 10.0, 3, 10.0, "组织中心组理论学习")]
    assert len([r for r in result.indicators if r.row_kind == "item"]) == 3  # it stays an indicator table too


def test_chinese_ordinals_whose_first_the_scan_lost_still_number_the_rows(tmp_path):
    # renderings --scan, 1001: the OCR did not see the lone stroke `一` in the first row's 序号 cell, so `二 三 四`, not
    # counting from one, were no ordinals: the spanned header then named the ordinal column and every role moved.
    rows = [list(r) for r in ORDINALS]
    rows[1][0] = ""
    items = [r for r in process_file(docx_table(tmp_path, rows, spans=[(0, 0, 1)])).indicators if r.row_kind == "item"]
    assert [(r.row_no, r.indicator, r.weight) for r in items] == [
        (None, "村级集体经济收入", 8.0), ("二", "村级集体经济收入增长率", 6.0),
        ("三", "农民专业合作社数量", None), ("四", "农村居民人均可支配收入增长率", 6.0)]
