"""The 附件说明 against the attachments carried (GB/T 9704-2012 8): a listed attachment left out, one
carried but not listed, a title that differs, each once at the line to fix; a document carrying none of
its attachments (a web copy) is not held to its list."""
from __future__ import annotations

from pathlib import Path

from ingest.pipeline import process_file
from parsers.extract.attachments import attachments
from parsers.formats import read
from tests.builders import paged_docx

DATA = Path(__file__).parent / "data"
BODY = ["青政〔2024〕7号", "青州县人民政府关于印发考核办法的通知", "各乡镇人民政府：",
        "现将考核办法印发给你们，请认真贯彻执行。", "一、经济发展（60分）", "1.地区生产总值增长6%以上（30分）；",
        "2.固定资产投资增长8%（30分）。"]


def notice(tmp_path, note: list[str], carried: list[str]) -> tuple[Path, list[str]]:
    lines = BODY + note + ["青州县人民政府", "2024年3月5日"] + carried
    path = paged_docx(tmp_path / "notice.docx", lines)
    return path, lines


def found(path: Path) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in process_file(path).findings if f.code.startswith("attachment_")]


def test_a_listed_attachment_left_out_is_reported_at_its_entry(tmp_path):
    path, lines = notice(tmp_path, ["附件：1.考核评分表", "2.指标分解表"], ["附件1", "考核评分表", "正文……"])
    assert found(path) == [("attachment_missing", lines.index("2.指标分解表") + 1,
                            "附件说明列有附件2“指标分解表”，文中未见该附件")]


def test_an_attachment_not_listed_is_reported_at_its_label(tmp_path):
    path, lines = notice(tmp_path, ["附件：1.考核评分表"], ["附件1", "考核评分表", "正文", "附件2", "指标分解表", "正文"])
    assert found(path) == [("attachment_unlisted", lines.index("附件2") + 1, "文中有附件2，附件说明未列出")]


def test_a_title_that_differs_is_reported_at_the_attachment(tmp_path):
    path, lines = notice(tmp_path, ["附件：考核评分表"], ["附件", "考核评分细则表", "正文……"])
    assert found(path) == [("attachment_title_mismatch", lines.index("附件") + 1,
                            "附件标题“考核评分细则表”与附件说明“考核评分表”不一致")]


def test_matching_titles_in_other_forms_are_no_finding(tmp_path):
    # 《》 and a final 。, a title set over two lines, Chinese ordinals, a web copy's label and title on one line
    path, _ = notice(tmp_path, ["附件：1.《考核评分表》。", "2.2024年度乡镇经济社会发展目标任务分解表", "3.联系人名单"],
                     ["附件一", "考核评分表", "正文……", "附件2", "2024年度乡镇经济社会发展", "目标任务分解表",
                      "正文……", "附件3：联系人名单"])
    assert found(path) == []


def test_a_document_carrying_none_of_its_attachments_is_not_held_to_its_list(tmp_path):
    path, _ = notice(tmp_path, ["附件：1.考核评分表", "2.指标分解表"], [])
    assert found(path) == []


def test_prose_naming_an_attachment_is_no_attachment(tmp_path):
    path, _ = notice(tmp_path, ["附件：考核评分表"], ["附件", "考核评分表", "附件1所列指标由各单位负责落实。"])
    refs = attachments(read(path, str(path)))
    assert [(a.role, a.number) for a in refs] == [("listed", None), ("present", None)]


def test_the_note_is_not_reported_as_unparsed_text(tmp_path):
    path, lines = notice(tmp_path, ["附件：1.考核评分表", "2.指标分解表"], [])
    unparsed = {f.line for f in process_file(path).findings if f.code == "unparsed_text"}
    assert not unparsed & {lines.index("附件：1.考核评分表") + 1, lines.index("2.指标分解表") + 1}


def test_a_real_notice_whose_attachment_title_differs_from_its_note():
    """holdout10's 1003 (旌阳区, 2016) lists 任务分解表 and carries a 目标任务分解表."""
    path = next((DATA / "holdout10").glob("1003_*.txt"))
    assert [(code, line) for code, line, _ in found(path)] == [("attachment_title_mismatch", 7)]


def test_a_note_joined_into_one_paragraph_is_still_its_entries(tmp_path):
    path, _ = notice(tmp_path, ["附件：1.考核评分表 2.2024年度指标分解表 3.联系人名单"],
                     ["附件1", "考核评分表", "正文……", "附件2", "2024年度指标分解表", "正文……", "附件3", "联系人名单"])
    refs = attachments(read(path, str(path)))
    assert [(a.number, a.title) for a in refs if a.role == "listed"] == [
        (1, "考核评分表"), (2, "2024年度指标分解表"), (3, "联系人名单")]
    assert found(path) == []
