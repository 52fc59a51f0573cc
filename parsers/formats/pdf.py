"""PDF: ``%PDF-`` within the first kilobyte (some writers put bytes before it)."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe


def _sniff(p: Probe) -> bool:
    return b"%PDF-" in p.head[:1024]


def _read(path, source, options):
    from parsers.readers.pdf_reader import read_pdf  # pdfplumber and numpy load only when a PDF is read

    return read_pdf(path, source, options.password, options.ocr, options.threads)


FORMAT = register(Format(
    name="pdf", extensions=(".pdf",), label="PDF", priority=10, sniff=_sniff,
    read=lambda path, source, options: _read(path, source, options)))
