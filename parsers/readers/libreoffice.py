"""Convert legacy and foreign office files (.doc, .wps, .rtf, .odt, .xls, .et) with LibreOffice headless.

LibreOffice is a system program, found on PATH or where its installers put it. Each worker process
converts with its own user profile (``-env:UserInstallation``): two conversions sharing a profile
make one of them fail silently. Every conversion runs under a time limit in its own process group,
killed whole when the limit passes (soffice starts soffice.bin as a child). Results are cached by
the content's SHA-256, so a file met again, or under another name, is converted once."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parsers.errors import ParseError
from parsers.fileio import file_sha256

TIMEOUT_SECONDS = 60.0  # below the batch's per-document limit, so the conversion is stopped first
TIMEOUT_ENV = "NOTICE_INGEST_CONVERT_TIMEOUT"
CACHE_ENV = "NOTICE_INGEST_CACHE_DIR"
SOFFICE_ENV = "NOTICE_INGEST_SOFFICE"
PROFILE_MAX_AGE = 7 * 24 * 3600
INSTALL_HINT = ("install LibreOffice to read {what} files (Debian/Ubuntu: apt-get install libreoffice-writer-nogui "
                "libreoffice-calc-nogui; Windows: install from libreoffice.org, or winget install "
                "TheDocumentFoundation.LibreOffice; macOS: brew install --cask libreoffice), or save the file as "
                "{target} and run again")
CANDIDATES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
)


def find_soffice() -> str | None:
    named = os.environ.get(SOFFICE_ENV)
    if named:
        return named if Path(named).exists() or shutil.which(named) else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((c for c in CANDIDATES if Path(c).exists()), None)


def cache_root(given: Path | str | None = None) -> Path:
    """The caller's folder, else $NOTICE_INGEST_CACHE_DIR, else the user's cache folder."""
    if given:
        return Path(given)
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "notice-ingest" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "notice-ingest"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "notice-ingest"


def convert(path: Path, target: str, what: str, cache_dir: Path | str | None = None,
            timeout: float | None = None, suffix: str | None = None) -> Path:
    """``path`` converted to ``target`` ("docx", "xlsx"): the cached file's path. ``what`` names the
    input in messages ("Word 97-2003 .doc"); ``suffix`` is the extension LibreOffice is shown (a
    WPS file holding a Word document converts as .doc)."""
    data_hash = file_sha256(path)
    root = cache_root(cache_dir)
    cached = root / "converted" / f"{data_hash}.{target}"  # content hash: a renamed copy hits the cache
    if cached.is_file() and cached.stat().st_size > 0:
        return cached
    soffice = find_soffice()
    if soffice is None:
        raise ParseError(f"recognised as {what}, but LibreOffice is not installed: "
                         + INSTALL_HINT.format(what=what, target=f".{target}"))
    limit = timeout if timeout is not None else float(os.environ.get(TIMEOUT_ENV) or TIMEOUT_SECONDS)
    cached.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="convert-", dir=root))
    try:
        source = work / f"input{suffix or path.suffix.lower() or '.bin'}"  # a plain name: no option-like or odd names
        shutil.copyfile(path, source)
        out_dir = work / "out"
        out_dir.mkdir()
        _run([soffice, f"-env:UserInstallation={_profile(root).as_uri()}", "--headless", "--invisible",
              "--norestore", "--nolockcheck", "--nodefault", "--nologo", "--convert-to", target,
              "--outdir", str(out_dir), str(source)], limit, what)
        produced = out_dir / f"input.{target}"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise ParseError(f"recognised as {what}, but LibreOffice could not convert it (damaged, encrypted or "
                             f"not really {what}): open it in Word/WPS and save it as .{target}")
        os.replace(produced, cached)
        return cached
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _profile(root: Path) -> Path:
    """One LibreOffice profile per process: concurrent conversions never share one. Profiles
    left by processes long gone (a week unused) are removed, so they do not pile up."""
    profiles = root / "lo-profiles"
    profile = profiles / f"pid-{os.getpid()}"
    if not profile.is_dir():
        profile.mkdir(parents=True, exist_ok=True)
        stale = time.time() - PROFILE_MAX_AGE
        for other in profiles.iterdir():
            try:
                if other != profile and other.stat().st_mtime < stale:
                    shutil.rmtree(other, ignore_errors=True)
            except OSError:
                pass
    os.utime(profile)
    return profile


def _run(command: list[str], limit: float, what: str) -> None:
    kwargs: dict = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    if os.name == "posix":
        kwargs["start_new_session"] = True  # its own process group: killed whole on timeout
    else:
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # soffice's own Python must not see ours
    try:
        proc = subprocess.Popen(command, env=env, **kwargs)
    except OSError as exc:
        raise ParseError(f"recognised as {what}, but LibreOffice could not be started ({exc}): "
                         + INSTALL_HINT.format(what=what, target=".docx")) from exc
    try:
        proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise ParseError(f"recognised as {what}, but LibreOffice did not finish converting it within {limit:g} s "
                         f"(killed): open it in Word/WPS and save it as .docx/.xlsx, or raise "
                         f"{TIMEOUT_ENV}") from None


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # Windows: the whole tree of the started process
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
    except (OSError, ProcessLookupError):
        pass
    try:
        proc.kill()
    except OSError:
        pass
    try:
        proc.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        pass


