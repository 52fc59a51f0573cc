"""Building findings from a kind's definition."""
from __future__ import annotations

from schemas.findings import KINDS
from schemas.records import Extraction, Finding


def finding(extraction: Extraction, code: str, *, unit=None, section=None, seq=None, expected=None,
            actual=None, page=None, line=None, **extra) -> Finding:
    kind = KINDS[code]
    values = dict(unit=unit, section=section, seq=seq, expected=_fmt(expected), actual=_fmt(actual), **extra)
    return Finding(doc_id=extraction.info.doc_id, source_path=extraction.info.source_path, code=code,
                   severity=kind.severity, message=kind.message(**values), unit=unit, section=section, seq=seq,
                   expected=_fmt(expected), actual=_fmt(actual), page=page, line=line)


def _fmt(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def unit_clauses(extraction: Extraction) -> dict[str, list]:
    """Each responsible unit's clauses, in document order."""
    units: dict[str, list] = {}
    for t in extraction.targets:
        if t.scope == "unit":
            units.setdefault(t.unit, []).append(t)
    return units


def clause_scopes(extraction: Extraction) -> dict[str, list]:
    """Clauses grouped by whose they are: each unit, and the notice's own list."""
    scopes: dict[str, list] = {}
    for t in extraction.targets:
        scopes.setdefault(f"{t.scope}:{t.unit}", []).append(t)
    return scopes
