"""The checks' version, taken from the checks themselves: a reused extraction is checked again and
written as a new version when the registered checks (their names, kinds and code) changed, without
anyone bumping a number by hand."""
from __future__ import annotations

import hashlib
import inspect


def checks_version() -> str:
    from ingest.checks import checks

    digest = hashlib.sha256()
    sources: set[str] = set()
    for entry in sorted(checks(), key=lambda c: c.name):
        digest.update(repr((entry.name, [(k.code, k.severity, k.template) for k in entry.kinds])).encode())
        try:
            sources.add(inspect.getsourcefile(entry.run) or "")
        except TypeError:  # a builtin or a lambda built at run time: its name and kinds stand for it
            pass
    for path in sorted(s for s in sources if s):
        try:
            with open(path, "rb") as fh:
                digest.update(fh.read())
        except OSError:
            digest.update(path.encode())
    return digest.hexdigest()[:12]
