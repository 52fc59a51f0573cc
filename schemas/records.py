"""Records the extractors produce; each says where it came from."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from schemas.blocks import ReaderWarning


@dataclass
class DocumentInfo:
    doc_id: str
    source_path: str
    sha256: str
    format: str
    status: str = "ok"  # ok | failed
    error: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    doc_number_raw: str | None = None
    title: str | None = None
    issued_on: dt.date | None = None
    recipients: str | None = None
    cc: str | None = None
    printer: str | None = None
    printed_on: dt.date | None = None
    unit_total_declared: float | None = None
    # Whom the notice assesses when it names no unit (the title's `某镇…考核细则`, `镇对村…`).
    assessed_party: str | None = None
    n_pages: int | None = None
    n_targets: int = 0
    n_indicators: int = 0
    n_units: int = 0
    ocr_pages: list[int] = field(default_factory=list)  # pages whose text was read by OCR
    # The path's bytes as the OS gave them (source_path shows undecodable bytes as U+FFFD).
    source_path_bytes: bytes | None = None
    # The failure may not recur (time or memory limit, a crashed worker): not cached; not a column.
    transient: bool = False
    # A stand-in for a file whose version the dataset already holds: not parsed, no records; not a column.
    held: bool = False
    # The unit a `制表单位：`/`填报单位：`/`编制单位：` line names (a 附件 table without a 版头).
    prepared_by: str | None = None
    # Set when the run assigns the document its identity (ingest.dataset.identity).
    relative_path: str | None = None
    notice_key: str | None = None
    year: int | None = None
    metadata_source: str | None = None  # header | attachment | file_name
    issuer_source: str | None = None  # header | signature | page_label | heading | prepared_by | folder


@dataclass
class Target:
    doc_id: str
    source_path: str
    target_id: str
    unit: str
    unit_raw: str
    unit_group: str | None
    section: str | None
    section_points: float | None
    seq: int | None
    seq_raw: str | None
    text: str
    points: float | None
    page: int | None
    line: int
    # 'unit' for a responsible unit's clause, 'jurisdiction' for the notice's own list.
    scope: str = "unit"
    unit_type: str | None = None
    # Every heading above the clause that carries points, outermost first (`section` is the last).
    section_path: list[str] = field(default_factory=list)
    section_path_points: list[float | None] = field(default_factory=list)
    # deduction (only deducts: 每…扣N分), veto (一票否决), bonus (加分): outside the sums.
    points_rule: str | None = None
    # The scoring rule after the points where a flattened table ran it on (`8分未成立的扣2分`).
    criteria: str | None = None
    # The clause ended with punctuation in the source (`；` `。`); not an output column.
    closed: bool = True
    from_ocr: bool = False  # read by OCR: characters may be misread
    # Not output columns: the numbers of the headings in section_path, the numbering scope (one
    # outline shared by several units), and the unit's own declared total (`（一）各乡镇（100分）`).
    path_seqs: list[int | None] = field(default_factory=list)
    outline_key: str | None = None
    unit_points: float | None = None
    # Not an output column: per level of section_path and, last, the clause's: the unscored parts above
    # it and its marker's rank (a list numbered again from 1 under a new part `二、` is no repeat).
    outline_scopes: list[tuple] = field(default_factory=list)


@dataclass
class Unclaimed:
    """Body text among the clauses that no extractor claimed: reported, never silently dropped."""

    text: str
    unit: str | None
    page: int | None
    line: int


@dataclass
class MetadataLine:
    """A paragraph the GB/T 9704 metadata was read from (``field``: doc_number, title, recipients, issuer,
    issued_on, cc, printed), or a date line the calendar refuses (``invalid_date``)."""

    field: str
    text: str
    page: int | None
    line: int


@dataclass
class AttachmentRef:
    """An entry of the 附件说明 (``role`` listed) or an attachment the document carries (present):
    its number (None for a single unnumbered one) and title as written."""

    role: str
    number: int | None
    title: str | None
    page: int | None
    line: int


@dataclass
class IndicatorRow:
    doc_id: str
    source_path: str
    attachment: str | None
    table_title: str | None
    table_index: int
    row_no: str | None
    row_kind: str  # item | group | total
    category: str | None
    indicator: str | None
    weight: float | None
    weight_raw: str | None
    status: str | None
    target: str | None
    criteria: str | None
    units: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    note: str | None = None
    extra: str | None = None  # JSON object of columns with no canonical name
    page: int | None = None
    line: int = 0
    indicator_id: str | None = None
    units_raw: list[str] = field(default_factory=list)
    from_ocr: bool = False  # read by OCR: characters may be misread
    category_points: float | None = None  # a subtotal written in the grouping cell: `…目标（40分）`
    unit_role: str | None = None  # the header word of the units column: 责任单位, 牵头单位, 管理部门
    co_units: list[str] = field(default_factory=list)  # 配合单位
    assessors: list[str] = field(default_factory=list)  # the assessing or checking side, 数据来源
    criteria_points: float | None = None  # what the scored items of the 评分标准 cell add up to
    criteria_items: list[dict] = field(default_factory=list)  # {"text", "points"} per item of that cell
    # Same 序号 and name as the row above (a merged cell over both); not an output column.
    continues: bool = False


@dataclass
class Measure:
    """One quantified target: `城镇新增就业2400人` → 城镇新增就业, reach, 2400 人."""

    doc_id: str
    source_path: str
    target_id: str | None
    indicator_id: str | None
    unit: str | None
    indicator: str | None
    indicator_key: str | None
    comparator: str
    value: float | None
    value_unit: str | None
    base_value: float | None
    base_unit: str | None
    baseline: str | None
    column: str | None
    page: int | None
    line: int | None


@dataclass
class Finding:
    doc_id: str
    source_path: str
    code: str
    severity: str  # error | warning | info
    message: str
    unit: str | None = None
    section: str | None = None
    seq: int | None = None
    expected: str | None = None
    actual: str | None = None
    page: int | None = None
    line: int | None = None
    unit_raw: str | None = None  # the unit as the check met it (``unit`` is its canonical name)


@dataclass
class Extraction:
    """Everything extracted from one document."""

    info: DocumentInfo
    targets: list[Target] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unclaimed: list[Unclaimed] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    # What the reader noticed (a page without usable text): a check reports them as findings.
    warnings: list[ReaderWarning] = field(default_factory=list)
    metadata_lines: list[MetadataLine] = field(default_factory=list)
    attachments: list[AttachmentRef] = field(default_factory=list)
