"""Records → findings. Each check is ``check_x(extraction) -> Iterator[Finding]``; all of them run
in ``ingest run`` and ``ingest check``."""
from __future__ import annotations

from typing import Callable, Iterable

from ingest.checks.metadata import check_doc_number_format, check_missing_metadata
from ingest.checks.numbering import check_clause_numbering, check_table_numbering
from ingest.checks.points import check_missing_points, check_section_points, check_unit_points
from ingest.checks.rollup import check_rollup
from ingest.checks.tables import check_score_exceeds_weight, check_weight_totals
from ingest.checks.text import check_text_typos, check_unparsed_text
from ingest.checks.units import check_duplicate_units
from schemas.findings import SEVERITY_ORDER
from schemas.records import Extraction, Finding

Check = Callable[[Extraction], Iterable[Finding]]

CHECKS: list[Check] = [
    check_section_points, check_unit_points, check_missing_points, check_clause_numbering,
    check_duplicate_units, check_score_exceeds_weight, check_weight_totals, check_table_numbering,
    check_doc_number_format, check_missing_metadata, check_text_typos, check_unparsed_text, check_rollup,
]


def run_checks(extraction: Extraction) -> list[Finding]:
    found: list[Finding] = []
    for check in CHECKS:
        found.extend(check(extraction))
    return sorted(found, key=lambda f: (f.page or 0, f.line or 0, SEVERITY_ORDER[f.severity], f.code))

