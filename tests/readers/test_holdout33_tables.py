"""Text-table shapes holdout33 brought (regression tests named for what broke, on documents the tests write)."""
from __future__ import annotations

from pathlib import Path

from ingest.pipeline import process
from parsers.readers.line_cells import cell_role
from parsers.readers.text_reader import read_text
from schemas.blocks import Table


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _first_table(tmp_path: Path, text: str) -> Table:
    return next(b for b in read_text(_write(tmp_path, text), "t", False).blocks if isinstance(b, Table))


BLANKS = " \n\n" * 4  # the page writes each empty cell (得分 and 备注 columns) as a line holding a space

SPACED = ("某市安全工作考核评分标准\n\n项 目\n\n考核内容\n\n标准分\n\n考核评分\n\n" + " \n\n" * 2 + "备注\n\n"
          "组织领导(20分)\n\n成立工作领导小组\n\n10\n\n" + BLANKS + "制定年度工作计划\n\n10\n\n" + BLANKS
          + "日常管理(30分)\n\n按时上报各类报表\n\n15\n\n" + BLANKS
          + "台账资料:\n\n建立工作台账并及时更新\n\n15\n\n" + BLANKS)


def test_first_group_with_its_points_on_its_line_is_no_header_cell(tmp_path):
    """3301: `组织领导(20分)` after `… | 标准分 | 考核评分 | 备注` was read as a sixth header cell (`领导` in it is
    a leaders' word), the first row's group lost and every row's group column empty."""
    table = _first_table(tmp_path, SPACED)
    assert table.rows[0].cells == ["项 目", "考核内容", "标准分", "考核评分", "备注"]
    assert table.rows[1].cells[:3] == ["组织领导(20分)", "成立工作领导小组", "10"]


def test_next_group_with_points_on_its_line_and_a_name_over_two_spaced_lines(tmp_path):
    """3301: the next group written as the first (`日常管理(20分)` on one line) was read as the row above's 考核评分; a
    name over two lines (`台账资料:` / `建立…`) on a page writing empty cells as lines of a space lost its first line
    to the row above."""
    table = _first_table(tmp_path, SPACED)
    assert [(r.cells[0], r.cells[1].replace("\n", ""), r.cells[2], r.cells[3]) for r in table.rows[1:]] == [
        ("组织领导(20分)", "成立工作领导小组", "10", ""),
        ("", "制定年度工作计划", "10", ""),
        ("日常管理(30分)", "按时上报各类报表", "15", ""),
        ("", "台账资料:建立工作台账并及时更新", "15", "")]


def test_two_lines_one_cell_each_stay_two_rows_where_the_page_writes_no_empty_cells(tmp_path):
    """The two-line name needs the page's spacing: cells one a line with no empty cells written leave a row's last
    cell as close to the next row's name as a name's two lines, so the line stays the row above's."""
    text = "\n".join(["项目", "考核内容", "分值", "评分标准", "组织领导(20分)", "成立工作领导小组", "10", "未成立不得分。",
                      "制定年度工作计划", "10", "未制定不得分。"]) + "\n"
    table = _first_table(tmp_path, text)
    assert [(r.cells[1], r.cells[2], r.cells[3]) for r in table.rows[1:]] == [
        ("成立工作领导小组", "10", "未成立不得分。"), ("制定年度工作计划", "10", "未制定不得分。")]


WEIGHT_FIRST = ("2020年某局信息工作考评细则\n\n项目\n\n单项\n\n分数\n\n考核内容及标准和要求\n\n得分\n\n"
                "信息报送\n\n(20分)\n\n10\n\n每月报送工作信息不少于5条,少1条扣0.5分。\n\n"
                "10\n\n全年被市级以上媒体采用4篇,每篇2.5分。\n\n"
                "资料管理\n\n(5分)\n\n5\n\n建立信息工作台账,资料齐全得5分。\n\n"
                "加分项\n\n最高\n\n5分\n\n被省级媒体采用每篇加1分。\n\n被国家级媒体采用每篇加2分。\n\n"
                "扣分项\n\n本站文档仅供会员参考,请登录后查看全文。\n")


def test_weight_left_of_the_rows_text_each_row_weight_then_text(tmp_path):
    """3302: 项目 | 单项分数 | 考核内容及标准和要求: each row writes its 分数, then its text; `单项` / `分数` over two lines
    was joined to `项目`, and the rows read name-first: each text took the next row's weight."""
    assert cell_role("单项分数") == "weight"
    table = _first_table(tmp_path, WEIGHT_FIRST)
    assert table.rows[0].cells == ["项目", "单项分数", "考核内容及标准和要求", "得分"]
    assert [(r.cells[0].replace("\n", ""), r.cells[1], r.cells[2][:8]) for r in table.rows[1:]] == [
        ("信息报送(20分)", "10", "每月报送工作信息"),
        ("信息报送(20分)", "10", "全年被市级以上媒"),
        ("资料管理(5分)", "5", "建立信息工作台账"),
        ("加分项", "", "被省级媒体采用每"),  # `最高` / `5分`: the bonus's cap, no row's weight
        ("加分项", "", "被国家级媒体采用")]  # the site's notice after the next group's name is no row


def test_weight_first_rows_group_with_points_and_the_requirement_names_the_row(tmp_path):
    """3302: the merged 项目 carrying its group's points, the 考核内容及标准和要求 with no 评分标准 beside it: the
    requirement names each row, the 项目 is their category."""
    ex = process(_write(tmp_path, WEIGHT_FIRST))
    assert [(r.category, r.indicator[:8], r.weight) for r in ex.indicators] == [
        ("信息报送(20分)", "每月报送工作信息", 10.0),
        ("信息报送(20分)", "全年被市级以上媒", 10.0),
        ("资料管理(5分)", "建立信息工作台账", 5.0),
        ("加分项", "被省级媒体采用每", None),
        ("加分项", "被国家级媒体采用", None)]


VERTICAL = ["考核项目", "考 核 内 容", "分值", "评 分 标 准", "得分",
            "制", "度", "建", "设", "12分", "1", "建立健全安全工作责任制,层层签订责任书。", "6", "未签订责任书的扣3分。",
            "2", "建立安全检查和隐患整改制度。", "6", "无检查记录的扣2分。",
            "宣", "传", "教", "育", "8分", "3", "每学期开展安全教育不少于2次。", "8", "少一次扣4分。"]


def test_group_one_character_a_line_with_points_and_a_header_cell_spanning_the_row_number(tmp_path):
    """3303: the group written down one character a line with its points under it (`制` / `度` / `建` / `设` / `12分`)
    was read as rows (`12分` a weight, `设` a name), and the row's number right of it, under a header cell (`考核项目`)
    spanning both, as a weight."""
    table = _first_table(tmp_path, "\n".join(VERTICAL) + "\n")
    assert table.rows[0].cells == ["考核项目", "", "考 核 内 容", "分值", "评 分 标 准", "得分"]
    assert [(r.cells[0], r.cells[1], r.cells[2][:6], r.cells[3], r.cells[4][:4]) for r in table.rows[1:]] == [
        ("制度建设12分", "1", "建立健全安全", "6", "未签订责"),
        ("制度建设12分", "2", "建立安全检查", "6", "无检查记"),
        ("宣传教育8分", "3", "每学期开展安", "8", "少一次扣")]
    ex = process(_write(tmp_path, "\n".join(VERTICAL) + "\n"))
    assert [(r.row_no, r.category, r.indicator[:6], r.weight) for r in ex.indicators] == [
        ("1", "制度建设12分", "建立健全安全", 6.0), ("2", "制度建设12分", "建立安全检查", 6.0),
        ("3", "宣传教育8分", "每学期开展安", 8.0)]


def test_one_row_table_where_the_excerpt_cuts_the_next_row_before_its_weight(tmp_path):
    """3303: the page ends in row 2's number and the start of its content: one whole row is a table (the next row's
    number `2` was read as a weight), its group the one cell whose subtotal exceeds the row's weight."""
    lines = VERTICAL[:14] + ["2", "建立安全检查和隐患整改制度,定期"]
    ex = process(_write(tmp_path, "\n".join(lines)))
    assert [(r.row_no, r.category, r.indicator[:6], r.weight) for r in ex.indicators] == [
        ("1", "制度建设12分", "建立健全安全", 6.0)]
