"""Text-table shapes holdout35 brought (regression tests named for what broke, on documents the tests write)."""
from __future__ import annotations

from pathlib import Path

from parsers.readers.text_reader import read_text
from schemas.blocks import Table


def _tables(tmp_path: Path, text: str) -> list[Table]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return [b for b in read_text(path, "t", False).blocks if isinstance(b, Table)]


BOX_YEARS = "\n".join([
    "┌──┬──────┬─────────────┬──┬──────┐",
    "│序号│ 考核项目 │ 考核目标 │分值│ 计分办法 │",
    "│ │ ├────┬────┬────┤ │ │",
    "│ │ │ 2010年 │ 2011年 │ 2012年 │ │ │",
    "├──┼──────┼────┴────┴────┼──┼──────┤",
    "│1 │森林覆盖率 │45% │10 │每低1个百分点扣2分 │",
    "├──┼──────┼─────────────┼──┼──────┤",
    "│2 │城市绿地率 │36% │8 │每低1个百分点扣1分 │",
    "├──┼──────┼─────────────┼──┼──────┤",
    "│3 │新增造林面积│2万亩 │6 │未完成不得分 │",
    "└──┴──────┴─────────────┴──┴──────┘"]) + "\n"


def test_box_rule_merging_a_sub_headers_year_columns_still_ends_the_header(tmp_path):
    """3501: the rule under a sub-header of years (`├──┼───┼───┴───┴───┼──┤`) has more parts than the body's
    columns, so it was skipped without ending the row: the header and row 1 ran together (`序号1`, `分值7`)."""
    table = _tables(tmp_path, BOX_YEARS)[0]
    assert table.rows[0].cells == ["序号", "考核项目", "考核目标", "分值", "计分办法"]
    assert [r.cells[:2] + r.cells[3:4] for r in table.rows[1:]] == [
        ["1", "森林覆盖率", "10"], ["2", "城市绿地率", "8"], ["3", "新增造林面积", "6"]]


SPACED_HEADER = ("附表一\n某县道路服务考核评分标准\n序 号 考 核 内 容 评 分 标 准 评 分 原 则 分 值 备 注\n"
                 "1 热线服务 答复率满分20分,按百分比扣分。 为提高服务水平设此指标。 20  \n"
                 "2 路况发布 有发布渠道得10分。 为提高发布水平设此指标。 10  \n")


def test_header_written_with_spaces_between_its_characters(tmp_path):
    """3503: `序 号 考 核 内 容 …` (a space between every character) named no column, so the rows under it, one a
    line with single spaces between cells and an empty 备注 at the end, stayed text."""
    table = _tables(tmp_path, SPACED_HEADER)[0]
    assert table.rows[0].cells == ["序号", "考核内容", "评分标准", "评分原则", "分值", "备注"]
    assert [r.cells for r in table.rows[1:]] == [
        ["1", "热线服务", "答复率满分20分,按百分比扣分。", "为提高服务水平设此指标。", "20", ""],
        ["2", "路况发布", "有发布渠道得10分。", "为提高发布水平设此指标。", "10", ""]]


def test_one_row_before_the_excerpts_cut_next_row_is_a_table(tmp_path):
    """3503: the page ends inside row 2 (before its 分值): the one whole row above it is a table, not text."""
    cut = SPACED_HEADER.split("2 路况发布")[0] + "2 路况发布 有发布渠道得10分。 为提高发布"
    table = _tables(tmp_path, cut)[0]
    assert [r.cells[0] for r in table.rows] == ["序号", "1"]


def test_one_row_with_text_after_it_stays_text(tmp_path):
    """The one-row table needs the cut: a row followed by a line that is not the next row's start is no table."""
    text = SPACED_HEADER.split("2 路况发布")[0] + "说明:以上标准自印发之日起施行。\n"
    assert _tables(tmp_path, text) == []


def test_spaced_characters_that_make_no_header_words_stay_as_they_are(tmp_path):
    """A line of single characters that are not all header words (`春 眠 不 觉 晓 …`) is no header."""
    text = "春 眠 不 觉 晓 处 处 闻 啼 鸟\n1 甲 乙 丙 10\n2 丁 戊 己 10\n"
    assert _tables(tmp_path, text) == []


UNIT_RUN = ("《某市2021年度治水目标责任书》任务分解表 考核 指标 序号 考核内容 评分规则 牵头单位 责任单位 "
            "一、水质提升(基本分100分) 1 断面水质达标(60分) 按实施方案考核断面。 断面全部达标得满分,每月不达标扣5分。 "
            "市治水办 各成员单位 2 饮用水源保护(40分) 水源地水质达标得满分。 市生态环境局 各县(市、区)政府 "
            "二、污水治理(基本分50分) 3 城镇污水处理(50分) 处理率达到95%得满分。 市建设局 市水务集团\n")


def test_task_run_with_points_in_names_a_group_column_before_the_number_and_units_at_each_rows_end(tmp_path):
    """3505: one run `考核 指标 序号 考核内容 评分规则 牵头单位 责任单位 一、… 1 name(100分) rules。 units …` (no weight
    column: each name closed by its points; the group column's word split by a space) stayed text."""
    table = _tables(tmp_path, UNIT_RUN)[0]
    assert table.rows[0].cells == ["考核指标", "序号", "考核内容", "评分规则", "牵头单位", "责任单位"]
    assert [r.cells for r in table.rows[1:]] == [
        ["一、水质提升(基本分100分)", "1", "断面水质达标(60分)", "按实施方案考核断面。断面全部达标得满分,每月不达标扣5分。",
         "市治水办", "各成员单位"],
        ["一、水质提升(基本分100分)", "2", "饮用水源保护(40分)", "水源地水质达标得满分。", "市生态环境局", "各县(市、区)政府"],
        ["二、污水治理(基本分50分)", "3", "城镇污水处理(50分)", "处理率达到95%得满分。", "市建设局", "市水务集团"]]


def test_task_run_last_row_cut_before_its_units_is_kept(tmp_path):
    """3505: the excerpt cuts row 2 inside its rules: it is kept with its units empty."""
    cut = UNIT_RUN.split(" 市生态环境局")[0] + " (1)等级评定得分:按等次"
    table = _tables(tmp_path, cut)[0]
    assert [r.cells[1:3] + r.cells[4:] for r in table.rows[1:]] == [
        ["1", "断面水质达标(60分)", "市治水办", "各成员单位"], ["2", "饮用水源保护(40分)", "", ""]]


def test_task_run_whose_names_carry_no_points_stays_text(tmp_path):
    """Strict: a row's name must close with its points, else the run is prose that happens to number things."""
    text = UNIT_RUN.replace("(60分)", "").replace("(40分)", "").replace("(50分)", "")
    assert _tables(tmp_path, text) == []
