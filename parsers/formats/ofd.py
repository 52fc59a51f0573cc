"""OFD (GB/T 33190), the national format for electronic official documents: a zip holding
``OFD.xml``."""
from __future__ import annotations

from parsers.formats import register
from parsers.formats.base import Format, Probe


def _sniff(p: Probe) -> bool:
    return p.zip_members is not None and any(m.lstrip("/").lower() == "ofd.xml" for m in p.zip_members)


FORMAT = register(Format(
    name="ofd", extensions=(".ofd",), label="OFD", priority=10, sniff=_sniff,
    read=lambda path, source, options: _read(path, source)))


def _read(path, source):
    from parsers.readers.ofd_reader import read_ofd  # its layout stack loads only for an OFD file

    return read_ofd(path, source)

