"""What reading a notice's targets gives: its clauses, the parts declared before its units, the text nothing
claimed, and the per-unit total the notice declares."""
from __future__ import annotations

from dataclasses import dataclass, field

from schemas.records import Target, Unclaimed


@dataclass
class OutlineResult:
    """What reading a notice through its inferred outline gives (outline_targets.py)."""
    targets: list[Target] = field(default_factory=list)
    unclaimed: list[Unclaimed] = field(default_factory=list)
    assessed_party: str | None = None


@dataclass
class Part:
    """A part of the notice before its units, with declared points (`二、…责任目标（700分）`)."""
    name: str
    points: float
    says_follows: bool


@dataclass
class TargetsResult:
    targets: list[Target] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    # Indices of the blocks that were a unit's clause table (not 附件 indicator tables).
    clause_tables: set[int] = field(default_factory=set)
    unclaimed: list[Unclaimed] = field(default_factory=list)
    assessed_party: str | None = None
    # A total the text before the first unit declares (`每个乡镇满分100分`, `实行百分制`), kept where a unit's
    # clauses add up to it (the notice's own units confirm it is each unit's total)
    intro_total: float | None = None

    @property
    def unit_total_declared(self) -> float | None:
        chosen = [p for p in self.parts if p.says_follows or p.name.endswith("责任目标")]
        if chosen:
            return chosen[-1].points
        return self.parts[0].points if len(self.parts) == 1 else self.intro_total


def confirmed_total(total: float | None, targets: list[Target]) -> float | None:
    """``total`` where some unit's counted clauses add up to it; else None."""
    if total is None:
        return None
    sums: dict[str, float] = {}
    for t in targets:
        if t.scope == "unit" and t.points is not None and t.points_rule is None:
            sums[t.unit] = sums.get(t.unit, 0.0) + t.points
    return total if any(abs(v - total) < 1e-6 for v in sums.values()) else None
