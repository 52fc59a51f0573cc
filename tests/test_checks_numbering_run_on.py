"""Clause numbers that run on from one block of clauses to the next (a document's parts, 第一章 / 第二章, numbered
`一、`…`五、` through) are no gap; one block among blocks that each start at 1 still is."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def _errors(result) -> list[tuple[str, str, str]]:
    return [(f.code, f.unit, f.actual) for f in result.findings if f.severity == "error"]


def test_numbering_run_on_across_chapters_is_not_a_gap(tmp_path):
    lines = ["某县人民政府工作规则", "第一章总则",
             "一、根据有关法律法规的规定,结合本县实际,制定本规则。",
             "二、县政府工作的指导思想是,高举中国特色社会主义伟大旗帜,全面正确履行政府职能。",
             "三、县政府工作人员要旗帜鲜明讲政治,增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
             "第二章组成人员和政府职能",
             "四、县政府由县长、副县长、县政府党组成员,县政府各工作部门主要负责人组成。",
             "五、县政府实行县长负责制。县长主持县政府全面工作,副县长协助县长工作。"]
    result = process_file(write_text(tmp_path / "rules.txt", "\n".join(lines)))
    assert [t.seq for t in result.targets] == [1, 2, 3, 4, 5]
    assert _errors(result) == []


def test_one_block_numbered_on_among_blocks_numbered_from_one_is_a_gap(tmp_path):
    lines = ["各县（市、区）责任目标"]
    for name, first in (("甲县", 1), ("乙县", 1), ("丙县", 3), ("丁县", 1)):
        lines += [name] + [f"{first + k}. 完成任务{k + 1}（50分）；" for k in range(2)]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert _errors(result) == [("numbering_gap", "丙县", "3")]
