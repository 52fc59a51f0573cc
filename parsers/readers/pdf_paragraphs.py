"""A PDF's lines → paragraphs, by geometry: a wrapped line starts at the left margin after a line that ran to the
right margin; a first line is indented or follows a line that ended early. The text-layer, OCR and OFD readers
give their pages as the lines and tables defined here (``_Line``, ``_PageTable``, ``_Page``)."""
from __future__ import annotations

import statistics
import unicodedata
from collections import Counter

import regex

from parsers.readers.pasted_text import repair_pasted
from parsers.readers.pdf_layout import ITEM_NUMBER, LAYOUT
from parsers.readers.pdf_page_model import _Line, _Page, _PageTable
from parsers.readers.pdf_page_tables import add_table, same_width
from parsers.readers.pdf_spaces import RUN, letter_spaced
from parsers.readers.web_chunks import joined_chunks
from parsers.textnorm import CONTROL, SPACE_NEXT_TO_CJK, clean_text
from schemas.blocks import Paragraph, Provenance, Table

TERMINAL = regex.compile(r"[。；;：:！!？?]\s*[”」』）)]?\s*$")
WORD_END = regex.compile(r"[\p{Han}\w]\s*$")  # a line stopping on a character or a figure, not on a mark
# A line holding only a clause's points (`(5分)`, `（10分）。`): the tail Word wrapped because a bracket may not end
# a line, never a paragraph of its own, however short the line above ended.
# Marks a line may not start with, and marks it may not end with (line breaking of Chinese text, 禁则).
NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】〉…,.;:?!)]}%")
NO_LINE_END = frozenset("（《「『“‘〔【〈([{")
QUOTES = frozenset("“”‘’")
MAX_EM_SCALE = 1.5  # a line's advance per estimated em stays under this many font sizes (letter spacing aside)
JOINERS = ("-", "－", "—", "~", "～", "/", "=", "＝")  # a line ending on one goes on (a range, a code, a date cut in
# two, a formula: `目标完成率=` / `----×100%`)
# A paragraph opening with its item's bare number against its text (`9 社会面…`): the space is mostly the gap an
# office suite sets where figures meet Chinese (autospace; the web text read `9社会面…`), which a line's text cannot
# tell from a space the text held (`33 新培育…`, a number cell beside its name: read as the former).
LEADING_NUMBER_GAP = regex.compile(r"^(\d{1,3}) (?=\p{Han})")
# A space beside a curly quote: pdfium's, for the gap a quote set in a fallback font leaves (`“ 四上 ” 企业`), never a
# cell's edge.
QUOTE_GAP = regex.compile(r"(?<=[“”‘’]) | (?=[“”‘’])")
# A space between two Chinese words (`指标名称 单位`), no quote near it (pdfium misplaces the characters beside a quote
# set in a fallback font: `“四上”企 业`): web text parting cells or items, which office suites never set.
WORD_GAP = regex.compile(r"(?<![“”‘’][^ ]{0,2})(?<=\p{Han}) (?=\p{Han})(?![^ ]{0,2}[“”‘’])")
LONE_POINTS = regex.compile(r"^\s*[（(]\s*\d{1,4}(?:\.\d+)?\s*分\s*[)）]\s*[。；;，,.]?\s*$")


def _assemble(pages: list[_Page], source: str, pasted: bool = False) -> list:
    lines = [it for p in pages for it in p.items if isinstance(it, _Line)]
    margin_left, margin_right, size = _margins(lines)
    widths = [p.width for p in pages if p.width]
    if widths and lines:
        # The text area ends about as far from the page's right edge as it starts from its left. When
        # no line wraps (short paragraphs, each a line), the line ends say nothing of the margin.
        margin_right = max(margin_right, min(widths) - margin_left)
    indented = _indented_paragraphs(lines, margin_left, margin_right)
    blocks: list = []
    current: list[_Line] = []
    prev_item = None

    def flush():
        if current:
            blocks.append(_paragraph(current, source, margin_left, margin_right, size))
            current.clear()

    items = [it for page in pages for it in page.items]
    for k, item in enumerate(items):
        if isinstance(item, _PageTable) and len(item.rows) == 1 and not (
                same_width(item, items[k + 1:k + 2]) or same_width(item, [prev_item])):
            flush()  # a single ruled row no table follows: a boxed line, read as its cells' text
            blocks.extend(Paragraph(clean_text(c), Provenance(source, item.page, item.number))
                          for c in item.rows[0] if c and c.strip())
        elif isinstance(item, _PageTable):
            flush()
            add_table(blocks, item, source, continues=isinstance(prev_item, _PageTable))
        elif current and (_continues(current[-1], item, margin_left, margin_right, indented and len(current) > 1)
                          or _centred_wrap(current, item, margin_left, margin_right, size)):
            current.append(item)
        else:
            flush()
            current.append(item)
        prev_item = item
    flush()
    return _pasted_read(blocks, source, pasted)


def _pasted_read(blocks: list, source: str, pasted: bool = False) -> list:
    """Web text pasted into Word and printed: its chunks joined and, where its text parts words by spaces, its
    flattened tables read as the .docx reader reads the same paragraphs while the spaces still part the cells
    (`指标名称 单位 标准`); then the spaces beside Chinese closed up as every PDF paragraph's are (`2025 年`: the gap
    pdfium reads where scripts meet). A drafter's text holds no space between two Chinese words: it is closed up
    first, then (``pasted``: a PDF's text layer, or its OCR) read for pasted text once, after (spaces kept would
    only cost time there). OCR text keeps its old way: its paragraphs were closed up already. Text read for pasted
    text with its spaces is not read again: over 1,419 PDFs of the gold documents (default, web, distributed,
    justified and raw-lines renderings; 290 of them spaced) a second pass changed no block."""
    if not any(b.__class__ is Paragraph and not b.prov.ocr for b in blocks):
        return repair_pasted(blocks, source) if pasted else blocks
    if not any(b.__class__ is Paragraph and " " in b.text and ("  " in b.text or WORD_GAP.search(b.text))
               for b in blocks):
        closed = joined_chunks(_closed_up(blocks))
        return repair_pasted(closed, source) if pasted else closed
    return _closed_up(repair_pasted(joined_chunks(blocks), source))


def _closed_up(blocks: list) -> list:
    sub = SPACE_NEXT_TO_CJK.sub
    for block in blocks:
        if block.__class__ is Paragraph:
            if " " in block.text:
                block.text = sub("", block.text)
                if "  " in block.text:  # a run kept between figures or letters reads as one space
                    block.text = " ".join(block.text.split())
        elif block.__class__ is Table:
            for row in block.rows:
                row.cells = [sub("", c) if c and " " in c else c for c in row.cells]
    return blocks


def _margins(lines: list[_Line]) -> tuple[float, float, float]:
    if not lines:  # pages of tables only: no paragraph geometry to learn
        return 0.0, 0.0, LAYOUT.default_font_size
    size = statistics.median(line.size for line in lines) or LAYOUT.default_font_size
    lefts = Counter(round(line.x0) for line in lines)
    enough = LAYOUT.margin_min_lines if len(lines) >= LAYOUT.short_document_lines else 2
    frequent = [x for x, n in lefts.items() if n >= enough] or list(lefts)
    rights = sorted(line.x1 for line in lines)
    right = rights[int(LAYOUT.right_margin_quantile * (len(rights) - 1))]
    # A line after one that ran to the right margin, starting left of it, is a wrap, and a wrap starts at the margin:
    # in a few lines (a page or two above the tables) or a page of one-line cells, each indented as a first line, the
    # indent may start more lines than the margin (holdout28 2803: two wraps among thirty cells).
    wraps = [b.x0 for a, b in zip(lines, lines[1:])
             if a.page == b.page and a.x1 >= right - LAYOUT.size_change * size and b.x0 < a.x0]
    if len(lines) < LAYOUT.short_document_lines:
        frequent += wraps
    elif wraps:
        frequent += [x for x, n in Counter(round(x) for x in wraps).items() if n >= LAYOUT.margin_min_wraps]
    return float(min(frequent)), right, size


def _continues(prev: _Line, line: _Line, left: float, right: float, indented: bool = False) -> bool:
    """A wrapped line starts at the left margin after a line that ran to the right margin (or, with ``indented``: in
    a document whose paragraphs open indented, after a wrapped paragraph's line broken mid-sentence)."""
    size = prev.size or LAYOUT.default_font_size
    if abs(line.size - prev.size) > LAYOUT.size_change * size:
        return False
    if line.x0 > left + LAYOUT.first_line_indent * size:  # indented first line, centred heading
        return False
    if LONE_POINTS.match(line.text) and not (line.page == prev.page and line.top - prev.top > LAYOUT.paragraph_gap * size):
        return True
    if prev.x1 < right - LAYOUT.short_line * size and not (indented and _broken_mid_sentence(prev, line, left)) \
            and not _next_word_did_not_fit(prev, line, right):
        return False  # the line above ended early: its paragraph ended there
    if TERMINAL.search(prev.text) and prev.x1 < right - LAYOUT.short_line_after_stop * size and (
            ITEM_NUMBER.match(line.text) or not _opening_too_wide(line, right - prev.x1)):
        return False  # a sentence ended early: its paragraph ended, unless what follows could not fit (`。` / `(100分)`)
    if letter_spaced(prev.text) and not _next_word_did_not_fit(prev, line, right, _unstretched_end(prev)):
        return False  # a short line stretched to the margin (分散对齐): its paragraph's last line
    if line.page == prev.page and line.top - prev.top > LAYOUT.paragraph_gap * size:
        return False
    return True


def _indented_paragraphs(lines: list[_Line], left: float, right: float) -> bool:
    """The document opens its paragraphs with an indent: nearly every line after one that ended early (a paragraph's
    first line) stands indented. There a line at the margin after a short one is no new paragraph."""
    starts = [line for prev, line in zip(lines, lines[1:]) if line.page == prev.page
              and prev.x1 < right - LAYOUT.short_line * (prev.size or LAYOUT.default_font_size)]
    indented = sum(1 for line in starts if line.x0 > left + LAYOUT.first_line_indent * (line.size or 1.0))
    return len(starts) >= LAYOUT.indented_min_paragraphs and indented >= LAYOUT.indented_share * len(starts)


def _broken_mid_sentence(prev: _Line, line: _Line, left: float) -> bool:
    """A line of body text (at the margin or the indent, not centred) that stops on a word, not on a mark, above a
    line at the margin that starts no item: a break inside the paragraph (Shift+Enter in Word; web text pasted
    with its line breaks), where the paragraph's own first line would be indented."""
    size = prev.size or LAYOUT.default_font_size
    return (prev.x0 <= left + 2 * LAYOUT.first_line_indent * size and WORD_END.search(prev.text) is not None
            and not ITEM_NUMBER.match(line.text) and not letter_spaced(prev.text))


def _next_word_did_not_fit(prev: _Line, line: _Line, right: float, end: float | None = None) -> bool:
    """The line above stopped short only because what opens this line could not be split and did not fit in the
    room left: a run of figures and letters with the marks inside and after it (`C21、C23、C24`, `号:yn2553`), or a
    character with the closing marks that may not start a line (`分;`). The line above stops on a word or a joining
    mark (`2023.07-` / `2024.01,`), not a closing one, and this line starts no item: one paragraph wrapped early, not
    a paragraph's last line. ``end``: where the line above would end unstretched (justified, distributed)."""
    if (WORD_END.search(prev.text) is None and not prev.text.endswith(JOINERS)) or ITEM_NUMBER.match(line.text):
        return False
    return _opening_too_wide(line, right - (prev.x1 if end is None else end))


def _opening_too_wide(line: _Line, gap: float) -> bool:
    """What opens ``line`` cannot be split and is wider than ``gap``, the room the line above left."""
    spread = letter_spaced(line.text)  # itself spread to the margin (distributed)
    text = line.text.lstrip()
    if not text:
        return False
    word, before, spaced = _advance(text[0]), text[0], False
    for ch in text[1:]:
        if ch == " ":  # pdfium's, for a gap (autospace, a spread line), unless it parts two Latin words
            spaced = True
            continue
        if _break_before(before, ch) or (spaced and before.isascii() and ch.isascii()):
            break
        word += _advance(ch)
        before, spaced = ch, False
    size = line.size or LAYOUT.default_font_size
    if word * (1.0 if spread else MAX_EM_SCALE) * size <= gap:
        return False  # a character or two (most lines): it would have fitted, however wide the font sets it
    if spread:
        return True
    # the line's own width per unit of advance: its fonts' real widths (a Latin run is set wider than 0.6 em)
    return word * (line.x1 - line.x0) / sum(_advance(ch) for ch in text) > gap


def _unstretched_end(line: _Line) -> float:
    """Where a line spread to the margin (justified or distributed: pdfium parts its characters by spaces) would
    end set close: its characters' advances, without the spaces (short of it: a Latin run sits wider)."""
    return line.x0 + (line.size or LAYOUT.default_font_size) * sum(_advance(ch) for ch in line.text if ch != " ")


def _advance(ch: str) -> float:
    """A character's advance in ems, roughly: CJK characters and full-width marks one, letters and figures of
    other scripts about 0.6 (half-width in CJK fonts, wider in the Latin font a run falls back to), a space 0.25."""
    if ch == " ":
        return 0.25
    if unicodedata.east_asian_width(ch) in "WF":
        return 1.0
    return 0.6 if ch.isalnum() or ch.isascii() else 1.0


def _break_before(before: str, ch: str) -> bool:
    """Whether a line may break between two characters, as office suites break Chinese text: before a CJK
    character or an opening mark and between a CJK character and a letter, never before a closing mark, never
    after an opening one, and not inside a run of letters, figures and the marks between them; never beside a curly
    quote, which breaks with neither side (Unicode's line breaking, class QU: `区“五水共治”办` wraps whole)."""
    if ch in NO_LINE_START or before in NO_LINE_END or ch in QUOTES or before in QUOTES:
        return False
    return _wide(ch) or (_wide(before) and before not in NO_LINE_START)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _centred_wrap(current: list[_Line], line: _Line, left: float, right: float, body: float) -> bool:
    """A centred line (a title) too long for one line: its first line fills the width, centred (a body
    paragraph's first line is indented, its end at the margin), and the rest is centred under it in the
    same size. A title over three lines or more (`…关于印发《…》` / `的通知` under two full lines) has its
    full lines joined already; it is set larger than the body, which a run of body lines at the margin is not."""
    first, last = current[0], current[-1]
    if len(current) > 1 and not (first.size > (1 + LAYOUT.size_change) * body
                                 and all(_fills_centred(x, left, right) for x in current)):
        return False
    size = first.size or LAYOUT.default_font_size
    return (abs(line.size - first.size) <= LAYOUT.size_change * size and not _numbered_body(first, line, body)
            and _fills_centred(first, left, right)
            and line.x0 > left + LAYOUT.first_line_indent * size and abs((line.x0 - left) - (right - line.x1)) < size
            and line.page == last.page and 0 < line.top - last.top <= LAYOUT.paragraph_gap * size)


def _numbered_body(first: _Line, line: _Line, body: float) -> bool:
    """``first`` opens with a clause's number in the body's size: an item, never a title's first line. A title set
    larger may open with its attachment's number (`3.各区…评价考` / `核计分细则`), and a line holding only points
    (`(5 分)`) is never a paragraph of its own."""
    if not ITEM_NUMBER.match(first.text) or LONE_POINTS.match(line.text):
        return False
    return first.size <= (1 + LAYOUT.size_change) * body


def _fills_centred(line: _Line, left: float, right: float) -> bool:
    """The line runs (about) from margin to margin, as much room either side."""
    size = line.size or LAYOUT.default_font_size
    return line.x0 - left < 2 * size and abs((line.x0 - left) - (right - line.x1)) < size


def _paragraph(lines: list[_Line], source: str, left: float, right: float, size: float) -> Paragraph:
    text = lines[0].text
    for line in lines[1:]:
        sep = " " if text[-1:].isascii() and text[-1:].isalnum() and line.text[:1].isascii() and line.text[:1].isalnum() else ""
        text += sep + line.text
    first = lines[0]
    ocr = any(line.ocr for line in lines)
    text = clean_text(text) if ocr else _spaces_kept(text)
    centered = len(lines) == 1 and first.x0 > left + LAYOUT.centred_indent * size and abs((first.x0 - left) - (right - first.x1)) < size
    return Paragraph(text, Provenance(source, first.page, first.number, ocr=ocr), centered=centered)


def _spaces_kept(text: str) -> str:
    """``clean_text`` but for the spaces beside Chinese, which part a flattened table's cells until it is read."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = CONTROL.sub("", text)
    # (before the spaces are made one: a measured line's real space after its number is NUMBER_SPACE, never matched)
    autospaced = text[:1].isdigit() and LEADING_NUMBER_GAP.match(text) is not None
    if RUN in text:  # a run of spaces a line's gaps measured (web text parting items, `（12分）  1、…`): two, as in a .docx
        text = "  ".join(" ".join(part.split()) for part in text.split(RUN)).strip()
    else:
        text = " ".join(text.split())
    if " " not in text:
        return text
    text = QUOTE_GAP.sub("", text)
    return LEADING_NUMBER_GAP.sub(r"\1", text) if autospaced else text
