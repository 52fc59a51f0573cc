"""Every check, planted in notices the tests build (docx and text), found at its unit and line."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from tests.builders import new_docx, write_text

# Line numbers below are 1-based paragraph indices, the same in the .txt and the .docx.
NOTICE = [
    "某市人民政府文件",                                   # 1
    "某政[2020]第09号",                                    # 2  doc_number_format
    "某市人民政府关于印发2020年度目标的通知",              # 3
    "各县（市、区）人民政府：",                           # 4
    "2020年8月22日",                                       # 5
    "二、本职工作责任目标（100分）。具体如下：",           # 6
    "各县（市、区）责任目标",                             # 7
    "甲县",                                                # 8
    "1. 城镇新增就业2400人（50分）；",                     # 9
    "2. 完成年度造林绿化任务9330亩（30分）；",             # 10  unit_points_mismatch (50+30+10 ≠ 100)
    "乙县",                                                # 11
    "1. 城镇新增就业1000人（50分）；",                     # 12
    "2. 进出口总额完成1亿元（25分）；",                    # 13
    "4. 完成招商引资5亿元（25分）；",                      # 14  numbering_gap
    "丙县",                                                # 15
    "1. 城镇新增就业800人（50分）；",                      # 16
    "1. 完成造林任务（50分）；",                           # 17  numbering_duplicate
    "丁县",                                                # 18
    "1. 城镇新增就业600人（50分）；",                      # 19
    "2. 完成市政府确定的目标任任务（25分）；",             # 20  text_typo
    "2. 完成造林任务；",                                   # 21  missing_points, numbering_duplicate
    "本单位另行考核的事项由牵头部门认定，不计入总分。",   # 22  unparsed_text
    "各部门责任目标",                                      # 23
    "市商务局",                                            # 24
    "（一）重点目标（60分）",                              # 25
    "1. 进出口总额完成10亿元（50分）；",                   # 26  section_points_mismatch (50 ≠ 60)
    "（二）一般目标（50分）",                              # 27
    "2. 完成行政服务工作目标（30分）；",                   # 28
    "3. 完成招商任务（20分）；",                           # 29
    "甲县",                                                # 30
    "3. 完成市政府确定的环境保护工作目标任务（10分）",     # 31  duplicate_unit
    "戊县",                                                # 32
    "1. 城镇新增就业500人（50分）；",                      # 33
    "3. 完成造林任务（25分）；",                           # 34  numbering_gap
    "2. 完成招商任务（25分）。",                           # 35  numbering_order
]
TABLE_ROWS = [
    ["序号", "考核项目", "各项分值", "完成情况", "目标任务"],
    ["", "总分", "100", "", ""],
    ["一、", "经济发展", "60", "", ""],
    ["1", "招商引资", "30", "一季度得31.5分", "综合评价得30分以上"],
    ["2", "固定资产投资", "20", "", ""],
    ["2", "社会消费品零售", "10", "", ""],
    ["二、", "社会民生", "30", "", ""],
    ["1", "城镇新增就业", "30", "", "综合评价得30分"],
]


def _expected(lines_of_table: list[int]):
    header_line, total_line, group1, item1, item2, item3, group2, item4 = lines_of_table
    return sorted([
        ("doc_number_format", None, 2),  # at the 发文字号 line
        ("unit_points_mismatch", "甲县", 9),
        ("numbering_gap", "乙县", 14),
        ("numbering_duplicate", "丙县", 17),
        ("missing_points", "丁县", 21),
        ("numbering_duplicate", "丁县", 21),
        ("section_points_mismatch", "市商务局", 26),
        ("duplicate_unit", "甲县", 31),
        ("numbering_gap", "戊县", 34),
        ("numbering_order", "戊县", 35),
        ("score_exceeds_weight", None, item1),
        ("weight_total_mismatch", None, total_line),
        ("table_numbering_duplicate", None, item3),
    ], key=str)


def _problems(result):
    return sorted([(f.code, f.unit, f.line) for f in result.findings if f.severity != "info"], key=str)


def _infos(result):
    return sorted((f.code, f.unit, f.line) for f in result.findings if f.severity == "info")


def _text_notice(tmp_path):
    table = "\n".join("\n".join("\t" + c for c in row) + "\n" for row in TABLE_ROWS)
    text = "\n".join(NOTICE) + "\n附件1\n考核细则\n" + table
    return write_text(tmp_path / "notice.txt", text)


def _docx_notice(tmp_path):
    document = new_docx()
    for line in NOTICE:
        document.add_paragraph(line)
    document.add_paragraph("附件1")
    document.add_paragraph("考核细则")
    table = document.add_table(rows=len(TABLE_ROWS), cols=len(TABLE_ROWS[0]))
    for r, row in enumerate(TABLE_ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "notice.docx"
    document.save(path)
    return path


def test_planted_problems_in_text(tmp_path):
    result = process_file(_text_notice(tmp_path))
    first = len(NOTICE) + 3  # after 附件1 and the title
    assert _problems(result) == _expected([first + 6 * k for k in range(len(TABLE_ROWS))])


def test_planted_problems_in_docx(tmp_path):
    result = process_file(_docx_notice(tmp_path))
    first = len(NOTICE) + 3
    assert _problems(result) == _expected([first + k for k in range(len(TABLE_ROWS))])


@pytest.mark.parametrize("build", [_text_notice, _docx_notice])
def test_planted_info_findings(tmp_path, build):
    result = process_file(build(tmp_path))
    assert _infos(result) == [("text_typo", "丁县", 20), ("text_typo", "甲县", 31), ("unparsed_text", "丁县", 22)]
    typo = {f.line: f.message for f in result.findings if f.code == "text_typo"}
    assert typo == {20: "“任任”疑似重复字", 31: "条款末尾缺少标点"}


def test_messages_and_values():
    from ingest.checks import KINDS
    from ingest.checks.base import finding
    from schemas.records import DocumentInfo, Extraction
    ex = Extraction(DocumentInfo("d", "x.docx", "", "docx"))
    f = finding(ex, "section_points_mismatch", unit="市商务局", section="重点目标", expected=60.0, actual=50.0,
                breakdown="第1-1条：50", page=None, line=26)
    assert (f.severity, f.expected, f.actual) == ("error", "60", "50")
    assert f.message == "重点目标声明60分，合计50分（第1-1条：50）"
    assert set(KINDS) >= {"section_points_mismatch", "weight_total_mismatch", "text_typo"}


def test_unit_total_from_majority_when_not_declared(tmp_path):
    lines = ["各县（市、区）责任目标"]
    for name, points in (("甲县", (60, 40)), ("乙县", (50, 50)), ("丙县", (70, 40))):
        lines += [name] + [f"{i}. 完成任务{i}（{p}分）；" for i, p in enumerate(points, start=1)]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    (f,) = [f for f in result.findings if f.code == "unit_points_mismatch"]
    assert (f.unit, f.expected, f.actual) == ("丙县", "100", "110")
    assert "多数单位（2/3）" in f.message


def test_numbering_restarting_per_section_is_not_a_gap(tmp_path):
    lines = ["各部门责任目标"]
    for name in ("市甲局", "市乙局"):
        lines += [name, "（一）重点目标（60分）", "1. 甲（60分）；", "（二）一般目标（40分）", "1. 乙（20分）；", "2. 丙（20分）。"]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert [f.code for f in result.findings if f.severity == "error"] == []


def test_bonus_rows_stand_outside_the_total(tmp_path):
    rows = [["序号", "考核项目", "各项分值"], ["", "总分", "100"], ["一、", "基础工作", "100"],
            ["1", "组织领导", "100"], ["二、", "综合奖扣分", "10"]]
    table = "\n".join("\n".join("\t" + c for c in row) + "\n" for row in rows)
    result = process_file(write_text(tmp_path / "t.txt", "考核细则\n" + table))
    assert [f.code for f in result.findings] == []


@pytest.mark.parametrize("name", ["sanmenxia_2020_targets.md", "sanmenxia_2020_targets.docx",
                                  "sanmenxia_2020_targets.pdf", "jiayuguan_2022q2_decomposition.txt",
                                  "jiayuguan_2022q2_decomposition.docx", "jiayuguan_2022q2_decomposition.pdf"])
def test_samples_have_only_the_real_error(samples, name):
    result = process_file(samples / name)
    errors = [(f.code, f.unit, f.section, f.expected, f.actual) for f in result.findings if f.severity == "error"]
    warnings = [(f.code, f.expected, f.actual) for f in result.findings if f.severity == "warning"]
    if name.startswith("sanmenxia"):
        assert errors == [("section_points_mismatch", "市住房和城乡建设局", "重点目标", "300", "500")]
        # the notice's own figures: the counties' 进出口总额 add up to 35亿元, the city's is 162.46亿元
        assert warnings == [("rollup_mismatch", "16246000000元", "3500000000元")]
    else:
        assert errors == warnings == []


def test_table_numbering_gap_and_missing_metadata(tmp_path):
    rows = [["序号", "考核项目", "各项分值"], ["1", "组织领导", "10"], ["2", "日常工作", "10"], ["4", "宣传工作", "10"]]
    table = "\n".join("\n".join("\t" + c for c in row) + "\n" for row in rows)
    text = "关于下达目标的通知\n各部门责任目标\n市甲局\n1. 完成任务（100分）。\n附件1\n考核细则\n" + table
    result = process_file(write_text(tmp_path / "n.txt", text))
    problems = [(f.code, f.expected, f.actual, f.line) for f in result.findings if f.severity == "warning"]
    assert problems == [("missing_metadata", "发文机关、发文字号、成文日期", None, None),
                        ("table_numbering_gap", "3", "4", 19)]


def test_missing_metadata_actual_names_what_the_head_states(tmp_path):
    """预期 lists the three fields, 实际 those the head does state: it had listed the missing ones under 实际, so
    a drafter read the one field the notice lacked as the one it had."""
    text = ("某县人民政府\n关于下达目标的通知\n各部门：\n市甲局\n1. 完成任务（100分）。\n某县人民政府\n2020年3月5日\n")
    result = process_file(write_text(tmp_path / "n.txt", text))
    (f,) = [f for f in result.findings if f.code == "missing_metadata"]
    assert (f.expected, f.actual, f.message) == ("发文机关、发文字号、成文日期", "发文机关、成文日期", "未找到发文字号")
