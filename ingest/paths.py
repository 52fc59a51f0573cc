"""Names as the OS gives them, and text as a terminal may show it.

A file name need not be valid in any encoding (GBK bytes from a Windows zip, under Linux, arrive as a
``str`` with surrogate escapes). Such a name is read as it is, shown with replacement characters
(``display``), stored losslessly as bytes (``raw``: the ``documents.source_path_bytes`` column) and
hashed from those bytes; it never reaches an encoder that would raise."""
from __future__ import annotations

import os
import re
from pathlib import Path

# C0 controls (but newline and tab), DEL, C1 controls, and the format characters that reorder or hide
# text on a terminal (bidi embeddings, overrides and isolates, zero-width characters).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def raw(path: Path | str) -> bytes:
    """The name's bytes as the OS holds them."""
    return os.fsencode(path)


def display(path: Path | str) -> str:
    """The name as valid Unicode: bytes that are not text become U+FFFD (lossy: for people and for
    string columns; ``raw`` keeps the exact name)."""
    text = os.fspath(path)
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return os.fsencode(text).decode("utf-8", "replace")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """Text for a terminal: control, ESC, C1 and bidi/zero-width characters written as visible escapes,
    so a file name or a clause cannot move the cursor, recolour the screen or reorder a line."""
    text = display(text)
    return UNSAFE.sub(lambda m: _escape(m.group()), text)


def json_safe(text: str) -> str:
    """JSON text with C1 and bidi characters as \\u escapes (json.dumps already escapes C0)."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
