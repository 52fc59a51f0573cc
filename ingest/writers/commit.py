"""A set of output files made visible together: stage, journal, move, forget.

A run writes every output file into a staging folder (``.staging-<run_id>/``). To commit, it writes
a journal (``.commit.json``: the run id and every staged → final name) to a temporary file and
renames it into place (one atomic step: this is the commit point), moves each staged file onto its
final name, then removes the journal and the staging folder. Every entry point that opens the folder
(``ingest run``, ``read_tables``) first calls ``recover``: a journal found there is rolled forward (the
moves it lists are finished), and staging folders without a journal (runs that died before their
commit point) are removed. So whatever the moment a run dies at, the next reader sees the old set or
the new set, never a mix. The mechanism knows nothing of table names: the dataset's part files
(``ingest.dataset.layout``) are one more list of names, and a compaction adds names to remove
(``remove``: parts it replaced), done after the moves. Every row also carries its run id."""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path

from ingest import platform
from ingest.errors import EnvironmentFault

JOURNAL = ".commit.json"
STAGING_PREFIX = ".staging-"
# Test hook: the process kills itself (as SIGKILL would) at this step of a commit (1-based).
KILL_AT_STEP_ENV = "INGEST_TEST_KILL_AT_COMMIT_STEP"


def new_run_id() -> str:
    """A run id that sorts by start time (to the microsecond: two runs in one second keep their order; runs
    on one folder are serialised by its lock), with a random suffix."""
    now = time.time_ns() // 1000
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 1_000_000))
    return f"{stamp}.{now % 1_000_000:06d}Z-{uuid.uuid4().hex[:8]}"


class _Steps:
    def __init__(self) -> None:
        target = os.environ.get(KILL_AT_STEP_ENV, "")
        self.kill_at = int(target) if target.isdigit() else 0
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        if self.count == self.kill_at:
            platform.kill_self()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder to flush it; renames there are journaled by NTFS
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


class Staging:
    """The files one run will publish into ``out``, written first under ``folder``."""

    def __init__(self, out: Path, run_id: str):
        self.out, self.run_id = out, run_id
        self.folder = out / f"{STAGING_PREFIX}{run_id}"
        self._names: list[str] = []
        self.remove: list[str] = []  # names in ``out`` to delete once the new files are in place

    def open(self) -> None:
        self.folder.mkdir(parents=True)

    def path(self, name: str) -> Path:
        """Where to write the file that will be published as ``out/name``."""
        self._names.append(name)
        staged = self.folder / name
        staged.parent.mkdir(parents=True, exist_ok=True)
        return staged

    def commit(self) -> list[Path]:
        step = _Steps()
        for name in self._names:
            _fsync_file(self.folder / name)
        step()  # 1: every file staged
        journal = {"run_id": self.run_id, "staging": self.folder.name,
                   "files": [[f"{self.folder.name}/{n}", n] for n in self._names], "remove": self.remove}
        tmp = self.out / (JOURNAL + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(journal, fh)
            fh.flush()
            os.fsync(fh.fileno())
        step()  # 2: journal written, not yet in place
        os.replace(tmp, self.out / JOURNAL)
        _fsync_dir(self.out)
        step()  # 3: committed (the journal is in place)
        _roll_forward(self.out, journal, step)
        return [self.out / n for n in self._names]

    def abort(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _roll_forward(out: Path, journal: dict, step=lambda: None) -> None:
    for staged, final in journal["files"]:
        source = out / staged
        if source.exists():  # already moved by the run that died, or by an earlier recovery
            (out / final).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, out / final)
        step()  # 4..: one file moved
    for name in journal.get("remove", []):
        (out / name).unlink(missing_ok=True)
    _fsync_dir(out)
    (out / JOURNAL).unlink(missing_ok=True)
    step()  # journal removed
    shutil.rmtree(out / journal["staging"], ignore_errors=True)
    step()  # staging folder removed


def _journal_is_sane(staging, files) -> bool:
    """Every move stays inside the output folder: from the run's staging folder to a plain relative name."""
    if not isinstance(staging, str) or not staging.startswith(STAGING_PREFIX) or "/" in staging or ".." in staging:
        return False
    for entry in files:
        if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
            return False
        staged, final = entry
        if not staged.startswith(staging + "/") or any(".." in x.split("/") or x.startswith(("/", "\\")) or ":" in x
                                                       for x in entry):
            return False
    return True


def _removals_are_sane(names) -> bool:
    """Only part files inside the output folder may be removed."""
    return isinstance(names, list) and all(
        isinstance(n, str) and n.endswith(".parquet") and not n.startswith(("/", "\\", "."))
        and ".." not in n.split("/") and ":" not in n for n in names)


def recover(out: Path) -> str | None:
    """Finish a commit a killed run left half done and drop what runs that never committed staged.
    Call it holding the folder's lock. Returns the run id rolled forward, if any."""
    if not out.is_dir():
        return None
    rolled = None
    journal_path = out / JOURNAL
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_text("utf-8"))
            files, staging = journal["files"], journal["staging"]
        except (ValueError, KeyError, TypeError) as exc:
            raise EnvironmentFault(f"commit journal {journal_path} is unreadable ({exc}): it is only ever renamed "
                                   "into place whole, so something else wrote it; remove it and re-run") from None
        remove = journal.get("remove", [])
        if not _journal_is_sane(staging, files) or not _removals_are_sane(remove):
            raise EnvironmentFault(f"commit journal {journal_path} names files outside its folder; remove it and re-run")
        _roll_forward(out, {"files": files, "staging": staging, "remove": remove})
        rolled = journal.get("run_id")
    for folder in out.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(folder, ignore_errors=True)
    (out / (JOURNAL + ".tmp")).unlink(missing_ok=True)
    return rolled


def read_tables(out: Path, names=None, wait: bool = True, history: bool = False) -> dict:
    """The dataset in an output folder as Arrow tables, one per table name: every part concatenated and
    kept to the latest version of each document (``current.parquet``; ``history=True`` keeps every
    version); ``runs`` whole. Takes the folder's lock (so no commit is half done while it reads) and
    finishes a commit a killed run left first."""
    import pyarrow.compute as pc

    from ingest.dataset import layout
    from ingest.lock import OutputLock
    from schemas.parquet import DATASET_TABLES

    with OutputLock(out, wait=wait):
        recover(out)
        current = layout.read_current(out)
        tables = {name: layout.read_parts(out, name) for name in (names or DATASET_TABLES)}
    if history:
        return tables
    keys = pc.binary_join_element_wise(current["doc_id"], current["run_id"], "\x00")
    for name, table in tables.items():
        if name != "runs" and table.num_rows:
            mask = pc.is_in(pc.binary_join_element_wise(table["doc_id"], table["run_id"], "\x00"), value_set=keys)
            tables[name] = table.filter(mask)
    return tables


def read_table(out: Path, name: str, **options):
    """One table of the dataset (see ``read_tables``)."""
    return read_tables(out, [name], **options)[name]
