"""Renderings of a gold .txt as a government site publishes it: an .html page (GB2312-declared, the article
inside a layout table between a navigation bar and a footer, paragraphs indented by style, tables with
rowspan/colspan from the gold's merges), and a .pdf of that page printed by headless Chromium: a PDF
producer other than LibreOffice (Skia), as a browser's "save as PDF" of a notice gives it (the page's print
style hides its navigation and footer, as such sites' print views do). Shared by
benchmarks/renderings.py and tests/test_renderings_web.py."""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.renderings_build import TITLE_MAX, TxtTable, parse_txt, plan_merges, prose_role, read_blocks

PAGE_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}_政务公开</title>
<style type="text/css">body{{font-family:SimSun,serif;font-size:16px}} .TRS_Editor p{{line-height:1.8;margin:0}}
table.data{{border-collapse:collapse}} table.data td{{border:1px solid #000;padding:2px}}
@media print{{.top,.footer{{display:none}}}}</style>
<script type="text/javascript">var siteName = "政务公开"; function zoom(n) {{ return n; }}</script>
</head><body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul></div>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td valign="top">
<div class="TRS_Editor">
"""
PAGE_FOOT = """</div>
</td></tr></table>
<div class="footer"><a href="/map/">网站地图</a> | <a href="/about/">关于我们</a></div>
</body></html>
"""


def _prose(line: str, first: bool) -> tuple[str, bool]:
    """One paragraph's markup; True when it ends the head of the page (the title or a line of prose)."""
    text, role = html.escape(line), prose_role(line, first)
    if role == "label":
        return f"<p><strong>{text}</strong></p>\n", False
    if role == "title":
        return f'<p align="center"><strong><span style="font-size:22px">{text}</span></strong></p>\n', True
    return f'<p style="text-indent:2em">{text}</p>\n', not first


def _table(table: TxtTable) -> str:
    """The table with its merged cells as rowspan/colspan."""
    out = ['<table class="data" border="1" cellspacing="0" cellpadding="0">\n']
    for i, cells in enumerate(table.rows):
        out.append("<tr>")
        for c, text in enumerate(cells):
            if (i, c) in table.merges:
                continue
            down = 1
            while table.merges.get((i + down, c)) == "v":
                down += 1
            across = 1
            while table.merges.get((i, c + across)) == "h":
                across += 1
            spans = (f' rowspan="{down}"' if down > 1 else "") + (f' colspan="{across}"' if across > 1 else "")
            body = "<br />".join(html.escape(part) for part in text.split("\n"))
            out.append(f"<td{spans}>{body}</td>")
        out.append("</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def build_html(txt: Path, target: Path, gold: dict | None = None, raw_lines: bool = False) -> dict:
    """The web page of ``txt``, written in GB18030 (declared as gb2312, as such sites declare it)."""
    items = parse_txt(txt.read_text(encoding="utf-8")) if raw_lines else read_blocks(txt)
    gold_tables = list((gold or {}).get("tables") or [])
    title = next((i for i in items if isinstance(i, str)), txt.stem)
    body, first, info = [], True, {"tables": 0, "merged": 0, "unaligned": 0}
    for item in items:
        if isinstance(item, str):
            markup, placed = _prose(item, first)
            body.append(markup)
            first = first and not placed
            continue
        if not plan_merges(item, gold_tables.pop(0) if gold_tables else None):
            info["unaligned"] += 1
        body.append(_table(item))
        info["tables"] += 1
        info["merged"] += len(item.merges)
        first = False
    page = PAGE_HEAD.format(title=html.escape(title[:TITLE_MAX])) + "".join(body) + PAGE_FOOT
    target.write_bytes(page.encode("gb18030"))
    return info


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def print_pdfs(pages: list[Path], chromium: str) -> list[Path]:
    """Each page printed to ``page.pdf`` beside it by headless Chromium (A4, no header or footer line): one
    browser for all of them through Playwright, else one Chromium run a page. The PDFs made."""
    targets = [page.with_suffix(".web.pdf") for page in pages]
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is not None:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            try:
                tab = browser.new_page()
                for page, target in zip(pages, targets):
                    tab.goto(page.resolve().as_uri())
                    tab.pdf(path=str(target), format="A4", print_background=False)
            finally:
                browser.close()
    else:
        for page, target in zip(pages, targets):
            _print_one(page, target, chromium)
    return [t for t in targets if t.is_file() and t.stat().st_size > 0]


def _print_one(page: Path, target: Path, chromium: str, timeout: float = 120) -> None:
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    try:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={profile}", f"--print-to-pdf={target}", page.resolve().as_uri()],
                       capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
