"""PDF reader regressions found by reading holdout19–23 rendered as .pdf (benchmarks/renderings.py): each document
built as the renderings build it (.txt → .docx with its gold's merges, tests/renderings_build.py; one LibreOffice run
for all), its PDF read back to the same records as its .docx. Beside them, the rules themselves on pages built here."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.pipeline import process
from parsers.readers.pdf_page_model import _Line, _Page, _PageTable
from parsers.readers.pdf_page_tables import add_table
from parsers.readers.pdf_reader import _page_numbers
from tests.conftest import ROOT
from tests.formats.conftest import soffice_or_skip
from tests.renderings_build import build_docx, convert_to_pdf

DATA = ROOT / "tests" / "data"
# 2202: a two-row table head (header and first row) at a page's foot, its rules seven path objects
# 2001: a table row Word let break over the page, its points in its text (no weight column to be empty below)
# 2301: a form's last value `5` alone at the foot of the last page, no page numbered
DOCUMENTS = {
    "table_head_at_foot": DATA / "holdout22/2202_zhongguo_lvyou_qiangxian_biaozhun_shixing_muci.txt",
    "row_cut_by_page": DATA / "holdout20/2001_pingan_xiangzhen_jiedao_chuangjian_kaohe_biaozhun.txt",
    "value_at_foot": DATA / "holdout23/2301_cun_shequ_fenguan_litang_shuwu_kaohe_pingfen_xize.txt",
    # 2605: a table's header alone at a page's foot, its first row on the next page: a header is never a cut row
    "header_alone_at_foot": DATA / "holdout26/2605_shi_xianqu_yingji_guanli_gongzuo_kaohe_pingfenbiao.txt",
}


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    soffice = soffice_or_skip()
    folder = tmp_path_factory.mktemp("renderings24")
    docs = []
    for name, txt in DOCUMENTS.items():
        gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
        build_docx(txt, folder / f"{name}.docx", gold)
        docs.append(folder / f"{name}.docx")
    convert_to_pdf(docs, folder, soffice)
    return {d.stem: (d, d.with_suffix(".pdf")) for d in docs}


def _records(path: Path) -> tuple[list, list]:
    ex = process(path)
    assert ex.info.status == "ok", ex.info.error
    return ([(r.indicator, r.weight, r.criteria) for r in ex.indicators],
            [(t.unit, t.section, t.seq, t.points, t.text) for t in ex.targets])


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_pdf_rendering_reads_as_its_docx(renderings, name):
    docx_path, pdf_path = renderings[name]
    assert _records(pdf_path) == _records(docx_path)


def test_table_head_at_a_page_foot_is_the_tables_first_rows(renderings):
    rows, _ = _records(renderings["table_head_at_foot"][1])
    assert rows[:2] == [("旅游经济发展水平", 150.0, None), ("旅游产业定位与政府主导机制", 130.0, None)]


def _line(text: str, page: int, top: float) -> _Line:
    return _Line(text, page, 0, 100.0, 120.0, top, 12.0)


def _pages(feet: list[str | None]) -> list[_Page]:
    """Pages of body lines, each with ``feet[k]`` (if any) as its last line."""
    pages = []
    for k, foot in enumerate(feet, start=1):
        items = [_line(f"第{k}页正文第{n}行。", k, 100.0 + 20 * n) for n in range(8)]
        if foot is not None:
            items.append(_line(foot, k, 780.0))
        pages.append(_Page(k, items, 595.0))
    return pages


def _numbered(pages: list[_Page]) -> list[str]:
    ids = _page_numbers(pages)
    return [line.text for page in pages for line in page.items if id(line) in ids]


def test_bare_numbers_that_go_up_with_the_pages_number_them():
    assert _numbered(_pages(["1", "2", "3"])) == ["1", "2", "3"]
    assert _numbered(_pages([None, "1", "2"])) == ["1", "2"]  # a cover without a number: one offset on two pages
    assert _numbered(_pages(["- 7 -"])) == ["- 7 -"]  # framed: a page number whatever its value


def test_a_lone_value_at_the_last_pages_foot_is_no_page_number():
    assert _numbered(_pages([None, None, "5"])) == []
    assert _numbered(_pages([None, None, "3"])) == ["3"]  # its own page's number


def test_a_row_cut_by_the_page_is_one_row_where_its_points_are_in_its_text():
    """No cell of the cut row is empty on the next page (points in the item's text, an empty weight column):
    the item numbers down the first column tell the tail (`问题得到整治…`) from a row of its own."""
    blocks: list = []
    first = [[f"{k}、第{k}项工作按要求完成。(2分)", "", "未完成扣2分。"] for k in range(1, 5)]
    first.append(["5、治安重点地区、重点", "", "没有整治的,扣2分;"])
    add_table(blocks, _PageTable(first, 1, 500.0, 1), "t.pdf", continues=False)
    add_table(blocks, _PageTable([["问题得到整治。(2分)", "", "整治不力扣1分。"], ["6、第6项工作。(2分)", "", "未完成扣2分。"]],
                                 2, 72.0, 1), "t.pdf", continues=True)
    cells = [r.cells for r in blocks[0].rows]
    assert len(cells) == 6
    assert cells[4] == ["5、治安重点地区、重点\n问题得到整治。(2分)", "", "没有整治的,扣2分;\n整治不力扣1分。"]
    assert cells[5][0] == "6、第6项工作。(2分)"


def test_a_numbered_row_at_the_top_of_the_next_page_is_a_row_of_its_own():
    blocks: list = []
    first = [[f"{k}、第{k}项工作按要求完成", "", "未完成扣2分"] for k in range(1, 6)]
    add_table(blocks, _PageTable(first, 1, 500.0, 1), "t.pdf", continues=False)
    add_table(blocks, _PageTable([["6、第6项工作", "", "未完成扣2分"]], 2, 72.0, 1), "t.pdf", continues=True)
    assert [r.cells[0] for r in blocks[0].rows][-2:] == ["5、第5项工作按要求完成", "6、第6项工作"]
