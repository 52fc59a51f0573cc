"""Rules the code keeps: format names only where formats live, platform differences in one module,
no module over 400 lines."""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys

from parsers import formats
from tests.conftest import ROOT, SAMPLES

PACKAGES = ("ingest", "parsers", "schemas")
# Where a format may be named: the registry with its format modules, and the readers they call.
# (ingest/dataset/export.py names the format the dataset is exported to, which is no input format.)
FORMAT_HOMES = ("parsers/formats/", "parsers/readers/", "ingest/dataset/export.py")
PLATFORM_MODULE = "ingest/platform.py"
MAX_LINES = 400


def _modules(*roots: str):
    for root in roots:
        for path in sorted((ROOT / root).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text("utf-8")


def _string_literals(source: str):
    """String constants that are not docstrings (prose may name a format; code may not)."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and ast.get_docstring(node, clean=False) is not None}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_format_names_appear_only_in_the_registry_and_the_format_modules():
    from ingest.writers import reports, sinks  # noqa: F401  (the reports register their sinks)

    # An output's name (a report in html) is no input format's, though it may be spelled the same.
    outputs = {name for kind in (sinks.REPORT, sinks.TABLES) for name in sinks.names(kind)}
    names = ({fmt.name for fmt in formats.formats()} | {ext.lstrip(".") for ext in formats.supported_extensions()}) - outputs
    # A name standing alone or as an extension (`docx`, `.pdf`); a file name in an example (`draft.docx`), a
    # media type (`text/html`) and markup a page is written in (`<!doctype html>`) are not one.
    named = re.compile(r"(?<![\w./])\.?(?:" + "|".join(map(re.escape, sorted(names))) + r")(?!\w)", re.I)
    found = [f"{path}:{line}: {text!r}" for path, source in _modules(*PACKAGES) if not path.startswith(FORMAT_HOMES)
             for line, text in _string_literals(source) if named.search(MARKUP.sub("", text))]
    assert found == []


MARKUP = re.compile(r"<[!/]?[\w-]+[^<>]*>")


def test_a_format_name_in_code_is_still_found_when_an_output_shares_another_name():
    # The rule above must keep its teeth: a literal naming an input format outside the format modules.
    names = {fmt.name for fmt in formats.formats()}
    named = re.compile(r"(?<![\w./])\.?(?:" + "|".join(map(re.escape, sorted(names))) + r")(?!\w)", re.I)
    assert named.search(MARKUP.sub("", "if fmt == 'ofd': ...")) and not named.search(MARKUP.sub("", "<html lang='zh'>"))


def test_platform_specific_code_only_in_the_platform_module():
    forbidden = re.compile(r"^\s*(?:import resource|from resource import)|/proc/|\bfork\(|[\"']fork(?:server)?[\"']", re.M)
    found = [path for path, source in _modules(*PACKAGES, "benchmarks")
             if path != PLATFORM_MODULE and forbidden.search(source)]
    assert found == []


def test_no_module_over_400_lines():
    long = {path: source.count("\n") for path, source in _modules(*PACKAGES, "benchmarks")
            if source.count("\n") > MAX_LINES}
    assert long == {}


CHECK_WITHOUT_RESOURCE = """
import sys
try:
    import resource
    sys.exit("resource is importable")
except ImportError:
    pass
from ingest import platform
platform.START_METHOD = "spawn"
assert platform.worker_context().get_start_method() == "spawn"
from ingest.cli import main
sys.exit(main(["check", sys.argv[1], "--format", "json"]))
"""


def _run_as_on_windows(script: str, tmp_path) -> subprocess.CompletedProcess:
    """``script`` on the sample notice in a process (and its spawned workers) without ``resource``.
    psutil's Linux backend holds its own reference, taken first; its Windows backend needs none."""
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "sitecustomize.py").write_text("import sys\nimport psutil\nsys.modules['resource'] = None\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(shadow), str(ROOT)]))
    notice = SAMPLES / "sanmenxia_2020_targets.docx"
    return subprocess.run([sys.executable, "-c", script, str(notice)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)


def test_check_runs_without_the_resource_module_with_spawned_workers(tmp_path):
    """As on Windows: no ``resource`` in the supervisor or its workers, workers started by spawn."""
    proc = _run_as_on_windows(CHECK_WITHOUT_RESOURCE, tmp_path)
    assert proc.returncode == 1, proc.stderr  # 1: the notice has an error-level finding
    assert '"code": "section_points_mismatch"' in proc.stdout


SERVE_WITHOUT_RESOURCE = """
import io, sys
try:
    import resource
    sys.exit("resource is importable")
except ImportError:
    pass
from ingest import platform
platform.START_METHOD = "spawn"
from ingest.web.app import create_app
client = create_app().test_client()
notice = open(sys.argv[1], "rb").read()
page = client.post("/check", data={"files": [(io.BytesIO(notice), "n.docx")]},
                   content_type="multipart/form-data").get_data(as_text=True)
print(page.count('data-code="section_points_mismatch"'), "/download/" in page)
"""


def test_web_app_runs_without_the_resource_module_with_spawned_workers(tmp_path):
    """``ingest serve`` as on Windows: the page parses an upload in a spawned worker, no ``resource``."""
    proc = _run_as_on_windows(SERVE_WITHOUT_RESOURCE, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["2", "True"]  # in the finding list and on the clause; the copy ready
