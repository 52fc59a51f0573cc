"""Documents the tests build themselves: .docx with python-docx (including Word list numbering
and merged cells), and text in any encoding."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

W_NS = nsdecls("w")


def new_docx() -> docx.Document:
    return docx.Document()


def add_numbering(document, fmt: str, lvl_text: str, start: int = 1) -> str:
    """Define a one-level list (`chineseCounting` + `（%1）`) and return its numId."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'))
    return str(num_id)


def numbered(document, text: str, num_id: str):
    p = document.add_paragraph(text)
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def bold(document, text: str):
    p = document.add_paragraph()
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(16)
    return p


def subscript(document, before: str, sub: str, after: str):
    p = document.add_paragraph(before)
    p.add_run(sub).font.subscript = True
    p.add_run(after)
    return p


def merge_down(table, col: int, first: int, last: int) -> None:
    table.cell(first, col).merge(table.cell(last, col))


def write_text(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def looping_pdf() -> bytes:
    """A page tree whose /Kids point back at their parent."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])


def docx_with_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    """A copy of a .docx with one part replaced."""
    import zipfile
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == part else src.read(info.filename))
    return target


HARD_BREAK = "\f"  # a line starting with it begins a new page: Ctrl+Enter (`w:br w:type="page"`) before it
WORD_BREAK = "\v"  # where Word's last layout broke the page inside a line (`w:lastRenderedPageBreak`)


def paged_docx(path: Path, lines: list[str], word_marks: bool = False) -> Path:
    """A .docx of one paragraph per line with page breaks where the lines say (HARD_BREAK,
    WORD_BREAK). ``word_marks``: as Word saves it, its own mark also opens each page an author's
    break began (python-docx alone writes none)."""
    from docx.enum.text import WD_BREAK

    document = new_docx()
    previous = None
    for line in lines:
        hard = line.startswith(HARD_BREAK)
        line = line.removeprefix(HARD_BREAK)
        if hard:
            (previous or document.add_paragraph()).add_run().add_break(WD_BREAK.PAGE)
        p = document.add_paragraph()
        if hard and word_marks:
            p.add_run()._r.append(parse_xml(f"<w:lastRenderedPageBreak {W_NS}/>"))
        for k, part in enumerate(line.split(WORD_BREAK)):
            if k:
                p.add_run()._r.append(parse_xml(f"<w:lastRenderedPageBreak {W_NS}/>"))
            if part:
                p.add_run(part)
        previous = p
    document.save(path)
    return path


def extract_lines(tmp_path: Path, lines: list[str]):
    """A notice's lines written as a .txt and read to its targets (parsers.extract.targets.extract_targets)."""
    from parsers.extract.targets import extract_targets
    from parsers.readers.text_reader import read_text

    path = write_text(tmp_path / "notice.txt", "\n".join(lines) + "\n")
    return extract_targets(read_text(path, "notice", False), "d")
