"""Notice shapes fixed after holdout27 2702, built in code: the scored list as a 要素 table (`一级要素 | 二级要素 |
标准分值 | 考评要点 | 扣分分值 | 评分标准 …`, the assessor's columns blank), each row a clause named by its lowest level and its 要点."""
from __future__ import annotations

from pathlib import Path

from tests.builders import extract_lines

LEVELED_TABLE = [
    "某市安全生产规范化考评细则",
    "申请考评必须具备以下条件:",
    "1.按照本细则进行自评合格。",
    "2.年度内未发生较大事故。",
    "一级要素 | 二级要素 | 标准分值 | 考评要点 | 扣分分值 | 评分标准",
    "组织建设(30分) | 工作方案(10分) | 10分 | 结合实际制定实施方案。 |  | 1.未制定方案的,扣10分。",
    " | 机构人员(20分) | 20分 | 明确机构和专职人员。 |  | 1.未明确的,扣20分。",
    "日常监管(20分) | 隐患排查(20分) | 20分 | 定期开展隐患排查。 |  | 1.未排查的,扣5分。",
]


def test_leveled_table_rows_are_clauses(tmp_path: Path):
    targets = extract_lines(tmp_path, LEVELED_TABLE).targets
    assert [(t.section, t.section_points, t.text, t.points) for t in targets] == [
        ("组织建设", 30.0, "工作方案结合实际制定实施方案", 10.0),
        ("组织建设", 30.0, "机构人员明确机构和专职人员", 20.0),
        ("日常监管", 20.0, "隐患排查定期开展隐患排查", 20.0)]


# an excerpt keeps one row under a two-line header (`考评要素` over `一级要素 | 二级要素`), the form's 扣分分值 and 得分
# columns blank: the one filled weight column is the row's, and the row's own points agree with it
ONE_ROW = LEVELED_TABLE[:4] + [
    "考评要素 | 标准 分值 | 考评要点 | 评分标准 | 考评方式 | 扣分说明 | 扣分分值 | 得分 | ||",
    "一级要素 | 二级要素 | ||||||||",
    "组织建设(30分) | 工作方案(10分) | 10分 | 结合实际制定实施方案。 | 1.未制定方案的,扣10分。 2.未落实的,扣10",
]


def test_leveled_table_of_one_row_when_its_points_agree(tmp_path: Path):
    targets = extract_lines(tmp_path, ONE_ROW).targets
    assert [(t.section, t.section_points, t.text, t.points) for t in targets] == [
        ("组织建设", 30.0, "工作方案结合实际制定实施方案", 10.0)]


def test_leveled_table_whose_points_disagree_is_not_read(tmp_path: Path):
    lines = ONE_ROW[:-1] + [ONE_ROW[-1].replace("工作方案(10分)", "工作方案(5分)")]
    assert not any(t.points == 10.0 for t in extract_lines(tmp_path, lines).targets)


# holdout28 2804: a table's 说明 notes numbered from inside the label's line (`说明:1、…`), the rest on lines of their
# own (`2、…` `3、…`), one of them naming points (`…得10、9、8分,其余得7分`): notes, not clauses
NOTES_AFTER_A_LIST = [
    "某局工作考核办法",
    "一、队伍建设(20分)",
    "二、业务工作(30分)",
    "说明:1、发生重大违纪事件的,不予评优。",
    "2、对安全监管指标实行一票否决制。",
    "3、政务信息按年度考核结果打分:一、二、三等奖分别得10、9、8分,其余得7分。",
    "4、考核等次分为:优秀、良好、合格、不合格。",
]


def test_numbered_notes_after_a_note_label_are_not_clauses(tmp_path: Path):
    targets = extract_lines(tmp_path, NOTES_AFTER_A_LIST).targets
    assert [(t.text, t.points) for t in targets] == [("队伍建设", 20.0), ("业务工作", 30.0)]


def test_a_list_after_the_notes_is_read_again(tmp_path: Path):
    # a line that does not go on with the notes' numbering ends them
    lines = NOTES_AFTER_A_LIST[:5] + ["三、综合考评(10分)"]
    assert [(t.text, t.points) for t in extract_lines(tmp_path, lines).targets][-1] == ("综合考评", 10.0)
