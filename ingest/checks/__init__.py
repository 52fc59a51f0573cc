"""Records → findings. Each check module declares its checks with ``@check`` (see ``base``); importing
the module registers them. All registered checks run on every document, in ``ingest run`` and
``ingest check``, whether the extraction was just made or taken from the manifest."""
from __future__ import annotations

# The built-in checks register themselves on import; a plug-in calls ``register`` or ``@check`` the same way.
from ingest.checks import attachments, document, metadata, names, numbering, points, rollup, tables, text, units  # noqa: E402,F401
from ingest.checks.base import KINDS, Check, check, checks, finding, register, run_checks, unregister

__all__ = ["KINDS", "Check", "check", "checks", "finding", "register", "run_checks", "unregister"]
