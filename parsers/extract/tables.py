"""附件 tables → indicator rows.

Any table with a recognisable header row is read. Column roles come from the header and the
content (``table_roles``); unknown columns are kept in ``extra``. Several units or leaders in one
cell become lists. In text input merged cells are lost, so what a merge would have filled is
inferred: grouping columns fill down; a row whose 序号 and name are blank continues the row above;
within a group, a blank responsibility cell continues the one above.
"""
from __future__ import annotations

import json
from dataclasses import replace
from itertools import groupby

import regex

from parsers.extract.headers import (
    also_role,
    header_role,
    header_roles,
    points_at_end,
    table_vocab,
)
from parsers.extract.patterns import ATTACHMENT
from parsers.extract.table_criteria import criteria_items, criteria_points
from parsers.extract.table_parties import split_parties, split_units
from parsers.extract.table_roles import GROUP_ROW_NO, Columns, infer_columns, spans_right
from parsers.ocr_punctuation import curl_quotes
from parsers.textnorm import halfwidth, no_space, squeeze_cjk_spaces
from schemas.blocks import Document, Paragraph, Table, TableRow
from schemas.records import IndicatorRow

LIST_SPLIT = regex.compile(r"[\n、，,；;／/。]+")  # a list may end with a full stop
ITEM_START = regex.compile(r"^\s*(?:\d{1,3}\s*[.、．](?!\d)|[（(]\s*\d{1,3}\s*[)）]|[①-⑳])")
NUMBER = regex.compile(r"-?\d+(?:\.\d+)?")
GROUP_HEADING = regex.compile(r"^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])(\S.*)$")
TEXT_FIELDS = ("category", "indicator", "status", "target", "criteria", "note")
GROUPING_FIELDS = ("category",)  # filled down where a merge left blank cells
PARTY_FIELDS = ("units", "co_units", "assessors", "leaders")  # continue down a group in text input
IDENTITY_FIELDS = ("row_no", "indicator", "category")  # what a continuation row takes from above
MIN_HEADER_FIELDS = 2
MAX_SUBHEADER = 8  # characters of a header word in a sub-header row
CONTINUES = "_continues"  # set on a text row that took its 序号 and name from the row above


def extract_indicators(doc: Document, doc_id: str, skip: set[int] | None = None) -> list[IndicatorRow]:
    rows: list[IndicatorRow] = []
    attachment: str | None = None
    last_paragraphs: list[Paragraph] = []
    table_index = 0
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            m = "附件" in block.text and ATTACHMENT.match(block.text)  # `in` first: most lines are not one
            if m and len(no_space(block.text)) <= 40:
                attachment = no_space(m["label"])
                last_paragraphs = [Paragraph(m["title"], block.prov)] if m["title"] else []
            else:
                last_paragraphs.append(block)
            continue
        table_index += 1
        if skip and i in skip:
            continue
        title = no_space(last_paragraphs[-1].text) if last_paragraphs and last_paragraphs[-1].text else None
        rows.extend(_table_rows(_ocr_quotes_set(block, doc), doc, doc_id, attachment, title, table_index))
        last_paragraphs = []
    for number, row in enumerate(rows, start=1):
        row.indicator_id = f"{doc_id}-i{number:05d}"
    return rows


def _ocr_quotes_set(table: Table, doc: Document) -> Table:
    """The rows OCR read, their straight quotes set a cell at a time (`ocr_punctuation.curl_quotes`): a cell the column
    wrapped holds its `“` on one line and the engine's `"` on another, which a line alone cannot pair."""
    if not doc.ocr_pages:
        return table
    ocr = set(doc.ocr_pages)
    return replace(table, rows=[replace(r, cells=[curl_quotes(c) for c in r.cells]) if r.prov.page in ocr else r
                                for r in table.rows])


def _header_row(table: Table) -> int | None:
    for index, row in enumerate(table.rows[:3]):
        if len(set(header_roles(row.cells).values())) >= MIN_HEADER_FIELDS:
            return index
    return None


def _table_rows(table: Table, doc: Document, doc_id: str, attachment, title, table_index) -> list[IndicatorRow]:
    header_at = _header_row(table)
    if header_at is None:
        return []
    header, body_at = _with_subheader(table, header_at)
    body = _without_subheaders([r for r in table.rows[body_at:] if any(c.strip() for c in r.cells)
                                and [no_space(c) for c in r.cells] != [no_space(c) for c in header]])
    columns = infer_columns(header, body)
    cell_rows = [_spans_shifted(list(r.cells), columns) for r in body]
    values = [{role: (cells[i] if i < len(cells) else "") for i, role in columns.roles.items()} for cells in cell_rows]
    _heading_rows(values)
    _fill_merges(values, lost=not table.merges_resolved, fill=("row_no",) if columns.numbers_groups else ())
    extra_columns = [i for i in range(len(header)) if i not in columns.roles]
    out = []
    for row, cells, vals in zip(body, cell_rows, values):
        out.append(_indicator(vals, row, cells, columns, extra_columns, header, doc, doc_id, attachment, title,
                              table_index))
    _ordinals_are_items(out)
    _mark_continuations(out, [bool(v.get(CONTINUES)) for v in values])
    _points_of_merged_names(out)
    return out


def _ordinals_are_items(rows: list[IndicatorRow]) -> None:
    """Rows numbered `一` `二` … head groups only where items stand under them: a table numbering every row so holds
    items (`一 | 乡镇企业营业收入 | 6分`)."""
    counted = [r for r in rows if r.row_kind != "total"]
    first = next((k for k, r in enumerate(counted) if r.row_kind == "group"), None)
    # every row from the first numbered one on is numbered so (a row above it is one whose number a scan lost)
    if first is None or len(rows) < 2 or any(r.row_kind != "group" for r in counted[first:]):
        return
    for row in counted[first:]:
        row.row_kind = "item"


def _points_of_merged_names(rows: list[IndicatorRow]) -> None:
    """A name carrying its points (`1.耕地保护(7分)`) merged over several standard sub-rows scores them together:
    no one row weighs the whole, so the rows get no weight from the name (a weight column still counts)."""
    for key, run in groupby(rows, key=lambda r: (r.indicator, r.weight_raw)):
        run = list(run)
        if len(run) >= 2 and key[0] and key[1] is None and any(r.criteria for r in run):
            for row in run:
                row.weight = None


def _with_subheader(table: Table, header_at: int) -> tuple[list[str], int]:
    """A second header row under cells that span columns (`考核指标` over `一级指标 | 二级指标`):
    each column takes the lower row's word where it has one."""
    header = list(table.rows[header_at].cells)
    if header_at + 1 >= len(table.rows):
        return header, header_at + 1
    below = table.rows[header_at + 1].cells
    words = [c for c in below if no_space(c)]
    if (not words or not all(header_role(c) and not _group_heading(c) for c in words)
            or [no_space(c) for c in below] == [no_space(c) for c in header]):
        return header, header_at + 1
    for index, cell in enumerate(below[:len(header)]):
        if no_space(cell):
            header[index] = cell
    return header, header_at + 2


def _group_heading(cell: str) -> bool:
    """A group's heading (`一、工作推进情况(25分)`: its ordinal, or its points), not a column's word that happens to hold
    one (`推进情况`)."""
    text = no_space(cell)
    return GROUP_HEADING.match(text) is not None or points_at_end(text) is not None


def _without_subheaders(rows: list[TableRow]) -> list[TableRow]:
    """Rows less a block's own header (`加 分 项 目 | 加分标准和依据` over the bonus rules: header words only); a group
    cell that starts on that row (merged down the block) goes to the row below it."""
    out: list[TableRow] = []
    carried = ""
    for row in rows:
        cells = list(row.cells)
        if carried and cells and not no_space(cells[0]):
            cells[0], carried = carried, ""
            row = replace(row, cells=cells)
        words = [c for c in cells[1:] if no_space(c)]
        if len(words) >= MIN_HEADER_FIELDS and all(len(no_space(c)) <= MAX_SUBHEADER and header_role(c) for c in words):
            carried = cells[0] if no_space(cells[0]) and not header_role(cells[0]) else ""
            continue
        out.append(row)
    return out


def _spans_shifted(cells: list[str], columns: Columns) -> list[str]:
    """A cell spanning the weight column and the next (`加分项` rules written across 分值 and
    评分细则) stands in the weight's position with an empty cell after it: its text goes right."""
    index = columns.index("weight")
    if index is not None and spans_right(cells, index):
        cells[index], cells[index + 1] = "", cells[index]
    return cells


def _fill_merges(rows: list[dict[str, str]], lost: bool, fill: tuple[str, ...] = ()) -> None:
    """What merged cells would have given. A row without 序号 and name continues the row above (unless it opens a
    group, a category of its own) and a grouping column fills down in any table (a converted .docx may hold the merge
    as blank cells); names and responsibilities fill down only where merges are known to be lost (text)."""
    carried: dict[str, str] = {}
    party: dict[str, str] = {}
    grouped = lost and any(GROUP_ROW_NO.match(no_space(r.get("row_no", ""))) for r in rows)
    previous: dict[str, str] | None = None
    for row in rows:
        kind = _kind_of(row)
        opens = any(not _blank(row, f) and no_space(row[f]) != no_space(carried.get(f, "")) for f in GROUPING_FIELDS)
        if previous is None or kind != "item" or opens:
            pass
        elif _blank(row, "row_no") and _blank(row, "indicator"):
            for field in IDENTITY_FIELDS + PARTY_FIELDS:  # a row continuing the one above
                if field in row and _blank(row, field):
                    row[field] = previous.get(field, "")
            row[CONTINUES] = "1"
        elif lost and _kind_of(previous) == "item" and _blank(row, "indicator"):
            row["indicator"] = previous.get("indicator", "")  # a name merged down its group
        for field in GROUPING_FIELDS + fill:
            if field in row:
                row[field] = row[field] or carried.get(field, "")
                carried[field] = row[field]
        if grouped:
            for field in PARTY_FIELDS:
                if field not in row:
                    continue
                if kind == "total":
                    party[field] = ""
                elif kind == "group" or not _blank(row, field):
                    party[field] = row[field]
                else:
                    row[field] = party.get(field, "")
        previous = row


def _heading_rows(rows: list[dict[str, str]]) -> None:
    """In a table with no 序号 and no category column, a row whose name is a group heading and whose other cells are
    empty (`一、加快发展现代农业`) heads the rows under it: a group row, its name their category."""
    if any(field in row for row in rows[:1] for field in ("row_no", "category")):
        return
    heading = None
    for row in rows:
        m = GROUP_HEADING.match(no_space(row.get("indicator", "")))
        if m and not any(no_space(v) for f, v in row.items() if f != "indicator"):
            heading = m.group(2)
            row["row_no"], row["indicator"] = m.group(1), heading
        if heading is not None:
            row["category"] = heading


def _blank(row: dict[str, str], field: str) -> bool:
    return not no_space(row.get(field, ""))


def _kind_of(values: dict[str, str]) -> str:
    return _row_kind(no_space(values.get("row_no", "")) or None,
                     {f: values.get(f) for f in ("indicator", "category")})


def _mark_continuations(rows: list[IndicatorRow], inherited: list[bool]) -> None:
    """A row that took its 序号 and name from the row above in text, or that shows the same 序号 and
    units (and name) as the row above (merged cells over sub-rows), is part of it: not a repeated 序号."""
    for index, row in enumerate(rows):
        prev = rows[index - 1] if index else None
        same = (prev is not None and bool(row.indicator) and (row.row_no, row.units) == (prev.row_no, prev.units)
                and (bool(row.units) or row.indicator == prev.indicator))
        row.continues = row.row_kind == "item" and bool(row.row_no) and (inherited[index] or bool(same))


def _indicator(values, row, cells, columns: Columns, extra_columns, header, doc, doc_id, attachment, title,
               table_index) -> IndicatorRow:
    text = {f: _join_wrapped(values.get(f, "")) or None for f in TEXT_FIELDS}
    if text["category"]:
        text["category"] = squeeze_cjk_spaces(text["category"])  # written vertically: `落\n实  工作`
    row_no = no_space(values.get("row_no", "")) or None
    weight_raw = no_space(values.get("weight", "")) or None
    weight_match = NUMBER.search(halfwidth(weight_raw or ""))
    weight = float(weight_match.group()) if weight_match else None
    kind = _row_kind(row_no, text)
    if kind == "group" and not text["indicator"] and text["category"]:
        text["indicator"] = text["category"]  # a group row names itself in the grouping column
    if weight is None and (kind == "group" or columns.weight_in_name) and text["indicator"]:
        weight = points_at_end(text["indicator"])  # `一、经济发展（40分）`, a name carrying its points
    extra = {no_space(header[i]) or f"column_{i + 1}": _join_wrapped(cells[i])
             for i in extra_columns if i < len(cells) and cells[i].strip()}
    at = columns.index("units")
    heads = at is not None and at < len(header) and also_role(header[at]) == "leaders"
    units, leaders = split_parties(values.get("units", ""), values.get("leaders", ""), heads)
    scoring = text["criteria"]  # or the column headed `考核内容及评分标准`
    if columns.criteria_in is not None and columns.criteria_in < len(cells):
        scoring = _join_wrapped(cells[columns.criteria_in]) or None
    unit_index = columns.index("units")
    return IndicatorRow(
        doc_id=doc_id, source_path=doc.source, attachment=attachment, table_title=title,
        table_index=table_index, row_no=row_no, row_kind=kind, category=text["category"],
        indicator=text["indicator"], weight=weight, weight_raw=weight_raw, status=text["status"],
        target=text["target"], criteria=text["criteria"], units=units, leaders=leaders,
        note=text["note"], extra=json.dumps(extra, ensure_ascii=False) if extra else None,
        page=row.prov.page, line=row.prov.line, from_ocr=row.prov.ocr,
        category_points=points_at_end(text["category"]) if text["category"] else None,
        unit_role=columns.role_words.get(unit_index) if unit_index is not None and units else None,
        co_units=split_units(values.get("co_units", "")), assessors=split_units(values.get("assessors", "")),
        criteria_points=criteria_points(scoring), criteria_items=_scored_items(scoring))


def _scored_items(criteria: str | None) -> list[dict]:
    items = criteria_items(criteria)
    if not any(points is not None for _, points in items):
        return []
    return [{"text": item, "points": points} for item, points in items]


def _row_kind(row_no: str | None, text: dict) -> str:
    words = {no_space(w) for w in table_vocab()["total_words"]}
    names = [no_space(v) for v in (row_no, text.get("indicator"), text.get("category")) if v]
    if any(n in words for n in names):
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
