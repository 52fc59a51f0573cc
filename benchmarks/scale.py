"""The figures behind README's "At scale": what one document costs a worker, by format; what it costs the
run's driver (the one process that lists, hashes, checks and writes, whatever the engine); the listing, the
hashing and the commit; and, with --ray, what a Ray worker adds per document.

    python benchmarks/scale.py                 # worker and driver costs, one core
    python benchmarks/scale.py --ray           # also the Ray engine's overhead on a local 2-CPU cluster

Worker cost: ``parse_and_check`` (read, extract, check, pickle: what a worker does) in this process after a warm-up, CPU and wall seconds
per document, the median of --repeat reads (a .doc's LibreOffice conversion runs in a child process: its
cost is the wall time); "result" is the pickled extraction a worker sends back (Ray puts
results over 100 KB in its object store, and the driver fetches every one).
Driver cost: ``ingest.runner.run`` over --docs distinct copies of one document with a replay engine that
hands back a stored extraction at once (its own time subtracted), so what remains is the driver's per
document work: listing, hashing, ordering, checks, the manifest, the table sinks; the commit is timed apart.
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REAL = ROOT.parent / "shared" / "real"
# (label, how to build the file in a folder)
FORMATS = {
    "PDF notice, text layer (77 pp.)": lambda d: _copy(SAMPLES / "sanmenxia_2020_targets.pdf", d),
    "PDF 附件 table (8 pp.)": lambda d: _copy(SAMPLES / "jiayuguan_2022q2_decomposition.pdf", d),
    ".docx notice": lambda d: _copy(SAMPLES / "sanmenxia_2020_targets.docx", d),
    ".docx 附件 table": lambda d: _copy(SAMPLES / "jiayuguan_2022q2_decomposition.docx", d),
    ".md notice": lambda d: _copy(SAMPLES / "sanmenxia_2020_targets.md", d),
    ".txt notice (real, other province)": lambda d: _copy(REAL / "016_wuhan_2011_cun_jiceng_dangjian_kaoping_xize.txt", d),
    ".ofd notice": lambda d: _copy(REAL / "ofd" / "ofdrw_n_notice.ofd", d),
    "scanned PDF, OCR (2 pp., 200 dpi)": lambda d: _scan(d, pages=2, dpi=200),
    ".doc (LibreOffice → .docx)": lambda d: _doc(d),
}


def _copy(source: Path, folder: Path) -> Path | None:
    if not source.exists():
        return None
    return Path(shutil.copy(source, folder / source.name))


def _scan(folder: Path, pages: int, dpi: int) -> Path:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(SAMPLES / "sanmenxia_2020_targets.pdf"))
    images = [src[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(pages)]
    path = folder / "scan.pdf"
    images[0].save(path, save_all=True, append_images=images[1:], resolution=dpi)
    return path


def _doc(folder: Path) -> Path | None:
    """The sample .docx saved as Word 97 by LibreOffice (skipped where soffice is missing)."""
    import subprocess

    soffice = shutil.which("soffice")
    if not soffice:
        return None
    profile = folder / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(folder), str(SAMPLES / "jiayuguan_2022q2_decomposition.docx")],
                   capture_output=True, timeout=180, check=False)
    path = folder / "jiayuguan_2022q2_decomposition.doc"
    return path if path.exists() else None


def worker_costs(folder: Path, repeat: int) -> list[dict]:
    from ingest.pipeline import RunOptions, check, extract_file, parse_and_check
    from parsers.readers.libreoffice import CACHE_ENV
    from parsers.segmenter import tokenizer

    tokenizer()
    options = RunOptions(threads=1)
    rows = []
    for label, build in FORMATS.items():
        sub = folder / f"w{len(rows)}"
        sub.mkdir()
        path = build(sub)
        if path is None:
            print(f"  (skipped {label}: no input on this machine)", file=sys.stderr)
            continue
        ex = extract_file(path, options)  # warm-up: the format's own imports
        assert ex.info.status == "ok", (label, ex.info.error)
        cpu, wall = [], []
        for k in range(repeat):
            os.environ[CACHE_ENV] = str(sub / f"cache{k}")  # a .doc is converted each time, as a new file is
            w0, c0 = time.perf_counter(), time.process_time()
            parsed = parse_and_check(path, options)  # what a worker does: read, extract, check, pickle
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
        ex = check(extract_file(path, options))
        rows.append({"format": label, "pages": ex.info.n_pages or 0, "records": len(ex.targets) + len(ex.indicators),
                     "cpu_ms": 1000 * statistics.median(cpu), "wall_ms": 1000 * statistics.median(wall),
                     "result_kb": len(pickle.dumps(parsed, protocol=5)) / 1024, "path": path, "extraction": ex})
    return rows


class ReplayEngine:
    """Hands back a stored extraction for every task, at once: the run's driver without any parsing."""

    name = "replay"

    def __init__(self, extraction):
        self.extraction, self.seconds, self.cpu = extraction, 0.0, 0.0

    def width(self) -> int:
        return 1

    def close(self) -> None:
        pass

    def __call__(self, tasks, settings):
        from ingest import manifest
        from ingest.dataset.identity import _renamed
        from ingest.inputs import make_doc_id
        from ingest.pipeline import Parsed, checks_signature, relocate

        for task in tasks:
            if task is None:
                continue
            start, cpu = time.perf_counter(), time.process_time()
            index, path, sha, id_name = task
            info = replace(self.extraction.info, sha256=sha)
            ex = relocate(replace(self.extraction, info=info), path)  # read at this path
            if id_name is not None:  # the ids the run gives it, as a worker makes them
                ex = _renamed(ex, ex.info.doc_id, make_doc_id(sha, id_name))
            findings = [replace(f, doc_id=ex.info.doc_id) for f in self.extraction.findings]
            result = Parsed(manifest.dumps(ex), findings, checks_signature(), sha, False)  # what a worker sends
            self.seconds += time.perf_counter() - start
            self.cpu += time.process_time() - cpu
            yield index, result


def driver_cost(row: dict, folder: Path, docs: int) -> dict:
    from ingest import writers
    from ingest.inputs import file_sha256, iter_input_files
    from ingest.runner import MANIFEST_NAME, RunSettings, run

    corpus, out = folder / "corpus", folder / "out"
    corpus.mkdir()
    data, suffix = row["path"].read_bytes(), row["path"].suffix
    for i in range(docs):  # distinct bytes (so distinct hashes), trailing bytes every reader ignores
        (corpus / f"d{i:05d}{suffix}").write_bytes(data + (f"\n%{i}\n" if suffix == ".pdf" else "").encode())
    start = time.perf_counter()
    listed = list(iter_input_files([corpus], []))
    listing = time.perf_counter() - start
    start = time.perf_counter()
    size = sum(len(data) for _ in listed)
    for path in listed:
        file_sha256(path)
    hashing = time.perf_counter() - start
    engine = ReplayEngine(row["extraction"])
    sinks = [writers.get(name).make(out) for name in writers.names(writers.TABLES)]
    commit = {"seconds": 0.0, "cpu": 0.0}
    for sink in sinks:
        close = sink.close

        def timed(completed, close=close):
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                return close(completed)
            finally:
                commit["seconds"] += time.perf_counter() - t0
                commit["cpu"] += time.process_time() - c0
        sink.close = timed
    start, cpu = time.perf_counter(), time.process_time()
    summary = run([corpus], RunSettings(manifest=out / MANIFEST_NAME, jobs=1, force=True, engine=engine), sinks)
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert summary.files == docs, summary
    return {"driver_ms": 1000 * (total - engine.seconds - commit["seconds"]) / docs,
            "driver_cpu_ms": 1000 * (cpu - engine.cpu - commit["cpu"]) / docs, "listing_per_s": docs / listing, "hash_mb_s": size / hashing / 1e6,
            "commit_s": commit["seconds"], "docs": docs}


def ray_overhead(folder: Path, docs: int) -> dict:
    """The Ray engine and the local engine, two workers each, over the same small documents: the difference
    per document is what Ray adds (dispatch, result transfer, worker start amortised)."""
    import ray

    from ingest import engines, writers
    from ingest.batch import Limits
    from ingest.runner import RunSettings, run

    corpus = folder / "small"
    corpus.mkdir()
    text = (REAL / "016_wuhan_2011_cun_jiceng_dangjian_kaoping_xize.txt").read_bytes()
    for i in range(docs):
        (corpus / f"s{i:05d}.txt").write_bytes(text + f"\n{i}\n".encode())
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="warning")
    try:
        times = {}
        for name in ("local", "ray"):
            engine = engines.make(name)
            sinks = [writers.get(n).make(folder / f"out-{name}") for n in writers.names(writers.TABLES)]
            start = time.perf_counter()
            run([corpus], RunSettings(jobs=2, engine=engine, limits=Limits()), sinks)
            times[name] = time.perf_counter() - start
    finally:
        ray.shutdown()
    return {"docs": docs, "local_s": times["local"], "ray_s": times["ray"],
            "overhead_ms": 1000 * (times["ray"] - times["local"]) * 2 / docs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--docs", type=int, default=200, help="documents per format for the driver's cost")
    parser.add_argument("--ray", action="store_true", help="also measure the Ray engine's overhead")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    with tempfile.TemporaryDirectory() as tmp:
        rows = worker_costs(Path(tmp), args.repeat)
        print(f"Per document, one core (median of {args.repeat}); driver: {args.docs} documents, replayed")
        print(f"{'format':<36}{'pages':>6}{'records':>8}{'worker CPU ms':>14}{'wall ms':>9}{'result KB':>10}"
              f"{'driver CPU ms':>14}{'wall ms':>9}")
        fs = []
        for k, row in enumerate(rows):
            sub = Path(tmp) / f"d{k}"
            sub.mkdir()
            row.update(driver_cost(row, sub, args.docs))
            fs.append(row)
            print(f"{row['format']:<36}{row['pages']:>6}{row['records']:>8}{row['cpu_ms']:>14.1f}{row['wall_ms']:>9.1f}"
                  f"{row['result_kb']:>10.1f}{row['driver_cpu_ms']:>14.1f}{row['driver_ms']:>9.1f}")
        print(f"listing: {min(r['listing_per_s'] for r in fs):,.0f}–{max(r['listing_per_s'] for r in fs):,.0f} "
              f"files/s; hashing: {statistics.median(r['hash_mb_s'] for r in fs):,.0f} MB/s (page cache warm); "
              f"commit of {args.docs} documents: {statistics.median(r['commit_s'] for r in fs):.2f} s")
        if args.ray:
            sub = Path(tmp) / "ray"
            sub.mkdir()
            r = ray_overhead(sub, 200)
            print(f"Ray engine vs local engine, 2 workers, {r['docs']} small .txt notices: local {r['local_s']:.1f} s, "
                  f"ray {r['ray_s']:.1f} s (incl. starting the workers) → {r['overhead_ms']:.1f} ms more per document")


if __name__ == "__main__":
    main()
