"""A 责任书 form's labels waiting for their values (`销售区域:`, a blank date `20xx年x月x日——20xx年x月x日`) between its
numbered fields are no units: they had been read as units over the fields after them, each field then `应为1` a
numbering gap (2 false errors on a 销售目标责任书 from the pages corpus). A unit's heading ending with a colon is one."""
from __future__ import annotations

from ingest.pipeline import process_file
from tests.builders import write_text


def test_form_labels_are_no_units(tmp_path):
    lines = ["销售目标责任书", "根据公司20xx年度的销售目标,特制定本销售目标任务和相应的激励政策。", "一、目标销售责任人: 。", "销售区域:",
             "二、目标销售任务: xx年责任目标 元。", "三、完成目标销售任务期限:", "20xx年x月x日——20xx年x月x日",
             "四、销售责任人的义务 责任人应在签订年度销售目标责任书后以此作为年度的工作重心来进行工作,保证目标实现。"]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert not {t.unit for t in result.targets} & {"销售区域", "20xx年x月x日——20xx年x月x日"}
    assert [f.code for f in result.findings if f.severity == "error"] == []


def test_unit_heading_ending_with_a_colon_is_a_unit(tmp_path):
    lines = []
    for unit in ("甲县", "乙县", "丙县"):
        lines += [f"{unit}：", "1.地区生产总值增长7%以上（60分）；", "2.城镇新增就业2400人（40分）。"]
    result = process_file(write_text(tmp_path / "n.txt", "\n".join(lines)))
    assert [t.unit for t in result.targets] == ["甲县", "甲县", "乙县", "乙县", "丙县", "丙县"]
