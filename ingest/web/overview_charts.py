"""The overview's charts, drawn by plotly (its Python package builds the figure, the plotly.js its wheel
carries draws it in the browser, served by the page itself: nothing is fetched from the network).
Each figure is built from the same ``Table`` that the chart's CSV holds."""
from __future__ import annotations

from collections import defaultdict

import plotly.graph_objects as go

from ingest.web.overview_data import UNKNOWN, Table

SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#e67e22", "info": "#7f8c8d"}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
COMPARATOR_LABELS = {"reach": "达到", "at_least": "不低于", "at_most": "不高于", "about": "左右", "increase_by": "增加",
                     "decrease_by": "减少", "above": "高于", "rank": "名次", "rank_top": "前", "score": "得分"}
MISMATCH = "#111"
FONT = "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif"
# Plotly's config: no logo link, no cloud button; the page must work offline.
CONFIG = {"displaylogo": False, "responsive": True, "locale": "zh-CN",
          "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"]}


def _layout(fig: go.Figure, title: str | None, height: int, **axes) -> go.Figure:
    fig.update_layout(title=title, height=height, font_family=FONT, margin=dict(l=10, r=10, t=50 if title else 10, b=10),
                      legend_title_text="", plot_bgcolor="#fff", **axes)
    fig.update_xaxes(automargin=True, gridcolor="#eee")
    fig.update_yaxes(automargin=True, gridcolor="#eee")
    return fig


def _count_tick(counts: list[int]) -> int | None:
    """Whole-number ticks for small counts (plotly would put ticks at 0.2); its own choice above ten."""
    return 1 if max(counts, default=0) <= 10 else None


def documents_chart(table: Table) -> go.Figure:
    """Notices by year, one stacked colour per issuer."""
    fig = go.Figure()
    by_issuer: dict[str, dict[str, int]] = defaultdict(dict)
    for year, issuer, notices, files in table.rows:
        by_issuer[issuer][str(year) if year is not None else UNKNOWN] = notices
    years = list(dict.fromkeys(str(y) if y is not None else UNKNOWN for y in table.column("year")))
    for issuer, counts in by_issuer.items():
        fig.add_bar(name=issuer, x=years, y=[counts.get(y, 0) for y in years],
                    hovertemplate="%{x}年 %{fullData.name}：%{y}份通知<extra></extra>")
    return _layout(fig, None, 320, barmode="stack",
                   xaxis=dict(type="category", title="年度"), yaxis=dict(title="通知数", dtick=_count_tick(table.column("notices"))))


def points_chart(table: Table, title: str) -> go.Figure:
    """Each unit's points summed from its clauses, one stacked colour per section (a section whose
    clauses miss its declared points hatched), and the unit's declared total as a mark."""
    fig = go.Figure()
    units = list(dict.fromkeys(table.column("unit")))
    by_section: dict[str, dict[str, tuple]] = defaultdict(dict)
    declared_total: dict[str, float] = {}
    for unit, _, section, declared, summed, clauses, unit_declared in table.rows:
        by_section[section][unit] = (summed, declared, clauses)
        if unit_declared is not None:
            declared_total[unit] = unit_declared
    for section, values in by_section.items():
        cells = [values.get(u, (None, None, None)) for u in units]
        off = [c[1] is not None and c[0] is not None and abs(c[0] - c[1]) > 1e-6 for c in cells]
        fig.add_bar(name=section, orientation="h", y=units, x=[c[0] for c in cells], customdata=[c[1:] for c in cells],
                    marker_line_color=[MISMATCH if o else "rgba(0,0,0,0)" for o in off],
                    marker_line_width=[2 if o else 0 for o in off], marker_pattern_shape=["x" if o else "" for o in off],
                    hovertemplate="%{y} %{fullData.name}：条款合计%{x}分，声明%{customdata[0]}分，"
                                  "%{customdata[1]}条<extra></extra>")
    if declared_total:
        marked = [u for u in units if u in declared_total]
        fig.add_scatter(name="声明总分", mode="markers", y=marked, x=[declared_total[u] for u in marked],
                        marker=dict(symbol="line-ns", size=16, line=dict(width=3, color=MISMATCH)),
                        hovertemplate="%{y}：声明总分%{x}分<extra></extra>")
    return _layout(fig, title, 120 + 22 * max(len(units), 1), barmode="stack",
                   yaxis=dict(autorange="reversed", type="category"), xaxis=dict(title="分值（条款合计）"))


def county_chart(table: Table, indicator_key: str) -> go.Figure:
    """One bar per county-level unit, one colour per notice."""
    fig = go.Figure()
    value_unit = table.rows[0][5] if table.rows else None
    by_notice: dict[str, list[tuple]] = defaultdict(list)
    for row in table.rows:
        by_notice[row[1]].append(row)
    for notice, rows in by_notice.items():
        fig.add_bar(name=notice, x=[r[2] for r in rows], y=[r[4] for r in rows],
                    customdata=[[COMPARATOR_LABELS.get(r[3], r[3] or ""), r[5] or ""] for r in rows],
                    text=[f"{r[4]:g}" for r in rows], textposition="outside", cliponaxis=False,
                    hovertemplate="%{x}：%{customdata[0]}%{y:,}%{customdata[1]}<extra>%{fullData.name}</extra>")
    unit_text = f"（{value_unit}）" if value_unit else ""
    notices = "、".join(by_notice)
    return _layout(fig, f"{indicator_key}{unit_text} · {notices}", 420, barmode="group",
                   showlegend=len(by_notice) > 1, xaxis=dict(type="category"),
                   yaxis=dict(title=value_unit or "", rangemode="tozero"))


def findings_chart(table: Table) -> go.Figure:
    """Open findings by code, coloured by severity."""
    fig = go.Figure()
    for severity in SEVERITY_COLOURS:
        rows = [r for r in table.rows if r[1] == severity]
        if rows:
            fig.add_bar(name=SEVERITY_LABELS[severity], x=[r[0] for r in rows], y=[r[2] for r in rows],
                        marker_color=SEVERITY_COLOURS[severity], customdata=[[r[3]] for r in rows],
                        hovertemplate="%{x}：%{y}条，%{customdata[0]}份文件<extra></extra>")
    return _layout(fig, None, 320, barmode="stack",
                   xaxis=dict(type="category", categoryorder="total descending"),
                   yaxis=dict(title="问题数", dtick=_count_tick(table.column("findings"))))
