"""The drafter's own Word file back, with a Word comment on each finding: on the paragraph (or the
table row's first written cell) of the finding's line, a finding without a line on the first
paragraph. The Word package itself is handled in ``parsers.readers.word_comments``."""
from __future__ import annotations

from pathlib import Path

from ingest.checks import KINDS
from ingest.writers.sinks import REPORT, SinkType, register
from schemas.findings import SEVERITY_LABEL, SEVERITY_ORDER
from schemas.records import Extraction, Finding

SUFFIX = ".批注"  # draft.docx → draft.批注.docx


def comment_text(f: Finding) -> str:
    text = f"[{SEVERITY_LABEL[f.severity]}] {KINDS[f.code].title}（{f.code}）：{f.message}"
    if f.code not in ("unparsed_text", "text_typo") and (f.expected is not None or f.actual is not None):
        text += f"\n预期：{f.expected or '—'}    实际：{f.actual or '—'}"
    return text


def commented_copy(source: Path, ex: Extraction) -> bytes | None:
    """The source file with one comment per finding; None when the file is not a Word document."""
    from parsers.readers.word_comments import commented_copy as write

    ordered = sorted(ex.findings, key=lambda f: (f.line or 0, SEVERITY_ORDER[f.severity]))
    return write(source, [(f.line, comment_text(f)) for f in ordered])


def commented_name(source: Path) -> str:
    return f"{source.stem}{SUFFIX}{source.suffix}"


class CommentedCopySink:
    """``ingest check --format commented``: beside each Word file (or into ``--output``, a folder),
    a copy with a comment on each finding."""

    def __init__(self, destination: Path | None):
        self.destination = destination
        self.written: list[Path] = []

    def open(self) -> None:
        self.written = []

    def add(self, ex: Extraction) -> None:
        source = Path(ex.info.source_path)
        if ex.info.status != "ok":
            return
        data = commented_copy(source, ex)
        if data is None:
            return
        folder = self.destination if self.destination is not None else source.parent
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / commented_name(source)
        target.write_bytes(data)
        self.written.append(target)

    def close(self, completed: bool = True) -> list[Path]:
        for path in self.written:
            print(path)
        return list(self.written)


register(SinkType("commented", REPORT, CommentedCopySink,
                  "a copy of each Word file with a comment on each finding (--output: a folder)"))
