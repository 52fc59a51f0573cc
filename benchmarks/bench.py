"""Throughput and peak memory of the pipeline, as ratios against floors measured in the same run.

    python benchmarks/bench.py                      # the targets, throughput on one core, batch memory
    python benchmarks/bench.py --copies 20 --scale 1000 10000

The targets (issue 14), on one core, each figure the fastest of ``--repeat`` runs, interleaved so that
both sides of a ratio see the same machine:
  whole run  `ingest run --jobs 1` over 20 copies of the 77-page sample PDF, a fresh process and a fresh
             output folder each time, against a fresh process reading the same files' text with
             pypdfium2 (target: within 2×)
  steady     per-document cost once imports and dictionaries are loaded: read → extract → check, against
             pypdfium2 reading the text (target: within 1.5×), and for the .docx notice against
             python-docx reading its paragraphs and cells (target: within 1.5×)
Then where a document's time goes, stage by stage (benchmarks/stages.py).

Throughput (one core, in-process, every file read once per approach):
  floor     pypdfium2 reading every page's text; python-docx reading every paragraph and cell
  baseline  pdfplumber extract_text on every page: the naive way
  pipeline  notice-ingest: read → extract → check, as `ingest run` does per file
Each approach runs in its own process, so its peak RSS is its own.

Batch memory: `ingest run` over N small documents (variants of the samples) with the default
workers, polling the run's peak RSS; flat memory means the figure does not grow with N.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import stages  # noqa: E402  (benchmarks/stages.py)
import timing  # noqa: E402  (benchmarks/timing.py)

from ingest import platform  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PDFS = {"text": "sanmenxia_2020_targets.pdf", "tables": "jiayuguan_2022q2_decomposition.pdf"}
DOCXS = {"text": "sanmenxia_2020_targets.docx", "tables": "jiayuguan_2022q2_decomposition.docx"}


def build_corpus(folder: Path, copies: int) -> dict[str, list[Path]]:
    """Copies of the samples, each with distinct bytes (a PDF comment; a renamed docx)."""
    groups: dict[str, list[Path]] = {}
    for kind, name in PDFS.items():
        data = (SAMPLES / name).read_bytes()
        for i in range(copies):
            path = folder / f"pdf_{kind}_{i:04d}.pdf"
            path.write_bytes(data + f"\n% variant {i}\n".encode())
            groups.setdefault(f"pdf_{kind}", []).append(path)
    for kind, name in DOCXS.items():
        for i in range(copies):
            path = folder / f"docx_{kind}_{i:04d}.docx"
            shutil.copy(SAMPLES / name, path)
            groups.setdefault(f"docx_{kind}", []).append(path)
    return groups


# -- one approach over a list of files, run in a child process ---------------------------------

approach_pypdfium2 = stages.read_pdf_text  # the floors: one definition, benchmarks/stages.py


def approach_pdfplumber(paths):
    import pdfplumber
    pages = 0
    for path in paths:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
    return pages


approach_python_docx = stages.read_docx_text


def approach_pipeline(paths):
    from ingest.pipeline import process_file
    pages = 0
    for path in paths:
        result = process_file(path)
        assert result.info.status == "ok", result.info.error
        pages += result.info.n_pages or 0
    return pages


APPROACHES = {"pypdfium2": approach_pypdfium2, "pdfplumber": approach_pdfplumber,
              "python-docx": approach_python_docx, "pipeline": approach_pipeline}


def child(approach: str, files: list[str]) -> None:
    """Run one approach and print its figures as JSON (called in a fresh process)."""
    paths = [Path(f) for f in files]
    # Imports and one-time start-up are not per-document cost: the pipeline starts as a worker does (warm).
    if approach == "pipeline":
        from ingest.worker_warmup import warm
        warm()
    elif approach == "pdfplumber":
        import pdfplumber  # noqa: F401
    elif approach == "python-docx":
        import docx  # noqa: F401
    else:
        import pypdfium2  # noqa: F401
    start = time.perf_counter()
    pages = APPROACHES[approach](paths)
    seconds = time.perf_counter() - start
    peak = platform.peak_resident_mb()
    print(json.dumps({"seconds": seconds, "pages": pages, "docs": len(paths), "peak_rss_mb": peak}))


def measure(approach: str, paths: list[Path]) -> dict:
    env = timing.child_env(ROOT)
    out = subprocess.run([sys.executable, __file__, "--child", approach, *map(str, paths)],
                         capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(approach: str, paths: list[Path], repeat: int) -> dict:
    """The fastest of ``repeat`` runs: the least disturbed by whatever else the machine does."""
    runs = [measure(approach, paths) for _ in range(repeat)]
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)}


def throughput(copies: int, repeat: int) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        groups = build_corpus(Path(tmp), copies)
        for group, paths in groups.items():
            floor_name = "pypdfium2" if group.startswith("pdf") else "python-docx"
            approaches = [floor_name, "pipeline"] + (["pdfplumber"] if group.startswith("pdf") else [])
            figures = {name: best_of(name, paths, 1 if name == "pdfplumber" else repeat) for name in approaches}
            rows.append({"group": group, **{name: figures[name] for name in approaches}})
    return rows


def print_throughput(rows: list[dict]) -> None:
    print("Throughput, one core, fastest of the repeats (docs/s, pages/s where the format has pages, peak RSS)")
    print(f"{'corpus':<14}{'approach':<13}{'docs/s':>9}{'pages/s':>10}{'RSS MB':>9}   ratio")
    for row in rows:
        floor = row.get("pypdfium2") or row.get("python-docx")
        pipeline = row["pipeline"]
        for name in ("pypdfium2", "python-docx", "pdfplumber", "pipeline"):
            if name not in row:
                continue
            fig = row[name]
            docs_s = fig["docs"] / fig["seconds"]
            pages_s = f"{fig['pages'] / fig['seconds']:.0f}" if fig["pages"] else "-"
            if name == "pipeline":
                ratio = f"{pipeline['seconds'] / floor['seconds']:.1f}× the floor's time"
            elif name == "pdfplumber":
                ratio = f"{fig['seconds'] / pipeline['seconds']:.1f}× the pipeline's time"
            else:
                ratio = "floor"
            print(f"{row['group']:<14}{name:<13}{docs_s:>9.1f}{pages_s:>10}{fig['peak_rss_mb']:>9.0f}   {ratio}")


FLOOR_SCRIPT = ROOT / "benchmarks" / "floor_pdf.py"  # the whole-process floor: pypdfium2 and nothing else
TARGET_COPIES = 20


def targets(repeat: int) -> dict:
    """The issue's three ratios, measured in this one run."""
    env, py = timing.child_env(ROOT), sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        groups = build_corpus(Path(tmp), TARGET_COPIES)
        pdfs, docxs = groups["pdf_text"], groups["docx_text"]
        folder = Path(tmp) / "run"
        folder.mkdir()
        for path in pdfs:
            shutil.copy(path, folder / path.name)
        run = [py, "-m", "ingest", "run", str(folder), "--jobs", "1", "--quiet", "--out"]
        floor = [py, str(FLOOR_SCRIPT), *map(str, pdfs)]
        timing.measure(run + [str(Path(tmp) / "warm")], env, ROOT)  # bytecode caches, disk cache
        runs, floors = [], []
        for k in range(repeat):
            floors.append(timing.measure(floor, env, ROOT))
            runs.append(timing.measure(run + [str(Path(tmp) / f"out{k}")], env, ROOT))
        if any(r.returncode != 0 for r in runs):
            raise SystemExit("ingest run failed on the benchmark corpus")
        steady = {name: best_of(name, pdfs, repeat) for name in ("pypdfium2", "pipeline")}
        steady_docx = {name: best_of(name, docxs, repeat) for name in ("python-docx", "pipeline")}
    return {"run": timing.best(runs), "floor": timing.best(floors), "steady_pdf": steady, "steady_docx": steady_docx,
            "docs": TARGET_COPIES}


def print_targets(t: dict, pinned: str) -> None:
    run, floor, n = t["run"], t["floor"], t["docs"]
    print(f"Targets (issue 14): one core ({pinned}), fastest of the repeats, {n} copies of the 77-page sample notice")

    def verdict(ratio: float, target: float) -> str:
        return f"{ratio:.2f}×  target ≤ {target:g}×  {'met' if ratio <= target else 'NOT met'}"

    cpu = ""
    if run.cpu is not None and floor.cpu is not None:
        cpu = f"; CPU of the process tree {run.cpu:.2f} s vs {floor.cpu:.2f} s = {run.cpu / floor.cpu:.2f}×"
    print(f"  whole run     ingest run --jobs 1: {run.wall:.2f} s   pypdfium2 reading the text: {floor.wall:.2f} s   "
          f"{verdict(run.wall / floor.wall, 2)}{cpu}")
    for label, pair, floor_name, target in (("steady PDF ", t["steady_pdf"], "pypdfium2", 1.5),
                                            ("steady .docx", t["steady_docx"], "python-docx", 1.5)):
        mine, base = pair["pipeline"], pair[floor_name]
        print(f"  {label}  pipeline {1000 * mine['seconds'] / mine['docs']:.1f} ms/doc   {floor_name} "
              f"{1000 * base['seconds'] / base['docs']:.1f} ms/doc   {verdict(mine['seconds'] / base['seconds'], target)}")


def batch_memory(n_docs: int, jobs: int) -> dict:
    """Peak RSS of `ingest run` (the parent, which streams the tables) and of its largest worker."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        text = (SAMPLES / "jiayuguan_2022q2_decomposition.txt").read_bytes()
        notice = (SAMPLES / "sanmenxia_2020_targets.md").read_bytes()
        for i in range(n_docs):
            data, suffix = (notice, "md") if i % 10 == 0 else (text, "txt")
            (folder / f"doc_{i:05d}.{suffix}").write_bytes(data + f"\n{i}\n".encode())
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(Path(tmp) / "out"),
                                 "--jobs", str(jobs), "--quiet"], env=env, cwd=ROOT)
        parent_peak = 0.0
        while proc.poll() is None:
            parent_peak = max(parent_peak, platform.peak_resident_mb(proc.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        worker_peak = platform.children_peak_mb()
        return {"docs": n_docs, "seconds": seconds, "docs_per_s": n_docs / seconds, "parent_peak_rss_mb": parent_peak,
                "largest_process_rss_mb": worker_peak, "exit": proc.returncode}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10, help="copies of each sample in the throughput corpus")
    parser.add_argument("--scale", type=int, nargs="*", default=[1000], help="batch sizes for the memory run "
                        "(none: skip it)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the batch run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per approach; the fastest counts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    parser.add_argument("--targets-only", action="store_true", help="only the issue's three ratios")
    args = parser.parse_args()
    pinned = timing.one_core()  # every figure below is a one-core figure (the batch run too: --jobs sets workers)
    found = targets(args.repeat)
    print_targets(found, pinned)
    print()
    stages.print_stages({kind: stages.measure(kind, 5, args.repeat) for kind in stages.NOTICE})
    if args.targets_only:
        return
    print()
    rows = throughput(args.copies, args.repeat)
    print_throughput(rows)
    timing.all_cores()
    batches = [batch_memory(n, args.jobs) for n in args.scale]
    if not batches:
        return
    print(f"\nBatch runs (`ingest run --jobs {args.jobs}`, 9 in 10 documents a 附件 table, 1 in 10 a full notice)")
    print(f"{'docs':>7}{'seconds':>9}{'docs/s':>8}{'parent peak RSS MB':>20}{'largest process MB':>20}")
    for b in batches:
        print(f"{b['docs']:>7}{b['seconds']:>9.1f}{b['docs_per_s']:>8.1f}{b['parent_peak_rss_mb']:>20.0f}"
              f"{b['largest_process_rss_mb']:>20.0f}")
    if args.json:
        print(json.dumps({"throughput": rows, "batches": batches, "targets": {
            k: (v.__dict__ if isinstance(v, timing.Timing) else v) for k, v in found.items()}}, indent=2))


if __name__ == "__main__":
    main()
