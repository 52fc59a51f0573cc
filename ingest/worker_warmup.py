"""Imported by the fork server before it forks a worker (``batch.parse_in_workers`` preloads it): the
segmenter's dictionary and the readers of the common formats load once, in the server, and every worker,
including each one that replaces a recycled worker, starts with them (shared copy-on-write) instead of
loading them with its first document."""
from __future__ import annotations

import ingest.pipeline  # noqa: F401  (extractors and checks)
import parsers.readers.docx_reader  # noqa: F401
import parsers.readers.pdf_reader  # noqa: F401
from parsers.segmenter import tokenizer

tokenizer()
