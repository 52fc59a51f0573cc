"""The worker's warm-up (ingest/worker_warmup.py): what it builds, and the notice it runs through the pipeline."""
from __future__ import annotations

from ingest.pipeline import process
from ingest.worker_warmup import build_vocabularies, warm, warmup_notice
from parsers.extract import headers


def test_warmup_notice_reads_as_a_notice_with_its_clauses_and_table():
    ex = process(warmup_notice())
    assert ex.info.status == "ok"
    assert ex.info.title == "某市人民政府关于下达2024年度目标任务的通知"
    assert ex.info.doc_number == "某政〔2024〕1号"
    assert str(ex.info.issued_on) == "2024-01-10"
    assert [(t.section, t.seq, t.points) for t in ex.targets] == [
        ("甲县", 1, 20.0), ("甲县", 2, 10.0), ("乙区", 1, 20.0), ("乙区", 2, 10.0)]
    assert [(r.indicator, r.weight) for r in ex.indicators] == [("地区生产总值增速", 20.0), ("招商引资", 10.0)]


def test_warm_builds_the_vocabularies_of_the_loaded_modules():
    warm()
    assert headers._reversed_synonyms.cache_info().currsize == 1  # built by the warm-up, not by a document
    assert build_vocabularies() >= 20  # every argument-free loader of parsers, checks and schemas


def test_warm_twice_is_a_no_op():
    warm()
    before = headers._reversed_synonyms.cache_info()
    warm()
    assert headers._reversed_synonyms.cache_info() == before



def _module_with_loader(name: str, calls: list[str]):
    import functools
    import types

    module = types.ModuleType(name)

    @functools.lru_cache(maxsize=1)
    def loader() -> str:
        calls.append(name)
        return name

    loader.__module__ = name
    module.loader = loader
    return module


def test_warm_builds_vocabularies_but_starts_no_ocr_engine(monkeypatch):
    """Every argument-free loader of the parsers is called, but not the OCR runtime's: its models load for the
    scans that need them, not in every worker."""
    import sys

    calls: list[str] = []
    monkeypatch.setitem(sys.modules, "parsers.ocr", _module_with_loader("parsers.ocr", calls))
    monkeypatch.setitem(sys.modules, "parsers.some_vocabulary", _module_with_loader("parsers.some_vocabulary", calls))
    build_vocabularies()
    assert calls == ["parsers.some_vocabulary"]
