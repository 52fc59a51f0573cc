"""Word .docx → blocks: body paragraphs and tables in document order (headers and footers are
not body), Word list numbers as Word shows them, merged cells resolved from the XML.

The package's trees are plain lxml (``docx_package``); what python-docx's classes would read from
them (a paragraph's text, its style, alignment, a cell's span) is read here from the XML directly,
with python-docx's rules, once per element."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from parsers.cycles import collector_paused
from parsers.errors import ParseError
from parsers.readers.docx_markup import MALFORMED_MARKUP, drop_malformed_attributes  # noqa: F401 (the code, re-exported)
from parsers.readers.docx_numbering import Numbering, W
from parsers.readers.docx_package import WordParts, open_parts
from parsers.readers.docx_pages import page_map
from parsers.readers.pasted_text import repair_pasted
from parsers.readers.web_chunks import closed_up, joined_chunks
from parsers.safety import check_xml_parts, check_zip
from schemas.blocks import Document, Paragraph, Provenance, Table, TableRow

HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
P, TBL, TR, TC, R, HYPERLINK = W + "p", W + "tbl", W + "tr", W + "tc", W + "r", W + "hyperlink"
PPR, PSTYLE, NUMPR, OUTLINE, JC, VAL = (W + "pPr", W + "pStyle", W + "numPr", W + "outlineLvl", W + "jc",
                                        W + "val")
_RPR, _B = W + "rPr", W + "b"
_T, _TAB, _BR, _CR, _PTAB, _NO_BREAK_HYPHEN = (W + "t", W + "tab", W + "br", W + "cr", W + "ptab",
                                               W + "noBreakHyphen")
_BR_TYPE = W + "type"


def read_docx(path: Path, source: str) -> Document:
    with collector_paused():  # tens of thousands of lxml proxies, no cycles (parsers/cycles.py)
        return _read(path, source)


def _read(path: Path, source: str) -> Document:
    infos = check_zip(path, ".docx")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise ParseError("not a valid .docx (no word/document.xml)")
    check_xml_parts(path, infos, ".docx")
    try:
        parts = open_parts(path)
    except Exception as exc:  # python-docx raises many kinds for damaged packages
        raise ParseError(f"cannot open .docx: {type(exc).__name__}: {exc}") from exc
    doc = Document(source=source, format="docx")
    doc.warnings.extend(drop_malformed_attributes(parts))
    numbering, styles_numpr = _load_numbering(parts)
    styles = _style_table(parts.styles)
    body = parts.document.find(W + "body")
    pages = page_map(body)  # Word's page where its marks tell it, else None
    counter = 0
    for item in _block_items(body, _text_boxes(body)):
        if item.tag == P:
            counter += 1
            para = _paragraph(item, numbering, styles, styles_numpr, Provenance(source, pages.get(item), counter))
            if para.text:
                doc.blocks.append(para)
        else:
            table_rows = []
            trs = item.findall(TR)
            for cells, tr in zip(_table_rows(item, trs, numbering), trs):
                counter += 1
                table_rows.append(TableRow(cells, Provenance(source, pages.get(tr), counter)))
            if table_rows:
                doc.blocks.append(Table(table_rows, table_rows[0].prov, merges_resolved=True))
    doc.blocks = closed_up(repair_pasted(joined_chunks(doc.blocks), source))  # web text pasted into Word
    return doc


# Block-level wrappers Word leaves around paragraphs and tables: content controls (templates and forms) and custom
# XML. python-docx's iter_inner_content skips what they hold; Word shows it.
_SDT, _SDT_CONTENT, _CUSTOM_XML = W + "sdt", W + "sdtContent", W + "customXml"


def _block_items(container, boxes: dict):
    """The w:p and w:tbl of the body in document order, those inside content controls and custom XML included; a
    paragraph's text boxes (a red-letter head, a label drawn in a frame) come just before it."""
    for item in container:
        tag = item.tag
        if tag == P:
            for box in boxes.get(item, ()):
                yield from _block_items(box, boxes)
            yield item
        elif tag == TBL:
            yield item
        elif tag == _SDT:
            content = item.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_items(content, boxes)
        elif tag == _CUSTOM_XML:
            yield from _block_items(item, boxes)


_TXBX = W + "txbxContent"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(body) -> dict:
    """Each text box's content under the paragraph that anchors it. A box drawn both as DrawingML and as its VML
    fallback (mc:AlternateContent) is read once; a box inside a table cell is the cell's text already."""
    boxes: dict = {}
    for box in body.iter(_TXBX):
        anchor, skip = box.getparent(), False
        while anchor is not None and anchor.tag != P:
            skip = skip or anchor.tag == _MC_FALLBACK
            anchor = anchor.getparent()
        if anchor is not None and not skip and not any(a.tag == TC for a in anchor.iterancestors()):
            boxes.setdefault(anchor, []).append(box)
    return boxes


def _load_numbering(parts: WordParts) -> tuple[Numbering, dict[str, tuple[str, int]]]:
    styles_numpr: dict[str, tuple[str, int]] = {}
    for style in parts.styles.iter(W + "style"):
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            continue
        num_id = numpr.find(W + "numId")
        ilvl = numpr.find(W + "ilvl")
        if num_id is not None:
            level = ilvl.get(W + "val") if ilvl is not None else "0"
            styles_numpr[style.get(W + "styleId")] = (num_id.get(W + "val"), int(level or 0))
    return Numbering(parts.numbering, styles_numpr), styles_numpr


@dataclass(frozen=True)
class _StyleInfo:
    heading_level: int | None = None
    bold: bool = False


def _style_table(styles_root) -> dict[str | None, _StyleInfo]:
    """Paragraph styles resolved once through their basedOn chains (python-docx looks a style up
    by scanning all styles, for every paragraph that asks)."""
    raw: dict[str, dict] = {}
    default_id = None
    for st in styles_root.findall(W + "style"):
        if st.get(W + "type") != "paragraph":
            continue
        style_id = st.get(W + "styleId")
        name_el, based_el = st.find(W + "name"), st.find(W + "basedOn")
        bold_el = st.find(f"{W}rPr/{W}b")
        outline_el = st.find(f"{W}pPr/{W}outlineLvl")
        raw[style_id] = {
            "name": (name_el.get(W + "val") if name_el is not None else "") or "",
            "based": based_el.get(W + "val") if based_el is not None else None,
            "bold": None if bold_el is None else (bold_el.get(W + "val") or "true") not in ("0", "false"),
            "outline": outline_el.get(W + "val") if outline_el is not None else None,
        }
        if st.get(W + "default") in ("1", "true"):
            default_id = style_id

    def resolve(style_id: str | None, depth: int = 0) -> _StyleInfo:
        entry = raw.get(style_id or "")
        if entry is None or depth > 20:
            return _StyleInfo()
        parent = resolve(entry["based"], depth + 1) if entry["based"] else _StyleInfo()
        level = parent.heading_level
        m = HEADING_STYLE.match(entry["name"])
        if entry["name"].lower() == "title":
            level = 1
        elif m:
            level = int(m.group(1))
        elif entry["outline"] and entry["outline"].isdigit() and int(entry["outline"]) < 9:
            level = int(entry["outline"]) + 1
        bold = parent.bold if entry["bold"] is None else entry["bold"]
        return _StyleInfo(level, bold)

    table = {style_id: resolve(style_id) for style_id in raw}
    table[None] = table.get(default_id, _StyleInfo())
    return table


def _paragraph(p, numbering: Numbering, styles: dict, styles_numpr: dict, prov: Provenance) -> Paragraph:
    # One pass over the paragraph's children: lxml's find() and multi-tag iterchildren() cost more
    # than looking at the few children a paragraph has.
    ppr = None
    pieces: list[str] = []
    shown = []  # the rPr (or None) of each of the paragraph's own runs that show text
    for child in p:
        tag = child.tag
        if tag == R:
            shows, rpr = _run_text(child, pieces)
            if shows:
                shown.append(rpr)
        elif tag == HYPERLINK:
            for r in child:
                if r.tag == R:
                    _run_text(r, pieces)
        elif tag in _INLINE_WRAPPERS:
            _wrapped_runs(child, pieces, shown)
        elif tag == PPR and ppr is None:
            ppr = child
    pstyle, numpr, outline, jc = _paragraph_properties(ppr)
    style_id = _required_val(pstyle) if pstyle is not None else None
    style = styles.get(style_id, styles[None])
    # Numbering.label finds no number without a w:numPr here or in the style: skip the lookup.
    label = numbering.label(p, style_id) if numpr is not None or style_id in styles_numpr else ""
    text = clean_text("".join(pieces).replace("\t", " ")).strip()
    if label and text:
        text = f"{label}{text}"
    return Paragraph(text=text, prov=prov, heading_level=_heading_level(outline, style),
                     bold=_is_bold(shown, style), centered=jc is not None and _required_val(jc) == "center")


_PPR_FIELDS = {PSTYLE: 0, NUMPR: 1, OUTLINE: 2, JC: 3}


def _paragraph_properties(ppr) -> list:
    """The first w:pStyle, w:numPr, w:outlineLvl and w:jc of a w:pPr (what python-docx's and the
    numbering's lookups find)."""
    found = [None, None, None, None]
    if ppr is not None:
        for el in ppr:
            i = _PPR_FIELDS.get(el.tag)
            if i is not None and found[i] is None:
                found[i] = el
    return found


# Inline wrappers whose runs are text Word shows: a tracked insertion, a move's new place, a smart tag (dates and
# place names in documents from Word 2003–2007), custom XML, a simple field's result, a content control's content,
# text direction. python-docx's Paragraph.text reads none of them. A tracked deletion (w:del, w:moveFrom) is left
# out: the text is the document as it stands once the changes are accepted.
_INLINE_WRAPPERS = frozenset(W + tag for tag in ("ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt",
                                                 "sdtContent", "dir", "bdo"))
_NOT_CONTENT = frozenset(W + tag for tag in ("sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr"))


def _wrapped_runs(wrapper, pieces: list[str], shown: list | None = None) -> None:
    for el in wrapper:
        tag = el.tag
        if tag == R:
            shows, rpr = _run_text(el, pieces)
            if shows and shown is not None:
                shown.append(rpr)
        elif tag == HYPERLINK or (tag in _INLINE_WRAPPERS and tag not in _NOT_CONTENT):
            _wrapped_runs(el, pieces, shown if tag != HYPERLINK else None)


def paragraph_text(p) -> str:
    """The text Word shows for a paragraph: python-docx's ``Paragraph.text`` (the runs and hyperlinks that are its
    children; each run's w:t text with tabs, breaks and hyphens as their characters) and the runs inside tracked
    insertions, smart tags, simple fields and content controls."""
    pieces: list[str] = []
    for child in p:
        tag = child.tag
        if tag == R:
            _run_text(child, pieces)
        elif tag == HYPERLINK or tag in _INLINE_WRAPPERS:
            _wrapped_runs(child, pieces)
    return "".join(pieces)


_CHAR_OF = {_TAB: "\t", _PTAB: "\t", _CR: "\n", _NO_BREAK_HYPHEN: "-"}


def _run_text(r, pieces: list[str]) -> tuple[bool, object]:
    """Adds a run's text to ``pieces``. Returns whether it shows any (``Run.text.strip()`` is not
    empty: visible w:t text or a non-breaking hyphen; tabs and breaks read as whitespace) and its
    first w:rPr."""
    shows, rpr = False, None
    for el in r:
        tag = el.tag
        if tag == _T:
            text = el.text
            if text:
                pieces.append(text)
                shows = shows or not text.isspace()
        elif tag in _CHAR_OF:
            pieces.append(_CHAR_OF[tag])
            shows = shows or tag == _NO_BREAK_HYPHEN
        elif tag == _BR:  # a line break is a newline; a page or column break is nothing
            pieces.append("\n" if el.get(_BR_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag == _RPR and rpr is None:
            rpr = el
    return shows, rpr


def _required_val(el) -> str:
    """The w:val python-docx requires on w:pStyle and w:jc: absent, it raises (and so do we)."""
    value = el.get(VAL)
    if value is None:
        from docx.oxml.exceptions import InvalidXmlError  # xmlchemy's, not docx.exceptions' (ST_OnOff's)

        raise InvalidXmlError(f"required 'w:val' attribute not present on element {el.tag}")
    return value


def _style_id(ppr) -> str | None:
    pstyle = ppr.find(PSTYLE) if ppr is not None else None
    return _required_val(pstyle) if pstyle is not None else None


def _heading_level(outline, style: _StyleInfo) -> int | None:
    if outline is not None and (outline.get(VAL) or "").isdigit():
        level = int(outline.get(VAL)) + 1
        return level if level <= 9 else None
    return style.heading_level


def _is_bold(shown: list, style: _StyleInfo) -> bool:
    """Every run that shows text is bold (python-docx's ``Run.bold``, the style's where unset)."""
    for rpr in shown:
        bold = _run_bold(rpr)
        if not (bold or (bold is None and style.bold)):
            return False
    return bool(shown)


def _run_bold(rpr) -> bool | None:
    """``Run.bold``: None without a w:b, else its on/off value (malformed values were dropped)."""
    if rpr is None:
        return None
    for b in rpr:
        if b.tag == _B:
            value = b.get(VAL)
            return True if value is None else _on_off(value)
    return None


def _on_off(value: str) -> bool:
    """python-docx's ST_OnOff: a value outside its six (`" true"`) raises as it does."""
    if value not in ("1", "0", "true", "false", "on", "off"):
        from docx.exceptions import InvalidXmlError

        raise InvalidXmlError("value must be one of '1', '0', 'true', 'false', 'on', or 'off', got "
                              f"'{value}'")
    return value in ("1", "true", "on")


def _cell_text(tc, numbering: Numbering) -> str:
    lines = []
    for p_el in tc.iter(P):
        style_id = _style_id(p_el.find(PPR))
        label = numbering.label(p_el, style_id)
        text = clean_text(paragraph_text(p_el)).strip()
        if text:
            lines.append(f"{label}{text}" if label else text)
    return "\n".join(lines)


def _table_rows(tbl, trs: list, numbering: Numbering) -> list[list[str]]:
    """Cells on the table grid. A vertically merged cell (`w:vMerge`) gives its value to every
    row it spans; a horizontally merged one (`w:gridSpan`) stands in its first column."""
    grid: list[list[str]] = []
    grid_el = tbl.find(W + "tblGrid")
    width = len(grid_el.findall(W + "gridCol")) if grid_el is not None else 0
    for tr in trs:
        row: list[str] = []
        trpr = tr.find(W + "trPr")
        before = trpr.find(W + "gridBefore") if trpr is not None else None
        if before is not None:
            row.extend([""] * int(before.get(W + "val") or 0))
        for tc in tr.findall(TC):
            col = len(row)
            span, vmerge = _cell_merge(tc)
            if vmerge == "continue" and grid and col < len(grid[-1]):
                value = grid[-1][col]
            else:
                value = _cell_text(tc, numbering)
            row.append(value)
            row.extend([""] * (span - 1))
        grid.append(row)
    width = max([width] + [len(r) for r in grid])
    return [r + [""] * (width - len(r)) for r in grid]


def _cell_merge(tc) -> tuple[int, str | None]:
    """python-docx's ``tc.grid_span`` (1 without w:gridSpan; its w:val required, an integer) and
    ``tc.vMerge`` (None without w:vMerge; "continue" where its w:val is absent)."""
    tcpr = tc.find(W + "tcPr")
    if tcpr is None:
        return 1, None
    grid_span = tcpr.find(W + "gridSpan")
    vmerge = tcpr.find(W + "vMerge")
    span = 1 if grid_span is None else int(_required_val(grid_span))
    return span, None if vmerge is None else vmerge.get(VAL, "continue")


# Zero-width, bidi and other format characters, and control characters (newline and tab kept): they
# make `市\u200b教育局` a different unit from `市教育局` and can reorder a line on screen.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def clean_text(text: str) -> str:
    return _INVISIBLE.sub("", text)

