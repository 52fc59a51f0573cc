"""The three plug-in points: a format, a check and a sink, each added by a test alone."""
from __future__ import annotations

import ast
import json
from collections import Counter
from pathlib import Path

import pytest

from ingest import checks, writers
from ingest.cli import main
from ingest.pipeline import process
from ingest.runner import RunSettings, run
from ingest.writers.commit import read_table
from parsers import formats
from schemas.blocks import Document, Paragraph, Provenance
from schemas.findings import INFO, FindingKind
from tests.conftest import ROOT, SAMPLES, clause_count_check

README = (ROOT / "README.md").read_text("utf-8")
NOTICE = SAMPLES / "sanmenxia_2020_targets.docx"
NOTICE_LINES = [p.text for p in formats.read(NOTICE, str(NOTICE)).paragraphs()]


def _read_json_notice(path: Path, source: str, options) -> Document:
    """A toy format: {"paragraphs": ["…", …]}, one paragraph a line."""
    paragraphs = json.loads(path.read_text("utf-8"))["paragraphs"]
    blocks = [Paragraph(text, Provenance(source, None, i + 1)) for i, text in enumerate(paragraphs) if text.strip()]
    return Document(source, "json-notice", blocks)


@pytest.fixture
def json_format():
    fmt = formats.register(formats.Format(
        name="json-notice", extensions=(".json",), label="JSON notice", priority=20, read=_read_json_notice,
        sniff=lambda p: p.extension == ".json" and p.head.lstrip().startswith(b"{")))
    yield fmt
    formats.unregister(fmt.name)


def _json_notice(path: Path) -> Path:
    path.write_text(json.dumps({"paragraphs": NOTICE_LINES}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_toy_json_format_registered_by_the_test_is_read(tmp_path, json_format):
    path = _json_notice(tmp_path / "notice.json")
    assert formats.is_supported(path)
    result = process(path)
    assert result.info.status == "ok" and result.info.format == "json-notice"
    assert result.info.doc_number == "三政〔2020〕9号"
    assert len(result.targets) == 836
    assert {f.code for f in result.findings} >= {"section_points_mismatch"}


@pytest.fixture
def clause_counter():
    with clause_count_check("toy_clause_count", "toy.clause_count") as kind:
        yield kind


def test_a_check_added_later_reports_on_files_reused_from_the_manifest(tmp_path, request, capsys):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.md").write_bytes((SAMPLES / "sanmenxia_2020_targets.md").read_bytes())
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    request.getfixturevalue("clause_counter")
    assert main(["run", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    assert "reused from manifest: 1" in capsys.readouterr().out
    found = [f for f in read_table(out, "findings").to_pylist() if f["code"] == "toy_clause_count"]
    assert [(f["message"], f["source_path"]) for f in found] == [("共836条目标", str(corpus / "a.md"))]


class _Collect:
    """A toy sink: keeps what it is given and says when it was opened and closed."""

    events: list = []

    def __init__(self, destination):
        self.destination = destination

    def open(self):
        self.events.append("open")

    def add(self, extraction):
        self.events.append((extraction.info.source_path, len(extraction.targets), len(extraction.findings)))

    def close(self, completed=True):
        self.events.append(("close", completed))
        return []


@pytest.fixture
def collect_sink():
    _Collect.events = []
    writers.register(writers.SinkType("collect", writers.REPORT, _Collect))
    yield _Collect
    writers.unregister("collect")


def test_a_toy_sink_registered_by_the_test_receives_every_extraction(collect_sink):
    assert main(["check", str(NOTICE), "--format", "collect"]) == 1
    assert collect_sink.events[0] == "open" and collect_sink.events[-1] == ("close", True)
    (path, n_targets, n_findings), = collect_sink.events[1:-1]
    assert path == str(NOTICE) and n_targets == 836 and n_findings > 0


def test_format_check_and_sink_together_in_one_process(tmp_path, json_format, clause_counter, collect_sink):
    path = _json_notice(tmp_path / "notice.json")
    summary = run([path], RunSettings(jobs=0), [collect_sink(None)])
    assert summary.ok == 1 and summary.errors == 1
    assert collect_sink.events[1][:2] == (str(path), 836)


def _declared_codes() -> list[str]:
    """The first argument of every FindingKind(...) written in the package."""
    codes = []
    for root in ("ingest", "parsers", "schemas"):
        for path in (ROOT / root).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "FindingKind"
                        and node.args and isinstance(node.args[0], ast.Constant)):
                    codes.append(node.args[0].value)
    return codes


def test_every_finding_code_has_exactly_one_declaration():
    declared = Counter(_declared_codes())
    assert {code for code, n in declared.items() if n > 1} == set()
    assert set(declared) == set(checks.KINDS)
    assert sum(len(c.kinds) for c in checks.checks()) == len(checks.KINDS)


def test_a_second_declaration_of_a_code_is_refused():
    with pytest.raises(ValueError, match="numbering_gap"):
        checks.register(checks.Check("toy.again", lambda ex: [], (FindingKind("numbering_gap", INFO, "x", "x"),)))
    assert "toy.again" not in {c.name for c in checks.checks()}


def test_readme_codes_table_is_the_declared_kinds():
    rows = [line for line in README.split("### Finding codes", 1)[1].split("\n## ", 1)[0].splitlines()
            if line.startswith("| `")]
    table = {line.split("`")[1]: line.split("|")[2].strip() for line in rows}
    assert table == {code: kind.severity for code, kind in checks.KINDS.items()}


def test_a_check_that_raises_becomes_a_finding_and_the_others_still_run():
    @checks.check(name="toy.broken")
    def broken(ex):
        raise KeyError("x")
        yield

    try:
        result = process(NOTICE)
    finally:
        checks.unregister("toy.broken")
    failed = [f for f in result.findings if f.code == "check_failed"]
    assert [f.message for f in failed] == ["检查toy.broken未能完成：KeyError: 'x'"]
    assert any(f.code == "section_points_mismatch" for f in result.findings)
