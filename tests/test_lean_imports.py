"""A command loads what its work needs, no more (issue 13 "fast for one file", issue 14 "near the floor"):
`ingest check` of a Word file without pyarrow, the PDF stack or cn2an; `ingest run` without pandas, which
pyarrow would import only to ask whether a list is a DataFrame, and with the same tables as when it may."""
from __future__ import annotations

import os
import subprocess
import sys

from ingest.cli import main
from ingest.writers.commit import read_table
from tests.conftest import ROOT, SAMPLES

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
LOADED = """
import sys
from ingest.cli import main
sys.argv = ["ingest", *sys.argv[1:]]
code = main()
print(sorted(m for m in ("pyarrow", "pandas", "pdfplumber", "numpy", "cn2an", "pypdfium2", "pyarrow.dataset")
             if sys.modules.get(m) is not None), file=sys.stderr)
"""


def _loaded(*args: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", LOADED, *args], env=ENV, capture_output=True, text=True, timeout=300)
    return eval(proc.stderr.strip().splitlines()[-1])  # the list printed last


def test_check_of_a_word_file_loads_no_table_or_pdf_library():
    assert _loaded("check", str(SAMPLES / "sanmenxia_2020_targets.docx")) == []


def test_check_of_a_pdf_loads_pypdfium2_only():
    assert _loaded("check", str(SAMPLES / "sanmenxia_2020_targets.pdf")) == ["pypdfium2"]


def test_run_as_a_command_writes_the_same_tables_without_pandas(tmp_path):
    loaded = _loaded("run", str(SAMPLES), "--out", str(tmp_path / "command"), "--jobs", "1", "--quiet")
    assert "pandas" not in loaded and "pyarrow" in loaded
    assert main(["run", str(SAMPLES), "--out", str(tmp_path / "called"), "--jobs", "1", "--quiet"]) == 0
    for name in ("documents", "targets", "indicators", "measures", "findings"):
        a = read_table(tmp_path / "command", name).drop_columns(["run_id"])
        b = read_table(tmp_path / "called", name).drop_columns(["run_id"])
        assert a.schema.equals(b.schema) and a.to_pylist() == b.to_pylist(), name


def test_a_run_that_appends_to_a_dataset_loads_no_pandas(tmp_path):
    """Reading the dataset's own files (current.parquet, the documents parts) went through pyarrow.dataset,
    which imports pandas: a second or more on every run after the first."""
    out = str(tmp_path / "out")
    first = _loaded("run", str(SAMPLES / "jiayuguan_2022q2_decomposition.txt"), "--out", out, "--jobs", "1", "--quiet")
    again = _loaded("run", str(SAMPLES / "jiayuguan_2022q2_decomposition.pdf"), str(SAMPLES / "jiayuguan_2022q2_decomposition.txt"),
                    "--out", out, "--jobs", "1", "--quiet")
    assert "pandas" not in first and "pandas" not in again and "pyarrow.dataset" not in again
    assert len(read_table(tmp_path / "out", "documents")) == 2
