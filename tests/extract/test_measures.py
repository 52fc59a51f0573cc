"""Measures from clauses of many shapes, names made canonical, and the roll-up check."""
from __future__ import annotations

import pytest

from ingest.pipeline import process_file
from parsers.extract.measures import indicator_key, normalize_value, parse_measures
from parsers.extract.units import canonical_unit, unit_type
from tests.builders import bold, new_docx


def _m(text):
    return [(f.indicator, f.comparator, f.value, f.value_unit, f.baseline) for f in parse_measures(text)]


@pytest.mark.parametrize("text,expected", [
    ("城镇新增就业2400人", [("城镇新增就业", "reach", 2400.0, "人", None)]),
    ("城镇新增就业3.8万人", [("城镇新增就业", "reach", 3.8, "万人", None)]),
    ("进出口总额完成162.46亿元", [("进出口总额", "reach", 162.46, "亿元", None)]),
    ("实际利用省外资金53.39亿元，实际利用境外资金2.07亿美元，完成招商引资签约金额80亿元",
     [("实际利用省外资金", "reach", 53.39, "亿元", None), ("实际利用境外资金", "reach", 2.07, "亿美元", None),
      ("招商引资签约金额", "reach", 80.0, "亿元", None)]),
    ("规模以上制造业增加值占生产总值比重比上年提高0.5个百分点",
     [("规模以上制造业增加值占生产总值比重", "increase_by", 0.5, "个百分点", "上年")]),
    ("万元生产总值能耗下降2.5%", [("万元生产总值能耗", "decrease_by", 2.5, "%", None)]),
    ("社会消费品零售总额增速高于全省平均水平", [("社会消费品零售总额增速", "above", None, None, "全省平均水平")]),
    ("全年存贷款增速不低于全省平均水平", [("存贷款增速", "at_least", None, None, "全省平均水平")]),
    ("政府债务控制在省政府批准的限额之内；不良贷款率控制在2%以内", [("不良贷款率", "at_most", 2.0, "%", None)]),
    ("全市居民消费价格总水平控制在104%左右", [("全市居民消费价格总水平", "about", 104.0, "%", None)]),
    ("确保新增个体工商户等新型创业实体3000家以上", [("新增个体工商户等新型创业实体", "at_least", 3000.0, "家", None)]),
    ("邮政业务总量增速位居全省先进位次", [("邮政业务总量增速", "rank", None, None, "全省")]),
    ("综合评价得6.31分以上，全省排名前3位", [("", "score", 6.31, "分", None), ("", "rank_top", 3.0, "位", "全省")]),
    ("一季度得6.31分，全省排名第3位。", [("", "score", 6.31, "分", None), ("", "rank", 3.0, "位", "全省")]),
    ("确保不发生区域性系统性金融风险", [("区域性系统性金融风险", "zero_event", 0.0, None, None)]),
    ("实现三个安全运行一百天", [("", "reach", 3.0, "个", None), ("安全运行", "reach", 100.0, "天", None)]),
    ("供电量完成７２亿千瓦时", [("供电量", "reach", 72.0, "亿千瓦时", None)]),
    ("完成省、市政府下达的PM2.5浓度削减率目标", []),
])
def test_clause_shapes(text, expected):
    assert _m(text) == expected


@pytest.mark.parametrize("value,unit,expected", [
    (3.8, "万人", (38000.0, "人")), (162.46, "亿元", (16246000000.0, "元")), (2.07, "亿美元", (207000000.0, "美元")),
    (5, "亿公斤", (500000000.0, "公斤")), (347450, "亩", (347450.0, "亩")), (8000, "万千瓦时", (80000000.0, "千瓦时")),
    (35, "%", (35.0, "%")), (72, "千瓦时", (72.0, "千瓦时")),
])
def test_base_values(value, unit, expected):
    assert normalize_value(value, unit) == expected


def test_indicator_key_is_shared_across_phrasings():
    assert indicator_key("城镇新增就业") == indicator_key("全市城镇新增就业") == "城镇新增就业"
    assert indicator_key("完成年度造林绿化任务") == indicator_key("年度造林绿化") == "造林绿化"


@pytest.mark.parametrize("name,group,expected", [
    ("澠池县", "各县（市、区）责任目标", ("渑池县", "county_area")),
    (" 市发改委 ", "承担经济社会发展职能的政府部门责任目标", ("市发展和改革委员会", "department")),
    ("**市发展改革委**", None, ("市发展和改革委员会", "department")),
    ("市事管局", "承担公共服务职能的政府事业单位责任目标", ("市事管局", "institution")),
    ("市税务局", "垂管部门及驻地企业责任目标", ("市税务局", "vertical")),
    ("工行某某分行", "垂管部门及驻地企业责任目标", ("工行某某分行", "bank")),
    ("某某供电公司", "垂管部门及驻地企业责任目标", ("某某供电公司", "enterprise")),
    ("某某县", None, ("某某县", "county_area")),
])
def test_canonical_names_and_types(name, group, expected):
    canonical = canonical_unit(name)
    assert (canonical, unit_type(canonical, group)) == expected


def test_every_scored_clause_with_a_quantity_has_a_measure(samples):
    from parsers.extract.measures import iter_quantities
    result = process_file(samples / "sanmenxia_2020_targets.docx")
    measured = {m.target_id for m in result.measures}
    scored = [t for t in result.targets if t.points is not None]
    with_quantity = [t for t in scored
                     if any(not (len(q.num) == 4 and q.num.isdigit()) for q in iter_quantities(t.text))]
    assert len(with_quantity) == 300
    assert [t.text for t in with_quantity if t.target_id not in measured] == []
    employment = sorted((m.unit, m.base_value) for m in result.measures if m.indicator_key == "城镇新增就业"
                        and m.target_id in {t.target_id for t in scored if t.unit_type == "county_area"})
    assert dict(employment)["义马市"] == 2400 and sum(v for _, v in employment) == 38000


def _county_notice(path, second_county_jobs: int):
    document = new_docx()
    document.add_paragraph("某市人民政府文件")
    document.add_paragraph("2020年某市经济社会发展目标")
    document.add_paragraph("1. 城镇新增就业1万人；")
    document.add_paragraph("2. 进出口总额完成20亿元。")
    document.add_paragraph("各县（市、区）责任目标")
    for name, jobs, trade in (("甲县", 4000, 10), ("乙县", second_county_jobs, 10)):
        bold(document, name)
        document.add_paragraph(f"1. 城镇新增就业{jobs}人（50分）；")
        document.add_paragraph(f"2. 进出口总额完成{trade}亿元（50分）。")
    document.save(path)
    return path


def test_rollup_ok_and_mismatch_in_built_documents(tmp_path):
    agree = process_file(_county_notice(tmp_path / "agree.docx", 6000))
    assert sorted((f.code, f.expected, f.actual) for f in agree.findings if f.code.startswith("rollup")) == [
        ("rollup_ok", "10000人", "10000人"), ("rollup_ok", "2000000000元", "2000000000元")]
    changed = process_file(_county_notice(tmp_path / "changed.docx", 5000))
    (mismatch,) = [f for f in changed.findings if f.code == "rollup_mismatch"]
    assert (mismatch.severity, mismatch.expected, mismatch.actual, mismatch.line) == ("warning", "10000人", "9000人", 3)
    assert mismatch.message == "城镇新增就业：各县级单位合计9000人，全市为1万人（甲县4000人、乙县5000人）"


def test_indicator_rows_get_measures(samples):
    result = process_file(samples / "jiayuguan_2022q2_decomposition.docx")
    first = [m for m in result.measures if m.indicator_id == result.indicators[0].indicator_id]
    assert [(m.column, m.indicator, m.comparator, m.value, m.value_unit) for m in first] == [
        ("完成情况", "招商引资成效", "score", 6.31, "分"), ("完成情况", "招商引资成效", "rank", 3.0, "位"),
        ("目标任务", "招商引资项目开工率", "reach", 100.0, "%"), ("目标任务", "资金到位率", "at_least", 98.0, "%"),
        ("目标任务", "招商引资成效", "score", 6.31, "分"), ("目标任务", "招商引资成效", "rank_top", 3.0, "位")]
    second = [m for m in result.measures if m.indicator_id == result.indicators[1].indicator_id and m.column == "目标任务"]
    assert ("社会消费品零售总额增速", "at_least", 10.0, "%") in [(m.indicator, m.comparator, m.value, m.value_unit)
                                                                 for m in second]
