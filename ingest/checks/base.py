"""The check registry. A check is ``fn(extraction) -> Iterable[Finding]`` declared with ``@check``
beside the finding kinds it may report (code, severity, title, message template): the registry,
the table of kinds and the README's table of codes all come from those declarations."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from schemas.findings import SEVERITY_ORDER, WARNING, FindingKind
from schemas.records import Extraction, Finding

CheckFn = Callable[[Extraction], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFn
    kinds: tuple[FindingKind, ...]


_CHECKS: dict[str, Check] = {}
# Every declared kind by code; one dict object, kept in step by register/unregister.
KINDS: dict[str, FindingKind] = {}


def register(entry: Check) -> Check:
    """Add (or replace, by name) a check. A code declared by another check is refused: every
    finding code has exactly one declaration."""
    for kind in entry.kinds:
        owner = next((c.name for c in _CHECKS.values()
                      if c.name != entry.name and kind.code in {k.code for k in c.kinds}), None)
        if owner is not None:
            raise ValueError(f"finding code {kind.code!r} is already declared by {owner}")
    unregister(entry.name)
    _CHECKS[entry.name] = entry
    KINDS.update({k.code: k for k in entry.kinds})
    return entry


def unregister(name: str) -> None:
    old = _CHECKS.pop(name, None)
    for kind in old.kinds if old else ():
        KINDS.pop(kind.code, None)


def check(*kinds: FindingKind, name: str | None = None) -> Callable[[CheckFn], CheckFn]:
    """Declare a check and the kinds of finding it reports: ``@check(FindingKind(...), ...)``."""
    def wrap(fn: CheckFn) -> CheckFn:
        register(Check(name or f"{fn.__module__}.{fn.__name__}", fn, tuple(kinds)))
        return fn
    return wrap


def checks() -> list[Check]:
    return list(_CHECKS.values())


def run_checks(extraction: Extraction) -> list[Finding]:
    found: list[Finding] = []
    for entry in list(_CHECKS.values()):
        try:
            found.extend(entry.run(extraction))
        except Exception as exc:  # a broken check neither stops the run nor hides the others' findings
            found.append(finding(extraction, CHECK_FAILED.code, check=entry.name, error=f"{type(exc).__name__}: {exc}"))
    return sorted(found, key=lambda f: (f.page or 0, f.line or 0, SEVERITY_ORDER[f.severity], f.code))


# Reported by run_checks itself when a check raises.
CHECK_FAILED = FindingKind("check_failed", WARNING, "检查出错", "检查{check}未能完成：{error}")
register(Check(f"{__name__}.run_checks", lambda extraction: (), (CHECK_FAILED,)))


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
    """Each responsible unit's clauses, in document order; a copy of a unit's block (see
    ``occurrences``) under its own name, 甲县（第2处）, so it is checked as itself. Kept for the
    document's other checks: read it, do not change it."""
    from ingest.checks.occurrences import unit_blocks

    return unit_blocks(extraction)


def clause_scopes(extraction: Extraction) -> dict[str, list]:
    """Clauses grouped by whose they are: each unit (each occurrence of it), and the notice's own
    list. Kept for the document's other checks: read it, do not change it."""
    from ingest.checks.occurrences import scopes

    return scopes(extraction)
