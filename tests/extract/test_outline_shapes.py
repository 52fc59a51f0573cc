"""Shapes of notices built in code that the outline reader must generalise to: a heading written as a
sentence, scoring rules in plain paragraphs under a scored heading, `(单项满分:N)`, a heading repeated
with `(续)` after a page break, and a closing note."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.points import read_points
from parsers.extract.targets import extract_targets
from parsers.readers.text_reader import read_text
from schemas.blocks import Document, Paragraph, Provenance


def _doc(lines: list[str]) -> Document:
    return Document("mem", "txt", [Paragraph(t, Provenance("mem", None, i + 1)) for i, t in enumerate(lines)])


def _rows(lines: list[str]):
    return [(t.section, t.section_points, t.seq, t.text, t.points)
            for t in extract_targets(_doc(lines), "d").targets]


def test_sentence_heading_keeps_its_full_stop_a_short_name_does_not():
    rows = _rows(["（一）按时完成上级部署的各项工作任务，确保工作质量。（4分）",
                  "1、制定年度工作方案，按时报送。2分",
                  "2、年底报送工作总结。2分",
                  "（二）宣传教育。（2分）",
                  "1、开展宣传活动不少于两次。2分"])
    assert [r[0] for r in rows] == ["按时完成上级部署的各项工作任务，确保工作质量。"] * 2 + ["宣传教育"]
    assert [r[4] for r in rows] == [2.0, 2.0, 2.0]


def test_scoring_rule_paragraphs_under_a_scored_heading_are_its_text():
    rows = _rows(["（一）道路养护（20分）",
                  "年末养护里程达到下达任务的，得15分；达不到的不得分。",
                  "建立养护台账，得5分。",
                  "（二）资金管理（10分）",
                  "资金按期拨付到位的，得10分。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [(None, 1, 20.0), (None, 2, 10.0)]
    assert rows[0][3].startswith("道路养护年末养护里程达到下达任务的，得15分")
    assert "建立养护台账" in rows[0][3]


def test_unnumbered_clause_with_its_own_bracketed_points_is_still_a_clause():
    rows = _rows(["（一）机构建设（5分）", "建立工作站，配备专职人员（5分）。"])
    assert [(r[0], r[2], r[4]) for r in rows] == [("机构建设", None, 5.0)]


def test_labelled_points_without_fen():
    for text, value in (("环境质量(单项满分:12 )", 12.0), ("总量控制（满分：20）", 20.0),
                        ("基础工作【分值:6分】", 6.0)):
        reading = read_points(text)
        assert reading.points == value and "满分" not in reading.text and "分值" not in reading.text


def test_continued_heading_and_closing_note(tmp_path: Path):
    path = tmp_path / "n.txt"
    path.write_text("某某工作考评细则\n一、组织建设(单项满分:30 )\n二、业务工作(单项满分: 50 )\n"
                    "二、业务工作(续)\n三、创新工作(单项满分:20)\n"
                    "注:未列入本细则的其他任务仍按有关规定执行并作为扣分依据。\n", encoding="utf-8")
    doc = read_text(path, str(path), False)
    assert doc.paragraphs()[-1].text.startswith("注:")
    targets = extract_targets(doc, "d").targets
    assert [(t.seq, t.text, t.points) for t in targets] == [
        (1, "组织建设", 30.0), (2, "业务工作", 50.0), (3, "创新工作", 20.0)]


def test_flattened_row_number_name_and_points_glued_to_the_first_clause():
    rows = _rows(["序号项目标准分目标任务考核标准",
                  "1基础",
                  "管理6分1、建立工作台账,计4分。",
                  "2、按时报送报表,计2分。1、未建台账扣2分。",
                  "2、报表迟报扣1分。",
                  "2宣传",
                  "培训4分1、开展培训两次以上,计4分。"])
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("基础管理", 6.0, 1, 4.0), ("基础管理", 6.0, 2, 2.0), ("宣传培训", 4.0, 1, 4.0)]
    assert rows[0][3] == "建立工作台账,计4分。"


def test_equal_in_sentence_points_of_parallel_conditions_add_up_tiers_do_not():
    assert read_points("甲级已建立领导小组,记0.5分,乙级已建立领导小组,记0.5分。").points == 1.0
    assert read_points("全部完成的得5分,基本完成的得3分。").points == 5.0


def test_flattened_decimal_numbering_with_glued_points_and_a_repeated_group_row():
    line = ("附件:某县工作目标考核评分细则考核项目考核要点分值考核内容评分标准"
            "1.组织保障(40分)1.1制度建设151.1.1建立工作制度。(10分)有制度得10分;1.1.2制度上墙。(5分)未上墙扣5分。"
            "1.2经费保障251.2.1经费列入预算。(25分)未列入不得分。"
            "1.组织保障(40分)1.3督查落实101.3.1开展督查。(10分)")
    rows = _rows([line])  # the group row `1.组织保障(40分)` repeats before 1.3 (a new page)
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [
        ("制度建设", 15.0, 1, 10.0), ("制度建设", 15.0, 2, 5.0), ("经费保障", 25.0, 1, 25.0),
        ("督查落实", 10.0, 1, 10.0)]
    assert rows[0][3].startswith("建立工作制度。")


def test_decimal_numbers_in_sentences_are_not_items():
    rows = _rows(["1.1加强管理(10分)", "1.1.1增长1.5倍,完成2.5万元任务。(10分)"])
    assert [(r[2], r[4]) for r in rows] == [(1, 10.0)]


def test_bracketed_points_after_a_sentence_then_the_scoring_rule_in_a_flattened_row():
    reading = read_points("建立工作制度。(10分)有制度得10分,否则不得分;")
    assert (reading.points, reading.text, reading.criteria) == (10.0, "建立工作制度。", "有制度得10分,否则不得分;")
    inside = read_points("重视信访工作(2分)。将信访工作列入议事日程的记2分")  # points before the stop: one clause
    assert inside.points == 2.0 and inside.criteria is None and "列入议事日程" in inside.text
