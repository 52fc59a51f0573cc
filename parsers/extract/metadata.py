"""GB/T 9704 metadata: 发文机关, 发文字号, 标题, 主送, 成文日期, 抄送, 印发."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.closing import WHOLE_DATE, abbreviates, closing_run_in, closing_unmarked, closings
from parsers.extract.dates import chinese_zeros, parse_date  # noqa: F401  (callers read a date from here too)
from parsers.extract.layout import GLOSS
from parsers.extract.metadata_labels import labelled_date, labelled_issuer, labelled_number, labelled_values
from parsers.extract.metadata_title import (  # noqa: F401  (callers read these from here: title_from_heading)
    ISSUER_SUFFIX,
    LEADING_NUMBER,
    MASKED,
    NOT_A_TITLE,
    RED_HEADER,
    issuer_in_title,
    joint_issuers,
    normalize_doc_number,
    read_title,
    split_glued_number,
    title_from_heading,
    title_over_labels,
    title_words,
)
from parsers.extract.patterns import ARABIC_DATE, CHINESE_DATE, DOC_NUMBER
from parsers.extract.title_cut import title_in_preamble
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Document, Paragraph
from schemas.records import DocumentInfo

FRONT_MATTER = 15  # paragraphs searched for the header, number, title and recipients
_LABEL_HINT = regex.compile(r"日期|时间|時間|文号|字号|文號|字號|机关|機關|机构|機構|来源|來源")  # a page label may stand here
TITLE_BODY = regex.compile(r"^(?P<body>\p{Han}{4,30}?)(?=(?:19|20)\d{2}年)")  # `某某中心2023年度…`
CC = regex.compile(r"^\s*抄\s*送\s*[:：]\s*")
# `某县人民政府办公室 2020年3月5日印发`, a page's number after it in web text (`…印发—8—`)
PRINTED = regex.compile(r"(?P<date>.{8,20}?)\s*印\s*发\s*(?:[—-]\s*\d{1,3}\s*[—-])?\s*$")
SENTENCE_END = regex.compile(r"[。；;]")


def extract_metadata(doc: Document, meta: DocumentInfo | None = None, signed: list | None = None) -> DocumentInfo:
    """Fill the GB/T 9704 fields of ``meta`` (a new ``DocumentInfo`` when none is given). ``signed``: the document's
    closing blocks (parsers/extract/closing.py; found here when not given): the first one signs for the issuer and
    dates the document where its head and title do not."""
    paras = doc.paragraphs()
    meta = meta or DocumentInfo(doc_id="", source_path=doc.source, sha256="", format=doc.format)
    front = plain_front(paras)
    _header_and_number(front, meta)
    _below_number(front, meta)
    title_at, own_title = read_title(front, meta)
    if meta.title is None:  # no title line: the name the preamble gives the document (`特制定…考核细则。`)
        meta.title = title_in_preamble([no_space(p.text) for p in front], title_words().standalone) \
            or title_over_labels(front)
    # 主送 and 成文日期 follow a notice's title; a title of its own may stand below them (a 办法 after its notice)
    _recipients_and_date(paras, None if own_title else title_at, meta)
    _cc_and_printer(paras, meta)
    meta.prepared_by = prepared_by(doc)
    if meta.issuer is None and meta.title and not own_title:
        meta.issuer = issuer_in_title(meta.title, title_words())
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
        if meta.issued_on is None:  # (a date in figures under the signer, or on its line)
            meta.issued_on, signer = closing_unmarked(paras)
        if signer and (meta.issuer is None or abbreviates(meta.issuer, signer)):
            meta.issuer, meta.issuer_source = signer, "signature"
    _page_labels(front, meta)
    if meta.issuer and "、" not in meta.issuer:
        meta.issuer = _spelled_out(paras, meta.issuer)
    if meta.issued_on is None:  # the 印发 line's date: no later than the day it was signed, the nearest to it
        meta.issued_on = meta.printed_on
    return meta


# `某市经济委员会（以下简称市经委）`: the full name a document gives a body before naming it short
SHORT_FOR = regex.compile(r"(?P<full>\p{Han}{4,40})[（(]\s*以下简称\s*[:：]?\s*[“\"]?\p{Han}{2,12}[”\"]?\s*[)）]")
SPELLED_OUT_PARAGRAPHS = 45  # the notice's first paragraphs, where it defines the names it uses


def _spelled_out(paras: list[Paragraph], issuer: str) -> str:
    """The full name of an issuer read short (`某市经委`, from the title), where the page spells it out
    (`…某市经济委员会（以下简称市经委）…`); an abbreviation the page does not spell out stays as written."""
    for p in paras[:SPELLED_OUT_PARAGRAPHS]:
        if "简称" not in p.text:
            continue
        for m in SHORT_FOR.finditer(no_space(p.text)):
            full = m["full"]  # (the sentence's words before the name run into it: the name is a tail of them)
            for k in (k for k, c in enumerate(full) if c == issuer[0]):
                if full[k:] != issuer and abbreviates(issuer, full[k:]):
                    return full[k:]
    return issuer


def plain_front(paras: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs the head is read from, without the pinyin glosses some sites put after characters
    (`關(guān)于印發(fā)`) and without a site's banner run onto the first one (`某某网--某某信息网…`): the fields are
    read, and stored, as the document's own words."""
    front = [replace(p, text=GLOSS.sub("", p.text)) if "(" in p.text and GLOSS.search(p.text) else p
             for p in paras[:FRONT_MATTER]]
    if front and "网" in front[0].text and (banner := title_words().site_banner.match(front[0].text)):
        front[0] = replace(front[0], text=front[0].text[banner.end():])
    if front and (lead := title_words().site_lead.match(front[0].text)):
        front[0] = replace(front[0], text=front[0].text[lead.end():])
    if front and front[0].text.lstrip().startswith("**") and (bold := BOLD_NUMBER.match(front[0].text)):
        front[0] = replace(front[0], text=bold["number"] + front[0].text[bold.end():])
    return _after_breadcrumb(front)


# A 发文字号 a web copy kept in its markup's bold (`**委发〔2017〕15号**公司…`): the number, its markup no part of it.
BOLD_NUMBER = regex.compile(rf"^\s*\*\*(?P<number>{DOC_NUMBER.pattern})\*\*")
OPENING_LINES = 3  # paragraphs a 发文字号 may open, the title run on after it (web text)


def _after_breadcrumb(front: list[Paragraph]) -> list[Paragraph]:
    """A page's breadcrumb (`当前位置: 首页>>规章制度>>正文`) ends the site's navigation: what stands above it, and
    the breadcrumb itself, is read as empty (the paragraphs keep their places: the head's fields name them)."""
    crumb = title_words().breadcrumb
    for i, p in enumerate(front):
        if "位置" in p.text and (m := crumb.match(p.text)):
            return [replace(q, text="") for q in front[:i]] + [replace(p, text=p.text[m.end():])] + front[i + 1:]
    return front


def _page_labels(front: list[Paragraph], meta: DocumentInfo) -> None:
    """What a site printed above the document (`发布日期: 2020-10-20`), where the document itself says nothing."""
    if meta.issued_on and meta.doc_number and meta.issuer or not any(_LABEL_HINT.search(p.text) for p in front):
        return
    found = {field: value for field, (value, _) in labelled_values(front).items()}
    published_by = labelled_issuer(found.get("published_by", ""))
    if published_by and not ISSUER_SUFFIX.search(published_by):
        published_by = None  # a site's name (`范文大全`), not a body
    if meta.issued_on is None:
        meta.issued_on = labelled_date(found.get("issued_on") or "") or (
            labelled_date(found.get("published_on") or "") if _posted_by_its_body(found, published_by, meta) else None)
    if meta.doc_number is None and (number := labelled_number(found.get("doc_number", ""))):
        meta.doc_number_raw, meta.doc_number = number, normalize_doc_number(number)
    named = labelled_issuer(found.get("issuer", "")) or published_by
    if meta.issuer and named and "、" not in meta.issuer and abbreviates(meta.issuer, named):
        meta.issuer = named  # the title's short name (`某市经委`), the page's label its full one (`某市经济委员会`)
    if meta.issuer is None and (body := labelled_issuer(found.get("issuer", ""))):
        meta.issuer, meta.issuer_source = body, "page_label"
    elif meta.issuer is None and published_by:
        # the body a title opens with before its year (`某某鉴定中心2023年度…目标表`) issued it; the page's 来源
        # (`区发改局`) only published it
        body = TITLE_BODY.match(meta.title or "")
        if body and ISSUER_SUFFIX.search(body["body"]):
            meta.issuer, meta.issuer_source = body["body"], "header"
        else:
            meta.issuer, meta.issuer_source = published_by, "page_label"


def _posted_by_its_body(found: dict[str, str], published_by: str | None, meta: DocumentInfo) -> bool:
    """The day a page was posted stands in for the 成文日期 only on a body's own page: none where a person posted it
    (`投稿人:佚名`), its source names no body (`来源:范文大全`, `本站原创`, `信息来源: null`), or the document is a
    公文 with its own 发文字号 (dated by its issuer, posted by the site days later)."""
    return not (found.get("contributor") or found.get("published_by") and not published_by or meta.doc_number)


# `某某县人民政府办公室文件 某政办〔2020〕5号`: the 发文机关标志 and the 发文字号 a copy put on one line
HEADER_AND_NUMBER = regex.compile(rf"^(?P<issuer>\p{{Han}}{{2,40}}?)文件(?P<number>{DOC_NUMBER.pattern})$")


def _header_and_number(front: list[Paragraph], meta: DocumentInfo) -> None:
    for i, p in enumerate(front):
        text = no_space(p.text)
        if meta.doc_number is None and "文件" in text and (both := HEADER_AND_NUMBER.match(halfwidth(text))):
            if meta.issuer is None and ISSUER_SUFFIX.search(both["issuer"]):
                meta.issuer = joint_issuers(both["issuer"])
            meta.doc_number_raw = text[both.start("number"):]  # (halfwidth keeps every character's place)
            meta.doc_number = normalize_doc_number(meta.doc_number_raw)
            continue
        if meta.doc_number is None and i < OPENING_LINES and len(text) > 40 and (
                opening := LEADING_NUMBER.match(halfwidth(text))):
            # a 发文字号 opening the paragraph the web ran the title on after (`委发〔2017〕15号公司…考核细则各党支部:`)
            meta.doc_number_raw, meta.doc_number = text[:opening.end()], normalize_doc_number(opening["number"])
            continue
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
                meta.issuer = joint_issuers(m["issuer"])  # `中共某县委员会 某县人民政府文件`: joint, as they sign


# A date in figures with dots, alone on a line (`2012.04.10`): how a government site's 公开目录 prints a 成文日期.
DOTTED_DATE = regex.compile(r"^(?P<y>(?:19|20)\d{2})[.．](?P<m>\d{1,2})[.．](?P<d>\d{1,2})$")
BELOW_NUMBER = 2  # lines under a 发文字号 that may hold the issuing body and the date
ABOVE_NUMBER = 2  # lines over it that may hold the body alone (`河北省人民政府` / the title / `政府令〔2010〕第15号`)


def _below_number(front: list[Paragraph], meta: DocumentInfo) -> None:
    """`沪青司〔2012〕9号` / `上海市青浦区司法局` / `2012.04.10`: the issuing body and the date on lines of their own
    just under the 发文字号 (a web page's copy of the head), where nothing above named them."""
    at = next((i for i, p in enumerate(front) if meta.doc_number_raw and p.text.strip() == meta.doc_number_raw), None)
    around = front[at + 1: at + 1 + BELOW_NUMBER] + front[max(at - ABOVE_NUMBER, 0): at] if at is not None else []
    for p in around:  # (above it: a 令's issuer between its title's two copies on a law site)
        text = no_space(halfwidth(p.text))
        if meta.issued_on is None and (m := DOTTED_DATE.match(text)):
            try:
                meta.issued_on = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                pass
        elif meta.issuer is None and len(text) <= 30 and ISSUER_SUFFIX.search(text) and not text.startswith("各") \
                and not NOT_A_TITLE.search(text) and not regex.search(r"\d", text):
            meta.issuer, meta.issuer_source = text, "header"


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
        printed = PRINTED.search(text)  # (the date before 印发: a paragraph web text ran together holds others)
        date_match = ARABIC_DATE.search(halfwidth(printed["date"])) or CHINESE_DATE.search(chinese_zeros(printed["date"]))
        meta.printed_on = parse_date(printed["date"])
        before = SENTENCE_END.split(text[: printed.start("date") + date_match.start()])[-1] if date_match else ""
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
