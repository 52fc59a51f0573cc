"""Readers: one module per kind of file turning bytes into a ``Document`` of blocks. Which reader
reads a file is decided by the format registry (``parsers.formats``), not here."""
