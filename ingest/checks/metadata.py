"""GB/T 9704 metadata: the 发文字号's form and what a notice must carry."""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ingest.checks.base import check, finding
from parsers.extract.metadata_lines import at, from_page_labels
from parsers.extract.patterns import (
    ARABIC_DATE,
    DOC_NUMBER,
    DOC_NUMBER_GBT_YEAR,
    DOC_NUMBER_LEADING_ZERO,
    DOC_NUMBER_WITH_DI,
)
from parsers.textnorm import halfwidth, no_space
from schemas.findings import ERROR, WARNING, FindingKind
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
    if DOC_NUMBER_WITH_DI.search(text) and not _is_order_number(text):
        problems.append("序号前不加“第”")
    if problems:
        where = at(ex.metadata_lines, "doc_number")
        yield finding(ex, "doc_number_format", expected=ex.info.doc_number, actual=raw, problem="；".join(problems),
                      page=where and where.page, line=where and where.line)


ORDER_SUFFIX = "令"  # GB/T 9704-2012 10.2: a 命令（令）carries a 令号, written 第N号 (国务院令第708号)


def _is_order_number(text: str) -> bool:
    """A 令号 (`政府令〔2010〕第15号`): its 第 is the form of an order's number, not a 发文字号's slip."""
    found = DOC_NUMBER.search(text)
    return found is not None and found["prefix"].endswith(ORDER_SUFFIX)


@check(FindingKind("missing_metadata", WARNING, "缺少版头信息", "未找到{missing}"))
def check_missing_metadata(ex: Extraction) -> Iterator[Finding]:
    """Only for notices (documents with targets or some header): a bare attachment table has none."""
    info = ex.info
    present = {"发文机关": info.issuer, "发文字号": info.doc_number, "成文日期": info.issued_on}
    page = from_page_labels(ex.metadata_lines)  # a site's 发布日期 makes no table a notice
    fields = {"发文机关": "issuer", "发文字号": "doc_number", "成文日期": "issued_on"}
    if not ex.targets and not any(v for k, v in present.items() if fields[k] not in page):
        return
    if at(ex.metadata_lines, "invalid_date"):  # a date was written, wrongly: invalid_date says where
        present.pop("成文日期")
    missing = [name for name, value in present.items() if not value]
    if missing:  # 实际: what the head does state (a drafter reads 预期 against it), none when it states nothing
        found = [name for name, value in present.items() if value]
        yield finding(ex, "missing_metadata", expected="、".join(present), actual="、".join(found) or None,
                      missing="、".join(missing))


@check(FindingKind("invalid_date", ERROR, "日期不存在", "日期“{actual}”不存在：{problem}"))
def check_invalid_date(ex: Extraction) -> Iterator[Finding]:
    """A date line whose day the calendar does not have (`2024年2月30日`): the 成文日期 it was meant to be
    is unread, so this, not `missing_metadata`, is what the drafter sees."""
    for m in ex.metadata_lines:
        if m.field == "invalid_date":
            yield finding(ex, "invalid_date", actual=m.text, problem=_why_no_day(m.text), page=m.page, line=m.line)


def _why_no_day(text: str) -> str:
    found = ARABIC_DATE.search(halfwidth(no_space(text)))
    if found is None:  # a date in Chinese numerals: the reading says no more than that
        return "请核对年、月、日"
    month, day = int(found["m"]), int(found["d"])
    return f"没有{month}月" if not 1 <= month <= 12 else f"{month}月没有{day}日"


@check(FindingKind("printed_before_issued", WARNING, "印发日期早于成文日期",
                   "印发日期{actual}早于成文日期{expected}"))
def check_printed_before_issued(ex: Extraction) -> Iterator[Finding]:
    """GB/T 9704: a document is printed (印发) on or after the day it is dated (成文)."""
    issued, printed = ex.info.issued_on, ex.info.printed_on
    if issued and printed and printed < issued:
        where = at(ex.metadata_lines, "printed")
        yield finding(ex, "printed_before_issued", expected=_cn(issued), actual=_cn(printed),
                      page=where and where.page, line=where and where.line)


def _cn(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


GBT_9704_2012 = dt.date(2012, 7, 1)  # from this day a 成文日期 is written in Arabic numerals


@check(FindingKind("date_format", WARNING, "成文日期格式不规范", "成文日期“{actual}”不符合GB/T 9704-2012：{problem}"))
def check_date_format(ex: Extraction) -> Iterator[Finding]:
    """GB/T 9704-2012 7.3.5.3: the year, month and day in Arabic numerals, the year in full, no leading 0."""
    line, day = at(ex.metadata_lines, "issued_on"), ex.info.issued_on
    if line is None or day is None:
        return
    text = halfwidth(no_space(line.text))
    arabic = ARABIC_DATE.search(text)
    if arabic is not None:
        problems = ["月、日不编虚位（1不编为01）"] if arabic["m"].startswith("0") or arabic["d"].startswith("0") else []
    else:  # a date in Chinese numerals: the 1999 edition's form, not this one's
        problems = ["用阿拉伯数字将年、月、日标全"] if day >= GBT_9704_2012 else []
    if problems:
        yield finding(ex, "date_format", expected=_cn(day), actual=line.text, problem="；".join(problems),
                      page=line.page, line=line.line)


@check(FindingKind("doc_number_year", WARNING, "发文字号年份与成文日期不符",
                   "发文字号“{actual}”的年份为{year}年，成文日期为{expected}"))
def check_doc_number_year(ex: Extraction) -> Iterator[Finding]:
    """A 发文字号 carries the year the document is issued in: another year is usually last year's notice
    copied and not renumbered."""
    number, day = ex.info.doc_number, ex.info.issued_on
    year = DOC_NUMBER.search(number or "")
    if year is None or day is None or int(year["year"]) == day.year:
        return
    where = at(ex.metadata_lines, "doc_number")
    yield finding(ex, "doc_number_year", expected=_cn(day), actual=ex.info.doc_number_raw or number,
                  year=year["year"], page=where and where.page, line=where and where.line)
