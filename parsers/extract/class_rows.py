"""A table glued into one run whose requirement columns are classes of unit: a header naming each column by a letter
and the class it is for (`A 级要求( 县城幼儿园)B 级要求( 乡镇村级幼儿园) 分值评分标准…`), groups with their worth
(`一、办学依据 5分`), and rows coded by column (`☆ A1有…证件。☆ B1、同左 5缺一项扣 1分`): the row's 分值 follows the
last column's requirement, its scoring rule after it. Each row is an item of each class: its own requirement, the
row's worth, the group its section (the class a unit of the notice)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from parsers.textnorm import halfwidth
from schemas.blocks import Document, Paragraph
from schemas.records import Target

# `A 级要求( 县城幼儿园)`: a column's letter and the class of unit its requirements are for
CLASS_COLUMN = regex.compile(r"(?P<code>[A-H])\s*(?:级|类)\s*(?:要求|标准)\s*[（(]\s*(?P<unit>[^（()）\d]{2,12}?)\s*[）)]")
# `一、办学依据 5分`: a group and its worth
GROUP = regex.compile(r"(?P<cn>[一二三四五六七八九十]{1,3})、\s*(?P<name>[^\d、。;；,，]{2,20}?)\s*(?P<n>\d{1,3}(?:\.\d)?)\s*分")
# `☆ A1`, `B2、`: a row's cell in a column, by its letter and the row's number
ROW_CELL = regex.compile(r"☆?\s*(?P<code>[A-H])(?P<num>[1-9]\d?)\s*、?\s*(?=\S)")
# the row's 分值 after the last column's requirement (`…四十人。 5 班额…`, `同左2不能满足…`), not a quantity
ROW_VALUE = regex.compile(r"(?<=[。;；]\s*)(?P<n>\d{1,3}(?:\.\d)?)(?=\s*\p{Han})|(?<=[\p{Han}）)]\s*)(?P<n>\d{1,3}(?:\.\d)?)"
                          r"(?=\s*\p{Han})(?!\s*[年月日个人次项条名家所户件元分倍天周岁班])")
MIN_CLASSES = 2


@dataclass
class _Cell:
    code: str
    num: int
    start: int
    end: int


def class_row_targets(doc: Document, doc_id: str) -> list[Target] | None:
    """The items of the first paragraph read so (see the module), or None where no paragraph has that shape."""
    for block in doc.blocks:
        if isinstance(block, Paragraph) and "要求" in block.text and len(CLASS_COLUMN.findall(block.text)) >= MIN_CLASSES:
            found = _read(halfwidth(block.text), block, doc, doc_id)
            if found:
                return found
    return None


def _read(text: str, block: Paragraph, doc: Document, doc_id: str) -> list[Target] | None:
    columns = {m["code"]: m["unit"].strip() for m in CLASS_COLUMN.finditer(text)}
    if len(columns) < MIN_CLASSES:
        return None
    body = max(m.end() for m in CLASS_COLUMN.finditer(text))
    groups = list(GROUP.finditer(text, body))
    cells = [_Cell(m["code"], int(m["num"]), m.start(), m.end()) for m in ROW_CELL.finditer(text, body)
             if m["code"] in columns]
    if not groups or len(cells) < 2 * len(columns):
        return None
    stops = sorted([c.start for c in cells] + [g.start() for g in groups] + [len(text)])
    last = max(columns)
    targets: list[Target] = []
    for cell in cells:
        end = next(s for s in stops if s > cell.start)
        group = next((g for g in reversed(groups) if g.start() < cell.start), None)
        if group is None:
            return None
        own = text[cell.end:end]
        row = next((c for c in cells if c.num == cell.num and c.code == last), None)
        if row is None:
            continue
        row_text = text[row.end:next(s for s in stops if s > row.start)]
        value = ROW_VALUE.search(row_text)
        if value is None:
            continue
        requirement = (own[:value.start()] if cell is row else own).strip(" ☆、")
        rule = row_text[value.end():].strip() or None
        targets.append(_target(doc, doc_id, block, columns[cell.code], group, cell.num, requirement,
                               float(value["n"]), rule))
    order = {code: i for i, code in enumerate(sorted(columns))}
    targets.sort(key=lambda t: order[next(c for c, u in columns.items() if u == t.unit)])
    for i, t in enumerate(targets):
        t.target_id = f"{doc_id}-{i + 1:05d}"
    return targets or None


def _target(doc: Document, doc_id: str, block: Paragraph, unit: str, group, seq: int, text: str, points: float,
            rule: str | None) -> Target:
    name, worth = group["name"].strip(), float(group["n"])
    return Target(doc_id=doc_id, source_path=doc.source, target_id="", unit=unit, unit_raw=unit, unit_group=None,
                  section=name, section_points=worth, seq=seq, seq_raw=str(seq), text=text, points=points,
                  page=block.prov.page, line=block.prov.line, from_ocr=block.prov.ocr, section_path=[name],
                  section_path_points=[worth], path_seqs=[None], criteria=rule, outline_key=f"class:{unit}",
                  unit_points=None)
