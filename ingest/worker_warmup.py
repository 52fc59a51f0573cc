"""A worker's start: everything a document needs that does not depend on the document is made before the first
one, so the first document costs what every later one does.

``batch.parse_in_workers`` preloads this module in the fork server (importing it warms the server, and every
worker forked from it, including one that replaces a recycled worker, starts warm: shared copy-on-write); where
workers are spawned (Windows, macOS) or run elsewhere (Ray), the worker calls ``warm()`` itself, once.

Warm means: the readers, extractors and checks imported; the segmenter's dictionary loaded; every vocabulary the
loaded modules build on first use (their argument-free cached loaders) built; and a small notice shipped with the
package (parsers/data/warmup_notice.txt: a head, two units with numbered clauses and points, a table) run through
the pipeline, which compiles the patterns that are built where they are first used. Without this the sample
notice's first document cost 150 ms more than each later one."""
from __future__ import annotations

import functools
import inspect
import sys
from importlib import resources
from pathlib import Path

_WARM = False
WARMED_PACKAGES = ("parsers.", "ingest.checks.", "schemas.")
# Loaders that start an engine rather than build a vocabulary: the OCR runtime loads its models (hundreds of MB)
# for the scans that need it, not in every worker.
NOT_WARMED = ("parsers.ocr",)


def warm() -> None:
    """Idempotent, and never fatal: a warm-up that fails leaves the worker as it would be without one."""
    global _WARM
    if _WARM:
        return
    _WARM = True
    import ingest.pipeline  # noqa: F401  (extractors and checks)
    import parsers.readers.docx_reader  # noqa: F401
    import parsers.readers.pdf_reader  # noqa: F401
    from parsers.segmenter import tokenizer

    tokenizer()
    try:
        build_vocabularies()
        _run_warmup_notice()
    except Exception:  # noqa: BLE001  (the documents themselves will report whatever is broken)
        pass


def build_vocabularies() -> int:
    """Call every argument-free cached loader (``functools.lru_cache``/``cache``) of the loaded modules of
    ``WARMED_PACKAGES``; the number called."""
    called = 0
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(WARMED_PACKAGES) or name.startswith(NOT_WARMED):
            continue
        for value in list(vars(module).values()):
            if _argument_free_loader(value, name):
                value()
                called += 1
    return called


def _argument_free_loader(value, module_name: str) -> bool:
    if not isinstance(value, functools._lru_cache_wrapper) or value.__module__ != module_name:
        return False  # a loader imported from elsewhere is called in its own module
    try:
        parameters = inspect.signature(value.__wrapped__).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters)


def warmup_notice() -> Path:
    return Path(str(resources.files("parsers.data").joinpath("warmup_notice.txt")))


def _run_warmup_notice() -> None:
    from ingest.pipeline import process

    process(warmup_notice())


warm()
