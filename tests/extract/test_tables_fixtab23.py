"""fixtab23: a unit's name a narrow column wrapped after a name-looking head; OCR's straight quotes in Chinese text."""
from __future__ import annotations

from parsers.extract.tables import extract_indicators
from parsers.ocr_punctuation import set_punctuation
from schemas.blocks import Document, Provenance, Table, TableRow


def _units_and_leaders(units: str, leaders: str = "") -> tuple[list[str], list[str]]:
    rows = [["序号", "重点工作", "责任单位", "责任领导"], ["1", "招商引资", units, leaders]]
    table = Table([TableRow(r, Provenance("t", None, i + 1)) for i, r in enumerate(rows)],
                  Provenance("t", None, 1), merges_resolved=True)
    (row,) = extract_indicators(Document("t", "pdf", [table]), "d")
    return row.units, row.leaders


def test_name_looking_head_wrapped_before_an_organisation_word_is_one_unit():
    # a PDF cell keeps the column's line break: `综合工作部、王平` / `办公室`; `王平` looks like a person's name
    assert _units_and_leaders("综合工作部、王平\n办公室") == (["综合工作部", "王平办公室"], [])
    assert _units_and_leaders("经济发展部、李明\n工作部", "张三") == (["经济发展部", "李明工作部"], ["张三"])


def test_person_beside_units_is_still_a_leader():
    assert _units_and_leaders("县商务局\n王平") == (["县商务局"], ["王平"])
    assert _units_and_leaders("王平、办公室") == (["办公室"], ["王平"])  # a written separator parts them


def test_ocr_straight_quote_closes_an_open_curly_quote():
    assert set_punctuation('开展“美丽乡村示范行动"创建') == "开展“美丽乡村示范行动”创建"
    assert set_punctuation('开展“美丽乡村示范行动"') == "开展“美丽乡村示范行动”"


def test_ocr_straight_quotes_before_chinese_open_one():
    assert set_punctuation('一是"两违"整治，二是"三改"') == "一是“两违”整治，二是“三改”"


def test_ocr_straight_quotes_in_latin_text_or_after_digits_stay():
    assert set_punctuation('Annual "draft" report') == 'Annual "draft" report'
    assert set_punctuation('屏幕5"以上') == '屏幕5"以上'


def _categories(category: str, ocr_pages: list[int]) -> list[str | None]:
    rows = [["序号", "类别", "考核指标", "分值"], ["1", category, "开展评比活动", "2"]]
    table = Table([TableRow(r, Provenance("t", 1, i + 1)) for i, r in enumerate(rows)], Provenance("t", 1, 1),
                  merges_resolved=True)
    doc = Document("t", "pdf", [table], ocr_pages=ocr_pages)
    return [r.category for r in extract_indicators(doc, "d")]


def test_ocr_straight_quote_closes_the_curly_quote_opened_lines_above_in_its_cell():
    # the column wrapped `“美丽乡村` / `示范行` / `动"`: the line with the engine's `"` holds no `“` of its own
    assert _categories('二、实施“美丽乡村\n示范行\n动"（10分）', ocr_pages=[1]) == ["二、实施“美丽乡村示范行动”（10分）"]


def test_typed_straight_quotes_outside_ocr_stay():
    assert _categories('二、实施"美丽乡村\n示范行动"（10分）', ocr_pages=[]) == ['二、实施"美丽乡村示范行动"（10分）']
