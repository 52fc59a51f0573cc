"""Web text pasted into Word: a document site's chunks, each a paragraph, cut mid-word and sometimes numbered by the
site (`1、…` / `2、…`), and the page's wraps left as lone spaces, read as the text reader reads the same text in a .txt
(parsers/readers/web_chunks.py; docx_reader._closed_up). Built
from real files (holdout5 503: two chunks, unnumbered; holdout21 2103: three chunks numbered 1、2、3、) by pasting
each line of the .txt as a paragraph, as benchmarks/renderings.py --raw-lines does."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from ingest.pipeline import process
from tests.conftest import ROOT

CHUNKED = {
    "unnumbered_chunks": ROOT / "tests/data/holdout5/503_etuoke_2011_jiceng_canjiren_gongzuo_mubiao_kaohe_yanshou_xize.txt",
    "numbered_chunks": ROOT / "tests/data/holdout21/2103_jingmen_2016_shizhi_jiguan_dangjian_xianjin_danwei_kaoping_xize.txt",
    # holdout9 902: the page's wraps kept as lone spaces between Chinese characters (`老干部 工作领导小组`)
    "spaces_of_wraps": ROOT / "tests/data/holdout9/902_yunnan_zhoushi_laoganbu_gongzuo_mubiao_guanli_lianghua_pingfen.txt",
}


def _pasted(txt: Path, target: Path) -> Path:
    document = docx.Document()
    for line in txt.read_text(encoding="utf-8").splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(target)
    return target


def _clauses(path: Path) -> list[tuple]:
    return [(t.unit, t.section, t.seq, t.points, t.text) for t in process(path).targets]


@pytest.mark.parametrize("name", sorted(CHUNKED))
def test_web_text_pasted_into_word_reads_as_the_txt(tmp_path, name):
    txt = CHUNKED[name]
    expected = _clauses(txt)
    assert len(expected) >= 2
    assert _clauses(_pasted(txt, tmp_path / f"{name}.docx")) == expected


def test_a_drafters_paragraphs_are_never_joined(tmp_path):
    """Short paragraphs, or long ones ending at a stop, stay as written, whatever follows them."""
    document = docx.Document()
    long_sentence = "为深入贯彻落实全市经济工作会议精神，进一步压实工作责任，" * 8 + "特制定本细则。"
    for text in ["某县2024年度目标考核细则", long_sentence, "一、组织领导（20分）", "1、成立领导小组，得5分"]:
        document.add_paragraph(text)
    path = tmp_path / "drafted.docx"
    document.save(path)
    from parsers.formats import read

    assert [b.text for b in read(path, "drafted.docx").blocks] == [
        "某县2024年度目标考核细则", long_sentence, "一、组织领导（20分）", "1、成立领导小组，得5分"]


def test_next_part_of_a_flattened_table_is_no_chunk_going_on(tmp_path):
    """holdout38 3803: a table the page flattened into one paragraph a part (`…一发展规划与教改特色(5)…考核组教务处教学
    评估办` / `二教学基本建设(25)2—1…`), its characters set apart. The second paragraph had been joined to the first as
    a site's chunk cut mid-word (the first ends on a character): 4 of its 10 clauses read, 0.571. A paragraph opening
    with the next part's number glued to its name and worth, after one that opened the part before alike, stays apart."""
    txt = ROOT / "tests/data/holdout38/3803_daxue_xueyuan_xi_bu_gongzuo_kaoping_zhibiao_tixi.txt"
    expected = [(unit, section, seq, points) for unit, section, seq, points, _ in _clauses(txt)]
    pasted = [(unit, section, seq, points) for unit, section, seq, points, _ in _clauses(_pasted(txt, tmp_path / "p.docx"))]
    assert len(expected) == 10
    assert pasted == expected
