"""A notice whose clauses are a table's numbered standards: one merged 考核内容 cell (no points) over rows whose
评分标准 cells number the clauses (`1.…记4分(…);`) and whose 分值 cells hold their points, then a 合计 row
(holdout6 605's shape, built here with other content, as a Word table and as one cell per line)."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.extract.test_tables_roles import docx_table

STANDARDS = [("1.建立工作台账,明确专人负责记5分(以台账为准);", "5"),
             ("2.按季度报送工作信息记3分(少报一次扣1分);", "3"),
             ("3.组织开展主题宣传活动记2分(以图片资料为准)。", "2")]
GROUP = "推进社区环境建设工作"


def _expect_clauses(result) -> None:
    got = [(t.seq, t.points, t.section, t.text[:8]) for t in result.targets]
    assert got == [(1, 5.0, None, "建立工作台账,明"), (2, 3.0, None, "按季度报送工作信"),
                   (3, 2.0, None, "组织开展主题宣传")]


def test_numbered_standards_under_one_group_cell_are_the_clauses_in_word(tmp_path):
    rows = [["考核内容", "评分标准", "分值", "备注"], [GROUP, STANDARDS[0][0], STANDARDS[0][1], ""]]
    rows += [["", standard, points, ""] for standard, points in STANDARDS[1:]] + [["合计", "", "10", ""]]
    path = docx_table(tmp_path, rows, merges=[(0, 1, len(STANDARDS))], title="某县社区环境建设考核内容及评分标准")
    _expect_clauses(process_file(path))


def test_numbered_standards_under_one_group_cell_are_the_clauses_one_cell_a_line(tmp_path):
    cells = ["考核内容", "评分标准", "分值", "备注", GROUP]
    for standard, points in STANDARDS:
        cells += [standard, points]
    cells += ["合计", "10"]
    path = tmp_path / "standards.txt"
    path.write_text("某县社区环境建设考核内容及评分标准\n\n" + "\n\n".join(cells) + "\n", encoding="utf-8")
    _expect_clauses(process_file(path))


def test_numbered_standards_beside_one_indicator_a_row_stay_an_indicator_table(tmp_path):
    """Each row names its own indicator and a 序号 numbers the rows: the standards are that row's rules."""
    cells = ["\t序号\n\t考核内容\n\t分值\n\t评分标准"]
    for n, (name, points) in enumerate([("工作机构", "2"), ("目标分解", "3"), ("信息报送", "4")], start=1):
        cells.append(f"\t{n}\n\t{name}\n\t{points}\n\t1.建立制度,1分;\n2.落实到位,{int(points) - 1}分。")
    path = tmp_path / "indicators.txt"
    path.write_text("某县考核计分表\n" + "\n\n".join(cells) + "\n", encoding="utf-8")
    result = process_file(path)
    assert [(r.row_no, r.indicator) for r in result.indicators if r.row_kind == "item"] == [
        ("1", "工作机构"), ("2", "目标分解"), ("3", "信息报送")]
    assert not [f for f in result.findings if f.severity == "error"]


def test_unnamed_number_column_merged_down_in_word_still_numbers_the_rows(tmp_path):
    """Word fills a merged-down 序号 into every row it spans (1, 1, 2, 2): still the row numbers (renderings of
    holdout2 208 lost them)."""
    rows = [["", "考核项目", "考核标准", "分值"], ["1", "组织领导", "建立工作机构", "5"], ["", "", "制定年度计划", "5"],
            ["2", "工作保障", "落实工作经费", "5"], ["", "", "配齐专职人员", "5"]]
    path = docx_table(tmp_path, rows, merges=[(0, 1, 2), (1, 1, 2), (0, 3, 4), (1, 3, 4)])
    items = [(r.row_no, r.category, r.indicator) for r in process_file(path).indicators if r.row_kind == "item"]
    assert items == [("1", "组织领导", "建立工作机构"), ("1", "组织领导", "制定年度计划"),
                     ("2", "工作保障", "落实工作经费"), ("2", "工作保障", "配齐专职人员")]


def test_groups_whose_points_stand_in_a_column_of_their_own_are_sections_and_numbering_restarts_in_each(tmp_path):
    # holdout13 1306: 考核项目 | 考核内容和要求 | 项目分值 | 标准分值 | 评分标准, each group's points in 项目分值 merged down
    # beside it and its items numbered 1、2、… again. Before, the groups were no sections (their cell holds no
    # points), and the second group's `1、` was an error: 序号1重复出现.
    header = ["考核项目", "考核内容和要求", "项目分值", "标准分值", "评分标准"]
    rows = [header, ["综合类", "1、建立工作推进机制。", "7分", "4", "健全得4分"],
            ["", "2、制定实施方案并组织实施。", "", "3", "完成得3分"],
            ["业务类", "1、完成重点项目申报。", "5分", "5", "完成得5分"]]
    path = docx_table(tmp_path, rows, merges=[(0, 1, 2), (2, 1, 2)], title="某县标准化工作考核评分标准")
    result = process_file(path)
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("综合类", 7.0, 1, 4.0), ("综合类", 7.0, 2, 3.0), ("业务类", 5.0, 1, 5.0)]
    assert not [f for f in result.findings if f.severity == "error"]
