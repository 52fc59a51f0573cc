"""Accuracy only goes up: no document may score below, or report more false errors than, the checked-in baseline
(benchmarks/accuracy_baseline.json, written by `python benchmarks/accuracy.py --update-baseline`)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.benchmark_modules import load

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real"
TOLERANCE = 1e-6


@pytest.fixture(scope="module")
def result() -> dict:
    if not REAL.is_dir():
        pytest.skip("../shared/real (gold files) is not beside this checkout")
    benchmark = load("accuracy")
    return benchmark.evaluate(benchmark.DEFAULT_REALS)


BASELINE = json.loads((ROOT / "benchmarks" / "accuracy_baseline.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_no_document_scores_below_its_baseline(result, name):
    assert name in result["documents"], f"{name} is in the baseline but was not scored"
    doc, base = result["documents"][name], BASELINE[name]
    assert doc["score"] >= base["score"] - TOLERANCE, f"{name}: {doc['score']:.6f} < baseline {base['score']}"
    if base.get("false_errors") is not None:
        assert doc["false_errors"] <= base["false_errors"], (
            f"{name}: {doc['false_errors']} false errors > baseline {base['false_errors']} "
            f"({doc['false_error_codes']})")
