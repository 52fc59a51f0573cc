"""How well the head of each gold document is read: 发文机关, 发文字号, 成文日期 and 标题 against the gold's
`issuer`, `doc_number`, `issued_on` and `title` (GOLD.md scores clauses and rows, not these; this measures them
beside). One `ingest run` over every gold document; values compared after NFKC and without whitespace, a gold's
English notes in brackets (`(Jiangsu)`, `(not named …)`) removed. A title taken from the file name counts as none.

    python benchmarks/metadata_accuracy.py            # counts per field
    python benchmarks/metadata_accuracy.py --list     # and every document that differs
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy_inputs as inputs  # noqa: E402  (benchmarks/accuracy_inputs.py)

FIELDS = ("issuer", "doc_number", "issued_on", "title")
NOTE = re.compile(r"\((?:[^()]*[A-Za-z][^()]*)\)")  # a gold writer's note in English


def _norm(value) -> str | None:
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", str(value))) if value else ""
    return text or None


def read_heads(files: list[Path]) -> dict[str, dict]:
    """The documents table's row for each file, by file name."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        for f in files:
            shutil.copy2(f, src / f.name)
        subprocess.run([sys.executable, "-m", "ingest", "run", str(src), "--out", str(out), "--quiet"],
                       cwd=inputs.ROOT, check=False)
        sys.path.insert(0, str(inputs.ROOT))
        from ingest.writers.commit import read_table
        return {Path(r["source_path"]).name: r for r in read_table(out, "documents").to_pylist()}


def normalize_doc_number(raw: str) -> str | None:
    sys.path.insert(0, str(inputs.ROOT))
    from parsers.extract.metadata import normalize_doc_number as normalize
    return normalize(raw)


def compare(golds: dict[str, dict], heads: dict[str, dict]) -> tuple[dict, list[str]]:
    counts = {f: dict.fromkeys(("right", "wrong", "missed", "spurious", "both_none"), 0) for f in FIELDS}
    lines = []
    for name, gold in sorted(golds.items()):
        head = heads.get(name, {})
        for field in FIELDS:
            want = _norm(NOTE.sub("", str(gold.get(field) or "")))
            if field == "doc_number" and want:  # as the dataset writes it (〔〕, 号)
                want = normalize_doc_number(want) or want
            got = None if field == "title" and head.get("metadata_source") == "file_name" else _norm(head.get(field))
            verdict = ("both_none" if want is None and got is None else "spurious" if want is None else
                       "missed" if got is None else "right" if want == got else "wrong")
            counts[field][verdict] += 1
            if verdict in ("wrong", "missed", "spurious"):
                lines.append(f"{verdict:9}{field:11}{name[:60]:62}gold={want} got={got}")
    return counts, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="print every document that differs")
    args = parser.parse_args()
    golds, files, _ = inputs.collect_inputs(inputs.DEFAULT_REALS)
    files = [f for f in files if f.name in golds]
    counts, lines = compare(golds, read_heads(files))
    if args.list:
        print("\n".join(lines))
    print(f"{len(golds)} gold documents; per field: right / gold values (wrong, missed), values where the gold has none")
    for field, c in counts.items():
        given = c["right"] + c["wrong"] + c["missed"]
        print(f"  {field:11} {c['right']:4} / {given:<4} ({c['wrong']} wrong, {c['missed']} missed), {c['spurious']} spurious")


if __name__ == "__main__":
    main()
