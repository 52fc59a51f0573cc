"""Cold latency of ``ingest check`` on one file: a fresh process each run, as a drafter starts it.

    python benchmarks/check_latency.py                       # the 77-page sample notice, 7 runs
    python benchmarks/check_latency.py draft.docx --runs 11

Prints the median and range of wall time, and the start-up parts that make it up: the interpreter
alone, importing the command line, and the segmenter's first use. One core is asked for (where the
OS allows pinning) so the figure is the one-core figure; on a shared machine quote the median."""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "sanmenxia_2020_targets.docx"


def _one_core() -> None:
    """Run this process and its children on one core, where the OS can say so."""
    pin = getattr(os, "sched_setaffinity", None)
    if pin is not None:
        pin(0, {min(os.sched_getaffinity(0))})


def wall(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is not counted
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times[1:]


def show(name: str, times: list[float]) -> None:
    print(f"{name:<34} median {statistics.median(times):.3f} s   min {min(times):.3f}   max {max(times):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    _one_core()
    py = [sys.executable]
    show("python -c pass", wall(py + ["-c", "pass"], args.runs))
    show("import ingest.cli", wall(py + ["-c", "import ingest.cli"], args.runs))
    show("segmenter first use", wall(py + ["-c", "from parsers.segmenter import tokenizer; tokenizer()"], args.runs))
    show(f"ingest check {args.file.name}", wall(py + ["-m", "ingest", "check", str(args.file)], args.runs))


if __name__ == "__main__":
    main()
