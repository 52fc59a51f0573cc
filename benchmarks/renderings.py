"""The gold documents read as other renderings: each gold .txt rendered as a drafter's office would make
it (.docx with python-docx, .pdf of that .docx by LibreOffice headless; tests/renderings_build.py), all
scored by the accuracy scorer against the same gold. Prints per document: the .txt, .docx and .pdf score
and false errors, and the formats' means. With `--web`, also as a government site publishes it: an .html page
(the article in a layout table, GB2312-declared, merged cells as rowspan/colspan) and a .pdf of that page
printed by headless Chromium (another PDF producer; tests/renderings_web.py). With `--scan`, also the .pdf as an
archive's scanner gives it: its pages as grey 200 dpi JPEG images, a little askew, no text layer, read by OCR
(.scan.pdf; tests/renderings_scan.py). With `--photo`, also the .pdf as a phone photo of the printed pages: on a
desk, in perspective, lit unevenly, a little blurred, JPEG (.photo.jpg, or a multi-page .photo.tif; read by OCR;
tests/renderings_photo.py). With `--sheet`, also each table document as a spreadsheet (.xlsx: tables in cells,
merged cells merged, prose a line a row; tests/renderings_sheet.py). With `--office`, also each .docx as .doc, .odt
and .rtf and each .xlsx as .xls and .ods, converted by LibreOffice. Everything is built in a temporary folder.

By default a rendering holds the document as the .txt reader reads it (paragraphs, and every table it finds
as a Word table, merged cells from the gold); `--raw-lines` renders the .txt's lines as they stand instead
(only tab-convention tables become Word tables; flattened web text stays paragraphs).

Usage: python benchmarks/renderings.py [--real DIR ...] [--only SUBSTRING ...] [--no-pdf] [--raw-lines] [--web] [--scan] [--photo]
                                       [--sheet] [--office] [--json FILE] [--keep DIR]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from parsers.readers.libreoffice import find_soffice  # noqa: E402
from tests.renderings_build import ALIGNMENTS, build_renderings, convert_to_pdf  # noqa: E402
from tests.renderings_photo import photo_pages  # noqa: E402
from tests.renderings_scan import scan_pdf  # noqa: E402
from tests.renderings_sheet import build_xlsx  # noqa: E402
from tests.renderings_web import build_html, find_chromium, print_pdfs  # noqa: E402

FORMATS = ("txt", "docx", "pdf", "doc", "odt", "rtf", "xlsx", "xls", "ods", "html", "web.pdf", "scan.pdf", "photo")
# What --office makes of each .docx and .xlsx (LibreOffice's filter names).
# A .doc is made from the .odt: LibreOffice 7.4 writes python-docx's tables into a .doc as plain paragraphs when it
# converts the .docx directly (an .odt's tables it keeps), and a Word 97 file without its tables is not what
# archives hold.
OFFICE = {".docx": ("odt", "rtf"), ".odt": ("doc:MS Word 97",), ".xlsx": ("xls:MS Excel 97", "ods")}


def _accuracy():
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_files(reals: list[Path], only: list[str] | None = None) -> list[Path]:
    found = [g for folder in reals for g in sorted(Path(folder).rglob("*.gold.json"))]
    return [g for g in found if not only or any(o in g.name for o in only)]


def build_web(golds: list[Path], work: Path, raw_lines: bool = False, pdf: bool = True) -> dict[str, dict]:
    """The .html rendering of each gold document beside its other renderings, and (with ``pdf`` and Chromium)
    its .web.pdf."""
    infos, pages = {}, []
    for gold_path in golds:
        stem = gold_path.name[: -len(".gold.json")]
        txt = gold_path.with_name(stem + ".txt")
        if txt.is_file():
            page = work / gold_path.parent.name / (stem + ".html")
            infos[stem] = build_html(txt, page, json.loads(gold_path.read_text(encoding="utf-8")), raw_lines)
            pages.append(page)
    chromium = find_chromium() if pdf else None
    if chromium and pages:
        print_pdfs(pages, chromium)
    return infos


def build_sheets(golds: list[Path], work: Path) -> None:
    """An .xlsx beside each table document's other renderings (tests/renderings_sheet.py)."""
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        stem = gold_path.name[: -len(".gold.json")]
        txt = gold_path.with_name(stem + ".txt")
        if gold.get("kind") == "tables" and txt.is_file():
            build_xlsx(txt, work / gold_path.parent.name / (stem + ".xlsx"), gold)


def build_office(work: Path, soffice: str) -> None:
    """Each .docx also as .doc, .odt and .rtf, each .xlsx as .xls and .ods, converted by LibreOffice: the formats
    an archive holds from older or other office suites, read back through their own paths."""
    for folder in sorted(p for p in work.iterdir() if p.is_dir()):
        for suffix, targets in OFFICE.items():  # in order: the .odt are made before the .doc made of them
            made = sorted(folder.glob("*" + suffix))
            for target in targets if made else ():
                convert_to_pdf(made, folder, soffice, to=target)


def _stem_and_format(name: str, stems: set[str]) -> tuple[str, str]:
    """`X.web.pdf` → (X, web.pdf): the longest gold stem the name starts with. A photo is one format whether
    it is a .jpg (one page) or a .tif (several)."""
    stem = max((s for s in stems if name.startswith(s + ".")), key=len, default=name.rsplit(".", 1)[0])
    fmt = name[len(stem) + 1:]
    return stem, "photo" if fmt.startswith("photo.") else fmt


def score_renderings(golds: list[Path], work: Path, pdf: bool = True, raw_lines: bool = False,
                     web: bool = False, scan: bool = False, photo: bool = False, align: str = "left",
                     sheet: bool = False, office: bool = False) -> dict:
    """Builds the renderings of ``golds`` in ``work`` and scores them: {stem: {fmt: result}} plus build info."""
    accuracy = _accuracy()
    soffice = find_soffice() if pdf else None
    infos = build_renderings(golds, work, soffice, raw_lines, align)
    web_infos = build_web(golds, work, raw_lines, pdf) if web else {}
    if sheet:
        build_sheets(golds, work)
    if office and soffice:
        build_office(work, soffice)
    made_pdfs = [m for m in sorted(work.glob("*/*.pdf")) if not m.name.endswith((".web.pdf", ".scan.pdf"))]
    for made in made_pdfs if soffice else []:
        if scan:
            scan_pdf(made, made.with_suffix(".scan.pdf"))
        if photo:
            photo_pages(made, made.parent, made.name[: -len(".pdf")])
    dirs = sorted(p for p in work.iterdir() if p.is_dir())
    gold_of, files, _ = accuracy.collect_inputs(dirs)
    files = [f for f in files if f.name in gold_of]  # the samples are not renderings
    outputs = accuracy.run_tool(files)
    stems = {g.name[: -len(".gold.json")] for g in golds}
    table: dict[str, dict] = {}
    for name, gold in gold_of.items():
        stem, fmt = _stem_and_format(name, stems)
        table.setdefault(stem, {"set": gold["_set"], "kind": gold.get("kind", "notice")})[fmt] = \
            accuracy.score_gold(gold, outputs[name])
    for stem, row in table.items():
        row["build"] = infos.get(stem + ".txt", {})
        if stem in web_infos:
            row["build_web"] = web_infos[stem]
    return {"documents": table, "pdf": soffice is not None, "web": web}


def _cell(result: dict | None) -> str:
    if result is None:
        return "—"
    return f"{result['score']:.3f}" + (f" ({result['false_errors']}e)" if result.get("false_errors") else "")


def markdown(result: dict) -> str:
    shown = [f for f in FORMATS if any(f in row for row in result["documents"].values())]
    lines = ["| document | kind | " + " | ".join(shown) + " | false errors " + "/".join(shown) + " |",
             "|---|---|" + "---|" * (len(shown) + 1)]
    sums: dict[str, list[float]] = {f: [] for f in shown}
    below: dict[str, int] = {f: 0 for f in shown}
    for stem, row in sorted(result["documents"].items()):
        errors = "/".join(str(row[f]["false_errors"]) if f in row else "—" for f in shown)
        lines.append(f"| {stem} | {row['kind']} | " + " | ".join(_cell(row.get(f)) for f in shown)
                     + f" | {errors} |")
        for f in shown:
            if f in row:
                sums[f].append(row[f]["score"])
                if f != "txt" and "txt" in row and row[f]["score"] < row["txt"]["score"] - 1e-9:
                    below[f] += 1
    means = "; ".join(f"{f}: mean {sum(v) / len(v):.3f} over {len(v)}" for f, v in sums.items() if v)
    lines += ["", means, "renderings scoring below their .txt: " + ", ".join(f"{f} {below[f]}" for f in shown if f != "txt")]
    if not result["pdf"]:
        lines.append("(no PDF: LibreOffice not found or --no-pdf)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    accuracy = _accuracy()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, action="append", help="folder of *.gold.json and .txt (repeatable; "
                        "default: the accuracy benchmark's sets)")
    parser.add_argument("--only", action="append", help="only gold files whose name contains this (repeatable)")
    parser.add_argument("--no-pdf", action="store_true", help="build and score the .docx only")
    parser.add_argument("--raw-lines", action="store_true", help="render the .txt's lines as they stand (web "
                        "artefacts kept: flattened tables as paragraphs) instead of the .txt reader's blocks")
    parser.add_argument("--web", action="store_true", help="also as a web page (.html) and that page printed to "
                        "PDF by headless Chromium (.web.pdf)")
    parser.add_argument("--scan", action="store_true", help="also the .pdf as a scanner gives it (images only, "
                        "read by OCR: minutes, about 2 s a page on one core)")
    parser.add_argument("--photo", action="store_true", help="also the .pdf as a phone photo of the printed pages "
                        "(perspective, uneven light, blur, JPEG; read by OCR like --scan)")
    parser.add_argument("--align", choices=sorted(ALIGNMENTS), default="left", help="how the .docx aligns body "
                        "paragraphs: left, justify (两端对齐) or distribute (分散对齐: last lines stretched too)")
    parser.add_argument("--sheet", action="store_true", help="also each table document as a spreadsheet (.xlsx: "
                        "tables in cells, merged cells merged, prose a line a row)")
    parser.add_argument("--office", action="store_true", help="also each .docx as .doc, .odt and .rtf and each "
                        ".xlsx as .xls and .ods (LibreOffice)")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    golds = gold_files(args.real or list(accuracy.DEFAULT_REALS), args.only)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = score_renderings(golds, args.keep, pdf=not args.no_pdf, raw_lines=args.raw_lines, web=args.web,
                                    scan=args.scan, photo=args.photo, align=args.align, sheet=args.sheet,
                                    office=args.office)
    else:
        with tempfile.TemporaryDirectory(prefix="renderings-") as tmp:
            result = score_renderings(golds, Path(tmp), pdf=not args.no_pdf, raw_lines=args.raw_lines, web=args.web,
                                    scan=args.scan, photo=args.photo, align=args.align, sheet=args.sheet,
                                    office=args.office)
    print(markdown(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
