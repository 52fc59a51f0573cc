"""Table shapes the fifteenth held-out set showed (tests/data/holdout15/SOURCES.md, "Measured unseen"), each built
here with its own content."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.readers.line_tables import cell_role
from tests.builders import write_text


def _items(result):
    return [r for r in result.indicators if r.row_kind == "item"]


def test_a_status_header_after_the_months_it_covers_is_a_header_word():
    # `1-10月推进情况`: the months before the word are the period the column is for, as a year is
    assert cell_role("1-10月推进情况") == "status"
    assert cell_role("3月份进展情况") == "status"
    assert cell_role("是否达序") == "status"
    assert cell_role("10月") is None


# `|` rows without a weight column, a group column (`大类`) left of the 序号 written in its first row only.
GROUPED_TASKS = """大类 | 序号 | 工作任务 | 分管 县领导 | 牵头单位 | 落实进展情况 |
一、改善农村人居环境 | 1 | 完成农村改厕1200户。 | 李明 | 县农业农村局 | 已完成。 |
2 | 新建农村公厕30座。 | 李明 | 县住建局 | 已完成28座。 |
3 | 整治农村黑臭水体5处。 | 李明 | 县生态环境分局 | 已完成。 |
"""


def test_pipe_rows_numbered_right_of_a_merged_group_column_are_a_task_table(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", GROUPED_TASKS)))
    assert [(r.row_no, r.indicator, r.category) for r in items] == [
        ("1", "完成农村改厕1200户。", "一、改善农村人居环境"), ("2", "新建农村公厕30座。", "一、改善农村人居环境"),
        ("3", "整治农村黑臭水体5处。", "一、改善农村人居环境")]
    assert [r.units_raw for r in items] == [["县农业农村局"], ["县住建局"], ["县生态环境分局"]]
    assert [r.leaders for r in items] == [["李明"]] * 3


def test_a_unit_cell_with_its_heads_name_after_a_space_gives_the_unit_and_no_extra_leader(tmp_path):
    # `牵头单位及主要负责人`: `县教育局 王强` is the unit and its head, not a unit named `县教育局王强`, and the head is
    # not one of the row's leaders where the table has a leaders column of its own
    text = GROUPED_TASKS.replace("牵头单位 |", "牵头单位及 主要负责人 |").replace(
        "县农业农村局 |", "县农业农村局 张华 |").replace("县住建局 |", "县住建局 赵刚 |")
    items = _items(process_file(write_text(tmp_path / "t.txt", text)))
    assert [r.units_raw for r in items] == [["县农业农村局"], ["县住建局"], ["县生态环境分局"]]
    assert [r.leaders for r in items] == [["李明"]] * 3


def test_a_person_in_the_units_cell_of_a_table_without_a_leaders_column_stays_a_leader(tmp_path):
    text = ("序号 | 工作任务 | 责任单位 |\n1 | 完善科技创新激励机制。 | 市科技局 张三 |\n"
            "2 | 建设招商服务平台。 | 市商务局 |\n3 | 新增规上企业20家。 | 市工信局 |\n")
    items = _items(process_file(write_text(tmp_path / "t.txt", text)))
    assert [r.units_raw for r in items] == [["市科技局"], ["市商务局"], ["市工信局"]]
    assert items[0].leaders == ["张三"]


# One cell a line closed by ` |`, rows parted by bare `|` lines; the header not closed before the first row; the task
# written once over two task columns; a row's trailing empty cell dropped into its closing `||`.
SPANNED = """某区2024年民生实事推进情况
序号 |
主要任务 |
年度目标 |
分管 领导 |
牵头 单位 |
协同单位 |
1-6月推进情况 |
说明 |
1 |
新建口袋公园8个。 |
王伟 |
区住建局 |
区城管局、各街道 |
已建成3个。 |
||
2 |
改造雨污管网12公里。 |
王伟 |
区水务局 |
各街道 |
已完成8公里。 |
滞后于序时。 |
|
3 |
新增停车泊位600个。 |
王伟 |
区城管局 |
区交警大队 |
已新增420个。 |
||
"""


def test_closed_cells_rows_parted_by_bare_pipes_align_a_short_row_by_its_person_and_units(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", SPANNED)))
    assert [(r.row_no, r.indicator) for r in items] == [
        ("1", "新建口袋公园8个。"), ("2", "改造雨污管网12公里。"), ("3", "新增停车泊位600个。")]
    assert [r.leaders for r in items] == [["王伟"]] * 3
    assert [r.units_raw for r in items] == [["区住建局"], ["区水务局"], ["区城管局"]]


# Rows opened by a bare `|`, merged cells written once (missing on the left of the rows below), no numbers, no weights.
MERGED = """一级指标 |
二级指标 |
三级指标 |
指标值 |
|
产出指标 |
数量指标 |
培训人次 |
≥500人次 |
||
|
培训班期数 |
≥10期 |
|||
|
质量指标 |
培训合格率 |
≥95% |
||
|
效益指标 |
社会效益指标 |
群众满意度 |
≥90% |
||
"""


def test_closed_cells_rows_with_merged_cells_written_once_take_them_from_above(tmp_path):
    items = _items(process_file(write_text(tmp_path / "t.txt", MERGED)))
    assert [r.indicator for r in items] == ["培训人次", "培训班期数", "培训合格率", "群众满意度"]
    assert [r.target for r in items] == ["≥500人次", "≥10期", "≥95%", "≥90%"]
