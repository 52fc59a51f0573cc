"""`ingest check`: what a drafter reads, what tools read, and the exit status."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from ingest.cli import main
from tests.conftest import SAMPLES

NOTICE = SAMPLES / "sanmenxia_2020_targets.docx"


def test_text_report_for_a_drafter(capsys):
    assert main(["check", str(NOTICE)]) == 1
    out = capsys.readouterr().out
    assert "三政〔2020〕9号" in out
    assert "【市住房和城乡建设局】" in out
    assert "[错误] 第350段  类别分值不符（section_points_mismatch）" in out
    assert "重点目标声明300分，合计500分（第1-5条：100+100+100+100+100）" in out
    assert "预期：300    实际：500" in out
    # errors come before the units that only have notes
    assert out.index("市住房和城乡建设局") < out.index("【义马市】")


def test_json_report(tmp_path):
    report = tmp_path / "f.json"
    assert main(["check", str(SAMPLES / "sanmenxia_2020_targets.pdf"), "--format", "json", "--output", str(report)]) == 1
    rows = json.loads(report.read_text("utf-8"))
    errors = [r for r in rows if r["severity"] == "error"]
    assert [(r["code"], r["unit"], r["page"], r["line"]) for r in errors] == [
        ("section_points_mismatch", "市住房和城乡建设局", 30, 9)]
    assert set(rows[0]) >= {"doc_id", "source_path", "code", "severity", "message", "unit", "section", "seq",
                            "expected", "actual", "page", "line"}


def test_sarif_report(tmp_path):
    report = tmp_path / "f.sarif"
    assert main(["check", str(NOTICE), "--format", "sarif", "--output", str(report)]) == 1
    log = json.loads(report.read_text("utf-8"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    errors = [r for r in run["results"] if r["level"] == "error"]
    assert len(errors) == 1 and errors[0]["ruleId"] in rule_ids
    location = errors[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("sanmenxia_2020_targets.docx")
    assert location["region"]["startLine"] == 350


def test_exit_0_without_errors_and_2_for_unreadable(tmp_path, capsys):
    assert main(["check", str(SAMPLES / "jiayuguan_2022q2_decomposition.docx")]) == 0
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04garbage")
    assert main(["check", str(broken)]) == 2
    assert "cannot read" in capsys.readouterr().err


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_html_report_shows_the_finding_in_a_browser(tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium (.ci/run does)")
        pytest.skip("no chromium on this machine")
    report = tmp_path / "report.html"
    assert main(["check", str(NOTICE), "--format", "html", "--output", str(report)]) == 1
    page = report.read_text("utf-8")
    assert "http://" not in page and "https://" not in page  # self-contained
    profile = tmp_path / "profile"
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", report.as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    start = dom.index('<mark class="finding error" data-code="section_points_mismatch">')
    clause = dom.rindex('<div class="clause has-error"', 0, start)
    assert "完成新建供热管道5公里" in dom[clause:start]
    assert dom.rindex("<h2>", 0, start) == dom.index("<h2>市住房和城乡建设局</h2>")
