"""Notice shapes of holdout23, built in code: a flattened table whose rows each close with their bare 分值 glued
before the next row's 序号 (`…(2分)。102有固定…`), with the groups' headings `名称N分` between two rows."""
from __future__ import annotations

from parsers.extract.tail_rows import tail_valued_rows
from tests.extract.test_outline_shapes import _rows


def test_row_total_glued_before_the_next_row_number_and_parts_points_left_out():
    rows = _rows(["某评分表序号检查内容分值得分备注1有专人分管(1分),有保洁制度(1分)。22有宣传栏(2分),有记录(3分)。"
                  "53落实门前三包责任制.104道路平整(2分),无垃圾堆放(3分)。55河塘无漂浮物(3分),沟渠通畅(2分)。5"])
    assert [(r[2], r[4]) for r in rows] == [(1, 2.0), (2, 5.0), (3, 10.0), (4, 5.0), (5, 5.0)]
    assert rows[0][3] == "有专人分管,有保洁制度。"


def test_row_value_then_group_heading_then_next_row_number():
    rows = _rows(["某考核评分表类别检查内容序号评分细则标准分值得分公共区域8分1路面有垃圾,每发现1处扣0.5分。42绿地有垃圾,"
                  "每发现1处扣0.5分。4厕所6分3厕所脏乱,每发现1处扣1分。34露天粪缸,每发现1处扣3分。3河面4分5河塘有漂浮物,"
                  "每发现1处扣0.5分。4"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("公共区域", 8.0, 1, 4.0), ("公共区域", 8.0, 2, 4.0), ("厕所", 6.0, 3, 3.0), ("厕所", 6.0, 4, 3.0),
        ("河面", 4.0, 5, 4.0)]
    assert rows[3][3] == "露天粪缸,每发现1处扣3分。"


def test_a_header_repeated_inside_the_run_is_no_heading():
    rows = _rows(["某评分表序号评分细则标准分值得分庭院9分1房前有垃圾,每处扣0.5分。32院内有杂物,每处扣0.5分。3序号评分细则"
                  "标准分值得分3宅基地有垃圾,每处扣0.5分。34屋后有杂物,每处扣0.5分。3"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("庭院", n, 3.0) for n in (1, 2, 3, 4)]


def test_numbers_inside_a_run_without_a_value_column_are_no_rows():
    assert tail_valued_rows("某工作要求1完成任务。22开展活动。33报送材料。44总结经验。4") is None
    assert tail_valued_rows("序号内容分值1完成任务。22开展活动。3") is None  # fewer than four rows


def test_worth_labelled_at_the_start_of_each_rows_rule():
    rows = _rows(["某评分标准表评定项目评定内容评分细则加/减分得分功能设施(基准分14分)有设施设备:配置有厨房、餐厅等。单项基准6分,"
                  "每少1项扣0.5分。各功能室有统一标识。单项基准2分,不符合要求,该单项基准分扣完为止。全年运营时长达标。单项基准为6分,"
                  "全年运营240天不扣分,每少10天扣1.5分,240天以上每多10天加分1.5分,低于180天该项不得分。"])
    assert [(r[0], r[1], r[4]) for r in rows] == [("功能设施", 14.0, 6.0), ("功能设施", 14.0, 2.0), ("功能设施", 14.0, 6.0)]
    assert [r[3].split("。")[0] for r in rows] == ["有设施设备:配置有厨房、餐厅等", "各功能室有统一标识", "全年运营时长达标"]


def test_bonus_words_in_the_rule_of_an_item_named_with_its_worth_make_no_bonus_item():
    rows = _rows(["一、服务管理(10分)", "全年运营时长达标(6分)。每少10天扣1.5分,每多10天加分1.5分。",
                  "服务老人数量充足(4分)。每少5人扣1分。"])
    assert [(r[3][:8], r[4]) for r in rows] == [("全年运营时长达标", 6.0), ("服务老人数量充足", 4.0)]


CELL_FORM = ["某分馆考核评分细则", "项目", "考核评分细则", "标准分", "考核分", "(一)", "设施保障", "(36分)", "设施", "要求",
             "分馆现有设施设备符合基本配置要求。", "20分(达不到酌情扣分)", "智能", "设备", "(1)采用人脸识别设备;(3分)",
             "(2)采用自助借还设备。", "(3分)", "6分", "设施", "运行", "设施设备不挪用;网络稳定、通畅。",
             "设备等配置到位,运行良好。", "10分(达不到酌情扣分)", "(二)", "人员保障", "(10)", "人员", "要求",
             "有固定的专职工作人员,遵守各项工作纪律。", "10分"]


def test_a_form_written_one_cell_a_line_is_read_row_by_row():
    rows = _rows(CELL_FORM)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("设施保障", 36.0, None, 20.0), ("设施保障", 36.0, None, 6.0), ("设施保障", 36.0, None, 10.0),
        ("人员保障", 10.0, None, 10.0)]
    assert rows[0][3].startswith("设施要求分馆现有设施设备符合基本配置要求。")
    assert rows[2][3].startswith("设施运行设施设备不挪用;网络稳定、通畅。设备等配置到位")
    assert rows[1][3] == "智能设备:(1)采用人脸识别设备;(2)采用自助借还设备。"


def test_numbered_parts_after_an_unnumbered_clauses_worth_are_its_text():
    rows = _rows(["(一)业务工作(20分)", "开放时间(10分):(1)每周开放不少于40小时;(2)实行错时开放;(3)寒暑假延迟开放。",
                  "文献管理定期整理图书、期刊。(10分)"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("业务工作", None, 10.0), ("业务工作", None, 10.0)]
    assert rows[0][3] == "开放时间:(1)每周开放不少于40小时;(2)实行错时开放;(3)寒暑假延迟开放。"


def test_one_cell_a_line_without_a_value_column_is_left_as_it_is():
    from parsers.extract.cell_rows import cell_rows
    from schemas.blocks import Paragraph, Provenance
    paragraphs = [Paragraph(t, Provenance("m", None, i)) for i, t in enumerate(["项目", "内容"] + CELL_FORM[5:])]
    assert cell_rows(paragraphs) is paragraphs
