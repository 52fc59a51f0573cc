"""What goes back to a drafter: the Word file with a comment on each finding, and the HTML report
(summary and finding list first, links to each finding, clean units folded, tables as tables)."""
from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn

from ingest.cli import main
from ingest.pipeline import process_file
from tests.test_checks import NOTICE, TABLE_ROWS, _docx_notice


def comments_by_paragraph(path) -> dict[str, list[str]]:
    """Each comment's text under the text of the paragraph its range starts in."""
    document = docx.Document(str(path))
    texts = {c.comment_id: c.text for c in document.comments}
    anchored: dict[str, list[str]] = {}
    for p in document.element.body.iter(qn("w:p")):
        for start in p.iter(qn("w:commentRangeStart")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            anchored.setdefault(text, []).append(texts[int(start.get(qn("w:id")))])
    return anchored


def test_commented_copy_has_one_comment_per_finding_on_its_paragraph(tmp_path, capsys):
    notice = _docx_notice(tmp_path)
    result = process_file(notice)
    out = tmp_path / "out"
    assert main(["check", str(notice), "--format", "commented", "--output", str(out)]) == 1
    copy = out / "notice.批注.docx"
    assert str(copy) in capsys.readouterr().out
    anchored = comments_by_paragraph(copy)
    assert sum(len(v) for v in anchored.values()) == len(result.findings)
    table_first = len(NOTICE) + 3
    for f in result.findings:
        if f.line is None:
            paragraph = NOTICE[0]  # a finding about the whole notice goes on its first paragraph
        elif f.line < table_first:
            paragraph = NOTICE[f.line - 1]
        else:
            paragraph = next(c for c in TABLE_ROWS[f.line - table_first] if c)
        assert any(f.message in text for text in anchored[paragraph]), (f.code, paragraph)


def test_html_report_lists_findings_first_with_links_and_folds_clean_units(tmp_path):
    notice = _docx_notice(tmp_path)
    result = process_file(notice)
    report = tmp_path / "r.html"
    main(["check", str(notice), "--format", "html", "--output", str(report)])
    page = report.read_text("utf-8")
    listed = re.findall(r'<li class="item (\w+)" data-code="(\w+)"><a href="#(d0-f\d+)">', page)
    assert len(listed) == len(result.findings)
    for _, code, anchor in listed:
        assert f'id="{anchor}"><mark class="finding' in page  # every link has its target
    assert page.index('class="findings"') < page.index('<details class="unit"')
    folds = re.findall(r'<details class="unit"( open)?><summary><h2>([^<]+)</h2>', page)
    with_findings = {f.unit for f in result.findings if f.unit}
    assert {unit for opened, unit in folds if opened} >= {"甲县", "乙县", "丙县", "丁县", "市商务局", "戊县"}
    assert all(unit in with_findings or not opened for opened, unit in folds)
    # the 附件 table drawn as a table, the score cell marked, the indicator named
    assert re.search(r'<td class="cell-error">一季度得31.5分</td>', page)
    assert "指标“招商引资”" in page
    assert "第12段" in page and "第12行" not in page


def test_html_report_of_the_sample_opens_only_the_unit_with_findings(tmp_path, samples):
    report = tmp_path / "r.html"
    main(["check", str(samples / "sanmenxia_2020_targets.docx"), "--format", "html", "--output", str(report)])
    page = report.read_text("utf-8")
    folds = re.findall(r'<details class="unit"( open)?><summary><h2>([^<]+)</h2>', page)
    assert len(folds) > 60
    opened = {unit for flag, unit in folds if flag}
    assert "市住房和城乡建设局" in opened and len(opened) < 10
    assert re.search(r'<p class="summary"><span>单位：<b>\d+</b></span><span>条款：<b>836</b>', page)
