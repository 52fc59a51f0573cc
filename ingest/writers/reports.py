"""Findings → reports for people (text, HTML) and for tools (JSON, SARIF 2.1.0)."""
from __future__ import annotations

import dataclasses
import html
import json
import os
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from ingest import __version__
from ingest.checks import KINDS
from ingest.paths import UNSAFE, json_safe
from ingest.writers.sinks import report
from parsers import formats
from schemas.findings import SEVERITY_LABEL, SEVERITY_ORDER
from schemas.records import Extraction, Finding

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
WHOLE_DOCUMENT = "（全文）"


def clause_for(ex: Extraction, f: Finding):
    """The clause a finding points at, to quote it."""
    for t in ex.targets:
        if t.page == f.page and t.line == f.line and (f.unit is None or t.unit == f.unit):
            return t
    return None


def line_word(ex: Extraction) -> str:
    """What the document's format calls a line: 行, or 段 where lines are paragraphs."""
    fmt = formats.get(ex.info.format)
    return fmt.line_word if fmt else "行"


def _where(page: int | None, line: int | None, word: str) -> str:
    """第3页 第9行; a format without pages that numbers its paragraphs: 第350段; nothing: ''."""
    return " ".join(([f"第{page}页"] if page else []) + ([f"第{line}{word}"] if line else []))


def render_text(results: list[Extraction]) -> str:
    out: list[str] = []
    for ex in results:
        info = ex.info
        head = " ".join(x for x in (info.doc_number, info.title) if x)
        out.append(f"== {info.source_path}" + (f"  {head}" if head else ""))
        if info.status != "ok":
            out.append(f"   无法读取：{info.error}")
            continue
        counts = {s: sum(1 for f in ex.findings if f.severity == s) for s in SEVERITY_ORDER}
        out.append(f"   {len(ex.targets)}条目标，{len(ex.indicators)}行指标；"
                   f"错误{counts['error']}，警告{counts['warning']}，提示{counts['info']}")
        by_unit: dict[str, list[Finding]] = defaultdict(list)
        for f in ex.findings:
            by_unit[f.unit or WHOLE_DOCUMENT].append(f)
        worst = {u: min(SEVERITY_ORDER[f.severity] for f in fs) for u, fs in by_unit.items()}
        for unit, findings in sorted(by_unit.items(), key=lambda kv: worst[kv[0]]):
            out.append(f"\n  【{unit}】")
            for f in sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.page or 0, f.line or 0)):
                out.append(f"   [{SEVERITY_LABEL[f.severity]}] {_where(f.page, f.line, line_word(ex)) or '全文'}  {KINDS[f.code].title}（{f.code}）")
                out.append(f"     {f.message}")
                clause = clause_for(ex, f)
                if clause is not None and f.code != "unparsed_text":
                    points = f"（{clause.points:g}分）" if clause.points is not None else ""
                    section = f"{clause.section} " if clause.section else ""
                    out.append(f"     条款：{section}{clause.seq_raw or ''}{clause.text}{points}")
                if f.expected is not None or f.actual is not None:
                    if f.code not in ("unparsed_text", "text_typo"):
                        out.append(f"     预期：{f.expected or '—'}    实际：{f.actual or '—'}")
        out.append("")
    return "\n".join(out)


def render_json(results: list[Extraction]) -> str:
    rows = [dataclasses.asdict(f) for ex in results for f in ex.findings]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def render_sarif(results: list[Extraction]) -> str:
    rules = [{"id": k.code, "name": k.code, "shortDescription": {"text": k.title},
              "defaultConfiguration": {"level": SARIF_LEVEL[k.severity]}} for k in KINDS.values()]
    sarif_results = []
    for ex in results:
        for f in ex.findings:
            region = {"startLine": f.line} if f.line else {}
            location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(ex)}}}
            if region:
                location["physicalLocation"]["region"] = region
            sarif_results.append({
                "ruleId": f.code, "level": SARIF_LEVEL[f.severity], "message": {"text": f.message},
                "locations": [location],
                "properties": {k: v for k, v in (("page", f.page), ("unit", f.unit), ("section", f.section),
                                                  ("seq", f.seq), ("expected", f.expected), ("actual", f.actual))
                               if v is not None},
            })
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "notice-ingest", "version": __version__, "rules": rules}},
                  "results": sarif_results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;max-width:60em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;border-bottom:1px solid #ccc;margin-top:1.5em}
.clause{margin:.2em 0;padding:.2em .4em}.section{font-weight:bold;margin-top:.6em}
.finding{display:block;font-size:.9em;margin:.2em 0 .2em 1.5em;padding:.1em .4em;border-left:4px solid;background:transparent}
.has-error{background:#fde2e2}.has-warning{background:#fff4d6}.has-info{background:#eef5ff}
.finding.error{border-color:#c00;color:#900}.finding.warning{border-color:#d90;color:#850}
.finding.info{border-color:#36c;color:#235}.loc{color:#888;font-size:.85em;margin-right:.5em}
.summary span{margin-right:1em}
"""


def _finding_html(f: Finding) -> str:
    return (f'<mark class="finding {f.severity}" data-code="{html.escape(f.code)}">'
            f'{SEVERITY_LABEL[f.severity]} · {html.escape(KINDS[f.code].title)}：{html.escape(f.message)}</mark>')


def render_html(results: list[Extraction]) -> str:
    """A self-contained page (no external assets): each document's units and clauses, every
    finding highlighted where it occurs."""
    body: list[str] = []
    for ex in results:
        info = ex.info
        body.append(f"<h1>{html.escape(info.title or Path(info.source_path).name)}</h1>")
        body.append(f"<p class=\"meta\">{html.escape(info.source_path)} {html.escape(info.doc_number or '')}</p>")
        if info.status != "ok":
            body.append(f"<p class=\"finding error\">无法读取：{html.escape(info.error or '')}</p>")
            continue
        counts = {s: sum(1 for f in ex.findings if f.severity == s) for s in SEVERITY_ORDER}
        body.append('<p class="summary">' + "".join(
            f"<span>{SEVERITY_LABEL[s]}：{n}</span>" for s, n in counts.items()) + "</p>")
        word = line_word(ex)
        at: dict[tuple, list[Finding]] = defaultdict(list)
        placed: set[int] = set()
        for t in ex.targets:
            for i, f in enumerate(ex.findings):
                if i not in placed and f.page == t.page and f.line == t.line and (f.unit in (None, t.unit)):
                    at[(t.page, t.line)].append(f)
                    placed.add(i)
        loose = [f for i, f in enumerate(ex.findings) if i not in placed]
        if loose:
            body.append("<h2>全文</h2>")
            body.extend(f'<div class="clause">{_loc(f.page, f.line, word)}{_finding_html(f)}</div>' for f in loose)
        unit = section = None
        for t in ex.targets:
            if t.unit != unit:
                unit, section = t.unit, None
                body.append(f"<h2>{html.escape(t.unit)}</h2>")
            if t.section != section:
                section = t.section
                if section:
                    points = f"（{t.section_points:g}分）" if t.section_points is not None else ""
                    body.append(f'<div class="section">{html.escape(section + points)}</div>')
            findings = at.get((t.page, t.line), [])
            worst = min((f.severity for f in findings), key=SEVERITY_ORDER.get, default=None)
            css = f"clause has-{worst}" if worst else "clause"
            points = f"（{t.points:g}分）" if t.points is not None else ""
            body.append(f'<div class="{css}" id="{html.escape(t.target_id)}">{_loc(t.page, t.line, word)}'
                        f'{html.escape((t.seq_raw or "") + t.text + points)}'
                        + "".join(_finding_html(f) for f in findings) + "</div>")
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>notice-ingest 检查报告</title>"
            f"<style>{_CSS}</style></head><body>{''.join(body)}</body></html>")


def _loc(page, line, word: str) -> str:
    where = _where(page, line, word)
    return f'<span class="loc">{where}</span>' if where else ""


def html_safe(text: str) -> str:
    """HTML with control and bidi characters as character references (the page shows the same)."""
    return UNSAFE.sub(lambda m: f"&#x{ord(m.group()):x};", text)


def artifact_uri(ex: Extraction) -> str:
    """A SARIF artifactLocation URI: the path's bytes percent-encoded (RFC 3986), so spaces, `#`, `%`
    and names that are not valid UTF-8 survive, losslessly."""
    data = ex.info.source_path_bytes or ex.info.source_path.encode("utf-8", "surrogateescape")
    if os.sep == "\\":
        data = data.replace(b"\\", b"/")
    return quote(data, safe="/")


report("text", render_text, "for a person: grouped by unit, errors first")
report("json", render_json, "one object per finding with the findings columns", terminal=json_safe)
report("sarif", render_sarif, "SARIF 2.1.0 for editors and CI", terminal=json_safe)


def _html_report(results: list[Extraction]) -> str:
    from ingest.writers.html_report import render_html as render  # the shared template of check and serve

    return render(results)


report("html", _html_report, "a self-contained page: summary, findings with links, each marked where it occurs",
       terminal=html_safe)
