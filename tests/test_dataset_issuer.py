"""The issuer of a 附件-only file (a table with no 版头), where the document says it in general terms: a
heading that opens with its jurisdiction, a 制表/填报单位 line, an issuer-like folder (issue 12 leftovers)."""
from __future__ import annotations

import shutil

import docx
import pytest

from ingest.cli import main
from ingest.dataset.issuer import heading_jurisdiction, issuer_like_folder
from ingest.dataset.warehouse import connect
from tests.conftest import SAMPLES

DOCX = SAMPLES / "jiayuguan_2022q2_decomposition.docx"
TEXT = SAMPLES / "jiayuguan_2022q2_decomposition.txt"
HEADING = "二季度高质量发展工作指标任务分解表"


def _edited(target, heading: str | None = None, line: str | None = None):
    """The sample attachment with its first heading rewritten and/or a line added after it."""
    document = docx.Document(str(DOCX))
    title = next(p for p in document.paragraphs if p.text == HEADING)
    if heading:
        for run in title.runs[1:]:
            run.text = ""
        title.runs[0].text = heading
    if line:
        document.paragraphs[-1].insert_paragraph_before(line)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def _issuers(tmp_path, folder) -> dict[str, tuple]:
    assert main(["run", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"]) == 0
    rows = connect(tmp_path / "out").execute(
        "SELECT relative_path, issuer, issuer_source, prepared_by, metadata_source FROM documents").fetchall()
    return {r[0]: r[1:] for r in rows}


def test_attachment_issuer_from_heading_prepared_by_line_and_folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(DOCX, root / "sample.docx")  # the sample as it is
    _edited(root / "heading.docx", heading="嘉峪关市" + HEADING)
    _edited(root / "line.docx", line="填报单位：某某县统计局    填报日期：2022年7月5日")
    office = root / "某某市发展和改革委员会"
    office.mkdir()
    shutil.copy(TEXT, office / "table.txt")
    found = _issuers(tmp_path, root)
    # The sample's heading names no place, and its folder is no issuer: nothing is made up.
    assert found["sample.docx"] == (None, None, None, "attachment")
    assert found["heading.docx"][:2] == ("嘉峪关市", "heading")
    assert found["line.docx"] == ("某某县统计局", "prepared_by", "某某县统计局", "attachment")
    assert found["某某市发展和改革委员会/table.txt"][:2] == ("某某市发展和改革委员会", "folder")


def test_a_notice_with_a_header_says_its_issuer_came_from_the_header(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "sanmenxia_2020_targets.md", folder)
    assert _issuers(tmp_path, folder)["sanmenxia_2020_targets.md"][:2] == ("三门峡市人民政府", "header")


@pytest.mark.parametrize("heading, issuer", [
    ("某某县2022年高质量发展指标分解表", "某某县"),
    ("甘肃省嘉峪关市2022年二季度指标任务分解表", "甘肃省嘉峪关市"),
    ("某某市发展和改革委员会2022年重点工作任务分解表", "某某市发展和改革委员会"),
    ("城关镇2023年目标任务分解表", "城关镇"),
    (HEADING, None),                      # a period, no place
    ("全市2022年目标任务分解表", None),      # a collective, not a name
    ("各县区2022年目标任务分解表", None),
    ("开发区2022年目标任务分解表", None),    # an ending alone is no place
    ("高质量发展2022年目标", None),
])
def test_heading_jurisdiction(heading, issuer):
    assert heading_jurisdiction(heading) == issuer


@pytest.mark.parametrize("name, issuer_like", [
    ("嘉峪关市", True), ("某某市发改委", True), ("某某县人民政府办公室", True),
    ("samples", False), ("新建文件夹", False), ("2022年", False), ("办公室", False), ("附件", False),
])
def test_issuer_like_folder(name, issuer_like):
    assert issuer_like_folder(name) is issuer_like


def test_an_office_named_at_the_head_of_the_documents_own_title_issues_it(tmp_path):
    """`某县交通运输局2020年…考核细则`: a body with its jurisdiction before the year (before, only table headings were
    read so, and a notice of rules without a signature had no issuer)."""
    from ingest.dataset.identity import fill_metadata
    from ingest.pipeline import process_file

    path = tmp_path / "rules.txt"
    path.write_text("安平县交通运输局2020年意识形态工作责任制考核细则\n一、组织领导（10分）\n1.成立领导小组（5分）\n"
                    "2.定期研究部署（5分）\n", encoding="utf-8")
    ex = process_file(path)
    fill_metadata(ex)
    assert (ex.info.title, ex.info.issuer, ex.info.issuer_source) == (
        "安平县交通运输局2020年意识形态工作责任制考核细则", "安平县交通运输局", "heading")
