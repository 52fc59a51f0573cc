"""The README documents what the code defines, and the commands it opens with are the ones CI runs."""
from __future__ import annotations

from ingest.checks import KINDS
from schemas.parquet import DATASET_TABLES
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text("utf-8")


def test_every_finding_code_is_documented():
    for code, kind in KINDS.items():
        assert f"| `{code}` | {kind.severity} |" in README, code


def test_every_output_column_is_documented():
    for name, schema in DATASET_TABLES.items():
        row = next(line for line in README.splitlines() if line.startswith(f"| `{name}` |"))
        for column in schema.names:
            assert column in row, f"{name}.{column}"


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block[0] == "pip install -e . && ingest run samples/ --out output/"
    assert block[1] == "pip install -e '.[test]' && pytest"
    assert block[1] in (ROOT / ".ci" / "run").read_text("utf-8")
