"""Regressions the twenty-first held-out set showed (tests/data/holdout21/SOURCES.md, "What went wrong"), each on a
document the test builds."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.extract.points import read_points


def _text_file(tmp_path, text: str, name: str = "notice.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return process_file(path)


# a table a page wrote one cell a line with its `|` marks, the group name one character a line over its points
VERTICAL_GROUP_TABLE = "\n".join([
    "项目", "| 序号", "| 考核内容", "|",
    "组", "织", "领", "导", "6分",
    "| 1", "| 成立工作领导小组,明确分管领导。(2分)", "|",
    "2", "| 制定年度工作计划,按时报送。(1分)", "建立工作台账,资料齐全。(1分)", "|",
    "3", "| 各项制度上墙,执行到位。(1个0.5分,共2分)", "|",
    "宣", "传", "教", "育", "3分",
    "| 4", "| 开展宣传活动不少于两次,有记录。(2分)", "|",
    "5", "| 设立宣传栏,定期更新内容。(1分)", "|", ""])


def test_a_table_numbering_its_rows_in_a_column_with_points_closing_each_content_cell_gives_clauses(tmp_path):
    result = _text_file(tmp_path, VERTICAL_GROUP_TABLE)
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("组织领导", 6.0, 1, 2.0), ("组织领导", 6.0, 2, 2.0), ("组织领导", 6.0, 3, 2.0),
        ("宣传教育", 3.0, 4, 2.0), ("宣传教育", 3.0, 5, 1.0)]
    assert result.targets[1].text == "制定年度工作计划,按时报送。建立工作台账,资料齐全"
    assert result.targets[2].text == "各项制度上墙,执行到位"  # the bracketed rule closed by its total is no text


def test_two_sentences_each_closed_by_its_own_bracketed_worth_are_one_clause_worth_their_sum():
    reading = read_points("村党支部工作制度健全,经常组织活动。(1分)党员先锋模范作用好,无违纪问题。(1分)")
    assert (reading.points, reading.text) == (2.0, "村党支部工作制度健全,经常组织活动。党员先锋模范作用好,无违纪问题。")
    # a heading's worth over its parts' is their total, and a rule after the worth stays a rule
    assert read_points("组织领导。(4分)成立小组。(2分)制定方案。(2分)").points == 4.0
    assert read_points("完成任务。(5分)未完成的扣2分。").points == 5.0


# a form a site flattened with no separators: header, `一名称` groups without points, rows `1.content` + the bare
# 标准分 glued before the rule (`…管理6每少一层管理扣3分2.…`), numbered from 1 again in each group
GLUED_DOTTED_ROWS = ("行政管理考核标准序号考核项目考核内容标准分评分方法实际得分一印章管理1.建立印章使用登记制度5缺少一项扣2分"
                     "2.印章由专人保管4发现一次违规扣三分二会议管理1.会前发放会议通知6未发通知不得分"
                     "2.会议记录完整归档5缺少一次扣1分\n")


def test_a_flattened_form_with_dotted_row_numbers_restarting_under_ordinal_groups_gives_every_row(tmp_path):
    result = _text_file(tmp_path, GLUED_DOTTED_ROWS)
    assert [(t.section, t.seq, t.points) for t in result.targets] == [
        (None, 1, 5.0), (None, 2, 4.0), (None, 1, 6.0), (None, 2, 5.0)]
    assert result.targets[1].text.startswith("印章由专人保管")
    assert "会议管理" not in result.targets[1].text


VETO_AFTER_ITEMS = "\n\n".join([
    "(一)计分办法。", "1、完成年度招商任务的得20分,每超1个项目加5分。", "2、农村各项政策落实到位得30分。",
    "(二)一票否决。", "考核实行一票否决制,凡是存在下列情况之一的,一律不得参加先进村评选。",
    "1、有新增村级债务的。", "2、发生县级以上集访事件的。", ""])


def test_conditions_after_a_sentence_putting_them_under_a_veto_are_veto_items_and_their_title_no_clause(tmp_path):
    result = _text_file(tmp_path, VETO_AFTER_ITEMS)
    assert [(t.seq, t.points) for t in result.targets] == [(1, 20.0), (2, 30.0), (1, None), (2, None)]
    assert result.targets[2].text.startswith("有新增村级债务的")
    assert all("一票否决" not in t.text for t in result.targets)


# a table a document site flattened into one run and cut into chunks numbered `1、` `2、` inside sentences, the first
# chunk opening the document with its title; rows `名称(N分)` + requirement + the bare 分值 restating N + rules
CHUNKED_FLAT_TABLE = (
    "1、2016年度机关“党建工作先进单位”考评细则类别 考评项目 工作要求 分值 评分要点 考评方式 得分理论学习(10分)"
    "坚持中心组学习制度,制定年度学习计划,按计划组织集中学习,开展读书活动和专题讨论,认真学习党章党规和上级重要文件、会议精神,"
    "组织党员干部参加在线学习,开展主题党日活动和道德讲堂活动,学习型党组织建设扎实推进,学习记录完整规范。10没有年度学习计划扣"
    " 1 分;没有及时开展政治学习扣 1 分;未组织开展\n"
    "2、专题讨论扣 1 分;学习记录不全扣 1 分。查看核对资料日常基础工作35分组织生活开展情况(15 分)党组织健全,按期换届,"
    "认真落实“三会一课”制度。15机关党组织未按\n"
    "3、期换届扣 3 分;“三会一课”制度落实不好扣 1 分\n")


def test_chunk_numbers_of_a_document_site_opening_with_the_title_are_no_items_and_flattened_rows_keep_their_names(
        tmp_path):
    result = _text_file(tmp_path, CHUNKED_FLAT_TABLE)
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        (None, None, None, 10.0), ("日常基础工作", 35.0, None, 15.0)]
    assert result.targets[0].text.startswith("理论学习坚持中心组学习制度")
    assert result.targets[1].text.startswith("组织生活开展情况党组织健全")


def test_a_name_column_left_of_the_content_that_only_groups_scored_rows_is_their_section(tmp_path):
    from tests.extract.test_line_tables import _read
    cells = ["项目", "考核内容", "测评方法", "分值",
             "组织机构\n(20分)", "成立献血工作领导小组,有专门股室负责献血工作", "查阅相关文件,无则扣分。", "4",
             "", "明确献血工作分管领导,配备专兼职工作人员", "查阅相关文件,人员变更未上报的扣分。", "6"]
    result = _read(tmp_path, "\n\n".join(cells) + "\n")
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("组织机构", 20.0, None, 4.0), ("组织机构", 20.0, None, 6.0)]
    assert result.targets[0].text == "成立献血工作领导小组,有专门股室负责献血工作"


# a `|` table whose group cells (序号, 项目分值, 备注) stand once, one standard a row closed by bare bracketed points
BRACKETED_STANDARDS = "\n".join([
    "| 序 号 | 项目分值 | 标    准 | 备 注 | ",
    "| 1 | 责任意识(5分) | 建立安全生产责任制度,做到制度上墙。(2.5) | 每条缺项,扣除本条分值。 | ",
    "| 企业负责人有明确的安全生产职责。(2.5) | ",
    "| 2 | 教育培训(6分) | 制定年度安全培训计划,落实到位。(2) | 后2项积分不累加。 | ",
    "| 新员工三级安全教育率达100%。(4) | ", ""])


def test_standards_closed_by_bare_bracketed_points_under_scored_group_cells_are_clauses(tmp_path):
    result = _text_file(tmp_path, BRACKETED_STANDARDS)
    assert [(t.section, t.section_points, t.seq, t.points) for t in result.targets] == [
        ("责任意识", 5.0, None, 2.5), ("责任意识", 5.0, None, 2.5), ("教育培训", 6.0, None, 2.0),
        ("教育培训", 6.0, None, 4.0)]
    assert result.targets[0].text == "建立安全生产责任制度,做到制度上墙"


def test_a_notice_whose_only_list_is_a_table_of_named_rows_with_points_gives_one_clause_a_row(tmp_path):
    rows = ["检查考评项目 | 分值 | 检查考评标准 | 检查考评方法 | 得分 |",
            "一、预防火灾发生 | 40 | 因履职不到位引发火灾的,每起扣10分,扣完为止。 | 查看报表 | |",
            "二、隐患排查整改 | 10 | 建立整改清单,隐患检查不到位的发现一处扣2分。 | 查看文件 | |",
            "三、宣传教育 | 10 | 开展宣传活动,未开展的扣5分。 | 查看记录 | |"]
    result = _text_file(tmp_path, "县直部门防火工作责任目标考评细则\n" + "\n".join(rows) + "\n")
    assert [(t.section, t.seq, t.text, t.points) for t in result.targets] == [
        (None, 1, "预防火灾发生", 40.0), (None, 2, "隐患排查整改", 10.0), (None, 3, "宣传教育", 10.0)]


def test_a_table_whose_names_are_merged_over_its_rows_gives_each_scored_standard_as_a_clause(tmp_path):
    rows = ["一级指标 | 二级指标 | 测评标准 | 分值 | 测评方法 |",
            "高度重视 | 加强学习 | 开展政策法规学习,党员干部政策知晓率≥90%。 | 10 | 听取汇报 |",
            "| | 组织开展宣传教育,增强思想认同。 | 8 | 实地检查 |",
            "| 健全机制 | 把创建活动纳入重要议事日程,有健全的工作机制。 | 6 | 材料审核 |"]
    result = _text_file(tmp_path, "创建“进机关”测评指标\n" + "\n".join(rows) + "\n")
    assert [(t.section, t.seq, t.points) for t in result.targets] == [(None, None, 10.0), (None, None, 8.0),
                                                                      (None, None, 6.0)]
    assert result.targets[1].text == "组织开展宣传教育,增强思想认同"


def test_a_table_giving_its_rows_to_assessing_departments_is_no_clause_list(tmp_path):
    rows = ["一级指标 | 二级指标 | 分值 | 考核内容及评分标准 | 考核部门 |",
            "党的建设(30分) | 组织建设 | 15 | 按要求召开会议,建立台账。 | 县委组织部 |",
            "| 宣传工作 | 15 | 开展宣传活动,得15分。 | 县委宣传部 |"]
    result = _text_file(tmp_path, "\n".join(rows) + "\n")
    assert result.targets == []
    assert [r.indicator for r in result.indicators] == ["组织建设", "宣传工作"]
