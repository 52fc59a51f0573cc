"""GB/T 9704 metadata: the 发文字号's form and what a notice must carry."""
from __future__ import annotations

from typing import Iterator

import regex

from ingest.checks.base import finding
from parsers.textnorm import halfwidth, no_space
from schemas.records import Extraction, Finding

YEAR_IN_HEXAGONAL = regex.compile(r"〔\d{4}〕")
LEADING_ZERO = regex.compile(r"[〕\]】）)]\s*第?\s*0\d*\s*号")
WITH_DI = regex.compile(r"[〕\]】）)]\s*第\s*\d+\s*号")


def check_doc_number_format(ex: Extraction) -> Iterator[Finding]:
    raw = ex.info.doc_number_raw
    if not raw:
        return
    text = halfwidth(no_space(raw))
    problems = []
    if not YEAR_IN_HEXAGONAL.search(text):
        problems.append("年份应用六角括号〔〕括入")
    if LEADING_ZERO.search(text):
        problems.append("序号不编虚位（不加“0”）")
    if WITH_DI.search(text):
        problems.append("序号前不加“第”")
    if problems:
        yield finding(ex, "doc_number_format", expected=ex.info.doc_number, actual=raw, problem="；".join(problems),
                      page=None, line=None)


def check_missing_metadata(ex: Extraction) -> Iterator[Finding]:
    """Only for notices (documents with targets or some header): a bare attachment table has none."""
    info = ex.info
    present = {"发文机关": info.issuer, "发文字号": info.doc_number, "成文日期": info.issued_on}
    if not ex.targets and not any(present.values()):
        return
    missing = [name for name, value in present.items() if not value]
    if missing:
        yield finding(ex, "missing_metadata", expected="、".join(present), actual="、".join(missing),
                      missing="、".join(missing))
