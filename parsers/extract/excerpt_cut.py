"""Where an excerpt ends on a heading: `(一)重特大群体性事件(10分)` `1、…` `3、…扣10分。` then `(二)集体上访(5分)` as the
document's last line. The heading numbers on after a scored section whose clauses stand above it, at that section's
level: it opens the next section, whose clauses the excerpt cut. It is no clause of its own (a document that ends on
`七、全年无发生森林火灾。…(10分)` after top-level clauses keeps it: no section stands before it)."""
from __future__ import annotations

from parsers.extract import patterns as P
from parsers.textnorm import no_space
from schemas.blocks import Document, Paragraph
from schemas.records import Unclaimed

MAX_HEADING_CHARS = 20  # a section's name, not a requirement written as a sentence


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
