"""Findings → reports for people (text, HTML) and for tools (JSON, SARIF 2.1.0)."""
from __future__ import annotations

import dataclasses
import json
import os
from collections import defaultdict
from urllib.parse import quote

from ingest import __version__
from ingest.checks import KINDS
from ingest.paths import UNSAFE, json_safe
from ingest.writers.html_report import render_html
from ingest.writers.locations import clause_for, line_word, where
from ingest.writers.sinks import report
from schemas.findings import SEVERITY_LABEL, SEVERITY_ORDER
from schemas.records import Extraction, Finding

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
WHOLE_DOCUMENT = "（全文）"


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
                out.append(f"   [{SEVERITY_LABEL[f.severity]}] {where(f.page, f.line, line_word(ex)) or '全文'}  {KINDS[f.code].title}（{f.code}）")
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


report("html", render_html, "a self-contained page: summary, findings with links, each marked where it occurs",
       terminal=html_safe)
