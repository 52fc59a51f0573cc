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


HOLDOUT38 = Path(__file__).resolve().parents[1] / "data" / "holdout38"


def _paragraphs(*texts: str) -> list:
    from schemas.blocks import Paragraph, Provenance

    return [Paragraph(text=t, prov=Provenance(source="t.txt", page=None, line=k + 1)) for k, t in enumerate(texts)]


def test_letter_coded_rows_are_joined_and_numbered_their_criteria_labelled():
    """A letter-coded table one cell a line: a name over several lines and its worth alone below it become one row;
    the letter is the top level, A1 an item, A1.1 the item below; the lines up to the next row are its criteria."""
    from parsers.extract.coded_rows import coded_rows

    blocks = _paragraphs("一级指标", "三级指标", "评价标准", "A运行", "管理", "成效", "(9分)", "A1制度建设", "(5分)",
                         "A1.1管理制度", "(3分)", "制度健全,执行到位;", "制度基本健全;", "A1.2开放共享(2分)",
                         "开放程度高;", "B服务", "(4分)")
    assert [b.text for b in coded_rows(blocks)] == [
        "一级指标", "三级指标", "评价标准", "一、运行管理成效(9分)", "1.制度建设(5分)", "1.1管理制度(3分)",
        "评价标准:制度健全,执行到位;制度基本健全;", "1.2开放共享(2分)", "评价标准:开放程度高;", "二、服务(4分)"]


def test_letter_coded_table_on_its_page_reads_items_under_their_codes(tmp_path: Path):
    """3802 (its page): before, every coded line (`A1科学研究`, `A1.1科技平台`) was read as a unit's heading and no
    item had a section or number: F1 0. Now the items are the A1.n rows, named without their criteria, under A1's
    name and worth."""
    from parsers.extract.targets import extract_targets
    from parsers.readers.text_reader import read_text

    path = next(HOLDOUT38.glob("3802_*.txt"))
    targets = extract_targets(read_text(path, "p", False), "d").targets
    got = [(t.unit, t.section, t.section_points, t.seq, t.text, t.points) for t in targets]
    assert got[:2] == [("", "科学研究", 14.0, 1, "科技平台", 3.0), ("", "科学研究", 14.0, 2, "工艺产品标准", 2.0)]
    assert got[4] == ("", "科学研究", 14.0, 5, "论文、专著", 2.0)
    assert got[6] == ("", "学科发展", 6.0, 1, "省级重点学科", 2.0)
    assert len(got) == 10


def test_a_few_lines_opening_with_a_capital_are_no_coded_table():
    from parsers.extract.coded_rows import coded_rows
    from schemas.blocks import Paragraph, Provenance

    prov = Provenance(source="t.txt", page=None, line=1)
    blocks = [Paragraph(text=t, prov=prov) for t in ("A级景区创建(10分)", "B类项目申报(5分)", "1.完成任务(5分)")]
    assert coded_rows(blocks) is blocks


DASH_CODED_ROWS = [
    "某学院系部工作考评指标体系",
    "某学院系部工作考评指标体系一 级 指 标 二 级 指 标 考 核 要 点 考 核 部 门一组 织 领 导( 5) 1— 1机 构 建 设 (3 分 ) "
    "1.成 立 工 作 领 导 小 组 , 分 工 明 确 ; ( 1 分 )2.制 定 年 度 工 作 计 划 并 组 织 实 施 。 ( 2 分 ) 考 核 组办 公 室"
    "1— 2制 度 建 设(2 分 ) 1.建 立 健 全 各 项 管 理 制 度 ; ( 1 分 )2.制 度 执 行 到 位 , 记 录 完 整 。 ( 1 分 ) 考 核 组",
]


def test_dash_coded_rows_take_their_code_whole(tmp_path: Path):
    """3803: rows coded under their group with a dash (`1— 1发展规划与定位(3分) 1.…`). Before, the code's first part
    (`1—`) stayed at the end of the text before it and was read as a bare worth of 1: the header run became a clause
    worth 1 and a group heading a clause under the item above. Now the code is the row's marker."""
    targets = extract_lines(tmp_path, DASH_CODED_ROWS).targets
    got = [(t.section, t.section_points, t.seq, t.points) for t in targets]
    assert got == [("机构建设", 3.0, 1, 1.0), ("机构建设", 3.0, 2, 2.0), ("制度建设", 2.0, 1, 1.0), ("制度建设", 2.0, 2, 1.0)]
    assert not any(t.text.endswith("1—") or "考核部门" in t.text for t in targets)


def test_hyphen_coded_rows_take_their_code_whole_too(tmp_path: Path):
    """The same codes written with a hyphen (`1-2制度建设(2分)`): before, `1-` stayed on the row before, read as a
    bare worth of 1 (the header run became a clause worth 1)."""
    lines = ["某学院考评指标体系", "一级指标 二级指标 考核要点 一组织领导(5) 1-1机构建设(3分) 1.成立领导小组;(1分)"
             "2.制定年度计划。(2分) 办公室1-2制度建设(2分) 1.建立制度;(1分)2.执行到位。(1分) 办公室"]
    targets = extract_lines(tmp_path, lines).targets
    assert [(t.section, t.seq, t.points) for t in targets] == [
        ("机构建设", 1, 1.0), ("机构建设", 2, 2.0), ("制度建设", 1, 1.0), ("制度建设", 2, 1.0)]
    assert not any(t.text.endswith("1-") for t in targets)
