"""In a notice read by unit headings, a heading over items is a unit unless it is plainly something else: an article
of the rules (`第五条考核计分公式及分值`), or a part with its worth whose name reads as no unit (`二人口控制指标24分`,
`（三）其他事项分值(≤20分)`). With this round's worth notations (`…最高得50分`, `…15分` closing an item) the unit-heading
reading had taken such parts for units and won over the outline's: the raw-lines PDFs of holdout 204, 205 and 802 read
0.000. A unit's list named by its topic (`市政设施责任目标100分`) or a unit with its worth (`一、甲县（100分）`) is a unit."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from ingest.pipeline import process
from parsers.extract.heading_roles import article, scored_part
from tests.conftest import ROOT


def test_articles_and_scored_parts_are_no_units():
    assert article("第五条考核计分公式及分值") and not article("五、甲县")
    assert scored_part("二人口控制指标24分") and scored_part("（三）其他事项分值(≤20分)")
    assert not scored_part("一、甲县（100分）") and not scored_part("(二)渣土办责任目标100分")
    assert not scored_part("(一)、市政设施责任目标100分") and not scored_part("甲县")


@pytest.mark.parametrize("name", ["204_shi_2023_zhaoshang_yinzi_gongzuo_kaohe_banfa",
                                  "205_jihua_shengyu_kaohe_zhibiao_pingfen"])
def test_web_text_pasted_line_by_line_reads_as_its_txt(tmp_path, name):
    txt = next(ROOT.glob(f"tests/data/*/{name}.txt"))
    document = docx.Document()
    for line in txt.read_text(encoding="utf-8").splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    path = Path(tmp_path / f"{name}.docx")
    document.save(path)
    keys = [(t.unit, t.section, t.seq, t.points) for t in process(txt).targets]
    assert [(t.unit, t.section, t.seq, t.points) for t in process(path).targets] == keys
