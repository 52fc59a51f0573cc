"""Numbering markers: which kind (一、 （一） 1. （1） ① Ⅰ 第一条 …) and which number."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from parsers.extract.cnnum import cn_to_int
from parsers.extract.grammar import grammar
from parsers.textnorm import halfwidth, no_space


@dataclass(frozen=True)
class Marker:
    kind: str
    number: int | None
    raw: str
    start: int
    end: int  # where the item's text begins

    @property
    def parent_path(self) -> str | None:
        """`1.2` for the decimal marker `1.2.3`; None for other kinds."""
        return self.raw.rsplit(".", 1)[0] if self.kind.startswith("decimal") else None

    @property
    def path(self) -> str:
        return self.raw.rstrip(".．、 ")


def number_of(groups: dict, roman: str) -> int | None:
    if groups.get("dec"):  # 1.2.3: the item's own number is the last
        return int(groups["dec"].rsplit(".", 1)[1])
    if groups.get("d"):
        return int(groups["d"])
    if groups.get("one"):  # `l、`: the digit 1 misread as a letter
        return 1
    if groups.get("circled"):
        return ord(groups["circled"]) - 0x2460 + 1
    if groups.get("pd"):  # `⑴`
        return ord(groups["pd"]) - 0x2474 + 1
    if groups.get("roman"):
        return roman.index(groups["roman"]) + 1
    numeral = groups.get("cn")
    if numeral:
        if numeral.isdigit():
            return int(numeral)
        try:
            return int(cn_to_int(numeral))
        except (ValueError, KeyError):
            return None
    return None


def marker_at_start(text: str) -> Marker | None:
    """The marker a paragraph starts with (``text`` is halfwidth)."""
    g = grammar()
    for kind in g.kinds:
        m = kind.at_start.match(text)
        if m and m.end() < len(text):
            return Marker(kind.name, number_of(m.groupdict(), g.roman), text[m.start():m.end()].strip(),
                          m.start(), m.end())
    return None


def marker_alone(text: str) -> bool:
    """The line is only a marker of a kind whose text goes on the next line (`第七条`); ``text`` is halfwidth."""
    return any(kind.alone and kind.at_start.fullmatch(text) for kind in grammar().kinds)


def inline_markers(text: str, start: int = 1) -> list[Marker]:
    """Every place inside a line where an item could start; which ones really do is decided by the
    outline (a marker must continue a sequence)."""
    g = grammar()
    found = []
    for m in g.any_marker_inline.finditer(text, pos=start):
        kind_name = m.lastgroup
        kind = next(k for k in g.kinds if k.name == kind_name)
        inner = kind.inline.match(text, m.start())
        if inner is None:
            continue
        end = inner.end()
        while end < len(text) and text[end] in " \t":
            end += 1
        found.append(Marker(kind_name, number_of(inner.groupdict(), g.roman), text[m.start():inner.end()],
                            m.start(), end))
    found += _after_glued_points(text, start)
    return sorted(found, key=lambda mk: mk.start)


# `…的费用(元)32.办理施工许可`, `…工作方案。52.乡镇…`: a flattened table's bare 分值 (3, 5) glued to the next
# item's number (2.), after a word, a bracket or the content's full stop
GLUED_NUMBER = regex.compile(r"(?<=[)）\p{Han}。；;])\d{1,2}(?P<d>[1-9]\d?)\s*(?P<sep>[.．、])(?![\d.．])")


def _after_glued_points(text: str, start: int) -> list[Marker]:
    """The item number inside a run of digits after a closing bracket or a word: the outline takes it only where
    it continues the numbering, so `(元)32.` is item 2 after item 1 and the 3 stays the points before it."""
    found = []
    for m in GLUED_NUMBER.finditer(text, pos=start, overlapped=True):
        kind = "arabic_comma" if m["sep"] == "、" else "arabic_dot"
        found.append(Marker(kind, int(m["d"]), text[m.start("d"):m.end()], m.start("d"), m.end()))
    return found


# A flattened table's numbers glued to text after a full stop or a bracket: a row's 序号 or its 分值.
# A 序号 may keep its separator (`。2、党委…`), a 分值 its 分 (`(2011)2分每做到…`).
GLUED_IN_RUN = regex.compile(r"(?<=[。；;)）])\s*(?P<n>\d{1,2}(?:\.\d{1,2})?)(?:(?P<sep>\s*[、.．])|(?P<fen>\s*分))?"
                             r"(?=\s?\p{Han})")
SENTENCE_AFTER = regex.compile(r"[^。；;]*")
# `组织领导坚强有力(6)` right before its first row: a group's points written without 分 (its name ends in a word)
GROUP_POINTS = regex.compile(r"(?<=\p{Han})[（(]\s*(?P<n>\d{1,3}(?:\.\d)?)\s*[）)]\s*$")
MIN_ROWS = 2


def numbered_rows(text: str) -> str | None:
    """`(6)1content。(2011)2rule得0.5分。2content。1rule…`: a table flattened into one run, each row its bare 序号
    glued before its content, its bare 分值 glued between the content and its scoring rule. Rewritten as
    `(6分)1.content(2分)rule…2.content(1分)rule`, which the outline reads as numbered items with points; None
    when the run is not such rows (the numbers alternate 序号, 分值, 序号 …, the 序号 running on by one)."""
    from parsers.extract.points import read_points
    h = halfwidth(text)
    rows, values, scored = [], [], 0
    for m in GLUED_IN_RUN.finditer(h):
        # not a quantity (`。3次`, `。5组`)
        plain = bool(m["sep"] or m["fen"]) or grammar().bare_number.match(h, m.start()) is not None
        if len(rows) == len(values):  # a 序号: the next row's, its content unscored
            after = SENTENCE_AFTER.match(h, m.end()).group()
            follows = rows and (int(float(m["n"])) == int(rows[-1]["n"]) + 1  # a group restarts its rows at 1
                                or m["n"] == "1" and GROUP_POINTS.search(h[values[-1].end():m.start()]))
            if "." in m["n"] or m["fen"] or not (follows or plain and not rows) or read_points(after).points:
                if plain:
                    return None
                continue
            rows.append(m)
        elif plain and not m["sep"]:  # the row's 分值, before its rule
            values.append(m)
            scored += read_points(SENTENCE_AFTER.match(h, m.end()).group()).points is not None
    if len(rows) < MIN_ROWS or scored < MIN_ROWS:
        return None
    out, pos = [], 0
    for k, m in enumerate(sorted(rows + values, key=lambda x: x.start())):
        head = text[pos:m.start()]
        if k % 2 == 0:  # a group's `名称(6)` before its first row
            group = GROUP_POINTS.search(head)
            head = f"{head[:group.start()]}({group['n']}分)" if group else head
        out.append(head)
        out.append(f"{m['n']}{(m['sep'] or '.').strip()}" if k % 2 == 0 else f"({m['n']}分)")
        pos = m.end()
    return "".join(out) + text[pos:]


CELL_BAR = "|"


def unpipe(text: str) -> str:
    """The cells of a `|`-flattened row run together; a cell numbered like the cell before it
    (`1、落实…(2分)| 1、随机抽查…`) is that item's scoring rule: its number is dropped."""
    cells, previous = [], None
    for cell in text.split(CELL_BAR):
        m = marker_at_start(halfwidth(cell.strip()))
        key = (m.kind, m.number) if m else None
        if key is not None and key == previous:
            cell = cell.strip()[m.end:]
        previous = key or previous
        cells.append(cell)
    return "".join(cells)


def first_number(m: Marker, h: str) -> Marker:
    """`2.` of the three-part number `2.6.26`: an item number followed by a date or a decimal."""
    dot = h.index(".", m.start)
    return Marker("arabic_dot", int(h[m.start:dot]), h[m.start:dot + 1], m.start, dot + 1)


SENTENCE_END = regex.compile(r"[。；;！!？?]\s*$")
MIN_SENTENCE_CHARS = 9  # `三、保障措施。`: a heading a page ended with a stop; `三、工作人员要旗帜鲜明讲政治。`: a sentence


def short_sentence(body: str) -> bool:
    """What follows a short line's number is a sentence (`县政府工作人员要旗帜鲜明讲政治。`): it ends with a stop and
    says more than a heading's few words; a heading stands without one."""
    body = no_space(body)
    return SENTENCE_END.search(body) is not None and len(body) > MIN_SENTENCE_CHARS
