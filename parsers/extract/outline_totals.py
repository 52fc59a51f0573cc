"""Totals an outline states about its own parts: a sentence declaring the list's total, a value restated in one
clause, and a summary naming the document's parts with their points (`其中,重点工作300分,常规工作550分…`) whose
names are scored sections further on."""
from __future__ import annotations

from parsers.extract.grammar import grammar
from parsers.extract.points import read_points, to_number
from parsers.extract.targets_result import OutlineResult
from parsers.textnorm import matching_copy, no_space
from schemas.records import Target, Unclaimed


def declares_sections(raw: str, section_names: set[str]) -> bool:
    """A paragraph listing named parts with points after a cue (`其中,重点工作300分,常规工作550分`), or parts with
    their share (`基础管理占10分、支部建设占10分`), where one of the names heads a scored section of the document (an
    excerpt may show only the first): it declares those sections' points, it is no clause."""
    g = grammar()
    mt = matching_copy(raw)
    cue = g.list_cue.search(mt)
    found = g.list_item.finditer(mt, cue.end()) if cue else g.list_share.finditer(mt)  # `基础管理占10分、…`: no cue
    names = [no_space(m["name"]).strip(",，、;；:：") for m in found]
    return len(names) >= 2 and any(n in section_names for n in names)


def declares_scale(raw: str) -> bool:
    """`按百分制计分。其中,工作任务目标考核满分为70分,满意度评价考核满分为30分`: the parts a paragraph lists after a
    cue add up to the scale it names (百分制, 满分100分): it declares the whole's parts, it is no clause."""
    total = read_points(raw).total
    g = grammar()
    mt = matching_copy(raw)
    cue = g.list_cue.search(mt) if total else None
    if cue is None:
        return False
    worths = [to_number(m["n"]) for m in g.list_item.finditer(mt, cue.end())]
    return len(worths) >= 2 and abs(sum(worths) - total) < 1e-6


def declared_totals(result: OutlineResult, start: int) -> None:
    """`…共分为13项内容,全面完成任务得满分100分。`: an unnumbered sentence outside any section whose
    points are the sum of the list's numbered clauses declares their total; it is no clause."""
    listed = result.targets[start:]
    for t in [t for t in listed if t.seq is None and not t.section_path and t.points is not None]:
        others = [o.points for o in listed if o is not t and o.seq is not None and o.points is not None]
        if len(others) >= 2 and abs(sum(others) - t.points) < 1e-6:
            result.targets.remove(t)
            result.unclaimed.append(Unclaimed(t.text, t.unit or None, t.page, t.line))


def restatements(targets: list[Target], singles: dict[int, float]) -> None:
    """`集中宣传计15分,…宣传活动计15分`: the same value said twice is one value restated, not two
    parallel conditions, where only that reading makes the section add up to its points."""
    sections: dict[tuple, list[Target]] = {}
    for t in targets:
        if t.section_points is not None:
            sections.setdefault((t.unit, tuple(t.section_path), t.section_points), []).append(t)
    for (_, _, declared), members in sections.items():
        summed = [t for t in members if id(t) in singles]
        if not summed:
            continue
        total = sum(t.points or 0 for t in members if t.points_rule != "bonus")
        single = total - sum(t.points - singles[id(t)] for t in summed)
        if abs(total - declared) > 1e-6 and abs(single - declared) < 1e-6:
            for t in summed:
                t.points = singles[id(t)]
