"""The 附件说明 and the attachments (GB/T 9704-2012 7.3.6 and 8): what the note under the body lists
(`附件：1.考核评分表` and `2.…` on the lines below; a single `附件：考核评分表`), and the attachments the
document carries (`附件1` or `附件一` at the head of a page, its title on the next line; a web copy's
`附件1：考核评分表` on one line). The checks compare the two: the standard wants the same numbers and the
same titles.
"""
from __future__ import annotations

import regex

from parsers.extract.cnnum import cn_to_int
from parsers.extract.patterns import ATTACHMENT_LABEL_LINE
from parsers.textnorm import halfwidth, no_space
from schemas.blocks import Block, Document, Paragraph
from schemas.records import AttachmentRef

# `附件：1.考核评分表`, `附件: 考核评分表` (the colon makes it the note, not an attachment's label)
# (a number's point is not a decimal point: `1.5` is no entry, `1.2025年…` is)
NOTE = regex.compile(r"^附件[:：](?:(?P<n>\d{1,2})[.．、](?!\d(?!\d{3}年)))?(?P<title>.+)$")
NOTE_MORE = regex.compile(r"^(?P<n>\d{1,2})[.．、](?!\d(?!\d{3}年))(?P<title>.+)$")
# `附件1`, `附件 2`, `附件一`, `附件1：考核评分表`, `附件1 考核评分表`, `附件`; not `附件1所列指标…` (prose)
LABEL = ATTACHMENT_LABEL_LINE
TITLE_CHARS = 80  # a title is a line, not a paragraph of prose
CLOSING_PUNCT = "。；;，,、.．"


def attachments(doc: Document) -> list[AttachmentRef]:
    """The 附件说明's entries (``listed``) and the attachments present (``present``), in document order."""
    blocks = doc.blocks
    if not any(isinstance(b, Paragraph) and "附" in b.text for b in blocks):
        return []  # (one `in` a paragraph: most documents have no attachment at all)
    texts = _Texts(blocks)
    refs: list[AttachmentRef] = []
    note_end = _note(blocks, texts, refs)
    if note_end is None:
        return []  # no 附件说明: nothing to compare (an attachment alone is read as a table)
    for i in range(note_end, len(blocks)):
        if not isinstance(blocks[i], Paragraph) or "附" not in blocks[i].text[:8]:
            continue
        label = LABEL.match(blocks[i].text)
        if label is None:
            continue
        title = halfwidth(no_space(label["title"])) if label["title"] else _title_below(blocks, texts, i + 1)
        refs.append(_ref("present", label["n"], title, blocks[i]))
    return refs


def _note(blocks: list[Block], texts: _Texts, refs: list[AttachmentRef]) -> int | None:
    """Read the 附件说明 into ``refs``; the index after it, or None when there is none."""
    for i, block in enumerate(blocks):
        found = NOTE.match(texts[i]) if isinstance(block, Paragraph) and "附" in block.text[:8] else None
        if found is None:
            continue
        refs.extend(_ref("listed", n, title, blocks[i]) for n, title in _entries(found["n"], found["title"]))
        j = i + 1
        while found["n"] and j < len(blocks) and (more := NOTE_MORE.match(texts[j] or "")):
            refs.extend(_ref("listed", n, title, blocks[j]) for n, title in _entries(more["n"], more["title"]))
            j += 1
        return j
    return None


def _entries(number: str | None, title: str) -> list[tuple[str | None, str]]:
    """One entry, or several where a reader joined the note's lines into one paragraph
    (`1.考核评分表2.指标分解表`): split where the numbers run on 2, 3, … ."""
    if not number:
        return [(None, title)]
    entries, rest, n = [], title, int(number)
    while (nxt := regex.search(rf"(?<!\d){n + 1}[.．、](?!\d(?!\d{{3}}年))", rest)) and nxt.start() > 0:
        entries.append((str(n), rest[: nxt.start()]))
        rest, n = rest[nxt.end():], n + 1
    return [*entries, (str(n), rest)]


def _title_below(blocks: list[Block], texts: _Texts, start: int) -> str | None:
    """The attachment's title: the next line, joined with the one after when the title was set over two
    (the checks accept either reading). None when the next block is no title line (a table; a web copy
    that ran the title into the paragraph below): nothing to compare then."""
    lines: list[str] = []
    for k in range(start, min(start + 2, len(blocks))):
        text = texts[k]
        if not isinstance(blocks[k], Paragraph) or not text or len(text) > TITLE_CHARS or LABEL.match(text):
            break
        lines.append(text)
        if text[-1:] in CLOSING_PUNCT:
            break
    return "\n".join(lines) or None


def _ref(role: str, number: str | None, title: str | None, block: Block) -> AttachmentRef:
    n = None
    if number:
        n = int(number) if number.isdigit() else cn_to_int(number)
    return AttachmentRef(role, n, (title or "").strip() or None, block.prov.page, block.prov.line)


class _Texts:
    """Each block's text without spaces, half-width, made when first asked for (only a few blocks are)."""

    def __init__(self, blocks: list[Block]):
        self.blocks, self.made = blocks, {}

    def __getitem__(self, i: int) -> str:
        if i not in self.made:
            block = self.blocks[i]
            self.made[i] = halfwidth(no_space(block.text)) if isinstance(block, Paragraph) else ""
        return self.made[i]


def same_title(listed: str, present: str) -> bool:
    """The note's title against the attachment's (either of its readings: one line, or two joined)."""
    want = normalized(listed)
    lines = present.split("\n")
    return any(normalized(candidate) == want for candidate in (lines[0], "".join(lines)))


def normalized(title: str) -> str:
    return no_space(title).replace("《", "").replace("》", "").rstrip(CLOSING_PUNCT)
