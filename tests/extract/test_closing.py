"""A notice's closing block (落款: the signing body, then the date) after its last clause: before, it was read as
the clause's last sentence (`…专题会议。某县安全生产委员会2021年3月5日`) and the issuer was not found."""
from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from ingest.pipeline import process_file
from parsers.extract.closing import closings
from schemas.blocks import Document, Paragraph, Provenance

CLAUSES = ["某县2021年度安全生产工作考核细则", "一、组织领导（20分）", "1.成立安全生产委员会（10分）；",
           "2.每季度召开一次专题会议（10分）。"]


def test_signature_and_date_after_the_last_clause_sign_the_notice_not_the_clause(tmp_path):
    document = docx.Document()
    for text in CLAUSES:
        document.add_paragraph(text)
    for text in ["中共某县委员会", "某县人民政府", "二〇二一年三月五日"]:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = tmp_path / "signed.docx"
    document.save(path)
    result = process_file(path)
    assert [(t.seq, t.points, t.text.rstrip("；。")) for t in result.targets] == [
        (1, 10.0, "成立安全生产委员会"), (2, 10.0, "每季度召开一次专题会议")]
    assert (result.info.issuer, result.info.issuer_source, str(result.info.issued_on)) == (
        "中共某县委员会、某县人民政府", "signature", "2021-03-05")  # joint issuers, one a line
    assert not [f for f in result.findings if f.code == "unparsed_text"]


def _doc(texts: list[str]) -> Document:
    return Document("t", "txt", [Paragraph(t, Provenance("t", None, k + 1)) for k, t in enumerate(texts)])


def test_a_closing_is_a_date_alone_with_names_above_it_never_a_sentence_or_a_clause():
    found = closings(_doc(["3.按时报送材料（5分）。", "某县人民政府办公室", "2021年3月5日"]))
    assert [(c.start, c.end, c.signer) for c in found] == [(1, 3, "某县人民政府办公室")]
    # a sentence, a clause or a date inside a sentence is no closing
    assert closings(_doc(["本细则自2021年3月5日起施行。", "4.完成上级交办任务（5分）", "2021年3月5日"]))[0].start == 2
    assert closings(_doc(["会议定于2021年3月5日召开。"])) == []
