"""Failure shapes of holdout36 (3601–3603), fixed in general."""
from __future__ import annotations

from pathlib import Path

from parsers.readers.text_reader import read_text

CONTINUED_PAGE = (
    "[接上页] 2 7.建立健全学习制度,定期组织学习。 2 8.按时召开会议,会议有记录。 3 序号 项目 考核内容 标准 分值 "
    "3 宣 传 工 作 9.开展宣传活动,有图片资料。 2 10.及时报送信息。 1 11.完成上级交办的任务(1"
)


def _rewritten(tmp_path: Path, text: str) -> list[str]:
    from parsers.extract.value_rows import value_rows

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return [b.text for b in value_rows(read_text(path, "page", False).blocks)]


def test_value_rows_on_a_continued_page_start_at_a_later_row_and_cross_the_repeated_header(tmp_path: Path):
    """3603: the second page of a flattened table opens with a later row ('[接上页] 2 26.…。 2 27.…') and repeats the
    header between two rows ('…。 2 序号 项目 … 分值 6 老 干 部 … 29.…'). Before: one clause with the whole run. Now
    one paragraph per row with its value; the page before's tail and the header with a worthless group are left out."""
    out = _rewritten(tmp_path, CONTINUED_PAGE)
    assert out[0] == "7.建立健全学习制度,定期组织学习。(2分)"
    assert out[1] == "8.按时召开会议,会议有记录。(3分)"
    assert out[2] == "9.开展宣传活动,有图片资料。(2分)"
    assert out[3] == "10.及时报送信息。(1分)"
    assert out[4].startswith("11.完成上级交办的任务")
    assert not any("接上页" in t or "序号" in t for t in out)


def test_value_rows_leave_a_row_s_inner_part_worths_out_of_its_name(tmp_path: Path):
    """3603 30.: a row's parts each with '(1分)' are the breakdown of its bare value; the value is the row's worth."""
    text = ("序号 内容 分值 1.制度健全(1分);台账齐全(1分)。 2 2.开展培训。 3 3.完成任务。 5 "
            "序号 内容 分值")
    out = _rewritten(tmp_path, text)
    assert "1.制度健全;台账齐全。(2分)" in out
