"""Fuzz: mutants of the samples (seeded) through a whole run. The contract holds for every one: one
documents row per file, a reason on every failure, no traceback, no hang, the supervisor's memory
bounded."""
from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile

from ingest.writers.commit import read_table
from tests.conftest import ROOT, SAMPLES

SEED = 20260
MUTANTS_PER_SAMPLE = 60  # 6 samples: 360 mutants, well under a minute on two cores


def _flip(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data))]


def _splice(data: bytes, rng: random.Random) -> bytes:
    at, size = rng.randrange(len(data)), rng.randint(1, 4096)
    junk = rng.choice([os.urandom(size), data[:size], b"\x00" * size, "（一）".encode() * (size // 6 + 1)])
    return data[:at] + junk + data[at:]


def _xml_part(data: bytes, rng: random.Random) -> bytes:
    """Mutate one XML part inside a zip (a .docx) and re-zip it: reaches the XML, not just the zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {i.filename: zf.read(i) for i in zf.infolist()}
    except zipfile.BadZipFile:
        return _flip(data, rng)
    name = rng.choice(sorted(n for n in parts if n.endswith(".xml")))
    text = parts[name]
    mutation = rng.choice(["flip", "attr", "cut", "doctype"])
    if mutation == "flip":
        text = _flip(text, rng)
    elif mutation == "attr":
        text = text.replace(b'w:val="', rng.choice([b'w:val="abc', b'w:val="-', b'w:val="99999999999']), 3)
    elif mutation == "cut":
        text = text[:rng.randrange(1, len(text))]
    else:
        text = text.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, content in parts.items():
            zf.writestr(n, text if n == name else content)
    return out.getvalue()


def _mutants(folder) -> int:
    rng = random.Random(SEED)
    count = 0
    for sample in sorted(SAMPLES.iterdir()):
        data = sample.read_bytes()
        strategies = [_flip, _truncate, _splice] + ([_xml_part] * 3 if sample.suffix == ".docx" else [])
        for i in range(MUTANTS_PER_SAMPLE):
            mutate = rng.choice(strategies)
            (folder / f"{sample.stem}.{i:03d}.{mutate.__name__.strip('_')}{sample.suffix}").write_bytes(
                mutate(data, rng))
            count += 1
    return count


def test_mutated_samples_keep_the_per_file_contract(tmp_path):
    folder, out = tmp_path / "mutants", tmp_path / "out"
    folder.mkdir()
    n = _mutants(folder)
    done = subprocess.run([sys.executable, "-m", "ingest", "run", str(folder), "--out", str(out), "--jobs", "2",
                           "--timeout", "30", "--json-summary"], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True, timeout=600)  # a hang fails here
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr and done.stderr.strip() == ""
    summary = json.loads(done.stdout)
    docs = read_table(out, "documents").to_pylist()
    assert len(docs) == n == summary["files"]
    assert len({d["source_path"] for d in docs}) == n
    failed = [d for d in docs if d["status"] != "ok"]
    assert all(d["error"] and d["error"].strip() for d in failed)
    assert not [d["error"] for d in failed if d["error"].startswith("internal error")], "a crash inside a reader"
    assert summary["supervisor_peak_mb"] < 300
    print(f"{n} mutants: {n - len(failed)} ok, {len(failed)} failed with a reason; "
          f"supervisor peak {summary['supervisor_peak_mb']} MB")
