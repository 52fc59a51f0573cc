"""附件 tables → indicator rows.

Any table with a recognisable header row is read. Headers map to canonical columns by synonyms
(data file); unknown columns are kept in ``extra``. A column with a blank header holds unit names
or, failing that, the indicator. Several units or leaders in one cell become lists.
"""
from __future__ import annotations

import json

import regex

from parsers.extract.headers import looks_like_unit, map_header
from parsers.extract.patterns import CN_DIGITS
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Document, Paragraph, Table
from schemas.records import IndicatorRow

ATTACHMENT = regex.compile(r"^\s*(附件\s*[\d一二三四五六七八九十]*)\s*[:：]?\s*(?P<title>.*)$")
GROUP_ROW_NO = regex.compile(rf"^(?:[{CN_DIGITS}]{{1,3}}\s*[、.．]?|[（(]\s*[{CN_DIGITS}]{{1,3}}\s*[)）])$")
TOTAL_WORDS = ("总分", "合计", "总计", "总 分")
LIST_SPLIT = regex.compile(r"[\n、，,；;／/]+")
ITEM_START = regex.compile(r"^\s*(?:\d{1,3}\s*[.、．](?!\d)|[（(]\s*\d{1,3}\s*[)）]|[①-⑳])")
NUMBER = regex.compile(r"-?\d+(?:\.\d+)?")
TEXT_FIELDS = ("category", "indicator", "status", "target", "criteria", "note")
GROUPING_FIELDS = ("category",)  # filled down in text input, where merges are lost
MIN_HEADER_FIELDS = 2


def extract_indicators(doc: Document, doc_id: str, skip: set[int] | None = None) -> list[IndicatorRow]:
    rows: list[IndicatorRow] = []
    attachment: str | None = None
    last_paragraphs: list[Paragraph] = []
    table_index = 0
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            m = ATTACHMENT.match(block.text)
            if m and len(no_space(block.text)) <= 40:
                attachment = no_space(m.group(1))
                last_paragraphs = [Paragraph(m["title"], block.prov)] if m["title"] else []
            else:
                last_paragraphs.append(block)
            continue
        table_index += 1
        if skip and i in skip:
            continue
        title = no_space(last_paragraphs[-1].text) if last_paragraphs and last_paragraphs[-1].text else None
        rows.extend(_table_rows(block, doc, doc_id, attachment, title, table_index))
        last_paragraphs = []
    for number, row in enumerate(rows, start=1):
        row.indicator_id = f"{doc_id}-i{number:05d}"
    return rows


def _header_row(table: Table) -> tuple[int, dict[int, str]] | None:
    for index, row in enumerate(table.rows[:3]):
        mapping = map_header(row.cells)
        if len(mapping) >= MIN_HEADER_FIELDS:
            return index, mapping
    return None


def _table_rows(table: Table, doc: Document, doc_id: str, attachment, title, table_index) -> list[IndicatorRow]:
    found = _header_row(table)
    if found is None:
        return []
    header_at, mapping = found
    header = table.rows[header_at].cells
    body = [r for r in table.rows[header_at + 1:] if any(c.strip() for c in r.cells)
            and [no_space(c) for c in r.cells] != [no_space(c) for c in header]]
    _map_blank_columns(header, body, mapping)
    columns = {field: index for index, field in mapping.items()}
    extra_columns = [i for i in range(len(header)) if i not in mapping]
    out: list[IndicatorRow] = []
    carried: dict[str, str] = {}
    for row in body:
        values = {field: row.cells[i] if i < len(row.cells) else "" for field, i in columns.items()}
        if not table.merges_resolved:
            for field in GROUPING_FIELDS:
                if field in values:
                    values[field] = values[field] or carried.get(field, "")
                    carried[field] = values[field]
        out.append(_indicator(values, row, extra_columns, header, doc, doc_id, attachment, title, table_index))
    return out


def _map_blank_columns(header: list[str], body, mapping: dict[int, str]) -> None:
    """A column whose header is blank: unit names make it the units column, else the indicator."""
    for index, cell in enumerate(header):
        if index in mapping or no_space(cell):
            continue
        values = [r.cells[index] for r in body if index < len(r.cells) and no_space(r.cells[index])]
        if not values:
            continue
        unit_like = sum(1 for v in values if all(looks_like_unit(x) for x in _split_units(v)))
        if unit_like >= 0.6 * len(values) and "units" not in mapping.values():
            mapping[index] = "units"
        elif "indicator" not in mapping.values():
            mapping[index] = "indicator"


def _indicator(values, row, extra_columns, header, doc, doc_id, attachment, title, table_index) -> IndicatorRow:
    text = {f: _join_wrapped(values.get(f, "")) or None for f in TEXT_FIELDS}
    row_no = no_space(values.get("row_no", "")) or None
    weight_raw = no_space(values.get("weight", "")) or None
    weight_match = NUMBER.search(halfwidth(weight_raw or ""))
    extra = {no_space(header[i]) or f"column_{i + 1}": _join_wrapped(row.cells[i])
             for i in extra_columns if i < len(row.cells) and row.cells[i].strip()}
    return IndicatorRow(
        doc_id=doc_id, source_path=doc.source, attachment=attachment, table_title=title,
        table_index=table_index, row_no=row_no, row_kind=_row_kind(row_no, text), category=text["category"],
        indicator=text["indicator"], weight=float(weight_match.group()) if weight_match else None,
        weight_raw=weight_raw, status=text["status"], target=text["target"], criteria=text["criteria"],
        units=_split_units(values.get("units", "")), leaders=_split_leaders(values.get("leaders", "")),
        note=text["note"], extra=json.dumps(extra, ensure_ascii=False) if extra else None,
        page=row.prov.page, line=row.prov.line, from_ocr=row.prov.ocr)


def _row_kind(row_no: str | None, text: dict) -> str:
    names = [no_space(v) for v in (row_no, text["indicator"], text["category"]) if v]
    if any(n in TOTAL_WORDS for n in names):
        return "total"
    if row_no and GROUP_ROW_NO.match(row_no):
        return "group"
    return "item"


def _join_wrapped(cell: str) -> str:
    """Join the lines a cell wrapped; keep a break before a numbered item (`2.按要求…`)."""
    lines = [x.strip() for x in (cell or "").split("\n") if x.strip()]
    out = ""
    for line in lines:
        if out and ITEM_START.match(line):
            out += "\n" + line
        elif out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalpha():
            out += " " + line
        else:
            out += line
    return out


def _split_units(cell: str) -> list[str]:
    """Names one per line or separated by 、，；. A line that does not end like a unit's name is
    the first half of a name the cell wrapped (`市招商引资服务` + `中心`)."""
    parts = [no_space(p) for p in LIST_SPLIT.split(cell or "") if no_space(p)]
    names: list[str] = []
    pending = ""
    for part in parts:
        pending += part
        if looks_like_unit(pending):
            names.append(pending)
            pending = ""
    if pending:
        if names and not looks_like_unit(pending) and len(pending) <= 3:
            names[-1] += pending
        else:
            names.append(pending)
    return names


def _split_leaders(cell: str) -> list[str]:
    return [no_space(p) for p in LIST_SPLIT.split(cell or "") if no_space(p)]
