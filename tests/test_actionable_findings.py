"""Findings a drafter can act on: one finding per slip, each on the clause responsible, and no
cascade: a unit block pasted twice (next to its twin and apart), a skipped number, a wrong county
name, a doubled word and a changed clause, planted in a Word notice built here."""
from __future__ import annotations

from ingest.checks.names import likely_name
from ingest.checks.text import doubled_words
from ingest.pipeline import process_file
from tests.builders import new_docx, paged_docx

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
        ("unit_points_mismatch", "湖滨区", line_of("2. 完成造林任务（60分）")),
    ])
    suspect = next(f for f in result.findings if f.code == "unit_name_suspect")
    assert (suspect.expected, suspect.actual) == ("灵宝市", "灵宝县")
    typo = next(f for f in result.findings if f.code == "text_typo")
    assert "“社会社会”疑似重复词" in typo.message
    total = next(f for f in result.findings if f.code == "unit_points_mismatch")
    assert total.seq == 2 and "第2条“完成造林任务”为60分，其他单位同一条款为50分" in total.message


def _findings(tmp_path, lines: list[str]) -> list[tuple]:
    """Each finding with the paragraph it is on."""
    lines = HEAD[:-1] + lines
    result = process_file(paged_docx(tmp_path / "notice.docx", lines))
    return [(f.code, f.unit, f.section, f.seq, lines[f.line - 1]) for f in result.findings]


def _bureau(name: str, key: tuple[int, int], general: tuple[int, int], points=(30, 30, 20, 20)) -> list[str]:
    a, b, c, d = points
    return [name, f"（一）重点目标（{key[0]}分）", f"1. 完成招商引资任务（{a}分）；", f"2. 完成项目建设任务（{b}分）；",
            f"（二）一般目标（{general[0]}分）", f"1. 完成信访维稳任务（{c}分）；", f"2. 完成安全生产任务（{d}分）。"]


def test_unit_total_points_at_the_changed_clause_not_clause_1(tmp_path):
    """One clause's points changed in a unit like the others: the total's finding is on that clause."""
    lines = ["各县（市、区）责任目标"] + block("甲县", TWO) + block("乙县", TWO) + block("丙县", [TWO[0], (TWO[1][0], 40)])
    assert _findings(tmp_path, lines) == [("unit_points_mismatch", "丙县", None, 2, "2. 完成造林绿化任务9330亩（40分）。")]


def test_a_changed_clause_under_a_scored_section_is_one_finding_on_that_clause(tmp_path):
    """The section's sum and the unit's total both break: the section's finding says it, on the clause."""
    lines = (["各部门责任目标"] + _bureau("市甲局", (60,), (40,)) + _bureau("市乙局", (60,), (40,))
             + _bureau("市丙局", (60,), (40,), points=(30, 40, 20, 20)))
    assert _findings(tmp_path, lines) == [("section_points_mismatch", "市丙局", "重点目标", 2, "2. 完成项目建设任务（40分）；")]


def test_unit_total_names_the_section_declaring_other_points(tmp_path):
    """Sections that add up but declare other points than the other units' sections: the section is named."""
    lines = (["各部门责任目标"] + _bureau("市甲局", (60,), (40,)) + _bureau("市乙局", (60,), (40,))
             + ["市丙局", "（一）重点目标（70分）", "1. 完成污染防治任务（35分）；", "2. 完成河长制任务（35分）；",
                "（二）一般目标（40分）", "1. 完成信访维稳任务（20分）；", "2. 完成安全生产任务（20分）。"])
    (found,) = _findings(tmp_path, lines)
    assert found == ("unit_points_mismatch", "市丙局", "重点目标", None, "1. 完成污染防治任务（35分）；")


def test_unit_total_without_a_like_unit_stays_on_the_unit(tmp_path):
    lines = (["各县（市、区）责任目标"] + block("甲县", TWO) + block("乙县", [("完成招商引资5亿元", 60), ("完成项目建设", 40)])
             + block("丙县", [("完成污染防治任务", 50), ("完成河长制任务", 40)]))
    assert _findings(tmp_path, lines) == [("unit_points_mismatch", "丙县", None, None, "1. 完成污染防治任务（50分）；")]


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


def _plant_in_sample(source, target):
    """The issue's drafter's slips, planted in the 77-page sample notice (whose units score some items
    each their own way): a clause's points changed, a doubled word, a county's old name, a skipped
    number, and one unit's block pasted twice, next to its twin and pages apart."""
    import copy
    import re

    import docx

    document = docx.Document(str(source))
    paragraphs = document.paragraphs

    def find(prefix: str, start: int = 0) -> int:
        return next(i for i, p in enumerate(paragraphs) if i >= start and p.text.startswith(prefix))

    def rewrite(i: int, text: str) -> None:
        for run in paragraphs[i].runs[1:]:
            run._r.getparent().remove(run._r)
        paragraphs[i].runs[0].text = text

    changed = find("17.", find("湖滨区"))
    rewrite(changed, paragraphs[changed].text.replace("（40分）", "（50分）"))
    doubled = find("6.", find("陕州区"))
    rewrite(doubled, paragraphs[doubled].text.replace("社会消费品", "社会社会消费品"))
    rewrite(find("灵宝市", 20), "灵宝县")
    k = find("5.", find("卢氏县"))
    while (m := re.match(r"(\d+)\. ", paragraphs[k].text)) is not None:
        rewrite(k, f"{int(m.group(1)) + 1}. {paragraphs[k].text[m.end():]}")
        k += 1
    start = find("义马市", 20)
    block = [paragraphs[i]._p for i in range(start, find("目标考核减分因素", start))]
    for anchor in (block[-1], paragraphs[find("目标考核减分因素", find("灵宝县"))]._p):
        for element in reversed(block):
            anchor.addnext(copy.deepcopy(element))
    document.save(str(target))
    return target


def test_slips_planted_in_the_sample_notice_one_finding_each(tmp_path, samples):
    path = _plant_in_sample(samples / "sanmenxia_2020_targets.docx", tmp_path / "planted.docx")
    result = process_file(path)
    from parsers.readers.docx_reader import read_docx
    text_of = {b.prov.line: b.text for b in read_docx(path, "p").blocks if hasattr(b, "text")}
    found = [(f.code, f.unit, f.seq, text_of[f.line][:12]) for f in result.findings
             if f.severity != "info" or (f.code == "text_typo" and "重复词" in f.message)]
    assert found == [
        ("rollup_mismatch", "三门峡市", None, "16.进出口总额完成16"),  # the notice's own, as before
        ("duplicate_unit", "义马市", 1, "1.生产总值、人均地区生"),
        ("unit_points_mismatch", "湖滨区", 17, "17.完成市政府下达的地"),
        ("text_typo", "陕州区", 6, "6.社会社会消费品零售总"),
        ("unit_name_suspect", "灵宝县", 1, "1.生产总值、人均地区生"),
        ("duplicate_unit", "义马市", 1, "1.生产总值、人均地区生"),
        ("numbering_gap", "卢氏县", 6, "6.固定资产投资增速高于"),
        ("section_points_mismatch", "市住房和城乡建设局", None, "1.完成新建供热管道5公"),  # the sample's real one
    ]
    total = next(f for f in result.findings if f.code == "unit_points_mismatch")
    assert "第17条“完成市政府下达的地表水环境质量、空气质量…”为50分，其他单位同一条款为40分" in total.message


def test_unparsed_text_under_a_variant_unit_name_stays_in_its_unit(samples):
    """The sample writes 澠池县 in its heading: the text left under it was reported under 澠池县 beside
    the clauses' 渑池县, one county as two in the text report."""
    from ingest.writers.reports import render_text

    result = process_file(samples / "sanmenxia_2020_targets.docx")
    assert {f.unit for f in result.findings if f.unit and "池县" in f.unit} == {"渑池县"}
    assert "【澠池县】" not in render_text([result])


def test_a_word_numbered_block_pasted_twice_is_one_duplicate_not_a_doubled_total(tmp_path):
    """Word numbers a pasted list on from the one it was copied from (1, 2 | 3, 4): the copy, next to
    its twin or apart, read as the same unit's items 3 and 4: a total of 200 and no duplicate_unit."""
    from tests.builders import add_numbering, numbered

    document = new_docx()
    for line in HEAD:
        document.add_paragraph(line)

    def unit_block(unit: str, num_id: str, clauses=TWO) -> None:
        document.add_paragraph(unit)
        for n, (text, points) in enumerate(clauses, start=1):
            numbered(document, f"{text}（{points}分）{'。' if n == len(clauses) else '；'}", num_id)

    mianchi, yima, hubin = (add_numbering(document, "decimal", "%1.") for _ in range(3))
    unit_block("渑池县", mianchi)
    unit_block("渑池县", mianchi)  # pasted next to its twin
    unit_block("义马市", yima)
    unit_block("湖滨区", hubin)
    unit_block("义马市", yima)  # pasted apart
    document.save(tmp_path / "numbered.docx")
    result = process_file(tmp_path / "numbered.docx")
    assert [(f.code, f.unit, f.seq, f.line) for f in result.findings] == [
        ("duplicate_unit", "渑池县", 3, len(HEAD) + 5), ("duplicate_unit", "义马市", 3, len(HEAD) + 14)]
