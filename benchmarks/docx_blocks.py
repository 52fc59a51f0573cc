"""The .docx reader's output, dumped and compared: a change to the reader that must not change its
output is checked by dumping before and after and comparing the two dumps.

    python benchmarks/docx_blocks.py collect CORPUS [FOLDER ...]   # copy every .docx found (by content)
    python benchmarks/docx_blocks.py dump CORPUS OUT.jsonl          # every block, every field; or the error
    python benchmarks/docx_blocks.py compare A.jsonl B.jsonl        # exit 1 on any difference

The .docx files the tests build in code are collected by running the tests with this module as a
pytest plugin: every file the reader is given is copied into ``$DOCX_CAPTURE`` (by content):

    DOCX_CAPTURE=CORPUS PYTHONPATH=benchmarks python -m pytest -p docx_blocks tests/readers ...
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [ROOT / "samples", ROOT.parent / "shared" / "real", ROOT / "tests" / "data"]


def _keep(path: Path, corpus: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        return
    (corpus / f"{hashlib.sha256(data).hexdigest()[:20]}.docx").write_bytes(data)


def collect(corpus: Path, folders: list[Path]) -> int:
    corpus.mkdir(parents=True, exist_ok=True)
    for folder in folders:
        for path in sorted(folder.rglob("*.docx")) if folder.is_dir() else [folder]:
            if path.is_file():
                _keep(path, corpus)
    return len(list(corpus.glob("*.docx")))


def _record(path: Path) -> dict:
    from parsers.readers.docx_reader import read_docx
    try:
        doc = read_docx(path, "source.docx")
    except Exception as exc:  # the error is part of the output: it must not change either
        return {"file": path.name, "error": f"{type(exc).__name__}: {exc}".replace(str(path), "<path>")}
    blocks = [{"kind": type(b).__name__, **dataclasses.asdict(b)} for b in doc.blocks]
    return {"file": path.name, "format": doc.format, "n_pages": doc.n_pages, "ocr_pages": doc.ocr_pages,
            "warnings": [dataclasses.asdict(w) for w in doc.warnings], "blocks": blocks}


def dump(corpus: Path, out: Path) -> int:
    paths = sorted(corpus.glob("*.docx"))
    with out.open("w", encoding="utf-8") as fh:
        for path in paths:
            fh.write(json.dumps(_record(path), ensure_ascii=False, sort_keys=True) + "\n")
    return len(paths)


def compare(a: Path, b: Path) -> int:
    left = {json.loads(line)["file"]: line for line in a.read_text(encoding="utf-8").splitlines()}
    right = {json.loads(line)["file"]: line for line in b.read_text(encoding="utf-8").splitlines()}
    differ = sorted(name for name in left.keys() | right.keys() if left.get(name) != right.get(name))
    for name in differ[:20]:
        print(f"differs: {name}")
    print(f"{len(left)} vs {len(right)} files; {len(differ)} differ")
    return 1 if differ else 0


# -- as a pytest plugin: capture every .docx the reader is given ---------------------------------

def pytest_configure(config) -> None:
    corpus = os.environ.get("DOCX_CAPTURE")
    if not corpus:
        return
    Path(corpus).mkdir(parents=True, exist_ok=True)
    from parsers.readers import docx_reader, office_reader
    original = docx_reader.read_docx

    def capturing(path, source, *args, **kwargs):
        _keep(Path(path), Path(corpus))
        return original(path, source, *args, **kwargs)

    docx_reader.read_docx = capturing
    office_reader.read_docx = capturing


def main() -> int:
    sys.path.insert(0, str(ROOT))
    command, args = sys.argv[1], [Path(a) for a in sys.argv[2:]]
    if command == "collect":
        print(collect(args[0], args[1:] or DEFAULT_FOLDERS), "files in", args[0])
    elif command == "dump":
        print(dump(args[0], args[1]), "files dumped to", args[1])
    elif command == "compare":
        return compare(args[0], args[1])
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
