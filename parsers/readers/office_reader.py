"""Word-processor files other than .docx (.doc, .wps, .rtf, .odt): converted to .docx by
LibreOffice (libreoffice.py), then read by the .docx reader, so tables, merged cells and list
numbers come out as they do from Word's own format. An OLE2 file comes here once its streams
show a Word document (ole_reader.py)."""
from __future__ import annotations

from pathlib import Path

from parsers.errors import ParseError
from parsers.readers.docx_reader import read_docx
from parsers.readers.libreoffice import convert
from parsers.safety import check_xml_parts, check_zip
from schemas.blocks import Document

LABELS = {".doc": "Word 97-2003 .doc", ".wps": "WPS 文字 .wps", ".rtf": "RTF", ".odt": "OpenDocument .odt"}


def read_word_legacy(path: Path, source: str, ext_format: str, suffix: str | None = None) -> Document:
    """.doc/.wps (an OLE2 file holding a Word document: ole_reader.py tells), .rtf or .odt through LibreOffice;
    ``ext_format`` is doc, wps, rtf or odt; ``suffix`` the name LibreOffice is given the file under."""
    what = LABELS.get(f".{ext_format}", ext_format)
    suffix = suffix or f".{ext_format}"
    if ext_format == "odt":
        infos = check_zip(path, what)
        check_xml_parts(path, infos, what)
    converted = convert(path, "docx", what, suffix=suffix)
    try:
        doc = read_docx(converted, source)
    except ParseError as exc:
        raise ParseError(f"recognised as {what}; LibreOffice converted it, but the result cannot be read ({exc}): "
                         f"open it in Word/WPS and save it as .docx") from exc
    doc.format = ext_format
    return doc
