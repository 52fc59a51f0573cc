"""Findings about the document as a whole: what its reader noticed, and a document with no records."""
from __future__ import annotations

from typing import Iterator

from ingest.checks.base import check, finding
from schemas.findings import INFO, WARNING, FindingKind
from schemas.records import Extraction, Finding


@check(FindingKind("text_layer_unreadable", WARNING, "文字层无法识别", "{detail}"),
       FindingKind("malformed_markup", WARNING, "格式属性无效", "{detail}"),
       FindingKind("text_decoding", WARNING, "文字解码有误", "{detail}"))
def check_reader_warnings(ex: Extraction) -> Iterator[Finding]:
    """A reader's warnings, kept with the extraction, become findings of the kind they name."""
    for w in ex.warnings:
        yield finding(ex, w.code, detail=w.message, page=w.page)


@check(FindingKind("no_records", INFO, "未识别到目标", "未识别到目标条款或指标表格"))
def check_no_records(ex: Extraction) -> Iterator[Finding]:
    if ex.info.status == "ok" and not ex.targets and not ex.indicators:
        yield finding(ex, "no_records")
