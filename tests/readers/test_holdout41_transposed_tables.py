"""holdout41 4101's shape (read after the set was measured): a `|` table printed transposed, the indicators across,
each field a label line (`主 要 指 标 |`) with its cells on the next line or a label and its cells on one line, blocks
repeating the labels; on documents the test writes, with their own content."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.tables import extract_indicators
from parsers.readers.text_reader import read_text
from schemas.blocks import Table

TRANSPOSED = "\n".join([
    "某某新闻标题",
    "指 标 名 称 |",
    "森林覆盖率 | 污水处理率 | 垃圾分类覆盖率 |",
    "2025 年 目 标 值 |",
    "45% | >95% | 90% |",
    "类 型 | 约束性 | 预期性 | 预期性 |",
    "指 标 名 称 |",
    "空气优良天数比例 | 河湖水质达标率 |",
    "2025 年 目 标 值 |",
    "88% | 100% |",
    "类 ",
]) + "\n"


def _read(tmp_path: Path, text: str):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return read_text(path, "t", False)


def test_transposed_pipe_blocks_are_one_row_per_indicator(tmp_path):
    """4101: the label lines and their cell lines stayed paragraphs (no reader took a one-cell `|` line over a row
    of cells for a field), so no indicator was found."""
    (table,) = [b for b in _read(tmp_path, TRANSPOSED).blocks if isinstance(b, Table)]
    assert [r.cells for r in table.rows] == [
        ["指 标 名 称", "2025 年 目 标 值", "类 型"],
        ["森林覆盖率", "45%", "约束性"],
        ["污水处理率", ">95%", "预期性"],
        ["垃圾分类覆盖率", "90%", "预期性"],
        ["空气优良天数比例", "88%", ""],
        ["河湖水质达标率", "100%", ""],
    ]


def test_transposed_rows_are_indicators_with_their_targets(tmp_path):
    rows = extract_indicators(_read(tmp_path, TRANSPOSED), "d")
    assert [(r.indicator, r.target) for r in rows] == [
        ("森林覆盖率", "45%"), ("污水处理率", ">95%"), ("垃圾分类覆盖率", "90%"),
        ("空气优良天数比例", "88%"), ("河湖水质达标率", "100%")]


def test_a_lone_label_line_over_one_row_of_cells_is_no_transposed_table(tmp_path):
    """One field (a caption over a `|` row) is no table of fields: nothing to transpose."""
    text = "指 标 名 称 |\n森林覆盖率 | 污水处理率 | 垃圾分类覆盖率 |\n以上指标由市统计局负责解释。\n"
    assert not [b for b in _read(tmp_path, text).blocks if isinstance(b, Table)]


INLINE_FIRST = "\n".join([
    "某某新闻标题",
    "主 要 指 标 | 森林覆盖率 | 污水处理率 | 垃圾分类覆盖率 |",
    "2025 年 目 标 值 |",
    "45% | >95% | 90% |",
    "属 性 | 约束性 | 预期性 | 预期性 |",
    "以上指标由市统计局负责解释。",
]) + "\n"


def test_transposed_first_field_with_its_cells_on_its_line(tmp_path):
    """The first field (the indicator's) written as its label and cells on one line was not read: a first field was
    taken only as a label alone on its line, so the whole table stayed paragraphs."""
    (table,) = [b for b in _read(tmp_path, INLINE_FIRST).blocks if isinstance(b, Table)]
    assert [r.cells for r in table.rows] == [
        ["主 要 指 标", "2025 年 目 标 值", "属 性"],
        ["森林覆盖率", "45%", "约束性"],
        ["污水处理率", ">95%", "预期性"],
        ["垃圾分类覆盖率", "90%", "预期性"],
    ]
    rows = extract_indicators(_read(tmp_path, INLINE_FIRST), "d")
    assert [(r.indicator, r.target) for r in rows] == [
        ("森林覆盖率", "45%"), ("污水处理率", ">95%"), ("垃圾分类覆盖率", "90%")]
