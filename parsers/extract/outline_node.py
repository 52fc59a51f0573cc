"""An outline's node and the kinds of node besides a marker's: a leaf, so that the outline builder and the rules it
calls on lines (outline_lines) both take them from here."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from parsers.extract.markers import Marker
from parsers.extract.points import PointsReading, read_points
from schemas.blocks import Provenance

TITLE, HEADING, TEXT, BARRIER = "title", "heading", "text", "barrier"


@dataclass
class Node:
    kind: str  # a marker kind, or title | heading (unnumbered, with points) | text | barrier
    marker: Marker | None
    raw: str  # the item's text after its marker (folded sub-items included)
    prov: Provenance
    paragraph: int
    group: int = 0  # which list of the document (a top-level restart at 1 opens a new one)
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None
    folded: bool = False  # a sub-item of the item above: part of its text
    restated: bool = False  # its only points restate its heading's (outline_points.restates_heading)
    vetoed: bool = False  # listed after a sentence putting its items under a veto (outline_lines.veto_lead)
    listed_bonus: bool = False  # listed after a bonus label (`加分项目:`): a bonus item, no worth of its own
    rules: str | None = None  # a row's numbered rules in a column the header names so (outline_rule_column)
    _reading: PointsReading | None = None

    @property
    def number(self) -> int | None:
        return self.marker.number if self.marker else None

    @property
    def reading(self) -> PointsReading:
        if self._reading is None:
            self._reading = read_points(self.raw)
            if self.vetoed and self._reading.points is None and self._reading.rule is None:
                self._reading = replace(self._reading, rule="veto")
        return self._reading

    @property
    def scored(self) -> bool:
        return self.reading.points is not None or bool(self.reading.per_kind)

    def items(self) -> list["Node"]:
        return [c for c in self.children if not c.folded]
