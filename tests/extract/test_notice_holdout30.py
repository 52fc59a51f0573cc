"""Notice shapes fixed after holdout30 (3001–3004), built in code: units listed by class, each its own section with
its own worths (`（一）市直管国有企业各指标计分:` / `（二）委托主管部门和管委会管理的国有企业各指标计分:`), an indicator's
worth written `（基本分为30分）` on its line over its rule."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.metadata import extract_metadata
from parsers.readers.text_reader import read_text
from tests.builders import extract_lines

UNITS_BY_CLASS = [
    "年度经营业绩考核指标计分办法",
    "一、指标完成情况考核计分方法",
    "(一)市直管国有企业各指标计分:",
    "1.利润总额指标(基本分为30分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,每低于目标值2%扣1分,最低为零分。",
    "2.经济增加值(基本分为70分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,最低为零分。",
    "(二)委托主管部门和管委会管理的国有企业各指标计分:",
    "1.利润总额指标(基本分为20分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,最低为零分。",
    "2.经济增加值(基本分为80分)",
    "完成或超额完成目标值得基本分;没有完成的扣分,最低为零分。",
]


def test_units_listed_by_class_with_base_worths(tmp_path: Path):
    targets = extract_lines(tmp_path, UNITS_BY_CLASS).targets
    assert [(t.unit, t.seq, t.points) for t in targets] == [
        ("市直管国有企业", 1, 30.0), ("市直管国有企业", 2, 70.0),
        ("委托主管部门和管委会管理的国有企业", 1, 20.0), ("委托主管部门和管委会管理的国有企业", 2, 80.0)]
    assert targets[0].text.startswith("利润总额指标完成或超额完成目标值得基本分")


PAGE_NUMBER_BEFORE_A_HEADING = [
    "某局目标管理考评考核细则",
    "",
    "1、某局关于2010年度目标管理考评考核实施细则的通知各县(市、区)局、局各科(室):现将细则印发给你们。一、成立考评考核领导"
    "小组组长:甲副组长:乙二、考核形式及方法(一)各单位对照考核内容及评分标准进行自评;(二)局考评考核领导小组进行最终评定;6三、"
    "考评考核内容及评分标准(一)考核内容1.业务工作任务。计划项目,增收节支目标;2.项目质量;3.其他工作。",
    "",
    "2、(二)考评考核评分标准1.业务工作任务(100分)(1)计划项目(40分)。完成年度计划项目得满分,每少一项扣除2分。(2)增收节支"
    "目标(60分)。完成年度增收节支目标得满分。",
]


def test_page_number_glued_before_a_heading_is_no_worth(tmp_path: Path):
    targets = extract_lines(tmp_path, PAGE_NUMBER_BEFORE_A_HEADING).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 40.0), (2, 60.0)]


PAGE_TWO_OF_A_STREET_OFFICES_RULES = [
    "5分;晚婚率、晚育率达到100%得5分;统计准确率达100%得5分,达不到的酌情扣分。",
    "(五)民政及社区服务(20分)",
    "对辖区优抚对象坚持走访制度得4分;按时发放抚恤金得2分;建立社区残疾人档案得5分;实现居民自治得9分。",
    "二、经济工作考核(另有考核意见)",
    "三、考核办法",
    "1、实行百分考核制,由各科室年终进行综合考核。",
    "2、社区居委会成员应遵守各项纪律,经查属实的,每件扣5分。",
    "3、当年被区级以上部门指定召开现场会的加2分;被评为市级以上先进单位得加3分;省级以上得加5分。",
]


def test_excerpt_opening_inside_a_rule_and_bonus_rules_are_no_items(tmp_path: Path):
    result = extract_lines(tmp_path, PAGE_TWO_OF_A_STREET_OFFICES_RULES)
    assert [(t.seq, t.points) for t in result.targets] == [(5, 20.0)]
    assert result.targets[0].text.startswith("民政及社区服务对辖区优抚对象")
    assert any(u.text.startswith("5分;晚婚率") for u in result.unclaimed)


def test_a_bonus_closing_a_line_is_no_worth(tmp_path: Path):
    targets = extract_lines(tmp_path, PAGE_TWO_OF_A_STREET_OFFICES_RULES[4:]).targets
    assert [t.points for t in targets if t.points is not None] == []


HEADING_RUN_INTO_ITS_PARTS = [
    "一、软件考评细则(70分):",
    "(一)、班子建设(16分)文件资料(6分),缺一项扣1分,扣完为止。1、两委成员花名册;2、党建工作领导组文件;3、干部分工文件;",
    "(二)、载体活动档案(12分)培养活动档案(2分),缺一项扣1分,扣完为止。1、年度计划文件;2、登记表(看登记表);3、有联系人(看"
    "登记)。设岗定责档案(2分),缺一项扣1分,扣完为止。1、年度工作计划文件2、有申岗、评岗活动(有",
]


def test_a_heading_run_into_its_scored_parts_and_their_checklists(tmp_path: Path):
    targets = extract_lines(tmp_path, HEADING_RUN_INTO_ITS_PARTS).targets
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("班子建设", 16.0, None, 6.0), ("载体活动档案", 12.0, None, 2.0), ("载体活动档案", 12.0, None, 2.0)]
    assert [t.text.split("。")[0] for t in targets] == [
        "文件资料,缺一项扣1分,扣完为止", "培养活动档案,缺一项扣1分,扣完为止", "设岗定责档案,缺一项扣1分,扣完为止"]


def test_an_issuer_masked_whole_is_none():
    """holdout30 3001: `1、******关于2010年度…的通知各县(市、区)**局…` (a site masked the issuing body whole)."""
    path = Path(__file__).parents[1] / "data" / "holdout30" / "3001_ju_2010_jiguan_mubiao_guanli_kaoping_kaohe_xize.txt"
    meta = extract_metadata(read_text(path, "notice", False))
    assert meta.issuer is None
    assert meta.title.endswith("关于2010年度目标管理考评考核实施细则的通知")
