"""A 绩效自评表 a site flattened into one run with single spaces between cells (``spaced_tables``): `一级指标 二级指标
三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标 基建项目数量 ≥50个 50 8 8 质量指标
报告合格率 ≥100% 100 8 8 …`. The merged levels are written once, in the first row under them, so a row is as many
cells as it has: it ends with its points and score (the last two of a run of bare numbers), and its cells stand right
of the levels it leaves unwritten. Strict: every row closes so and leaves only levels unwritten, else the run ends."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.headers import table_vocab
from parsers.readers.line_cells import cell_role, clean_cell
from parsers.readers.row_placement import level_name
from schemas.blocks import Provenance, Table, TableRow

TOKEN_SPLIT = regex.compile(r"[ \u3000\u00a0\t]+")
BARE_POINTS = regex.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
LEVEL_ROLES = ("category", "indicator")
AFTER_WEIGHT = ("form", "other", "note")  # columns right of the points: the score, the reasons for a shortfall
MIN_LEVELS, MIN_ROWS = 2, 2


def spaced_form_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """(text before the table on line ``i``, the table, the text after it, the index after line ``i``); None where
    line ``i`` holds no such run."""
    if not any(e in lines[i] for e in _level_endings()):
        return None  # most lines: no level named, no header of levels looked for token by token
    tokens = TOKEN_SPLIT.split(lines[i].strip())
    found = _header_at(tokens)
    if found is None:
        return None
    start, end = found
    header = tokens[start:end]
    roles = [cell_role(t) for t in header]
    rows, used = _rows(tokens[end:], roles)
    if len(rows) < MIN_ROWS:
        return None
    prov = Provenance(source, None, i + 1)
    table = [TableRow(header, prov)] + [TableRow([clean_cell(c) for c in r], prov) for r in rows]
    tail = " ".join(tokens[end + used:])
    return " ".join(tokens[:start]), Table(table, prov, merges_resolved=False), tail, i + 1


@lru_cache(maxsize=1)
def _level_endings() -> tuple[str, ...]:
    """The endings of a level's name as a page may write them, simplified or traditional (`指标`, `指標`)."""
    chars = load_json("traditional_chars.json")
    traditional = dict(zip(chars["simplified"], chars["traditional"]))
    endings = table_vocab().get("level_name_endings", [])
    return tuple(endings) + tuple("".join(traditional.get(c, c) for c in e) for e in endings)


def _header_at(tokens: list[str]) -> tuple[int, int] | None:
    """(start, end) of a header opening with two levels (`一级指标 二级指标`) and holding one weight, closed after the
    weight by the form's own columns (`得分`, `偏差原因分析及改进措施`): the next token (a level's name) is the first row's."""
    for p in range(len(tokens) - 1):
        if cell_role(tokens[p]) != "category" or cell_role(tokens[p + 1]) not in LEVEL_ROLES:
            continue
        roles, q = [], p
        while q < len(tokens) and (role := cell_role(tokens[q])) is not None:
            if "weight" in roles and role not in AFTER_WEIGHT:
                break
            roles.append(role)
            q += 1
        levels = next((n for n, r in enumerate(roles) if r not in LEVEL_ROLES), len(roles))
        if roles.count("weight") == 1 and levels >= MIN_LEVELS:
            return p, q
    return None


def _rows(tokens: list[str], roles: list[str | None]) -> tuple[list[list[str]], int]:
    """The rows read from ``tokens`` (each its cells under the header) and how many tokens they took."""
    width, weight = len(roles), roles.index("weight")
    levels = next(n for n, r in enumerate(roles) if r not in LEVEL_ROLES)
    closing = weight + 1 + (weight + 1 < width and roles[weight + 1] == "form")  # the points, and the score
    rows: list[list[str]] = []
    j = 0
    while j < len(tokens):
        end = _row_end(tokens, j, closing - weight)
        if end is None:
            break
        cells = tokens[j:end]
        while len(cells) > closing and level_name(cells[0]):
            cells = cells[1:]  # a level with no indicator under it (`经济效益指标` and nothing else)
        merged = closing - len(cells)
        if not 0 <= merged < levels or (merged and not rows):
            break
        rows.append([""] * merged + cells + [""] * (width - closing))
        j = end
    return rows, j


def _row_end(tokens: list[str], j: int, closing: int) -> int | None:
    """The index after the row starting at ``j``: after the last of a run of bare numbers at least ``closing`` long
    (its points, then its score), the next token text or the end."""
    k = j
    while k < len(tokens):
        if BARE_POINTS.match(tokens[k]):
            run = k
            while run < len(tokens) and BARE_POINTS.match(tokens[run]):
                run += 1
            if run - k >= closing:
                return run
            k = run
        else:
            k += 1
    return None
