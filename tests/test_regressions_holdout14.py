"""Regressions of the fourteenth held-out set, on documents the tests build: a document site's chunk numbers
(`1、…` `2、…`) cutting a flattened table mid-word."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.targets import extract_targets
from parsers.readers.text_reader import read_text

RUN = ("考核评分表考核类别考核内容分值备注一、组织领导(20分)(1)将河长制工作纳入重要议事日程,实现全覆盖。10"
       "(2)建立河湖水库长效管理机制并组织实施,根据河长制工作制定相应的奖惩制度,按季度通报工作进展情况。5"
       "(3)设立河长公示牌,公开河长姓名、职责、河道概况、管护目标和监督电话,信息公开,河道联系人24小时开机。5"
       "二、防汛安全(15分)(1)建立防汛排涝工作责任体系,将防汛排涝责任落实到各单位,做到责任全")
NEXT = "2、覆盖。5(2)各类度汛措施落实,确保安全度汛。10"


def _targets(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return [(t.section, t.seq, t.points) for t in extract_targets(read_text(path, str(path), False), "d").targets]


def test_chunk_numbers_of_a_document_site_do_not_cut_a_flattened_table(tmp_path):
    rows = _targets(tmp_path, "评分表.docx\n1、" + RUN + "\n" + NEXT + "\n")
    assert rows == [("组织领导", 1, 10.0), ("组织领导", 2, 5.0), ("组织领导", 3, 5.0),
                    ("防汛安全", 1, 5.0), ("防汛安全", 2, 10.0)]


def test_a_long_item_ending_without_punctuation_keeps_the_next_item(tmp_path):
    long_item = "1、" + "加强组织领导,落实工作责任,建立健全工作机制" * 10 + "(10分)"
    rows = _targets(tmp_path, "考核细则\n" + long_item + "\n2、开展宣传教育活动(5分)\n")
    assert [r[1:] for r in rows] == [(1, 10.0), (2, 5.0)]


def test_a_clause_cut_by_the_excerpts_end_is_no_clause_missing_its_points(tmp_path):
    text = ("考核细则\n一、组织领导(15分)\n(1)将工作纳入重要议事日程。10\n(2)建立长效管理机制。5\n"
            "二、环境整治(20分)\n(1)科学组织实施整治工程。10\n(2)河道保洁全覆盖,严禁垃圾等污染物入河,无成堆生活垃圾和建\n")
    assert [r[1:] for r in _targets(tmp_path, text)] == [(1, 10.0), (2, 5.0), (1, 10.0)]
    complete = text.replace("无成堆生活垃圾和建", "无成堆生活垃圾。")
    assert [r[1:] for r in _targets(tmp_path, complete)][-1] == (2, None)  # a document ending whole keeps it


def test_chunk_numbers_cutting_items_numbered_with_a_dot_are_joined(tmp_path):
    """holdout32 3205: the site's chunk `2、` opened in the middle of item 4 (`…支部主` / `2、题活动…`); chunks were
    joined only over items numbered `1、` `(1)` `一、`, never `1.`, so `题活动…` was read as item 2 of a new list."""
    run = ("1、一、组织建设(40分)1.支部委员会健全,班子成员团结协作,分工明确,按期换届,支部书记由教师党员担任。(10分)"
           "2.党员发展程序规范,入党积极分子培养教育到位,材料齐全,公示及时,无违规发展党员的情况。(10分)"
           "3.按时足额收缴党费,台账清楚,每季度公布一次收缴情况,接受党员和群众的监督,做到账目公开透明。(10分)"
           "4.按要求开展三会一课和主题党日活动,认真组织党员集中学习,记录完整,每月至少开展一次支部主")
    rows = _targets(tmp_path, "学生党支部考核评价细则\n" + run + "\n2、题活动,有计划有总结。(10分)5.认真开展民主评议党员工作。(10分)\n")
    assert rows == [("组织建设", 1, 10.0), ("组织建设", 2, 10.0), ("组织建设", 3, 10.0), ("组织建设", 4, 10.0),
                    ("组织建设", 5, 10.0)]
