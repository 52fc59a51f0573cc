"""The 附件说明 against the attachments the document carries (GB/T 9704-2012 8: 附件顺序号和附件标题应当与
附件说明的表述一致). Only a document carrying at least one of its listed attachments is held to the list:
a web copy or an archive's first file often leaves them all out."""
from __future__ import annotations

from typing import Iterator

from ingest.checks.base import check, finding
from parsers.extract.attachments import same_title
from schemas.findings import WARNING, FindingKind
from schemas.records import AttachmentRef, Extraction, Finding

MISSING = FindingKind("attachment_missing", WARNING, "附件缺失", "附件说明列有{name}“{title}”，文中未见该附件")
UNLISTED = FindingKind("attachment_unlisted", WARNING, "附件未列入附件说明", "文中有{name}，附件说明未列出")
TITLE = FindingKind("attachment_title_mismatch", WARNING, "附件标题与附件说明不一致",
                    "{name}标题“{actual}”与附件说明“{expected}”不一致")


@check(MISSING, UNLISTED, TITLE)
def check_attachments(ex: Extraction) -> Iterator[Finding]:
    listed = [a for a in ex.attachments if a.role == "listed"]
    present = [a for a in ex.attachments if a.role == "present"]
    if not listed or not present:
        return
    single = len(listed) == 1 and len(present) == 1  # `附件：…` over one `附件` (numbered or not)
    by_number = {a.number: a for a in present}
    for entry in listed:
        found = present[0] if single else by_number.get(entry.number)
        if found is None:
            yield _finding(ex, "attachment_missing", entry, title=entry.title)
        elif entry.title and found.title and not same_title(entry.title, found.title):
            yield _finding(ex, "attachment_title_mismatch", found, expected=entry.title,
                           actual=found.title.split("\n")[0])
    numbers = {a.number for a in listed}
    for extra in present:
        if not single and extra.number not in numbers:
            yield _finding(ex, "attachment_unlisted", extra)


def _finding(ex: Extraction, code: str, at: AttachmentRef, **values) -> Finding:
    name = f"附件{at.number}" if at.number is not None else "附件"
    return finding(ex, code, name=name, page=at.page, line=at.line, **values)
