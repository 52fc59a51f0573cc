"""An index table whose levels are letter codes (`A建设…(40分)` > `A1科学研究(14分)` > `A1.1科技平台(3分)`), written one
cell a line: a level's name may run over several short lines (`A建设` / `目标` / `完成` / … / `(40分)`) and its worth
may stand alone on the next line (`A1科学研究` / `(14分)`). Each coded row is joined into one paragraph and its code
read as the numbering it is: the letter a top level (`一、`), the letter and a number its item (`1.`), a dotted code
the item below (`1.1`), so the outline nests and numbers them as any numbered list. The lines after a row up to the
next are its cell of the header's criteria column (`评价标准`: graded criteria `按期完成目标,…;` whose scores stood in
a column of their own): joined under that column's label, they are the row's scoring rule, not its name."""
from __future__ import annotations

from dataclasses import replace

import regex

from parsers.extract.grammar import load_data
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Paragraph

CODE = regex.compile(r"^(?P<letter>[A-H])(?P<num>[1-9]\d?(?:\.[1-9]\d?)?)?(?=\p{Han})")
NAME_PIECE = regex.compile(r"^\p{Han}{1,4}$")
WORTH_LINE = regex.compile(r"^[(（](?P<n>\d{1,3}(?:\.\d)?)分[)）]$")
HAS_WORTH = regex.compile(r"[(（]\s*\d{1,3}(?:\.\d)?\s*分\s*[)）]\s*$")
LETTER_ORDINALS = "一二三四五六七八"
LETTERS = frozenset("ABCDEFGHＡＢＣＤＥＦＧＨ")
MAX_PIECES = 8
MIN_CODED = 3


def coded_rows(blocks: list) -> list:
    """The blocks with each letter-coded row joined and renumbered (see the module); unchanged without a run of at
    least three coded rows, one of them with a number (a lone capital opening a line is no code)."""
    if sum(1 for b in blocks if isinstance(b, Paragraph) and b.text[:1] in LETTERS) < MIN_CODED:
        return blocks  # the common case, decided on each line's first character
    texts = [no_space(halfwidth(b.text)) if isinstance(b, Paragraph) else "" for b in blocks]
    codes = [CODE.match(t) for t in texts]
    if sum(1 for c in codes if c and c["num"]) < MIN_CODED:
        return blocks
    first = next(k for k, c in enumerate(codes) if c)
    label = next((t for t in texts[:first] if t in _rule_labels()), None)
    out, k = list(blocks[:first]), first
    while k < len(blocks):
        code = codes[k]
        if code is None:  # a table between the rows
            out.append(blocks[k])
            k += 1
            continue
        name, used = _joined(texts, codes, k)
        out.append(replace(blocks[k], text=_numbered(code) + name))
        k += used
        end = next((j for j in range(k, len(blocks)) if codes[j] or not isinstance(blocks[j], Paragraph)), len(blocks))
        if label and end > k:
            out.append(replace(blocks[k], text=f"{label}:" + "".join(b.text for b in blocks[k:end])))
        else:
            out.extend(blocks[k:end])
        k = end
    return out


def _rule_labels() -> frozenset[str]:
    return frozenset(load_data("scoring.json")["rule_labels"])


def _joined(texts: list[str], codes: list, k: int) -> tuple[str, int]:
    """The row's name and worth, and how many lines they took: the coded line, the short pieces of its name below
    it, then its worth alone on a line. Without that worth line the coded line stands alone."""
    name = texts[k][codes[k].end():]
    if HAS_WORTH.search(name):
        return name, 1
    j = k + 1
    while j < len(texts) and j - k <= MAX_PIECES and codes[j] is None and NAME_PIECE.match(texts[j]):
        j += 1
    worth = WORTH_LINE.match(texts[j]) if j < len(texts) else None
    if worth is None:
        return name, 1
    return "".join([name, *texts[k + 1:j]]) + f"({worth['n']}分)", j - k + 1


def _numbered(code: regex.Match) -> str:
    """`A` → `一、`; `A1` → `1.`; `A1.2` → `1.2` (its letter's level above it)."""
    num = code["num"]
    if num is None:
        return LETTER_ORDINALS[ord(code["letter"]) - ord("A")] + "、"
    return num if "." in num else num + "."
