"""The thresholds the PDF reader judges a page's layout by, named and documented in one frozen
object (as pdfplumber's ``TableSettings`` does). Lengths are in PDF points or, where they say so,
in multiples of the font size, so they hold for any page size and type size."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LayoutSettings:
    # A text layer is unreadable (the page needs OCR) when more than this share of its visible
    # characters are replacement or private-use characters (CID fonts without a ToUnicode map) …
    max_bad_char_share: float = 0.1
    # … or belong to no script a notice is written in.
    max_unreadable_share: float = 0.4

    # A page is searched for ruled tables only when it draws at least this many path objects (this many on a page
    # a table runs on to from the page before: a row's tail is one box, its rules a few paths) …
    table_min_paths: int = 3
    continued_min_paths: int = 3
    # … and its lines start at this many distinct places (columns), each place a bucket of this many points …
    table_min_line_starts: int = 4
    line_start_bucket: float = 4.0
    # … or this many text runs share a baseline or stand apart by a wide gap (cells side by side).
    table_min_shared_baselines: int = 2
    # A gap between two characters wider than this many character heights separates two cells.
    cell_gap: float = 2.0

    # Two pieces whose tops differ by less than this × font size are one visual line.
    same_line: float = 0.3
    # Running headers: the same text at the same height on at least this many pages and this share of them.
    running_min_pages: int = 3
    running_min_share: float = 0.4
    # Lines at a page's top and bottom looked at for page numbers and running headers.
    edge_lines: int = 2

    # The font size assumed where a page gives none.
    default_font_size: float = 12.0
    # A left margin is where at least this many lines start (two on a short document: a page or two of a dozen
    # lines, where the first-line indent may outnumber the margin); the right margin is this quantile of line ends.
    margin_min_lines: int = 3
    short_document_lines: int = 20
    # … or where this many wraps start (a line left of one that ran to the right margin).
    margin_min_wraps: int = 2
    right_margin_quantile: float = 0.95
    # Paragraph breaks, × font size: a change of size larger than this share of it …
    size_change: float = 0.15
    # … a first line indented more than this …
    first_line_indent: float = 0.6
    # … a line above that ended this far before the right margin …
    short_line: float = 4.0
    # … or, ending with sentence punctuation, this far before it …
    short_line_after_stop: float = 1.5
    # … or a vertical gap larger than this.
    paragraph_gap: float = 2.5
    # A single line this far from the left margin with equal space either side is centred (a title).
    centred_indent: float = 2.5
    # A document opens its paragraphs indented when at least this share of the lines after a short line (of at
    # least this many) stand indented: a line at the margin after a short one broken mid-sentence then runs on.
    indented_share: float = 0.9
    indented_min_paragraphs: int = 5
    # A line is letter-spaced (stretched to the margin, or a spaced heading) when at least this many of its
    # characters, and this share of the gaps between them, are parted by a space: it ends its paragraph.
    spaced_min_gaps: int = 3
    spaced_share: float = 0.6
    # A line's spaces read from the gap between the characters either side (× font size; pdf_spaces.py): under the
    # first, no space (a glyph pdfium placed elsewhere); under the second where Chinese meets a figure or a letter,
    # the office suite's autospace (about a fifth of an em; a space glyph is about a third); from the third, a run of
    # spaces (two glyphs' width: web text parting items).
    no_space_gap: float = 0.1
    autospace_gap: float = 0.26
    space_run_gap: float = 0.48
    # A text object with less ink than this (points high) is space glyphs; one ending at a line's end, its baseline
    # within this many font sizes under the line's top, is a space the line wrapped at.
    space_object_ink: float = 0.05
    space_object_depth: float = 1.2


LAYOUT = LayoutSettings()


# Patterns run over every page's whole text use the standard library's engine, several times faster
# there than `regex`. `regex`'s \s is Unicode White_Space; re's also takes \x1c-\x1f, so these classes
# leave those four out to match what `regex` matched (tests/readers/test_pdf_patterns.py).
SPACE = r"[^\S\x1c-\x1f]"
NOT_SPACE = r"[\S\x1c-\x1f]"
WHITESPACE = re.compile(SPACE + "+")
# A line opening with a clause's number (`8.` `12、` `（3）`) starts an item, never a centred title's first line.
ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*[.．、](?!\d)|[（(]\s*\d{1,3}\s*[)）])")
# pdfium's mark for a hyphen it takes for a word broken at a line's end (U+FFFE, the next line run on).
LINE_END_HYPHEN = "\ufffe"
BAD_CHAR = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]+")
READABLE_CHAR = re.compile(r"[\u4e00-\u9fff\x21-\x7e\u3000-\u303f\uff00-\uffef—–“”‘’…·]+")
# Signs a notice is written with besides its script: box drawing (a table a web page drew in characters, `┌─┬─┐`
# `│`), circled and Roman numbers (`①` `Ⅱ` `㈠`), units (`㎡` `℃`), marks of comparison and operations (`≥` `×`),
# shapes (`□` `★`), radicals and vertical brackets (`︵`).
SIGN_CHAR = re.compile(r"[°±·×÷§\u2000-\u27bf\u2e80-\u2fdf\u3200-\u33ff"
                       r"\ufe10-\ufe1f\ufe30-\ufe6f]+")


def text_layer_problem(text: str) -> str | None:
    """Why the page's text cannot be trusted, or None. CID fonts without a ToUnicode map give
    replacement or private-use characters, or bytes that decode to no script at all."""
    visible = WHITESPACE.sub("", text)
    if not visible:
        return "没有文字层（需要OCR）：text layer unreadable: needs OCR"
    bad = len(visible) - len(BAD_CHAR.sub("", visible))
    rest = READABLE_CHAR.sub("", visible)
    unreadable = len(SIGN_CHAR.sub("", rest)) if rest else 0
    if bad / len(visible) > LAYOUT.max_bad_char_share or unreadable / len(visible) > LAYOUT.max_unreadable_share:
        return "文字层无法识别（需要OCR）：text layer unreadable: needs OCR"
    return None
