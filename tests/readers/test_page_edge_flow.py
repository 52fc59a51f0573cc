"""Lines at a PDF page's edges that stand in the body's flow (`page_numbers.in_body_flow`): web text pasted into
Word a line a paragraph puts a one-cell-a-line table's cells (`1`, `|`, `5`) at a page's foot or head, where the
PDF reader took them for page numbers and running headers (holdout10 1005, holdout17 1701/1702, holdout19 1905,
holdout22 2204, holdout26 2603 in `benchmarks/renderings.py --raw-lines`: 0.000–0.467, their .docx 1.000). A
footer's number and a running header stand apart from the body and are not kept."""
from __future__ import annotations

from parsers.readers.page_numbers import in_body_flow
from parsers.readers.pdf_reader import _Line

INDENT, MARGIN, PITCH = 111.1, 79.1, 28.0


def page(*specs: tuple[str, float, float]) -> list[_Line]:
    """Lines from (text, x0, top)."""
    return [_Line(text, 1, k, x0, x0 + 16 * len(text), top, 16.0) for k, (text, x0, top) in enumerate(specs, 1)]


def body(first_top: float, n: int) -> list[tuple[str, float, float]]:
    return [("牵头单位" if k % 2 else "区发改局", INDENT, first_top + PITCH * k) for k in range(n)]


def test_cell_at_the_foot_in_the_body_flow_is_kept():
    lines = page(*body(81.3, 22), ("1", INDENT, 81.3 + PITCH * 22))  # holdout10 1005: the first row's 序号
    assert in_body_flow(lines, 2) >= {id(lines[-1])}


def test_bar_cells_at_the_head_in_the_body_flow_are_kept():
    lines = page(("|", INDENT, 82.2), ("|", INDENT, 110.2), *body(138.2, 20))  # holdout19 1905: a row's closing bars
    assert {id(lines[0]), id(lines[1])} <= in_body_flow(lines, 2)


def test_centred_page_number_below_the_body_is_not_kept():
    lines = page(*body(81.3, 22), ("- 1 -", 290.0, 81.3 + PITCH * 21 + 45))
    assert id(lines[-1]) not in in_body_flow(lines, 2)


def test_page_number_at_the_margin_a_footer_away_is_not_kept():
    lines = page(*body(81.3, 20), ("3", MARGIN, 81.3 + PITCH * 19 + 80))
    assert id(lines[-1]) not in in_body_flow(lines, 2)


def test_running_header_above_the_body_is_not_kept():
    lines = page(("XX县人民政府办公室文件", INDENT, 40.0), *body(100.0, 20))
    assert id(lines[0]) not in in_body_flow(lines, 2)
