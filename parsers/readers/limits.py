"""Limits that keep hostile input from exhausting the machine; one frozen settings object."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderLimits:
    max_file_bytes: int = 200 * 1024 * 1024
    zip_max_members: int = 5_000
    zip_max_uncompressed: int = 300 * 1024 * 1024
    zip_max_ratio: int = 200
    pdf_max_pages: int = 2_000
    text_max_bytes: int = 50 * 1024 * 1024
    # One document's extraction (targets, indicator rows, measures, unclaimed text): a real notice has a
    # few thousand records (a notice of 836 clauses: about 1,700); beyond these a document fails in its worker instead of flooding the run.
    max_records: int = 50_000
    max_record_chars: int = 16 * 1024 * 1024


LIMITS = ReaderLimits()
