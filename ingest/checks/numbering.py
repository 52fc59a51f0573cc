"""Clause and row numbers: no gaps, no repeats, no steps back."""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ingest.checks.base import check, clause_scopes, finding
from parsers.textnorm import halfwidth
from schemas.findings import ERROR, WARNING, FindingKind
from schemas.records import Extraction, Finding


def restarts_per_section(ex: Extraction) -> bool:
    """Whether the notice numbers each section from 1 (else numbering runs on across sections):
    decided by what most multi-section units do."""
    votes: Counter = Counter()
    for clauses in clause_scopes(ex).values():
        for prev, t in zip(clauses, clauses[1:]):
            if t.section != prev.section and t.seq is not None and prev.seq is not None:
                votes["restart" if t.seq == 1 else "run_on"] += 1
    return votes["restart"] > votes["run_on"]


def runs_on_across_units(scopes: dict[str, list]) -> bool:
    """Whether the notice numbers on from one unit's block to the next (`一、`–`三、` under 第一章, `四、` under 第二章:
    the headings are a document's parts, not units numbered each from 1): decided by what most blocks do, so one
    block whose Word list was not restarted among blocks that restart is still a slip."""
    votes: Counter = Counter()
    last = None
    for scope, clauses in sorted(scopes.items(), key=lambda kv: _first_line(kv[1])):
        numbered = [t.seq for t in clauses if t.seq is not None and t.outline_key is None]
        if not numbered or not scope.endswith("#1"):
            continue
        if last is not None:
            votes["restart" if numbered[0] == 1 else "run_on" if numbered[0] == last + 1 else "other"] += 1
        last = numbered[-1]
    return votes["run_on"] > votes["restart"]


def _first_line(clauses: list) -> tuple[int, int]:
    t = clauses[0]
    return (t.page or 0, t.line or 0)


@check(FindingKind("numbering_gap", ERROR, "序号缺失", "序号跳号：应为{expected}，实为{actual}"),
       FindingKind("numbering_duplicate", ERROR, "序号重复", "序号{actual}重复出现"),
       FindingKind("numbering_order", ERROR, "序号顺序错误", "序号倒序：应为{expected}，实为{actual}"))
def check_clause_numbering(ex: Extraction) -> Iterator[Finding]:
    yield from _outline_numbering(ex)
    restart = restarts_per_section(ex)
    scopes = clause_scopes(ex)
    run_on = runs_on_across_units(scopes)
    last = None  # the last number of the block before (numbering run on across blocks)
    for scope, clauses in sorted(scopes.items(), key=lambda kv: _first_line(kv[1])):
        clauses = [t for t in clauses if t.outline_key is None]
        # A pasted copy of a unit's block (its own finding, duplicate_unit) is numbered as Word numbered
        # the paste, on from the list it was copied from: its first number is no second slip.
        copy = not scope.endswith("#1")
        seen: set[int] = set()
        prev, after_slip = None, None  # after a number written twice, the list goes on from where it should stand
        for t in clauses:
            if t.seq is None:
                continue
            if prev is None and copy:
                seen.add(t.seq)
                prev = t
                continue
            new_section = prev is not None and t.section != prev.section
            if new_section and restart:
                seen.clear()
            if prev is None:
                expected = last + 1 if run_on and last is not None and not copy else 1
            else:
                expected = 1 if new_section and restart else prev.seq + 1
            if after_slip is not None and not new_section and t.seq == after_slip:
                expected = after_slip  # `1、2、2、4`: one slip (the second 2 was meant as 3), not a gap at 4 too
            after_slip = None
            if t.seq in seen:
                yield _at(ex, t, "numbering_duplicate", actual=t.seq)
                after_slip = expected + 1
            elif t.seq > expected:
                yield _at(ex, t, "numbering_gap", expected=expected, actual=t.seq)
            elif t.seq < expected:
                yield _at(ex, t, "numbering_order", expected=expected, actual=t.seq)
            seen.add(t.seq)
            prev = t
        if prev is not None and not copy:
            last = prev.seq


def _at(ex: Extraction, t, code: str, **values) -> Finding:
    return finding(ex, code, unit=t.unit, section=t.section, seq=t.seq, page=t.page, line=t.line, **values)


def _outline_numbering(ex: Extraction) -> Iterator[Finding]:
    """Clauses read through a document's outline: the numbers of siblings under one heading
    (headings among them), each run starting at 1 or running on from the run before it at the
    same depth. A list shared by several units (per-kind points) is checked once. A list is keyed by
    its scored heading, the unscored parts above it (a new part starts its lists over) and the rank of
    its markers."""
    scopes: dict[str, list] = {}
    for t in ex.targets:
        if t.outline_key is not None:
            scopes.setdefault(t.outline_key, []).append(t)
    for key, clauses in scopes.items():
        shared = len({t.unit for t in clauses}) > 1
        children: dict[tuple, list] = {}
        seen_nodes: set = set()
        for t in clauses:
            path = tuple(zip(t.path_seqs, t.section_path))
            # a list numbered again under a new unscored part (`二、…` then `1、`) is a list of its own, and
            # items of another rank beside it (`二、` after `6、`) are not in its numbering
            parts = t.outline_scopes if len(t.outline_scopes) == len(path) + 1 else [()] * (len(path) + 1)
            nodes = [((path[:d], parts[d]), path[d]) for d in range(len(path))]
            nodes.append(((path, parts[-1]), (t.seq, t.line, t.text)))
            for parent, node in nodes:
                if (parent, node) not in seen_nodes:
                    seen_nodes.add((parent, node))
                    children.setdefault(parent, []).append((node[0], t))
        for parent, kids in children.items():
            numbered = [(n, t) for n, t in kids if n is not None]
            if not numbered:
                continue
            previous, seen, after_slip = None, set(), None
            for n, t in numbered:
                if previous is None:  # a run may start anywhere: unscored siblings are not clauses
                    previous = n
                    seen.add(n)
                    continue
                allowed = {previous + 1} if after_slip is None else {previous + 1, after_slip}
                after_slip = None
                args = dict(unit=None if shared else t.unit, section=t.section, seq=n, page=t.page, line=t.line)
                if n in seen:
                    yield finding(ex, "numbering_duplicate", actual=n, **args)
                    after_slip = previous + 2  # `1、2、2、4`: the second 2 was meant as 3; 4 is no gap
                elif n not in allowed and n > min(allowed):
                    yield finding(ex, "numbering_gap", expected=min(allowed), actual=n, **args)
                elif n not in allowed:
                    yield finding(ex, "numbering_order", expected=min(allowed), actual=n, **args)
                seen.add(n)
                previous = n


@check(FindingKind("table_numbering_gap", WARNING, "表格序号缺失", "表格序号跳号：应为{expected}，实为{actual}"),
       FindingKind("table_numbering_duplicate", WARNING, "表格序号重复", "表格序号{actual}在同一分组内重复"))
def check_table_numbering(ex: Extraction) -> Iterator[Finding]:
    """序号 of item rows within a group: each may restart after a group row or run on."""
    tables: dict[int, list] = {}
    for row in ex.indicators:
        tables.setdefault(row.table_index, []).append(row)
    for rows in tables.values():
        merged = _numbers_merged_over_rows(rows)
        prev: int | None = None
        after_group = True
        seen: set[int] = set()
        for row in rows:
            if row.row_kind != "item":
                after_group, seen = row.row_kind == "group", set()
                continue
            number = _int(row.row_no)
            if number is None or row.continues:  # a row continuing the one above (merged 序号)
                continue
            if merged and number == prev:
                continue  # the 序号 numbers a group of rows, merged over them and filled into each
            allowed = {1, (prev or 0) + 1} if after_group else {(prev or 0) + 1}
            if number in seen:
                yield finding(ex, "table_numbering_duplicate", actual=row.row_no, page=row.page, line=row.line)
            elif number not in allowed and number > min(allowed):
                yield finding(ex, "table_numbering_gap", expected=min(allowed), actual=number,
                              page=row.page, line=row.line)
            seen.add(number)
            prev, after_group = number, False


MIN_MERGED_NUMBERS = 2
MIN_MERGED_RUN = 3  # one number on three rows or more: a cell merged over them (a slip writes a number twice)


def _numbers_merged_over_rows(rows: list) -> bool:
    """The table's 序号 numbers groups of rows (a cell merged over each group, its number filled into every row): two
    numbers or more each stand on consecutive rows, or one stands on three rows or more (a table cut after its first
    group, `1` over five rows). One number written twice in a row is a slip, and reported."""
    repeated, prev, run, longest = set(), None, 0, 0
    for row in rows:
        number = _int(row.row_no) if row.row_kind == "item" and not row.continues else None
        if number is not None and number == prev:
            repeated.add(number)
            run += 1
        else:
            run = 1
        longest = max(longest, run if number is not None else 0)
        prev = number
    return len(repeated) >= MIN_MERGED_NUMBERS or longest >= MIN_MERGED_RUN


def _int(text: str | None) -> int | None:
    text = halfwidth(text or "").strip().rstrip(".、．")
    return int(text) if text.isdigit() else None
