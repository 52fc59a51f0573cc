"""Patterns for the structure of target notices. They are matched against text that went through
``textnorm.halfwidth`` (full-width digits → ASCII); brackets may be full- or half-width."""
from __future__ import annotations

import regex

from parsers.textnorm import SPACE

CN_DIGITS = "一二三四五六七八九十百零〇"


def any_of(words) -> str:
    """A non-capturing alternation of literal words, in the order given (the first that fits wins)."""
    return "(?:" + "|".join(regex.escape(w) for w in words) + ")"


_OPEN = r"[（(〔\[【]"
_CLOSE = r"[）)〕\]】]"
_NUM = r"\d+(?:\.\d+)?"
_DOC_OPEN = r"[〔\[【（(［]"
_DOC_CLOSE = r"[〕\]】）)］]"

# `1.` `1、` `1．` `1:` `（1）` `(1)` `1）` `①` — the number of a clause. `0.6个百分点` is not one.
CLAUSE_NUMBER = regex.compile(
    rf"^\s*(?:(?P<arabic>\d{{1,3}})\s*(?:[.、:：](?!\d)|[)）])|{_OPEN}\s*(?P<paren>\d{{1,3}})\s*{_CLOSE}"
    rf"|(?P<circled>[①-⑳]))\s*"
)
# `（60分）` `(60分)` `（60 分）` `（2.5分）` at the end of a clause, before its closing punctuation.
POINTS_AT_END = regex.compile(rf"\s*{_OPEN}\s*(?P<points>{_NUM})\s*分\s*{_CLOSE}\s*[。；;，,.、]*\s*$")
# `（一）重点目标（500分）` `(一) 一般目标 (200分)` `一、重点目标（500分）` `（二）一般目标`
SECTION = regex.compile(
    rf"^\s*(?:{_OPEN}\s*(?P<ord>[{CN_DIGITS}]{{1,3}})\s*{_CLOSE}|(?P<ord2>[{CN_DIGITS}]{{1,3}})\s*[、.．])\s*"
    rf"(?P<name>[^，,。；;（(：:]{{1,20}}?)\s*[：:]?\s*(?:{_OPEN}\s*(?P<points>{_NUM})\s*分\s*{_CLOSE})?"
    rf"\s*(?P<tail>(?:[。.：:；;].{{0,12}})?)$"
)
# `一、城镇新增就业2400人（20分）` `（三）…` — a clause numbered with a Chinese ordinal; told from a
# section (`（一）重点目标（500分）`) by its name, and from a numbered unit heading by its length or points.
CN_CLAUSE_NUMBER = regex.compile(
    rf"^\s*(?:{_OPEN}\s*(?P<cnp>[{CN_DIGITS}]{{1,3}})\s*{_CLOSE}|(?P<cn>[{CN_DIGITS}]{{1,3}})\s*[、.．])\s*")
# How a section's name ends: `重点目标`, `约束性指标`, `重点工作`, `加分项目`.
SECTION_NAME_END = regex.compile(r"(?:目标|任务|指标|工作|项目|部分|类)$")
# A heading that names a group of units or a list of targets: `各县（市、区）责任目标`,
# `承担社会保障职能的政府部门责任目标`, `2020年某某市经济社会发展目标`.
TARGETS_HEADING = regex.compile(r"(?:目标|任务|指标)\s*[：:]?\s*$")
# A leading Chinese ordinal some notices put before a unit's name: `一、某某县` `（一）某某县`.
ORDINAL_PREFIX = regex.compile(rf"^\s*(?:{_OPEN}\s*[{CN_DIGITS}\d]{{1,3}}\s*{_CLOSE}|[{CN_DIGITS}]{{1,3}}\s*[、.．])\s*")
SENTENCE_PUNCT = regex.compile(r"[。；;，,！!？?]")
TRAILING_PUNCT = regex.compile(r"[\s。；;，,.、]+$")
_TRAILING_PUNCT_CHARS = SPACE + "。；;，,.、"


def strip_trailing_punct(text: str) -> str:
    """``TRAILING_PUNCT.sub("", text)``: one rstrip instead of a search through the whole line."""
    return text.rstrip(_TRAILING_PUNCT_CHARS)

# 发文字号: `某政〔2020〕9号` `某政[2020]9号` `某政【2020】第9号` `某政（2020）9号`.
DOC_NUMBER = regex.compile(
    rf"(?P<prefix>[\p{{Han}}]{{1,12}})\s*(?P<open>{_DOC_OPEN})\s*(?P<year>\d{{4}})\s*{_DOC_CLOSE}\s*"
    r"(?P<di>第?)\s*(?P<seq>\d+)\s*[号號]")
# What follows the year of a 发文字号: `〕9号`, `〕第09号` (GB/T 9704 wants neither 第 nor a leading 0).
DOC_NUMBER_LEADING_ZERO = regex.compile(rf"{_DOC_CLOSE}\s*第?\s*0\d*\s*[号號]")
DOC_NUMBER_WITH_DI = regex.compile(rf"{_DOC_CLOSE}\s*第\s*\d+\s*[号號]")
DOC_NUMBER_GBT_YEAR = regex.compile(r"〔\d{4}〕")
# Dates: `2020年8月22日` (after halfwidth), `二〇一〇年十二月二十二日` (〇 for ○ and 零); `二一一年` where a web page
# lost the 〇 its encoding lacked (a year of this century, two digits after 二: dates.parse_date puts the 〇 back).
ARABIC_DATE = regex.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
CHINESE_DATE = regex.compile(r"(?P<y>[〇○零一二三四五六七八九]{4}|(?<![〇○零一二三四五六七八九])二[〇一二三四五六七八九]{2})"
                             r"\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月"
                             r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
# An attachment's label, the one definition its patterns are built from: `附件`, `附件1`, `附件二`, `附 件 2`.
ATTACHMENT_WORD = r"附\s*件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?"
# a line opening with the label, and the title after it (`附件1：考核评分表`; any line that opens so: callers bound it)
ATTACHMENT = regex.compile(rf"^\s*(?P<label>{ATTACHMENT_WORD})\s*[:：]?\s*(?P<title>.*)$")
# the label alone, or the label, a colon or a space, and a title; not `附件1所列指标…` (prose)
ATTACHMENT_LABEL_LINE = regex.compile(rf"^\s*{ATTACHMENT_WORD}\s*(?:(?:[:：]|\s)\s*(?P<title>\S.*?))?\s*$")
