"""Notice shapes left open by holdout23, built in code: a form written one cell a line whose last row's value is a
bare number ending the text (`…有效流转。` / `5`), which is no page number."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.targets import extract_targets
from parsers.readers.page_numbers import trailing_value
from parsers.readers.text_reader import read_text

FORM = ["某分馆考核评分细则", "达标", "项目", "考核评分细则", "标准分", "考核分", "(一)", "设施保障", "(36分)", "设施",
        "要求", "分馆现有设施设备符合基本配置要求。", "20分(达不到酌情扣分)", "智能", "设备", "(1)采用人脸识别设备;(3分)",
        "(2)采用自助借还设备。", "(3分)", "6分", "设施", "运行", "设施设备不挪用;网络稳定、通畅。", "设备等配置到位,运行良好。",
        "10分(达不到酌情扣分)", "(二)", "业务工作", "(15分)", "开放时间", "每周开放时间不少于40小时。", "10分", "文献",
        "管理", "定期对图书、期刊进行整理工作。"]


def _rows(tmp_path: Path, lines: list[str]) -> list[tuple]:
    path = tmp_path / "form.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    doc = read_text(path, "form", False)
    return [(t.section, t.text, t.points) for t in extract_targets(doc, "d").targets]


def test_lone_number_ending_a_cell_a_line_form_is_its_last_rows_value(tmp_path: Path):
    rows = _rows(tmp_path, FORM + ["5"])
    assert [(r[0], r[2]) for r in rows] == [("设施保障", 20.0), ("设施保障", 6.0), ("设施保障", 10.0),
                                             ("业务工作", 10.0), ("业务工作", 5.0)]
    assert rows[-1][1] == "文献管理定期对图书、期刊进行整理工作。"


def test_lone_number_ending_a_page_numbered_text_stays_a_page_number():
    lines = ["一、总则", "", "完成全年任务。", "10分", "", "3", "", "二、考核", "做好宣传。", "5分", "开展培训。", "6分",
             "落实责任。", "4"]
    assert not trailing_value(lines, len(lines) - 1)  # the `3` before it numbers pages


def test_lone_number_ending_prose_without_value_lines_stays_a_page_number():
    lines = ["各单位要高度重视,认真落实。", "", "某某县人民政府办公室。", "", "2"]
    assert not trailing_value(lines, len(lines) - 1)
    assert trailing_value(["完成任务。", "10分", "做好宣传。", "5分", "开展培训。", "6分", "落实责任。", "", "4"], 8)


def test_worth_opening_a_rule_in_its_own_column_leaves_the_rule_out_of_the_text_and_its_bonus_words_make_no_bonus():
    from tests.extract.test_outline_shapes import _rows as outline_rows
    rows = outline_rows(["某评分标准表评定项目评定内容评分细则加/减分得分服务管理(基准分12分)运营时长。单项基准为6分,全年运营240天不扣分,"
                         "每少10天扣1.5分,每多10天加分1.5分。服务人数。单项基准为6分,平均每日20人不扣分,每增10人加3分,每少5人扣1分。"])
    assert [(r[0], r[3], r[4]) for r in rows] == [("服务管理", "运营时长。", 6.0), ("服务管理", "服务人数。", 6.0)]



def test_cell_a_line_form_whose_group_name_and_points_share_a_line_reads_as_with_them_apart(tmp_path: Path):
    """2301 printed from a web page: Chromium set `设施保障(36分)` on one line (the cell was wide enough for both), and
    the group's name was glued to its first row's content, the form's structure lost (3 clauses of 6, under a unit
    named after a row)."""
    import regex

    from ingest.pipeline import process
    from tests.conftest import ROOT

    source = ROOT / "tests/data/holdout23/2301_cun_shequ_fenguan_litang_shuwu_kaohe_pingfen_xize.txt"
    lines = [line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    joined: list[str] = []
    for k, line in enumerate(lines):
        if regex.match(r"^[(（]\d+分?[)）]$", line) and regex.match(r"^[(（][一二三四五六七八九十]+[)）]$", lines[k - 2]):
            joined[-1] += line
        else:
            joined.append(line)
    assert "设施保障(36分)" in joined and "业务工作(20分)" in joined
    path = tmp_path / "2301_joined.txt"
    path.write_text("\n\n".join(joined) + "\n", encoding="utf-8")
    expected = [(t.unit, t.section, t.points, t.text) for t in process(source).targets]
    assert len(expected) == 6 and [(t.unit, t.section, t.points, t.text) for t in process(path).targets] == expected
