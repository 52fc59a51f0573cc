"""The issuer of a document without a 版头 (a 附件 table on its own), where the document says it in general
terms, tried in order:

- ``heading``: a table heading, or the document's own title, that opens with a jurisdiction (`某某县2022年…指标分解表` → 某某县): a name
  ending in a prefecture- or county-level division (``parsers/data/divisions.txt``, with a province or city
  before it), or one of the form ``unit_types.json`` gives county-level units (`某某镇`);
- ``prepared_by``: the unit a `制表单位：`/`填报单位：`/`编制单位：` line names (read by the parser);
- ``folder``: the name of the folder the file lies in, when it is issuer-like (a jurisdiction, or an office
  such as `某某市发改委`).

The words (labels, where a heading's jurisdiction ends, collective prefixes, office endings) are in
``parsers/data/issuer_sources.json``; no name of any one place is."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from parsers.textnorm import halfwidth, no_space
from schemas.records import Extraction

ARCHIVE_SEPARATOR = "!/"
_CJK = re.compile(r"^[\u3400-\u9fff（）()]+$")
_UPPER_LEVEL = ("省", "自治区", "市", "州", "盟")  # what may stand before a division's name: 甘肃省某某市


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    from parsers.data import load_json, unit_types

    words = load_json("issuer_sources.json")
    county = next(r["pattern"] for r in unit_types()["name"] if r["type"] == "county_area" and "pattern" in r)
    ends = re.search(r"\(\?:([^()]*)\)\$$", county)  # the pattern's endings: 县|区|…|开发区
    return {**words, "break": re.compile(words["heading_break"]), "county": re.compile(county),
            "county_ends": sorted(ends.group(1).split("|") if ends else [], key=len, reverse=True)}


def is_jurisdiction(name: str) -> bool:
    """A prefecture- or county-level division (with the levels above it), or a name of the county-level
    form, never a collective (全市, 各县区)."""
    from ingest.checks.names import divisions

    words = _vocabulary()
    if len(name) < 2 or not _CJK.match(name) or name.startswith(tuple(words["collective_prefixes"])):
        return False
    known = divisions().prefecture
    if name in known or any(name[i:] in known and name[:i].endswith(_UPPER_LEVEL) for i in range(2, len(name) - 2)):
        return True
    ending = next((e for e in words["county_ends"] if name.endswith(e)), "")
    # a name of the form, with a name before its ending (开发区 alone is no place)
    return bool(words["county"].match(name)) and len(name) - len(ending) >= 2


def _office_of_jurisdiction(name: str) -> bool:
    """An office named with its jurisdiction (某某市发展和改革委员会, 某某市环境卫生管理处): any ending a body signs
    with."""
    return name.endswith(tuple(_vocabulary()["closing_ends"])) and any(
        is_jurisdiction(name[:i]) for i in range(2, len(name) - 1))


def heading_jurisdiction(heading: str) -> str | None:
    """The jurisdiction a table heading opens with, up to its year or period (`某某县2022年…` → 某某县)."""
    text = no_space(halfwidth(heading))
    found = _vocabulary()["break"].search(text)
    if found is None:
        return None
    prefix = text[:found.start()]
    return prefix if is_jurisdiction(prefix) or _office_of_jurisdiction(prefix) else None


def issuer_like_folder(name: str) -> bool:
    ends = tuple(_vocabulary()["issuer_ends"])
    return is_jurisdiction(name) or (
        len(name) >= 3 and bool(_CJK.match(name)) and name.endswith(ends)
        and not name.startswith(tuple(_vocabulary()["collective_prefixes"]))
        and not any(name == end for end in ends))


def folder_name(source: str) -> str:
    """The folder a file lies in: inside an archive, the member's folder, else the archive's."""
    outer, _, inner = source.partition(ARCHIVE_SEPARATOR)
    if inner and Path(inner).parent.name:
        return Path(inner).parent.name
    return Path(os.path.abspath(outer)).parent.name


def infer_issuer(ex: Extraction) -> tuple[str | None, str | None]:
    """(issuer, issuer_source) of a document without a 版头: ``heading``, ``prepared_by``, ``folder`` or nothing."""
    info = ex.info
    headings = dict.fromkeys(r.table_title for r in ex.indicators if r.table_title)
    # the document's own title too (`某某县交通运输局2020年…考核细则`), where it is no notice's (关于…: its issuer
    # would stand before 关于 and was read there)
    own = [info.title] if info.title and info.metadata_source in ("attachment", "header") else []
    for heading in [*headings, *own]:
        found = heading_jurisdiction(heading)
        if found:
            return found, "heading"
    if info.prepared_by:
        return info.prepared_by, "prepared_by"
    folder = folder_name(info.source_path)
    if issuer_like_folder(folder):
        return folder, "folder"
    return None, None
