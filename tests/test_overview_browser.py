"""The overview page in a real browser: ``ingest serve --data DIR`` on the samples' dataset, the county
comparison for 城镇新增就业 drawn with its 8 county-level bars (not the city, not a department), its
CSV downloaded and read back; every request the page makes goes to the local server (plotly.js
included), none elsewhere.

The screenshot is a test artefact (tmp_path); ``NOTICE_INGEST_SCREENSHOT=docs/overview.png`` also
writes it there for the README."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ROOT
from tests.test_overview import SANMENXIA as COUNTIES
from tests.test_serve_browser import CHROMIUM, _browser_or_skip


@pytest.fixture(scope="module")
def dataset(samples_dataset) -> Path:
    return samples_dataset


@pytest.fixture
def server(dataset):
    """``ingest serve --data`` as an analyst starts it."""
    program = ["-m", "ingest"]
    proc = subprocess.Popen([sys.executable, *program, "serve", "--data", str(dataset), "--no-browser"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        first = proc.stdout.readline()
        assert first.startswith("ingest serve: http://127.0.0.1:"), first + proc.stderr.read()
        url = first.split()[2]
        assert url.endswith("/overview")
        yield url
    finally:
        proc.terminate()
        proc.wait(20)


def test_county_comparison_drawn_offline_and_downloaded(tmp_path, server):
    sync_playwright = _browser_or_skip()
    origin = "{0.scheme}://{0.netloc}".format(urlparse(server))
    elsewhere: list[str] = []

    def only_local(route):
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 1280, "height": 1150}, accept_downloads=True)
        context.route("**/*", only_local)
        page = context.new_page()
        page.goto(server)
        page.wait_for_selector("#chart-documents .barlayer .point")
        with page.expect_navigation():
            page.select_option("#indicator", "城镇新增就业")
        page.wait_for_selector("#chart-county .barlayer .point")
        bars = page.locator("#chart-county .barlayer .point")
        assert bars.count() == 8
        drawn = page.evaluate("document.getElementById('chart-county').data.flatMap(t => t.x)")
        assert sorted(drawn) == sorted(COUNTIES)
        page.screenshot(path=str(tmp_path / "overview.png"))
        page.screenshot(path=str(tmp_path / "overview-full.png"), full_page=True)
        with page.expect_download() as info:
            page.click("#csv-county")
        saved = tmp_path / "county.csv"
        info.value.save_as(saved)
        assert info.value.suggested_filename == "county_城镇新增就业.csv"
        for chart in ("documents", "findings", "points"):  # every chart drawn, every chart downloadable
            assert page.locator(f"#chart-{chart} .barlayer .point").count() > 0
            assert page.locator(f"#csv-{chart}").get_attribute("href").startswith(f"/overview/{chart}.csv")
        browser.close()
    if os.environ.get("NOTICE_INGEST_SCREENSHOT"):
        Path(os.environ["NOTICE_INGEST_SCREENSHOT"]).write_bytes((tmp_path / "overview.png").read_bytes())
    assert elsewhere == []  # plotly.js and everything else came from the local server
    with saved.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["unit"]: float(r["value"]) for r in rows} == COUNTIES
    assert {r["value_unit"] for r in rows} == {"人"}
    assert {r["notice"] for r in rows} == {"三政〔2020〕9号"}
