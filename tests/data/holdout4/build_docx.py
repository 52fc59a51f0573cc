"""Builds the .docx rendering of 407 from the table its web page shows (run once; the .docx is checked in).
序号 / 项目 / 分值 are merged vertically over each group's 考核标准 sub-rows, as in the page's .docx; a 考核标准
cell holds the standard and its deduction rule as two paragraphs; 得分 is empty."""
from __future__ import annotations

import json
from pathlib import Path

import docx

HERE = Path(__file__).resolve().parent
NAME = "407_xiangzhen_jiedao_shuili_gongzuo_kaohe_zhibiao_pingfen_xize"


def build_407() -> None:
    lines = [line for line in (HERE / f"{NAME}.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    table_gold = json.loads((HERE / f"{NAME}.gold.json").read_text(encoding="utf-8"))["tables"][0]
    header, rows = table_gold["header"], table_gold["rows"]
    assert lines[0] == table_gold["title"] and lines[1:7] == header
    doc = docx.Document()
    doc.add_paragraph(lines[0])
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = "Table Grid"
    for j, text in enumerate(header):
        table.cell(0, j).text = text
    start = 1
    for i, row in enumerate(rows, start=1):
        first = i == 1 or row[0] != rows[i - 2][0]
        for j, text in enumerate(row):
            if j < 3 and not first:
                continue
            paragraphs = text.split("\n")
            cell = table.cell(i, j)
            cell.text = paragraphs[0]
            for extra in paragraphs[1:]:
                cell.add_paragraph(extra)
        last = i == len(rows) or rows[i][0] != row[0]
        if first:
            start = i
        if last and i > start:
            for j in range(3):
                table.cell(start, j).merge(table.cell(i, j))
    doc.save(HERE / f"{NAME}.docx")


if __name__ == "__main__":
    build_407()
