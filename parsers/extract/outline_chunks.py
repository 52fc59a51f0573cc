"""A document site's chunk numbers: a site that shows a copied text in chunks numbers them `1、…` / `2、…`; where
each next chunk opens inside the sentence the chunk before left unfinished (`…公寓值班迟` / `2、报1次减0.05分。`), the
numbers are the site's, not the document's, and the chunks are one text."""
from __future__ import annotations

import regex

from schemas.blocks import Paragraph

CHUNK = regex.compile(r"^\s*(?P<n>[1-9]\d?)、")
CUT_INSIDE = regex.compile(r"(?<!分)\p{Han}\s*$")  # a chunk the site cut mid-sentence ends on a word, not a mark or worth
MIN_CHUNK = 150  # a site's chunk is a screenful; a numbered item is seldom this long


def join_site_chunks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with each run of site chunks (1、 then 2、… each opening inside a sentence) made one."""
    out: list[Paragraph] = []
    i = 0
    while i < len(paragraphs):
        run = _chunk_run(paragraphs, i)
        if len(run) < 2:
            out.append(paragraphs[i])
            i += 1
            continue
        text = "".join(CHUNK.sub("", p.text, count=1).strip() for p in run)
        out.append(Paragraph(text, run[0].prov))
        i += len(run)
    return out


def _chunk_run(paragraphs: list[Paragraph], i: int) -> list[Paragraph]:
    first = CHUNK.match(paragraphs[i].text)
    if first is None or first["n"] != "1":
        return []
    run = [paragraphs[i]]
    for p in paragraphs[i + 1:]:
        m = CHUNK.match(p.text)
        last = run[-1].text
        if m is None or int(m["n"]) != len(run) + 1 or len(last) < MIN_CHUNK or not CUT_INSIDE.search(last):
            break
        run.append(p)
    return run
