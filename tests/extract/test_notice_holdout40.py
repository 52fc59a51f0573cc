"""Notice shapes fixed after holdout40 (4001–4004), built in code: a 办法 in articles whose marker stands alone on
its line (`第七条` / its text on the next line), the scored articles being the items themselves."""
from __future__ import annotations

from pathlib import Path

from tests.builders import extract_lines

ARTICLES_ON_THEIR_OWN_LINE = [
    "某院工作人员绩效考核办法",
    "第一条",
    "为正确评价工作人员的工作实绩,制定本办法。",
    "第二条",
    "绩效考核指标包括工作任务和满意度评价两个部分,按百分制计分。其中,工作任务考核满分为60分,满意度评价考核满分为40分。",
    "第三条",
    "办结率不低于90%的,得30分,每低1%减1分。",
    "办结率=年度办结数/年度受理数×100%。",
    "第四条",
    "未发生超期现象的,得30分,每发现1件减2分。",
]


def test_article_alone_on_its_line_opens_the_next_line(tmp_path: Path):
    """4001: before, `第三条` alone on a line was loose text and its article's text an unnumbered clause (seq None);
    now the marker opens the line after it: the scored articles are items numbered 3 and 4."""
    targets = extract_lines(tmp_path, ARTICLES_ON_THEIR_OWN_LINE).targets
    assert [(t.seq, t.points) for t in targets] == [(3, 30.0), (4, 30.0)]
    assert targets[0].text.startswith("办结率不低于90%的,得30分,每低1%减1分。办结率=年度办结数")


def test_unscored_articles_and_the_scale_split_beside_scored_articles_are_rules(tmp_path: Path):
    """4001: the 办法's own articles (第一条) beside articles that are items are its rules, and an article splitting
    the scale it names (`按百分制计分。其中,…60分,…40分`) declares the whole's parts: neither is a clause, so no
    gap in the numbering (3 after 1) and no clause without points is reported."""
    result = extract_lines(tmp_path, ARTICLES_ON_THEIR_OWN_LINE)
    assert all(t.seq in (3, 4) for t in result.targets)
    assert any("为正确评价工作人员" in u.text for u in result.unclaimed)
    assert any("按百分制计分" in u.text for u in result.unclaimed)
