"""The closing block of a notice or of its attachment (GB/T 9704 落款): the signing body's name on one or two lines,
then the date it was signed, standing alone after the body text. Found so that it gives the issuer and the date,
and so that no clause reads it as its last sentence (`…召开一次专题会议。某县安全生产委员会2021年3月5日`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from parsers.data import load_json
from parsers.extract.dates import MIXED_DATE, chinese_zeros, parse_date
from parsers.extract.patterns import ARABIC_DATE, CHINESE_DATE
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Document, Paragraph

MAX_SIGNER_CHARS = 30
MAX_DATE_LINE = 40  # characters: a date standing alone, spaced out as a closing block may be
MAX_SIGNER_LINES = 2  # joint issuers sign one a line
# A signer's line is a name: no sentence punctuation, no clause number, no points.
NOT_A_NAME = regex.compile(r"[，。；：,;:！？!?、（）()《》“”\d]|分$")
MASK = regex.compile(r"[xX×＊*]{2,}")  # a name a site masked (`***公司委员会`, `xx镇人民政府`)
WHOLE_DATE = regex.compile(rf"^[（(]?(?:{ARABIC_DATE.pattern}|{CHINESE_DATE.pattern}|{MIXED_DATE.pattern})[）)]?$")


@dataclass(frozen=True)
class Closing:
    start: int  # index of the first block of the closing (a signer's line, or the date)
    end: int  # index after the date line
    signer: str | None
    date: dt.date | None


@lru_cache(maxsize=1)
def _signer_end() -> regex.Pattern:
    ends = sorted(load_json("issuer_sources.json")["closing_ends"], key=len, reverse=True)
    return regex.compile(rf"(?:{'|'.join(map(regex.escape, ends))})$")


def closings(doc: Document) -> list[Closing]:
    """Every closing block: a paragraph that is only a date, with the signers' lines right above it."""
    found: list[Closing] = []
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        if "日" not in block.text or len(block.text) > MAX_DATE_LINE:  # (cheap tests first: most paragraphs)
            continue
        text = chinese_zeros(halfwidth(no_space(block.text)))
        if not WHOLE_DATE.match(text):
            continue
        start = i
        while start > 0 and i - start < MAX_SIGNER_LINES and _is_signer(blocks[start - 1]):
            start -= 1
        names = [name for b in blocks[start:i] for name in _names(b.text)]
        signer = "、".join(names) if names else _run_on_signer(blocks[i - 1] if i else None)
        found.append(Closing(start, i + 1, signer, parse_date(block.text)))
    return found


def _is_signer(block) -> bool:
    return isinstance(block, Paragraph) and is_signer_name(unsealed(no_space(block.text)))


@lru_cache(maxsize=1)
def _seal_mark() -> regex.Pattern:
    marks = sorted(load_json("issuer_sources.json")["seal_marks"], key=len, reverse=True)
    return regex.compile(rf"[（(]\s*(?:{'|'.join(map(regex.escape, marks))})\s*[)）]")


def unsealed(line: str) -> str:
    """A signer's line without the marks where the seals go (`某县人民政府办公室（盖章）`, one after each of joint
    issuers)."""
    return _seal_mark().sub("", line) if "章" in line else line


def is_signer_name(text: str) -> bool:
    """A body's name as it signs: no sentence punctuation, clause number or points, ending like a body."""
    return 2 <= len(text) <= MAX_SIGNER_CHARS and not NOT_A_NAME.search(text) and bool(_signer_end().search(text))


def _names(line: str) -> list[str]:
    """The bodies a signer's line names: joint issuers stand apart by spaces (`中共某县委办公室  某县人民政府办公室`);
    a name the spacing only spread out (`某 县 人 民 政 府`) is one."""
    parts = (line := unsealed(line)).split()
    if len(parts) > 1 and all(len(p) >= 4 and _signer_end().search(p) for p in parts):
        return parts
    return [no_space(line)]


RUN_ON_SIGNER = regex.compile(r"[。；;》”）)]\s*(?P<name>[^\s。；;》”）)]{2,30})\s*$")


def _run_on_signer(block) -> str | None:
    """A signer that web text ran onto the end of the paragraph above the date (`附件：《…分解表》某县食品安全委员会
    办公室`): the name after the paragraph's last closing mark."""
    if not isinstance(block, Paragraph) or not (m := RUN_ON_SIGNER.search(block.text[-40:])):
        return None
    name = no_space(m["name"])
    return name if is_signer_name(name) else None


def without_closings(doc: Document, found: list[Closing]) -> Document:
    """The document with its closing blocks left out: what the clause and table extractors read."""
    if not found:
        return doc
    dropped = {k for c in found for k in range(c.start, c.end)}
    return Document(doc.source, doc.format, [b for k, b in enumerate(doc.blocks) if k not in dropped], doc.n_pages,
                    doc.warnings, doc.ocr_pages)


# A date alone between a sentence's end and the next text: Arabic with a space after it, or the page's number a
# copy glued on before the next text (`…2015年6月21日1党支部…`, never an hour: `21日12时`); in Chinese numerals (a
# closing date, not a deadline in a sentence) with anything after it but a deadline's words. The signer before it
# may be masked in part (`***公司委员会`).
DATE_BETWEEN_SENTENCES = regex.compile(  # the shared date patterns, read on the text with its zeros made 〇
    rf"[。！!」”]\s*(?P<signer>(?:{MASK.pattern})?\p{{Han}}{{2,30}}?)??\s*"
    rf"(?:(?P<date>{ARABIC_DATE.pattern})(?:\s|$|\d{{1,2}}(?![\d时点:：])(?=\p{{Han}}))"
    rf"|(?P<date>{CHINESE_DATE.pattern})(?![起前后以至到止]))")
RUN_IN_PARAGRAPHS = 45  # paragraphs searched for a closing block web text ran into one


def abbreviates(short: str, full: str) -> bool:
    """``short`` is ``full`` shortened: its characters in order in a name longer by a third at least, the first
    the same and the last among the full name's last three (`某市经委` of `某市经济委员会`); never a body and its
    office (`某县政府`, `某县人民政府办公室`)."""
    if len(full) * 3 < len(short) * 4 or short[0] != full[0] or short[-1] not in full[-3:] or "、" in full:
        return False
    rest = iter(full)
    return all(c in rest for c in short)


def closing_run_in(paras: list[Paragraph]) -> tuple[dt.date | None, str | None]:
    """A date standing alone between a sentence's end and the next text, where web text ran a notice's closing
    block into its paragraph (`…请认真遵照执行。 二〇〇七年八月二十三日 2007年度…方案`), and the signer's name
    before it (`…取得实效。某旗残疾人联合会二〇一一年十二月十二日附件1…`); a sentence with a date in it is neither."""
    for p in paras[:RUN_IN_PARAGRAPHS]:
        if "日" not in p.text:
            continue
        for m in DATE_BETWEEN_SENTENCES.finditer(chinese_zeros(halfwidth(p.text))):
            if not m["signer"]:
                return parse_date(m["date"]), None
            named = MASK.sub("", m["signer"])
            if is_signer_name(named):  # a name masked in part names no one (`***公司委员会`): the date only
                return parse_date(m["date"]), None if named != m["signer"] else named
    return None, None


# `2023222`, `20230222`: a signature's date whose 年月日 a copy lost, the month and day read the one way the calendar
# allows (`2023111` may be 1月11日 or 11月1日: no date).
BARE_DATE = regex.compile(r"^(?P<y>(?:19|20)\d{2})(?P<month_day>\d{2,4})$")
# `2020-03-05`, `2020.3.5`, `2020/3/5`: a signature's date a site wrote in figures
FIGURE_DATE = regex.compile(r"^(?P<y>(?:19|20)\d{2})(?P<sep>[-./])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})$")
# `某县人民政府办公室 2020年3月5日`, `…办公室（2020年3月5日）`: the signer and the date a copy put on one line (read on
# the text without spaces, its zeros made 〇)
SIGNED_DATE = regex.compile(rf"^(?P<signer>\P{{N}}{{2,{MAX_SIGNER_CHARS}}}?)"
                            rf"[（(]?(?P<date>{ARABIC_DATE.pattern}|{CHINESE_DATE.pattern})[）)]?$")
TAIL_PARAGRAPHS = 12  # the document's last paragraphs, where the closing of a notice without attachments stands


def bare_date(text: str) -> dt.date | None:
    m = BARE_DATE.match(text)
    if not m:
        return None
    md, dates = m["month_day"], set()
    for month, day in ((md[:k], md[k:]) for k in (1, 2) if 1 <= len(md) - k <= 2):
        if len(md) == 4 or not (month.startswith("0") or day.startswith("0")):  # zeros pad both or neither
            try:
                dates.add(dt.date(int(m["y"]), int(month), int(day)))
            except ValueError:
                pass
    return dates.pop() if len(dates) == 1 else None


def figure_date(text: str) -> dt.date | None:
    """`2020-03-05`, `2020.3.5`, `2023222`: a date in figures alone on its line."""
    m = FIGURE_DATE.match(text)
    if m is None:
        return bare_date(text) if 7 <= len(text) <= 8 else None
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def closing_unmarked(paras: list[Paragraph]) -> tuple[dt.date | None, str | None]:
    """A closing the date patterns of ``closings`` miss, among the first and the last paragraphs: a date in figures
    under a signer's line (`某县人民政府办公室` / `2023222`, `2020-03-05`), or the signer and the date on one line
    (`某县人民政府办公室 2020年3月5日`). The date and the signer; a table's row (`|`, tabs) is neither."""
    head = paras[:RUN_IN_PARAGRAPHS]
    for part in (head, paras[max(len(head), len(paras) - TAIL_PARAGRAPHS):]):
        signers: list[str] = []  # the signers' lines right above (joint issuers sign one a line)
        for p in part:
            text = no_space(halfwidth(p.text))
            if not text:
                continue
            if "|" in text or "\t" in p.text.strip():
                signers = []
                continue
            if signers and (date := figure_date(text)):
                return date, "、".join(signers[-MAX_SIGNER_LINES:])
            if "日" in text and len(text) <= MAX_SIGNER_CHARS + MAX_DATE_LINE and (
                    m := SIGNED_DATE.match(chinese_zeros(text))) and is_signer_name(text[:m.end("signer")]):
                return parse_date(m["date"]), text[:m.end("signer")]
            signers = [*signers, name] if is_signer_name(name := unsealed(text)) else []
    return None, None


CUT_TAIL = regex.compile(r"[\p{Han}、，,（(“]\s*$")
TAIL_CHARS = 10


def drop_cut_tail(doc: Document, targets: list) -> None:
    """An excerpt cut inside its last clause (`…无成堆生活垃圾和建`) lost that clause's words and points: it is no
    clause (not one missing its points), nor is one cut inside a bracket. A document ending complete keeps its last
    clause, scored or not."""
    last_block = doc.blocks[-1] if doc.blocks else None
    if not isinstance(last_block, Paragraph) or not CUT_TAIL.search(last_block.text) or len(targets) < 2:
        return
    last = targets[-1]
    tail = no_space(last.text)[-TAIL_CHARS:]
    unscored = last.points is None and last.points_rule is None
    cut_points = unscored or _open_bracket(last_block.text) and not _worth_on_name(last.text, last_block.text)
    if cut_points and tail and no_space(last_block.text).endswith(tail) and not _in_deduction_list(last, targets):
        targets.pop()


def _in_deduction_list(last, targets: list) -> bool:
    """A numbered item of a list whose items only deduct (`…一项扣1分`): cut, it lost its rule but no worth, and it is
    still its list's item (the outline's ``cut_deduction_item``: holdout40 4002's `2、未完成月编采及生产经营任务,一项`)."""
    siblings = [t for t in targets[:-1] if t.unit == last.unit and t.section == last.section]
    return last.seq is not None and bool(siblings) and all(t.points is None and t.points_rule == "deduction"
                                                           for t in siblings)


# `无职党员设岗定责档案(2分),缺一项扣1分…`: a worth closing the clause's name, its rule after a comma
NAME_WORTH = regex.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]\s*[,，]")
NAME_END = regex.compile(r"[,，。;；]")


def _worth_on_name(text: str, block_text: str) -> bool:
    """The clause's own worth closes its name, before its rule: a bracket the excerpt cut later is in its rule
    (`…2、有申岗、评岗…活动(有`), and the points read are the clause's own."""
    name = NAME_END.split(text, maxsplit=1)[0].strip()
    at = block_text.rfind(name)
    return len(name) >= 2 and at >= 0 and NAME_WORTH.match(block_text, at + len(name)) is not None


def _open_bracket(text: str) -> bool:
    """Cut inside a bracket (`…name(2分,少一`): the clause's own points went with it; what was read came from an
    earlier part of it (`…name(1分);`), so a scored clause is cut too."""
    return max(text.rfind("("), text.rfind("（")) > max(text.rfind(")"), text.rfind("）"))
