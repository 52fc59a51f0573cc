"""One jieba tokenizer for the whole process, with the domain dictionary shipped as data.

Loading jieba's dictionary takes most of a second, so it happens once per worker, lazily."""
from __future__ import annotations

import logging
from functools import lru_cache

from parsers.data import indicator_dict_path


@lru_cache(maxsize=1)
def tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.load_userdict(indicator_dict_path())
    return tok
