"""Table header cells → canonical column names, by synonyms shipped as data."""
from __future__ import annotations

import regex

from parsers.data import header_synonyms, unit_suffixes
from parsers.textnorm import halfwidth, no_space

BRACKETED = regex.compile(r"[（(][^）)]*[）)]")  # `（%）` in `2022年二季度目标（%）`


def normalize_header(cell: str) -> str:
    return BRACKETED.sub("", no_space(halfwidth(cell or "")))


def map_header(cells: list[str]) -> dict[int, str]:
    """Column index → canonical name; the longest synonym a header contains wins, and each
    canonical name goes to its first column."""
    synonyms = sorted(((s, field) for field, words in header_synonyms().items() for s in words),
                      key=lambda sf: len(sf[0]), reverse=True)
    mapping: dict[int, str] = {}
    for index, cell in enumerate(cells):
        header = normalize_header(cell)
        if not header:
            continue
        for synonym, field in synonyms:
            if synonym in header:
                if field not in mapping.values():
                    mapping[index] = field
                break
    return mapping


def looks_like_unit(name: str) -> bool:
    name = no_space(name)
    return len(name) >= 2 and name.endswith(unit_suffixes())
