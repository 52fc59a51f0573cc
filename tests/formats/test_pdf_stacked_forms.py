"""Two Word tables stacked with no gap whose columns meet in one rule by chance (holdout31 3104: a 6-column funds
form over an 8-column 一级/二级/三级指标 table) were found as one table on a 12-column grid, so the PDF read 0.000
where its .docx and .txt read 1.000: the cut now asks that the rules above and below mostly meet, not that one does."""
from __future__ import annotations

import json
from types import SimpleNamespace

from ingest.pipeline import process
from parsers.readers.pdf_tables import stacked_grids
from tests.conftest import ROOT
from tests.formats.conftest import soffice_or_skip
from tests.renderings_build import build_docx, convert_to_pdf

TXT = ROOT / "tests/data/holdout31/3104_suixi_2019_linshi_jiuzhu_jixiao_mubiao_zipingbiao.txt"


def _row(xs: list[float], top: float):
    return SimpleNamespace(cells=[(a, top, b, top + 20) for a, b in zip(xs, xs[1:])], bbox=(xs[0], top, xs[-1], top + 20))


def _table(*rows):
    return SimpleNamespace(rows=list(rows), bbox=(0, 0, 1, 1))


def test_a_form_over_a_table_sharing_one_rule_is_cut_in_two():
    form = [_row([0, 100, 200, 300, 400, 500, 600], top) for top in (0, 20)]
    table = [_row([0, 60, 130, 300, 360, 430, 480, 540, 600], top) for top in (40, 60, 80)]  # meets the form at 300
    assert [len(part.rows) for part in stacked_grids(_table(*form, *table))] == [2, 3]


def test_one_tables_merged_header_over_its_rows_is_not_cut():
    header = _row([0, 130, 300, 600], 0)  # merged cells: some of the body's rules left out
    body = [_row([0, 60, 130, 300, 360, 430, 600], top) for top in (20, 40)]
    assert [len(part.rows) for part in stacked_grids(_table(header, *body))] == [3]


def test_the_stacked_form_reads_in_pdf_as_in_word(tmp_path):
    soffice = soffice_or_skip()
    gold = json.loads(TXT.with_name(TXT.stem + ".gold.json").read_text(encoding="utf-8"))
    docx = tmp_path / "form.docx"
    build_docx(TXT, docx, gold)
    convert_to_pdf([docx], tmp_path, soffice)
    rows = [(r.indicator, r.weight) for r in process(docx.with_suffix(".pdf")).indicators]
    assert rows == [(r.indicator, r.weight) for r in process(docx).indicators]
    assert rows[-2:] == [("★★★受益建档立卡贫困人口数≥**人", 30.0), ("★受助对象满意度(≥**%)", 10.0)]
