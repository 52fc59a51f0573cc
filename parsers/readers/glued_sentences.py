"""Rows of a glued run (``glued_tables``) whose number stands bare before the row's content and whose points are glued
to the first part of its rules: `…统一考核1年初根据…达到100%。41、 无工作计划的不得分…` is group `(一)…统一考核`,
row 1, its content up to `。`, 4 points, rules from `1、` on (a .doc's form copied as text: `项目序号责任内容标准分考核
标准…`). A group heading (`(二)强化…`) stands between a row's rules and the next row's number. Strict: numbers 1, 2, 3 …
in turn, not after a digit; a content of Chinese text closed by `。` holding no rule part (`2、`); points of one or two
digits followed by `1、`."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.readers.line_cells import cell_role

MIN_ROWS = 2
MAX_POINTS = 100
# a group's heading: `(二)` or `二、` at its start
GROUP_HEAD = regex.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、")
RULE_PART = regex.compile(r"\d{1,2}、")  # a part of a row's rules (`2、 无会议记录…`)
NAMES = ("indicator", "target")


@lru_cache(maxsize=64)
def _row(number: int) -> regex.Pattern:
    """Row ``number``: the number (not after a digit), its content closed by `。` without a rule part, its points
    glued to its rules' first part (`…具体。41、`); a content holding `。` and the number before Chinese text starts
    there (`…扣2分。2领导班子…`: the rules' last sentence, then row 2)."""
    return regex.compile(rf"(?<!\d){number}(?P<content>\p{{Han}}(?:(?!\d{{1,2}}、|。{number}\p{{Han}}).)*?。)"
                         r"(?P<pts>\d{1,2}(?:\.\d)?)(?=1、)", regex.S)


def sentence_rows(line: str, at: int, header: list[str]) -> tuple[list[list[str]], int]:
    """The rows read from ``at`` on, each as wide as ``header`` (the group under a name column left of the 序号, the
    content under the first name column right of it), and where the first one starts; none where fewer than
    MIN_ROWS are found or the header has no 序号 or weight."""
    roles = [cell_role(c) for c in header]
    if "row_no" not in roles or "weight" not in roles:
        return [], at
    found, pos = [], at
    while (m := _row(len(found) + 1).search(line, pos)) and float(m["pts"]) <= MAX_POINTS:
        found.append(m)
        pos = m.end()
    if len(found) < MIN_ROWS:
        return [], at
    group = _heading(line[at:found[0].start()])
    first = found[0].start() - len(group) if group else found[0].start()
    rows = []
    for n, m in enumerate(found):
        tail = line[m.end():found[n + 1].start() if n + 1 < len(found) else len(line)]
        rules, next_group = _rules_and_group(tail)
        rows.append(_cells(roles, {"group": group, "row_no": str(n + 1), "content": m["content"],
                                   "weight": m["pts"], "criteria": rules}))
        group = next_group or group
    return rows, first


def _heading(text: str) -> str:
    """The group heading closing ``text`` (`(一)落实…统一考核` before row 1), or ""."""
    m = next((m for m in GROUP_HEAD.finditer(text) if not RULE_PART.search(text, m.end())), None)
    return text[m.start():] if m else ""


def _rules_and_group(tail: str) -> tuple[str, str]:
    """A row's rules and the next group's heading after them (`…扣1分。(二)强化…能力。`), if any: the first heading
    with no rule part after it (a name may hold `统一、`)."""
    for m in GROUP_HEAD.finditer(tail):
        if m.start() and not RULE_PART.search(tail, m.end()):
            return tail[:m.start()].strip(), tail[m.start():].strip()
    return tail.strip(), ""


def _cells(roles: list[str | None], values: dict[str, str]) -> list[str]:
    number = roles.index("row_no")
    content = next((c for c in range(number + 1, len(roles)) if roles[c] in NAMES), None)
    cells, placed = [], set()
    for c, role in enumerate(roles):
        if c < number and role in ("category", *NAMES):
            cells.append(values["group"])
        elif c == content:
            cells.append(values["content"])
        elif role in ("row_no", "weight", "criteria") and role not in placed:
            cells.append(values[role])
            placed.add(role)
        else:
            cells.append("")
    return cells
