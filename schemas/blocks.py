"""The reader contract: a document is a sequence of blocks, each with its provenance."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Provenance:
    """Where a block came from: ``page`` is 1-based (None where the format has no pages);
    ``line`` is the 1-based line (text), paragraph index (docx) or line on the page (pdf)."""

    source: str
    page: int | None
    line: int
    ocr: bool = False  # the text was read by OCR from an image of the page (may hold misread characters)


@dataclass
class Paragraph:
    text: str
    prov: Provenance
    # 1 for a title-level heading; None for body text. Markdown `#`, Word heading styles.
    heading_level: int | None = None
    # The whole line is set in bold (Word runs, markdown **…**): drafters mark headings so.
    bold: bool = False
    # Centred line (PDF geometry, Word alignment): titles are centred.
    centered: bool = False


@dataclass
class TableRow:
    cells: list[str]
    prov: Provenance


@dataclass
class Table:
    rows: list[TableRow]
    prov: Provenance
    # Readers that see real merges (docx, pdf) resolve them; text input cannot.
    merges_resolved: bool = True


Block = Paragraph | Table


@dataclass
class ReaderWarning:
    """Something the reader noticed but could not fix (e.g. a page with no usable text)."""

    code: str
    message: str
    page: int | None = None


@dataclass
class Document:
    source: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    n_pages: int | None = None
    warnings: list[ReaderWarning] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages whose text came from OCR

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
