"""Where an outline item stands while its clauses are read: the unit, the scored headings above it
(``path``) and, for the numbering check, the unscored parts above each level and each level's rank."""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers.extract.grammar import grammar


@dataclass
class Scope:
    unit: str = ""
    unit_raw: str = ""
    unit_points: float | None = None
    group: str | None = None
    path: list[tuple[str, float | None, int | None, dict]] = field(default_factory=list)
    # The unscored items above (a part `二、…` without points): numbering starts over under each. The
    # ones above each level of ``path`` and, last, above the clause (``Target.outline_scopes``).
    contexts: list[tuple[int, ...]] = field(default_factory=lambda: [()])
    ranks: list[int | None] = field(default_factory=list)  # each path level's marker rank (norm_levels)

    def inner(self) -> "Scope":
        return Scope(self.unit, self.unit_raw, self.unit_points, self.group, list(self.path), list(self.contexts),
                     list(self.ranks))

    def enter(self, name: str, points: float | None, number: int | None, per_kind: dict, kind: str) -> None:
        self.path.append((name, points, number, per_kind))
        self.contexts.append(self.contexts[-1])
        self.ranks.append(_rank(kind))

    def scopes(self, kind: str) -> list[tuple]:
        """Per level (the path's, then the clause's): the unscored parts above it and its marker's rank.
        Items of another rank beside a list (`二、` after `6、`) are no part of its numbering."""
        return list(zip(self.contexts, [*self.ranks, _rank(kind)]))


def _rank(kind: str) -> int | None:
    return dict(grammar().norm_levels).get(kind)
