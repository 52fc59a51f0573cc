"""OUT/notices.duckdb and its views, the Excel export, and the schema fixes of issue 12, on the samples."""
from __future__ import annotations

import pytest

from ingest.cli import main
from ingest.dataset.identity import canonical_finding_units
from ingest.dataset.warehouse import VIEWS, connect
from schemas.parquet import UNIT_TYPES
from schemas.records import DocumentInfo, Extraction, Finding
from tests.conftest import SAMPLES
from tests.test_dataset_rerun import count_views

# The columns the overview page relies on (the contract between the dataset and overview branches).
CONTRACT = {
    "documents": "doc_id notice_key is_primary source_path format status issuer doc_number title year n_units "
                 "n_targets n_indicators run_id",
    "targets": "doc_id target_id unit unit_type section points page line notice_key is_primary",
    "primary_targets": "doc_id target_id unit notice_key is_primary",
    "unit_points": "notice_key doc_id title unit unit_type section declared_points summed_points n_clauses",
    "indicator_by_unit": "notice_key doc_id indicator_key indicator unit unit_type comparator value value_unit",
    "findings_open": "doc_id notice_key source_path code severity message unit section seq page line",
    "runs": "run_id started_at ended_at options parser_version",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    out = tmp_path_factory.mktemp("dataset") / "out"
    assert main(["run", str(SAMPLES), "--out", str(out), "--jobs", "2", "--quiet"]) == 0
    return out


def test_the_database_opens_in_a_fresh_duckdb_process_and_every_view_has_rows(out):
    counts = count_views(out / "notices.duckdb", cwd="/")
    assert all(counts[v] > 0 for v in VIEWS), counts
    assert counts["documents"] == 6 and counts["primary_targets"] == 836 and counts["runs"] == 1


def test_every_view_has_the_contract_columns(out):
    con = connect(out)
    for view, columns in CONTRACT.items():
        have = [c[0] for c in con.execute(f"SELECT * FROM {view} LIMIT 0").description]
        assert set(columns.split()) <= set(have), (view, set(columns.split()) - set(have))
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE documents)").fetchall())
    assert types["is_primary"] == "BOOLEAN" and types["year"] == "INTEGER"


def test_county_comparison_and_points_per_unit(out):
    con = connect(out)
    rows = con.execute("SELECT unit, value, value_unit FROM indicator_by_unit WHERE indicator_key = '城镇新增就业' "
                       "AND unit_type = 'county_area' ORDER BY value DESC").fetchall()
    assert len(rows) == 8 and rows[0] == ("灵宝市", 10500.0, "人")
    declared, summed = con.execute("SELECT declared_points, summed_points FROM unit_points "
                                   "WHERE unit = '市住房和城乡建设局' AND section = '重点目标'").fetchall()[0]
    assert (declared, summed) == (300.0, 500.0)  # the planted slip the section_points_mismatch finding reports
    assert con.execute("SELECT summed_points FROM unit_points WHERE unit = '义马市' AND section IS NULL").fetchall() \
        == [(700.0,)]
    codes = {c for (c,) in con.execute("SELECT DISTINCT code FROM findings_open").fetchall()}
    assert "section_points_mismatch" in codes


def test_export_writes_one_sheet_per_view_that_openpyxl_reads(out, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "notices.xlsx"
    assert main(["export", str(out), "--xlsx", str(target)]) == 0
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == list(VIEWS)
    con = connect(out)
    for view in VIEWS:
        rows = list(book[view].iter_rows(values_only=True))
        assert len(rows) - 1 == con.execute(f"SELECT count(*) FROM {view}").fetchall()[0][0], view
    header = list(book["documents"].iter_rows(max_row=1, values_only=True))[0]
    assert "notice_key" in header and "is_primary" in header


def test_unit_type_values_in_the_output_are_the_documented_ones(out):
    values = {v for (v,) in connect(out).execute("SELECT DISTINCT unit_type FROM targets").fetchall()}
    assert values <= set(UNIT_TYPES) and "jurisdiction" in values and "county_area" in values


def test_attachment_only_files_get_title_and_year_from_the_attachment_heading(out):
    rows = connect(out).execute("SELECT title, year, metadata_source FROM documents WHERE format = 'txt'").fetchall()
    assert rows == [("二季度高质量发展工作指标任务分解表", 2022, "attachment")]
    notice = connect(out).execute("SELECT DISTINCT year, metadata_source FROM documents WHERE format = 'md'").fetchall()
    assert notice == [(2020, "header")]


def test_findings_name_units_canonically_and_keep_the_raw_name():
    info = DocumentInfo(doc_id="d", source_path="x.md", sha256="s", format="md")
    ex = Extraction(info, findings=[Finding("d", "x.md", "rollup_mismatch", "warning", "…", unit="澠池县"),
                                    Finding("d", "x.md", "no_records", "info", "…")])
    canonical_finding_units(ex)
    assert (ex.findings[0].unit, ex.findings[0].unit_raw) == ("渑池县", "澠池县")
    assert (ex.findings[1].unit, ex.findings[1].unit_raw) == (None, None)


def test_pandas_reads_page_seq_and_line_as_nullable_integers(out):
    import pandas as pd

    targets = pd.read_parquet(out / "targets")
    findings = pd.read_parquet(out / "findings")
    assert {targets[c].dtype.name for c in ("page", "seq", "line")} == {"Int32"}
    assert findings.page.isna().any() and findings.page.dtype.name == "Int32"
