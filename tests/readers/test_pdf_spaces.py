"""Web text pasted into Word a line a paragraph and printed by LibreOffice (`benchmarks/renderings.py --raw-lines`):
the spaces that part its items and cells must read as the .docx's paragraphs hold them. pdfium gives one space for
any gap — an office suite's autospace where Chinese meets a figure (`2014 年`), a space, a run of spaces — and none
where a line wrapped at a space; ``pdf_spaces`` reads each from the gaps and the page's space glyphs. The gold
documents that failed are printed here as the benchmark prints them, and their lines read as the PDF reader reads
them with the measured spaces (the hook in ``pdf_reader._page_lines`` that calls ``pdf_spaces``)."""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from parsers.readers import pdfium_bare as bare
from parsers.readers.pdf_page_model import _Line, _Page
from parsers.readers.pdf_paragraphs import _assemble
from parsers.readers.pdf_spaces import (
    NUMBER_SPACE,
    RUN,
    ends_on_glyph_space,
    ends_on_space,
    gap_spaces,
    line_spaces,
    space_ends,
)
from schemas.blocks import Paragraph, Table
from tests.conftest import REAL, ROOT
from tests.formats.conftest import soffice_or_skip
from tests.renderings_build import build_docx, convert_to_pdf

DOCS = {"004": REAL / "004_luxi_2014_xinfang_mubiao_kaohe_xize.txt",
        "504": ROOT / "tests/data/holdout5/504_guizhou_shi_zhou_shenghuo_laji_fenlei_pingjia_kaohe_xize.txt",
        "704": ROOT / "tests/data/holdout7/704_qiaocheng_2023_keji_zhongdian_gongzuo_renwu_fenjie.txt",
        "2405": ROOT / "tests/data/holdout24/2405_xian_chengzhen_gongce_jianshe_gaizao_gongcheng_kaohe_pingfen_biaozhun.txt",
        "2003": ROOT / "tests/data/holdout20/2003_guichi_tangxi_2022_xiangmu_zhichu_jixiao_zipingbiao.txt"}


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    soffice = soffice_or_skip()
    out = tmp_path_factory.mktemp("raw_lines")
    docs = []
    for key, txt in DOCS.items():
        if not txt.is_file():
            pytest.skip(f"{txt} is not here")
        docs.append(out / f"{key}.docx")
        build_docx(txt, docs[-1], raw_lines=True)
    convert_to_pdf(docs, out, soffice)
    return {key: out / f"{key}.pdf" for key in DOCS}


def measured_lines(pdf: Path, page_index: int = 0) -> list[str]:
    """The page's lines, each space read from its gap and a line that wrapped at a space ending on one."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[page_index]
        textpage = page.get_textpage()
        height, handle, text = page.get_height(), bare.handle(textpage), textpage.get_text_range()
        ends, rect, out, start = space_ends(page, height, text), pdfium_c.FS_RECTF(), [], 0
        for raw in text.split("\r\n"):
            if raw.strip():
                first = start + len(raw) - len(raw.lstrip())
                size = bare.font_size(handle, first)
                bare.char_box(handle, first, ctypes.byref(rect))
                top = height - rect.top
                bare.char_box(handle, start + len(raw.rstrip()) - 1, ctypes.byref(rect))
                wrapped = ends_on_glyph_space(raw, start, handle) or ends_on_space(ends, rect.right, top, size)
                out.append(line_spaces(raw, start, size, handle) + (" " if wrapped else ""))
            start += len(raw) + 2
        textpage.close()
        page.close()
    finally:
        document.close()
    return out


def test_runs_of_spaces_parting_items_read_as_runs(printed):
    # real 004: items a site ran together on one line, parted by two spaces (`（一）领导重视（12分）  1、…`). pdfium gave
    # one space, like the autospace of `2014 年`, so the items stayed one paragraph (0.833; the .docx 1.000).
    lines = measured_lines(printed["004"])
    assert lines[0].startswith("2014年泸溪县信访工作")  # autospace: no space in the text
    assert lines[1] == f"核内容及评分标准{RUN}(一)领导重视(12分){RUN}1、重视信访工作(2"
    assert lines[3].endswith(f"没有记录不计分。{RUN}2、目")


def test_a_wrap_at_a_space_and_a_stray_space_glyph(printed):
    # holdout5 504: a table flattened into one paragraph, its cells parted by single spaces. The spaces where lines
    # wrapped were lost (`…考核细则` / `序号 考核内容`: the title glued to the header) and a space glyph LibreOffice
    # drew at the line's start read as `建设 (17 分)` (0.000; the .docx 1.000).
    lines = measured_lines(printed["504"])
    assert lines[0] == "附件1 各市(州)、贵安新区生活垃圾分类工作评价考核细则 "
    assert lines[1] == "序号 考核内容 评分细则 分值 一、体制机制建设(17分) 1 认真"
    assert lines[6] == "评分。 2 3 制定工作方案,建立年度工作计划制度并有效执行。 "


def test_spaces_at_wraps_in_a_flattened_form(printed):
    # holdout20 2003: a 绩效自评表 flattened into one run parted by spaces. Where a line wrapped at a space, pdfium's
    # text either left it out or put one of the line's own spaces at the line's end (`…改进措施 产` / `出指标`, no space
    # in the text): the cells glued at wraps (`全年执行数分值`) and the form read nothing (0.000; the .docx 1.000).
    lines = measured_lines(printed["2003"])
    assert lines[6].endswith("全年预算数 全年执行数 ") and lines[14].endswith("二级指标 三级指标 ")
    assert lines[15].endswith("改进措施 产") and lines[19].endswith("达成预期指标 8 8 ")


def test_a_number_cell_before_its_text_keeps_its_space(printed):
    # holdout7 704: a row a line, `33 新培育…`: a space the text held after the row's number, which the paragraph
    # reader closed up as autospace (`9 社会面`), so the row lost its number cell (0.000; the .docx 1.000).
    lines = measured_lines(printed["704"])
    assert any(line.startswith(f"33{NUMBER_SPACE}新培育科技型中小企业50家以上") for line in lines)


def test_gaps_as_spaces():
    assert gap_spaces(3.2, 16, "0", "个") == ""  # autospace
    assert gap_spaces(5.1, 16, "。", "2") == " "
    assert gap_spaces(5.1, 16, "号", "考") == " "
    assert gap_spaces(10.2, 16, ")", "1") == RUN
    assert gap_spaces(0.1, 16, "设", "(") == ""
    # a header's pieces pdfium gave out of order (`责任单位 指标 分值`, Chromium): the next stands left, a space
    assert gap_spaces(-170.0, 16, "位", "指") == " "


WIDTH, SIZE, LEFT, RIGHT = 612.0, 16.0, 79.1, 532.2


def _read(*lines: _Line) -> list:
    page = _Page(1, list(lines), WIDTH)
    for k, item in enumerate(page.items, 1):
        item.number = k
    return _assemble([page], "t.pdf")


def test_measured_runs_part_items_as_in_the_docx():
    # 004's lines as the measured reader gives them: the items parted by runs read as the .docx's paragraphs.
    lines = [_Line(f"核内容及评分标准{RUN}(一)领导重视(12分){RUN}1、重视信访工作(2", 1, 0, 79.1, 510.6, 109.4, SIZE),
             _Line("分)。将信访工作列入党委、政府全面工作一起研究部署、督促", 1, 0, 79.1, 517.4, 137.4, SIZE),
             _Line(f"检查、考核评比的记2分,查工作记录,没有记录不计分。{RUN}2、目", 1, 0, 79.1, 526.3, 165.4, SIZE),
             _Line("标管理落实(2分)。认真贯彻落实上级信访工作目标,措施得力的", 1, 0, 79.1, 526.1, 193.4, SIZE),
             _Line("计2分,没有记录不计分。", 1, 0, 79.1, 300.0, 221.4, SIZE)]
    head = _Line("2014年泸溪县信访工作责任目标管理考核细则一、乡镇考", 1, 0, 111.1, 523.1, 81.4, SIZE)
    assert [b.text for b in _read(head, *lines)] == [
        "2014年泸溪县信访工作责任目标管理考核细则一、乡镇考核内容及评分标准", "(一)领导重视(12分)",
        "1、重视信访工作(2分)。将信访工作列入党委、政府全面工作一起研究部署、督促检查、考核评比的记2分,查工作记录,没有记录不计分。",
        "2、目标管理落实(2分)。认真贯彻落实上级信访工作目标,措施得力的计2分,没有记录不计分。"]


def test_a_wrap_at_a_space_parts_cells():
    # 2405's rows as the measured reader gives them: the space a row wrapped at parts the item from its points.
    row = [_Line("5、合理布局 在摸清现状底数的基础上,并结合城市环境卫生", 1, 0, 111.1, 531.5, 502.7, SIZE),
           _Line("专项规划进行统筹规划、精准绘制布局合理的城区公厕布置图。 ", 1, 0, 79.1, 527.1, 529.5, SIZE),
           _Line("2分 未绘制布局合理的城区公厕布置图的,扣3分;布局图绘制不", 1, 0, 79.1, 524.7, 558.5, SIZE),
           _Line("精确,出现偏差的,扣2分。", 1, 0, 79.1, 265.9, 585.5, SIZE)]
    header = [_Line("XX县城镇公厕建设改造工程考核评分标准考核项目 考核要点 分值 评分标准(扣分制) 得分", 1, 0, 111.1, 520.0, 81.0, SIZE)]
    first = [_Line("一、工作推进情况(25分) 1、组织机构 成立组织机构,明确牵头单位。 2分 未成立", 1, 0, 111.1, 519.5, 137.5, SIZE),
             _Line("相关组织领导机构的,扣1分。", 1, 0, 79.1, 300.0, 165.5, SIZE),
             _Line("2、会议部署 召开专题会议进行调度部署。 3分 未召开相关专题会议进行部署的,", 1, 0, 111.1, 518.0, 193.5, SIZE),
             _Line("扣3分。", 1, 0, 79.1, 150.0, 221.5, SIZE)]
    out = _read(*header, *first, *(_Line(x.text, 1, 0, x.x0, x.x1, x.top - 250, SIZE) for x in row))
    (table,) = [b for b in out if isinstance(b, Table)]
    assert table.rows[-1].cells[:3] == ["5、合理布局", "在摸清现状底数的基础上,并结合城市环境卫生专项规划进行统筹规划、精准绘制布局合理的城区公厕布置图。", "2分"]
    assert all(isinstance(b, (Paragraph, Table)) for b in out)


def test_a_measured_number_space_is_kept_and_autospace_still_closed():
    numbered = _read(_Line(f"33{NUMBER_SPACE}新培育科技型中小企业50家以上 区科技局", 1, 0, 111.1, 400.0, 100.0, SIZE))
    autospaced = _read(_Line("9 社会面防控到位", 1, 0, 111.1, 300.0, 100.0, SIZE))
    assert numbered[0].text.startswith("33") and autospaced[0].text == "9社会面防控到位"


def test_a_wrap_before_a_word_opening_with_a_quote_goes_on():
    # holdout35 3505: `…加分不超过20分。` stopped two characters short of the margin because what follows,
    # `区“五水共治”办`, may not break beside its quote (Unicode's class QU): one paragraph, where it was read as two and
    # the table's row lost its units (0.000 with the measured spaces; the .docx 1.000).
    lines = [_Line("均值达到年度目标的,月度扣分免扣。“水十条”考核断面年均水质", 1, 0, 79.1, 532.8, 501.4, SIZE),
             _Line("类别较上一年度升类的,每个断面加5分,加分不超过20分。", 1, 0, 79.1, 500.7, 529.3, SIZE),
             _Line("区“五水共治”办 区“五水共治”领导小组各成员单位 2 河道交界", 1, 0, 79.1, 521.7, 557.4, SIZE)]
    head = _Line("一、水环境质量(基本分200分) 1 水污染防治行动计划考核断面水质达到", 1, 0, 111.1, 531.0, 473.4, SIZE)
    assert len([b for b in _read(head, *lines) if isinstance(b, Paragraph)]) == 1


def test_one_cell_a_line_with_few_wraps_finds_the_margin():
    # holdout28 2803: a table flattened one cell a line, each cell a paragraph indented as a first line; only two
    # cells wrap. The indent was taken for the left margin (it starts most lines) and the right margin for 508,
    # so a cell ending 70 points short of the real margin (`…作用发挥`) ran on into the next (`12`): the rows
    # lost their points (0.667; the .docx 1.000). Where at least two wraps start, the margin is there.
    cells = ["一级指", "二级指标", "分值", "评分细则", "项目分值", "自评分", "测评分", "一、", "19", "分)",
             "1.区县、街镇“扫黄打非”工作组织领导及作用发挥", "12", "1.区县有健全的“扫黄打非”领导机构、办事机构", "5"]
    items = [_Line(text, 1, 0, 111.1, 111.1 + 16 * len(text), 193.3 + 28 * k, SIZE) for k, text in enumerate(cells)]
    items[10].x1 = 463.0
    top = items[-1].top
    wrapped = [("2.区县“扫黄打非”办公室有效发挥组织协调作用,有“扫黄打", 111.1, 524.4), ("非”工作人员,有“扫黄打非”经费保障", 79.1, 333.1),
               ("3", 111.1, 121.3), ("3.街镇有领导部门分管“扫黄打非”工作,落实辖区“扫黄打", 111.1, 508.4),
               ("非”工作任务", 79.1, 167.4), ("3", 111.1, 121.3)]
    items += [_Line(text, 1, 0, x0, x1, top + 28 * (k + 1), SIZE) for k, (text, x0, x1) in enumerate(wrapped)]
    items += [_Line(str(k), 2, 0, 111.1, 121.3, 82.5 + 28 * k, SIZE) for k in range(1, 5)]
    pages = [_Page(1, items[:20], WIDTH), _Page(2, items[20:], WIDTH)]
    for page in pages:
        for k, item in enumerate(page.items, 1):
            item.number = k
    texts = [b.text for b in _assemble(pages, "t.pdf") if isinstance(b, Paragraph)]
    assert "1.区县、街镇“扫黄打非”工作组织领导及作用发挥" in texts and "12" in texts


def test_a_line_spread_to_the_margin_keeps_pdfiums_spaces():
    # `--align distribute`: a paragraph's last line is spread to the margin, every character apart by the spread,
    # a Latin run among them (`换 算 目 标 (biāo) 权 (quán)`) or two characters only (`分 值`). Their gaps are the
    # spread, never runs of spaces: read as runs they made items of a drafter's words (1106, 2505 … lower).
    from parsers.readers.pdf_spaces import _runs_kept, _spread
    assert _spread("换 算 目 标 (biāo) 权 (quán) 重 分 值 。")
    assert not _spread("序号 考核内容 评分细则 分值 一、体制机制建设(17分) 1 认真")
    assert _runs_kept(f"分{RUN}值") == "分 值" and _runs_kept(f"(1分{RUN})") == "(1分 )"
    assert _runs_kept(f"核内容及评分标准{RUN}(一)领导重视") == f"核内容及评分标准{RUN}(一)领导重视"


def _records(path: Path) -> list[tuple]:
    from ingest.pipeline import process

    ex = process(path)
    return sorted([("t", t.unit, t.seq, t.points) for t in ex.targets]
                  + [("i", i.row_no, i.indicator, i.weight) for i in ex.indicators], key=repr)


@pytest.mark.parametrize("key", ["004", "504", "2405"])
def test_the_reader_reads_printed_web_text_as_its_docx(printed, key):
    """Through the PDF reader (its hook in ``_page_lines`` on a page whose text parts words by spaces): the printed
    web text gives the records its .docx gives (004, 504 and 2405 read nothing or less before the hook)."""
    pdf = printed[key]
    from_docx = _records(pdf.with_suffix(".docx"))
    assert from_docx and _records(pdf) == from_docx


def test_a_drafters_page_is_not_measured_again(printed):
    """A drafter's page holds no space of its own (only autospace, and the spaces pdfium leaves where it moved a
    quote): the reader does not measure its spaces (the sample notice's 77 pages), a web text page it does."""
    from parsers.readers.pdf_reader import _may_be_moved
    from parsers.readers.pdf_spaces import parts_by_spaces

    def pages_spaced(path: Path) -> list[bool]:
        document = pdfium.PdfDocument(str(path))
        try:
            texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        finally:
            document.close()
        return [parts_by_spaces(t, _may_be_moved(t)) for t in texts]

    assert not any(pages_spaced(ROOT / "samples" / "sanmenxia_2020_targets.pdf"))
    assert pages_spaced(printed["004"])[0] and pages_spaced(printed["504"])[0]
