"""Lexicons shipped with the package: header synonyms, unit suffixes and types, units of measure,
the words around a value. Keys starting with ``_`` are comments."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """A JSON lexicon without its comment keys."""
    data = json.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def header_synonyms() -> dict[str, list[str]]:
    return load_json("header_synonyms.json")


def measure_words() -> dict:
    return load_json("measure_words.json")


def unit_types() -> dict:
    return load_json("unit_types.json")


@lru_cache(maxsize=None)
def unit_suffixes() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("unit_suffixes.txt").read_text("utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted(words, key=len, reverse=True))


def measure_units() -> dict:
    return load_json("measure_units.json")


@lru_cache(maxsize=None)
def unit_aliases() -> dict[str, str]:
    """Any known name (canonical included) → the canonical name."""
    mapping = {}
    for canonical, aliases in load_json("unit_aliases.json").items():
        mapping[canonical] = canonical
        mapping.update({alias: canonical for alias in aliases})
    return mapping


def indicator_dict_path() -> str:
    return str(resources.files(__package__).joinpath("indicator_dict.txt"))
