"""A short numbered line that is a sentence (`三、县政府工作人员要旗帜鲜明讲政治。`) is an item like its siblings; it had
been left unread (too short for a clause, not a heading: it ends with a stop), so the list read 一、二、四、 and the
check reported a numbering gap that the document does not have. A heading a page closed with a stop stays a heading."""
from __future__ import annotations

from ingest.pipeline import process_file
from parsers.extract.targets import classify
from tests.builders import write_text

RULES = ["某县人民政府工作规则", "第一章总则",
         "一、根据有关法律法规的规定,结合本县实际,制定本规则。",
         "二、县政府工作的指导思想是,高举中国特色社会主义伟大旗帜。",
         "三、县政府工作人员要旗帜鲜明讲政治。",
         "四、县政府实行县长负责制。县长主持县政府全面工作。"]


def test_short_numbered_sentence_is_an_item(tmp_path):
    result = process_file(write_text(tmp_path / "rules.txt", "\n".join(RULES)))
    assert [t.seq for t in result.targets] == [1, 2, 3, 4]
    assert [t.text for t in result.targets][2] == "县政府工作人员要旗帜鲜明讲政治"
    assert not [f for f in result.findings if f.severity == "error"]


def test_short_heading_closed_with_a_stop_is_no_item():
    assert classify("三、保障措施。") != "clause"
    assert classify("三、工作措施") == "heading"
    assert classify("三、县政府工作人员要旗帜鲜明讲政治。") == "clause"
