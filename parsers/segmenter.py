"""One jieba tokenizer for the whole process, on a small dictionary shipped as data.

jieba's full dictionary (349,046 words) takes most of a second to load; the pipeline segments only
to find framing words at an indicator's ends and to tell `层层` from `任任务`, and the small
dictionary (``parsers/data/segmenter_dict.txt``: jieba's words of frequency ≥ 200 and every word
holding a doubled character, built and measured by ``benchmarks/segmenter_dict.py``) segments the
samples and the real notices exactly as the full one does, in a tenth of the time. The domain
dictionary is added on top. Loaded once per process, on first use."""
from __future__ import annotations

import logging
import sys
from functools import lru_cache

from parsers.data import indicator_dict_path, segmenter_dict_path

DICTIONARY = "small"  # "full": jieba's own dictionary (for measuring against it)


def _import_jieba():
    """jieba imports pkg_resources (a quarter second) only to find its own dictionary, which is not
    loaded here; without it jieba falls back to a plain path. Blocked for that one import."""
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def tokenizer():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer(_full_dictionary(jieba)) if DICTIONARY == "full" else jieba.Tokenizer(segmenter_dict_path())
    tok.load_userdict(indicator_dict_path())
    return tok


def _full_dictionary(jieba) -> str:
    import os

    return os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
