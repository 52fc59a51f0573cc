"""The HTML report: one template for ``ingest check --format html`` and the page of ``ingest serve``.

Per document: a summary, the list of findings (each a link to where it occurs), then the document
itself: each unit's clauses with every finding marked on its clause (units without findings folded
away) and the 附件 tables drawn as tables, the offending cell marked and the indicator named. The
location words are the text report's (``line_word``: 段 for a Word paragraph, 行 for a line)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable

from ingest.checks import KINDS
from ingest.writers.locations import clause_for, line_word, where
from schemas.findings import SEVERITY_LABEL, SEVERITY_ORDER
from schemas.records import Extraction, Finding, IndicatorRow

# Indicator-table columns in the order a 指标分解表 prints them: (field, heading).
TABLE_COLUMNS = (("row_no", "序号"), ("category", "类别"), ("indicator", "指标"), ("weight_raw", "权重"),
                 ("target", "目标任务"), ("status", "完成情况"), ("criteria", "评分标准"), ("units", "责任单位"),
                 ("leaders", "责任领导"), ("note", "备注"))
# The cell a table finding is about (the first listed column whose text holds the finding's value).
FINDING_CELLS = {"score_exceeds_weight": ("status", "target"), "weight_total_mismatch": ("weight_raw",),
                 "table_numbering_gap": ("row_no",), "table_numbering_duplicate": ("row_no",)}

CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:1.5em auto;max-width:64em;color:#222;padding:0 1em}
h1{font-size:1.3em;margin-bottom:.2em}h2{font-size:1.05em;display:inline;margin:0}
.meta{color:#666;margin-top:0}.summary span{margin-right:1.2em}.summary b{font-size:1.1em}
.document{border-top:2px solid #888;margin-top:1.5em}
.findings{padding-left:1.2em}.findings li{margin:.25em 0}.findings a{text-decoration:none;color:inherit}
.findings a:hover{text-decoration:underline}.item.error{color:#900}.item.warning{color:#850}.item.info{color:#235}
details.unit{border-bottom:1px solid #ddd;padding:.3em 0}details.unit>summary{cursor:pointer}
.count{color:#888;font-size:.85em;margin-left:.6em}
.clause{margin:.2em 0;padding:.2em .4em}.section{font-weight:bold;margin-top:.6em}
.finding{display:block;font-size:.9em;margin:.2em 0 .2em 1.5em;padding:.1em .4em;border-left:4px solid;background:transparent}
.has-error{background:#fde2e2}.has-warning{background:#fff4d6}.has-info{background:#eef5ff}
.finding.error{border-color:#c00;color:#900}.finding.warning{border-color:#d90;color:#850}
.finding.info{border-color:#36c;color:#235}.loc{color:#888;font-size:.85em;margin-right:.5em}
table.ind{border-collapse:collapse;margin:.5em 0;font-size:.9em}table.ind td,table.ind th{border:1px solid #bbb;padding:.2em .4em;vertical-align:top}
td.cell-error{outline:3px solid #c00;background:#fde2e2}td.cell-warning{outline:3px solid #d90;background:#fff4d6}
td.cell-info{outline:2px solid #36c}td.loc{white-space:nowrap}
table.files{border-collapse:collapse}table.files td,table.files th{border:1px solid #bbb;padding:.2em .6em}
:target mark,tr:target{box-shadow:0 0 0 3px #36c}
"""


@dataclass
class _Placed:
    """Where each finding of one document is drawn: on a clause, on a table row, or loose."""

    on_clause: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))  # target index → findings
    on_row: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))  # indicator index → findings
    loose: list[int] = field(default_factory=list)


def _place(ex: Extraction) -> _Placed:
    placed = _Placed()
    clauses = {}
    for j, t in enumerate(ex.targets):
        clauses.setdefault((t.page, t.line, t.unit), j)
        clauses.setdefault((t.page, t.line, None), j)
    rows = {}
    for j, row in enumerate(ex.indicators):
        rows.setdefault((row.page, row.line), j)
    for i, f in enumerate(ex.findings):
        if f.line and (f.page, f.line, f.unit) in clauses:
            placed.on_clause[clauses[(f.page, f.line, f.unit)]].append(i)
        elif f.line and (f.page, f.line, None) in clauses:
            placed.on_clause[clauses[(f.page, f.line, None)]].append(i)
        elif f.line and (f.page, f.line) in rows:
            placed.on_row[rows[(f.page, f.line)]].append(i)
        else:
            placed.loose.append(i)
    return placed


def render_html(results: list[Extraction]) -> str:
    """The report as a self-contained page (no external assets)."""
    return page(results)


def page(results: list[Extraction], *, title: str = "notice-ingest 检查报告", before: str = "",
         actions: Callable[[int, Extraction], str] | None = None, script: str = "") -> str:
    """The page around the report: ``before`` goes above it (the web page's upload form),
    ``actions(k, ex)`` beside each document's summary (a download button)."""
    body = [before]
    if len(results) > 1:
        body.append(file_table(results))
    body.extend(document_html(k, ex, actions) for k, ex in enumerate(results))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
            f'<body>{"".join(body)}{script}</body></html>')


def _counts(ex: Extraction) -> dict[str, int]:
    return {s: sum(1 for f in ex.findings if f.severity == s) for s in SEVERITY_ORDER}


def file_table(results: list[Extraction]) -> str:
    """One row per file: status, size of what was found, errors and warnings; the name links to it."""
    rows = []
    for k, ex in enumerate(results):
        info, counts = ex.info, _counts(ex)
        status = "已读取" if info.status == "ok" else f"无法读取：{escape(info.error or '')}"
        rows.append(f'<tr class="file-row"><td><a href="#d{k}">{escape(Path(info.source_path).name)}</a></td>'
                    f"<td>{status}</td><td>{info.n_units or 0}</td><td>{len(ex.targets)}</td>"
                    f"<td>{len(ex.indicators)}</td><td>{counts['error']}</td><td>{counts['warning']}</td></tr>")
    return ('<table class="files"><thead><tr><th>文件</th><th>状态</th><th>单位</th><th>条款</th><th>指标行</th>'
            f'<th>错误</th><th>警告</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def document_html(k: int, ex: Extraction, actions: Callable[[int, Extraction], str] | None = None) -> str:
    info = ex.info
    out = [f'<section class="document" id="d{k}"><h1>{escape(info.title or Path(info.source_path).name)}</h1>',
           f'<p class="meta">{escape(Path(info.source_path).name)} {escape(info.doc_number or "")}</p>']
    if actions:
        out.append(actions(k, ex))
    if info.status != "ok":
        out.append(f'<p class="finding error">无法读取：{escape(info.error or "")}</p></section>')
        return "".join(out)
    out.append(_summary(ex))
    placed = _place(ex)
    out.append(_finding_list(k, ex))
    if placed.loose:
        out.append('<div class="whole"><h2>全文</h2>')
        out.extend(f'<div class="clause">{_mark(k, i, ex.findings[i], ex)}</div>' for i in placed.loose)
        out.append("</div>")
    out.extend(_units(k, ex, placed))
    out.extend(_tables(k, ex, placed))
    out.append("</section>")
    return "".join(out)


def _summary(ex: Extraction) -> str:
    counts = _counts(ex)
    points = sum(t.points for t in ex.targets if t.scope == "unit" and t.points is not None)
    parts = [("单位", ex.info.n_units or 0), ("条款", len(ex.targets)), ("分值合计", f"{points:g}"),
             ("指标行", len(ex.indicators))] + [(SEVERITY_LABEL[s], n) for s, n in counts.items()]
    return '<p class="summary">' + "".join(f"<span>{name}：<b>{value}</b></span>" for name, value in parts) + "</p>"


def _where_of(ex: Extraction, f: Finding) -> str:
    words = [where(f.page, f.line, line_word(ex)) or "全文"]
    words += [x for x in (f.unit, f.section) if x]
    clause = clause_for(ex, f)
    if clause is not None and clause.seq_raw:
        words.append(f"第{clause.seq}条" if clause.seq is not None else clause.seq_raw)
    elif clause is None and f.line:
        row = next((r for r in ex.indicators if r.line == f.line and r.page == f.page), None)
        if row is not None and row.indicator:
            words.append(f"指标“{row.indicator}”")
    return " ".join(words)


def _finding_list(k: int, ex: Extraction) -> str:
    if not ex.findings:
        return '<p class="none">未发现问题。</p>'
    order = sorted(range(len(ex.findings)), key=lambda i: (SEVERITY_ORDER[ex.findings[i].severity], i))
    items = []
    for i in order:
        f = ex.findings[i]
        items.append(f'<li class="item {f.severity}" data-code="{escape(f.code)}"><a href="#d{k}-f{i}">'
                     f'[{SEVERITY_LABEL[f.severity]}] <span class="loc">{escape(_where_of(ex, f))}</span>'
                     f'{escape(KINDS[f.code].title)}：{escape(f.message)}</a></li>')
    return f'<h2 class="list">问题清单（{len(items)}）</h2><ol class="findings">{"".join(items)}</ol>'


def _mark(k: int, i: int, f: Finding, ex: Extraction | None = None) -> str:
    located = f'<span class="loc">{escape(_where_of(ex, f))}</span>' if ex is not None else ""
    detail = ""
    if f.code not in ("unparsed_text", "text_typo") and (f.expected is not None or f.actual is not None):
        detail = f"（预期：{escape(f.expected or '—')}，实际：{escape(f.actual or '—')}）"
    return (f'<span class="at" id="d{k}-f{i}"><mark class="finding {f.severity}" data-code="{escape(f.code)}">'
            f'{located}{SEVERITY_LABEL[f.severity]} · {escape(KINDS[f.code].title)}：{escape(f.message)}{detail}'
            "</mark></span>")


def _worst(findings: list[Finding]) -> str | None:
    return min((f.severity for f in findings), key=SEVERITY_ORDER.get, default=None)


def _indices(records: list, attribute: str) -> dict:
    """Record positions grouped by one of their fields, in document order."""
    groups: dict = {}
    for j, record in enumerate(records):
        groups.setdefault(getattr(record, attribute), []).append(j)
    return groups


def _units(k: int, ex: Extraction, placed: _Placed) -> list[str]:
    """Each unit's clauses in a fold, open where a finding is."""
    word = line_word(ex)
    out = []
    for unit, members in _indices(ex.targets, "unit").items():
        findings = [ex.findings[i] for j in members for i in placed.on_clause.get(j, [])]
        opened = " open" if findings else ""
        count = f'<span class="count">{len(findings)}个问题</span>' if findings else '<span class="count">无问题</span>'
        out.append(f'<details class="unit"{opened}><summary><h2>{escape(unit)}</h2>{count}</summary>')
        section = None
        for j in members:
            t = ex.targets[j]
            if t.section != section:
                section = t.section
                if section:
                    points = f"（{t.section_points:g}分）" if t.section_points is not None else ""
                    out.append(f'<div class="section">{escape(section + points)}</div>')
            marks = [ex.findings[i] for i in placed.on_clause.get(j, [])]
            worst = _worst(marks)
            css = f"clause has-{worst}" if worst else "clause"
            points = f"（{t.points:g}分）" if t.points is not None else ""
            loc = where(t.page, t.line, word)
            out.append(f'<div class="{css}" id="d{k}-c{j}">' + (f'<span class="loc">{loc}</span>' if loc else "")
                       + escape((t.seq_raw or "") + t.text + points)
                       + "".join(_mark(k, i, ex.findings[i]) for i in placed.on_clause.get(j, [])) + "</div>")
        out.append("</details>")
    return out


def _cell_text(row: IndicatorRow, name: str) -> str:
    value = getattr(row, name)
    return "、".join(value) if isinstance(value, list) else (value or "")


def _tables(k: int, ex: Extraction, placed: _Placed) -> list[str]:
    """Each 附件 table drawn as a table; the offending cell marked, the findings under their row."""
    word = line_word(ex)
    out = []
    for members in _indices(ex.indicators, "table_index").values():
        rows = [ex.indicators[j] for j in members]
        columns = [(name, head) for name, head in TABLE_COLUMNS if any(_cell_text(r, name) for r in rows)]
        findings = [i for j in members for i in placed.on_row.get(j, [])]
        first = rows[0]
        title = " ".join(x for x in (first.attachment, first.table_title) if x) or "指标表"
        count = f'<span class="count">{len(findings)}个问题</span>' if findings else '<span class="count">无问题</span>'
        out.append(f'<details class="unit table"{" open" if findings else ""}><summary><h2>{escape(title)}</h2>'
                   f'{count}</summary><table class="ind"><thead><tr><th></th>'
                   + "".join(f"<th>{head}</th>" for _, head in columns) + "</tr></thead><tbody>")
        for j in members:
            row = ex.indicators[j]
            marks = [ex.findings[i] for i in placed.on_row.get(j, [])]
            cells = _marked_cells(row, marks, [name for name, _ in columns])
            out.append(f'<tr id="d{k}-r{j}"><td class="loc">{where(row.page, row.line, word)}</td>'
                       + "".join(f'<td{cells.get(name, "")}>{escape(_cell_text(row, name))}</td>' for name, _ in columns)
                       + "</tr>")
            for i in placed.on_row.get(j, []):
                name = f"指标“{row.indicator}”：" if row.indicator else ""
                out.append(f'<tr class="finding-row"><td></td><td colspan="{len(columns)}">{escape(name)}'
                           f'{_mark(k, i, ex.findings[i])}</td></tr>')
        out.append("</tbody></table></details>")
    return out


def _marked_cells(row: IndicatorRow, findings: list[Finding], shown: list[str]) -> dict[str, str]:
    cells: dict[str, str] = {}
    for f in findings:
        candidates = [c for c in FINDING_CELLS.get(f.code, ("indicator",)) if c in shown] or shown[:1]
        holding = [c for c in candidates if f.actual and f.actual in _cell_text(row, c)]
        cell = (holding or candidates)[0]
        if cell not in cells or SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[cells[cell]]:
            cells[cell] = f.severity
    return {c: f' class="cell-{s}"' for c, s in cells.items()}
