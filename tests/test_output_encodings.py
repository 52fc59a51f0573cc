"""A report printed where the output's encoding cannot hold every character: a drafter on Windows sending
`ingest check` to a file writes in the code page (GBK: no `•`), a shell in the C locale writes ASCII. The characters
it cannot hold print as `?`; it had ended in a UnicodeEncodeError traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.builders import write_text
from tests.conftest import ROOT

NOTICE = "\n".join(["各部门责任目标", "市甲局", "1. 完成任务一（50分）；", "3. 完成任务二•重点（50分）。"])


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_check_report_in_an_encoding_without_the_documents_characters(tmp_path, encoding):
    path = write_text(tmp_path / "notice.txt", NOTICE)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING=encoding)
    done = subprocess.run([sys.executable, "-m", "ingest", "check", str(path)], env=env, capture_output=True,
                          timeout=120)
    assert done.returncode == 1, done.stderr.decode(encoding, "replace")  # the planted numbering gap: an error
    assert b"Traceback" not in done.stderr
    report = done.stdout.decode(encoding)
    assert "numbering_gap" in report and "?" in report
    if encoding == "gbk":
        assert "完成任务二?重点" in report
