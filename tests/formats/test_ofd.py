"""OFD: real files from other writers read in reading order; an OFD laid out from the sample
notice gives the .docx's targets; hostile OFDs fail with a reason, one row each."""
from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

from ingest.cli import main
from ingest.pipeline import process_file
from ingest.writers.commit import read_table
from parsers import formats
from parsers.errors import ParseError
from parsers.readers.ofd_reader import page_lines, read_ofd
from tests.conftest import REAL, SAMPLES
from tests.formats.ofd_writer import Grid, Para, write_ofd
from tests.formats.sheet_writer import docx_blocks

OFD_DIR = REAL / "ofd"
needs_real = pytest.mark.skipif(not OFD_DIR.is_dir(), reason="../shared/real/ofd is not beside this checkout")


def _expected(name: str) -> list[str]:
    text = (OFD_DIR / f"{name}.expected.txt").read_text(encoding="utf-8")
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def _key(t):
    return (t.unit, t.section, t.section_points, t.seq, t.points, re.sub(r"\s", "", t.text))


@lru_cache(maxsize=None)
def _notice_paras() -> tuple[Para, ...]:
    doc = formats.read(SAMPLES / "sanmenxia_2020_targets.docx", "docx")
    return tuple(Para(p.text, p.centered or bool(p.heading_level)) for p in doc.paragraphs())


@needs_real
@pytest.mark.parametrize("name", ["ofdrw_helloworld", "ofdrw_n_notice", "ofdrw_nalaizhuyi_page6"])
def test_real_ofd_lines_in_reading_order(name):
    got = [line for page in page_lines(OFD_DIR / f"{name}.ofd") for line in page]
    assert got == _expected(name)


@needs_real
def test_namespace_without_standard_prefix_reads_the_same():
    a = read_ofd(OFD_DIR / "ofdrw_namespace_no_std.ofd", "a")
    b = read_ofd(OFD_DIR / "ofdrw_helloworld.ofd", "b")
    assert [p.text for p in a.paragraphs()] == [p.text for p in b.paragraphs()] != []


@needs_real
def test_composite_object_text_is_followed_and_columns_read_down():
    lines = [line for page in page_lines(OFD_DIR / "ofdrw_y_composite.ofd") for line in page]
    text = "".join(lines)
    assert "数字档案室建设是《关于加强和改进新形势下档案工作的意见》" in text
    # A magazine column: each line is followed by the next line of the same column, not its neighbour's.
    k = lines.index("当前，随着信息技术的飞速发")
    assert lines[k + 1].startswith("展和“互联网+”的无限延伸")


@needs_real
def test_rotated_glyphs_are_read():
    text = "".join(line for page in page_lines(OFD_DIR / "ofdrw_shuke_horizontal.ofd") for line in page)
    assert sorted(text) == sorted("121212一二三四一二三四一二三四")


@needs_real
def test_real_notice_paragraphs_and_metadata():
    result = process_file(OFD_DIR / "ofdrw_n_notice.ofd")
    assert result.info.status == "ok" and result.info.format == "ofd"
    assert result.info.doc_number == "路卫发〔2011〕76号"
    paras = [p.text for p in read_ofd(OFD_DIR / "ofdrw_n_notice.ofd", "x").paragraphs()]
    assert "— 1 —" not in paras  # page numbers dropped
    assert paras[4].startswith("你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。")


@pytest.mark.parametrize("prefix", [True, False])
def test_written_ofd_gives_the_docx_targets(tmp_path, prefix):
    path = write_ofd(tmp_path / "notice.ofd", list(_notice_paras()), prefix=prefix)
    ofd = process_file(path)
    docx = process_file(SAMPLES / "sanmenxia_2020_targets.docx")
    assert ofd.info.status == "ok" and ofd.info.n_pages > 50
    scored = [_key(t) for t in ofd.targets if t.points is not None]
    assert len(scored) == 816
    assert scored == [_key(t) for t in docx.targets if t.points is not None]
    assert (ofd.info.doc_number, ofd.info.issuer) == (docx.info.doc_number, docx.info.issuer)
    assert all(t.page for t in ofd.targets)


def test_written_ofd_with_ruled_tables_gives_the_docx_indicator_rows(tmp_path):
    """Tables drawn with lines over several pages, merged cells without the rules between them
    (a merged category cell crosses a page break)."""
    def row_key(r):
        return (r.table_index, r.row_no, r.category, r.indicator, r.weight, r.status, r.target, r.units, r.leaders,
                r.attachment, r.table_title)
    tables = SAMPLES / "jiayuguan_2022q2_decomposition.docx"
    found = docx_blocks(tables)
    blocks = [Para(value, centered=k + 1 < len(found) and found[k + 1][0] == "table") if kind == "para"
              else Grid(*value) for k, (kind, value) in enumerate(found)]  # a table's title is centred above it
    result = process_file(write_ofd(tmp_path / "tables.ofd", blocks))
    assert result.info.status == "ok" and result.info.n_pages > 2
    rows = result.indicators
    assert [sum(1 for r in rows if r.table_index == i) for i in (1, 2)] == [31, 35]
    assert [row_key(r) for r in rows] == [row_key(r) for r in process_file(tables).indicators]
    assert len({r.page for r in rows}) > 2


def test_recognised_by_content_not_name(tmp_path):
    path = write_ofd(tmp_path / "notice.bin", [Para("关于印发目标的通知", True)])
    assert formats.detect(path).name == "ofd"
    renamed = write_ofd(tmp_path / "notice.docx", [Para("关于印发目标的通知", True)])
    assert formats.read(renamed, "x").format == "ofd"


PATHS_ONLY = ('<?xml version="1.0"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">'
              '<ofd:PathObject ID="9" Boundary="28 40 10 10"><ofd:AbbreviatedData>M 0 0 L 5 5 L 0 5 C'
              '</ofd:AbbreviatedData></ofd:PathObject></ofd:Layer></ofd:Content></ofd:Page>')
DOCTYPE = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content/></ofd:Page>')


def test_page_drawn_as_paths_is_marked_for_ocr(tmp_path):
    paras = [Para(f"第{k}段正文，内容较长以便换行。" * 6) for k in range(60)]
    path = write_ofd(tmp_path / "mixed.ofd", paras, page_xml={1: PATHS_ONLY})
    doc = read_ofd(path, "x")
    assert [(w.code, w.page) for w in doc.warnings] == [("text_layer_unreadable", 2)]
    only = write_ofd(tmp_path / "scan.ofd", [Para("短")], page_xml={0: PATHS_ONLY})
    with pytest.raises(ParseError, match="needs OCR"):
        read_ofd(only, "x")


def test_hostile_ofds_fail_with_a_reason_and_the_batch_goes_on(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    write_ofd(d / "good.ofd", list(_notice_paras())[:40])
    write_ofd(d / "doctype.ofd", [Para("正文")], page_xml={0: DOCTYPE})
    write_ofd(d / "bomb.ofd", [Para("正文")], extra_parts={"Doc_0/Res/image.xml": b"\0" * (320 * 1024 * 1024)})
    write_ofd(d / "huge_delta.ofd", [Para("正文")], page_xml={0: PATHS_ONLY.replace(
        "<ofd:PathObject", '<ofd:TextObject ID="2" Size="5" Boundary="28 40 100 10"><ofd:TextCode X="0" Y="5" '
        'DeltaX="g 2000000000 5">甲乙</ofd:TextCode></ofd:TextObject><ofd:PathObject')})
    with zipfile.ZipFile(d / "no_root.ofd", "w") as zf:
        zf.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>')
    out = tmp_path / "out"
    assert main(["run", str(d), "--out", str(out), "--quiet"]) == 1
    docs = {Path(r["source_path"]).name: r for r in read_table(out, "documents").to_pylist()}
    assert set(docs) == {"good.ofd", "doctype.ofd", "bomb.ofd", "huge_delta.ofd", "no_root.ofd"}
    assert docs["good.ofd"]["status"] == "ok" and docs["huge_delta.ofd"]["status"] == "ok"
    assert "DOCTYPE" in docs["doctype.ofd"]["error"] and "OFD" in docs["doctype.ofd"]["error"]
    assert "zip bomb" in docs["bomb.ofd"]["error"] and "OFD" in docs["bomb.ofd"]["error"]
    assert "OFD" in docs["no_root.ofd"]["error"] and "DocRoot" in docs["no_root.ofd"]["error"]
