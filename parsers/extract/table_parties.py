"""The parties a table's cells name: responsible units and leaders, one a line or separated by 、，；, with the
names a narrow column wrapped put back together and persons' names told from units'."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.extract.headers import (
    looks_like_org,
    looks_like_person,
    looks_like_unit,
    padded_names,
    table_vocab,
    unit_and_head,
)
from parsers.textnorm import no_space

LIST_SPLIT_KEEP = regex.compile(r"(\s*[\n、，,；;／/。][\n、，,；;／/。\s]*)")


def split_parties(units_cell: str, leaders_cell: str, heads: bool = False) -> tuple[list[str], list[str]]:
    """Units and leaders; a person's name in the units cell (`市商务局 张三`) is a leader, unless the units header
    names the units' heads too (``heads``: `牵头单位及主要负责人`) and the table has a leaders column of its own."""
    units, leaders = [], split_leaders(leaders_cell)
    own = heads and bool(leaders)  # the units' heads (`牵头单位及主要负责人`) beside a leaders column of its own
    for name in split_units(units_cell):
        if looks_like_person(name) and not looks_like_unit(name):
            if not own:
                leaders.append(name)
        else:
            units.append(name)
    return units, list(dict.fromkeys(leaders))


OPENING_BRACKETS = "(（〔["


@lru_cache(maxsize=1)
def _bare_suffixes() -> frozenset[str]:
    """The endings of units' names (unit_suffixes.txt) that are words of their own (`管委会`, `办事处`)."""
    from parsers.data import unit_suffixes

    return frozenset(w for w in unit_suffixes() if len(w) >= 2)


@lru_cache(maxsize=1)
def _place_endings() -> tuple[str, ...]:
    return tuple(table_vocab()["place_endings"])


def split_units(cell: str) -> list[str]:
    """Names one per line or separated by 、，；. A line that does not end like a unit's name is
    the first half of a name the cell wrapped (`市招商引资服务` + `中心`)."""
    names: list[str] = []
    pending, written = "", False  # written: the part after a written separator (`、`), not a line break
    opened = False  # the pending name began after a written separator: a name of its own, not a wrapped tail
    parts = _parts(cell)
    for k, (part, written) in enumerate(parts):
        if pending and written and not pending.startswith(tuple(OPENING_BRACKETS)):
            names.append(pending)  # `市财政局、市科协`: a separator ends a name, whatever its ending
            pending = ""
        if not pending:
            opened = written
        if not pending and looks_like_person(part) and not looks_like_unit(part) and not _wraps_into_org(parts, k):
            names.append(part)
            continue
        if not pending and names and part[:1] in OPENING_BRACKETS:
            pending = names.pop()  # `区商务局` / `(区药发` / `中心)`: a note the cell wrapped onto lines of its own
        elif not pending and names and part in _bare_suffixes() and names[-1].endswith(_place_endings()):
            names[-1] += part  # `区科技工业区` / `管委会`: an organisation word alone after a place: one name, wrapped
            continue
        pending += part
        if looks_like_org(pending):  # `区商务局(区药发中心)`: a bracketed note after the name
            names.append(pending)
            pending = ""
    if pending:
        # a short tail the cell wrapped (`中心`) joins the name above; `、市` / `科协` began after a separator
        if names and not opened and not looks_like_unit(pending) and len(pending) <= 3 and not looks_like_person(pending):
            names[-1] += pending
        else:
            names.append(pending)
    return names


def _wraps_into_org(parts: list[tuple[str, bool]], k: int) -> bool:
    """Part ``k``, which looks like a person's name, is the head of a unit's name the cell wrapped: the next part
    follows it across a line break only (no `、`) and is a bare organisation word (`安商` / `工作部`): a person is not
    written before a unit's generic word."""
    return k + 1 < len(parts) and not parts[k + 1][1] and parts[k + 1][0] in _bare_suffixes()


def _parts(cell: str) -> list[tuple[str, bool]]:
    """A cell's names as written, each with whether a written separator (not only a line break) came before it."""
    pieces = LIST_SPLIT_KEEP.split(cell or "")
    found, written = [], False
    for k, piece in enumerate(pieces):
        if k % 2:
            written = no_space(piece) != ""
        elif no_space(piece):
            parts = unit_and_head(piece.strip())  # `市民政局 伍泽国` (a .docx cell keeps the space): a unit, its head
            found += [(no_space(w), written or n > 0) for n, w in enumerate(parts)]
    return found


def split_leaders(cell: str) -> list[str]:
    names: list[str] = []
    pieces = LIST_SPLIT_KEEP.split(cell or "")  # names and, between them, what parted them
    for k in range(0, len(pieces), 2):
        part = pieces[k]
        if names and len(no_space(part)) == 1 and not no_space(pieces[k - 1]):
            names[-1] += no_space(part)  # `徐国` / `江`: one character alone after a line break is the name above, wrapped
        elif len(padded_names(part)) > 1:  # `陆 明俞 悦` as a .docx cell keeps it
            names += padded_names(part)
        elif len(part.split()) > 1 and all(looks_like_person(w) for w in part.split()):
            names += part.split()  # `张三 李四`: names parted by spaces
        elif no_space(part):
            names.append(no_space(part))
    return names
