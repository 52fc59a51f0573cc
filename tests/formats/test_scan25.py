"""Scan and PDF regressions found by reading holdout19–25 rendered (benchmarks/renderings.py --scan): the rules on
lines and pages built here, each named for what broke."""
from __future__ import annotations

from parsers.ocr_punctuation import half_width_classes, line_votes, set_punctuation

PITCH = 25.0


def _placed(text: str, mark: float, digit: float = PITCH / 2) -> list[tuple[str, float]]:
    """Characters at the starts a printed line gives them: a Chinese character a pitch wide, an ASCII digit half
    a pitch, a mark ``mark`` wide (a share of the pitch)."""
    out, x = [], 100.0
    for ch in text:
        out.append((ch, x))
        x += digit if ch.isdigit() else mark * PITCH if ch in "()（）" else PITCH
    return out


NUMBERED_CELLS = ["(1)减贫人口完成率", "(2)义务教育保障", "(3)基本医疗保障"]


def test_brackets_of_numbered_cells_printed_half_width_stay_half_width():
    """holdout22 2204 scanned (0.000): a table whose brackets are all `(1)` at a cell's start, none after a Chinese
    character, so no bracket was measured and every `(1)` was set `（1）` (the indicators then fell under the
    scorer's similarity). The `)` between the digit and the next character measures the page's brackets."""
    votes = [v for text in NUMBERED_CELLS for v in line_votes(_placed(text, mark=0.3))]
    assert [kind for kind, _ in votes] == ["bracket"] * 3 and all(advance < 0.5 for _, advance in votes)
    half = half_width_classes(votes)
    assert half == {"bracket"}
    assert set_punctuation("（1）减贫人口完成率", half) == "(1)减贫人口完成率"


def test_brackets_of_numbered_cells_printed_full_width_stay_full_width():
    full = [v for text in NUMBERED_CELLS for v in line_votes(_placed(text.replace("(", "（").replace(")", "）"),
                                                                    mark=1.0))]
    assert len(full) == 3 and half_width_classes(full) == frozenset()
    assert set_punctuation("(1)减贫人口完成率") == "（1）减贫人口完成率"
