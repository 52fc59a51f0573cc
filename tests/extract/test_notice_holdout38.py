"""Notice shapes fixed after holdout38 (3801–3803), built in code: parts listed by the ordinals `一是` … `四是`, each
with its worth and the indicators it covers (`一是主要经济发展(30分):销售总额,利润总额…;`)."""
from __future__ import annotations

from pathlib import Path

from tests.builders import extract_lines

ORDINAL_SHI_PARTS = [
    "关于对2011年全省系统综合业绩进行考核的通知",
    "二、考核指标",
    "考核指标分为四部分,具体设置如下:",
    "一是主要经济发展(30分):销售总额,利润总额,所有者权益;",
    "二是企业发展(30分):龙头企业数,资产总额,利润总额;",
    "三是网络建设(20分):门店数,门店销售额,配送中心数;",
    "四是基层组织建设(20分):基层社利润总额,专业合作社数。",
]


def test_ordinal_shi_parts_with_a_worth_are_numbered_items(tmp_path: Path):
    """3801: before, each part was an unnumbered clause whose text began with its ordinal (`一是主要经济发展:…`);
    now the ordinal is the part's number and stays out of its text."""
    targets = extract_lines(tmp_path, ORDINAL_SHI_PARTS).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 30.0), (2, 30.0), (3, 20.0), (4, 20.0)]
    assert targets[0].text.startswith("主要经济发展:销售总额,利润总额")
    assert targets[3].text.startswith("基层组织建设:基层社利润总额")


PROSE_SHI_UNDER_SCORED_ITEMS = [
    "某县2020年度安全生产考核细则",
    "1.组织领导(10分)。一是成立领导小组;二是召开专题会议。",
    "2.隐患排查(20分)。",
    "一是建立台账;二是按月排查。",
]


def test_ordinals_shi_in_prose_without_a_worth_start_no_item(tmp_path: Path):
    """`一是…;二是…` without a worth of its own is the item's wording, never a part."""
    targets = extract_lines(tmp_path, PROSE_SHI_UNDER_SCORED_ITEMS).targets
    assert [(t.seq, t.points) for t in targets] == [(1, 10.0), (2, 20.0)]
