"""Who a document is, whatever path it was read from: ``doc_id``, ``notice_key`` and the metadata a
dashboard groups by.

- ``doc_id`` hashes the content and the path *relative to the input root* (the folder or file given on
  the command line, or ``--root``): ``archive/a.docx`` and ``/home/x/archive/a.docx`` are one id, and every
  id built on it (``target_id``, ``indicator_id``, the measures' references) follows, fresh or reused.
- ``notice_key`` is one value for one notice in any format or copy: ``issuer|发文字号`` where the number is
  known, else a fingerprint of the extracted records (units, clause numbers, points and text without
  whitespace; indicator names, weights and units), else the content hash.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from pathlib import Path
from typing import Sequence

from ingest.dataset.issuer import infer_issuer
from ingest.inputs import make_doc_id
from ingest.paths import display
from parsers.extract.metadata import title_from_heading
from schemas.records import DocumentInfo, Extraction

ARCHIVE_SEPARATOR = "!/"  # an archive member is named ``a.zip!/x.docx``
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_SPACE = re.compile(r"\s+")


def relative_name(source: str, roots: Sequence[Path]) -> str:
    """The path the doc_id hashes: relative to the first root holding it (a root that is a file gives
    its own name), with ``/`` separators on every platform; an archive member keeps its place inside."""
    outer, sep, inner = source.partition(ARCHIVE_SEPARATOR)
    absolute = os.path.realpath(outer)
    for root in roots:
        base = os.path.realpath(root)
        if absolute == base:
            return Path(outer).name + sep + inner
        if absolute.startswith(base.rstrip(os.sep) + os.sep):
            return Path(os.path.relpath(absolute, base)).as_posix() + sep + inner
    return Path(absolute).as_posix() + sep + inner  # outside every root: the absolute path is its name


def assign_identity(ex: Extraction, roots: Sequence[Path]) -> Extraction:
    """The extraction with the run's identity: doc_id (and the ids built on it) from the relative path,
    notice_key, year and metadata taken from the 附件 heading or file name where the file has no 版头.
    The source_path stays as it was given."""
    info = ex.info
    source = os.fsdecode(info.source_path_bytes) if info.source_path_bytes else info.source_path
    rel = relative_name(source, roots)
    new_id = make_doc_id(info.sha256, rel)
    old_id = info.doc_id
    if new_id != old_id:
        ex = _renamed(ex, old_id, new_id)
    ex.info.relative_path = display(rel)  # a name that is not UTF-8 is shown with U+FFFD (the id hashed its bytes)
    fill_metadata(ex)
    ex.info.notice_key = notice_key(ex)
    return ex


def held_extraction(row: dict, source: str) -> Extraction:
    """A stand-in for a file whose version the dataset already holds (``layout.held_versions``): its
    ``documents`` row, read at ``source``, without records. The sink counts it unchanged and writes nothing."""
    fields = {f.name for f in dataclasses.fields(DocumentInfo)}
    info = DocumentInfo(**{k: v for k, v in row.items() if k in fields})
    info.source_path, info.source_path_bytes, info.held = display(source), os.fsencode(source), True
    return Extraction(info=info)


def _renamed(ex: Extraction, old_id: str, new_id: str) -> Extraction:
    def moved(record):
        changes = {"doc_id": new_id}
        for name in ("target_id", "indicator_id"):
            value = getattr(record, name, None)
            if value and old_id and value.startswith(old_id):
                changes[name] = new_id + value[len(old_id):]
        return dataclasses.replace(record, **changes)

    return dataclasses.replace(
        ex, info=moved(ex.info), targets=[moved(t) for t in ex.targets], indicators=[moved(r) for r in ex.indicators],
        measures=[moved(m) for m in ex.measures], findings=[moved(f) for f in ex.findings])


def fill_metadata(ex: Extraction) -> None:
    """Title, issuer and year for a file without a title of its own (a 附件 table on its own): the title from the
    附件 heading (the first table title that reads as one), else the file name (``metadata_source`` says which); the issuer as
    ``ingest.dataset.issuer`` finds it (``issuer_source`` says where)."""
    info = ex.info
    if info.status != "ok":
        return
    if info.title:
        info.metadata_source = info.metadata_source or "header"  # the parser marks a title read under a 附件 label
    else:
        heading = next((t for r in ex.indicators if r.table_title and (t := title_from_heading(r.table_title))), None)
        if heading:
            info.title, info.metadata_source = heading, "attachment"
        else:
            stem = Path((info.relative_path or info.source_path).partition(ARCHIVE_SEPARATOR)[2]
                        or info.relative_path or info.source_path).stem
            info.title, info.metadata_source = stem, "file_name"
    if info.issuer and not info.issuer_source:
        info.issuer_source = "header"
    elif not info.issuer:
        info.issuer, info.issuer_source = infer_issuer(ex)
    info.year = document_year(ex)


def document_year(ex: Extraction) -> int | None:
    """The notice's year: 发文字号 〔2020〕, else 成文日期, else a year in the title, else in the file name."""
    info = ex.info
    for text in (info.doc_number,):
        found = _YEAR.search(text or "")
        if found:
            return int(found.group(1))
    if info.issued_on:
        return info.issued_on.year
    for text in (info.title, Path(info.relative_path or info.source_path).name):
        found = _YEAR.search(text or "")
        if found:
            return int(found.group(1))
    return None


def notice_key(ex: Extraction) -> str | None:
    info = ex.info
    if info.status != "ok":
        return None
    if info.doc_number:
        return f"{info.issuer or ''}|{info.doc_number}"
    fingerprint = records_fingerprint(ex)
    return f"fp:{fingerprint}" if fingerprint else f"sha:{info.sha256[:16]}"


def records_fingerprint(ex: Extraction) -> str | None:
    """The same for the same records read from any format: whitespace-free text, numbers, units."""
    items = [("t", t.unit, t.section, t.seq, t.points, _SPACE.sub("", t.text or "")) for t in ex.targets]
    items += [("i", _SPACE.sub("", r.indicator or ""), r.weight, tuple(r.units), r.row_kind) for r in ex.indicators]
    if not items:
        return None
    return hashlib.sha256(repr(sorted(items, key=repr)).encode()).hexdigest()[:16]


def canonical_finding_units(ex: Extraction) -> None:
    """Findings name units as the check met them (as written, variant characters and all): the canonical name joins them to
    targets; ``unit_raw`` keeps the original."""
    from parsers.extract.units import canonical_unit

    for f in ex.findings:
        if f.unit and f.unit_raw is None:
            f.unit_raw, f.unit = f.unit, canonical_unit(f.unit)
