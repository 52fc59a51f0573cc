"""A web table flattened into space-parted runs, one row a line, whose weight cells are a placeholder (`--`): a header
line of column words (a group heading `一、…` may open it, the first group's merged label `评优 前置 指标` may close it),
then rows `1 考核指标 -- 计分说明. 县环保局 市环保局`, each opening with its bare number. A merged group cell is written
at the end of the line before its rows (again, in the middle of a group, where the page's cell was tall); a row whose
number is merged over several indicators holds each as its own `name -- rule` pair (the same number, the same parties);
a line that opens without a number, holding parties or such a pair, goes on with the row above. Parties are the trailing names of bodies; with two party
columns (责任部门 / 认定部门) a run of names is parted where their first character changes (`县…` / `市…`). Strict:
a header with a 序号, a weight and a party column, numbered rows, and a placeholder weight in most of them."""
from __future__ import annotations

import regex

from parsers.extract.headers import looks_like_org
from parsers.readers.line_cells import cell_role, clean_cell
from schemas.blocks import Provenance, Table, TableRow

TOKEN_SPLIT = regex.compile(r"[ \u3000\u00a0\t]+")
GROUP_HEADING = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S")
BARE_INT = regex.compile(r"^\d{1,2}$")
PLACEHOLDER = frozenset({"--", "-", "—", "——", "/", "－－"})
PARTY_ROLES = ("units", "assessors", "co_units")
MIN_HEADER, MIN_ROWS = 4, 2
MAX_LABEL_CHARS, MIN_LABEL_TOKENS, MAX_LABEL_TOKENS, MAX_LABEL_PIECE = 10, 2, 4, 4
SENTENCE_END = regex.compile(r"[。.；;，,]")


def dash_rows_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """(text before the header on line ``i``, the table, "", the index after its last row), or None."""
    head = _header(TOKEN_SPLIT.split(lines[i].strip()))
    if head is None:
        return None
    lead, header, roles, label = head
    rows: list[list[str]] = []
    k, number = i + 1, 0
    current: list[str] | None = None  # the tokens of the row being read
    pending_label = label
    group = label
    while k < len(lines):
        tokens = TOKEN_SPLIT.split(lines[k].strip()) if lines[k].strip() else []
        if not tokens:
            k += 1
            continue
        if GROUP_HEADING.match(tokens[0]):
            break
        tokens, line_label = _label_off(tokens)
        if BARE_INT.match(tokens[0]) and int(tokens[0]) in (number + 1, 1):
            if current is not None:
                rows += _rows(number, current, roles, group)
            number, current, group = int(tokens[0]), tokens[1:], pending_label
        elif current is not None and _row_part(tokens):
            current += tokens
        else:  # text after the table (or no row under the header)
            break
        if line_label:
            pending_label = line_label
        k += 1
    if current is not None:
        rows += _rows(number, current, roles, group)
    numbered = {r[roles.index("row_no")] for r in rows}
    if len(rows) < MIN_ROWS or len(numbered) < MIN_ROWS or not _mostly_placeholders(lines[i + 1:k]):
        return None
    table_rows = [TableRow(header, Provenance(source, None, i + 1))]
    table_rows += [TableRow([clean_cell(c) for c in r], Provenance(source, None, i + 1)) for r in rows]
    return lead, Table(table_rows, table_rows[0].prov, merges_resolved=False), "", k


def _row_part(tokens: list[str]) -> bool:
    """A line going on with the row above holds its parties or a `name -- rule` pair of its own."""
    return any(t in PLACEHOLDER or looks_like_org(t) for t in tokens)


def _header(tokens: list[str]) -> tuple[str, list[str], list[str], str] | None:
    """(a group heading before it, the header words, their roles, a group label after them) or None."""
    start = 1 if tokens and GROUP_HEADING.match(tokens[0]) else 0
    end = start
    while end < len(tokens) and cell_role(tokens[end]) is not None:
        end += 1
    words, rest = tokens[start:end], tokens[end:]
    roles = [cell_role(w) for w in words]
    if (len(words) < MIN_HEADER or "row_no" not in roles or "weight" not in roles
            or not set(PARTY_ROLES) & set(roles) or len(set(roles)) < len(roles)):
        return None
    label = _label(rest)
    if rest and label is None:
        return None
    return " ".join(tokens[:start]), words, [r or "" for r in roles], label or ""


def _label(tokens: list[str]) -> str | None:
    """A tall, narrow merged group cell's lines written apart (`评优 前置 指标`): two to four short pieces, no sentence
    in them, no body's name."""
    text = "".join(tokens)
    if (not MIN_LABEL_TOKENS <= len(tokens) <= MAX_LABEL_TOKENS or len(text) > MAX_LABEL_CHARS
            or any(len(t) > MAX_LABEL_PIECE for t in tokens) or SENTENCE_END.search(text)
            or any(looks_like_org(t) or BARE_INT.match(t) for t in tokens)):
        return None
    return text


def _label_off(tokens: list[str]) -> tuple[list[str], str]:
    """The line's tokens without a group label closing it after the row's parties (the label, "" where none)."""
    last_org = max((p for p, t in enumerate(tokens) if looks_like_org(t)), default=-1)
    if 0 <= last_org < len(tokens) - 1:
        label = _label(tokens[last_org + 1:])
        if label is not None:
            return tokens[:last_org + 1], label
    for n in range(min(MAX_LABEL_TOKENS, len(tokens) - 2 - last_org), MIN_LABEL_TOKENS - 1, -1):  # `…计分说明. 评优 前置 指标`
        label = _label(tokens[-n:])
        if label is not None and SENTENCE_END.search(tokens[-n - 1][-1:]):
            return tokens[:-n], label
    return tokens, ""


def _rows(number: int, tokens: list[str], roles: list[str], group: str) -> list[list[str]]:
    """One row per `name -- rule` pair in the row's tokens, each with the row's number and parties."""
    parties = [t for t in tokens if looks_like_org(t)]
    body = [t for t in tokens if not looks_like_org(t)]
    pairs = _pairs(body)
    out = []
    for name, weight, rule in pairs:
        cells = {"row_no": str(number), "weight": weight, "note": rule, "criteria": rule}
        out.append(_cells(roles, group, name, cells, parties))
    return out


def _pairs(body: list[str]) -> list[tuple[str, str, str]]:
    """(name, weight, rule) pairs: each placeholder closes a name (all before the first; one token before a later one)."""
    marks = [p for p, t in enumerate(body) if t in PLACEHOLDER]
    if not marks:
        return [(body[0], "", "".join(body[1:]))] if body else []
    pairs = []
    for n, p in enumerate(marks):
        start = 0 if n == 0 else p - 1
        end = marks[n + 1] - 1 if n + 1 < len(marks) else len(body)
        pairs.append(("".join(body[start:p]), body[p], "".join(body[p + 1:end])))
    return pairs


def _cells(roles: list[str], group: str, name: str, cells: dict, parties: list[str]) -> list[str]:
    party_cols = [p for p, r in enumerate(roles) if r in PARTY_ROLES]
    split = _parted(parties, len(party_cols))
    row = []
    for p, role in enumerate(roles):
        if p in party_cols:
            row.append("、".join(split[party_cols.index(p)]))
        elif role == "row_no":
            row.append(cells["row_no"])
        elif role == "weight":
            row.append("" if cells["weight"] in PLACEHOLDER else cells["weight"])
        elif role in ("note", "criteria"):
            row.append(cells[role])
        elif role in ("indicator", "category") and p == 0:  # the merged group column, left of the 序号
            row.append(group)
        else:
            row.append(name)
    return row


def _parted(names: list[str], columns: int) -> list[list[str]]:
    """Names over ``columns`` party columns: two columns part where the names' first character changes once, else
    in halves; one column takes them all."""
    if columns < 2 or len(names) < 2:
        return [names] + [[] for _ in range(columns - 1)]
    changes = [p for p in range(1, len(names)) if names[p][0] != names[p - 1][0]]
    cut = changes[0] if len(changes) == 1 else (len(names) // 2 if len(names) % 2 == 0 else len(names))
    return [names[:cut], names[cut:]] + [[] for _ in range(columns - 2)]


def _mostly_placeholders(lines: list[str]) -> bool:
    """Most of the rows' lines (those opening with their number) hold a placeholder weight."""
    rows = [TOKEN_SPLIT.split(x.strip()) for x in lines if x.strip()]
    rows = [r for r in rows if BARE_INT.match(r[0])]
    return sum(1 for r in rows if PLACEHOLDER & set(r)) * 2 > len(rows)
