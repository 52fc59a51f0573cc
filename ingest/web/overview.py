"""The overview page of a dataset (``ingest serve --data DIR``): notices by year and issuer, open
findings by code, a county comparison for any indicator, points per unit and section. Every chart is
drawn by plotly.js, served from the plotly wheel by this app (works offline), and every chart's data
is a CSV download of the same rows.

The data comes only through a connection factory (``out -> DuckDB connection`` with the dataset's
views); the default is the dataset's own ``ingest.dataset.warehouse.connect``."""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, request, send_file

from ingest.web import overview_charts as charts
from ingest.web import overview_data as data

ConnectFactory = Callable[[Path], Any]
CHARTS = ("documents", "findings", "county", "points")


def default_connect(out: Path):
    from ingest.dataset.warehouse import connect  # the dataset's DuckDB views

    return connect(out)


@dataclass(frozen=True)
class Choice:
    """What the reader picked (query parameters), checked against what the dataset holds."""
    indicator: str | None
    notice: str | None
    notice_label: str
    kind: str | None
    indicators: list[tuple[str, int]]
    notices: list[tuple[str, str]]
    kinds: list[str]

    def query(self) -> str:
        values = {"indicator": self.indicator, "notice": self.notice, "kind": self.kind}
        return urlencode({k: v for k, v in values.items() if v})


def _choose(con, args) -> Choice:
    indicators, notices = data.county_indicators(con), data.notices(con)
    indicator = args.get("indicator")
    if indicator not in {k for k, _ in indicators}:
        indicator = indicators[0][0] if indicators else None
    labels = dict(notices)
    notice = args.get("notice") if args.get("notice") in labels else (notices[0][0] if notices else None)
    kinds = data.unit_kinds(con, notice) if notice else []
    kind = args.get("kind") if args.get("kind") in kinds else None
    return Choice(indicator, notice, labels.get(notice, ""), kind, indicators, notices, kinds)


def _table(con, chart: str, choice: Choice) -> data.Table:
    if chart == "documents":
        return data.documents_by_year_issuer(con)
    if chart == "findings":
        return data.findings_by_code(con)
    if chart == "county":
        return data.county_comparison(con, choice.indicator) if choice.indicator else data.Table([], [])
    return data.points_by_unit_section(con, choice.notice, choice.kind) if choice.notice else data.Table([], [])


def _figure(chart: str, table: data.Table, choice: Choice):
    if chart == "documents":
        return charts.documents_chart(table)
    if chart == "findings":
        return charts.findings_chart(table)
    if chart == "county":
        return charts.county_chart(table, choice.indicator)
    return charts.points_chart(table, f"条款分值合计 · {choice.notice_label}")


@lru_cache(maxsize=1)
def _plotly_js() -> bytes:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs().encode("utf-8")


def overview_blueprint(out: Path, connect: ConnectFactory | None = None) -> Blueprint:
    bp = Blueprint("overview", __name__)

    def open_dataset():
        try:
            return (connect or default_connect)(out)
        except Exception as exc:  # an unreadable folder is a message on the page, not a traceback
            abort(Response(_page(f"<p class='note'>无法读取数据文件夹 {escape(str(out))}：{escape(str(exc))}</p>"),
                           status=503, mimetype="text/html"))

    @bp.get("/overview")
    def overview() -> str:
        con = open_dataset()
        try:
            choice = _choose(con, request.args)
            counts = data.summary(con)
            sections = {chart: _section(chart, _table(con, chart, choice), choice) for chart in CHARTS}
        finally:
            con.close()
        head = (f"<p class='summary'>数据文件夹 <code>{escape(str(out))}</code>：{counts['files']}个文件，"
                f"{counts['notices']}份通知（同一通知的多个副本只计一次），{counts['failed']}个未能读取。</p>")
        return _page(head + _controls(choice) + "".join(sections.values()))

    @bp.get("/overview/<chart>.csv")
    def csv(chart: str) -> Response:
        if chart not in CHARTS:
            abort(404)
        con = open_dataset()
        try:
            choice = _choose(con, request.args)
            table = _table(con, chart, choice)
        finally:
            con.close()
        name = {"county": f"county_{choice.indicator}", "points": "points_by_unit_section"}.get(chart, chart)
        return send_file(io.BytesIO(table.to_csv()), mimetype="text/csv", as_attachment=True,
                         download_name=f"{name}.csv")

    @bp.get("/overview/plotly.min.js")
    def plotly_js() -> Response:
        response = Response(_plotly_js(), mimetype="text/javascript")
        response.cache_control.max_age = 86400
        return response

    return bp


TITLES = {"documents": "通知数（按年度、发文机关；同一通知的副本只计一次）", "findings": "未处理的问题（按代码、严重程度）",
          "county": "县级单位比较（同一通知的主副本）", "points": "各单位分值（按类别；网格：条款合计与声明分值不符；竖线：声明总分）"}
EMPTY = {"documents": "没有文件。", "findings": "没有未处理的问题。", "county": "没有县级单位的数值指标。",
         "points": "没有带分值的单位。"}


def _section(chart: str, table: data.Table, choice: Choice) -> str:
    link = f"/overview/{chart}.csv" + (f"?{choice.query()}" if choice.query() else "")
    notes = "".join(f"<p class='note'>{escape(n)}</p>" for n in table.notes)
    if not table.rows:
        body = f"<p class='empty'>{EMPTY[chart]}</p>"
    else:
        figure = json.loads(_figure(chart, table, choice).to_json())
        payload = json.dumps({"data": figure["data"], "layout": figure["layout"]}, ensure_ascii=False)
        payload = payload.replace("<", "\\u003c")  # nothing in it can end the script element
        body = (f"<div class='chart' id='chart-{chart}' data-rows='{len(table.rows)}'></div>"
                f"<script type='application/json' class='figure' data-for='chart-{chart}'>"
                f"{payload}</script>")
    return (f"<section id='{chart}'><h2>{TITLES[chart]}</h2>{body}{notes}"
            f"<p><a class='csv' id='csv-{chart}' href='{escape(link)}' download>下载数据（CSV，{len(table.rows)}行）</a></p>"
            "</section>")


def _options(values: list[tuple[str, str]], chosen: str | None) -> str:
    return "".join(f"<option value='{escape(v)}'{' selected' if v == chosen else ''}>{escape(label)}</option>"
                   for v, label in values)


def _controls(choice: Choice) -> str:
    indicators = [(k, f"{k}（{n}个单位）") for k, n in choice.indicators]
    kinds = [("", "全部类型")] + [(k, k) for k in choice.kinds]
    return ("<form id='choose' method='get' action='/overview'>"
            f"<label>县级比较指标 <select id='indicator' name='indicator'>{_options(indicators, choice.indicator)}</select></label>"
            f"<label>分值：通知 <select id='notice' name='notice'>{_options(choice.notices, choice.notice)}</select></label>"
            f"<label>单位类型 <select id='kind' name='kind'>{_options(kinds, choice.kind or '')}</select></label>"
            "<noscript><button type='submit'>显示</button></noscript></form>")


def _page(body: str) -> str:
    return ("<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>数据概览</title>"
            f"<style>{CSS}</style><script src='/overview/plotly.min.js'></script></head><body>"
            "<header><h1>数据概览</h1><a href='/'>通知检查</a></header>"
            f"<main>{body}</main><script>{SCRIPT % json.dumps(charts.CONFIG)}</script></body></html>")


CSS = """body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0 1.5em}
header{display:flex;align-items:baseline;gap:2em;border-bottom:2px solid #888}h1{margin:.4em 0}
form{display:flex;flex-wrap:wrap;gap:1.5em;margin:1em 0}select{max-width:28em}main{display:grid;
grid-template-columns:1fr 1fr;gap:0 2em}.summary,form,#county,#points{grid-column:1/-1}section h2{font-size:1.1em}
.note{color:#900}.empty{color:#666}a.csv{font-size:.9em}code{background:#f4f4f4}"""
SCRIPT = """(function(){
  var config=%s;
  document.querySelectorAll('script.figure').forEach(function(s){
    var fig=JSON.parse(s.textContent);Plotly.newPlot(s.dataset.for,fig.data,fig.layout,config);});
  document.querySelectorAll('#choose select').forEach(function(sel){
    sel.addEventListener('change',function(){document.getElementById('choose').submit();});});
})();"""
