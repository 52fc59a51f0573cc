"""GB/T 9704 metadata: 发文机关, 发文字号, 标题, 主送, 成文日期, 抄送, 印发."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.closing import WHOLE_DATE, abbreviates, closing_run_in, closings
from parsers.extract.dates import chinese_zeros, parse_date  # noqa: F401  (callers read a date from here too)
from parsers.extract.layout import GLOSS
from parsers.extract.metadata_labels import labelled_date, labelled_issuer, labelled_number, labelled_values
from parsers.extract.patterns import ARABIC_DATE, CHINESE_DATE, DOC_NUMBER
from parsers.extract.patterns import ATTACHMENT as ATTACHMENT_LABEL
from parsers.extract.title_cut import title_before_run_on, title_in_preamble
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Document, Paragraph
from schemas.records import DocumentInfo

FRONT_MATTER = 15  # paragraphs searched for the header, number, title and recipients
RED_HEADER = regex.compile(r"^(?P<issuer>.+?)(?:文件|文件$)$")  # `某某市人民政府文件`
TITLE_CHARS = 80  # a longer paragraph is a sentence, not a title
# A line's head searched for a title (with a 发文字号 and 主送 run on after it): the patterns backtrack, and a
# flattened page can be one paragraph of megabytes.
TITLE_SCAN = 400
# A title stands alone: no sentence punctuation, no clause number or points before it.
NOT_A_TITLE = regex.compile(r"[。；;：:！？?,，]|^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|第[一二三四五六七八九十\d]+[条章])"
                            r"|[一二三四五六七八九十]、|\d+(?:\.\d+)?分")
# A 发文字号 web text glued to the end of the title's line: `…的通知(皖政办秘〔2010〕126号)`, `…的通知岳审发(2017)42号`.
GLUED_TAIL = 48  # characters: a glued number (prefix, bracketed year, sequence) is shorter
KIND_CHARS = 8  # characters: the longest word naming a kind is shorter
GLUED_NUMBER = regex.compile(rf"[（(]?{DOC_NUMBER.pattern}[)）]?$")
SITE_TAG = regex.compile(r"(?:\[[^\[\]]{1,6}\]|【[^【】]{1,6}】)$")  # a site's mark after a title: `[失效]`
LEADING_NUMBER = regex.compile(rf"^[（(]?(?P<number>{DOC_NUMBER.pattern})[)）]?")  # `(杭经中小〔2009〕113号)各区…`
_LABEL_HINT = regex.compile(r"日期|时间|時間|文号|字号|文號|字號|机关|機關|机构|機構|来源|來源")  # a page label may stand here
PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))
ISSUER_SUFFIX = regex.compile(r"(?:人民政府|政府|委员会|办公室|办公厅|局|厅|委|办|部|院|会|中心)$")
MASKED = regex.compile(r"[xX]{2,}|[×＊*]{2,}|某")  # a name a site or a template blanked out (`xx镇人民政府`)
CC = regex.compile(r"^\s*抄\s*送\s*[:：]\s*")
LABEL_NUMBER_TAIL = regex.compile(r"^[-－—.．]\d{1,2}\s*[:：]?")
PRINTED = regex.compile(r"(?P<date>.{8,20}?)\s*印\s*发\s*$")


def normalize_doc_number(raw: str) -> str | None:
    m = DOC_NUMBER.search(halfwidth(no_space(raw)))
    if not m:
        return None
    return f"{m['prefix']}〔{m['year']}〕{int(m['seq'])}号"  # GB/T 9704: no 第, no leading zeros


def extract_metadata(doc: Document, meta: DocumentInfo | None = None, signed: list | None = None) -> DocumentInfo:
    """Fill the GB/T 9704 fields of ``meta`` (a new ``DocumentInfo`` when none is given). ``signed``: the document's
    closing blocks (parsers/extract/closing.py; found here when not given): the first one signs for the issuer and
    dates the document where its head and title do not."""
    paras = doc.paragraphs()
    meta = meta or DocumentInfo(doc_id="", source_path=doc.source, sha256="", format=doc.format)
    front = plain_front(paras)
    _header_and_number(front, meta)
    _below_number(front, meta)
    title_at, own_title = _title(front, meta)
    if meta.title is None:  # no title line: the name the preamble gives the document (`特制定…考核细则。`)
        meta.title = title_in_preamble([no_space(p.text) for p in front], _title_words().standalone)
    # 主送 and 成文日期 follow a notice's title; a title of its own may stand below them (a 办法 after its notice)
    _recipients_and_date(paras, None if own_title else title_at, meta)
    _cc_and_printer(paras, meta)
    meta.prepared_by = prepared_by(doc)
    if meta.issuer is None and meta.title and not own_title:
        head = _title_words().issuing_verb.split(meta.title, maxsplit=1)[0]
        head = head.rsplit("号", 1)[-1] if "号" in head else head  # a 发文字号 web text ran in without brackets
        named = MASKED.sub("", head).strip()  # `******关于…的通知`: a body the site masked whole names none
        meta.issuer = head if named and not regex.search(r"\d", head) else None
    first = (closings(doc) if signed is None else signed)[:1]
    signer = first[0].signer if first else None
    if signer and (meta.issuer is None or MASKED.search(meta.issuer) and not MASKED.search(signer)):
        meta.issuer, meta.issuer_source = first[0].signer, "signature"
    elif signer and meta.issuer and "、" in signer and signer.replace("、", "") == meta.issuer:
        meta.issuer = signer  # joint issuers the title runs together, the signature sets apart
    elif signer and meta.issuer and abbreviates(meta.issuer, signer):
        meta.issuer = signer  # the title's short name (`某旗残联`), the signature's full one (`某托克旗残疾人联合会`)
    if first and meta.issued_on is None:
        meta.issued_on = first[0].date
    if meta.issued_on is None:
        meta.issued_on, signer = closing_run_in(paras)
        if signer and (meta.issuer is None or abbreviates(meta.issuer, signer)):
            meta.issuer, meta.issuer_source = signer, "signature"
    _page_labels(front, meta)
    return meta


def plain_front(paras: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs the head is read from, without the pinyin glosses some sites put after characters
    (`關(guān)于印發(fā)`) and without a site's banner run onto the first one (`某某网--某某信息网…`): the fields are
    read, and stored, as the document's own words."""
    front = [replace(p, text=GLOSS.sub("", p.text)) if "(" in p.text and GLOSS.search(p.text) else p
             for p in paras[:FRONT_MATTER]]
    if front and "网" in front[0].text and (banner := _title_words().site_banner.match(front[0].text)):
        front[0] = replace(front[0], text=front[0].text[banner.end():])
    return front


def _page_labels(front: list[Paragraph], meta: DocumentInfo) -> None:
    """What a site printed above the document (`发布日期: 2020-10-20`), where the document itself says nothing."""
    if meta.issued_on and meta.doc_number and meta.issuer or not any(_LABEL_HINT.search(p.text) for p in front):
        return
    found = {field: value for field, (value, _) in labelled_values(front).items()}
    if meta.issued_on is None:
        meta.issued_on = labelled_date(found.get("issued_on") or found.get("published_on") or "")
    if meta.doc_number is None and (number := labelled_number(found.get("doc_number", ""))):
        meta.doc_number_raw, meta.doc_number = number, normalize_doc_number(number)
    published_by = labelled_issuer(found.get("published_by", ""))
    if published_by and not ISSUER_SUFFIX.search(published_by):
        published_by = None  # a site's name (`范文大全`), not a body
    if meta.issuer is None and (issuer := labelled_issuer(found.get("issuer", "")) or published_by):
        meta.issuer, meta.issuer_source = issuer, "page_label"


def _header_and_number(front: list[Paragraph], meta: DocumentInfo) -> None:
    for p in front:
        text = no_space(p.text)
        if meta.doc_number is None:
            glued = split_glued_number(text)[1]
            if glued:  # after the title on its line (web text)
                meta.doc_number_raw, meta.doc_number = glued, normalize_doc_number(glued)
                continue
            if len(text) <= 40 and DOC_NUMBER.search(halfwidth(text)):
                meta.doc_number_raw = p.text.strip()
                meta.doc_number = normalize_doc_number(text)
                continue
        if meta.issuer is None and meta.doc_number is None:
            m = RED_HEADER.match(text)
            if m and len(text) <= 40 and ISSUER_SUFFIX.search(m["issuer"]) and not NOT_A_TITLE.search(m["issuer"]):
                meta.issuer = m["issuer"]


# A date in figures with dots, alone on a line (`2012.04.10`): how a government site's 公开目录 prints a 成文日期.
DOTTED_DATE = regex.compile(r"^(?P<y>(?:19|20)\d{2})[.．](?P<m>\d{1,2})[.．](?P<d>\d{1,2})$")
BELOW_NUMBER = 2  # lines under a 发文字号 that may hold the issuing body and the date


def _below_number(front: list[Paragraph], meta: DocumentInfo) -> None:
    """`沪青司〔2012〕9号` / `上海市青浦区司法局` / `2012.04.10`: the issuing body and the date on lines of their own
    just under the 发文字号 (a web page's copy of the head), where nothing above named them."""
    at = next((i for i, p in enumerate(front) if meta.doc_number_raw and p.text.strip() == meta.doc_number_raw), None)
    for p in front[at + 1: at + 1 + BELOW_NUMBER] if at is not None else []:
        text = no_space(halfwidth(p.text))
        if meta.issued_on is None and (m := DOTTED_DATE.match(text)):
            try:
                meta.issued_on = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                pass
        elif meta.issuer is None and len(text) <= 30 and ISSUER_SUFFIX.search(text) and not text.startswith("各") \
                and not NOT_A_TITLE.search(text) and not regex.search(r"\d", text):
            meta.issuer = text


@dataclass(frozen=True)
class _TitleWords:
    notice: regex.Pattern  # `关于…的通知` (a notice's title)
    notice_end: regex.Pattern  # where such a title ends, inside a longer line
    standalone: regex.Pattern  # a title of its own kind (`…考核办法（试行）`)
    about: tuple[str, ...]  # the ways 关于 is written
    issuing_verb: regex.Pattern  # the issuer's name stands before the first of these
    openers: tuple[str, ...]  # a line starting so is a sentence
    run_on_kind: regex.Pattern  # a kind that ends a title the first sentence ran on after
    kind: regex.Pattern  # any word naming a document's kind (a notice's or a title's of its own)
    kind_at_end: regex.Pattern  # one ending a text
    file_suffix: regex.Pattern  # `.docx`: a document-sharing page names the file by its title
    site_banner: regex.Pattern  # `某某网--某某信息网`: a site's name run onto the title's line


@lru_cache(maxsize=1)
def _title_words() -> _TitleWords:
    words = load_json("title_words.json")
    alt = lambda key: "|".join(map(regex.escape, sorted(words[key], key=len, reverse=True)))  # noqa: E731
    tail = rf"(?:[（(](?:{alt('qualifiers')}|\d{{4}}年[^）)]{{0,6}})[)）])?"
    kinds = "|".join(map(regex.escape, sorted({*words["notice_kinds"], *words["document_kinds"]}, key=len, reverse=True)))
    return _TitleWords(
        notice=regex.compile(rf"(?:{alt('about')}).+的(?:{alt('notice_kinds')}){tail}$"),
        notice_end=regex.compile(rf"的(?:{alt('notice_kinds')}){tail}"),
        # four characters at least before the kind (`特此通知` closes a notice), and no `…的通知`: a notice title's tail
        standalone=regex.compile(rf"^.{{4,}}?(?<!的)(?:{alt('document_kinds')})(?:[（(][^）)]{{1,12}}[)）])?{tail}$"),
        about=tuple(words["about"]), issuing_verb=regex.compile(alt("issuing_verbs")),
        openers=tuple(words["sentence_openers"]), run_on_kind=regex.compile(alt("run_on_kinds")),
        kind=regex.compile(kinds), kind_at_end=regex.compile(f"(?:{kinds})$"),
        file_suffix=regex.compile(rf"(?i)(?:{alt('file_suffixes')})(?![a-z])"),
        site_banner=regex.compile(words["site_banner"]))


def _title(front: list[Paragraph], meta: DocumentInfo) -> tuple[int | None, bool]:
    """The title names the subject with 关于…的通知 (the issuer may stand on the line above); a document without
    one (rules, a plan, a 附件 table on its own) stands under a line naming its kind (`…考核办法`). Returns the
    title's paragraph and whether it is such a title of its own (no issuer stands before it)."""
    words = _title_words()
    for i, p in enumerate(front):
        text = SITE_TAG.sub("", split_glued_number(no_space(p.text)[:TITLE_SCAN])[0])
        if not any(a in text for a in words.about):
            continue
        about_at = min(text.find(a) for a in words.about if a in text)
        if i == 0 and (cut := title_before_run_on(text)) and len(cut) <= about_at:
            continue  # `…考核辦法` then a sentence citing a notice (`根據…關于印發《…》的通知`): a title of its own
        title, rest = (text, "") if words.notice.search(text) else _title_run_on(text, words)
        first = i
        if not title and (over := _title_over_lines(front, i, text, words)):
            title, i = over  # a long title set over two or three paragraphs (Enter pressed inside it)
        if not title:
            continue
        if rest and meta.doc_number is None and (m := LEADING_NUMBER.match(halfwidth(rest))):
            meta.doc_number_raw, meta.doc_number = m["number"], normalize_doc_number(m["number"])
            rest = rest[m.end():]
        if rest.endswith((":", "：")) and len(rest) < 200:  # the 主送 ran on after the title
            meta.recipients = rest.rstrip("：:")
        if not title.startswith(words.about) or first == 0:
            meta.title = title
            return i, False
        prev = no_space(front[first - 1].text)
        if ISSUER_SUFFIX.search(prev) and not DOC_NUMBER.search(halfwidth(prev)) and not prev.endswith("文件"):
            title = prev + title
        meta.title = title
        return i, False
    return _standalone_title(front, meta, words), True


def _title_over_lines(front: list[Paragraph], i: int, text: str, words: _TitleWords) -> tuple[str, int] | None:
    """`某县人民政府关于印发某某工作` / `考核办法的通知`: the title and its last paragraph, where the one or two short
    paragraphs after the line holding 关于 complete it; None unless they do."""
    if text.startswith(words.openers) or NOT_A_TITLE.search(text):
        return None
    joined = text
    for j in range(i + 1, min(i + 3, len(front))):
        line = no_space(front[j].text)
        if not line or len(line) > TITLE_CHARS or not _alone(line):
            return None
        joined += line
        if words.notice.search(joined):
            return joined, j
    return None


def _title_run_on(text: str, words: _TitleWords) -> tuple[str | None, str]:
    """A notice's title that web text ran on into the next line (`…的通知各乡(镇)人民政府:…`, `…的通知(某政〔2009〕1号)`):
    the title up to the first `的通知` outside 《》, when what stands before 关于 names a body, not a sentence."""
    if text.startswith(words.openers) or len(text) <= 8:
        return None, ""
    for m in words.notice_end.finditer(text):
        end = m.end()
        if text.startswith("《") and text[end: end + 1] == "》":  # the whole title quoted by the page
            end += 1
        title = text[:end].removeprefix("《").removesuffix("》") if text.startswith("《") else text[:end]
        if title.count("《") == title.count("》") and not NOT_A_TITLE.search(title) and end < len(text):
            return title, text[end:]
    return None, ""


# `"村委人口与计划生育考核办法"计划生育工作计划`: a page's title line quoting the document's title before its section
QUOTED_TITLE = regex.compile(r'^["“](?P<title>[^"“”]{4,60})["”]')


def _standalone_title(front: list[Paragraph], meta: DocumentInfo, words: _TitleWords) -> int | None:
    """The first short line that ends in a document's kind, stands alone and is no 版头 line; a centred line
    above it that ends in no kind is its first half (a long title set over two lines). A title under a `附件N`
    label further down is the attachment's, not the notice's; a file that opens with the label is the attachment,
    and the title under it is the file's."""
    opening = 0  # 1 where the document opens with a 附件 label: the attachment itself, its title on the label's line or the next
    for i, p in enumerate(front):
        text = split_glued_number(no_space(p.text)[:TITLE_SCAN])[0]
        if named := words.file_suffix.search(text, 0, TITLE_CHARS + 8):
            text = text[:named.start()]  # `…评分表.docx` then the file's text, run on by the page
        if label := ATTACHMENT_LABEL.match(text):
            if i > 0:
                return None  # a notice's attachment: its title is not the notice's
            # the file opens with its label: it is the attachment, and the title under the label its own
            text = LABEL_NUMBER_TAIL.sub("", label["title"], count=1)  # `附件2-9…`: the label's second number
            opening = 1
            if not text:
                continue
        if i == 0 and (quoted := QUOTED_TITLE.match(text)) and words.standalone.search(quoted["title"]):
            text = quoted["title"]  # a page's title line `"…考核办法"计划生育工作计划`: the document's title, the site's section
        if i in (0, opening) and (cut := title_before_run_on(text)):
            text = cut  # web text ran the first sentence, clause or header row on after the title
        if not 4 <= len(text) <= TITLE_CHARS or not words.standalone.search(text) or not _alone(text):
            continue
        prev = no_space(front[i - 1].text) if i > opening else ""
        if prev and _alone(prev) and not words.standalone.search(prev) and not ISSUER_SUFFIX.search(prev) and (
                (p.centered and front[i - 1].centered) or (i == 1 and len(prev) <= TITLE_CHARS // 2)):
            text = prev + text  # a title set over two lines (centred), or the first line of web text broken
        meta.title = text
        if opening:
            meta.metadata_source = "attachment"
        return i
    return None


def title_from_heading(heading: str) -> str | None:
    """A table's heading as the title of a file that has none: cut after its last word naming a kind before a
    label the line ran on into (`…考核计分表村名:考核日期:`); no title if it is a label, a clause, a header row or
    punctuation (`发布日期:…`, `一、重点工作(92分)`, `|`)."""
    text = no_space(heading)
    colon = regex.search(r"[:：]", text)
    if colon:
        kinds = list(_title_words().run_on_kind.finditer(text, endpos=colon.start()))
        text = text[: kinds[-1].end()] if kinds else ""
    if len(regex.findall(r"\p{Han}", text)) < 4 or NOT_A_TITLE.search(text) or "|" in text:
        return None
    return text


def split_glued_number(text: str) -> tuple[str, str | None]:
    """A title line's text without a 发文字号 glued to its end, and that number. The number's prefix (`坛水字`)
    starts after the title's last word naming a document's kind (`…考核办法坛水字(2008)44号`); a line that does
    not end a title before the number (a sentence citing another document's number) keeps it."""
    offset = max(0, len(text) - GLUED_TAIL)  # the number ends the line: its last characters are enough
    tail = halfwidth(text[offset:])
    m = GLUED_NUMBER.search(tail)
    if not m:
        return text, None
    words = _title_words()
    kind, kind_at_end = words.kind, words.kind_at_end
    cuts = [0] + [k.end() for k in kind.finditer(m["prefix"])]  # where the title may end (`函` may start a number)
    for cut in cuts:
        start = offset + m.start("prefix") + cut
        rest = text[:start].removesuffix("(").removesuffix("（")
        if start < offset + m.end("prefix") and kind_at_end.search(rest[-KIND_CHARS:]):
            return rest, tail[start - offset: m.end()].rstrip(")）")
    return text, None


def _alone(text: str) -> bool:
    """Neither a sentence, a clause, a 发文字号, a date, a red header nor a piece of a line broken inside
    brackets or quotes."""
    return not (NOT_A_TITLE.search(text) or DOC_NUMBER.search(halfwidth(text)) or parse_date(text)
                or RED_HEADER.match(text) or any(text.count(a) != text.count(b) for a, b in PAIRS) or text.count('"') % 2)


def _recipients_and_date(paras: list[Paragraph], title_at: int | None, meta: DocumentInfo) -> None:
    start = (title_at + 1) if title_at is not None else 0
    for p in paras[start: start + 3] if meta.recipients is None else []:
        text = p.text.strip()
        if text.endswith(("：", ":")) and len(text) < 200:
            meta.recipients = text.rstrip("：:").strip()
            break
    for p in paras[start: start + 40]:
        text = no_space(p.text)
        if len(text) <= 20 and WHOLE_DATE.match(chinese_zeros(halfwidth(text))) and (date := parse_date(text)):
            meta.issued_on = date
            break


def _cc_and_printer(paras: list[Paragraph], meta: DocumentInfo) -> None:
    tail = paras[-12:]
    cc_at = next((i for i, p in enumerate(tail) if CC.match(p.text)), None)
    printed_at = next((i for i, p in enumerate(tail) if PRINTED.search(no_space(p.text))), None)
    if printed_at is not None:
        text = no_space(tail[printed_at].text)
        date_match = ARABIC_DATE.search(halfwidth(text)) or CHINESE_DATE.search(chinese_zeros(text))
        meta.printed_on = parse_date(text)
        before = text[: date_match.start()] if date_match else ""
        if before:
            meta.printer = before
        elif printed_at > 0 and (cc_at is None or printed_at - 1 > cc_at):
            meta.printer = no_space(tail[printed_at - 1].text)
    if cc_at is not None:
        end = printed_at if printed_at is not None else len(tail)
        if meta.printer and end > cc_at + 1 and no_space(tail[end - 1].text) == meta.printer:
            end -= 1
        parts = [CC.sub("", tail[cc_at].text).strip()] + [p.text.strip() for p in tail[cc_at + 1: end]]
        meta.cc = "".join(parts) or None


@lru_cache(maxsize=1)
def _prepared_by_pattern() -> regex.Pattern:
    labels = "|".join(map(regex.escape, load_json("issuer_sources.json")["prepared_by_labels"]))
    return regex.compile(rf"(?:{labels})\s*[:：]\s*(?P<unit>[^\s:：,，;；（(]{{2,40}})")


def prepared_by(doc: Document) -> str | None:
    """The unit a `制表单位：X` line (or a table cell: a spreadsheet's line above its header) names."""
    pattern = _prepared_by_pattern()
    texts = [p.text for p in doc.paragraphs()] + [c for t in doc.tables() for r in t.rows for c in r.cells]
    for text in texts:
        if "单位" in text or "机关" in text:
            found = pattern.search(text)
            if found:
                return found["unit"]
    return None
