"""The overview page without a browser: its queries on the samples' dataset and on a dataset built in
code (other units, other notices), its routes (every chart's CSV is the chart's rows; plotly.js from
the app itself; nothing linked off the machine), and ``--data`` on the command line."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import duckdb
import pytest

from ingest.cli import main
from ingest.dataset.warehouse import connect
from ingest.web import overview_data as data
from ingest.web.app import ServeSettings, create_app

SANMENXIA = {"义马市": 2400, "渑池县": 6000, "湖滨区": 5100, "陕州区": 5800, "灵宝市": 10500, "卢氏县": 6100,
             "城乡一体化示范区": 1600, "开发区": 500}


@pytest.fixture(scope="module")
def dataset(samples_dataset) -> Path:
    return samples_dataset


@pytest.fixture
def con(dataset):
    connection = connect(dataset)
    yield connection
    connection.close()


def _csv(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_county_comparison_of_the_samples_is_the_eight_counties(con):
    table = data.county_comparison(con, "城镇新增就业")
    assert {r[2]: r[4] for r in table.rows} == SANMENXIA  # not 三门峡市 (3.8万人), not 市人力资源和社会保障局
    assert set(table.column("value_unit")) == {"人"}
    assert set(table.column("notice")) == {"三政〔2020〕9号"}  # one notice, its primary copy only
    assert table.notes == []
    assert ("城镇新增就业", 8) in data.county_indicators(con)


def test_documents_count_each_notice_once(con):
    assert data.summary(con) == {"files": 6, "notices": 2, "failed": 0}
    rows = {(r[0], r[1]): r[2:] for r in data.documents_by_year_issuer(con).rows}
    assert rows[(2020, "三门峡市人民政府")] == (1, 3)
    assert sum(n for n, _ in rows.values()) == 2


def test_points_per_unit_and_section(con):
    notice, label = data.notices(con)[0]
    assert label == "三政〔2020〕9号"
    rows = {(r[0], r[2]): r for r in data.points_by_unit_section(con, notice).rows}
    # the notice's own slip: 重点目标 declared 300, its clauses add up to 500
    assert rows[("市住房和城乡建设局", "重点目标")][3:6] == (300.0, 500.0, 5)
    assert rows[("灵宝市", data.NO_SECTION)][4] == 700.0
    counties = data.points_by_unit_section(con, notice, "county_area")
    assert set(counties.column("unit")) == set(SANMENXIA)


def test_a_unit_with_clauses_outside_its_sections():
    """``unit_points``: a row per section and one for the whole unit (section null): the clauses
    outside every section are the whole unit's less the sections'."""
    con = duckdb.connect()
    con.execute("""create table unit_points as select * from (values
        ('k', 'd', 't', '甲县', 'county_area', '重点目标', 60.0, 60.0, 3),
        ('k', 'd', 't', '甲县', 'county_area', '一般目标', 30.0, 20.0, 2),
        ('k', 'd', 't', '甲县', 'county_area', null, 100.0, 95.0, 7),
        ('k', 'd', 't', '乙局', 'department', null, 100.0, 100.0, 4))
        v(notice_key, doc_id, title, unit, unit_type, section, declared_points, summed_points, n_clauses)""")
    table = data.points_by_unit_section(con, "k")
    assert table.rows == [("乙局", "department", data.NO_SECTION, None, 100.0, 4, 100.0),
                          ("甲县", "county_area", "一般目标", 30.0, 20.0, 2, 100.0),
                          ("甲县", "county_area", "重点目标", 60.0, 60.0, 3, 100.0),
                          ("甲县", "county_area", data.NO_SECTION, None, 15.0, 2, 100.0)]
    assert [r[0] for r in data.points_by_unit_section(con, "k", "county_area").rows] == ["甲县"] * 3


def test_findings_by_code_add_up_to_the_open_findings(con):
    table = data.findings_by_code(con)
    assert sum(table.column("findings")) == con.execute("select count(*) from findings_open").fetchone()[0]
    assert ("section_points_mismatch", "error") in {(r[0], r[1]) for r in table.rows}


def _built(rows: list[tuple]) -> duckdb.DuckDBPyConnection:
    """The contract's ``indicator_by_unit`` and ``documents`` for notices built here."""
    con = duckdb.connect()
    con.execute("""create table indicator_by_unit (notice_key varchar, doc_id varchar, indicator_key varchar,
                   indicator varchar, unit varchar, unit_type varchar, comparator varchar, value double,
                   value_unit varchar)""")
    con.execute("""create table documents (doc_id varchar, notice_key varchar, is_primary boolean,
                   source_path varchar, doc_number varchar, title varchar)""")
    con.executemany("insert into indicator_by_unit values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("""insert into documents values ('a', 'k1', true, 'a.docx', '汾政〔2021〕3号', null),
                   ('b', 'k2', true, 'b.xlsx', null, '2022年目标分解表')""")
    return con


def test_county_comparison_is_general():
    """Another city's notice and an untyped table (units from a 附件): county-level units by the
    vocabulary, the prefecture city and departments left out, the dominant unit of measure kept."""
    key = "粮食播种面积"
    con = _built([
        ("k1", "a", key, key, "临汾市", "jurisdiction", "reach", 500.0, "万亩"),
        ("k1", "a", key, key, "尧都区", "county_area", "reach", 60.0, "万亩"),
        ("k1", "a", key, key, "洪洞县", "county_area", "at_least", 80.0, "万亩"),
        ("k1", "a", key, key, "翼城县", "county_area", "reach", 30000.0, "亩"),
        ("k1", "a", key, key, "市农业农村局", "department", "reach", 500.0, "万亩"),
        ("k2", "b", key, key, "临汾市", None, "reach", 510.0, "万亩"),      # a prefecture-level division
        ("k2", "b", key, key, "霍州市", None, "reach", 20.0, "万亩"),       # a county-level city
        ("k2", "b", key, key, "市财政局", None, "reach", 1.0, "万亩"),
        ("k2", "b", key, key, "洪洞县", None, "reach", 81.0, "万亩"),
        ("k2", "b", key, key, "洪洞县", None, "at_most", 85.0, "万亩"),     # two values: the largest shown
        ("k2", "b", "其他", "其他", "洪洞县", None, "reach", None, "万亩"),
        ("k2", "b", "孤例", "孤例", "洪洞县", None, "reach", 3.0, "个"),       # one unit: nothing to compare
    ])
    table = data.county_comparison(con, key)
    got = {(r[1], r[2]): (r[4], r[6]) for r in table.rows}
    assert got == {("汾政〔2021〕3号", "尧都区"): (60.0, 1), ("汾政〔2021〕3号", "洪洞县"): (80.0, 1),
                   ("2022年目标分解表", "霍州市"): (20.0, 1), ("2022年目标分解表", "洪洞县"): (85.0, 2)}
    assert set(table.column("value_unit")) == {"万亩"}
    assert table.notes == ["按万亩比较；另有亩1个数值未列入"]
    assert data.county_indicators(con) == [(key, 4)]


def _client(dataset, connect=None):
    return create_app(ServeSettings(data=dataset, connect=connect or connect)).test_client()


def test_every_chart_on_the_page_and_its_csv_is_its_rows(dataset, con):
    client = _client(dataset)
    page = client.get("/overview", query_string={"indicator": "城镇新增就业"}).get_data(as_text=True)
    for chart, table in (("documents", data.documents_by_year_issuer(con)), ("findings", data.findings_by_code(con)),
                         ("county", data.county_comparison(con, "城镇新增就业"))):
        assert f"id='chart-{chart}' data-rows='{len(table.rows)}'" in page
        body = client.get(f"/overview/{chart}.csv", query_string={"indicator": "城镇新增就业"}).data
        assert body == table.to_csv()
        assert len(_csv(body)) == len(table.rows)
    points = _csv(client.get("/overview/points.csv").data)
    assert len(points) == len(data.points_by_unit_section(con, data.notices(con)[0][0]).rows)
    assert client.get("/overview/nothing.csv").status_code == 404


def test_the_page_links_nothing_off_the_machine(dataset):
    client = _client(dataset)
    page = client.get("/overview").get_data(as_text=True)
    links = re.findall(r"(?:src|href)='([^']*)'", page)
    assert "/overview/plotly.min.js" in links
    assert all(link.startswith("/") for link in links), links
    js = client.get("/overview/plotly.min.js")
    assert js.status_code == 200 and b"plotly" in js.data[:2000] and len(js.data) > 1_000_000


def test_an_unknown_choice_falls_back_and_a_bad_folder_is_a_message(dataset, tmp_path):
    client = _client(dataset)
    page = client.get("/overview", query_string={"indicator": "不存在", "notice": "x", "kind": "y"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "<option value='' selected>全部类型</option>" in html  # every unit type
    assert "id='chart-county' data-rows='8'" in html  # the first indicator offered, its eight counties

    def broken(out):
        raise OSError("cannot open")

    response = _client(tmp_path, broken).get("/overview")
    assert response.status_code == 503 and "无法读取数据文件夹" in response.get_data(as_text=True)


def test_without_data_there_is_no_overview():
    assert create_app(ServeSettings()).test_client().get("/overview").status_code == 404


def test_serve_data_must_be_a_folder(tmp_path, capsys):
    assert main(["serve", "--data", str(tmp_path / "missing"), "--no-browser"]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_the_real_views_have_the_columns_the_page_reads(dataset):
    con = connect(dataset)
    for view, columns in {"documents": "year, issuer, notice_key, is_primary, status, doc_number, title",
                          "unit_points": "notice_key, doc_id, unit, unit_type, section, declared_points, "
                                         "summed_points, n_clauses",
                          "indicator_by_unit": "notice_key, doc_id, indicator_key, unit, unit_type, comparator, "
                                               "value, value_unit",
                          "findings_open": "code, severity, doc_id"}.items():
        con.execute(f"select {columns} from {view} limit 1").fetchall()
