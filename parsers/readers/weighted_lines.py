"""Rows of a one-cell-per-line table found by their weight lines (a line holding only a number): the line before a
weight is the cell left of it, a row number (where the table has a 序号) starts the row, and what lies between one
weight and the next row belongs to the cells right of the weight. Split from ``line_tables``."""
from __future__ import annotations

import regex

from parsers.extract.headers import looks_like_org, looks_like_person
from parsers.readers.line_cells import (
    BRACKETED_POINTS,
    BRACKETED_WEIGHT,
    GROUP_STOPS,
    HAN,
    MAX_GROUP_CELL,
    MAX_ROW_LINES,
    MIN_ROWS,
    PARTY_ROLES,
    ROW_NUMBER_LINE,
    WEIGHT_LINE,
    clean_cell,
)
from parsers.readers.merged_rows import fill_right, merged_number_rows
from parsers.textnorm import no_space
from schemas.blocks import Provenance, TableRow

ROW_CODE = regex.compile(r"^\s*[A-Za-z]{1,2}\d{1,3}\s*$")  # a row's code: `E1`, `F11`

GROUP_ORDINAL = regex.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*\S")
MIN_SPREAD = 3  # columns between a row's number and its cell left of the weight, each written on a line of its own
POINTED_GROUP = regex.compile(r"^[^\d（()）]{2,10}[（(]\d{1,3}(?:\.\d+)?分[）)]$")  # a group with its points: `经费落实(20分)`
LOST_OPENING = regex.compile(r"^\s*(\d{1,3}(?:\.\d+)?\s*分)\s*[)）]\s*$")  # `20分)`: a group's points, its `(` lost


def by_weights(body, width: int, roles: list[str | None], source: str) -> tuple[list[TableRow], int] | None:
    """Rows found by their weight lines. A header cell over the name may span a group column left of it (`项 目` over
    `宏观调控` / `地区生产总值增长率`): the first row then has a line before its name, and the rows get that column
    (its header cell empty: the header's first cell spans both)."""
    weight = roles.index("weight")
    row_no = 0 if roles[0] == "row_no" else None
    if weight == 0 or (row_no is not None and weight == 1):
        return None  # a weight needs the row's name to its left
    if row_no is not None and (merged := merged_number_rows(body, width, weight, source)) is not None:
        return merged  # rows under a merged 序号 write no number: anchored by number, a weight became one
    body = vertical_groups(body)
    if row_no is None and (spanned := spanned_number_rows(body, width, weight, source)) is not None:
        return spanned
    anchors = _anchors(body, weight, row_no)
    if len(anchors) < MIN_ROWS:
        return None
    names_last = roles[-1] in PARTY_ROLES  # the last cell holds names: a group's name there is no such name
    # a row's code right of the weight (`编码`: `E1`), its cells after it left empty (a form's)
    code = next((c for c in range(weight + 1, len(roles)) if roles[c] == "row_no"), None)
    if weight == 1 and row_no is None and anchors[0] >= 2 and _group_cell(body[anchors[0] - 2][1]) or (
            row_no is None and weight > 1 and anchors[0] == weight + 1 and all(_group_line(t) for _, t in body[:weight])):
        # `宏观调控` / name, `个性 工作 (70)` / `政策保障 工 作` / name: a line more before the first name than columns
        # left of it
        return weighted_rows(body, anchors, width + 1, weight + 1, row_no, source, names_last, code and code + 1)
    return weighted_rows(body, anchors, width, weight, row_no, source, names_last, code)


def _group_line(text: str) -> bool:
    """A group's cell, perhaps with its points (`基础 工作 (30)`)."""
    return _group_cell(BRACKETED_POINTS.sub("", text))


def _group_cell(text: str) -> bool:
    """A short line that may be a group's merged cell, written once where its group starts: a few characters of
    text, no sentence, number, unit's or person's name (a wrapped cell's last line is often one of those)."""
    text = no_space(text)
    return (0 < len(text) <= MAX_GROUP_CELL and bool(HAN.search(text)) and not GROUP_STOPS.search(text)
            and not looks_like_org(text) and not looks_like_person(text))


def _anchors(body: list[tuple[int, str]], weight: int, row_no: int | None) -> list[int]:
    """Positions in ``body`` of the rows' weight cells."""
    anchors: list[int] = []
    last = -1
    for k, (_, text) in enumerate(body):
        if not WEIGHT_LINE.match(text) or k == 0 or WEIGHT_LINE.match(body[k - 1][1]):
            continue
        if k - last > MAX_ROW_LINES:
            break
        if row_no is not None and not any(ROW_NUMBER_LINE.match(body[j][1])
                                          for j in range(max(last + 1, k - weight), k)):
            continue  # a number inside the cells right of a weight, not a row's weight
        anchors.append(k)
        last = k
    return anchors


def weighted_rows(body, anchors: list[int], width: int, weight: int, row_no: int | None,
          source: str, names_last: bool = False, code: int | None = None) -> tuple[list[TableRow], int]:
    if code is not None:
        return coded_rows(body, anchors, width, weight, code, source)
    after = width - weight - 1
    rows: list[list[str]] = []
    provs: list[int] = []
    start, group = 0, None  # the group column, where the first row has a cell left of its name
    seen = 0  # the most lines a row above had right of its weight
    for n, k in enumerate(anchors):
        cells = [""] * width
        between = [t for _, t in body[start:k]]
        cells[weight - 1] = between.pop()
        if n and group is None and _name_starts_above(body, start, k):  # `环境建设` / `设备配置`: one name, two lines
            cells[weight - 1] = between.pop() + "\n" + cells[weight - 1]
        if row_no is not None:
            at = max((j for j, t in enumerate(between) if ROW_NUMBER_LINE.match(t)), default=None)
            if at is not None:
                cells[row_no] = between[at]
                middle, between = between[at + 1:], between[:at]
                slots = weight - row_no - 2  # the columns between the number and the cell left of the weight
                if slots >= MIN_SPREAD and len(middle) in (slots, slots - 1):
                    cells[weight - 1 - len(middle):weight - 1] = middle  # one a cell; a merged one (left) unwritten
                elif middle and weight - 2 > row_no:
                    cells[row_no + 1] = "\n".join(middle)
                elif middle:
                    between += middle
        if n == 0:
            if between:  # the first row's merged group cell, over several lines, its cells between it and the name
                group = 0 if row_no is None else row_no + 1
                for c in range(weight - 2, group, -1):
                    if len(between) > 1 and not LOST_OPENING.match(between[-1]):
                        cells[c] = between.pop()
                heads = [j for j, t in enumerate(between) if GROUP_ORDINAL.match(t)]
                between = between[heads[-1]:] if heads else between  # header words spilled above its heading
                cells[group] = "\n".join(LOST_OPENING.sub(r"(\1)", t) for t in between)
        else:
            if group is not None and (tail := _pointed_group_tail(rows[0][group], between)):
                # the next group's cell with its points under its name (`生产管理` / `(20分)`), or after it on its
                # line (`经费落实(20分)`), as the first group's was: after the row above's own cells, however few of
                # them the page wrote
                cells[group], between = "\n".join(between[-tail:]), between[:-tail]
            elif k - start == 2 and (group is None or POINTED_GROUP.match(no_space(rows[0][group]))) \
                    and _spaced_name_head(body, start, k):
                cells[weight - 1] = between.pop() + "\n" + cells[weight - 1]  # `质控合格:` / `市级盐样…`: one name
            if group is not None and between and _group_cell(between[-1]) and (
                    len(between) == after + 1 or len(between) == after and names_last):
                cells[group] = between.pop()  # the next group's cell, after the last row's own cells
            own = len(between) - after  # lines beyond the row above's cells right of its weight: this row's own
            for c in range(weight - 2, group if group is not None else -1, -1):
                if own > 0 and c != row_no and not no_space(cells[c]):
                    cells[c], own = between.pop(), own - 1
            lines = between[after:]  # then, before them, the next group's cell: its name, its points (`20分)`)
            if group is not None and lines and _group_cell(lines[0]) and all(
                    LOST_OPENING.match(t) or BRACKETED_POINTS.fullmatch(no_space(t)) for t in lines[1:]):
                cells[group], between = "\n".join(LOST_OPENING.sub(r"(\1)", t) for t in lines), between[:after]
            fill_right(rows[-1], between, weight)
            seen = max(seen, len(between))
        cells[weight] = body[k][1]
        rows.append(cells)
        provs.append(body[start][0] + 1)
        start = k + 1
    # the last row's cells: as many lines as a row above had at most (a page's links after the table are none of them)
    tail = [t for _, t in body[start:start + max(min(after, seen or after), 1)]] if after else []
    fill_right(rows[-1], tail, weight)
    end = body[start + len(tail) - 1][0] if tail else body[anchors[-1]][0]
    return [TableRow([clean_cell(c) for c in r], Provenance(source, None, p)) for r, p in zip(rows, provs)], end


def _pointed_group_tail(first_group: str, between: list[str]) -> int:
    """2 when ``between`` ends in a group's name over its bracketed points (`生产管理` / `(20分)`) and the table's first
    group was written so too; 1 when it ends in a group's name with its points on its line (`经费落实(20分)`), as the
    first group's (`领导重视(20分)`); else 0."""
    if "\n" not in first_group and POINTED_GROUP.match(no_space(first_group)):
        return 1 if between and POINTED_GROUP.match(no_space(between[-1])) else 0
    lines = first_group.split("\n")
    if len(lines) != 2 or not BRACKETED_POINTS.fullmatch(no_space(lines[1])) or len(between) < 2:
        return 0
    return 2 if _group_cell(between[-2]) and BRACKETED_POINTS.fullmatch(no_space(between[-1])) else 0


def _spaced_name_head(body: list[tuple[int, str]], start: int, k: int) -> bool:
    """Whether the one line between a row's weight above and its name is the name's first line (`质控合格:` /
    `市级盐样…`): a page that writes a row's empty cells as lines of a space leaves them between rows, so the line
    stands at the name's own distance from it and far from the weight above, with nothing of the row above between.
    A group's cell with its points is none."""
    if start < 1:
        return False
    above, (first, head), (name, _), (weight, _) = body[start - 1][0], body[k - 2], body[k - 1], body[k]
    text = no_space(head)
    return (name - first == weight - name and first - above > 2 * (name - first) and not POINTED_GROUP.match(text)
            and not BRACKETED_WEIGHT.match(text) and not WEIGHT_LINE.match(text))


def _name_starts_above(body: list[tuple[int, str]], start: int, k: int) -> bool:
    """Whether the line above a row's name is its name's first line: both short names, no sentence, standing closer
    together than that line to the one above it (a page that writes a row's empty cells as lines of a space leaves
    more lines between two rows than between a cell's two lines)."""
    if k - start < 3:
        return False
    (above, _), (first, head), (name, tail) = body[k - 3], body[k - 2], body[k - 1]
    return _group_cell(head) and _group_cell(tail) and name - first < first - above


def weight_under_name_rows(body: list[tuple[int, str]], roles: list[str | None],
                           source: str) -> tuple[list[TableRow], int] | None:
    """序号 / 考评项目 / 考评内容 / 评分标准 / 得分 with no weight column: each row is its number, its name, its weight
    on the line under the name (`1` / `制度建设` / `(9分)`), then the cells right of the name. The weight stays in the
    name's cell (`制度建设(9分)`). None unless two or more rows, numbered 1, 2, 3 …, have that shape."""
    if "row_no" not in roles or roles.index("row_no") + 1 >= len(roles):
        return None
    row_no = roles.index("row_no")
    name = row_no + 1
    right = [c for c in range(name + 1, len(roles)) if roles[c] not in ("form", None)]
    starts = [k for k in range(len(body) - 2) if ROW_NUMBER_LINE.match(body[k][1])
              and not BRACKETED_WEIGHT.match(body[k + 1][1]) and not WEIGHT_LINE.match(body[k + 1][1])
              and BRACKETED_WEIGHT.match(body[k + 2][1])]
    anchors: list[int] = []
    for k in starts:
        expected = len(anchors) + 1
        if int(regex.sub(r"\D", "", body[k][1])) != expected or (anchors and k - anchors[-1] > MAX_ROW_LINES):
            break
        anchors.append(k)
    if len(anchors) < MIN_ROWS:
        return None
    rows, end = [], body[anchors[-1] + 2][0]
    for n, k in enumerate(anchors):
        cells = [""] * len(roles)
        cells[row_no] = body[k][1]
        cells[name] = body[k + 1][1] + body[k + 2][1].strip()
        stop = anchors[n + 1] if n + 1 < len(anchors) else min(len(body), k + 3 + max(len(right), 1))
        rest = [t for _, t in body[k + 3:stop]]
        if right and rest:
            if len(rest) <= len(right):
                for c, text in zip(right, rest):
                    cells[c] = text
            else:
                cells[right[0]] = "\n".join(rest)
        if n + 1 == len(anchors) and k + 3 < stop:
            end = body[stop - 1][0]
        rows.append(TableRow([clean_cell(c) for c in cells], Provenance(source, None, body[k][0] + 1)))
    return rows, end


def coded_rows(body, anchors: list[int], width: int, weight: int, code: int,
                source: str) -> tuple[list[TableRow], int]:
    """Rows whose code (`E1`, `F11`) stands right of the weight and ends the row's own cells (the form's after it
    are empty, not written): what follows the code up to the next name is the next row's merged group cells, one a
    line (`基础 工作 (30)` / `基础工作`: as many as the columns left of the name), or its nearest group's alone."""
    rows: list[list[str]] = []
    provs: list[int] = []
    lead: list[str] = [t for _, t in body[:anchors[0] - 1]]
    end = body[anchors[-1]][0]
    for n, k in enumerate(anchors):
        cells = [""] * width
        cells[weight - 1] = body[k - 1][1]
        if len(lead) == weight - 1:
            cells[:weight - 1] = lead
        elif lead:
            cells[weight - 2] = "\n".join(lead)
        cells[weight] = body[k][1]
        stop = anchors[n + 1] - 1 if n + 1 < len(anchors) else min(len(body), k + 1 + MAX_ROW_LINES)
        own = [t for _, t in body[k + 1:stop]]
        at = next((j for j, t in enumerate(own) if ROW_CODE.match(t)), None)
        if at is None:  # no code where one should be: plain rows
            return weighted_rows(body, anchors, width, weight, None, source)
        cells[code] = own[at]
        if own[:at]:
            cells[weight + 1] = "\n".join(own[:at])
        lead = own[at + 1:]
        end = body[k + 1 + at][0]
        rows.append(cells)
        provs.append(body[k - 1][0] + 1)
    return [TableRow([clean_cell(c) for c in r], Provenance(source, None, p)) for r, p in zip(rows, provs)], end


GROUP_TRAILING_POINTS = regex.compile(r"^[^\d]{2,10}\d{1,3}(?:\.\d+)?分$")  # a group and its points: `组织领导11分`
POINTS_ALONE = regex.compile(r"^\s*[（(]?\s*\d{1,3}(?:\.\d+)?\s*分\s*[)）]?\s*$")  # `11分`, `(11分)`
MIN_VERTICAL = 3  # characters of a group's name written one a line (`组` / `织` / `领` / `导`)


def vertical_groups(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A group's name written down a narrow column one character a line, its points under it (`组` / `织` / `领` /
    `导` / `11分`), joined into one line (`组织领导11分`): a weight needs a name before it, and a single character is
    none, so the points are the group's."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(body):
        run = k
        while run < len(body) and len(no_space(body[run][1])) == 1 and HAN.match(no_space(body[run][1])):
            run += 1
        if run - k >= MIN_VERTICAL and run < len(body) and POINTS_ALONE.match(body[run][1]):
            out.append((body[k][0], "".join(no_space(t) for _, t in body[k:run + 1])))
            k = run + 1
            continue
        out.append(body[k])
        k += 1
    return out


def spanned_number_rows(body: list[tuple[int, str]], width: int, weight: int,
                        source: str) -> tuple[list[TableRow], int] | None:
    """考核项目 | 考核内容 | 分值 | 评分标准 where the first header cell spans the group and the row's number: each row is
    its number, its name, its weight, then its cells right of the weight; a group's cell, with its points, written
    once before its first row (`组织领导11分` / `1` / name / `3` / rule). Rows numbered 1, 2, 3 …; one row is a table
    only where the page ends in the next row's number and a line cut before its weight (an excerpt's end). The rows
    get a column for the number (its header cell empty: the first spans both)."""
    if weight < 2 or len(body) < 4 or not _pointed_group(body[0][1]) or no_space(body[1][1]) not in ("1", "1.", "1、"):
        return None
    after = width - weight - 1
    rows: list[list[str]] = []
    provs: list[int] = []
    group, k, end = body[0][1], 1, None
    while k + 2 < len(body) and _row_start(body, k, len(rows) + 1):
        cells = [""] * (width + 1)
        cells[0], cells[1], cells[weight], cells[weight + 1] = group, body[k][1], body[k + 1][1], body[k + 2][1]
        own, k = [], k + 3
        while k < len(body) and len(own) < after and not _numbered(body[k][1], len(rows) + 2) \
                and not (_pointed_group(body[k][1]) and _row_start(body, k + 1, len(rows) + 2)):
            own.append(body[k][1])
            k += 1
        cells[weight + 2:weight + 2 + len(own)] = own
        rows.append(cells)
        provs.append(body[k - 1 - len(own) - 2][0] + 1)
        end = body[k - 1][0]
        if k < len(body) and _pointed_group(body[k][1]):
            group, k = body[k][1], k + 1
    cut = len(body) - k <= 2 and k < len(body) and _numbered(body[k][1], len(rows) + 1)
    if end is None or len(rows) < MIN_ROWS and not (rows and cut):
        return None
    return [TableRow([clean_cell(c) for c in r], Provenance(source, None, p)) for r, p in zip(rows, provs)], end


def _pointed_group(text: str) -> bool:
    text = no_space(text)
    return POINTED_GROUP.match(text) is not None or GROUP_TRAILING_POINTS.match(text) is not None


def _numbered(text: str, number: int) -> bool:
    return regex.sub(r"[.、．\s]", "", text) == str(number)


def _row_start(body: list[tuple[int, str]], k: int, number: int) -> bool:
    """Row ``number`` starts at ``k``: its number, its name, its weight."""
    return (k + 2 < len(body) and _numbered(body[k][1], number)
            and not WEIGHT_LINE.match(body[k + 1][1]) and WEIGHT_LINE.match(body[k + 2][1]) is not None)
