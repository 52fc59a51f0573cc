"""PDF and scan reader regressions found by reading holdout16–20 rendered as .pdf and scanned (benchmarks/renderings.py,
benchmarks/RENDERINGS21.md). Each test builds its documents as the renderings do (.txt → .docx by
tests/renderings_build.py, one LibreOffice run for all of them, tests/renderings_scan.py for the scan); the
paragraphs at several offsets, so that some lines break where the failing documents broke whatever LibreOffice's
line breaking does. Every one must read back as written."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import parse_xml

from parsers.formats import read
from tests.builders import W_NS, merge_down, new_docx
from tests.conftest import ROOT
from tests.formats.conftest import soffice_or_skip
from tests.renderings_build import build_docx, convert_to_pdf
from tests.renderings_scan import scan_pdf
from tests.renderings_web import find_chromium, print_pdfs

TITLE = "中共某某县委办公室某某县人民政府办公室关于印发《2021年某某县乡村振兴任务清单》的通知"
# A hyphen LibreOffice leaves at a line's end (`扣-` / `1分`): pdfium gives it as U+FFFE and runs the next line on.
HYPHENS = ["考" * n + "，每少一项扣-1分，扣完为止。" + "说明" * 3 + "。" for n in range(20, 30)]
# A line that stops short because what follows cannot be split (`分;C21、C23、C24`, `2024.01，`) and did not fit.
UNSPLIT = ["考核" * n + "查看来文和档案酌情评分;C21、C23、C24听领导群众反映后酌情评分。" for n in range(4, 12)]
UNSPLIT += ["考核" * n + "来源:微信公众号:yn2553 QQ公众号:800061629" for n in range(4, 12)]
UNSPLIT += ["考" * n + "通过采购降尘服务，服务周期2023.07-2024.01，全市空气质量达到优良。" for n in range(4, 24)]
SCORED_CELLS = ROOT / "tests/data/holdout19/1903_sheng_2011_weisheng_fuwu_nengli_jianshe_gongcheng_kaohe_pinggu_xize.txt"
DASHED_CELLS = ROOT / "tests/data/holdout19/1902_xian_2012_gongzuo_jixiao_kaohe_xiangmu_biao.txt"
# Five lines of prose above a table of three pages: two of them open indented, one wraps to the margin.
FEW_LINES = ROOT / "tests/data/holdout9/907_ezhou_2019_xuanchuan_sixiang_wenhua_gongzuo_mubiao_kaohe_pingfen_xize.txt"
CELL = "查阅正式文件。对年度建设工程进行了任务分解并明确责任分工+5分;未进行建设工程任务分解和责任分工-5分,每少一项任务指标分解的-1分,扣完为止"
BODY = ["现将任务清单印发给你们，请结合实际认真贯彻执行，确保各项任务按时保质完成，年底前将完成情况报县委办公室。"] * 3


def _headed_table(path: Path, rows: int = 60) -> Path:
    """A table over three pages whose header is two rows (`考核内容` over `指标 | 分值`, `序号` and `责任单位`
    merged down both), marked to repeat on every page as drafters set it (表格属性 › 在各页顶端以标题行形式重复出现)."""
    document = new_docx()
    table = document.add_table(rows=2 + rows, cols=4)
    table.style = "Table Grid"
    merge_down(table, 0, 0, 1)
    merge_down(table, 3, 0, 1)
    table.cell(0, 1).merge(table.cell(0, 2))
    for (r, c), text in {(0, 0): "序号", (0, 1): "考核内容", (1, 1): "指标", (1, 2): "分值", (0, 3): "责任单位"}.items():
        table.cell(r, c).text = text
    for r in range(2):
        table.rows[r]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {W_NS} w:val="true"/>'))
    for k in range(rows):
        for c, text in enumerate((str(k + 1), f"第{k + 1}项考核指标的内容", "5", "县财政局")):
            table.cell(2 + k, c).text = text
    document.save(path)
    return path


def _txt(folder: Path, name: str, paragraphs: list[str]) -> Path:
    path = folder / name
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    soffice = soffice_or_skip()
    folder = tmp_path_factory.mktemp("renderings21")
    made = {
        "hyphens": _txt(folder, "hyphens.txt", ["考核办法"] + HYPHENS),
        "unsplit": _txt(folder, "unsplit.txt", ["考核办法"] + UNSPLIT),
        "title": _txt(folder, "title.txt", [TITLE, "各乡镇党委、政府，县属各单位："] + BODY),
    }
    docs = []
    for name, txt in made.items():
        build_docx(txt, folder / f"{name}.docx")
        docs.append(folder / f"{name}.docx")
    for align in ("justify", "distribute"):  # the short line spread to the margin: pdfium parts it by spaces
        build_docx(made["unsplit"], folder / f"unsplit_{align}.docx", align=align)
        docs.append(folder / f"unsplit_{align}.docx")
    # 1903's table as the renderings build it: LibreOffice ends a line of a narrow cell on `的-`, before `1分`
    build_docx(SCORED_CELLS, folder / "cells.docx")
    docs.append(folder / "cells.docx")
    # 1902's table, whose cells hold only `——` (nothing to fill) in two columns
    build_docx(DASHED_CELLS, folder / "dashes.docx")
    docs.append(folder / "dashes.docx")
    docs.append(_headed_table(folder / "headed.docx"))
    build_docx(FEW_LINES, folder / "few_lines.docx")
    docs.append(folder / "few_lines.docx")
    convert_to_pdf(docs, folder, soffice)
    made = {d.stem: folder / f"{d.stem}.pdf" for d in docs}
    made["dashes.scan"] = scan_pdf(made["dashes"], folder / "dashes.scan.pdf")
    return made


def _texts(path: Path) -> list[str]:
    return [b.text for b in read(path, path.name).blocks if hasattr(b, "text")]


def test_hyphen_ending_a_line_is_kept_and_ends_its_line(pdfs):
    # pdfium ran `…扣` and `1分，扣完…` into one line: its characters, put in order by x, interleaved the two lines.
    assert _texts(pdfs["hyphens"]) == ["考核办法"] + HYPHENS


def test_hyphen_ending_a_line_in_a_table_cell_is_kept(pdfs):
    (table,) = read(pdfs["cells"], "cells.pdf").tables()
    assert "".join(table.rows[3].cells[6].split()) == CELL


@pytest.mark.parametrize("name", ["unsplit", "unsplit_justify", "unsplit_distribute"])
def test_line_stopping_short_of_an_unsplittable_run_is_wrapped_not_ended(pdfs, name):
    assert _texts(pdfs[name]) == ["考核办法"] + [" ".join(t.split()) for t in UNSPLIT]


def test_centred_title_over_three_lines_is_one_paragraph(pdfs):
    assert _texts(pdfs["title"])[0] == TITLE


def test_a_scanned_cell_holding_only_a_dash_keeps_it(pdfs):
    # The engine reads no text in a cell whose only ink is `——`: the cell was empty, as a merged one reads.
    (table,) = read(pdfs["dashes.scan"], "dashes.scan.pdf").tables()
    assert [r.cells[2] for r in table.rows] == [r.cells[2] for r in read(pdfs["dashes"], "dashes.pdf").tables()[0].rows]
    assert [r.cells[2] for r in table.rows[-5:]] == ["——"] * 5
    assert [r.cells[5] for r in table.rows[-2:]] == ["——"] * 2


def test_a_header_of_two_rows_repeated_on_every_page_is_dropped_whole(pdfs):
    # Only its first row was dropped: the second stayed as a row, its merged cells filled from the row above it
    # (`24 | 指标 | 分值 | 县财政局`), and the row the page break cut was not joined again across it.
    (table,) = read(pdfs["headed"], "headed.pdf").tables()
    assert [r.cells for r in table.rows[:2]] == [["序号", "考核内容", "", "责任单位"], ["序号", "指标", "分值", "责任单位"]]
    body = [["".join(c.split()) for c in r.cells] for r in table.rows[2:]]
    assert body == [[str(k), f"第{k}项考核指标的内容", "5", "县财政局"] for k in range(1, 61)]


def test_a_two_row_table_head_a_browser_repeats_on_every_printed_page_is_dropped_whole(tmp_path):
    # A site's table with a <thead> of two rows: Chromium prints it at the top of every page, as Word repeats one.
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed")
    body = "".join(f"<tr><td>{k}</td><td>第{k}项考核指标的内容，按要求完成并报送材料</td><td>5</td><td>县财政局</td></tr>"
                   for k in range(1, 81))
    page = tmp_path / "headed.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><table border="1"><thead>'
                    '<tr><th rowspan="2">序号</th><th colspan="2">考核内容</th><th rowspan="2">责任单位</th></tr>'
                    f"<tr><th>指标</th><th>分值</th></tr></thead><tbody>{body}</tbody></table></body></html>",
                    encoding="utf-8")
    (printed,) = print_pdfs([page], chromium)
    (table,) = read(printed, printed.name).tables()
    assert [r.cells[0] for r in table.rows] == ["序号", "序号"] + [str(k) for k in range(1, 81)]
    assert [r.cells[1] for r in table.rows[:2]] == ["考核内容", "指标"]


def test_a_title_above_few_lines_of_prose_is_centred_by_the_margin_its_wraps_start_at(pdfs):
    # With two indented first lines and one wrapped line, the indent passed for the left margin: measured from
    # it the two-line title was not centred, and its last line `细则` stood apart.
    assert _texts(pdfs["few_lines"])[0] == "2019年全市宣传思想文化工作目标考核评分细则"
