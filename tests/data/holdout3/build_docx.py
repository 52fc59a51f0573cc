"""Builds the .docx renderings of 302 and 303 from the tables their web pages show (run once; the .docx files
are checked in). 302's 项目 cells are merged vertically, as on the page; 303 has no merged cells."""
from __future__ import annotations

from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent


def _pipe_rows(path: Path) -> list[list[str]]:
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_302() -> None:
    src = HERE / "302_hangzhou_2018_jindu_shifan_chuangjian_kaohe_dafen.txt"
    rows = _pipe_rows(src)
    header, body = rows[0][:6], rows[1:]
    doc = docx.Document()
    table = doc.add_table(rows=len(body) + 1, cols=6)
    table.style = "Table Grid"
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    group_start = None
    for i, cells in enumerate(body, start=1):
        if len(cells) >= 6 and cells[5]:  # a row that opens a group: it carries the 项目 cell
            values = cells[:6]
            if group_start is not None and group_start < i - 1:
                table.cell(group_start, 1).merge(table.cell(i - 1, 1))
            group_start = i
        else:
            values = [cells[0], None] + cells[1:5]
        for j, text in enumerate(values):
            if text is not None:
                table.cell(i, j).text = text
    table.cell(group_start, 1).merge(table.cell(len(body), 1))
    doc.save(src.with_suffix(".docx"))


def build_303() -> None:
    src = HERE / "303_quanzhou_licheng_2020_zhengwu_gongkai_zhishu_kaoping_biaozhun.txt"
    lines = [line.strip() for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    title, cells = lines[0], lines[1:]
    doc = docx.Document()
    doc.add_paragraph(title)
    rows = [cells[k:k + 3] for k in range(0, len(cells), 3)]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    doc.save(src.with_suffix(".docx"))


if __name__ == "__main__":
    build_302()
    build_303()
