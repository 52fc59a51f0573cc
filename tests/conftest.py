from __future__ import annotations

import subprocess
import sys
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
