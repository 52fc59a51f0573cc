"""Lexicons shipped with the package: header synonyms, unit suffixes."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def header_synonyms() -> dict[str, list[str]]:
    data = json.loads(resources.files(__package__).joinpath("header_synonyms.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def unit_suffixes() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("unit_suffixes.txt").read_text("utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def measure_units() -> dict:
    data = json.loads(resources.files(__package__).joinpath("measure_units.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=None)
def unit_aliases() -> dict[str, str]:
    """Any known name (canonical included) → the canonical name."""
    data = json.loads(resources.files(__package__).joinpath("unit_aliases.json").read_text("utf-8"))
    mapping = {}
    for canonical, aliases in data.items():
        if canonical.startswith("_"):
            continue
        mapping[canonical] = canonical
        mapping.update({alias: canonical for alias in aliases})
    return mapping


def indicator_dict_path() -> str:
    return str(resources.files(__package__).joinpath("indicator_dict.txt"))
