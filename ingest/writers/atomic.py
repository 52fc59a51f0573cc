"""Files written atomically: a temporary file in the same folder, then a rename, so a killed run
never leaves a half-written output under its final name."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def temp_beside(path: Path) -> str:
    """A new temporary file in ``path``'s folder, with the permissions of an ordinary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(tmp, umask_mode())  # mkstemp makes files private; outputs are ordinary files
    return tmp


def write_text_atomic(path: Path, text: str) -> None:
    tmp = temp_beside(path)
    try:
        Path(tmp).write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
