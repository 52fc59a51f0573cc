"""Plain text and Markdown → blocks.

Such text comes out of other converters with their artefacts: a sentence broken where a page
ended, markdown markup, tables as tab-prefixed cells (one line per cell, continuation lines
belong to the cell above, a blank line between rows) or as markdown pipes.
"""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
from charset_normalizer import from_bytes

from parsers.data import load_json
from parsers.errors import ParseError
from parsers.extract.grammar import bare_heading_pattern, note_pattern
from parsers.readers.box_tables import box_table
from parsers.readers.item_bars import item_bar_lines
from parsers.readers.limits import LIMITS
from parsers.readers.line_tables import cell_line_table, pipe_line_table
from parsers.readers.page_numbers import is_page_number
from parsers.readers.pipe_tables import closed_form_head
from parsers.readers.spaced_tables import spaced_table
from parsers.readers.title_lines import title_apart, title_under_site_line
from parsers.readers.transposed_tables import transposed_table
from parsers.readers.tsv_tables import tsv_table
from parsers.textnorm import clean_text
from schemas.blocks import Document, Paragraph, Provenance, ReaderWarning, Table, TableRow

MD_HEADING = regex.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")  # `## 市教育局`
MD_RULE = regex.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")  # `---`
MD_BOLD_LINE = regex.compile(r"^\s*(\*\*|__)(.+?)\1\s*[。：:]?\s*$")  # `**市商务局**`
MD_INLINE = regex.compile(r"\*\*|__|</?(?:sub|sup|b|strong|em|i|u|span|br)\b[^>]*>|\\(?=[*_#\\`])")
# Anchors other converters leave in text: `[bookmark: _GoBack]`, `{#_Toc123}`.
CONVERTER_ANCHOR = regex.compile(r"\[bookmark:[^\]]*\]|\{#[^}]*\}")
MD_BREAK = regex.compile(r"<br\s*/?>", regex.IGNORECASE)  # a line break inside a pipe-table cell
MD_PIPE_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A line ending a sentence or a clause: a following line is a new paragraph.
TERMINAL = regex.compile(r"[。；;：:！!？?]\s*$|[。；;]\s*[”」』）)]\s*$")
# A line that starts a numbered item or heading: never the tail of a broken sentence.
# `1.` `1、` `（1）` `①` `一、` `（一）` `第一条`; `0.6个百分点` is not one (a digit follows the dot).
STARTS_ITEM = regex.compile(
    r"^\s*(?:\d{1,3}\s*(?:、|[.．](?!\d))|[（(]\s*[\d一二三四五六七八九十]{1,3}\s*[)）](?!\s*分)"
    r"|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十百\d]+[条章节部分]|附件)"
)
# A line that ends a header item (`某政〔2020〕9号`, a date): complete, never a broken sentence.
ENDS_HEADER_ITEM = regex.compile(r"(?:[〔\[【（(［]\s*\d{4}\s*[〕\]】）)］]\s*第?\s*\d+\s*号|\d{1,2}\s*日|印\s*发)\s*$")
# A heading's ordinal (`（一）` `一、` `第一条`), and a line that opens with its points (`40分）`, a heading's tail).
HEADING_START = regex.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]"
                              r"|第[一二三四五六七八九十百\d]+[条章节部分])")
POINTS_FIRST = regex.compile(r"^\s*\d+(?:\.\d+)?\s*分")
MID_SENTENCE = regex.compile(r"[、，,（(“《]\s*$")
TAIL_START = regex.compile(r"^[\d.%（(）)，,、。；;]")
# `f1、地方党委…`: a web page's stray glyph (an icon font's letter) glued before a line's item number
STRAY_GLYPH = regex.compile(r"^[A-Za-z](?=\d{1,2}[、.．]\p{Han})")
ROW_BAR = regex.compile(r"\|\s*$")  # `工作任务 | 目标及质量要求 |`: a table row closed by its cell bar
MIN_BROKEN_LINE = 12  # a line shorter than this that ends without punctuation is a heading
# Items a site ran together on one line, parted by a run of spaces (`（一）…（12分）  1、…`).
ITEM_GAP = regex.compile(r"(?<=\S)[ \u3000\u00a0]{2,}(?=\S)")
MIN_FLATTENED_LINE = 60
# A document site's chunk number (`1、…` `2、…`) opening a line that goes on with the word the last chunk cut
# (`…残疾预` / `2、防,…`): chunks are long, numbered from 1, and cut anywhere.
CHUNK_MARK = regex.compile(r"^\s*(\d{1,2})、")
CUT_MID_WORD = regex.compile(r"\p{Han}\s*$")
MIN_CHUNK = 200
# two chunks hold a flattened run of items (`一、…(1)…2、…`); a long item and the next hold few
INNER_MARK = regex.compile(r"\d{1,2}、|\d{1,2}[.．](?=\s*\p{Han})|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}、")
MIN_INNER_MARKS = 3
# a document's title opening chunk 1: a name ending in the kind of rules within the first characters
TITLE_OPENING = regex.compile(r"[^。；;]{0,60}?(?:细则|办法|方案|标准|责任书|评分表|考核表)")
# Markdown recognised by content, whatever the extension: headings, pipe-table rules, bold lines.
MD_SIGNAL = regex.compile(r"^(?:#{1,6}\s+\S|\s*\|?\s*:?-{3,}:?\s*\||\s*\*\*[^*]+\*\*\s*$)")
MIN_MD_SIGNALS, MD_SNIFF_LINES = 3, 2000


@dataclass
class _Line:
    text: str
    number: int
    heading_level: int | None = None
    bold: bool = False
    blank_before: bool = False
    opens_document: bool = False  # the text's first line (where a web page puts the title)


# A flipped byte or a character cut at the end: replaced and reported. More than this share of
# undecodable characters means another encoding (or not text at all), never a repaired text.
MAX_REPLACED_SHARE = 0.01


def decode_text(raw: bytes) -> str:
    return decode_report(raw)[0]


def decode_report(raw: bytes) -> tuple[str, list[int]]:
    """The text and the lines where undecodable bytes were replaced by U+FFFD. UTF-8 (with or
    without BOM), UTF-16 with BOM, GB18030/GBK; a few damaged bytes in either; else the detector's guess."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            text = raw.decode(encoding, errors="replace")
            return text, _replaced_lines(text)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, []
    for encoding in ("utf-8", "gb18030"):
        text = raw.decode(encoding, errors="replace")
        if text.count("\ufffd") <= MAX_REPLACED_SHARE * len(text) and _plausible(text, replaced_ok=True):
            return text, _replaced_lines(text)
    guess = from_bytes(raw).best()
    if guess is not None and _plausible(str(guess)):
        return str(guess), []
    raise ParseError("undecodable text: not UTF-8, GB18030 or any encoding the detector knows")


def _replaced_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if "\ufffd" in line]


def _plausible(text: str, replaced_ok: bool = False) -> bool:
    """Text, not binary: few control or unassigned characters (and no U+FFFD unless ``replaced_ok``)."""
    if not text:
        return True
    bad = sum(1 for ch in text if ch not in "\r\n\t\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return bad / len(text) < 0.01 and (replaced_ok or "\ufffd" not in text[:10000])


def read_text(path: Path, source: str, markdown: bool) -> Document:
    size = path.stat().st_size
    if size > LIMITS.text_max_bytes:
        raise ParseError(f"text file of {size} bytes is larger than {LIMITS.text_max_bytes}")
    text, damaged = decode_report(path.read_bytes())
    doc = Document(source=source, format="md" if markdown else "txt")
    if damaged:
        shown = "、".join(map(str, damaged[:10])) + ("等" if len(damaged) > 10 else "")
        doc.warnings.append(ReaderWarning(
            "text_decoding", f"{len(damaged)}行含无法解码的字节，已替换为“\ufffd”并保留其余内容（第{shown}行）"))
    lines = _chunks_joined(_site_breaks(text).splitlines())
    doc.blocks = list(_blocks(lines, source, markdown or looks_like_markdown(lines)))
    return doc


def _site_breaks(text: str) -> str:
    """A document site's break marks (`…完成报告。Р区政府、卫生Р2.慢性病…`) as the line breaks they stand for."""
    rules = _site_break_rules()
    for mark in rules["characters"]:
        if text.count(mark) >= rules["min_count"] and not _other_letters_of_script(text, mark):
            text = regex.sub(rf"(?<=[^\p{{Latin}}\p{{Cyrillic}}\p{{Greek}}]){regex.escape(mark)}(?=[^\p{{Latin}}\p{{Cyrillic}}\p{{Greek}}]|$)",
                             "\n", text)
    return text


def _other_letters_of_script(text: str, mark: str) -> bool:
    script = regex.compile(r"\p{Cyrillic}" if regex.match(r"\p{Cyrillic}", mark) else r"\p{Greek}")
    return any(ch != mark for ch in set(script.findall(text)))


@lru_cache(maxsize=1)
def _site_break_rules() -> dict:
    return load_json("site_breaks.json")


def _chunks_joined(lines: list[str]) -> list[str]:
    """Lines with a document site's chunk numbers taken out and each chunk cut mid-word joined to the one before
    (left blank where it stood); a numbered item after a long paragraph that ends complete stays as it is."""
    lines = list(lines)
    last, chunk = None, 0  # the line holding the chunk so far, and its number
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = CHUNK_MARK.match(line)
        if m and last is not None and int(m[1]) == chunk + 1 and CUT_MID_WORD.search(lines[last]):
            lines[last] = lines[last].rstrip() + line[m.end():].strip()
            lines[i], chunk = "", chunk + 1
            continue
        if m and m[1] == "1" and len(line.strip()) >= MIN_CHUNK and _chunk_cut(lines, i):
            lines[i], last, chunk = line[m.end():], i, 1
            continue
        if chunk:
            last = i  # the chunk goes on over this line: the next chunk continues from here
    return lines


def _chunk_cut(lines: list[str], i: int) -> bool:
    """The long line ``i`` (`1、…`) ends mid-word, the next non-blank line opens with chunk 2, and the two hold
    a run of items — or chunk 1 opens the document with its title (`1、2016年度…考评细则类别 考评项目…`): a
    document's first line is no item."""
    nxt = next((x for x in lines[i + 1:] if x.strip()), "")
    m = CHUNK_MARK.match(nxt)
    if not (CUT_MID_WORD.search(lines[i]) and m and m[1] == "2"):
        return False
    first = CHUNK_MARK.match(lines[i])
    if not any(x.strip() for x in lines[:i]) and TITLE_OPENING.match(lines[i], first.end()):
        return True
    return len(INNER_MARK.findall(lines[i], first.end())) + len(INNER_MARK.findall(nxt, m.end())) >= MIN_INNER_MARKS


def blocks_from_lines(lines: list[str], source: str) -> list:
    """Plain-text lines as this reader makes blocks of them (another reader's text flow, e.g. a web page's);
    a block's ``prov.line`` is its 1-based index in ``lines``."""
    return list(_blocks(lines, source, False))


def looks_like_markdown(lines: list[str]) -> bool:
    """Markdown by content: headings, pipe-table rules or bold lines among the first lines."""
    count = 0
    for line in lines[:MD_SNIFF_LINES]:
        if MD_SIGNAL.match(line):
            count += 1
            if count >= MIN_MD_SIGNALS:
                return True
    return False


def _blocks(lines: list[str], source: str, markdown: bool):
    pending: list[_Line] = []
    i, blank = 0, False
    first = next((k for k, x in enumerate(lines) if x.strip()), -1) + 1  # the first line's number
    while i < len(lines):
        raw = lines[i]
        if raw.startswith("\t"):
            yield from _joined(pending, source)
            pending = []
            table, i = _tab_table(lines, i, source)
            yield table
            continue
        # a `|` row over a `|---|` rule is a markdown table in any text (a .txt saved from a page that showed one):
        # the rule is no row
        if raw.lstrip().startswith("|") and i + 1 < len(lines) and MD_PIPE_SEPARATOR.match(lines[i + 1]):
            yield from _joined(pending, source)
            pending = []
            table, i = _pipe_table(lines, i, source)
            yield table
            continue
        tsv = tsv_table(lines, i, source)  # a spreadsheet's tab-parted rows: read whole before any other reader
        spaced = spaced_table(lines, i, source) if not markdown and tsv is None else None
        if spaced is not None:  # a spreadsheet flattened with single spaces between cells
            lead, table, tail, after = spaced
            lead_line = _parse_line(lead, i + 1, markdown)
            if lead_line is not None:
                lead_line.blank_before = True
                pending.append(lead_line)
            yield from _joined(pending, source)
            yield table
            tail_line = _parse_line(tail, after, markdown)
            pending = [tail_line] if tail_line is not None else []
            i = after
            continue
        items = item_bar_lines(lines, i) if raw.lstrip().startswith("|") else None
        if items is not None:  # `| 2、…(5分) 缺一次扣0.5分。 | ||||`: items between bars, read as lines
            lines[i:i + len(items)] = items
            continue
        found = (tsv or box_table(lines, i, source) or pipe_line_table(lines, i, source)
                 or cell_line_table(lines, i, source) or closed_form_head(lines, i, source)
                 or transposed_table(lines, i, source))
        if found is not None:  # a table a web page flattened into lines
            yield from _joined(pending, source)
            pending = []
            table, i = found
            yield table
            continue
        i += 1
        if is_page_number(lines, i - 1):
            continue  # a page number: the sentence around it goes on
        pieces = ITEM_GAP.split(raw.strip()) if len(raw) >= MIN_FLATTENED_LINE else [raw]
        for k, piece in enumerate(pieces):
            line = _parse_line(piece, i, markdown)
            if line is None:
                blank = True
                continue
            line.blank_before, blank = blank or k > 0, False  # a run of spaces parts items like a blank line
            line.opens_document = i == first and k == 0
            pending.append(line)
    yield from _joined(pending, source)


def _parse_line(raw: str, number: int, markdown: bool) -> _Line | None:
    text = CONVERTER_ANCHOR.sub("", raw).strip()
    if not text or (markdown and MD_RULE.match(text)):
        return None
    level, bold = None, False
    if markdown:
        m = MD_HEADING.match(text)
        if m:
            level, text = len(m.group(1)), m.group(2)
        b = MD_BOLD_LINE.match(text)
        if b:
            bold, text = True, b.group(2)
        text = MD_INLINE.sub("", text)
    text = STRAY_GLYPH.sub("", clean_text(text))
    return _Line(text, number, level, bold) if text else None


def _joined(lines: list[_Line], source: str):
    """Re-join sentences that a page break or a soft wrap cut in two."""
    current: _Line | None = None
    parts: list[str] = []
    for line in lines:
        if current is not None and _continues(parts[-1], current, line) and not (
                current.opens_document and len(parts) == 1 and title_apart(parts[0], line.text)) \
                and not title_under_site_line(parts[-1], line.text):
            parts.append(line.text)
            continue
        if current is not None:
            yield _paragraph(current, "".join(parts), source)
        current, parts = line, [line.text]
    if current is not None:
        yield _paragraph(current, "".join(parts), source)


def _continues(prev_text: str, prev: _Line, line: _Line) -> bool:
    """``prev_text`` is the last line of the paragraph so far; ``prev`` its first line."""
    if prev.heading_level or prev.bold or line.heading_level or line.bold:
        return False
    if note_pattern().match(line.text):  # `注：…` starts a note of its own
        return False
    if ROW_BAR.search(prev_text) or ROW_BAR.search(line.text):  # a `|` row is a line of its own
        return False
    if bare_heading_pattern().match(prev_text) or bare_heading_pattern().match(line.text):
        return False  # `二人口控制指标24分`: a heading numbered without 、, a line of its own
    if line.blank_before:
        # A blank line ends a paragraph, unless the text before it stops mid-sentence (`、`, `，`):
        # some converters put a blank line after every line, page breaks included.
        # or the line after it is a sentence's tail (`(200分)。`, `0.6个百分点（60分）；`).
        if STARTS_ITEM.match(line.text) or TERMINAL.search(prev_text):
            return False
        if HEADING_START.match(prev_text) and line.text[:1].isdigit() and not POINTS_FIRST.match(line.text):
            return False  # `(一)交通安全社区考核方法` then `1交通…`: a heading, then its first item numbered without 、
        return MID_SENTENCE.search(prev_text) is not None or (
            TAIL_START.match(line.text) is not None and TERMINAL.search(line.text) is not None)
    if TERMINAL.search(prev_text) or STARTS_ITEM.match(line.text) or ENDS_HEADER_ITEM.search(prev_text):
        return False
    # A short line without punctuation is a heading (a unit's name); a broken sentence is long,
    # or its tail ends a sentence (`值。`, `(200分)。`).
    return len(prev_text) >= MIN_BROKEN_LINE and (TERMINAL.search(line.text) is not None or len(line.text) >= MIN_BROKEN_LINE)


def _paragraph(line: _Line, text: str, source: str) -> Paragraph:
    return Paragraph(text, Provenance(source, None, line.number), line.heading_level, line.bold)


def _tab_table(lines: list[str], i: int, source: str) -> tuple[Table, int]:
    """Rows of tab-prefixed cells; a non-tab line continues the cell above; blank lines part rows.
    The table ends at the first non-tab line after a blank line."""
    rows: list[TableRow] = []
    cells: list[str] = []
    row_line = i + 1
    while i < len(lines):
        raw = lines[i]
        if raw.startswith("\t"):
            if not cells:
                row_line = i + 1
            cells.append(CONVERTER_ANCHOR.sub("", raw[1:]).strip())
        elif raw.strip() == "":
            if cells:
                rows.append(TableRow(_clean_cells(cells), Provenance(source, None, row_line)))
                cells = []
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("\t"):
                i += 1
                break
        elif cells:
            tail = CONVERTER_ANCHOR.sub("", raw).strip()
            cells[-1] = f"{cells[-1]}\n{tail}" if cells[-1] else tail
        else:
            break
        i += 1
    if cells:
        rows.append(TableRow(_clean_cells(cells), Provenance(source, None, row_line)))
    return _square(rows, source), i


def _pipe_table(lines: list[str], i: int, source: str) -> tuple[Table, int]:
    rows: list[TableRow] = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        if not MD_PIPE_SEPARATOR.match(lines[i]):
            parts = lines[i].strip().strip("|").split("|")
            cells = [MD_INLINE.sub("", MD_BREAK.sub("\n", p)) for p in parts]
            rows.append(TableRow(_clean_cells(cells), Provenance(source, None, i + 1)))
        i += 1
    return _square(rows, source), i


def _clean_cells(cells: list[str]) -> list[str]:
    return ["\n".join(clean_text(part) for part in c.split("\n") if part.strip()) for c in cells]


def _square(rows: list[TableRow], source: str) -> Table:
    width = max((len(r.cells) for r in rows), default=0)
    for r in rows:
        r.cells += [""] * (width - len(r.cells))
    prov = rows[0].prov if rows else Provenance(source, None, 1)
    return Table(rows, prov, merges_resolved=False)
