"""OLE2 compound files (.doc, .wps, .xls, .et, and password-protected Office files of any extension)
told apart by their stream names, not by their extension: a workbook is often named .doc and the
reverse."""
from __future__ import annotations

from pathlib import Path

import olefile

from parsers.errors import ParseError

WORD_STREAMS = {"worddocument"}
SHEET_STREAMS = {"workbook", "book"}
ENCRYPTED_STREAMS = {"encryptioninfo", "encryptedpackage"}


def ole_kind(path: Path) -> str:
    """word, sheet, encrypted or unknown, from the OLE2 directory's stream names."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            names = {entry[0].lower() for entry in ole.listdir(streams=True, storages=False) if entry}
    except Exception:  # olefile raises OSError, ValueError, IndexError… for damaged directories
        return "unknown"
    if names & ENCRYPTED_STREAMS:
        return "encrypted"
    if names & WORD_STREAMS:
        return "word"
    if names & SHEET_STREAMS:
        return "sheet"
    return "unknown"


def encrypted_error(what: str) -> ParseError:
    return ParseError(f"recognised as a password-protected Office file ({what}): open it in Word/WPS/Excel, "
                      "remove the password and save it again")
