"""Inputs of the accuracy benchmark: the gold documents under the given folders, the samples, and the tool's
output for all of them (one `ingest run` over copies of the files)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REAL = ROOT.parent / "shared" / "real"
# Every held-out set we gathered (tests/data/holdout*/, each with its SOURCES.md) joins the default sets once its
# first, unseen figure is recorded there.
HOLDOUTS = tuple(sorted((ROOT / "tests" / "data").glob("holdout*")))
DEFAULT_REALS = (DEFAULT_REAL, *HOLDOUTS)
# Samples: expected counts (no gold file). Notices: (units, scored clauses); tables: rows per table.
SAMPLE_NOTICES = {"sanmenxia_2020_targets": (72, 816)}
SAMPLE_TABLES = {"jiayuguan_2022q2_decomposition": (31, 35)}

Row = dict[str, Any]


def _as_dirs(real: Path | Iterable[Path] | None) -> list[Path]:
    if real is None:
        return []
    return [Path(real)] if isinstance(real, (str, Path)) else [Path(r) for r in real]


def collect_inputs(real: Path | Iterable[Path] | None) -> tuple[dict[str, dict], list[Path], dict[str, tuple]]:
    """Gold documents (file name → gold), every input file, and the samples' expectations by file name.
    ``real`` is one folder or several; a gold file anywhere under them counts."""
    golds: dict[str, dict] = {}
    files: list[Path] = []
    for folder in _as_dirs(real):
        for gold_path in sorted(folder.rglob("*.gold.json")) if folder.is_dir() else []:
            stem = gold_path.name[: -len(".gold.json")]
            for doc in sorted(gold_path.parent.glob(stem + ".*")):
                if doc != gold_path and not doc.name.endswith(".json") and doc.name not in golds:
                    golds[doc.name] = json.loads(gold_path.read_text(encoding="utf-8"))
                    golds[doc.name]["_set"] = folder.name
                    files.append(doc)
    samples: dict[str, tuple] = {}
    for path in sorted((ROOT / "samples").iterdir()):
        for kind, table in (("notice", SAMPLE_NOTICES), ("tables", SAMPLE_TABLES)):
            if path.stem in table:
                samples[path.name] = (kind, table[path.stem])
                files.append(path)
    return golds, files, samples


def _read(out: Path, name: str) -> dict[str, list[Row]]:
    if not (out / name).is_dir():
        return {}
    if str(ROOT) not in sys.path:  # run as a script from anywhere: the checkout's packages
        sys.path.insert(0, str(ROOT))
    from ingest.writers.commit import read_table  # the dataset's parts, latest version of each document
    grouped: dict[str, list[Row]] = {}
    for row in read_table(out, name).to_pylist():
        grouped.setdefault(Path(row["source_path"]).name, []).append(row)
    return grouped


def run_tool(files: list[Path]) -> dict[str, dict[str, list[Row]]]:
    """Run `ingest run` once on copies of the files; the output tables grouped by file name."""
    with tempfile.TemporaryDirectory(prefix="accuracy-") as tmp:
        tmp_in, tmp_out = Path(tmp) / "in", Path(tmp) / "out"
        tmp_in.mkdir()
        for f in files:
            shutil.copy2(f, tmp_in / f.name)
        proc = subprocess.run([sys.executable, "-m", "ingest", "run", str(tmp_in), "--out", str(tmp_out),
                               "--jobs", "1", "--quiet"], cwd=ROOT, capture_output=True, text=True)
        if proc.returncode not in (0, 1):  # 1: some file failed, which is scored, not fatal
            raise RuntimeError(f"ingest run exited {proc.returncode}: {proc.stderr[-2000:]}")
        tables = {name: _read(tmp_out, name) for name in ("targets", "indicators", "findings")}
    return {f.name: {name: rows.get(f.name, []) for name, rows in tables.items()} for f in files}
