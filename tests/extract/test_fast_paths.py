"""The extractors' fast paths (a strip, an `in` test, a memo) give what the patterns they stand for
give, on the edge cases a pattern and a str method could disagree on: Unicode spaces, a control
character the patterns' `\\s` does not match, a final newline, an empty text."""
from __future__ import annotations

import sys

import pytest
import regex

from parsers.extract import measures as M
from parsers.extract import patterns as P
from parsers.extract import targets as T
from parsers.textnorm import SPACE, halfwidth

TEXTS = [
    "", " ", "。", "\n", "x\n", "1、城镇新增就业2400人（20分）；", "1、城镇新增就业2400人（20分）；\u3000",
    "（一）重点目标（500分）", "①完成任务。\x1c", "②完成任务\x1c。", "完成任务 。 ", "完成任务\u00a0；\u2028",
    "3. 5G基站200个，", "附件1：", "  抄送：市委", "联系人：某某", "十一、某某工作（10分）", "（二十）其他",
    "12）完成", "〔3〕完成", "【4】完成", "100、完成", "0.6个百分点", "２０２０年", "ＰＭ２．５",
]


def test_space_is_what_the_patterns_call_space():
    assert SPACE == "".join(chr(c) for c in range(sys.maxunicode + 1) if regex.match(r"\s", chr(c)))


@pytest.mark.parametrize("text", TEXTS)
def test_trailing_punct_strip_is_the_pattern(text):
    assert P.strip_trailing_punct(text) == P.TRAILING_PUNCT.sub("", text)


@pytest.mark.parametrize("text", TEXTS)
def test_closed_is_the_pattern(text):
    assert T._closed(text) == (regex.search(r"[。；;！!？?.]\s*$", text) is not None)


@pytest.mark.parametrize("text", TEXTS)
def test_end_of_units_is_either_pattern(text):
    assert T._read_line(text).ends_units == bool(T.ATTACHMENT_LINE.match(text) or T.CLOSING_LINE.match(text))


def _seq_by_groups(number) -> int | None:
    """The clause number as read before: by the match's named groups."""
    groups = number.groupdict()
    if groups.get("arabic") or groups.get("paren"):
        return int(groups.get("arabic") or groups["paren"])
    if groups.get("circled"):
        return ord(groups["circled"]) - 0x2460 + 1
    numeral = groups.get("cn") or groups.get("cnp")
    if numeral:
        try:
            return int(T.cn_to_int(numeral))
        except ValueError:
            return None
    return None


@pytest.mark.parametrize("text", TEXTS)
def test_clause_number_read_from_the_group_that_matched(text):
    h = halfwidth(text)
    number = T.CLAUSE_NUMBER.match(h) or P.CN_CLAUSE_NUMBER.match(h)
    if number:
        assert T._seq(number) == _seq_by_groups(number)


@pytest.mark.parametrize("text, expected", [
    ("新增3.8万人", [("3.8", "万人")]),
    ("发电8000万千瓦时", [("8000", "万千瓦时")]),
    ("提高0.6 个百分点", [("0.6", "个百分点")]),
    ("2020年完成5", []),
    ("1.2.3个", [("3", "个")]),
    ("共10", []),
])
def test_quantities_take_the_longest_unit(text, expected):
    assert [(q.num, q.unit) for q in M.iter_quantities(text)] == expected


@pytest.mark.parametrize("before, after, expected", [
    ("比上年提高", "", M.INCREASE_BY), ("确保", "\u3000以上", M.AT_LEAST), ("控制在", "左右", M.ABOUT),
    ("达到", "", M.REACH), ("不低于", "", M.AT_LEAST), ("降低", " 以内", M.AT_MOST),
])
def test_comparator_words_after_then_before(before, after, expected):
    assert M._comparator(before, after) == expected


def test_repeated_clause_lines_give_equal_targets():
    """The same clause under two units is parsed once and gives each unit its own target."""
    from schemas.blocks import Document, Paragraph, Provenance

    lines = ["某某县", "1、城镇新增就业2400人（20分）；", "2、完成任务（10分）", "某某区",
             "1、城镇新增就业2400人（20分）；", "2、完成任务（10分）"]
    blocks = [Paragraph(text, Provenance(source="x", page=1, line=i + 1)) for i, text in enumerate(lines)]
    targets = T.extract_targets(Document(source="x", format="txt", blocks=blocks), "d").targets
    assert [(t.unit, t.seq, t.text, t.points, t.closed, t.line) for t in targets] == [
        ("某某县", 1, "城镇新增就业2400人", 20.0, True, 2), ("某某县", 2, "完成任务", 10.0, False, 3),
        ("某某区", 1, "城镇新增就业2400人", 20.0, True, 5), ("某某区", 2, "完成任务", 10.0, False, 6)]
    assert targets[0] is not targets[2]


def test_record_field_order_the_positional_builders_follow():
    """targets._target and measures._measure pass their fields by position: a reordered record
    must fail here, not swap two columns."""
    from dataclasses import fields

    from schemas.records import Measure, Target

    assert [f.name for f in fields(Target)][:22] == [
        "doc_id", "source_path", "target_id", "unit", "unit_raw", "unit_group", "section", "section_points",
        "seq", "seq_raw", "text", "points", "page", "line", "scope", "unit_type", "section_path",
        "section_path_points", "points_rule", "criteria", "closed", "from_ocr"]
    assert [f.name for f in fields(Measure)] == [
        "doc_id", "source_path", "target_id", "indicator_id", "unit", "indicator", "indicator_key", "comparator",
        "value", "value_unit", "base_value", "base_unit", "baseline", "column", "page", "line"]


@pytest.mark.parametrize("text", TEXTS + ["景  涛", "a\x1cb", "a\u3000b\u2028c"])
def test_no_space_without_a_space_is_the_text(text):
    from parsers.textnorm import WHITESPACE, no_space

    assert no_space.__wrapped__(text) == WHITESPACE.sub("", text)


def _key_by_segmenting(indicator: str | None) -> str | None:
    """indicator_key as it was: always through the segmenter."""
    from parsers.textnorm import no_space

    if not indicator:
        return None
    tokens = M.tokenizer().lcut(M.SCOPE_PREFIX.sub("", no_space(indicator)), HMM=False)
    while tokens and tokens[0] in M.STOP_TOKENS:
        tokens.pop(0)
    while tokens and tokens[-1] in M.STOP_TOKENS:
        tokens.pop()
    return "".join(tokens) or None


@pytest.mark.parametrize("indicator", [
    None, "", "全市", "城镇新增就业", "全市城镇新增就业", "完成城镇新增就业", "城镇新增就业目标", "的", "完成任务",
    "年度目标任务", "确保完成", "PM2.5浓度", "R&D 经费", "全年固定资产投资的", "累计完成造林面积"])
def test_indicator_key_skips_the_segmenter_only_where_it_would_change_nothing(indicator):
    assert M.indicator_key.__wrapped__(indicator) == _key_by_segmenting(indicator)


@pytest.mark.parametrize("text", TEXTS + ["具体内容如下：", "考核内容如下。", "主要任务如下:", "以下", "下列", "1、如下",
                                          "。如下", "具体如下：\n", "现将有关事项通知如下：", "如下所示的任务"])
def test_intro_matched_from_the_end_matches_the_same_lines(text):
    from parsers.data import load_json
    from parsers.extract.grammar import intro_pattern
    from parsers.textnorm import no_space

    forward = regex.compile(load_json("outline_markers.json")["intro"])
    line = no_space(halfwidth(text))
    assert (intro_pattern().search(line) is None) == (forward.search(line) is None)
