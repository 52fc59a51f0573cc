"""GB/T 9704 metadata: the 发文字号's form and what a notice must carry."""
from __future__ import annotations

from typing import Iterator

from ingest.checks.base import check, finding
from parsers.extract.patterns import DOC_NUMBER_GBT_YEAR, DOC_NUMBER_LEADING_ZERO, DOC_NUMBER_WITH_DI
from parsers.textnorm import halfwidth, no_space
from schemas.findings import WARNING, FindingKind
from schemas.records import Extraction, Finding


@check(FindingKind("doc_number_format", WARNING, "发文字号格式不规范", "发文字号“{actual}”不符合GB/T 9704-2012：{problem}"))
def check_doc_number_format(ex: Extraction) -> Iterator[Finding]:
    raw = ex.info.doc_number_raw
    if not raw:
        return
    text = halfwidth(no_space(raw))
    problems = []
    if not DOC_NUMBER_GBT_YEAR.search(text):
        problems.append("年份应用六角括号〔〕括入")
    if DOC_NUMBER_LEADING_ZERO.search(text):
        problems.append("序号不编虚位（不加“0”）")
    if DOC_NUMBER_WITH_DI.search(text):
        problems.append("序号前不加“第”")
    if problems:
        yield finding(ex, "doc_number_format", expected=ex.info.doc_number, actual=raw, problem="；".join(problems),
                      page=None, line=None)


@check(FindingKind("missing_metadata", WARNING, "缺少版头信息", "未找到{missing}"))
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
