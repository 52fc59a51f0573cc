"""Notice shapes left by the last sets (holdout40 and others), read from the real files: a group's name wrapped a
few characters a line in a narrow column below a merged cell written once per row it spans."""
from __future__ import annotations

from pathlib import Path

from parsers.extract.targets import extract_targets
from parsers.readers.text_reader import read_text

HOLDOUT40 = Path(__file__).resolve().parents[1] / "data" / "holdout40"


def _targets(stem: str):
    path = next(HOLDOUT40.glob(f"{stem}_*.txt"))
    return extract_targets(read_text(path, "notice", False), stem).targets


def test_name_wrapped_in_a_narrow_column_after_a_merged_cells_copies():
    """4003: before, only the line just above `(10分)` was taken as the group's name (`导`); now the lines after the
    merged cell's last copy (`基`/`本`/`考`/`核`/`项` six times, then `党` / `的领` / `导`) are its name."""
    targets = _targets("4003")
    assert [(t.section, t.section_points, t.seq, t.points) for t in targets] == [
        ("党的领导", 10.0, 1, 2.0), ("党的领导", 10.0, 2, 5.0), ("党的领导", 10.0, 3, 3.0)]
