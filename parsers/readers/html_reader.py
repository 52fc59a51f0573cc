"""Web pages → blocks: .html/.htm as a government site or a browser's "save page" keeps them, and .mht/.mhtml
single-file archives (Word's and browsers' "single file web page": the page inside a MIME message).

The page's flow (paragraphs, `<br>` lines, list items, headings) becomes text lines that take the plain-text
reader's way into paragraphs (a line a page broke mid-sentence re-joined, items a page ran together parted),
so a page whose every visual line is a `<p>` reads as the same paragraphs as one written with whole `<p>`s.
Data tables become tables with their merged cells resolved as the Word reader resolves them (a row-spanning
cell's text in every row it covers; a column-spanning cell's text in its first column). Tables that only lay
out the page (one that holds another table, or has no two rows of two cells) are read as flow. Scripts,
styles, forms and navigation are not text of the document. Provenance is the element's line in the source.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from parsers.errors import ParseError
from parsers.readers.limits import LIMITS
from parsers.readers.text_reader import blocks_from_lines, decode_report
from parsers.textnorm import clean_text
from schemas.blocks import Document, Paragraph, Provenance, Table, TableRow

# Not the document's text: code, styling, forms, embedded objects, and a page's navigation.
SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "nav", "aside", "form", "select",
                     "option", "button", "textarea", "input", "iframe", "object", "embed", "svg", "canvas", "map"})
# A site's banner and footer, unless they stand inside the article (an article's own header holds its title).
PAGE_CHROME = frozenset({"header", "footer"})
ARTICLE = frozenset({"article", "main"})
# Elements that start and end a line of the flow.
BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
                   "article", "main", "blockquote", "pre", "center", "address", "hr", "table", "tr", "td", "th",
                   "caption", "thead", "tbody", "tfoot", "figure", "figcaption", "header", "footer", "body"})
HEADINGS = {f"h{k}": k for k in range(1, 7)}
WORD = re.compile(r"\w")  # a separator between links (`|`, `·`) is no text of its own
SPACE_RUN = re.compile(r"[ \t\r\n\f]+")  # HTML's collapsible white space; no-break and ideographic spaces stay
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# The Chinese national encodings a page declares are all read as their superset.
GB_NAMES = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312-80", "csgb2312", "euc-cn", "cp936", "gb18030"})
MAX_SPAN = 1000  # HTML caps colspan at 1000; a rowspan larger than the rows left covers the rest
MAX_TABLE_CELLS = 200_000  # a hostile grid (rowspan × colspan) is refused, not filled


@dataclass
class _Flow:
    """The page's text lines, each with its source line and what the markup said of it."""

    lines: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    heading: dict[int, int] = field(default_factory=dict)  # index in lines → heading level
    centred: set[int] = field(default_factory=set)
    current: list[str] = field(default_factory=list)
    current_line: int = 1
    current_heading: int | None = None
    current_centred: bool = False
    current_plain: bool = False  # the current line holds text outside links
    links_only_dropped: bool = True  # a line of nothing but links is navigation (not inside a table cell)

    def add(self, text: str | None, sourceline: int | None, pre: bool = False, link: bool = False) -> None:
        if not text:
            return
        if not self.current or not "".join(self.current).strip():
            self.current_line = sourceline or self.current_line
        self.current.append(text if pre else SPACE_RUN.sub(" ", text))
        self.current_plain = self.current_plain or (not link and WORD.search(text) is not None)

    def end_line(self, blank: bool = False) -> None:
        """Close the current line (a `<br>`), and with ``blank`` the paragraph (a block element)."""
        text = "".join(self.current)
        if self.links_only_dropped and not self.current_plain:
            text = ""  # menus, breadcrumbs, "related articles": links to other pages
        self.current, self.current_plain = [], False
        for piece in text.split("\n"):  # `<pre>` keeps its own line breaks
            if piece.strip():
                if self.current_heading:
                    self.heading[len(self.lines)] = self.current_heading
                if self.current_centred:
                    self.centred.add(len(self.lines))
                self.lines.append(piece.strip())
                self.origin.append(self.current_line)
        if blank and self.lines and self.lines[-1] != "":
            self.lines.append("")
            self.origin.append(self.current_line)


def read_html(path: Path, source: str) -> Document:
    return _read(_decode(path.read_bytes()), source, "html")


def read_mht(path: Path, source: str) -> Document:
    """The first HTML part of a MIME archive (Word's .mht, a browser's .mhtml)."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                text = part.get_content()
            except (LookupError, UnicodeError, ValueError):  # an unknown or wrong charset: detect it
                text = _decode(part.get_payload(decode=True) or b"")
            return _read(text, source, "mht")
    raise ParseError("not a web archive: the .mht holds no HTML page")


def _decode(raw: bytes) -> str:
    """The page's text: a byte-order mark, else the charset its <meta> declares, else what the text reader
    detects (UTF-8, GB18030, the detector's guess)."""
    if len(raw) > LIMITS.text_max_bytes:
        raise ParseError(f"web page of {len(raw)} bytes is larger than {LIMITS.text_max_bytes}")
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_report(raw)[0]
    declared = META_CHARSET.search(raw[:8192])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in GB_NAMES else name
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a page that lies about its charset (GBK bytes under utf-8): detect it
    return decode_report(raw)[0]


def _read(text: str, source: str, fmt: str) -> Document:
    text = XML_DECLARATION.sub("", text, count=1)  # lxml refuses a str that declares an encoding
    if not text.strip():
        raise ParseError("empty web page: no text")
    # huge_tree: old pages leave tags unclosed (a <font> a line), which nests past libxml2's usual 256 levels.
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                                  huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"not a readable web page ({exc})") from exc
    if any("Excessive depth" in e.message for e in parser.error_log):  # the parser stopped there: text lost
        raise ParseError("web page nested too deep to read whole (over 2048 levels of elements)")
    doc = Document(source=source, format=fmt)
    doc.blocks = _blocks(root, source)
    if not doc.blocks:
        raise ParseError("no text: the web page holds no paragraph or table")
    return doc


def _blocks(root, source: str) -> list:
    """The page's paragraphs and data tables, in reading order."""
    blocks: list = []
    flow = _Flow()

    def on_table(el) -> None:
        flow.end_line(blank=True)
        blocks.extend(_flow_blocks(flow, source))
        table = _table(el, source)
        if table is not None:
            blocks.append(table)

    _walk(root, flow, on_table)
    flow.end_line(blank=True)
    blocks.extend(_flow_blocks(flow, source))
    return blocks


def _walk(root, flow: _Flow, on_table=None) -> None:
    """Walk ``root`` once into ``flow`` (no recursion: a page nested ten thousand deep is walked like any
    other). The page (``on_table`` given) hands its data tables to ``on_table`` and leaves out the site's
    banner and footer; a table cell (no ``on_table``) is read whole, its blocks one line each."""
    page = on_table is not None
    walker = etree.iterwalk(root, events=("start", "end"))
    inside_article = inside_link = 0
    for event, el in walker:
        if el is root:  # its text only: its tail belongs to what holds it
            if event == "start":
                flow.add(el.text, el.sourceline)
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            skipped = tag in SKIPPED or (page and tag in PAGE_CHROME and not inside_article)
            if skipped or (page and tag == "table" and _is_data_table(el)):
                if not skipped:
                    on_table(el)
                walker.skip_subtree()
                flow.add(el.tail, el.sourceline, link=inside_link > 0)  # the text after it is the parent's
                continue
            inside_article += tag in ARTICLE
            inside_link += tag == "a" and el.get("href") is not None
            if tag in BLOCK:
                flow.end_line(blank=True)
                flow.current_heading = HEADINGS.get(tag)
                flow.current_centred = _centred(el)
            elif tag == "br":
                flow.end_line()
            flow.add(el.text, el.sourceline, pre=tag == "pre", link=inside_link > 0)
        else:
            inside_article -= tag in ARTICLE
            inside_link -= tag == "a" and el.get("href") is not None
            if tag in BLOCK:
                flow.end_line(blank=True)
                flow.current_heading, flow.current_centred = None, False
            flow.add(el.tail, el.sourceline, link=inside_link > 0)


def _centred(el) -> bool:
    if (el.get("align") or "").lower() == "center" or el.tag == "center":
        return True
    return "text-align:center" in (el.get("style") or "").replace(" ", "").lower()


def _flow_blocks(flow: _Flow, source: str) -> list:
    """The lines gathered so far as the text reader reads them, with the page's line numbers and markup."""
    if not any(flow.lines):
        flow.lines, flow.origin = [], []
        return []
    found = []
    for block in blocks_from_lines(flow.lines, source):
        index = block.prov.line - 1
        prov = replace(block.prov, line=flow.origin[min(index, len(flow.origin) - 1)])
        if isinstance(block, Paragraph):
            found.append(replace(block, prov=prov, heading_level=flow.heading.get(index, block.heading_level),
                                 centered=index in flow.centred or block.centered))
        else:
            rows = [TableRow(r.cells, replace(r.prov, line=flow.origin[min(r.prov.line - 1, len(flow.origin) - 1)]))
                    for r in block.rows]
            found.append(replace(block, rows=rows, prov=prov))
    flow.lines, flow.origin, flow.heading, flow.centred = [], [], {}, set()
    return found


def _rows(table) -> list:
    """The table's own rows (not those of a table nested in a cell)."""
    return [tr for tr in table.iter("tr") if _owner(tr) is table]


def _owner(el):
    parent = el.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cells(tr) -> list:
    return [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]


def _is_data_table(table) -> bool:
    """A table of data, not of layout: it holds no table and has two rows of at least two cells."""
    if any(True for _ in table.iterdescendants("table")):
        return False
    return sum(1 for tr in _rows(table) if len(_cells(tr)) >= 2) >= 2


def _table(table, source: str) -> Table | None:
    grid: list[list[str]] = []
    lines: list[int] = []
    below: dict[int, tuple[int, str]] = {}  # column → (rows still covered, text) of a row-spanning cell
    trs = _rows(table)
    for k, tr in enumerate(trs):
        row: list[str] = []
        for cell in _cells(tr):
            _fill_covered(row, below)
            text = _cell_text(cell)
            across, down = _span(cell.get("colspan"), MAX_SPAN), _span(cell.get("rowspan"), len(trs) - k)
            start = len(row)
            row.extend([text] + [""] * (across - 1))
            if down > 1:
                for col in range(start, start + across):
                    below[col] = (down - 1, text if col == start else "")
        _fill_covered(row, below, to_end=True)
        if sum(len(r) for r in grid) + len(row) > MAX_TABLE_CELLS:
            raise ParseError(f"web page table larger than {MAX_TABLE_CELLS} cells")
        if any(row):
            grid.append(row)
            lines.append(tr.sourceline or 1)
    if not grid:
        return None
    width = max(map(len, grid))
    rows = [TableRow(r + [""] * (width - len(r)), Provenance(source, None, n)) for r, n in zip(grid, lines)]
    return Table(rows, rows[0].prov, merges_resolved=True)


def _fill_covered(row: list[str], below: dict[int, tuple[int, str]], to_end: bool = False) -> None:
    """Place the cells that rows above span into this row: at the row's current end, or all that are left."""
    while len(row) in below or (to_end and below and len(row) <= max(below)):
        col = len(row)
        left, text = below.pop(col, (0, ""))
        row.append(text)
        if left > 1:
            below[col] = (left - 1, text)


def _span(value: str | None, limit: int) -> int:
    try:
        n = int(str(value).strip()) if value is not None else 1
    except ValueError:
        return 1
    return limit if n == 0 else max(1, min(n, limit))  # rowspan=0: to the end of the table


def _cell_text(cell) -> str:
    """A cell's paragraphs and `<br>` lines, one per line, as the Word reader gives a cell's paragraphs."""
    flow = _Flow(links_only_dropped=False)
    _walk(cell, flow)
    flow.end_line()
    return "\n".join(clean_text(line) for line in flow.lines if line.strip())
