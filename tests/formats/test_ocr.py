"""OCR of scans and photos: pages rendered from the sample PDF (150 dpi, as a scanner would give)
come out with the clauses of the PDF's text layer, through the same paragraph geometry."""
from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFilter

from ingest.cli import main
from ingest.pipeline import RunOptions, process_file
from ingest.writers.commit import read_table
from parsers.ocr import OcrLine, _join_lines, skew_angle
from parsers.ocr_punctuation import half_width_classes, line_votes, set_punctuation
from parsers.readers.image_reader import MAX_PAGES
from parsers.readers.pdf_reader import PAGE_NUMBER

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "sanmenxia_2020_targets.pdf"
PAGE = 3  # 0-based: 义马市 and its ten scored clauses
DPI = 150


@pytest.fixture(scope="module")
def page_image() -> Image.Image:
    pdf = pdfium.PdfDocument(str(SAMPLE))
    return pdf[PAGE].render(scale=DPI / 72).to_pil().convert("RGB")


@pytest.fixture(scope="module")
def text_layer_clauses(tmp_path_factory) -> list[tuple]:
    """The clauses of the same page read from the PDF's text layer."""
    src = pdfium.PdfDocument(str(SAMPLE))
    one = pdfium.PdfDocument.new()
    one.import_pages(src, [PAGE])
    path = tmp_path_factory.mktemp("ref") / "page.pdf"
    one.save(str(path))
    result = process_file(path)
    assert result.info.status == "ok" and not result.info.ocr_pages
    return _clauses(result)


def _clauses(result) -> list[tuple]:
    return [(t.unit, t.seq, t.points, t.text) for t in result.targets]


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _assert_same_clauses(result, expected: list[tuple], max_error: float = 0.02) -> None:
    assert result.info.status == "ok", result.info.error
    got = _clauses(result)
    assert [c[:3] for c in got] == [c[:3] for c in expected]  # unit, number and points exact
    errors = sum(_distance(g[3], e[3]) for g, e in zip(got, expected))
    assert errors <= max_error * sum(len(e[3]) for e in expected), [g[3] for g in got]
    assert all(t.from_ocr for t in result.targets)
    assert result.info.ocr_pages == [1]


def test_transparent_png_of_a_page_gives_the_clauses_of_its_text_layer(tmp_path, page_image, text_layer_clauses):
    """Black text on a transparent background (a screenshot): read on white, not on black."""
    ink = 255 - np.asarray(page_image.convert("L"))
    pixels = np.zeros((*ink.shape, 4), dtype=np.uint8)
    pixels[..., 3] = ink
    path = tmp_path / "page.png"
    Image.fromarray(pixels).save(path)
    result = process_file(path)
    assert result.info.format == "image"
    assert len(text_layer_clauses) == 10 and text_layer_clauses[0][0] == "义马市"
    _assert_same_clauses(result, text_layer_clauses)


def test_photo_stored_sideways_is_turned_by_its_exif_orientation(tmp_path, page_image, text_layer_clauses):
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": the camera was held sideways
    page_image.transpose(Image.Transpose.ROTATE_90).save(path, exif=exif, quality=85)
    _assert_same_clauses(process_file(path), text_layer_clauses)


def test_page_scanned_upside_down_is_turned_by_its_confidence(tmp_path, page_image, text_layer_clauses):
    path = tmp_path / "upside_down.png"
    page_image.convert("L").rotate(180).save(path)  # no EXIF tag: only the text shows it
    _assert_same_clauses(process_file(path), text_layer_clauses)


def test_skewed_blurred_16_bit_scan_is_levelled_and_read(tmp_path, page_image, text_layer_clauses):
    skewed = page_image.rotate(2.5, resample=Image.BICUBIC, fillcolor="white").filter(ImageFilter.GaussianBlur(1.0))
    path = tmp_path / "skewed.tif"
    Image.fromarray(np.asarray(skewed.convert("L")).astype(np.uint16) * 257).save(path)  # 16-bit grey
    assert Image.open(path).mode == "I;16"
    _assert_same_clauses(process_file(path), text_layer_clauses, max_error=0.03)


def test_skew_angle_is_estimated_both_ways(page_image):
    for angle in (-3.0, 0.0, 1.5):
        turned = page_image.rotate(angle, resample=Image.BICUBIC, fillcolor="white")
        assert skew_angle(turned) == pytest.approx(angle, abs=0.25)


@pytest.fixture(scope="module")
def scanned_pdf(tmp_path_factory, page_image) -> Path:
    path = tmp_path_factory.mktemp("scan") / "scan.pdf"
    page_image.convert("L").save(path, resolution=DPI)  # an image-only PDF: no text layer
    return path


def test_scanned_pdf_page_is_ocrd_under_ocr_auto(scanned_pdf, text_layer_clauses):
    result = process_file(scanned_pdf, RunOptions(ocr="auto"))
    assert result.info.format == "pdf"
    _assert_same_clauses(result, text_layer_clauses)
    assert not [f for f in result.findings if f.code == "text_layer_unreadable"]


def test_only_the_pages_without_a_text_layer_are_ocrd(tmp_path, scanned_pdf, text_layer_clauses):
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(SAMPLE)), list(range(PAGE)))  # pages with their text layer
    mixed.import_pages(pdfium.PdfDocument(str(scanned_pdf)), [0])  # then the scan of the next page
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    result = process_file(path, RunOptions(ocr="auto"))
    assert result.info.ocr_pages == [PAGE + 1]
    read = [t for t in result.targets if t.page <= PAGE]
    scanned = [t for t in result.targets if t.page == PAGE + 1]
    assert len(read) == 20 and not any(t.from_ocr for t in read)
    assert all(t.from_ocr for t in scanned)
    assert [(t.unit, t.seq, t.points) for t in scanned] == [c[:3] for c in text_layer_clauses]


def test_scanned_pdf_fails_with_the_way_out_under_ocr_off(scanned_pdf, capsys):
    result = process_file(scanned_pdf, RunOptions(ocr="off"))
    assert result.info.status == "failed"
    assert "needs OCR" in result.info.error and "--ocr auto" in result.info.error
    assert main(["check", str(scanned_pdf), "--ocr", "off"]) == 2
    assert "needs OCR" in capsys.readouterr().err


def test_image_under_ocr_off_fails_with_a_reason(tmp_path, page_image):
    path = tmp_path / "page.png"
    page_image.resize((200, 280)).save(path)
    result = process_file(path, RunOptions(ocr="off"))
    assert result.info.status == "failed" and "needs OCR" in result.info.error


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_image_of_30000_by_30000_pixels_fails_with_a_reason(tmp_path):
    """A real decompression bomb: a ~100 KB PNG that decodes to 900 million pixels."""
    side = 30_000
    row = b"\x00" + b"\x00" * (side // 8)  # filter byte + one row of 1-bit pixels
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row * 1000) for _ in range(side // 1000)) + packer.flush()
    png = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
           + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b""))
    path = tmp_path / "bomb.png"
    path.write_bytes(png)
    assert path.stat().st_size < 1_000_000
    result = process_file(path)
    assert result.info.status == "failed"
    assert "too large" in result.info.error and "900000000" in result.info.error


def test_tiff_of_1000_pages_is_refused_with_a_reason(tmp_path):
    frames = [Image.new("L", (16, 16), 255) for _ in range(1000)]
    path = tmp_path / "many.tif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    result = process_file(path)
    assert result.info.status == "failed"
    assert f"more than {MAX_PAGES} pages" in result.info.error


def test_ocr_punctuation_is_set_full_width_in_chinese_text():
    assert set_punctuation("全省平均水平(60分);") == "全省平均水平（60分）；"
    assert set_punctuation("研究与试验发展(R&D)经费") == "研究与试验发展（R&D）经费"
    assert set_punctuation("PM₂.5浓度下降1,000吨") == "PM2.5浓度下降1,000吨"
    assert set_punctuation("Annual targets (draft), v2") == "Annual targets (draft), v2"


def _placed(text: str, pitch: float = 25.0, half: float = 7.0) -> list[tuple[str, float]]:
    """Characters at the starts a printed line gives them: a Chinese character or full-width mark a pitch
    wide, an ASCII mark or digit ``half`` wide."""
    out, x = [], 100.0
    for ch in text:
        out.append((ch, x))
        x += pitch if not ch.isascii() else half
    return out


def test_ocr_marks_printed_half_width_stay_half_width():
    # A notice typed with ASCII marks, scanned: the recogniser reads `，` and `（` either way; the room each
    # mark takes says which it is. Before, every mark touching Chinese text was set full width.
    line = _placed("成立组织机构,明确一位领导分管(以文件为准),有一名办事员兼职;")
    votes = line_votes(line)
    assert votes and all(advance < 0.5 for _, advance in votes)
    half = half_width_classes(votes * 3)  # as three such lines of a page
    assert half == {"comma", "bracket"}
    assert set_punctuation("成立组织机构，明确一位领导分管（以文件为准），有一名办事员兼职；", half) == \
        "成立组织机构,明确一位领导分管(以文件为准),有一名办事员兼职;"


def test_ocr_marks_printed_full_width_are_set_full_width():
    line = _placed("成立组织机构，明确一位领导分管（以文件为准），有一名办事员兼职；")
    assert half_width_classes(line_votes(line) * 3) == frozenset()
    assert set_punctuation("成立组织机构,明确一位领导分管(以文件为准),有一名办事员兼职;") == \
        "成立组织机构，明确一位领导分管（以文件为准），有一名办事员兼职；"


def test_ocr_page_with_too_few_measured_marks_keeps_chinese_print_convention():
    votes = line_votes(_placed("考核内容,分值"))
    assert half_width_classes(votes) == frozenset()  # one vote is no convention


def test_page_number_whose_dash_was_read_as_yi_is_still_a_page_number():
    """`— 4 —` read as `-4一` was kept as body text and broke the clauses of the next page."""
    line = OcrLine("-4一", 275.0, 789.0, 325.0, 806.0, 0.9)
    assert [x.text for x in _join_lines([line])] == ["— 4 —"]
    assert PAGE_NUMBER.match("— 4 —")
    assert [x.text for x in _join_lines([replace(line, text="一二一")])] == ["一二一"]


def test_run_under_ocr_auto_does_not_reuse_the_failure_cached_under_ocr_off(tmp_path, scanned_pdf):
    out = tmp_path / "out"
    assert main(["run", str(scanned_pdf), "--out", str(out), "--ocr", "off", "--jobs", "1", "--quiet"]) == 1
    assert main(["run", str(scanned_pdf), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    (doc,) = read_table(out, "documents").to_pylist()
    assert doc["status"] == "ok" and doc["ocr_pages"] == [1] and doc["n_targets"] == 10
    targets = read_table(out, "targets")
    assert targets.column("from_ocr").to_pylist() == [True] * 10
    assert targets.schema.field("from_ocr").metadata[b"description"].decode().startswith("是否经OCR识别")


def test_engine_is_built_from_the_bundled_models_without_the_network(monkeypatch):
    """Offline: constructing the engine and reading a line never opens a connection."""
    import socket

    from parsers import ocr

    def refuse(*args, **kwargs):
        raise AssertionError("the OCR engine tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(ocr, "_engines", {})
    image = Image.new("L", (400, 80), 255)
    ImageDraw.Draw(image).rectangle((20, 30, 380, 50), fill=0)  # a bar the detector may take for text
    ocr.ocr_image(image)
    assert len(ocr._engines) == 1
