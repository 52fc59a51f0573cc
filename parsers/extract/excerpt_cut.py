"""Where an excerpt ends on a heading: `(一)重特大群体性事件(10分)` `1、…` `3、…扣10分。` then `(二)集体上访(5分)` as the
document's last line. The heading numbers on after a scored section whose clauses stand above it, at that section's
level: it opens the next section, whose clauses the excerpt cut. It is no clause of its own (a document that ends on
`七、全年无发生森林火灾。…(10分)` after top-level clauses keeps it: no section stands before it).
An excerpt may also open inside a rule: `5分;晚婚率…得5分;…` as its first line, the tail of the previous page's clause."""
from __future__ import annotations

import regex

from parsers.extract import patterns as P
from parsers.textnorm import no_space
from schemas.blocks import Document, Paragraph
from schemas.records import Unclaimed

MAX_HEADING_CHARS = 20  # a section's name, not a requirement written as a sentence
# `5分;晚婚率…`: a line opening on a bare worth and a break, the end of a sentence the excerpt cut
OPENS_ON_WORTH = regex.compile(r"^\s*\d+(?:\.\d+)?\s*分\s*[;；,，。]")


def drop_cut_section(doc: Document, targets: list) -> Unclaimed | None:
    """Drop the last target when it is the next section's heading ending the excerpt (see the module); the
    heading, as unclaimed text (never dropped silently), or None."""
    last_block = doc.blocks[-1] if doc.blocks else None
    if not isinstance(last_block, Paragraph) or len(targets) < 2:
        return None
    last, before = targets[-1], targets[-2]
    if (last.line, last.page) != (last_block.prov.line, last_block.prov.page) or last.seq is None:
        return None
    if not before.section_path or not before.path_seqs or before.path_seqs[-1] is None:
        return None
    name = no_space(last.text)
    if len(name) > MAX_HEADING_CHARS or P.SENTENCE_PUNCT.search(name) or last.criteria:
        return None
    if last.section_path != before.section_path[:-1] or last.seq != before.path_seqs[-1] + 1:
        return None
    targets.pop()
    return Unclaimed(last_block.text, last.unit or None, last.page, last.line)


def drop_cut_opening(doc: Document, targets: list) -> Unclaimed | None:
    """Drop the first target when the excerpt's first line is the tail of a cut clause (see the module): unnumbered,
    opening on a bare worth. The line, as unclaimed text, or None."""
    first_block = doc.blocks[0] if doc.blocks else None
    if not isinstance(first_block, Paragraph) or not targets:
        return None
    first = targets[0]
    if (first.line, first.page) != (first_block.prov.line, first_block.prov.page) or first.seq is not None:
        return None
    if not OPENS_ON_WORTH.match(first_block.text):
        return None
    targets.pop(0)
    return Unclaimed(first_block.text, first.unit or None, first.page, first.line)
