"""Web pages (.html, .mht) read as a government site publishes a notice: the article's paragraphs and data
tables, not the page's scripts, menus and layout; merged cells resolved; the declared or detected encoding;
provenance the page's source line. Every page here is written by the test."""
from __future__ import annotations

import quopri
import subprocess
import sys
from pathlib import Path

import pytest

from parsers import formats
from parsers.errors import ParseError
from schemas.blocks import Paragraph, Table

GOV_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某县人民政府</title>
<script>var s = "9. 脚本里的条款（10分）";</script><style>p { color: red }</style></head>
<body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></div>
<table width="980"><tr><td>
<p align="center"><strong>某县2021年度乡镇目标考核细则</strong></p>
<p style="text-indent:2em">一、经济发展（40分）</p>
<p>　　1. 地区生产总值增长8%以上（20分）；</p>
<p>　　2. 固定资产投资增长10%<br>以上（20分）。详见<a href="/f.doc">附表</a>。</p>
<table border="1">
<tr><th>序号</th><th>指标</th><th>分值</th><th>责任单位</th></tr>
<tr><td rowspan="2">1</td><td>财政收入</td><td>10</td><td rowspan="2">县财政局<br>县税务局</td></tr>
<tr><td>税收占比</td><td>5</td></tr>
<tr><td colspan="2">合计</td><td>15</td><td></td></tr>
</table>
</td></tr></table>
<div class="footer"><a href="/map">网站地图</a> · <a href="/about">关于我们</a></div>
</body></html>
"""


def _write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def _read(path: Path):
    return formats.read(path, path.name)


def test_a_gb2312_government_page_reads_as_its_article(tmp_path):
    doc = _read(_write(tmp_path, "notice.html", GOV_PAGE, "gb18030"))
    assert doc.format == "html"
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == ["某县2021年度乡镇目标考核细则", "一、经济发展（40分）", "1.地区生产总值增长8%以上（20分）；",
                     "2.固定资产投资增长10%以上（20分）。详见附表。"]
    title = doc.blocks[0]
    assert title.centered and title.prov.line == 8  # the source line of its element
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r.cells for r in table.rows] == [
        ["序号", "指标", "分值", "责任单位"],
        ["1", "财政收入", "10", "县财政局\n县税务局"],
        ["1", "税收占比", "5", "县财政局\n县税务局"],  # a row-spanning cell's text in every row it covers
        ["合计", "", "15", ""],  # a column-spanning cell's text in its first column
    ]
    assert [r.prov.line for r in table.rows] == [13, 14, 15, 16]
    assert table.merges_resolved


def test_a_page_of_one_p_per_visual_line_reads_as_whole_paragraphs(tmp_path):
    # A page converted from a PDF: every printed line its own <p>, a sentence cut where the line ended.
    page = ("<html><body><p>一、工作目标（30分）</p><p>1. 全年完成城镇新增就业2400人，城镇登记失业率控制在</p>"
            "<p>4.5%以内（20分）；</p><p>2. 农村劳动力转移就业1.2万人次（10分）。</p></body></html>")
    doc = _read(_write(tmp_path, "lines.htm", page))
    assert [b.text for b in doc.blocks] == ["一、工作目标（30分）", "1.全年完成城镇新增就业2400人，城镇登记失业率控制在4.5%以内（20分）；",
                                            "2.农村劳动力转移就业1.2万人次（10分）。"]


def test_a_page_that_lies_about_its_charset_is_decoded_by_detection(tmp_path):
    page = '<html><head><meta charset="utf-8"></head><body><p>三、社会事业（30分）考核细则</p></body></html>'
    doc = _read(_write(tmp_path, "lies.html", page, "gb18030"))
    assert [b.text for b in doc.blocks] == ["三、社会事业（30分）考核细则"]


def test_an_xhtml_page_with_an_encoding_declaration_parses(tmp_path):
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'
            '<body><h2>考核办法</h2><p>1、建立工作机构，计10分</p></body></html>')
    doc = _read(_write(tmp_path, "x.xhtml", page))
    assert [(b.text, b.heading_level) for b in doc.blocks] == [("考核办法", 2), ("1、建立工作机构，计10分", None)]


def test_spans_beyond_the_table_are_capped_and_a_hostile_grid_is_refused(tmp_path):
    page = ("<html><body><table><tr><td>甲</td><td rowspan='0'>整列</td></tr><tr><td>乙</td></tr>"
            "<tr><td rowspan='99999'>丙</td><td>丁</td></tr></table></body></html>")
    (table,) = _read(_write(tmp_path, "spans.html", page)).blocks
    # rowspan=0 spans to the table's end; 99999 covers only the rows there are; 丁 goes past the covered column
    assert [r.cells for r in table.rows] == [["甲", "整列", ""], ["乙", "整列", ""], ["丙", "整列", "丁"]]
    rows = "".join(f"<tr><td colspan='1000'>{k}</td><td>x</td></tr>" for k in range(300))
    with pytest.raises(ParseError, match="larger than"):
        _read(_write(tmp_path, "huge.html", f"<html><body><table>{rows}</table></body></html>"))


def test_unclosed_tags_nesting_past_256_levels_are_read_and_a_deeper_page_is_refused(tmp_path):
    # Old pages leave a <font> open on every line: the tree nests as deep as the page is long.
    lines = "".join(f"<font size=3>{k}、第{k}项工作（1分）<br>" for k in range(1, 601))
    doc = _read(_write(tmp_path, "fonts.html", f"<html><body><p>{lines}</p></body></html>"))
    assert len(doc.blocks) == 600 and doc.blocks[-1].text == "600、第600项工作（1分）"
    page = "<html><body>" + "<div>" * 10_000 + "<p>1、深层条款（5分）</p>" + "</div>" * 10_000 + "</body></html>"
    with pytest.raises(ParseError, match="nested too deep"):
        _read(_write(tmp_path, "deep.html", page))


def test_menus_and_link_lists_are_navigation_but_links_in_text_and_cells_stay(tmp_path):
    page = ("<html><body><ul><li><a href='/a'>首页</a></li><li><a href='/b'>机构设置</a></li></ul>"
            "<p>请登录<a href='/x'>政务服务网</a>填报（5分）。</p>"
            "<table><tr><td>序号</td><td>牵头单位</td></tr><tr><td>1</td><td><a href='/u'>县发改委</a></td></tr></table>"
            "</body></html>")
    doc = _read(_write(tmp_path, "links.html", page))
    assert doc.blocks[0].text == "请登录政务服务网填报（5分）。"
    assert doc.blocks[1].rows[1].cells == ["1", "县发改委"]


def test_layout_tables_are_read_as_flow(tmp_path):
    # A one-row table that places a menu beside the article, and a table that holds another table.
    page = ("<html><body><table><tr><td><a href='/'>栏目</a></td><td><p>第一条 考核对象为各乡镇。</p>"
            "<table><tr><td>类别</td><td>分值</td></tr><tr><td>党建</td><td>20</td></tr></table></td></tr></table>"
            "</body></html>")
    doc = _read(_write(tmp_path, "layout.html", page))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    assert doc.blocks[0].text == "第一条考核对象为各乡镇。"
    assert [r.cells for r in doc.blocks[1].rows] == [["类别", "分值"], ["党建", "20"]]


def test_an_mht_archive_reads_as_its_page(tmp_path):
    body = quopri.encodestring(GOV_PAGE.encode("gb18030")).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
           "------=_NextPart_01\r\nContent-Location: file:///C:/notice.htm\r\nContent-Transfer-Encoding: quoted-printable\r\n"
           "Content-Type: text/html; charset=\"gb2312\"\r\n\r\n" + body + "\r\n------=_NextPart_01--\r\n")
    doc = _read(_write(tmp_path, "notice.mht", mht))
    assert doc.format == "mht"
    html_doc = _read(_write(tmp_path, "notice.html", GOV_PAGE, "gb18030"))
    assert [getattr(b, "text", None) for b in doc.blocks] == [getattr(b, "text", None) for b in html_doc.blocks]
    empty = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n"
             "Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
    with pytest.raises(ParseError, match="holds no HTML"):
        _read(_write(tmp_path, "images.mht", empty))


def test_markup_is_recognised_whatever_the_name_and_text_named_html_stays_text(tmp_path):
    assert _read(_write(tmp_path, "saved.txt", GOV_PAGE, "gb18030")).format == "html"
    assert _read(_write(tmp_path, "plain.html", "一、总则\n1、建立工作机构，计10分\n")).format == "txt"
    with pytest.raises(ParseError, match="no text"):
        _read(_write(tmp_path, "blank.html", "<html><head><title>空</title></head><body> </body></html>"))


def test_a_web_page_in_a_batch_gives_targets_with_its_lines(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "notice.html", GOV_PAGE, "gb18030")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(out), "--jobs", "1", "--quiet"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    from ingest.writers.commit import read_table

    targets = read_table(out, "targets").to_pylist()
    assert [(t["seq"], t["points"], t["line"], t["section"]) for t in targets] == [
        (1, 20.0, 10, "经济发展"), (2, 20.0, 11, "经济发展")]
    assert {t["source_path"].rsplit("/", 1)[-1] for t in targets} == {"notice.html"}


def test_entity_bombs_and_external_entities_are_never_expanded(tmp_path):
    # A page may carry a DOCTYPE with entities: a billion-laughs chain, and an external entity naming a local file.
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", "utf-8")
    laughs = '<!ENTITY a0 "哈">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    page = (f'<?xml version="1.0"?><!DOCTYPE html [{laughs}<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
            "<html><body><p>1、条款（5分）&a9;&x;</p></body></html>")
    doc = _read(_write(tmp_path, "bomb.html", page))
    (text,) = [b.text for b in doc.blocks]
    assert text.startswith("1、条款（5分）") and len(text) < 40 and "机密" not in text and "哈哈" not in text
