"""Item boundaries inside one line, where a site flattened a document or a table: unnumbered
headings with points run together (`领导重视(20分)1.…`), a table's header row glued to the title,
a heading glued to the end of the item before it."""
from __future__ import annotations

import regex

from parsers.extract.grammar import grammar
from parsers.extract.points import read_points
from parsers.textnorm import halfwidth, matching_copy, no_space

# A heading's own points: `(20分)`, `（190分）`.
HEADING_POINTS = regex.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]")
SENTENCE_END = regex.compile(r"[。；;！!？?]")
NUMBER = regex.compile(r"\d+(?:\.\d+)?")
MAX_HEADING = 30


def strip_header_run(text: str, need_tail: bool = True) -> tuple[str, str] | None:
    """`…考核细则考核项目考核内容分值备注领导重视` → (`…考核细则`, `领导重视`): a run of two or more
    table header words is the table's header, the text after it a heading."""
    words = grammar().header_words
    mt, where = _without_glosses(matching_copy(text))
    for start in range(len(mt)):
        pos, count = start, 0
        while True:
            word = next((w for w in words if mt.startswith(w, pos)), None)
            if word is None:
                break
            pos += len(word)
            count += 1
        if count >= 2 and (pos < len(mt) or not need_tail):
            return text[:where[start]], text[where[pos]:]
    return None


# A pinyin gloss a site put after a character (`考核內(nèi)容`): not part of the words around it.
GLOSS = regex.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}\)")


def _without_glosses(text: str) -> tuple[str, list[int]]:
    """The text without pinyin glosses, and for each of its positions (and its end) the position in ``text``."""
    kept, where, pos = [], [], 0
    for m in GLOSS.finditer(text):
        kept.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(kept), where


def chain_headings(raw: str, document_start: bool) -> tuple[str | None, list[tuple[str, str]]] | None:
    """A segment made only of `name(N分)` headings (and before them a title and a table header) →
    (title, [("heading", text) …]); a heading may be followed by a sentence of its own before the next
    (`社区党建(10分)由…组织考核。社区自治(10分)`: ("text", sentence)). None when the segment is anything else."""
    pieces, pos = [], 0
    for m in HEADING_POINTS.finditer(raw):
        pieces.append(raw[pos:m.end()])
        pos = m.end()
    if not pieces or raw[pos:].strip():
        return None
    title = None
    first = pieces[0]
    split = strip_header_run(first)
    if split is not None:
        title, pieces[0] = split[0] or None, split[1]
        pieces[:1] = _bare_parent(pieces[0])
    elif document_start:
        title, pieces = pieces[0], pieces[1:]
    out: list[tuple[str, str]] = []
    for piece in pieces:
        name = HEADING_POINTS.sub("", piece)
        ends = list(SENTENCE_END.finditer(name))
        if ends and out:  # the sentence of the heading before: its own text
            cut = ends[-1].end()
            out.append(("text", piece[:cut].strip()))
            piece, name = piece[cut:], name[cut:]
        if not name.strip() or len(name) > MAX_HEADING or SENTENCE_END.search(name):
            return None
        out.append(("heading", piece.strip()))
    return title, out


# `基础工作(70)社区党建(10分)`: a parent's points written without 分, right before its first sub-heading
BARE_PARENT = regex.compile(r"^(?P<name>[^（()）]{2,30}?)[（(]\s*(?P<n>\d{1,4})\s*[）)](?P<rest>\p{Han}.*)$")


def _bare_parent(piece: str) -> list[str]:
    m = BARE_PARENT.match(piece.strip())
    if m is None or SENTENCE_END.search(m["name"]):
        return [piece]
    inner = HEADING_POINTS.search(m["rest"])
    number = NUMBER.search(inner.group()) if inner else None
    if number is None or float(number.group()) > float(m["n"]) or float(m["n"]) > grammar().max_points:
        return [piece]  # not the sum of what follows, or a year (`要点(2020)`)
    return [f"{m['name']}({m['n']}分)", m["rest"]]


GLUED_FIRST = regex.compile(r"(?<=\p{Han})1(?=\p{Han})")


def leading_unit_heading(raw: str) -> tuple[str, str] | None:
    """`(一)交通安全社区考核方法1交通安全社区的考核实行…`: a part for a kind of unit, run together with its first
    sub-item whose number lost its punctuation → (the heading, the sub-item); None for anything else."""
    m = GLUED_FIRST.search(raw, 0, MAX_HEADING + 1)
    if m is None:
        return None
    found = grammar().unit_heading.match(matching_copy(no_space(raw[:m.start()])))
    return (raw[:m.start()], raw[m.start():]) if found and found["topic"] else None


# `二、依法执业1从业人员具有…合法。2现场查看…`: a heading's short name, then its first row's number without its
# punctuation (not a quantity: `1个`, `1次`)
FIRST_ROW_GLUED = regex.compile(r"^\s*(?P<name>\p{Han}{2,12})1(?=\p{Han})(?![年月日时号个人次项条名家所户件万亿千百元分倍天周季场])")
TOP_HEADINGS = ("cn_comma", "cn_bare", "cn_paren", "cn_half_paren")


def heading_then_first_row(raw: str, kind: str) -> tuple[str, str] | None:
    """`二、依法执业1从业人员…。2现场查看…` in a flattened table → (`依法执业`, `从业人员…`): a group heading run together
    with its first row, whose worth (read after the row's text) proves it a row; None for anything else."""
    m = FIRST_ROW_GLUED.match(raw) if kind in TOP_HEADINGS else None
    if m is None or read_points(m["name"]).points is not None or read_points(raw[m.end():]).points is None:
        return None
    return m["name"], raw[m.end():]


# `、村(社区)班子建设(16分)文件等资料(6分),缺一项扣1分…`: a heading's name and worth, then straight on, the name and
# worth of its first part (a name may hold a short bracket without digits: `村(社区)`)
HEADING_THEN_PART = regex.compile(
    r"^[\s、]*(?P<head>(?:[^（()）。；;,，:：\d\s]|[（(][^（()）\d]{1,6}[）)]){2,30}?)[（(]\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*[）)]"
    r"(?P<part>(?:[^（()）。；;,，:：\d\s]|[（(][^（()）\d]{1,6}[）)]){2,30}?[（(]\s*(?P<m>\d+(?:\.\d+)?)\s*分\s*[）)].*)$")


def heading_then_part(raw: str) -> tuple[str, str] | None:
    """`(一)、班子建设(16分)文件等资料(6分),缺一项扣1分…` → (`班子建设(16分)`, `文件等资料(6分),…`): a scored heading run
    together with its first scored part, worth less than the heading; None for anything else."""
    m = HEADING_THEN_PART.match(halfwidth(raw))  # one character for one: its positions are raw's
    if m is None or float(m["m"]) >= float(m["n"]):
        return None
    return raw[m.start("head"):m.start("part")].strip(), raw[m.start("part"):].strip()


# `有联系人(看跟踪培养登记)。无职党员设岗定责档案(2分),缺一项扣1分…`: after a checklist entry's full stop, the next
# scored part's name and bracketed worth, its rule after a comma
PART_AFTER_ENTRY = regex.compile(
    r"(?<=[。；;])\s*(?P<part>(?:[^（()）。；;,，:：\d\s]|[（(][^（()）\d]{1,6}[）)]){2,30}?[（(]\s*\d+(?:\.\d+)?\s*分\s*[）)]"
    r"\s*[,，].*)$")


def part_after_entry(raw: str) -> tuple[str, str] | None:
    """`有联系人(…)。无职党员设岗定责档案(2分),缺一项扣1分…` → (the entry, the part): an unscored entry of a part's
    checklist run together with the next scored part; None for anything else."""
    m = PART_AFTER_ENTRY.search(halfwidth(raw))
    if m is None:
        return None
    from parsers.extract.points import read_points  # the entry itself is unscored
    if read_points(raw[:m.start("part")]).points is not None:
        return None
    return raw[:m.start("part")].strip(), raw[m.start("part"):].strip()


def trailing_heading(raw: str, restarts: bool = False) -> tuple[str, str | None]:
    """`落实津贴。3分未落实的不计分。制度建设(30分)` → the item, and the heading glued after it.
    Only after an item that already has its points, so a clause's own `(N分)` is never taken; or, where
    the numbering starts again at 1 right after it (``restarts``), a bare `支部建设10分` after its last sentence."""
    bare = RESTART_HEADING.search(raw) if restarts else None
    if bare is not None:
        return raw[:bare.start()], f"{bare['name']}({bare['n']}分)"
    m = None
    for m in HEADING_POINTS.finditer(raw):
        pass
    if m is None or m.end() != len(raw.rstrip()):
        return raw, None
    before = raw[:m.start()]
    ends = list(SENTENCE_END.finditer(before))
    if not ends:
        return raw, None
    cut = ends[-1].end()
    cut += _method_run(before[cut:])  # `查资料看现场` closing the item's row: its 考核方式, not the heading's
    name = before[cut:].strip()
    if not name or len(name) > MAX_HEADING:
        return raw, None
    from parsers.extract.points import read_points  # the item must carry its points before the heading
    if read_points(raw[:cut]).points is None:
        return raw, None
    return raw[:cut], raw[cut:].strip()


RESTART_HEADING = regex.compile(r"(?<=[。；;！!？?])\s*(?P<name>\p{Han}{2,12})\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*分\s*$")


def _method_run(text: str) -> int:
    """Length of the run of 考核方式 words (data: scoring.json method_words) ``text`` starts with."""
    from parsers.extract.flat_rows import method_words
    pos, words = 0, method_words()
    while True:
        word = next((w for w in words if text.startswith(w, pos)), None)
        if word is None:
            return pos
        pos += len(word)


# A flattened table row: `1组织` (row number glued to the first part of the item's name), then
# `领导5分1、…` (the rest of the name and its 分值 glued to its first numbered clause).
ROW_START = regex.compile(r"^\s*\d{1,3}\s*(?P<name>\p{Han}{1,10})\s*$")
ROW_HEADING = regex.compile(r"^\s*(?P<name>\p{Han}{1,12})\s*(?P<n>\d+(?:\.\d+)?)\s*分\s*$")


def row_heading(raw: str, previous: str | None) -> tuple[str, bool] | None:
    """`领导5分` just before a numbered clause on the same line → (`组织领导(5分)`, whether the
    previous paragraph `1组织` was the start of the name); None when ``raw`` is anything else."""
    m = ROW_HEADING.match(raw)
    if m is None:
        return None
    start = ROW_START.match(previous) if previous else None
    name = (start["name"] if start else "") + m["name"]
    return f"{name}({m['n']}分)", start is not None


BARE_ROW_TAIL = regex.compile(r"\p{Han}\s*\d{1,3}(?:\.\d+)?\s*分\s*$")  # the cheap gate of ``header_then_row``


def header_then_row(raw: str) -> tuple[str, str] | None:
    """`考核标准类别…备注扣分项加分项基础管理10分` on a marked heading, its first row next: (`考核标准`…, the
    table's first group `基础管理(10分)`): a flattened table's header between the heading and its first group."""
    if not BARE_ROW_TAIL.search(raw):
        return None
    tail, split = raw, strip_header_run(raw)
    while split is not None:  # words the vocabulary lacks may part the header's runs (`类别考核细则备注`)
        tail, split = split[1], strip_header_run(split[1])
    found = row_heading(tail.strip(), None) if tail is not raw else None
    head = raw[:len(raw) - len(tail)].strip()
    return (head, found[0]) if found and head else None


def header_then_worth(raw: str) -> bool:
    """`…考核指标指标主要观测点和计分方法数据采集提供20 分` before the first row: a title, a flattened table's header,
    then a group's worth whose name (a merged cell) is not there: no clause, and no section to name."""
    if not BARE_ROW_TAIL.search(raw):
        return False
    tail, split = raw, strip_header_run(raw)
    while split is not None:
        tail, split = split[1], strip_header_run(split[1])
    return tail is not raw and BARE_POINTS.match(tail) is not None


GLUED_POINTS = regex.compile(r"(?<=\p{Han})\s*(?P<n>\d{1,3}(?:\.\d)?)\s*$")


def glued_points(segment: str) -> str:
    """`…纳入政府目标考核20` right before its own first sub-item `1.1.1` (a flattened table's 分值
    cell between a heading and its clauses) → `…纳入政府目标考核(20分)`."""
    from parsers.extract.points import read_points
    m = GLUED_POINTS.search(segment)
    if m is None or read_points(segment).points is not None:
        return segment
    return f"{segment[:m.start()]}({m['n']}分)"


RUN_ON_ENDS = ("；", ";", "，", ",")


def runs_on(prev, text: str, index: int) -> bool:
    """`(4)…得1分;` / `否则不得分。…(3分)`: an item (an outline node) whose sentence stops at `;` or `,` on
    the line before, its worth not yet declared, goes on in the unnumbered paragraph ``text``."""
    if prev is None or prev.marker is None or prev.paragraph != index - 1 or prev.children:
        return False
    if not prev.raw.rstrip().endswith(RUN_ON_ENDS) or (prev.scored and not prev.reading.in_sentence):
        return False
    prev.raw, prev._reading = prev.raw.rstrip() + text.strip(), None
    return True


# `8分`, or bracketed `(10分)`: a group cell's points alone on the line under its name
BARE_POINTS = regex.compile(r"^\s*(?:(?P<n>\d{1,3}(?:\.\d+)?)\s*分|[(（]\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*分\s*[)）])\s*$")
CELL_PUNCT = regex.compile(r"[。；;，,：:！!？?]")
MAX_CELL_NAME = 30  # a group cell's name: a heading, not a sentence
NARROW_LINE = 3  # a narrow column wraps its cells a few characters a line (`党` / `的领` / `导`)
MAX_NARROW_RUN = 64
MIN_VERTICAL = 3  # a class cell written vertically, one character a line, before its worth
MIN_WRAPPED = 12  # a cell line this long that ends without punctuation wrapped onto the next line


def _name_line(node, paragraph: int) -> bool:
    """Loose text on the given paragraph that can be (part of) a group cell's name: no marker, no points,
    no sentence punctuation, short."""
    return (node is not None and node.kind == "text" and node.paragraph == paragraph and not node.children
            and node.parent is not None and node.reading.points is None and 0 < len(no_space(node.raw)) <= MAX_CELL_NAME
            and not CELL_PUNCT.search(node.raw))


def cell_name_lines(last, index: int) -> list | None:
    """The loose text lines just above a bare `N分` line that make a group cell's name: the line before it,
    and the line before that when it is a long line the cell wrapped (`…进一步加强源头` / `参与`)."""
    if not _name_line(last, index - 1):
        return None
    siblings = last.parent.children
    k = siblings.index(last)
    narrow = _after_cell_copies(siblings, k, index)
    if narrow:
        return narrow
    before = siblings[k - 1] if k > 0 else None
    if (_name_line(before, index - 2) and len(no_space(before.raw)) >= MIN_WRAPPED
            and len(no_space(last.raw)) < len(no_space(before.raw))):
        return [before, last]
    return [last]


def _after_cell_copies(siblings: list, k: int, index: int) -> list | None:
    """`基`/`本`/`考`/`核`/`项` written once per row it spans, then `党`/`的领`/`导`: in a narrow column a
    merged cell's copies come first and the name wraps a few characters a line after its last copy."""
    run: list = []
    while k - len(run) >= 0 and len(run) < MAX_NARROW_RUN:
        node = siblings[k - len(run)]
        if not _name_line(node, index - 1 - len(run)) or len(no_space(node.raw)) > NARROW_LINE:
            break
        run.insert(0, node)
    texts = [no_space(n.raw) for n in run]
    for start in range(len(texts) - 1, 3, -1):
        for size in range(2, start // 2 + 1):
            if texts[start - 2 * size:start - size] == texts[start - size:start]:
                return run[start:]
    single = next((i for i, t in enumerate(reversed(texts)) if len(t) != 1), len(texts))  # the last lines' count
    return run[-single:] if single >= MIN_VERTICAL else None  # `安`/`全`/`管`/`理`: a name one character a line


def worth_after_rules(last, h: str, index: int) -> bool:
    """`1.深入学习…` / `1.未按照计划…扣0.2分。` … / `2分`: a row's worth alone on the line after its scoring rules,
    numbered under the item, is the item's (neither the item nor its rules carry a worth): it is written onto the item."""
    bare = BARE_POINTS.match(h)
    if bare is None or last is None or last.marker is None or last.paragraph != index - 1:
        return False
    item = last.parent
    if item is None or item.marker is None or item.kind != last.kind or item.reading.points is not None:
        return False
    if any(c.reading.points is not None for c in item.children if c.marker is not None):
        return False
    item.raw, item._reading = f"{item.raw.rstrip()}({bare['n']}分)", None
    return True


def worth_after_name(last, h: str, index: int) -> bool:
    """`1、领导重视,机构人员落实,保障有力。` / `(14分)`: a worth alone on the line right after a numbered line with no
    worth and nothing under it yet is that line's worth (a heading or an item whose cell wrapped): written onto it."""
    bare = BARE_POINTS.match(h)
    if bare is None or last is None or last.marker is None or last.paragraph != index - 1 or last.children:
        return False
    if last.reading.points is not None or last.reading.rule is not None:
        return False
    last.raw, last._reading = f"{last.raw.rstrip()}({bare['n']}分)", None
    return True

