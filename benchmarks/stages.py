"""Where a document's time goes, stage by stage, in one process on one core: the floor (pypdfium2 reading
the text; python-docx reading paragraphs and cells), then the pipeline's read → extract → check in the
worker, the worker pickling the extraction for the manifest, and the supervisor's share (unpickling it and
building its Parquet rows). Each figure is the fastest of ``--repeat`` passes over the copies, in ms per
document; every stage starts from fresh objects (a stage run twice on the same objects would find caches).

    python benchmarks/stages.py                 # the sample notice as PDF and as .docx, 5 copies each
    python benchmarks/stages.py --repeat 9 --copies 5
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import timing  # noqa: E402  (benchmarks/timing.py)
from floor_pdf import read_pdf_text  # noqa: E402,F401  (the PDF floor; bench.py takes it from here)

ROOT = Path(__file__).resolve().parents[1]
NOTICE = {"pdf": ROOT / "samples" / "sanmenxia_2020_targets.pdf", "docx": ROOT / "samples" / "sanmenxia_2020_targets.docx"}
STAGES = ("floor", "read", "extract", "check", "pickle", "supervisor", "whole")


def copies(kind: str, folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = folder / f"{kind}_{i}.{kind}"
        if kind == "pdf":
            path.write_bytes(NOTICE[kind].read_bytes() + f"\n% variant {i}\n".encode())
        else:
            shutil.copy(NOTICE[kind], path)
        paths.append(path)
    return paths


def read_docx_text(paths: list[Path]) -> int:
    """The .docx floor: python-docx reading every paragraph and cell."""
    import docx
    from docx.table import Table
    for path in paths:
        for item in docx.Document(str(path)).iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        cell.text
            else:
                item.text
    return 0


def floor(kind: str, paths: list[Path]) -> None:
    (read_pdf_text if kind == "pdf" else read_docx_text)(paths)


def one_pass(kind: str, paths: list[Path]) -> dict[str, float]:
    """Seconds per stage over ``paths``, each stage on objects the previous stage made fresh."""
    from ingest import manifest
    from ingest.pipeline import RunOptions, check, extract, process
    from ingest.writers.parquet_writer import extraction_rows, records_to_table
    from parsers import formats
    from schemas.parquet import TABLES
    from schemas.records import DocumentInfo

    spent = dict.fromkeys(STAGES, 0.0)

    def timed(stage, action, *args):
        start = time.perf_counter()
        result = action(*args)
        spent[stage] += time.perf_counter() - start
        return result

    timed("floor", floor, kind, paths)
    for path in paths:
        doc = timed("read", formats.read, path, str(path), RunOptions())
        ex = timed("extract", extract, doc, DocumentInfo(doc_id="d", source_path=str(path), sha256="", format=kind))
        ex = timed("check", check, ex)
        blob = timed("pickle", manifest.dumps, ex)
        start = time.perf_counter()
        back = manifest.loads(blob)
        back.findings = ex.findings
        for name, records in extraction_rows(back).items():
            records_to_table(records, TABLES[name], run_id="r")
        spent["supervisor"] += time.perf_counter() - start
    for path in paths:
        timed("whole", process, path)
    return spent


def measure(kind: str, n_copies: int, repeat: int) -> dict[str, float]:
    """ms per document, the fastest pass for each stage."""
    from ingest.worker_warmup import warm

    warm()  # start-up, not per-document cost: as a worker starts
    with tempfile.TemporaryDirectory() as tmp:
        paths = copies(kind, Path(tmp), n_copies)
        one_pass(kind, paths[:1])  # imports and first-use caches
        best: dict[str, float] = {}
        for _ in range(repeat):
            for stage, seconds in one_pass(kind, paths).items():
                best[stage] = min(best.get(stage, float("inf")), 1000 * seconds / len(paths))
    return best


def print_stages(figures: dict[str, dict[str, float]]) -> None:
    print("Where the time goes (ms per document of the sample notice, one core, fastest pass; whole = read → "
          "extract → check as `ingest run` does it in a worker, hashing and limits included)")
    print(f"{'format':<7}" + "".join(f"{s:>11}" for s in STAGES) + f"{'whole÷floor':>13}")
    for kind, best in figures.items():
        print(f"{kind:<7}" + "".join(f"{best[s]:>11.1f}" for s in STAGES) + f"{best['whole'] / best['floor']:>12.2f}×")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(timing.one_core())
    print_stages({kind: measure(kind, args.copies, args.repeat) for kind in NOTICE})


if __name__ == "__main__":
    main()
