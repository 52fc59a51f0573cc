"""Web pages: .html/.htm, and .mht/.mhtml single-file web archives (a page inside a MIME message).
A page is recognised by its markup whatever its name; a file named .html without markup is read as text
by the plain-text format."""
from __future__ import annotations

import re

from parsers.formats import register
from parsers.formats.base import Format, Probe
from parsers.formats.text import looks_textual

# Markup a page starts with, after a byte-order mark, white space, an XML declaration and comments.
PAGE_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                        re.IGNORECASE | re.DOTALL)
HTML_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")


def _sniff_html(p: Probe) -> bool:
    if not looks_textual(p):
        return False
    return bool(PAGE_START.match(p.head)) or (p.extension in HTML_EXTENSIONS and b"<" in p.head)


def _sniff_mht(p: Probe) -> bool:
    head = p.head[:2048].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def _read_html(path, source, options):
    from parsers.readers.html_reader import read_html  # lxml.html loads only for a web page

    return read_html(path, source)


def _read_mht(path, source, options):
    from parsers.readers.html_reader import read_mht

    return read_mht(path, source)


HTML = register(Format(name="html", extensions=HTML_EXTENSIONS, label="web page (.html)", priority=70,
                       sniff=_sniff_html, read=_read_html))
MHT = register(Format(name="mht", extensions=(".mht", ".mhtml"), label="web archive (.mht)", priority=60,
                      sniff=_sniff_mht, read=_read_mht))
