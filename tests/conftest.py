from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REAL = ROOT.parent / "shared" / "real"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not REAL.is_dir():
        pytest.skip("../shared/real is not beside this checkout")
    return REAL


@pytest.fixture(scope="session")
def samples_dataset(tmp_path_factory) -> Path:
    """The samples' dataset as an analyst makes it: ``ingest run samples/`` in a fresh process."""
    out = tmp_path_factory.mktemp("samples_dataset")
    done = subprocess.run([sys.executable, "-m", "ingest", "run", str(SAMPLES), "--out", str(out), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    return out


@contextmanager
def clause_count_check(code: str, name: str):
    """A plug-in check registered for the block: one INFO finding `code` per document counting its targets
    (what the plug-in tests register after the workers start, or beside a format and a sink)."""
    from ingest import checks
    from schemas.findings import INFO, FindingKind

    kind = FindingKind(code, INFO, "条款计数", "共{actual}条目标")

    @checks.check(kind, name=name)
    def count(ex):
        yield checks.finding(ex, code, actual=len(ex.targets))

    try:
        yield kind
    finally:
        checks.unregister(name)
