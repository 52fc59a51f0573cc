"""Where the GB/T 9704 metadata stands: the paragraph each field was read from, and a date line the
calendar refuses (`2024年3月35日`).

The metadata extractor fills the documents row; this finds the paragraphs behind its values, so a
finding about the 发文字号 points at that line, and lines read as metadata are not reported again as
text nothing claimed (a drafter sees each slip once).
"""
from __future__ import annotations

from parsers.extract.dates import chinese_zeros, parse_date
from parsers.extract.metadata import CC, PRINTED, RED_HEADER, plain_front, split_glued_number
from parsers.extract.metadata_labels import labelled_values
from parsers.extract.patterns import ARABIC_DATE, CHINESE_DATE
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Document, Paragraph
from schemas.records import DocumentInfo, MetadataLine

DATE_LINE_CHARS = 20  # a date standing alone (the 成文日期 under the signature), not a sentence holding one
LEAD_CHARS = 12  # characters before a title on its line: a page's mark, a label, a 发文字号 its brackets lost
QUOTES = "《“\"〈「"  # a title quoted is named by a sentence (`现将《…》印发给你们`), not stated
TAIL = 12  # paragraphs searched from the end for 抄送 and 印发 (as the metadata extractor does)


def metadata_lines(doc: Document, info: DocumentInfo) -> list[MetadataLine]:
    """The paragraphs the metadata of ``info`` was read from, and date lines that are no date."""
    paras = doc.paragraphs()
    found: list[MetadataLine] = []
    front = plain_front(paras)
    _front_matter(front, info, found)
    _dates(paras, info, found)
    _tail(paras[-TAIL:], found)
    _page_labels(front, info, found)
    return found


def _page_labels(front: list[Paragraph], info: DocumentInfo, found: list[MetadataLine]) -> None:
    """Lines of the metadata a site printed above the document (field `page_<field>`), once a field; the value
    read from one fills ``info`` only where the document said nothing (metadata.py)."""
    for field, (_, para) in labelled_values(front).items():  # each field, though a line may hold several
        found.append(_line(f"page_{field}", para))


def from_page_labels(lines: list[MetadataLine]) -> set[str]:
    """The fields a site's labels gave (issued_on for 发布日期 too): not the document's own head."""
    fields = {m.field.removeprefix("page_") for m in lines if m.field.startswith("page_")}
    return fields | ({"issued_on"} if "published_on" in fields else set()) | (
        {"issuer"} if "published_by" in fields else set())


def _line(field: str, p: Paragraph) -> MetadataLine:
    return MetadataLine(field, p.text.strip(), p.prov.page, p.prov.line)


def _front_matter(front: list[Paragraph], info: DocumentInfo, found: list[MetadataLine]) -> None:
    number = no_space(info.doc_number_raw or "")
    recipients = no_space(info.recipients or "")
    titled = _title_lines(front, info.title or "")
    found.extend(_line("title", p) for p in titled)
    for p in front:
        text = no_space(p.text)
        if number and text and halfwidth(text).rstrip(")").endswith(halfwidth(number)):  # alone, or glued after the title
            found.append(_line("doc_number", p))
            number = ""
            continue
        if not text or any(p is t for t in titled):
            continue
        if recipients and text.rstrip("：:") == recipients:
            found.append(_line("recipients", p))
        elif info.issuer and RED_HEADER.match(text) and text.startswith(no_space(info.issuer).replace("、", "")):
            # (joint issuers the header runs together are read apart: `中共某县委员会、某县人民政府`)
            found.append(_line("issuer", p))


def _title_lines(front: list[Paragraph], title: str) -> list[Paragraph]:
    """The paragraphs the title was read from: one, several it was set over, or the one ending it."""
    texts = [split_glued_number(no_space(p.text))[0] for p in front]
    for i in range(len(texts)):  # a title set over several paragraphs, the issuer's line above it included
        for span in range(2, 5):
            if len(title) >= 4 and "".join(texts[i:i + span]) == title and i + span <= len(texts):
                return front[i:i + span]
    for i, text in enumerate(texts):
        if len(title) >= 4 and text.startswith(title):  # alone, or web text ran the 主送 on after it
            return [front[i]]
        if len(title) >= 4 and 0 < (at := text.find(title, 0, LEAD_CHARS + len(title))) and text[at - 1] not in QUOTES:
            return [front[i]]  # after a page's mark or a run-in 发文字号 (`92018年…`, `某残发201133号…`), not quoted
        if len(text) >= 4 and title.endswith(text):
            if text == title or i == 0:
                return [front[i]]
            return [front[i - 1], front[i]] if texts[i - 1] + text == title else [front[i]]
    return []


def _dates(paras: list[Paragraph], info: DocumentInfo, found: list[MetadataLine]) -> None:
    """The 成文日期's line, and every short date line whose day the calendar does not have."""
    dated = False
    for p in paras:
        raw = p.text
        if "年" not in raw or "日" not in raw or len(raw) > 3 * DATE_LINE_CHARS:  # (cheap tests first: most lines)
            continue
        text = halfwidth(no_space(raw))
        if len(text) > DATE_LINE_CHARS or text.endswith("印发") or not _date_shaped(text):
            continue
        day = parse_date(text)
        if day is None:
            found.append(_line("invalid_date", p))
        elif not dated and day == info.issued_on:
            found.append(_line("issued_on", p))
            dated = True


def _date_shaped(text: str) -> bool:
    return bool(ARABIC_DATE.search(text) or CHINESE_DATE.search(chinese_zeros(text)))


def _tail(tail: list[Paragraph], found: list[MetadataLine]) -> None:
    for p in tail:
        text = no_space(p.text)
        if CC.match(p.text):
            found.append(_line("cc", p))
        elif PRINTED.search(text):
            found.append(_line("printed", p))


def at(lines: list[MetadataLine], field: str) -> MetadataLine | None:
    """The first line read for ``field``."""
    return next((m for m in lines if m.field == field), None)
