"""--engine ray on a real local Ray cluster (one per module, two CPUs): the same tables as --engine local
for the samples and a hostile folder; a hanging document killed with its worker; a worker killed mid-task
retried once, then recorded; a greedy document stopped at the memory limit. Skipped only where Ray cannot
be imported or started, with the reason (pytest -rs prints it)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import zipfile

import pandas as pd
import pytest

from ingest import engines, writers
from ingest.batch import Limits
from ingest.cli import main
from ingest.runner import MANIFEST_NAME, RunSettings, run
from ingest.writers.commit import read_tables
from parsers.readers.limits import LIMITS
from tests.builders import looping_pdf, write_text
from tests.conftest import ROOT, SAMPLES

NOTICE = SAMPLES / "sanmenxia_2020_targets.md"
VOLATILE = {"run_id"}  # differs between any two runs, whatever the engine


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    try:
        import ray
    except ImportError as exc:
        pytest.skip(f"Ray cannot be imported ({exc}): pip install 'notice-ingest[ray]'")
    if ray.is_initialized():
        ray.shutdown()
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="warning",
                 _temp_dir=str(tmp_path_factory.mktemp("ray")))
    except Exception as exc:  # noqa: BLE001 - any reason Ray cannot start here is a reason to skip
        pytest.skip(f"Ray cannot start on this machine: {type(exc).__name__}: {exc}")
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The samples and a hostile folder (see tests/test_hostile.py): empty, not a zip, truncated, a zip
    bomb, a DOCTYPE, random bytes, a looping PDF, undecodable text, a file over the size limit, a pipe,
    a dangling link."""
    d = tmp_path_factory.mktemp("corpus")
    for sample in sorted(SAMPLES.iterdir()):
        shutil.copy(sample, d / sample.name)
    docx = (SAMPLES / "sanmenxia_2020_targets.docx").read_bytes()
    (d / "empty.txt").write_bytes(b"")
    (d / "not_a_zip.docx").write_bytes(bytes(range(256)) * 16)
    (d / "truncated.docx").write_bytes(docx[:20000])
    with zipfile.ZipFile(d / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (64 * 1024 * 1024))
    (d / "doctype.docx").write_bytes(_with_part(docx, "word/document.xml", b'<?xml version="1.0"?><!DOCTYPE x []><x/>'))
    (d / "garbage.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 32)
    (d / "loop.pdf").write_bytes(looping_pdf())
    (d / "binary.txt").write_bytes(bytes(range(256)) * 64)
    write_text(d / "no_targets.txt", "关于做好春节期间安全工作的通知\n各单位：请做好值班安排。\n")
    with open(d / "huge.txt", "wb") as fh:  # sparse: refused from its size before a byte is read
        fh.truncate(LIMITS.max_file_bytes + 1)
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "fifo.txt")
        os.symlink(d / "missing", d / "dangling.txt")
    return d


def _with_part(docx: bytes, part: str, data: bytes) -> bytes:
    import io

    source, target = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for item in source.infolist():
            zf.writestr(item, data if item.filename == part else source.read(item.filename))
    return target.getvalue()


def _frames(out) -> dict[str, pd.DataFrame]:
    return {name: table.to_pandas().drop(columns=[c for c in table.column_names if c in VOLATILE])
            for name, table in read_tables(out).items() if name != "runs"}  # runs: the engine's own record


def _assert_same_tables(left, right) -> None:
    a, b = _frames(left), _frames(right)
    assert set(a) == set(b)
    for name in a:
        assert list(a[name].columns) == list(b[name].columns), name
        # cells hold lists and arrays: compared as text, row by row, in the run's (input) order
        pd.testing.assert_frame_equal(a[name].astype(str), b[name].astype(str), obj=name)


def test_ray_writes_the_same_tables_as_local_for_samples_and_hostile_files(cluster, corpus, tmp_path, capsys):
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    assert main(["run", str(corpus), "--out", str(local), "--jobs", "2", "--quiet"]) == 1
    assert main(["run", str(corpus), "--out", str(ray_out), "--engine", "ray", "--address", cluster, "--quiet"]) == 1
    _assert_same_tables(local, ray_out)
    docs = {r["source_path"].rsplit("/", 1)[-1]: r for r in read_tables(ray_out)["documents"].to_pylist()}
    assert docs["sanmenxia_2020_targets.pdf"]["n_targets"] == 836 and docs["sanmenxia_2020_targets.pdf"]["status"] == "ok"
    assert "zip bomb" in docs["bomb.docx"]["error"] and "DOCTYPE" in docs["doctype.docx"]["error"]
    assert docs["huge.txt"]["status"] == "failed" and "larger than the limit" in docs["huge.txt"]["error"]
    assert all(d["error"] for d in docs.values() if d["status"] != "ok")
    # a second run takes every document from the manifest, whichever engine wrote it
    capsys.readouterr()
    assert main(["run", str(corpus), "--out", str(local), "--engine", "ray", "--json-summary"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["reused"] == summary["files"] - 1 == 15  # all but huge.txt, refused before it is hashed
    _assert_same_tables(local, ray_out)


def _misbehaving(folder):
    folder.mkdir()
    shutil.copy(NOTICE, folder / "good.md")
    write_text(folder / "a_slow.hang", "1. 甲（1分）\n")  # first in the listing: the rest runs beside it
    write_text(folder / "once.crash", "crash 1\n1. 甲（1分）\n")  # dies on its first attempt only
    write_text(folder / "always.crash", "crash 1 2\n1. 甲（1分）\n")
    write_text(folder / "hungry.greedy", "1. 甲（1分）\n")
    return folder


def test_hang_crash_and_memory_on_ray_workers(cluster, tmp_path):
    import psutil

    import tests.ray_plugins as plugins  # registers the formats here; each Ray worker imports it too

    try:
        folder, out = _misbehaving(tmp_path / "in"), tmp_path / "out"
        engine = engines.make("ray", cluster, plugins=("tests.ray_plugins",))
        settings = RunSettings(manifest=out / MANIFEST_NAME, jobs=2, engine=engine,
                               # 6 s: a loaded machine still lets the memory hog reach its limit first
                               limits=Limits(seconds=6, memory_mb=600))
        sinks = [writers.get(name).make(out) for name in writers.names(writers.TABLES)]
        summary = run([folder], settings, sinks)
    finally:
        plugins.unregister()
    docs = {r["source_path"].rsplit("/", 1)[-1]: r for r in read_tables(out)["documents"].to_pylist()}
    assert set(docs) == {"good.md", "a_slow.hang", "once.crash", "always.crash", "hungry.greedy"}
    assert docs["good.md"]["status"] == "ok" and docs["good.md"]["n_targets"] == 836
    assert docs["a_slow.hang"]["status"] == "failed"
    assert docs["a_slow.hang"]["error"] == "time limit exceeded: parsing took over 6 s"
    hung = int((folder / "a_slow.pid").read_text())
    deadline = time.monotonic() + 10
    while psutil.pid_exists(hung) and psutil.Process(hung).status() != psutil.STATUS_ZOMBIE \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not psutil.pid_exists(hung) or psutil.Process(hung).status() == psutil.STATUS_ZOMBIE, "hung worker alive"
    assert docs["once.crash"]["status"] == "ok" and docs["once.crash"]["n_targets"] == 1  # retried once
    assert len((folder / "once.attempts").read_text().split()) == 2
    assert docs["always.crash"]["status"] == "failed" and docs["always.crash"]["error"].startswith("worker crashed twice")
    assert len((folder / "always.attempts").read_text().split()) == 2  # retried once, not more
    assert docs["hungry.greedy"]["error"] == "memory limit exceeded: over 600 MB", docs["hungry.greedy"]
    assert summary.failed == 3 and summary.ok == 2


def test_cli_connects_to_a_running_cluster_by_address(cluster, tmp_path):
    """What a user types: another process, the cluster's address."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "ingest", "run", str(NOTICE), "--out", str(tmp_path / "out"),
                           "--engine", "ray", "--address", cluster, "--json-summary"],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert '"ok": 1' in done.stdout and "Traceback" not in done.stderr
    (doc,) = read_tables(tmp_path / "out")["documents"].to_pylist()
    assert doc["n_targets"] == 836


def test_missing_ray_is_one_line_naming_the_extra(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "ingest.engines.ray_engine", raising=False)
    assert main(["run", str(NOTICE), "--out", str(tmp_path / "out"), "--engine", "ray"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["ingest: --engine ray needs Ray, which is not installed: pip install 'notice-ingest[ray]'"]


def test_an_address_nobody_listens_on_is_one_line_exit_3(tmp_path, capsys):
    """Ray's own client would retry such an address for minutes."""
    pytest.importorskip("ray", reason="Ray is not installed: pip install 'notice-ingest[ray]'")
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago: nobody listens on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert main(["run", str(NOTICE), "--out", str(tmp_path / "out"), "--engine", "ray",
                 "--address", f"127.0.0.1:{port}"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"ingest: cannot reach the Ray cluster at 127.0.0.1:{port}")
