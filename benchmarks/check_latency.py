"""Cold latency of ``ingest check`` on one file: a fresh process each run, as a drafter starts it.

    python benchmarks/check_latency.py                       # the sample notice (.docx and the 77-page PDF)
    python benchmarks/check_latency.py draft.docx --runs 11

Prints the median and range of wall time and the CPU time of the whole process tree, with the parts
that bound it from below: the interpreter alone, importing the command line, and the segmenter's first
use. Runs on one core (where the OS allows pinning), with bytecode caches as an installed package has
them. On a shared machine quote the CPU median: wall time there includes waiting for other work."""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import timing  # noqa: E402  (benchmarks/timing.py)

SAMPLES = [ROOT / "samples" / "sanmenxia_2020_targets.docx", ROOT / "samples" / "sanmenxia_2020_targets.pdf"]
TARGET_SECONDS = 0.5


def series(command: list[str], runs: int) -> list[timing.Timing]:
    env = timing.child_env(ROOT)
    timing.measure(command, env, ROOT)  # the first run writes bytecode caches and warms the disk cache
    return [timing.measure(command, env, ROOT) for _ in range(runs)]


def show(name: str, found: list[timing.Timing], target: float | None = None) -> None:
    walls = [t.wall for t in found]
    cpus = [t.cpu for t in found if t.cpu is not None]
    line = f"{name:<44} wall median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f})"
    if cpus:
        line += f"   CPU median {statistics.median(cpus):.3f} s"
    if target is not None:
        wall = statistics.median(walls)
        line += f"\n{'':<44} target ≤ {target:g} s wall: {'met' if wall <= target else 'NOT met'}"
        if cpus:
            cpu = statistics.median(cpus)
            line += f" (CPU {'within' if cpu <= target else 'over'} it: on an idle core wall ≈ CPU + a few ms)"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=SAMPLES)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"one core: {timing.one_core()}; {args.runs} runs each")
    py = [sys.executable]
    show("python -c pass", series(py + ["-c", "pass"], args.runs))
    show("import ingest.cli", series(py + ["-c", "import ingest.cli"], args.runs))
    show("segmenter first use", series(py + ["-c", "from parsers.segmenter import tokenizer; tokenizer()"], args.runs))
    for path in args.files:
        show(f"ingest check {path.name}", series(py + ["-m", "ingest", "check", str(path)], args.runs), TARGET_SECONDS)


if __name__ == "__main__":
    main()
