"""Scans and photos (.jpg .jpeg .png .tif .tiff .bmp, multi-page TIFF): read by OCR."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe

MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+", b"BM")


def _read(path, source, options):
    from parsers.readers.image_reader import read_image  # the OCR and PDF stack load only for an image

    return read_image(path, source, options.ocr, options.threads)


def _sniff(p: Probe) -> bool:
    # "BM" alone is two common bytes: a bitmap also needs its extension.
    return p.head.startswith(MAGIC[:-1]) or (p.head.startswith(b"BM") and p.extension == ".bmp")


FORMAT = register(Format(
    name="image", extensions=(".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"), label="image (scan or photo)",
    priority=20, sniff=_sniff,
    read=_read))
