"""What a person sees while a batch runs and when it ends.

While it runs: one progress line on the terminal (documents done of all, rate, time left, failures so
far), drawn by tqdm, and nothing at all when standard error is not a terminal (a log or a pipe gets the
summary only). When it ends: the summary names the slowest files and groups the failures by reason, so
a thousand files refused for one cause read as one line, not a thousand."""
from __future__ import annotations

import heapq
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from ingest.paths import display
from schemas.records import Extraction

SLOWEST = 5  # files named in the summary
REASONS = 10  # failure groups named in the summary
# A failure's reason is its message up to the first detail: `not a readable PDF (page 3: …)` and
# `not a readable PDF (trailer …)` are one reason; a path or a number never splits a group.
_DETAIL = re.compile(r"\s*[(:（：].*$", re.S)


def reason_of(error: str) -> str:
    """The general reason of a failure message (its text before the first detail)."""
    return _DETAIL.sub("", error or "").strip() or (error or "unknown").strip()


@dataclass
class Tally:
    """Failures by reason and the slowest files of a run (the slowest kept in a bounded heap)."""
    failed: int = 0
    reasons: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # reason → the first file that failed so
    _slow: list[tuple[float, str]] = field(default_factory=list)

    def failure(self, path: str, error: str) -> None:
        self.failed += 1
        reason = reason_of(error)
        self.reasons[reason] += 1
        self.examples.setdefault(reason, path)

    def timing(self, path: str, seconds: float) -> None:
        item = (seconds, path)
        if len(self._slow) < SLOWEST:
            heapq.heappush(self._slow, item)
        elif item > self._slow[0]:
            heapq.heapreplace(self._slow, item)

    def slowest(self) -> list[tuple[float, str]]:
        return sorted(self._slow, reverse=True)

    def lines(self) -> list[str]:
        """The summary's lines about failures and the slowest files."""
        out = []
        if self.reasons:
            out.append("failures by reason:")
            for reason, n in self.reasons.most_common(REASONS):
                out.append(f"  {n:>6} × {reason}  (e.g. {self.examples[reason]})")
            if len(self.reasons) > REASONS:
                rest = sum(n for _, n in self.reasons.most_common()[REASONS:])
                out.append(f"  {rest:>6} × other reasons (see documents.parquet)")
        slow = self.slowest()
        if slow:
            out.append("slowest files: " + ", ".join(f"{Path(p).name} {s:.1f} s" for s, p in slow))
        return out


class BatchProgress:
    """The progress line, and a sink that counts each document as it is delivered (failures so far).

    Used as the run's ``on_progress`` callback, as one more sink (``open``/``add``/``close``), and as
    the batch's observer of per-document parse times (``timing``)."""

    def __init__(self, enabled: bool, stream: TextIO | None = None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tally = Tally()
        self._bar = None
        self._drawing = False  # a line is (or is being) drawn: finish must end it

    # -- the run's on_progress ---------------------------------------------------------------
    def __call__(self, done: int, total: int, source: str) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._drawing = True
            self._bar = _new_bar(total, self.stream)
        bar = self._bar
        if bar.total != total:
            bar.total = total
        bar.set_postfix_str(f"failed {self.tally.failed}", refresh=False)
        bar.update(done - bar.n)

    def timing(self, path: str, seconds: float) -> None:
        self.tally.timing(display(path), seconds)

    # -- the sink ----------------------------------------------------------------------------
    def open(self) -> None:
        pass

    def add(self, extraction: Extraction) -> None:
        if extraction.info.status == "failed":
            self.tally.failure(extraction.info.source_path, extraction.info.error or "")

    def close(self, completed: bool = True) -> list[Path]:
        self.finish()
        return []

    def finish(self) -> None:
        """Leave the progress line as it stands and move to a fresh line (before the summary or the
        interruption line)."""
        bar, self._bar = self._bar, None
        if bar is not None:
            try:
                bar.close()
                self._drawing = False
            except (OSError, ValueError):
                pass
        if self._drawing:  # Ctrl-C came while the line was being drawn: end it by hand
            self._drawing = False
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass


def _new_bar(total: int, stream: TextIO):
    from tqdm import tqdm  # loaded when a terminal shows progress

    # A terminal that reports no size (a bare pseudo-terminal, some emulators) would hide the line.
    sized = all(_size(stream))
    return tqdm(total=total, file=stream, unit="file", dynamic_ncols=sized, ncols=None if sized else 80,
                nrows=None if sized else 24, mininterval=0.2, leave=True,
                bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}{postfix}]")


def _size(stream: TextIO) -> tuple[int, int]:
    try:
        return tuple(os.get_terminal_size(stream.fileno()))
    except (OSError, ValueError, AttributeError):
        return 0, 0
