"""Clause-reading failure shapes of the fifth held-out set, each rebuilt in code (never its texts or units):
numbering that starts over under a new unscored part, a clause with two points notations, `(分值N分)` headings
over clauses with glued numbers, and a clause whose bare points run straight into the next part heading."""
from __future__ import annotations

from ingest.pipeline import check, extract
from schemas.blocks import Document, Paragraph, Provenance
from schemas.records import DocumentInfo, Extraction


def _run(lines: list[str]) -> Extraction:
    doc = Document("mem.txt", "txt", [Paragraph(t, Provenance("mem.txt", None, i + 1)) for i, t in enumerate(lines)])
    return check(extract(doc, DocumentInfo("d", "mem.txt", "", "txt")))


def _errors(ex: Extraction) -> list[str]:
    return [f.code for f in ex.findings if f.severity == "error"]


def _rows(ex: Extraction) -> list[tuple]:
    return [(t.section, t.section_points, t.seq, t.text, t.points) for t in ex.targets]


# -- 1. numbering that starts over under a new part -------------------------------------------------------

RESTART = ("某局2021年宣传工作考核细则 为做好考核工作,现将考核指标分解如下:一、加强组织领导考核内容:健全工作机制。"
           "1、成立工作领导小组(3分);2、明确专人负责(2分);3、制定年度工作计划(5分)。二、抓好学习教育考核内容:"
           "(一) 抓好理论学习。1、制定年度学习计划(5分);2、每季度集中学习不少于1次(4分);3、开展专题研讨(3分);")


def test_numbering_restarting_under_a_new_unscored_part_is_no_duplicate():
    ex = _run([RESTART])
    assert [(t.seq, t.points) for t in ex.targets] == [(1, 3.0), (2, 2.0), (3, 5.0), (1, 5.0), (2, 4.0), (3, 3.0)]
    assert _errors(ex) == []


def test_numbers_repeated_inside_one_part_are_still_duplicates():
    ex = _run(["某局2021年宣传工作考核细则 现将考核指标分解如下:一、加强组织领导考核内容:健全工作机制。"
               "1、成立工作领导小组(3分);2、明确专人负责(2分);3、制定年度工作计划(5分);",
               "2、开展专题研讨(3分);"])
    assert [t.seq for t in ex.targets] == [1, 2, 3, 2]
    assert "numbering_duplicate" in _errors(ex) or "numbering_order" in _errors(ex)
