"""The PDF reader skips ``text_layer_problem`` where the characters that may be out of order clear the page (one
scan of the page instead of three): it must give the same verdict as running it, on every page."""
from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium

from parsers.readers.pdf_layout import text_layer_problem
from parsers.readers.pdf_reader import _layer_problem, _may_be_moved

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ALPHABET = ("某县人民政府关于考核细则分" + "abcXYZ0123456789.,:;()-" + "，。、；：？！（）《》％" + "“”‘’…·—–【】〔〕①②"
            + "\ufffd\ue000\uf8ff\x01\x1f\t\xa0" + "\u3400\U00020000ÄéЖ" + " \r\n\u3000")


def test_the_gate_gives_text_layer_problems_verdict_on_generated_pages():
    rng = random.Random(14)
    for _ in range(4000):
        weights = [rng.random() ** 3 for _ in ALPHABET]
        text = "".join(rng.choices(ALPHABET, weights, k=rng.randint(0, 200)))
        assert _layer_problem(text, _may_be_moved(text)) == text_layer_problem(text), repr(text)


def test_the_gate_gives_text_layer_problems_verdict_on_the_sample_pages():
    for name in ("sanmenxia_2020_targets.pdf", "jiayuguan_2022q2_decomposition.pdf"):
        pdf = pdfium.PdfDocument(str(SAMPLES / name))
        for i in range(len(pdf)):
            text = pdf[i].get_textpage().get_text_range()
            assert _layer_problem(text, _may_be_moved(text)) == text_layer_problem(text) is None
        pdf.close()
