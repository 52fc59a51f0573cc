"""Accuracy benchmark: the tool, run through its CLI, scored against hand-checked gold files.

Scoring follows ../shared/real/GOLD.md (notices: clause P/R/F1; tables: row recall and field accuracy; findings:
recall and false errors). The samples have no gold: they are scored on the counts the project promises.
By default it scores ../shared/real (the development set) and every tests/data/holdout* folder (documents
gathered to measure generalisation, each scored once before it was used); `--real DIR` (repeatable) scores every
*.gold.json under the given folders instead.
Usage: python benchmarks/accuracy.py [--real DIR ...] [--json FILE] [--update-baseline]
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "benchmarks" / "accuracy_baseline.json"
SIMILAR = 0.9
HEAD_MIN = 8
POINTS_NOTATION = re.compile(r"[（(【]\s*\d+(?:\.\d+)?\s*分\s*[）)】]")
TRAILING_POINTS = re.compile(r"\d+(?:\.\d+)?分$")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
LIST_SEPARATORS = re.compile(r"[、，,；;/\n]")
TRAILING_PUNCT = "；;。.,，"



def _load_inputs():
    """The sibling module, loaded by path: this script runs without `benchmarks` being a package."""
    spec = importlib.util.spec_from_file_location("accuracy_inputs", Path(__file__).with_name("accuracy_inputs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_inputs = _load_inputs()
DEFAULT_REAL, DEFAULT_REALS = _inputs.DEFAULT_REAL, _inputs.DEFAULT_REALS
SAMPLE_NOTICES, SAMPLE_TABLES = _inputs.SAMPLE_NOTICES, _inputs.SAMPLE_TABLES
collect_inputs, run_tool = _inputs.collect_inputs, _inputs.run_tool

Row = dict[str, Any]


def norm_name(value: Any) -> str:
    """Names (units, sections, row numbers): NFKC, no whitespace or '*', 澠→渑; null == ''."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    return re.sub(r"[\s*]", "", text).replace("澠", "渑")


def norm_text(value: Any) -> str:
    """Clause text: without the points notation, whitespace and trailing punctuation."""
    text = POINTS_NOTATION.sub("", "" if value is None else str(value))
    return re.sub(r"\s", "", text).rstrip(TRAILING_PUNCT)


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def similar_text(a: Any, b: Any) -> bool:
    """Similar at ratio >= 0.9, or the shorter (>= 8 chars) matches the longer's head at that ratio."""
    a, b = norm_text(a), norm_text(b)
    if ratio(a, b) >= SIMILAR:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= HEAD_MIN and ratio(short, long_[: len(short)]) >= SIMILAR


def same_points(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def seq_key(seq: Any) -> Any:
    """A null seq counts as -1; numbers compare as integers."""
    if seq is None or seq == "":
        return -1
    try:
        return int(float(seq))
    except (TypeError, ValueError):
        return norm_name(seq)


def norm_row_no(value: Any) -> str:
    return norm_name(value).strip(".、,)(（）")


def norm_category(value: Any) -> str:
    """A group cell may carry its subtotal (`…机制11分`): compared without it."""
    text = norm_name(POINTS_NOTATION.sub("", "" if value is None else str(value)))
    return TRAILING_POINTS.sub("", text)


def parse_number(value: Any) -> float | None:
    """A weight cell's number (`30分`, `(10分)`); None for an empty cell."""
    match = NUMBER.search(unicodedata.normalize("NFKC", "" if value is None else str(value)))
    return float(match.group()) if match else None


def name_set(values: Any) -> frozenset[str]:
    """A units/leaders cell or list → a set of normalised names."""
    if values is None:
        return frozenset()
    items = LIST_SEPARATORS.split(values) if isinstance(values, str) else list(values)
    return frozenset(n for n in (norm_name(v) for v in items) if n)


def pred_unit_names(row: Row) -> set[str]:
    """A predicted row's unit: canonical, and the raw name where one is given."""
    raw = norm_name(row.get("unit_raw"))
    return {norm_name(row.get("unit")), raw} if raw else {norm_name(row.get("unit"))}


def safe_div(num: float, den: float) -> float:
    return num / den if den else (1.0 if num == 0 else 0.0)


def max_matching(n_left: int, candidates: Callable[[int], Iterable[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): left index → right index; each right used at most once."""
    owner: dict[int, int] = {}
    lists = [list(candidates(i)) for i in range(n_left)]

    def augment(i: int, seen: set[int]) -> bool:
        for j in lists[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def gold_items(gold: dict) -> list[dict]:
    items = []
    for unit in gold.get("units", []):
        names = {norm_name(unit.get("unit"))} | {norm_name(a) for a in unit.get("aliases") or []}
        for target in unit.get("targets", []):
            items.append({**target, "unit_names": names})
    return items


def score_notice(gold: dict, targets: list[Row]) -> dict:
    items = gold_items(gold)
    gold_names = set().union(*(i["unit_names"] for i in items)) if items else set()

    def candidates(k: int) -> list[int]:
        item = items[k]
        return [j for j, row in enumerate(targets)
                if pred_unit_names(row) & item["unit_names"]
                and seq_key(row.get("seq")) == seq_key(item.get("seq"))
                and same_points(row.get("points"), item.get("points"))
                and norm_name(row.get("section")) == norm_name(item.get("section"))
                and similar_text(row.get("text"), item.get("text"))]

    found = len(max_matching(len(items), candidates))
    counted = sum(1 for row in targets
                  if pred_unit_names(row) & gold_names or row.get("points") is not None)
    precision = found / counted if counted else float(not items)  # nothing predicted: 0 unless nothing to find
    recall = safe_div(found, len(items))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"kind": "notice", "score": f1, "precision": precision, "recall": recall, "f1": f1,
            "found": found, "gold_items": len(items), "predicted": counted}


def _cells(row: list, columns: dict, field: str) -> list[Any] | None:
    """The cells holding a field (a list of positions where the table has two readings); None if absent."""
    pos = columns.get(field)
    if pos is None:
        return None
    return [row[p] if p < len(row) else None for p in (pos if isinstance(pos, list) else [pos])]


def gold_rows(gold: dict) -> list[dict]:
    rows = []
    for table in gold.get("tables", []):
        cols = table.get("columns", {})
        for row in table.get("rows", []):
            entry = {f: _cells(row, cols, f) for f in ("category", "weight", "units", "leaders")}
            entry["row_no"] = norm_row_no((_cells(row, cols, "row_no") or [None])[0])
            entry["indicator"] = (_cells(row, cols, "indicator") or [None])[0]
            rows.append(entry)
    return rows


def _weight_right(gold_cells: list | None, pred: Any) -> bool:
    """Right when it equals any reading (two weight columns: either); an empty cell reads as no weight."""
    readings = [parse_number(c) for c in gold_cells] if gold_cells else [None]
    return any(same_points(r, pred) for r in readings)


def _names_right(gold_cells: list | None, pred: Row, field: str) -> bool:
    readings = [name_set(c) for c in gold_cells] if gold_cells else [frozenset()]
    preds = [name_set(pred.get(field))]
    if field == "units" and pred.get("units_raw") is not None:
        preds.append(name_set(pred.get("units_raw")))
    return any(p == g for p in preds for g in readings)


def _category_right(gold_cells: list, pred: Any) -> bool:
    return any(norm_name(c) == norm_name(pred) or norm_category(c) == norm_category(pred) for c in gold_cells)


def field_checks(gold: dict, pred: Row) -> list[bool]:
    checks = []
    if gold["category"] is not None:
        checks.append(_category_right(gold["category"], pred.get("category")))
    checks.append(_weight_right(gold["weight"], pred.get("weight")))
    checks.append(_names_right(gold["units"], pred, "units"))
    if gold["leaders"] is not None:
        checks.append(_names_right(gold["leaders"], pred, "leaders"))
    return checks


def score_tables(gold: dict, indicators: list[Row]) -> dict:
    rows = gold_rows(gold)

    def candidates(k: int) -> list[int]:
        g = rows[k]
        hits = [j for j, p in enumerate(indicators)
                if norm_row_no(p.get("row_no")) == g["row_no"]
                and ratio(norm_text(p.get("indicator")), norm_text(g["indicator"])) >= SIMILAR]
        return sorted(hits, key=lambda j: -sum(field_checks(g, indicators[j])))

    matched = max_matching(len(rows), candidates)
    checks = [c for k, j in matched.items() for c in field_checks(rows[k], indicators[j])]
    row_recall = safe_div(len(matched), len(rows))
    field_accuracy = sum(checks) / len(checks) if checks else 0.0
    return {"kind": "tables", "score": min(row_recall, field_accuracy), "row_recall": row_recall,
            "field_accuracy": field_accuracy, "found": len(matched), "gold_rows": len(rows)}


def _finding_unit_names(gold: dict, finding: dict) -> set[str] | None:
    """The names a gold finding's unit may be given (None: it concerns the whole list)."""
    if finding.get("unit") is None:
        return None
    name = norm_name(finding["unit"])
    return {name} | {norm_name(a) for unit in gold.get("units", []) if norm_name(unit.get("unit")) == name
                      for a in unit.get("aliases") or []}


def _covers(gold: dict, finding: dict, pred: Row) -> bool:
    if finding.get("code") != pred.get("code"):
        return False
    names = _finding_unit_names(gold, finding)
    return names is None or norm_name(pred.get("unit")) in names


def score_findings(gold: dict, findings: list[Row]) -> dict:
    golds = gold.get("findings", [])
    required = [f for f in golds if not f.get("optional")]
    recalled = sum(1 for f in required if any(_covers(gold, f, p) for p in findings))
    false = [p for p in findings if p.get("severity") == "error"
             and not any(_covers(gold, f, p) for f in golds)]
    return {"findings_recall": recalled / len(required) if required else None, "gold_findings": len(required),
            "false_errors": len(false), "false_error_codes": sorted({p["code"] for p in false})}


def score_gold(gold: dict, tables: dict[str, list[Row]]) -> dict:
    if gold.get("kind") == "tables":
        result = score_tables(gold, tables["indicators"])
    else:
        result = score_notice(gold, tables["targets"])
    return {**result, **score_findings(gold, tables["findings"])}


def count_ratio(pred: int, expected: int) -> float:
    return safe_div(min(pred, expected), max(pred, expected))


def score_sample_notice(expected: tuple[int, int], targets: list[Row]) -> dict:
    scored = [t for t in targets if t.get("points") is not None and (t.get("scope") or "unit") == "unit"]
    units = len({norm_name(t.get("unit")) for t in scored})
    ratios = [count_ratio(units, expected[0]), count_ratio(len(scored), expected[1])]
    return {"kind": "sample-notice", "score": sum(ratios) / len(ratios),
            "detail": f"{units}/{expected[0]} units, {len(scored)}/{expected[1]} clauses"}


def score_sample_tables(expected: tuple[int, ...], indicators: list[Row]) -> dict:
    by_table = Counter(r.get("table_index") for r in indicators if r.get("row_kind") != "total")
    counts = [by_table[k] for k in sorted(by_table)]
    ratios = [count_ratio(len(counts), len(expected))]
    ratios += [count_ratio(counts[i] if i < len(counts) else 0, n) for i, n in enumerate(expected)]
    return {"kind": "sample-tables", "score": sum(ratios) / len(ratios),
            "detail": f"rows {counts} / {list(expected)}"}


def evaluate(real: Path | Iterable[Path] | None = DEFAULT_REALS) -> dict:
    golds, files, samples = collect_inputs(real)
    outputs = run_tool(files)
    docs = {name: score_gold(gold, outputs[name]) for name, gold in golds.items()}
    for name, gold in golds.items():
        docs[name]["set"] = gold["_set"]
    for name, (kind, expected) in samples.items():
        out = outputs[name]
        docs[name] = (score_sample_notice(expected, out["targets"]) if kind == "notice"
                      else score_sample_tables(expected, out["indicators"]))

    def mean(key: str, kinds: tuple[str, ...]) -> float | None:
        values = [d[key] for d in docs.values() if d["kind"] in kinds]
        return sum(values) / len(values) if values else None

    means = {"mean_clause_f1": mean("f1", ("notice",)), "mean_table_score": mean("score", ("tables",)),
             "mean_sample_score": mean("score", ("sample-notice", "sample-tables")),
             "false_errors": sum(d.get("false_errors") or 0 for d in docs.values())}
    for folder in sorted({gold["_set"] for gold in golds.values()}):
        notices = [d["f1"] for d in docs.values() if d.get("set") == folder and d["kind"] == "notice"]
        tables = [d["score"] for d in docs.values() if d.get("set") == folder and d["kind"] == "tables"]
        means[f"{folder}:mean_clause_f1"] = sum(notices) / len(notices) if notices else None
        means[f"{folder}:mean_table_score"] = sum(tables) / len(tables) if tables else None
        means[f"{folder}:false_errors"] = sum(d.get("false_errors") or 0 for d in docs.values()
                                               if d.get("set") == folder)
    return {"documents": docs, "means": means}


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(result: dict) -> str:
    lines = ["| document | kind | score | P | R | F1 | row recall | field acc. | findings recall | false errors |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, d in result["documents"].items():
        cells = [name, d["kind"], d["score"], d.get("precision"), d.get("recall"), d.get("f1"),
                 d.get("row_recall"), d.get("field_accuracy"), d.get("findings_recall"), d.get("false_errors")]
        if "detail" in d:
            cells[3] = d["detail"]
        lines.append("| " + " | ".join(_fmt(c) for c in cells) + " |")
    m = result["means"]
    lines += ["", f"mean clause F1 over notices: {_fmt(m['mean_clause_f1'])}; "
              f"mean table score over tables: {_fmt(m['mean_table_score'])}; "
              f"mean sample score: {_fmt(m['mean_sample_score'])}; false errors: {m['false_errors']}"]
    for folder in sorted({d["set"] for d in result["documents"].values() if d.get("set")}):
        lines.append(f"{folder}: mean clause F1 {_fmt(m[folder + ':mean_clause_f1'])}; "
                     f"mean table score {_fmt(m[folder + ':mean_table_score'])}; "
                     f"false errors {m[folder + ':false_errors']}")
    return "\n".join(lines)


def baseline_of(result: dict) -> dict:
    return {name: {"score": round(d["score"], 6), "false_errors": d.get("false_errors")}
            for name, d in result["documents"].items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, action="append",
                        help="folder of *.gold.json and documents (repeatable; default: "
                             "../shared/real and every tests/data/holdout* folder)")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--update-baseline", action="store_true", help=f"write {BASELINE.name}")
    args = parser.parse_args(argv)
    result = evaluate(args.real or DEFAULT_REALS)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.update_baseline:
        BASELINE.write_text(json.dumps(baseline_of(result), ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
