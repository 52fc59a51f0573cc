"""The accuracy scorer itself (benchmarks/accuracy.py), on tiny hand-made gold/prediction pairs (GOLD.md rules)."""
from __future__ import annotations

import pytest

from tests.benchmark_modules import load

acc = load("accuracy")


def _notice(*targets, unit="甲镇", aliases=None, findings=()):
    unit_entry = {"unit": unit, "group": None, "targets": list(targets)}
    if aliases is not None:
        unit_entry["aliases"] = aliases
    return {"kind": "notice", "units": [unit_entry], "findings": list(findings)}


def _item(seq, text, points, section="经济发展"):
    return {"section": section, "section_points": 40, "seq": seq, "text": text, "points": points}


def _row(seq, text, points, unit="甲镇", section="经济发展", **extra):
    return {"unit": unit, "seq": seq, "text": text, "points": points, "section": section, **extra}


GOLD_TEXT = "财政收入增长百分之十以上并完成年度预算"


def test_exact_notice_scores_one():
    gold = _notice(_item(1, GOLD_TEXT, 20.0), _item(2, "招商引资到位资金五亿元", 20.0))
    pred = [_row(1, GOLD_TEXT + "（20分）；", 20.0), _row(2, " 招商引资到位资金五亿元。", 20)]
    result = acc.score_notice(gold, pred)
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)


@pytest.mark.parametrize("change", [{"points": 10.0}, {"points": None}, {"seq": 2}, {"seq": None},
                                    {"section": "社会事业"}, {"section": None}, {"unit": "乙镇"},
                                    {"text": "完全不同的一条条款内容写在这里"}])
def test_any_wrong_field_loses_the_clause(change):
    gold = _notice(_item(1, GOLD_TEXT, 20.0))
    result = acc.score_notice(gold, [{**_row(1, GOLD_TEXT, 20.0), **change}])
    assert result["found"] == 0 and result["f1"] == 0.0


def test_precision_counts_rows_in_gold_units_and_scored_rows_elsewhere():
    gold = _notice(_item(1, GOLD_TEXT, 20.0))
    pred = [_row(1, GOLD_TEXT, 20.0),
            _row(2, "本单位的无分值条款", None),       # in a gold unit: counted though unscored
            _row(1, "别的单位有分值的条款", 5.0, unit="乙镇"),  # other unit, scored: counted
            _row(1, "别的单位无分值的条款", None, unit="乙镇")]  # other unit, unscored: ignored
    result = acc.score_notice(gold, pred)
    assert result["predicted"] == 3
    assert result["precision"] == pytest.approx(1 / 3) and result["recall"] == 1.0
    assert result["f1"] == pytest.approx(0.5)


def test_each_predicted_row_matches_one_gold_item():
    gold = _notice(_item(1, GOLD_TEXT, 20.0), _item(1, GOLD_TEXT, 20.0))
    result = acc.score_notice(gold, [_row(1, GOLD_TEXT, 20.0)])
    assert result["found"] == 1 and result["recall"] == 0.5 and result["precision"] == 1.0


def test_matching_is_maximal_not_greedy():
    # gold x is similar to both rows, gold y only to row 0: a greedy x → row 0 would leave y unmatched
    x, y = "一二三四五六七八九十", "一二三四五六七八拾拾"
    row0, row1 = "一二三四五六七八九拾", x
    gold = _notice(_item(1, x, 20.0), _item(1, y, 20.0))
    assert acc.score_notice(gold, [_row(1, row0, 20.0), _row(1, row1, 20.0)])["found"] == 2


def test_text_similarity_threshold():
    assert acc.similar_text("一二三四五六七八九十", "一二三四五六七八九十")
    assert acc.similar_text("一二三四五六七八九十", "一二三四五六七八九拾")  # ratio 0.9
    assert not acc.similar_text("一二三四五六七八九十", "一二三四五六七八拾拾")  # ratio 0.8


def test_head_match_needs_eight_characters():
    rule = "，每少一项扣2分，扣完为止"
    assert acc.similar_text("建立健全组织机构", "建立健全组织机构" + rule)  # 8 chars: head
    assert not acc.similar_text("建立健全机构", "建立健全机构" + rule)  # 6 chars: no head match


def test_text_normalisation_drops_points_whitespace_and_trailing_punctuation():
    assert acc.norm_text(" 完成 任务（2.5分）；。") == "完成任务"
    assert acc.norm_text("完成任务(10分),") == "完成任务"
    assert acc.norm_text(None) == ""


def test_names_nfkc_whitespace_star_and_mian():
    assert acc.norm_name(" 澠池　县* ") == "渑池县"
    assert acc.norm_name("ＡＢ１") == "AB1"
    assert acc.norm_name(None) == acc.norm_name("") == ""


def test_null_and_empty_unit_and_section_are_the_same():
    gold = _notice(_item(None, GOLD_TEXT, 20.0, section=None), unit="")
    pred = [_row(None, GOLD_TEXT, 20.0, unit=None, section="")]
    assert acc.score_notice(gold, pred)["f1"] == 1.0


def test_unit_alias_and_unit_raw_match():
    gold = _notice(_item(1, GOLD_TEXT, 20.0), unit="乡镇", aliases=["各乡镇", ""])
    assert acc.score_notice(gold, [_row(1, GOLD_TEXT, 20.0, unit="各乡镇")])["found"] == 1
    assert acc.score_notice(gold, [_row(1, GOLD_TEXT, 20.0, unit=None)])["found"] == 1
    raw = _row(1, GOLD_TEXT, 20.0, unit="某规范名", unit_raw="乡 镇")
    assert acc.score_notice(gold, [raw])["found"] == 1


def test_deduction_items_have_null_points_on_both_sides():
    gold = _notice(_item(3, "未按时上报的减0.25分", None))
    assert acc.score_notice(gold, [_row(3, "未按时上报的减0.25分", None)])["found"] == 1
    assert acc.score_notice(gold, [_row(3, "未按时上报的减0.25分", 0.25)])["found"] == 0


def test_no_prediction_scores_zero():
    result = acc.score_notice(_notice(_item(1, GOLD_TEXT, 20.0)), [])
    assert (result["precision"], result["recall"], result["f1"]) == (0.0, 0.0, 0.0)


# --- tables --------------------------------------------------------------------------------------------------

def _tables(rows, columns, header=None):
    return {"kind": "tables", "findings": [],
            "tables": [{"header": header or [], "columns": columns, "rows": rows}]}


COLUMNS = {"row_no": 0, "category": 1, "indicator": 2, "weight": 3, "units": 4, "leaders": 5}


def _ind(row_no, indicator, category=None, weight=None, units=(), leaders=(), **extra):
    return {"row_no": row_no, "indicator": indicator, "category": category, "weight": weight,
            "units": list(units), "units_raw": list(units), "leaders": list(leaders), **extra}


def test_table_all_right():
    gold = _tables([["1", "经济指标", "招商引资成效", "30分", "市发改委、市商务局", "张三"]], COLUMNS)
    pred = [_ind("1.", "招商引资成效", "经济指标", 30.0, ["市商务局", "市发改委"], ["张三"])]
    result = acc.score_tables(gold, pred)
    assert (result["row_recall"], result["field_accuracy"], result["score"]) == (1.0, 1.0, 1.0)


def test_table_score_is_the_lower_of_recall_and_field_accuracy():
    gold = _tables([["1", "经济指标", "招商引资成效", "30", "市发改委", "张三"],
                    ["2", "经济指标", "固定资产投资", "(10分)", "市统计局;市发改委", ""]], COLUMNS)
    pred = [_ind("1", "招商引资成效", "经济指标", 20.0, ["市发改委"], ["李四"])]  # weight, leaders wrong
    result = acc.score_tables(gold, pred)
    assert result["row_recall"] == 0.5 and result["field_accuracy"] == 0.5 and result["score"] == 0.5


def test_table_row_needs_same_row_no_and_similar_indicator():
    gold = _tables([["1", "", "招商引资成效", "", "", ""]], COLUMNS)
    assert acc.score_tables(gold, [_ind("2", "招商引资成效", "")])["row_recall"] == 0.0
    assert acc.score_tables(gold, [_ind("1", "经济指标", "")])["row_recall"] == 0.0
    assert acc.score_tables(gold, [_ind("1", "招商引资成效", "")])["row_recall"] == 1.0


def test_units_compared_as_sets_canonical_or_raw():
    gold = _tables([["1", "招商引资成效", "市发改委/市商务局"]], {"row_no": 0, "indicator": 1, "units": 2})
    raw_only = _ind("1", "招商引资成效", units=["发展和改革委员会", "商务局"])
    raw_only["units_raw"] = ["市商务局", "市发改委"]
    assert acc.score_tables(gold, [raw_only])["field_accuracy"] == 1.0  # weight (none) and units
    assert acc.score_tables(gold, [_ind("1", "招商引资成效", units=["市发改委"])])["field_accuracy"] == 0.5


def test_fields_absent_from_gold_are_not_checked_except_weight_and_units():
    gold = _tables([["1", "招商引资成效"]], {"row_no": 0, "indicator": 1})
    pred = _ind("1", "招商引资成效", category="随便", leaders=["张三"])
    assert acc.field_checks(acc.gold_rows(gold)[0], pred) == [True, True]  # weight none, units none
    assert acc.field_checks(acc.gold_rows(gold)[0], {**pred, "weight": 5.0}) == [False, True]


def test_two_weight_columns_either_reading_accepted():
    gold = _tables([["1", "地区生产总值", "10", "6"], ["9", "新兴产业比重", "", "5"]],
                   {"row_no": 0, "indicator": 1, "weight": [2, 3]})
    for first, second in ((10.0, None), (6.0, 5.0)):
        pred = [_ind("1", "地区生产总值", weight=first), _ind("9", "新兴产业比重", weight=second)]
        assert acc.score_tables(gold, pred)["score"] == 1.0
    pred = [_ind("1", "地区生产总值", weight=7.0), _ind("9", "新兴产业比重", weight=5.0)]
    assert acc.score_tables(gold, pred)["field_accuracy"] == 0.75


def test_category_subtotal_in_the_cell():
    gold = _tables([["落实工作责任机制11分", "1", "制订规划"]], {"category": 0, "row_no": 1, "indicator": 2})
    for category in ("落实工作责任机制", "落实工作责任机制11分", "落实工作责任机制（11分）"):
        assert acc.score_tables(gold, [_ind("1", "制订规划", category)])["field_accuracy"] == 1.0
    assert acc.score_tables(gold, [_ind("1", "制订规划", "村级班子建设")])["field_accuracy"] == pytest.approx(2 / 3)


# --- findings ------------------------------------------------------------------------------------------------

def test_findings_recall_ignores_optional_and_checks_unit():
    gold = _notice(_item(1, GOLD_TEXT, 20.0), unit="各乡镇", aliases=["乡镇"], findings=[
        {"code": "numbering_duplicate", "seq": 3},
        {"code": "section_points_mismatch", "unit": "各乡镇", "section": "经济发展"},
        {"code": "numbering_gap", "unit": "", "optional": True}])
    pred = [{"code": "numbering_duplicate", "unit": "任何单位", "severity": "error"},
            {"code": "section_points_mismatch", "unit": "乡镇", "severity": "error"}]
    result = acc.score_findings(gold, pred)
    assert result["findings_recall"] == 1.0 and result["false_errors"] == 0
    wrong_unit = [{"code": "section_points_mismatch", "unit": "乙镇", "severity": "error"}]
    result = acc.score_findings(gold, wrong_unit)
    assert result["findings_recall"] == 0.0 and result["false_errors"] == 1


def test_false_errors_count_only_error_severity_and_respect_optional_gold():
    gold = _notice(_item(1, GOLD_TEXT, 20.0), unit="", findings=[
        {"code": "numbering_gap", "unit": "", "optional": True}])
    pred = [{"code": "numbering_gap", "unit": None, "severity": "error"},       # covered by the optional gold
            {"code": "numbering_gap", "unit": "甲镇", "severity": "error"},     # other unit: false
            {"code": "missing_points", "unit": None, "severity": "error"},      # false
            {"code": "missing_points", "unit": None, "severity": "warning"}]    # not an error
    result = acc.score_findings(gold, pred)
    assert result["false_errors"] == 2 and result["findings_recall"] is None


# --- samples -------------------------------------------------------------------------------------------------

def test_sample_notice_counts_scored_unit_clauses():
    rows = [{"unit": "甲", "points": 1.0, "scope": "unit"}, {"unit": "乙", "points": 1.0, "scope": "unit"},
            {"unit": "乙", "points": None, "scope": "unit"}, {"unit": None, "points": 5.0, "scope": "jurisdiction"}]
    assert acc.score_sample_notice((2, 2), rows)["score"] == 1.0
    assert acc.score_sample_notice((2, 4), rows)["score"] == pytest.approx((1 + 0.5) / 2)


def test_sample_tables_counts_rows_per_table():
    rows = [{"table_index": 1, "row_kind": "item"}] * 3 + [{"table_index": 2, "row_kind": "group"}] * 2
    assert acc.score_sample_tables((3, 2), rows)["score"] == 1.0
    assert acc.score_sample_tables((3, 4), rows)["score"] == pytest.approx((1 + 1 + 0.5) / 3)
    assert acc.score_sample_tables((3, 2), rows[:3])["score"] == pytest.approx((0.5 + 1 + 0) / 3)
