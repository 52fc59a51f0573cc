"""Word comments written back into a .docx (python-docx ≥ 1.2 ``add_comment``), each on the
paragraph a line number names. Lines are counted as ``read_docx`` counts them: every body
paragraph and every table row, in document order; a row's comment goes on its first written cell."""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

AUTHOR, INITIALS = "notice-ingest", "NI"


def anchors(document) -> dict[int, Paragraph]:
    """Line number (as the reader counts) → the paragraph a comment on that line goes on."""
    found: dict[int, Paragraph] = {}
    counter = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            counter += 1
            found[counter] = item
        elif isinstance(item, Table):
            for tr in item._tbl.tr_lst:
                counter += 1
                cells = [Paragraph(p, item) for tc in tr.tc_lst for p in tc.p_lst]
                written = [p for p in cells if p.text.strip()]
                if cells:
                    found[counter] = (written or cells)[0]
    return found


def _runs(paragraph: Paragraph):
    runs = [r for r in paragraph.runs if r.text]
    return runs or [paragraph.add_run("")]


def commented_copy(path: Path, notes: list[tuple[int | None, str]]) -> bytes | None:
    """The file with one comment per note (line, text); a note without a line (or a line the file
    does not have) goes on the first written paragraph. None when the file is not a Word package."""
    try:
        document = docx.Document(str(path))
    except Exception:  # a PDF, a text file, a damaged package: nothing to comment on
        return None
    places = anchors(document)
    first = next((p for p in places.values() if p.text.strip()), None)
    for line, text in notes:
        paragraph = places.get(line) if line else None
        if paragraph is None:
            paragraph = first if first is not None else document.add_paragraph("")
        document.add_comment(_runs(paragraph), text=text, author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
