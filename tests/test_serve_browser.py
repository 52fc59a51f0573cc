"""The drafter's desk in a real browser: ``ingest serve`` on a free port, a Word notice with planted
slips uploaded through the page, every finding seen in the list and on its clause, the commented
copy downloaded and reopened: one Word comment per finding, on the right paragraph."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from ingest.pipeline import process_file
from tests.conftest import ROOT
from tests.test_checks import NOTICE, TABLE_ROWS, _docx_notice
from tests.test_drafter_outputs import comments_by_paragraph

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


def _browser_or_skip():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium and playwright (.ci/run and the test extra do)")
        pytest.skip("no chromium or playwright on this machine")
    return sync_playwright


@pytest.fixture
def server():
    """``ingest serve`` as a drafter starts it, without a browser; stopped by its own id."""
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "serve", "--no-browser"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        first = proc.stdout.readline()
        assert first.startswith("ingest serve: http://127.0.0.1:"), first + proc.stderr.read()
        yield first.split()[2]
    finally:
        proc.terminate()
        proc.wait(20)


def _expected_paragraph(line: int | None) -> str:
    table_first = len(NOTICE) + 3
    if line is None:
        return NOTICE[0]
    if line < table_first:
        return NOTICE[line - 1]
    return next(c for c in TABLE_ROWS[line - table_first] if c)


def test_drop_a_notice_read_the_findings_download_the_commented_copy(tmp_path, server):
    sync_playwright = _browser_or_skip()
    notice = _docx_notice(tmp_path)
    findings = process_file(notice).findings
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 900}, accept_downloads=True)
        page.goto(server)
        page.screenshot(path=str(tmp_path / "empty.png"))
        with page.expect_navigation():
            page.set_input_files("#files", str(notice))
        page.wait_for_selector("ol.findings")
        page.screenshot(path=str(tmp_path / "report.png"))
        page.screenshot(path=str(tmp_path / "report-full.png"), full_page=True)
        items = page.locator("ol.findings li")
        assert items.count() == len(findings)
        listed = items.all_inner_texts()
        for f in findings:
            assert any(f.message in text for text in listed), f.code
            # the list links to the mark, and the mark stands on the finding's clause or table row
            link = page.locator(f'ol.findings li[data-code="{f.code}"] a', has_text=f.message).first
            anchor = link.get_attribute("href")
            holder = page.locator(anchor).locator("xpath=ancestor::*[self::div[contains(@class,'clause')] or self::tr][1]")
            text = holder.inner_text()
            if f.line is not None and f.line < len(NOTICE) + 3:
                clause = "".join(NOTICE[f.line - 1].split("（")[0].rstrip("；。").split())
                assert clause in "".join(text.split()), (f.code, text)
            assert f.message in text
        link = page.locator("ol.findings li a").first
        link.click()
        assert page.evaluate("location.hash") == link.get_attribute("href")
        with page.expect_download() as info:
            page.click("a.button")
        copy = tmp_path / info.value.suggested_filename
        info.value.save_as(copy)
        browser.close()
    assert copy.name == "notice.批注.docx"
    anchored = comments_by_paragraph(copy)
    assert sum(len(v) for v in anchored.values()) == len(findings)
    for f in findings:
        assert any(f.message in text for text in anchored[_expected_paragraph(f.line)]), f.code
