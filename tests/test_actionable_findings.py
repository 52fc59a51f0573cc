"""Findings a drafter can act on: one finding per slip, each on the clause responsible, and no
cascade: a unit block pasted twice (next to its twin and apart), a skipped number, a wrong county
name, a doubled word and a changed clause, planted in a Word notice built here."""
from __future__ import annotations

from ingest.checks.names import likely_name
from ingest.checks.text import doubled_words
from ingest.pipeline import process_file
from tests.builders import new_docx

HEAD = ["某市人民政府文件", "某政〔2020〕9号", "某市人民政府关于印发2020年度目标的通知", "各县（市、区）人民政府：",
        "2020年8月22日", "二、本职工作责任目标（100分）。具体如下：", "各县（市、区）责任目标"]


def block(unit: str, clauses: list[tuple[str, int]]) -> list[str]:
    return [unit] + [f"{n}. {text}（{points}分）{'。' if n == len(clauses) else '；'}"
                     for n, (text, points) in enumerate(clauses, start=1)]


TWO = [("城镇新增就业2400人", 50), ("完成造林绿化任务9330亩", 50)]
BODY = (block("渑池县", TWO) + block("渑池县", TWO)  # pasted twice, next to its twin
        + block("义马市", [("城镇新增就业1000人", 60), ("完成招商引资5亿元", 40)])
        + block("灵宝县", TWO)  # the county has been 灵宝市 since 1993
        + ["卢氏县", "1. 城镇新增就业800人（50分）；", "3. 完成造林任务（50分）。"]  # 2 skipped
        + block("陕州区", [("社会社会消费品零售总额增长8%", 50), ("完成造林任务", 50)])  # doubled word
        + block("湖滨区", [("城镇新增就业600人", 50), ("完成造林任务", 60)])  # changed clause: 60, not 50
        + block("义马市", [("城镇新增就业1000人", 60), ("完成招商引资5亿元", 40)]))  # pasted again, apart
LINES = HEAD + BODY


def line_of(text: str, nth: int = 1) -> int:
    hits = [i + 1 for i, line in enumerate(LINES) if line == text or line.startswith(text)]
    return hits[nth - 1]


def _notice(tmp_path):
    document = new_docx()
    for line in LINES:
        document.add_paragraph(line)
    path = tmp_path / "slips.docx"
    document.save(path)
    return path


def test_one_finding_per_slip_each_on_its_clause(tmp_path):
    result = process_file(_notice(tmp_path))
    found = sorted((f.code, f.unit, f.line) for f in result.findings)
    second_mianchi = line_of("渑池县", 2) + 1
    second_yima = line_of("义马市", 2) + 1
    assert found == sorted([
        ("duplicate_unit", "渑池县", second_mianchi),
        ("duplicate_unit", "义马市", second_yima),
        ("unit_name_suspect", "灵宝县", line_of("灵宝县") + 1),
        ("numbering_gap", "卢氏县", line_of("3. 完成造林任务（50分）。")),
        ("text_typo", "陕州区", line_of("1. 社会社会")),
        ("unit_points_mismatch", "湖滨区", found_line(result, "unit_points_mismatch")),
    ])
    suspect = next(f for f in result.findings if f.code == "unit_name_suspect")
    assert (suspect.expected, suspect.actual) == ("灵宝市", "灵宝县")
    typo = next(f for f in result.findings if f.code == "text_typo")
    assert "“社会社会”疑似重复词" in typo.message
    assert found_line(result, "unit_points_mismatch") in (line_of("湖滨区") + 1, line_of("2. 完成造林任务（60分）"))


def found_line(result, code: str) -> int:
    return next(f.line for f in result.findings if f.code == code)


def test_unit_name_suspect_needs_one_likely_name():
    assert likely_name("灵宝县", {"渑池县", "义马市"}, set()) == ("灵宝市", "行政区划名录")
    assert likely_name("卢式县", {"渑池县"}, set()) == ("卢氏县", "行政区划名录")
    assert likely_name("渑池县", {"义马市"}, set()) is None  # a real county
    assert likely_name("开发区", {"渑池县"}, set()) is None  # no division close to it
    assert likely_name("市发改委", set(), {"市发改委"}) is None
    # the notice's own units come first: 甲乙县 beside 甲乙市 in the same notice
    assert likely_name("湖宾区", {"湖滨区", "义马市"}, set()) == ("湖滨区", "通知中其他单位")


def test_doubled_words_but_not_numbers_or_single_characters():
    assert doubled_words("提高社会社会消费品零售零售总额") == ["社会社会", "零售零售"]
    assert doubled_words("一二一二，层层落实") == []


def test_a_variant_character_never_splits_a_unit(tmp_path):
    """澠池县 and 渑池县 are one county: one unit in the records and the report, its second block a duplicate."""
    from ingest.writers.html_report import render_html

    lines = HEAD + block("澠池县", TWO) + block("义马市", TWO) + block("渑池县", TWO)
    document = new_docx()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "variants.docx"
    document.save(path)
    result = process_file(path)
    assert {t.unit for t in result.targets} == {"渑池县", "义马市"}
    assert [(f.code, f.unit) for f in result.findings] == [("duplicate_unit", "渑池县")]
    page = render_html([result])
    assert page.count("<h2>渑池县</h2>") == 1 and "澠" not in page
