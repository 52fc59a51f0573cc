"""OCR speed and accuracy on scanned pages of the sample notice (not a test).

Pages of ``samples/sanmenxia_2020_targets.pdf`` are rendered at 150 dpi into an image-only PDF
(a scan without a text layer) and read through the pipeline with ``--ocr auto`` on one thread.
Reported: seconds per page (CPU time of the one thread, which is what an idle core takes; the
wall time is printed too), character error rate of each page's text against the
text layer of the same page (whitespace ignored), and the scored clauses (unit, number, text,
points) that come out the same as from the text layer.

    python benchmarks/ocr_bench.py [--pages 12] [--dpi 150] [--ocr-dpi 150] [--compare]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")

import pypdfium2 as pdfium  # noqa: E402
import regex  # noqa: E402

from ingest.pipeline import extract  # noqa: E402
from parsers import ocr  # noqa: E402
from parsers.readers import pdf_reader  # noqa: E402
from parsers.readers.pdf_reader import read_pdf  # noqa: E402
from schemas.records import DocumentInfo  # noqa: E402

SAMPLE = ROOT / "samples" / "sanmenxia_2020_targets.pdf"
SPACE = regex.compile(r"\s+")
# The engine's own detection setting, for comparison with ours (parsers/ocr.py DET_SETTINGS).
ALTERNATIVES = {"det: shorter side ≥736 px (engine default)": {"Det.limit_type": "min", "Det.limit_side_len": 736},
                "det: longer side 640 px": {"Det.limit_type": "max", "Det.limit_side_len": 640}}


def make_inputs(folder: Path, pages: int, dpi: int) -> tuple[Path, Path]:
    """The first ``pages`` pages as a text-layer PDF and as a scanned (image-only) PDF."""
    src = pdfium.PdfDocument(str(SAMPLE))
    text_pdf = pdfium.PdfDocument.new()
    text_pdf.import_pages(src, list(range(pages)))
    text_path = folder / "text.pdf"
    text_pdf.save(str(text_path))
    images = [src[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(pages)]
    scan_path = folder / "scan.pdf"
    images[0].save(scan_path, save_all=True, append_images=images[1:], resolution=dpi)
    return text_path, scan_path


def page_texts(doc) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in doc.blocks:
        text = getattr(block, "text", None) or "".join(c for r in block.rows for c in r.cells)
        out[block.prov.page] = out.get(block.prov.page, "") + SPACE.sub("", text)
    return out


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def clauses(doc) -> set[tuple]:
    result = extract(doc, DocumentInfo(doc_id="bench", source_path=doc.source, sha256="", format="pdf"))
    return {(t.unit, t.seq, t.text, t.points) for t in result.targets if t.points is not None}


def measure(text_path: Path, scan_path: Path, label: str) -> None:
    text_doc = read_pdf(text_path, "text")
    reference = page_texts(text_doc)
    ocr._engine(1, ocr.DET_SETTINGS)  # engine construction is paid once per worker, not per page
    start, cpu = time.perf_counter(), time.process_time()
    scanned = read_pdf(scan_path, "scan", ocr="auto", threads=1)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    got = page_texts(scanned)
    errors = sum(edit_distance(reference.get(p, ""), got.get(p, "")) for p in reference)
    chars = sum(len(t) for t in reference.values())
    expected, found = clauses(text_doc), clauses(scanned)
    n = scanned.n_pages
    print(f"{label}: {cpu / n:.2f} s/page CPU ({elapsed / n:.2f} s wall) over {n} pages, one thread; "
          f"CER {100 * errors / chars:.2f} % ({errors} of {chars} characters); "
          f"scored clauses {len(expected & found)} of {len(expected)} identical")
    for p in sorted(reference):
        if reference[p] != got.get(p, ""):
            e = edit_distance(reference[p], got.get(p, ""))
            print(f"  page {p}: {e} edits")
    for clause in sorted(expected - found, key=str)[:5]:
        print("  differs:", clause)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--dpi", type=int, default=150)
    parser.add_argument("--compare", action="store_true", help="also measure other detection sizes")
    parser.add_argument("--ocr-dpi", type=int, default=pdf_reader.OCR_DPI, help="resolution pages are rendered at for OCR")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text_path, scan_path = make_inputs(Path(tmp), args.pages, args.dpi)
        pdf_reader.OCR_DPI = args.ocr_dpi
        measure(text_path, scan_path, f"rapidocr 3.10 PP-OCRv6, {args.dpi} dpi scan read at {args.ocr_dpi} dpi, "
                                      "det longer side 960 px")
        if args.compare:
            for label, settings in ALTERNATIVES.items():
                ocr.DET_SETTINGS = settings
                measure(text_path, scan_path, f"{args.dpi} dpi, {label}")


if __name__ == "__main__":
    main()
