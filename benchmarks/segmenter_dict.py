"""The segmenter's dictionary: build it from jieba's own, and measure it against the full one.

    python benchmarks/segmenter_dict.py --build     # rewrite parsers/data/segmenter_dict.txt
    python benchmarks/segmenter_dict.py             # start-up time, full vs small, and whether they agree

jieba's full dictionary (349,046 words) takes most of a second to load, cold, even from its cache.
The notices need far less: the pipeline segments only to find framing words at an indicator's ends
(``indicator_key``) and to tell `层层` from `任任务` (``text_typo``). The small dictionary keeps
jieba's words of frequency ≥ MIN_FREQ, every word holding a doubled character, and (at load time)
the domain dictionary; the measurement below checks it segments the samples and the real notices
exactly as the full one does (same measures, same findings)."""
from __future__ import annotations

import argparse
import glob
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = ROOT / "parsers" / "data" / "segmenter_dict.txt"
MIN_FREQ = 200
DOUBLED = re.compile(r"(.)\1")
# jieba reads the file as it is (no comment lines): its origin is told here and in parsers/segmenter.py.


def build() -> None:
    import jieba

    full = Path(jieba.__file__).with_name("dict.txt")
    rows = [line.split() for line in full.read_text("utf-8").splitlines() if line.strip()]
    kept = [r for r in rows if int(r[1]) >= MIN_FREQ or DOUBLED.search(r[0])]
    TARGET.write_text("".join(" ".join(r) + "\n" for r in kept), "utf-8")
    print(f"{len(kept)} of {len(rows)} words → {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size // 1024} KB)")


START = """
import logging, sys, time
t = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
tok = jieba.Tokenizer(sys.argv[1]) if sys.argv[1] != "full" else jieba.Tokenizer()
tok.initialize()
tok.lcut("城镇新增就业", HMM=False)
print(time.perf_counter() - t)
"""


def start_up(which: str, runs: int = 5) -> float:
    """Median seconds, in a fresh process each run (cold, after one warm-up that writes jieba's cache)."""
    times = []
    for _ in range(runs + 1):
        out = subprocess.run([sys.executable, "-c", START, which], capture_output=True, text=True, check=True)
        times.append(float(out.stdout))
    return sorted(times[1:])[runs // 2]


def agree() -> tuple[int, int]:
    """Files (samples and the shared real notices) whose measures and findings differ, of all."""
    import parsers.extract.measures as measures
    from ingest.pipeline import process_file
    from parsers import segmenter

    files = sorted(glob.glob(str(ROOT / "samples" / "*"))) + sorted(glob.glob(str(ROOT.parent / "shared/real/*.txt")))

    def results():
        measures.indicator_key.cache_clear()
        out = []
        for f in files:
            ex = process_file(Path(f))
            out.append(([(m.indicator_key, m.value) for m in ex.measures], [(x.code, x.line, x.message) for x in ex.findings]))
        return out

    small = results()
    segmenter.DICTIONARY = "full"
    segmenter.tokenizer.cache_clear()
    full = results()
    return sum(a != b for a, b in zip(small, full)), len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if args.build:
        build()
        return
    print(f"start-up, median of 5 cold processes: full {start_up('full'):.3f} s, small {start_up(str(TARGET)):.3f} s")
    differing, total = agree()
    print(f"files whose measures or findings differ between the two: {differing} of {total}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
