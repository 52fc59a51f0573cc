"""Web text pasted into Word: a table the web page flattened into lines and items run together on one
line read as the .txt reader reads them (benchmarks/renderings.py --raw-lines found the .docx readings
losing every such table and clause the .txt readings had)."""
from __future__ import annotations

from parsers.readers.docx_reader import read_docx
from schemas.blocks import Table
from tests.builders import new_docx

PIPE_ROWS = ["序号 | 考核内容 | 分值 | 评分标准",
             "1 | 建立健全工作机构，明确分管领导 | 10 | 未建立的不得分",
             "2 | 按时报送工作信息和总结材料 | 5 | 每缺一次扣1分"]
CELL_LINES = ["考核内容", "分值", "评分标准", "1、造林绿化任务完成情况", "30", "完成率达到100%的得满分。",
              "2、综合造林成活率", "20", "为所辖各乡镇造林成活率的加权平均数。"]


def _docx(tmp_path, lines: list[str]):
    document = new_docx()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "pasted.docx"
    document.save(path)
    return read_docx(path, "pasted.docx")


def test_pipe_lines_pasted_into_word_are_a_table(tmp_path):
    doc = _docx(tmp_path, ["某县安全生产工作考核评分表"] + PIPE_ROWS + ["以上由县安委办负责解释。"])
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [r.cells for r in tables[0].rows][1] == ["1", "建立健全工作机构，明确分管领导", "10", "未建立的不得分"]
    assert tables[0].rows[1].prov.line == 3  # the paragraph the row came from
    assert [b.text for b in doc.blocks if not isinstance(b, Table)] == ["某县安全生产工作考核评分表", "以上由县安委办负责解释。"]


def test_table_pasted_one_cell_per_paragraph_is_a_table(tmp_path):
    doc = _docx(tmp_path, ["森林城乡建设考核评分标准"] + CELL_LINES)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [r.cells[:2] for r in table.rows[1:]] == [["1、造林绿化任务完成情况", "30"], ["2、综合造林成活率", "20"]]


def test_items_run_together_on_one_pasted_line_are_parted(tmp_path):
    run_together = ("一、考评内容、分值及考评分工      全年考评共分为13项内容，全面完成任务得满分100分。"
                    "      1、群众性精神文明创建活动8分，由县委宣传部负责考核；")
    doc = _docx(tmp_path, [run_together])
    assert [b.text for b in doc.blocks] == ["一、考评内容、分值及考评分工", "全年考评共分为13项内容，全面完成任务得满分100分。",
                                            "1、群众性精神文明创建活动8分，由县委宣传部负责考核；"]


def test_drafters_paragraphs_stay_as_they_are(tmp_path):
    lines = ["各乡镇人民政府，县直各单位：", "现将《考核办法》印发给你们，请认真贯彻执行。",
             "联系人：张三    电话：1234567", "（一）组织领导（10分）"]
    assert [b.text for b in _docx(tmp_path, lines).blocks] == lines


def test_lines_the_fast_path_skips_start_no_table_in_any_real_document():
    """`_may_start` lets a drafter's paragraph skip every detector: on every line of every gold document and of the
    samples, a line it rules out starts no table and parts into no items."""
    from pathlib import Path

    from parsers.readers.box_tables import box_table
    from parsers.readers.line_tables import cell_line_table, pipe_line_table
    from parsers.readers.pasted_text import _may_start
    from parsers.readers.spaced_tables import spaced_table
    from parsers.readers.text_reader import ITEM_GAP

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "tests" / "data").glob("holdout*/*.txt")) + sorted((root.parent / "shared" / "real").glob("*.txt"))
    files += [root / "samples" / "sanmenxia_2020_targets.md", root / "samples" / "jiayuguan_2022q2_decomposition.txt"]
    skipped = 0
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if _may_start(line):
                continue
            skipped += 1
            assert not (spaced_table(lines, i, "t") or box_table(lines, i, "t") or pipe_line_table(lines, i, "t")
                        or cell_line_table(lines, i, "t")), (path.name, i, line)
            assert len(ITEM_GAP.split(line.strip())) == 1, (path.name, i, line)
    assert skipped > 1000  # the fast path is taken on most lines
