"""Gold documents read as other renderings score as their .txt does: each rendered as a drafter's office
would make it (.docx by python-docx, .pdf of it by LibreOffice; tests/renderings_build.py) and scored by
the accuracy scorer against the same gold. The documents cover a notice head with a table that a page
break parts from its header (003), merged cells (012), a table row cut by a page break (110), a notice of
one-line headings (101), table cells whose `、` LibreOffice sets low in its box (108), a centred title
wrapped in two lines (203), a table a web page flattened one cell per line (306) and a table whose last rows, on
the next page, hold one column of text only (806: that page was not searched for the table's rest), and a unit's
bracketed note a narrow column wraps onto lines of its own (704, in the Chromium PDF), and a table whose last row the
page break cuts, its tail alone in one box on the next page (1301: a page of six rules was never searched for it). Each is
also published as a government site would (.html: GB2312, a layout table, menus, rowspan/colspan) and that page
printed to PDF by headless Chromium (.web.pdf, another PDF producer; tests/renderings_web.py). Without
LibreOffice or Chromium their renderings are not built (the reason is printed; in CI they must be there)."""
from __future__ import annotations

import os

import pytest

from parsers.readers.libreoffice import find_soffice
from tests.benchmark_modules import load
from tests.renderings_web import find_chromium

DOCS = ("003_anhui", "012_cun", "101_guangdong", "108_songyang", "110_jincun", "203_jintan", "306_cangnan",
        "704_qiaocheng", "806_xuancheng", "1301_jiaxing")
TOLERANCE = 0.0  # made equal: every rendering here scores exactly as its .txt


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> dict:
    renderings = load("renderings")
    golds = renderings.gold_files(list(renderings._accuracy().DEFAULT_REALS), list(DOCS))
    assert len(golds) == len(DOCS)
    pdf = find_soffice() is not None
    if not pdf:
        print("LibreOffice not found: the .pdf renderings are not built, only the .docx are scored")
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium (.ci/run does)")
        print("Chromium not found: the .web.pdf renderings are not built")
    return renderings.score_renderings(golds, tmp_path_factory.mktemp("renderings"), pdf=pdf, web=True)


@pytest.mark.parametrize("doc", DOCS)
def test_rendering_scores_as_its_txt(scored, doc):
    (row,) = [row for stem, row in scored["documents"].items() if stem.startswith(doc)]
    formats = ["docx", "html"] + (["pdf"] if scored["pdf"] else []) + (["web.pdf"] if find_chromium() else [])
    for fmt in formats:
        assert fmt in row, f"{doc}: no {fmt} rendering scored"
        assert row[fmt]["score"] >= row["txt"]["score"] - TOLERANCE, (doc, fmt, row[fmt], row["txt"])
        assert row[fmt]["false_errors"] <= row["txt"]["false_errors"], (doc, fmt, row[fmt])


def test_merged_cells_are_real_word_merges(scored):
    # The gold's filled rows say which empty cells of 012's tab-convention table are merged.
    (row,) = [row for stem, row in scored["documents"].items() if stem.startswith("012_cun")]
    assert row["build"] == {"tables": 1, "merged": 5, "unaligned": 0}


def test_the_web_page_rendering_holds_its_merges_as_spans(scored):
    (row,) = [row for stem, row in scored["documents"].items() if stem.startswith("012_cun")]
    assert row["build_web"] == {"tables": 1, "merged": 5, "unaligned": 0}


def _pdf_renderings(tmp_path_factory, docs: tuple[str, ...], **kinds) -> dict:
    """``docs`` rendered as PDFs by LibreOffice (and, by ``kinds``, aligned or scanned) and scored."""
    if find_soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice (.ci/run does)")
        pytest.skip("LibreOffice not found: no PDF to build")
    renderings = load("renderings")
    golds = renderings.gold_files(list(renderings._accuracy().DEFAULT_REALS), list(docs))
    assert len(golds) == len(docs)
    return renderings.score_renderings(golds, tmp_path_factory.mktemp("pdfs"), pdf=True, **kinds)


def _as_its_txt(scored: dict, doc: str, fmt: str) -> None:
    (row,) = [row for stem, row in scored["documents"].items() if stem.startswith(doc)]
    assert row[fmt]["score"] >= row["txt"]["score"] - TOLERANCE, (doc, row[fmt], row["txt"])
    assert row[fmt]["false_errors"] <= row["txt"]["false_errors"], (doc, row[fmt])


# Body paragraphs set 分散对齐 (distributed): every paragraph's last line is stretched to the margin, so no line
# "ends early"; 101 (one-line headings) and 602 ran into one paragraph each before.
DISTRIBUTED = ("101_guangdong", "602_shi")


@pytest.fixture(scope="module")
def distributed(tmp_path_factory) -> dict:
    return _pdf_renderings(tmp_path_factory, DISTRIBUTED, align="distribute")


@pytest.mark.parametrize("doc", DISTRIBUTED)
def test_distributed_alignment_pdf_scores_as_its_txt(distributed, doc):
    _as_its_txt(distributed, doc, "pdf")


# Scanned (rasterised, grey, askew, JPEG; read by OCR): 202 typed with ASCII marks (read as typed, not set full width),
# 605 (its header cells' border broken by a pixel; its second page, a table's tail, taken for 8.5° askew) and 808 (an
# OCR box across a cell border cut by where the engine placed its characters) each scored as their .txt.
SCANNED = ("202_xian", "605_wenshan", "808_hncu")


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> dict:
    return _pdf_renderings(tmp_path_factory, SCANNED, scan=True)


@pytest.mark.parametrize("doc", SCANNED)
def test_scanned_rendering_scores_as_its_txt(scanned, doc):
    _as_its_txt(scanned, doc, "scan.pdf")
