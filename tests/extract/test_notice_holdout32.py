"""Notice shapes fixed after holdout32 (3201–3205), built in code: deduction-only items whose rule stands on the
paragraph below their line (`1.建立健全了各種機構…。` over `每少一種機構…扣0.5分。`) under a scored heading."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.metadata import extract_metadata
from parsers.readers.text_reader import read_text
from tests.builders import extract_lines

ITEMS_WITH_THEIR_DEDUCTION_BELOW = [
    "某計生局人口計劃生育目標考核辦法",
    "一、鎮鄉年度目標考核內容及辦法(100分)",
    "(一)黨政重視(10分)",
    "1.建立健全了各種機構和相關制度。",
    "每少一種機構或少一項制度的扣0.5分。",
    "2.鎮鄉人民政府年初有計劃生育等工作意見。",
    "每少出臺一種意見扣0.5分。",
    "3.人口目標全面完成。全年符合政策生育率達82%以上。",
    "符合政策生育率82%以下的記零分,并給予“一票否決”。",
    "(二)示範村建設(27分)",
    "1.計劃生育群眾自治(",
]


def test_items_with_their_deduction_on_the_line_below_are_deduction_only_clauses(tmp_path: Path):
    targets = extract_lines(tmp_path, ITEMS_WITH_THEIR_DEDUCTION_BELOW).targets
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("黨政重視", 10.0, 1, None), ("黨政重視", 10.0, 2, None), ("黨政重視", 10.0, 3, None)]
    assert targets[0].text.startswith("建立健全了各種機構和相關制度。")


LAST_OF_A_LIST_OVER_THE_NEXT_LISTS_LEAD = [
    "(一)宣传阵地建设(20分)",
    "有下列情形的,每项扣2分。",
    "(1)宣传栏板面、内容陈旧的;",
    "(2)台帐记录和装订不齐全、不规范的。",
    "有下列情形的,每项扣5分。",
    "(1)没有建立宣传工作队伍的;",
    "(2)没有交通安全宣传活动室的。",
    "(二)建立健全交通安全规章制度(10分)",
]


def test_last_item_of_a_list_over_the_next_lists_lead_is_no_deduction_item(tmp_path: Path):
    targets = extract_lines(tmp_path, LAST_OF_A_LIST_OVER_THE_NEXT_LISTS_LEAD).targets
    assert all(t.points is not None for t in targets)


A_FORM_ONE_CELL_A_LINE = [
    "年度黨風廉政建設責任制考核評分標準",
    "落",
    "實",
    "責",
    "任",
    "(22分)",
    "黨委集體領導責任(12分)",
    "1.黨委制定落實黨風廉政建設主體責任實施方案或細則;(3分)",
    "有就得滿分,沒有得0分",
    "2.黨委安排部署年度黨風廉政建設和反腐敗工作任務;(3分)",
    "3.黨委至少召開2次專題研究黨風廉政建設和反腐敗工作的會議;(4分)",
    "有1次得1分",
    "4.開展廉潔從業教育(1分);開展任職廉政談話(1分)。(2分)",
    "按分項打分",
    "黨委主要負責人第一責任",
    "(10分)",
    "1.及時召開會議傳達學習上級的精神(1分),主持研究提出貫徹落實的具體意見(2分);(3分)",
    "按分項打分",
    "2.對落實主體責任作出全面安排部署;(7分)",
]


def test_a_forms_grading_lines_name_no_unit_and_a_closing_worth_is_the_items(tmp_path: Path):
    targets = extract_lines(tmp_path, A_FORM_ONE_CELL_A_LINE).targets
    assert [(t.unit, t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("", "黨委集體領導責任", 12.0, 1, 3.0), ("", "黨委集體領導責任", 12.0, 2, 3.0),
        ("", "黨委集體領導責任", 12.0, 3, 4.0), ("", "黨委集體領導責任", 12.0, 4, 2.0),
        ("", "黨委主要負責人第一責任", 10.0, 1, 3.0), ("", "黨委主要負責人第一責任", 10.0, 2, 7.0)]


def test_a_worth_closing_a_line_after_its_parts_worths_is_the_clauses():
    from parsers.extract.points import read_points
    reading = read_points("4.按要求開展談心談話(1分)、工作約談(1分),對苗頭性問題及時進行提醒告誡談話(1分),責令糾錯。(3分)")
    assert reading.points == 3.0
    assert reading.text.endswith("責令糾錯。")
    assert read_points("組織領導。(4分)成立小組。(2分)制定方案。(2分)").points == 4.0  # a first worth totalling the rest


INDICATORS_WORTH_IN_THEIR_PARAGRAPH = [
    "年度經營業績考核計分細則",
    "一、年度經營業績考核綜合計分",
    "年度經營業績考核綜合得分=(利潤總額指標得分+經濟增加值指標得分)×經營難度系數+獎勵分-考核扣分",
    "二、年度經營業績考核各指標計分",
    "(一)利潤總額指標計分。",
    "利潤總額指標的基本分為30分。企業負責人完成目標值時,得基本分30分。",
    "1.利潤總額考核目標值不低于基準值時,完成值每超過目標值3%,加1分,最多加6分。",
    "2.利潤總額考核目標值為負數,完成值減虧部分折半計算;超額完成考核目標,最多加3分。",
    "(二)經濟增加值指標計分。",
    "經濟增加值指標的基本分為70分。企業負責人完成目標值時,得基本分70分。",
    "1.經濟增加值考核目標值不低于基準值時,完成值每超過目標值3%,加1分,最多加6分。",
]


def test_an_indicators_worth_in_its_paragraph_over_numbered_rules(tmp_path: Path):
    targets = extract_lines(tmp_path, INDICATORS_WORTH_IN_THEIR_PARAGRAPH).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 30.0), (2, 70.0)]
    assert targets[0].text.startswith("利潤總額指標計分。利潤總額指標的基本分為30分。")
    assert "最多加6分" not in targets[0].text


def test_a_title_line_run_on_into_a_sentence_citing_a_notice_is_the_title(tmp_path: Path):
    """holdout32 3201: `X計生局…考核辦法` / `根據…關于印發《…》的通知,…` (the two lines joined by the reader)."""
    path = tmp_path / "notice.txt"
    path.write_text("X計生局人口計劃生育目標考核辦法\n根據市人口和計劃生育領導小組關于印發《市2013年人口和計劃生育目標考核"
                    "實施細則》的通知,人口領組發〔2013〕3號文件精神,結合我縣實際,特制定本辦法。\n一、鎮鄉年度目標考核內容(100分)\n",
                    encoding="utf-8")
    meta = extract_metadata(read_text(path, "notice", False))
    assert meta.title == "X計生局人口計劃生育目標考核辦法"
    assert meta.issuer is None


def test_a_pages_title_line_quoting_the_documents_title_before_its_section(tmp_path: Path):
    """holdout32 3202: `"村委人口与计划生育考核办法"计划生育工作计划` (the site's section after the quoted title)."""
    path = tmp_path / "notice.txt"
    path.write_text('"村委人口与计划生育考核办法"计划生育工作计划\n\n一、考核指标\n\n(一)保障指标(10分)\n', encoding="utf-8")
    assert extract_metadata(read_text(path, "notice", False)).title == "村委人口与计划生育考核办法"


A_CATEGORY_CELL_AMONG_ITS_ROWS = [
    "会计学院学生党支部考核评价细则",
    "考评标准 考评标准内涵 考评要素 注 自评得分 党委评价得分1. 引导党员立足本职、创先争优,党支部成为班级核心。 ( 4分)指党支部"
    "成员能够积极参与班级事务2. 积极影响、带动广大学生明确学习目的,树立优良学风。( 4分)3. 积极引导学生明辨是非、诚实守信。 ( 4分)"
    "4. 支部活动丰富,主题鲜明,成效显著。 ( 4分)5. 及时了解掌握学生思想状况,无违纪记录。 ( 4分)1.工作业绩( 25分)紧紧围绕中心,服务大局,"
    "工作成绩突出。6. 支部建设取得显著成果,并受到院级及以上表彰。 ( 5分)1. 严格党员管理,有激发党员积极性与创造性的激励机制。( 2分)"
    "指党支部建设激励考核机制,量化考核标准2. 努力",
]


def test_a_flattened_tables_category_cell_among_its_rows_heads_them(tmp_path: Path):
    targets = extract_lines(tmp_path, A_CATEGORY_CELL_AMONG_ITS_ROWS).targets
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("工作业绩", 25.0, 1, 4.0), ("工作业绩", 25.0, 2, 4.0), ("工作业绩", 25.0, 3, 4.0), ("工作业绩", 25.0, 4, 4.0),
        ("工作业绩", 25.0, 5, 4.0), ("工作业绩", 25.0, 6, 5.0), (None, None, 1, 2.0)]
    assert "工作业绩" not in targets[4].text
    assert targets[6].text.startswith("严格党员管理")
