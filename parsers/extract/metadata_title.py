"""The title of a document (标题) and what its line holds beside it: a 发文字号 glued to it, the recipients run on
after it. A notice's title names its subject with 关于…的通知 (its issuer may stand before it); rules, plans and
附件 tables stand under a title of their own naming their kind. The words are data (parsers/data/title_words.json)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.dates import parse_date
from parsers.extract.metadata_labels import opens_with_label
from parsers.extract.patterns import ATTACHMENT as ATTACHMENT_LABEL
from parsers.extract.patterns import DOC_NUMBER
from parsers.extract.title_cut import title_before_run_on
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Paragraph
from schemas.records import DocumentInfo

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
PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))
ISSUER_SUFFIX = regex.compile(r"(?:人民政府|政府|委员会|办公室|办公厅|局|厅|委|办|部|院|会|中心)$")
MASKED = regex.compile(r"[xX]{2,}|[×＊*]{2,}|某")  # a name a site or a template blanked out (`xx镇人民政府`)
MASKED_WHOLE = regex.compile(r"[xX×＊*]{2,}")  # a name masked whole (`******`), not in part (`xx镇人民政府`)
LABEL_NUMBER_TAIL = regex.compile(r"^[-－—.．]\d{1,2}\s*[:：]?")


def normalize_doc_number(raw: str) -> str | None:
    m = DOC_NUMBER.search(halfwidth(no_space(raw)))
    if not m:
        return None
    return f"{m['prefix']}〔{m['year']}〕{int(m['seq'])}号"  # GB/T 9704: no 第, no leading zeros


@dataclass(frozen=True)
class TitleWords:
    notice: regex.Pattern  # `关于…的通知` (a notice's title)
    notice_end: regex.Pattern  # where such a title ends, inside a longer line
    standalone: regex.Pattern  # a title of its own kind (`…考核办法（试行）`)
    about: tuple[str, ...]  # the ways 关于 is written
    issuing_verb: regex.Pattern  # the issuer's name stands before the first of these
    openers: tuple[str, ...]  # a line starting so is a sentence
    run_on_kind: regex.Pattern  # a kind that ends a title the first sentence ran on after
    rules_end: regex.Pattern  # such a kind ending a text, a qualifier after it (`…考核标准(试行)`)
    kind: regex.Pattern  # any word naming a document's kind (a notice's or a title's of its own)
    kind_at_end: regex.Pattern  # one ending a text
    file_suffix: regex.Pattern  # `.docx`: a document-sharing page names the file by its title
    site_banner: regex.Pattern  # `某某网--某某信息网`: a site's name run onto the title's line
    bare_number: regex.Pattern  # `鄂残发201133号` run into the title's line, its brackets lost
    site_lead: regex.Pattern  # `文档介绍:`, `编辑: 某某 2019-07-07`: a page's label before the title on its line
    leftover: regex.Pattern  # `备注:…` opening an excerpt: the tail of a part before the document
    breadcrumb: regex.Pattern  # `当前位置: 首页>>…>>正文`: the site's navigation ends there
    site_chrome: regex.Pattern  # `配色: 字号:`: a line of the page's tools
    glued_years: regex.Pattern  # `20152016年度`: a span of years whose dash a copy lost
    page_marks: regex.Pattern  # a page's digits or count on the title's line (`92018年…`, `…細則1`, `（共6页）`)


@lru_cache(maxsize=1)
def title_words() -> TitleWords:
    words = load_json("title_words.json")
    alt = lambda key: "|".join(map(regex.escape, sorted(words[key], key=len, reverse=True)))  # noqa: E731
    tail = rf"(?:[（(](?:{alt('qualifiers')}|\d{{4}}年[^）)]{{0,6}})[)）])?"
    kinds = "|".join(map(regex.escape, sorted({*words["notice_kinds"], *words["document_kinds"]}, key=len, reverse=True)))
    return TitleWords(
        notice=regex.compile(rf"(?:{alt('about')}).+的(?:{alt('notice_kinds')}){tail}$"),
        notice_end=regex.compile(rf"的(?:{alt('notice_kinds')}){tail}"),
        # four characters at least before the kind (`特此通知` closes a notice), and no `…的通知`: a notice title's tail
        standalone=regex.compile(rf"^.{{4,}}?(?<!的)(?:{alt('document_kinds')})(?:[（(][^）)]{{1,12}}[)）])?{tail}$"),
        about=tuple(words["about"]), issuing_verb=regex.compile(alt("issuing_verbs")),
        openers=tuple(words["sentence_openers"]), run_on_kind=regex.compile(alt("run_on_kinds")),
        rules_end=regex.compile(rf"(?:{alt('run_on_kinds')})(?:[（(][^（()）]{{1,12}}[)）])?$"),
        kind=regex.compile(kinds), kind_at_end=regex.compile(f"(?:{kinds})$"),
        file_suffix=regex.compile(rf"(?i)(?:{alt('file_suffixes')})(?![a-z])"),
        site_banner=regex.compile(words["site_banner"]), bare_number=regex.compile(words["bare_number"]),
        site_lead=regex.compile(words["site_lead"]), glued_years=regex.compile(words["glued_years"]),
        leftover=regex.compile(words["leftover_note"]), breadcrumb=regex.compile(words["breadcrumb"]),
        site_chrome=regex.compile(words["site_chrome"]),
        page_marks=regex.compile("|".join([*words["page_marks"], rf"(?<={kinds})\d{{1,2}}$"])))


def read_title(front: list[Paragraph], meta: DocumentInfo) -> tuple[int | None, bool]:
    """The title names the subject with 关于…的通知 (the issuer may stand on the line above); a document without
    one (rules, a plan, a 附件 table on its own) stands under a line naming its kind (`…考核办法`). Returns the
    title's paragraph and whether it is such a title of its own (no issuer stands before it)."""
    words = title_words()
    for i, p in enumerate(front):
        text = SITE_TAG.sub("", split_glued_number(no_space(p.text)[:TITLE_SCAN])[0])
        if not any(a in text for a in words.about):
            continue
        about_at = min(text.find(a) for a in words.about if a in text)
        if (bare := words.bare_number.match(text)) and bare.end() <= about_at:
            if meta.doc_number is None:  # the number is the number; the title starts after it
                meta.doc_number_raw = bare[0]
                meta.doc_number = f"{bare['prefix']}〔{bare['year']}〕{int(bare['seq'])}号"
            text, about_at = text[bare.end():], about_at - bare.end()
        if about_at and MASKED_WHOLE.fullmatch(text, 0, about_at):
            text, about_at = text[about_at:], 0  # `******关于…`: a name the site masked whole is no part of the title
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
        if title.startswith(words.about) and first > 0:
            prev = no_space(front[first - 1].text)
            if ISSUER_SUFFIX.search(prev) and not DOC_NUMBER.search(halfwidth(prev)) and not prev.endswith("文件"):
                title = prev + title
        meta.title = title
        if not rest and (attached := _attached_title(front, i, words)):
            meta.issuer = meta.issuer or issuer_in_title(title, words)
            meta.title, i = attached
            return i, True  # the rules' title: no issuer stands before it
        return i, False
    return _standalone_title(front, meta, words), True


COLLECTIVE = ("各", "全", "本")  # `各部门…`, `全县…`: a heading over what the notice lists, not a title


def _attached_title(front: list[Paragraph], i: int, words: TitleWords) -> tuple[str, int] | None:
    """`某市人民政府办公室关于开展…的工作意见` / `某市…创建和考核标准(试行)`: a page that shows of the notice only its
    title, then the rules under their own: that title and its paragraph (the page is the rules). Not under an `附件2:`
    label: the page shows the notice's attachment, and the notice is the document (the golds read both so)."""
    j = i + 1
    text = no_space(front[j].text) if j < len(front) else ""
    # a title of rules (`…标准(试行)`, `…办法`, `…表`), not a heading over the notice's own list (`各部门责任目标`)
    if 4 <= len(text) <= TITLE_CHARS and words.rules_end.search(text) and _alone(text) \
            and not text.startswith(COLLECTIVE) and not any(a in text for a in words.about):
        return text, j
    return None


JOINT_SHARED = 2  # characters of the first body's name the second one repeats (its jurisdiction: 某县)


def issuer_in_title(title: str, words: TitleWords) -> str | None:
    """The body a notice's title names before 关于 (or 印发): none where a 发文字号 web text ran in without brackets
    leaves figures, or the site masked the name whole (`******关于…`)."""
    head = words.issuing_verb.split(title, maxsplit=1)[0]
    head = head.rsplit("号", 1)[-1] if "号" in head else head  # a 发文字号 web text ran in without brackets
    named = MASKED.sub("", head).strip()
    return joint_issuers(head) if named and not regex.search(r"\d", head) else None


def joint_issuers(head: str) -> str:
    """`中共某县委办公室某县人民政府办公室`: two bodies a title runs together, set apart as joint issuers sign
    (`、`) where the second names the first's jurisdiction again; one body (`某县人民政府办公室`) stays one."""
    for k in range(4, len(head) - 3 if "、" not in head else 0):  # (bodies set apart already stay so)
        first, second = head[:k], head[k:]
        if ISSUER_SUFFIX.search(first) and ISSUER_SUFFIX.search(second) and second[:JOINT_SHARED] in first:
            return f"{first}、{second}"
    return head


def _title_over_lines(front: list[Paragraph], i: int, text: str, words: TitleWords) -> tuple[str, int] | None:
    """`某县人民政府关于印发某某工作` / `考核办法的通知`: the title and its last paragraph, where the one or two short
    paragraphs after the line holding 关于 complete it; None unless they do."""
    if text.startswith(words.openers) or NOT_A_TITLE.search(text):
        return None
    joined = text
    for j in range(i + 1, min(i + 3, len(front))):
        line = no_space(front[j].text)
        if not line or len(line) > TITLE_CHARS or not _alone(line, paired=False):
            return None  # (a 《》 the break parts, `…建设` / `考核办法》的通知`, is checked on the whole)
        joined += line
        if words.notice.search(joined) and _alone(joined):
            return joined, j
    return None


def _title_run_on(text: str, words: TitleWords) -> tuple[str | None, str]:
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


# `附表1 2011年全省…细则` opening a file (its space lost: `附表12011年`): the label of the table the file is
OPENING_TABLE_LABEL = regex.compile(r"^附表[\d一二三四五六七八九十]{1,2}?(?=(?:19|20)\d{2}年|\p{Han})")
# `表3:某省…评分标准`, `表二:…考核表`: a table's own label, which its title keeps (a 附件 label is the notice's)
TABLE_LABEL = regex.compile(r"^附?表[\d一二三四五六七八九十]{1,3}[:：]")
# `…考核评分细则` then `…考核评分细则(区、开发区)`, `…标准` then `…标准(试行)`: the qualifier the repeated title adds
# (what web text ran on after it kept apart; never a clause's number `(一)`, `(1)`)
REPEATED_QUALIFIER = regex.compile(r"[（(](?![一二三四五六七八九十\d]{1,3}[)）])[^（()）]{1,12}[)）]")
# `"村委人口与计划生育考核办法"计划生育工作计划`: a page's title line quoting the document's title before its section
QUOTED_TITLE = regex.compile(r'^["“](?P<title>[^"“”]{4,60})["”]')


def _standalone_title(front: list[Paragraph], meta: DocumentInfo, words: TitleWords) -> int | None:
    """The first short line that ends in a document's kind, stands alone and is no 版头 line; a centred line
    above it that ends in no kind is its first half (a long title set over two lines). A title under a `附件N`
    label further down is the attachment's, not the notice's; a file that opens with the label is the attachment,
    and the title under it is the file's."""
    opening = 0  # after the 附件 label the document opens with: the attachment itself, its title on the label's line or the next
    lead = 0  # the first line after a 发文字号 alone on its line: web text may run on after the title there too
    for i, p in enumerate(front):
        text = split_glued_number(no_space(p.text)[:TITLE_SCAN])[0]
        if i == lead and (not text or meta.doc_number_raw and text == no_space(meta.doc_number_raw)
                          or words.leftover.match(text) or words.site_chrome.fullmatch(text)):
            lead = i + 1  # (a previous part's note the excerpt opens with: `备注:…`; the page's tools: `配色:字号:`)
            continue
        if i == lead and meta.doc_number_raw and text.startswith(number := no_space(meta.doc_number_raw)):
            text = text[len(number):]  # the title the web ran on after the 发文字号 opening its paragraph
        if named := words.file_suffix.search(text, 0, TITLE_CHARS + 8):
            text = text[:named.start()]  # `…评分表.docx` then the file's text, run on by the page
        if label := ATTACHMENT_LABEL.match(text):
            if i > lead:
                return None  # a notice's attachment: its title is not the notice's
            # the file opens with its label: it is the attachment, and the title under the label its own
            text = LABEL_NUMBER_TAIL.sub("", label["title"], count=1)  # `附件2-9…`: the label's second number
            opening = i + 1
            if not text:
                continue
        elif i == lead and (label := OPENING_TABLE_LABEL.match(text)):
            text, opening = text[label.end():], i + 1  # `附表1 2011年…`: the file is the attached table, titled after it
        if i == 0 and (quoted := QUOTED_TITLE.match(text)) and words.standalone.search(quoted["title"]):
            text = quoted["title"]  # a page's title line `"…考核办法"计划生育工作计划`: the document's title, the site's section
        if i in (0, opening, lead) and (cut := title_before_run_on(text)):
            text = cut  # web text ran the first sentence, clause or header row on after the title
        text = words.glued_years.sub(r"\g<first>—", words.page_marks.sub("", text))
        named = text[label.end():] if (label := TABLE_LABEL.match(text)) else text
        if not 4 <= len(named) <= TITLE_CHARS or not words.standalone.search(named) or not _alone(named):
            continue
        prev = no_space(front[i - 1].text) if i > opening and not label else ""
        if prev and _alone(prev) and not words.standalone.search(prev) and not ISSUER_SUFFIX.search(prev) and (
                (p.centered and front[i - 1].centered) or (i == 1 and len(prev) <= TITLE_CHARS // 2)):
            text = prev + text  # a title set over two lines (centred), or the first line of web text broken
        following = no_space(front[i + 1].text) if i + 1 < len(front) else ""
        if following.startswith(text) and (qualified := REPEATED_QUALIFIER.match(following, len(text))):
            text, i = following[:qualified.end()], i + 1  # a page's title line, then the document's own qualified
        if any(a in text for a in words.about) and (attached := _attached_title(front, i, words)):
            meta.issuer = meta.issuer or issuer_in_title(text, words)  # (a notice's `…关于…工作意见` over its attachment)
            text, i = attached
        meta.title = text
        if opening:
            meta.metadata_source = "attachment"
        return i
    return None


PAGE_TITLE_HAN = 8  # a page's title line names its document in 8 characters at least (a banner, `最新資訊`, fewer)


def title_over_labels(front: list[Paragraph]) -> str | None:
    """`2020第三季度政府工作报告重点任务目标执行情况` / `发布日期: 2020-10-20`: the line a site prints its labels under
    names the document, where no line names its kind."""
    if len(front) < 2 or not opens_with_label(front[1].text) or opens_with_label(front[0].text):
        return None
    text = no_space(front[0].text)
    return text if len(text) <= TITLE_CHARS and len(regex.findall(r"\p{Han}", text)) >= PAGE_TITLE_HAN \
        and _alone(text) else None


def title_from_heading(heading: str) -> str | None:
    """A table's heading as the title of a file that has none: cut after its last word naming a kind before a
    label the line ran on into (`…考核计分表村名:考核日期:`); no title if it is a label, a clause, a header row or
    punctuation (`发布日期:…`, `一、重点工作(92分)`, `|`)."""
    text = no_space(heading)
    colon = regex.search(r"[:：]", text)
    if colon:
        kinds = list(title_words().run_on_kind.finditer(text, endpos=colon.start()))
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
    words = title_words()
    kind, kind_at_end = words.kind, words.kind_at_end
    cuts = [0] + [k.end() for k in kind.finditer(m["prefix"])]  # where the title may end (`函` may start a number)
    for cut in cuts:
        start = offset + m.start("prefix") + cut
        rest = text[:start].removesuffix("(").removesuffix("（")
        if start < offset + m.end("prefix") and kind_at_end.search(rest[-KIND_CHARS:]):
            return rest, tail[start - offset: m.end()].rstrip(")）")
    return text, None


def _alone(text: str, paired: bool = True) -> bool:
    """Neither a sentence, a clause, a 发文字号, a date, a red header nor (``paired``) a piece of a line broken
    inside brackets or quotes."""
    return not (NOT_A_TITLE.search(text) or DOC_NUMBER.search(halfwidth(text)) or parse_date(text)
                or RED_HEADER.match(text)
                or paired and (any(text.count(a) != text.count(b) for a, b in PAIRS) or text.count('"') % 2))
