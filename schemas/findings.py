"""What a finding kind is: a stable code, a severity, a title and a message template. The kinds
themselves are declared beside the checks that report them (``ingest.checks``); the README's
table of codes is checked against those declarations by a test."""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
SEVERITY_LABEL = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
# Points, weights and roll-ups are sums of decimals: two totals this close are equal.
TOLERANCE = 1e-6


@dataclass(frozen=True)
class FindingKind:
    code: str
    severity: str
    title: str
    template: str  # str.format fields: the finding's own values and any the check passes

    def message(self, **values) -> str:
        return self.template.format(**values)
