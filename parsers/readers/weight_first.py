"""Rows of a one-cell-per-line table whose weight column stands left of the row's text (`项目 | 单项分数 | 考核内容`):
each row is its weight, then its text. Split from ``weighted_lines``."""
from __future__ import annotations

from functools import lru_cache

from parsers.extract.headers import table_vocab
from parsers.readers.line_cells import (
    BRACKETED_WEIGHT,
    GROUP_STOPS,
    HAN,
    MAX_GROUP_CELL,
    MIN_ROWS,
    WEIGHT_LINE,
    clean_cell,
)
from parsers.readers.weighted_lines import _group_line
from parsers.textnorm import no_space
from schemas.blocks import Provenance, TableRow

MAX_GROUP_LINES = 3  # lines of a group's cell written down (`信息发布` / `与采用` / `(37分)`)


def weight_first_rows(body: list[tuple[int, str]], header: list[str], roles: list[str | None],
                      source: str) -> tuple[list[TableRow], int] | None:
    """项目 | 单项分数 | 考核内容 | 得分: the weight column left of the row's own text, one group column left of it.
    Each row is its weight, then its text on the line after (`3` / `及时发布…。`); a group's merged cell, written
    once where the group starts (`信息发布` / `与采用` / `(37分)`), stands before its first row's weight. A group
    whose weight cell is a cap (`最高` / `10分`: a 加分项's) has rows with no weight of their own, one text line each.
    None unless the header has that shape and two rows or more have it, their text a sentence (a row's name, short,
    after a weight is the name-first layout's next row)."""
    if "row_no" in roles or "weight" not in roles or roles.index("weight") != 1 \
            or len(roles) < 3 or roles[2] not in ("target", "indicator"):
        return None
    first = next((k for k, (_, t) in enumerate(body) if WEIGHT_LINE.match(t)), None)
    if not first or first > MAX_GROUP_LINES or not all(_group_piece(t) for _, t in body[:first]):
        return None
    rows: list[list[str]] = []
    provs: list[int] = []
    pending, group, capped, end, k = [t for _, t in body[:first]], "", False, None, first
    while k < len(body):
        text = body[k][1]
        if WEIGHT_LINE.match(text) and k + 1 < len(body) and _sentence(body[k + 1][1]):
            if pending:
                capped = no_space(pending[-1]) in _cap_words()
                group, pending = "\n".join(pending[:-1] if capped else pending), []
            rows.append([group, "" if capped else text, body[k + 1][1]])
            provs.append(body[k][0] + 1)
            end, k = body[k + 1][0], k + 2
        elif capped and not pending and _sentence(text):
            rows.append([group, "", text])  # a row under the cap: its rule alone
            provs.append(body[k][0] + 1)
            end, k = body[k][0], k + 1
        elif _group_piece(text) and len(pending) < MAX_GROUP_LINES and not _sentence(text):
            pending.append(text)  # the next group's cell, before its first row's weight
            k += 1
        else:
            break
    if sum(1 for r in rows if r[1]) < MIN_ROWS or end is None:
        return None
    width = len(header)
    return [TableRow([clean_cell(c) for c in r + [""] * (width - 3)], Provenance(source, None, p))
            for r, p in zip(rows, provs)], end


def _group_piece(text: str) -> bool:
    """A line of a group's merged cell: its name's piece, its bracketed points, or a cap word."""
    return _group_line(text) or BRACKETED_WEIGHT.match(text) is not None or no_space(text) in _cap_words()


def _sentence(text: str) -> bool:
    """A row's text: longer than a group's cell, or a clause (numbers, punctuation)."""
    text = no_space(text)
    return len(text) > MAX_GROUP_CELL or (bool(HAN.search(text)) and GROUP_STOPS.search(text) is not None
                                          and not WEIGHT_LINE.match(text) and not BRACKETED_WEIGHT.match(text))


@lru_cache(maxsize=1)
def _cap_words() -> frozenset[str]:
    return frozenset(table_vocab().get("cap_words", ()))

