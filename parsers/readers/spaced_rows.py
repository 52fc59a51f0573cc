"""One row a line, its cells parted by single spaces, no 序号 (``spaced_tables``): `指标名称 单位 标准 分值 折算计分办法`
on a line of its own (a title may run into its first word: `…考核评分标准考核项目 考核要点 分值 …`), then one row a
line with as many cells, group headings between them or at the start of a row's line (`一、工作推进情况(25分) 1、组织机构
…`). Split from ``spaced_tables``."""
from __future__ import annotations

from functools import lru_cache

import regex

from parsers.extract.headers import header_role, simplified, table_vocab
from parsers.readers.line_cells import cell_role, clean_cell
from parsers.textnorm import no_space
from schemas.blocks import Provenance, Table, TableRow

TOKEN_SPLIT = regex.compile(r"[ \u3000\u00a0\t]+")
ROW_POINTS = regex.compile(r"^\d{1,3}(?:\.\d{1,2})?分?$")  # a row's weight: `15`, `2分`
GROUP_HEADING = regex.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S")
MIN_HEADER, MIN_ROWS = 3, 2
MAX_HEADER_WORD = 8  # characters of a header word a title may run into


def line_rows_table(lines: list[str], i: int, source: str) -> tuple[str, Table, str, int] | None:
    """(the title before the header on line ``i``, the table, "", the index after its last row); None unless line
    ``i`` is such a header (every token a column word, one of them the weight, a title run into the first allowed)
    with rows under it. A row's number's qualifier `以上` written apart joins its number (`15 以上`); a row may leave
    the form's columns at its end empty (`得分`); a group heading is a row of its own in the first cell (`一、生产发展
    170`). Strict: the run ends at the first line that is neither; a heading with no row after it is no part of the
    table."""
    found = _header(_spaced_words(TOKEN_SPLIT.split(lines[i].strip())))
    if found is None:
        return None
    title, header, roles = found
    width, weight = len(header), roles.index("weight")
    # cells a row must have: a form's columns (`得分`) and a 备注 at the row's end may be left empty
    filled = width - next((n for n, r in enumerate(reversed(roles)) if r not in ("form", "note")), 0)
    rows, k, last = [], i + 1, i + 1
    while k < len(lines) and lines[k].strip():
        tokens = _qualified(TOKEN_SPLIT.split(lines[k].strip()))
        heading = _heading(tokens)
        if heading and (len(tokens) == heading or not filled <= len(tokens) - heading <= width):
            if len(tokens) > heading:
                break
            rows.append(TableRow([" ".join(tokens)] + [""] * (width - 1), Provenance(source, None, k + 1)))
        elif filled <= len(tokens) - heading <= width and ROW_POINTS.match(tokens[heading + weight]):
            if heading:  # `一、工作推进情况(25分) 1、组织机构 …`: the group's heading, then its first row
                rows.append(TableRow([" ".join(tokens[:heading])] + [""] * (width - 1), Provenance(source, None, k + 1)))
            cells = tokens[heading:] + [""] * (width - len(tokens) + heading)
            rows.append(TableRow([clean_cell(t) for t in cells], Provenance(source, None, k + 1)))
            last = k + 1
        else:
            break
        k += 1
    rows = [r for n, r in enumerate(rows) if r.cells[1:].count("") < width - 1 or
            any(x.cells[1:].count("") < width - 1 for x in rows[n + 1:])]  # a closing heading: no group
    weighted = sum(1 for r in rows if "" not in r.cells[weight:weight + 1])
    if weighted < MIN_ROWS and not (weighted == 1 and _cut_next_row(lines, k, rows[-1].cells[0])):
        return None
    table_rows = [TableRow(header, Provenance(source, None, i + 1))] + rows
    return title, Table(table_rows, table_rows[0].prov, merges_resolved=False), "", last


def _spaced_words(tokens: list[str]) -> list[str]:
    """A header written with a space between its characters (`序 号 考 核 内 容 分 值`): its words again, each the
    longest run of characters that is a header word exactly; the tokens as they are where any run is none."""
    if len(tokens) < 2 * MIN_HEADER or any(len(t) != 1 for t in tokens):
        return tokens
    words, p = [], 0
    while p < len(tokens):
        size = next((n for n in range(min(MAX_HEADER_WORD, len(tokens) - p), 1, -1)
                     if _exact_word("".join(tokens[p:p + n]))), 0)
        if not size:
            return tokens
        words.append("".join(tokens[p:p + size]))
        p += size
    return words


def _exact_word(word: str) -> bool:
    found = header_role(simplified(word))
    return found is not None and no_space(found[1]) == simplified(word)


def _cut_next_row(lines: list[str], k: int, number: str) -> bool:
    """The run stopped at the excerpt's last line, the next row's start cut before its cells (`2 主动及时…` after row
    `1 …`): one whole row is then a table."""
    rest = [line for line in lines[k:] if line.strip()]
    return (len(rest) == 1 and number.isdigit()
            and TOKEN_SPLIT.split(rest[0].strip())[0] == str(int(number) + 1))


def _header(tokens: list[str]) -> tuple[str, list[str], list[str | None]] | None:
    """(a title run into the first header word, the header, its roles), or None where the tokens are no header."""
    if len(tokens) < MIN_HEADER:
        return None
    roles = [cell_role(t) for t in tokens[1:]]
    if None in roles:
        return None
    title, first = "", tokens[0]
    role = cell_role(first)
    if role is None:  # `…考核评分标准考核项目`: the title, then the first column's word
        title, first, role = _titled(tokens[0])
    roles = [role] + roles
    if role is None or "weight" not in roles or not {"indicator", "target"} & set(roles):
        return None
    return title, [first] + tokens[1:], roles


def _titled(token: str) -> tuple[str, str, str | None]:
    """(title, header word, its role) for a title run into a header word: the longest word of the vocabulary, exactly,
    that ends the token (`…评分标准考核项目` → `考核项目`, not `标准考核项目`)."""
    for size in range(min(MAX_HEADER_WORD, len(token) - 1), 1, -1):
        word = token[-size:]
        if _exact_word(word) and cell_role(word) not in (None, "form"):
            return token[:-size], word, cell_role(word)
    return "", token, None


def _heading(tokens: list[str]) -> int:
    """How many tokens open the line as a group heading (`一、生产发展`, `一、生产发展 170`, `一、…(25分)`): 0 for none."""
    if not GROUP_HEADING.match(tokens[0]):
        return 0
    return 2 if len(tokens) > 1 and ROW_POINTS.match(tokens[1]) else 1


def _qualified(tokens: list[str]) -> list[str]:
    """Tokens with a number's qualifier (`以上`, `以内`) joined to the number before it."""
    out: list[str] = []
    for tok in tokens:
        if out and tok in _number_qualifiers() and regex.search(r"\d$", out[-1]):
            out[-1] = f"{out[-1]} {tok}"
        else:
            out.append(tok)
    return out


@lru_cache(maxsize=1)
def _number_qualifiers() -> frozenset[str]:
    return frozenset(table_vocab()["number_qualifiers"])
