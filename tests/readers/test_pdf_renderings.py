"""PDF reader regressions found by reading gold documents rendered .docx → .pdf by LibreOffice
(benchmarks/renderings.py). Each test lays out a small page the way LibreOffice drew the failing one:
lines with their geometry, tables as the ruling finder gives them, characters with their boxes."""
from __future__ import annotations

from parsers.readers.pdf_reader import _kept, _Line, _may_hold_table, _Page, _PageTable, assemble_pages
from parsers.readers.pdf_table_signs import _header_row
from schemas.blocks import Table

WIDTH = 612.0  # Letter, as python-docx's default page
LEFT, RIGHT, SIZE = 79.0, 533.0, 16.0  # text area and 三号 body type


def line(text: str, top: float, x0: float = LEFT + 2 * SIZE, page: int = 1, size: float = SIZE,
         x1: float | None = None) -> _Line:
    return _Line(text, page, 0, x0, x1 if x1 is not None else x0 + len(text) * size, top, size)


def blocks(*pages: _Page) -> list:
    for page in pages:
        for k, item in enumerate(page.items, 1):
            item.number = k
    return assemble_pages(list(pages), "t.pdf")


def test_one_line_paragraphs_are_not_joined_when_no_line_reaches_the_margin():
    # Short headings, each a line indented as a first line: no line wraps, so their ends say nothing
    # of the right margin. Before, the margin was taken from them and every line ran on into the next.
    texts = ["环境质量指标(35分)", "一、城市环境空气质量(18分)", "二、集中式饮用水源地水质达标率(6分)",
             "三、城市水域功能区水质达标率(6分)", "四、跨市河流交接断面水质达标率(5分)"]
    page = _Page(1, [line(t, 100 + 28 * k) for k, t in enumerate(texts)], WIDTH)
    assert [b.text for b in blocks(page)] == texts


def test_wrapped_paragraph_still_joined_with_the_page_width_known():
    first = line("为推进我市县、乡河道及村组河塘清淤工作，加强对水利站主要", 100, x1=RIGHT)
    rest = line("负责人的考核，特制定如下考核办法：", 128, x0=LEFT)
    page = _Page(1, [first, rest, line("一、考核对象：", 156)], WIDTH)
    assert [b.text for b in blocks(page)] == [first.text + rest.text, "一、考核对象："]


def test_centred_title_wrapped_over_two_lines_is_one_paragraph():
    title = _Line("村庄河塘清淤工作考核办法坛水字(2008)44", 1, 0, 91, 522, 77, 22.0)
    tail = _Line("号", 1, 0, 295, 317, 105, 22.0)
    wrapped = [line("为推进我市县、乡河道及村组河塘清淤工作，加强对水利站", 165, x1=RIGHT)]
    wrapped += [line("主要负责人的考核，特制定如下考核办法，各站应当认真", 193 + 28 * k, x0=LEFT, x1=RIGHT)
                for k in range(2)]
    wrapped.append(line("执行。", 249, x0=LEFT))
    page = _Page(1, [title, tail, line("各水利站：", 137)] + wrapped, WIDTH)
    assert [b.text for b in blocks(page)][:3] == [title.text + "号", "各水利站：", "".join(w.text for w in wrapped)]


def test_table_header_alone_at_page_bottom_joins_its_body_on_the_next_page():
    header = ["序号", "考评指标", "权重", "数据来源"]
    body = [["1", "地区生产总值", "10", "省统计局"], ["2", "财政收入", "12", "省财政厅"]]
    page1 = _Page(1, [line("附件2：示范区考核评价指标体系", 100), _PageTable([header], 1, 700, 0)], WIDTH)
    page2 = _Page(2, [_PageTable(body, 2, 72, 0)], WIDTH)
    out = blocks(page1, page2)
    (table,) = [b for b in out if isinstance(b, Table)]
    assert [r.cells for r in table.rows] == [header] + body
    assert [b.text for b in out if not isinstance(b, Table)] == ["附件2：示范区考核评价指标体系"]


def test_single_ruled_row_without_a_table_next_to_it_is_read_as_text():
    boxed = _PageTable([["注：本表由各乡镇填报。"]], 1, 300, 0)
    page = _Page(1, [line("一、考核对象。", 100), boxed, line("二、考核内容。", 400)], WIDTH)
    texts = [getattr(b, "text", None) for b in blocks(page)]
    assert texts == ["一、考核对象。", "注：本表由各乡镇填报。", "二、考核内容。"]


def test_one_row_table_kept_only_at_a_page_edge():
    class Found:
        def __init__(self, top: float, bottom: float):
            self.bbox, self.rows = (LEFT, top, RIGHT, bottom), [["序号", "指标"]]

    lines = [line("正文", 100), line("— 2 —", 760)]  # a page number below does not count
    at_bottom, in_middle = Found(700, 730), Found(300, 330)
    lines_middle = lines + [line("其后正文", 400)]
    assert _kept([at_bottom], lines) == [at_bottom]
    assert _kept([in_middle], lines_middle) == []


def test_row_cut_by_page_break_is_one_row():
    header = ["考核内容", "评分标准", "分值", "自评分"]
    page1 = _Page(1, [_PageTable([header, ["采取多种形式开展廉政教育", "每年参加活动2次得10分。", "10", ""],
                                  ["认真执行廉", "党员干部发", "20", ""]], 1, 100, 0)], WIDTH)
    page2 = _Page(2, [_PageTable([["洁自律有关规定。", "生一起违法违纪案件扣5分。", "", ""],
                                  ["认真处理村支部党员干部错误。", "发现隐瞒一次扣5分。", "20", ""]], 2, 72, 0)], WIDTH)
    (table,) = blocks(page1, page2)
    assert [r.cells[:3] for r in table.rows[2:]] == [
        ["认真执行廉\n洁自律有关规定。", "党员干部发\n生一起违法违纪案件扣5分。", "20"],
        ["认真处理村支部党员干部错误。", "发现隐瞒一次扣5分。", "20"]]


def test_cell_paragraph_after_page_break_joins_its_row_even_after_a_stop():
    page1 = _Page(1, [_PageTable([["考核项目", "考核标准", "分值"], ["(一)组织", "1.成立机构", "1"],
                                  ["", "各市安委办调动成员单位开展活动；", "2"]], 1, 100, 0)], WIDTH)
    page2 = _Page(2, [_PageTable([["", "各行业主管部门调动企业开展活动", ""], ["", "按时报送信息", "2"]], 2, 72, 0)],
                  WIDTH)
    (table,) = blocks(page1, page2)
    assert [r.cells[1] for r in table.rows[2:]] == ["各市安委办调动成员单位开展活动；\n各行业主管部门调动企业开展活动",
                                                   "按时报送信息"]


def test_new_row_under_a_merged_cell_after_page_break_stays_a_row():
    # The first cell is empty because the group's cell is merged over the break, not because the row
    # was cut: the row gives its own weight again. Before, it was glued to the row above (weight 2+2).
    page1 = _Page(1, [_PageTable([["考核项目", "考核内容", "分值"], ["1.组织管理", "1.3每年有计划、有总结", "2"]],
                                 1, 100, 0)], WIDTH)
    page2 = _Page(2, [_PageTable([["", "1.4召开爱卫会全体会议", "2"]], 2, 72, 0),
                      line("二、考核方法", 200)], WIDTH)
    table = blocks(page1, page2)[0]
    assert [r.cells[1:] for r in table.rows[1:]] == [["1.3每年有计划、有总结", "2"], ["1.4召开爱卫会全体会议", "2"]]


def test_table_written_cell_by_cell_is_searched_for_rules():
    # LibreOffice writes a table cell by cell: a row's cells are lines side by side on one baseline,
    # not one line pdfium split; with three text columns the line starts alone did not tell.
    cells = [line("洁自律有关", 80, x0=84), line("规定。", 94, x0=84), line("生一起违法", 80, x0=160),
             line("违纪案件扣5分", 94, x0=160), line("认真处理村", 130, x0=84), line("发现隐瞒错", 130, x0=160),
             line("20", 130, x0=236)]
    assert _may_hold_table(cells, None, "", [])


def test_centred_title_wrapped_on_a_short_page_whose_indents_outnumber_its_margin_lines():
    # A dozen lines: three first lines indented two characters, two wrapped lines at the margin. Before, the
    # margin was taken at the indent (the only place three lines start), the wrapped title's first line stood
    # left of it, so the title broke in two and its tail read as a heading.
    body = [line("(五)对在考核工作中瞒报、谎报情况的单位,予以通报批", 82, x1=RIGHT),
            line("评;对直接责任人员依法追究责任。", 109, x0=LEFT)]
    title = _Line("附件:1.各县区人民政府节能目标责任评价考核", 1, 0, 83, 529, 132, 22.0)
    tail = _Line("计分表", 1, 0, 273, 339, 160, 22.0)
    after = [line("2.重点耗能企业节能目标责任评价考核计分表", 194), line("附件1:", 221, x0=LEFT),
             line("各县区人民政府节能目标责任评价考核计分表", 249)]
    out = [b.text for b in blocks(_Page(1, body + [title, tail] + after, WIDTH))]
    assert out[1:3] == [title.text + tail.text, after[0].text]


def test_a_compact_blank_form_whose_header_is_the_only_row_with_text_in_several_columns_is_searched():
    # holdout10 1006 printed by Chromium: `主要指标 目标任务 完成情况 完成比例` over rows with only their first cell
    # filled; the columns stand close (no wide gap), every body line starts at one place and no two share a
    # baseline, so the page was never searched for its rules. A header row of table words now is a sign.
    lines = [line("主要目标任务量化指标完成情况表", 80.0, x0=150.0), line("主要指标 目标任务 完成情况 完成比例", 110.0, x0=LEFT)]
    lines += [line(name, 140.0 + 22 * k, x0=LEFT) for k, name in enumerate(["冬绿肥示范基地", "秸秆还田面积", "粮食播种面积"])]
    assert _may_hold_table(lines, None, "", [])
    prose = [line("1. 全年完成城镇新增就业 2400 人，失业率控制在 4.5% 以内", 110.0 + 22 * k, x0=LEFT) for k in range(3)]
    assert not any(_header_row(p.text) for p in prose)  # prose with pdfium's spaces is no header row


def test_lines_stretched_to_the_margin_by_distributed_alignment_stay_apart():
    # 分散对齐: every one-line paragraph is spread to the right margin, so no line "ends early"; pdfium
    # puts a space in each wide gap between the spread characters. Before, all of them ran into one.
    texts = ["环境质量指标(35分)", "一、城市环境空气质量(18分)", "二、集中式饮用水源地水质达标率(6分)",
             "三、城市水域功能区水质达标率(6分)"]
    spread = ["环 境 质 量 指 标 (35 分 )", "一 、 城 市 环 境 空 气 质 量 (18 分 )",
              "二 、 集 中 式 饮 用 水 源 地 水 质 达 标 率 (6 分 )", "三 、 城 市 水 域 功 能 区 水 质 达 标 率 (6 分 )"]
    page = _Page(1, [line(t, 100 + 28 * k, x0=LEFT, x1=RIGHT) for k, t in enumerate(spread)], WIDTH)
    assert [b.text for b in blocks(page)] == texts


def test_wrapped_prose_with_a_few_spaces_still_joins():
    # A full line with spaces pdfium put beside numbers (`20 分`) is prose, not a stretched line.
    first = line("6.社会消费品零售总额增速高于全省平均水平 20 分，固定资产投资增速 10 分，", 100, x1=RIGHT)
    rest = line("高于全省平均水平。", 128, x0=LEFT)
    page = _Page(1, [first, rest], WIDTH)
    assert [b.text for b in blocks(page)] == ["6.社会消费品零售总额增速高于全省平均水平20分，固定资产投资增速10分，高于全省平均水平。"]


def _indented_body(top: float, n: int = 10) -> list[_Line]:
    """``n`` one-line paragraphs, each opening indented as the document's paragraphs do."""
    return [line(f"{k}.本条考核内容完成得分。", top + 28 * k) for k in range(1, n + 1)]


def test_a_wrapped_paragraph_broken_mid_sentence_runs_on_at_the_margin():
    # renderings, 1203 as a LibreOffice PDF: web text with a line break inside a sentence (`…建设率达到` / `100%。5分。`),
    # kept in Word as a soft break. In a document whose paragraphs open indented, a line at the margin after a
    # wrapped paragraph's line that stops on a word is the same paragraph.
    first = line("(二)组织建设:15分1、人民调解指导中心建立健全。2分。2、乡镇(街道)、村(社区)人民", 100, x1=RIGHT)
    cut = line("调解组织建设率达到", 128, x0=LEFT)
    rest = line("100%。5分。否则,不计分。", 156, x0=LEFT)
    page = _Page(1, [first, cut, rest] + _indented_body(184), WIDTH)
    assert [b.text for b in blocks(page)][0] == first.text + cut.text + rest.text


def test_single_short_lines_at_the_margin_stay_apart_in_an_indented_document():
    # The closing block (`主办：…` / `督办：…` / `抄送：…`) and a date above `附件`: lines of their own, never a wrapped
    # paragraph's tail, so they are not run on though they stop on a word.
    closing = [line(t, 1000 + 28 * k, x0=LEFT) for k, t in enumerate(["主办：市政府办公室", "督办：市政府目标办", "附件"])]
    page = _Page(1, _indented_body(100, 30) + closing, WIDTH)
    assert [b.text for b in blocks(page)][-3:] == ["主办：市政府办公室", "督办：市政府目标办", "附件"]


def test_a_clauses_points_wrapped_onto_a_line_of_their_own_stay_with_the_clause():
    # Word may not end a line on an opening bracket, so `(5分)` goes whole to the next line and the line above
    # stops short after its `。`: that stop ended the paragraph, and the points became a paragraph of their own.
    clause = line("6、对督查中发现的火灾隐患及时整改到位，确保不留死角、不漏一户。", 428, x1=RIGHT - 3 * SIZE)
    points = line("(5分)", 456, x0=LEFT)
    after = line("7、各村(社区)实行有奖举报制度。(2分)", 484)
    wrapped = [line("5、加强火源管理，清明、春节等重点时段安排专人值守，做好巡查记录，", 372, x1=RIGHT),
               line("发现问题及时处置。(3分)", 400, x0=LEFT)]
    page = _Page(1, _indented_body(60) + wrapped + [clause, points, after], WIDTH)
    assert [b.text for b in blocks(page)][-2:] == [clause.text + points.text, after.text]
