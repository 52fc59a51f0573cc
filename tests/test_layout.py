"""The pipeline's shape: imports flow one way (schemas ← parsers ← ingest), and library objects
stay inside parsers/readers."""
from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

FORBIDDEN = {"schemas": ("parsers", "ingest"), "parsers": ("ingest",)}
LIBRARIES = ("docx", "pdfplumber", "pypdfium2")


def _imports(path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_flow_one_way(package):
    for path in (ROOT / package).rglob("*.py"):
        for name in _imports(path):
            assert not name.startswith(FORBIDDEN[package]), f"{path.relative_to(ROOT)} imports {name}"


def test_document_libraries_stay_in_readers():
    for package in ("schemas", "parsers", "ingest"):
        for path in (ROOT / package).rglob("*.py"):
            if "readers" in path.parts:
                continue
            for name in _imports(path):
                assert not name.startswith(LIBRARIES), f"{path.relative_to(ROOT)} imports {name}"
