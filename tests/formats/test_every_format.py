"""An archive folder as users have them: every format at once gives one documents row per file,
skipped files included, and the batch goes on past the broken ones."""
from __future__ import annotations

import shutil
import zipfile

import pypdfium2 as pdfium

from ingest.cli import main
from ingest.writers.commit import read_table
from tests.conftest import SAMPLES
from tests.formats.ofd_writer import Para, write_ofd


def test_a_folder_with_every_format_gives_one_row_per_file(tmp_path, made):
    folder = tmp_path / "档案"
    folder.mkdir()
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, folder / sample.name)
    for name, path in made.items():
        shutil.copy(path, folder / name)
    write_ofd(folder / "notice.ofd", [Para("关于印发目标的通知", True), Para("1.建立工作机构（10分）；")])
    page = pdfium.PdfDocument(str(SAMPLES / "sanmenxia_2020_targets.pdf"))[3].render(scale=150 / 72).to_pil()
    page.convert("RGB").save(folder / "scan.jpg", quality=90)
    with zipfile.ZipFile(folder / "附件.zip", "w") as zf:
        zf.write(SAMPLES / "jiayuguan_2022q2_decomposition.docx", "附件/tables.docx")
    (folder / "~$notice.docx").write_bytes(b"lock")
    (folder / "slides.pptx").write_bytes(b"not ours")
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 cut short")
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--jobs", "2", "--quiet"]) == 1  # broken.xlsx fails
    docs = {d["source_path"].rsplit("/", 1)[-1]: d for d in read_table(out, "documents").to_pylist()}
    listed = {p.name for p in folder.iterdir()} - {"附件.zip"} | {"tables.docx"}
    assert set(docs) == listed
    status = {name: d["status"] for name, d in docs.items()}
    assert status["~$notice.docx"] == status["slides.pptx"] == "skipped"
    assert status["broken.xlsx"] == "failed" and docs["broken.xlsx"]["error"]
    assert all(s == "ok" for name, s in status.items() if name not in {"~$notice.docx", "slides.pptx", "broken.xlsx"})
    assert docs["scan.jpg"]["ocr_pages"] and docs["scan.jpg"]["n_targets"] >= 8
    assert docs["notice.doc"]["n_targets"] == docs["sanmenxia_2020_targets.docx"]["n_targets"]
    assert docs["tables.xlsx"]["n_indicators"] == docs["tables.docx"]["n_indicators"] == 66
