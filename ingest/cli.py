"""Command line: thin commands over the pipeline."""
from __future__ import annotations

import argparse
import builtins
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from ingest import __version__, batch, engines, platform, writers
from ingest.batch import Limits
from ingest.dataset.export import EXCEL_OPTION
from ingest.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_ENVIRONMENT,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    EnvironmentFault,
    Interrupted,
)
from ingest.inputs import ARCHIVE_EXTENSIONS
from ingest.paths import display, json_safe, terminal_safe
from ingest.pipeline import RunOptions
from ingest.progress import BatchProgress, Tally
from ingest.runner import MANIFEST_NAME, RunSettings, run
from parsers import formats

RUN_EXAMPLE = """example:
  ingest run samples/ --out output/
  ingest run archive/2019 archive/2020/notice.pdf --jobs 4
  ingest run /shared/notices --out /shared/tables --engine ray --address ray://head:10001
exit status: 0 every file ingested, 1 some files failed, 2 usage error,
  3 environment error (output folder read-only, in use by another run, or a file; disk full;
  manifest corrupt or of an older version), 130 interrupted (Ctrl-C; a re-run resumes)"""

CHECK_EXAMPLE = """example:
  ingest check draft.docx
  ingest check draft.docx --format html --output report.html
  ingest check archive/2020/* --format sarif --output findings.sarif
exit status: 0 no error-level finding, 1 some error, 2 a file could not be read,
  3 environment error (report cannot be written, disk full), 130 interrupted (Ctrl-C)"""


FAILURES_LISTED = 5  # files named one by one in the summary; beyond, the failures grouped by reason
OCR_MODES = ("auto", "off", "force")
OCR_HELP = ("auto: OCR scans, photos and pages without a usable text layer (default); "
            "off: never OCR; force: OCR every page")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ingest", description="目标责任通知 → Parquet：turn target notices into validated tables.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="ingest files and folders into Parquet tables", epilog=RUN_EXAMPLE,
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         description=f"Ingest notices ({_format_names()}) into documents, targets, "
                                     "indicators, measures and findings tables.")
    run.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders (walked recursively)")
    run.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output/)")
    run.add_argument("--jobs", type=int, default=None,
                     help="parallel workers (default: cores; with --engine ray, the cluster's CPUs)")
    run.add_argument("--password", help="user password for encrypted PDFs")
    run.add_argument("--force", action="store_true", help="re-parse files the manifest already holds")
    run.add_argument("--timeout", type=float, default=Limits.seconds,
                     help=f"seconds one document may take before it is killed (default: {Limits.seconds:g})")
    run.add_argument("--memory-limit", type=int, default=Limits.memory_mb,
                     help=f"MB one worker may use before it is killed (default: {Limits.memory_mb})")
    run.add_argument("--docs-per-worker", type=int, default=Limits.tasks_per_worker,
                     help=f"documents before a worker is recycled (default: {Limits.tasks_per_worker})")
    run.add_argument("--ocr", choices=OCR_MODES, default="auto", help=OCR_HELP)
    run.add_argument("--engine", choices=engines.NAMES, default="local",
                     help="local: worker processes here (default); ray: workers of a Ray cluster "
                          "(pip install 'notice-ingest[ray]'; inputs on a filesystem every node sees)")
    run.add_argument("--address", metavar="ADDR",
                     help="--engine ray: the cluster (ray://HEAD:10001, HEAD:6379 or auto; default: "
                          "RAY_ADDRESS, else a Ray instance on this machine for the run)")
    run.add_argument("--wait", action="store_true",
                     help="if another run holds the output folder, wait for it (default: refuse, exit 3)")
    run.add_argument("--root", type=Path, help="folder the doc_ids' paths are relative to (default: each PATH given)")
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    run.add_argument("--json-summary", action="store_true", help="print the summary as JSON")
    check = sub.add_parser("check", help="validate notices before they are issued", epilog=CHECK_EXAMPLE,
                           formatter_class=argparse.RawDescriptionHelpFormatter,
                           description="Parse notices, run every check and report the findings; writes no tables.")
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    check.add_argument("--format", choices=writers.names(writers.REPORT), default="text",
                       help="report format (default: text)")
    check.add_argument("--output", type=Path, help="write the report here instead of standard output")
    check.add_argument("--password", help="user password for encrypted PDFs")
    check.add_argument("--ocr", choices=OCR_MODES, default="auto", help=OCR_HELP)
    serve = sub.add_parser("serve", help="a local page to drop a notice on and read its report",
                           description="Start a local web page (127.0.0.1): drop or pick notices, read the report, "
                                       "download each Word file with a comment on every finding.")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    serve.add_argument("--data", type=Path, metavar="DIR",
                       help="a dataset folder (the --out of ingest run): also serve its overview page at /overview")
    serve.add_argument("--no-browser", action="store_true", help="do not open the browser")
    compact = sub.add_parser("compact", help="rewrite a dataset's part files into one file per table",
                             description="Rewrite every table's part files into one file per table, atomically "
                                         "(no row dropped; run ids kept).")
    compact.add_argument("out", type=Path, metavar="DIR", help="the output folder of `ingest run`")
    compact.add_argument("--wait", action="store_true", help="wait for a run that holds the folder")
    compact.add_argument("--relative-views", action="store_true",
                         help="notices.duckdb names the parts relative to DIR, for a folder that moves or ships "
                              "(open it with file_search_path=DIR); default: DIR's absolute path")
    export = sub.add_parser("export", help="export the dataset's views (one sheet per view)",
                            description="Write every view of DIR/notices.duckdb as a sheet of an Excel workbook.")
    export.add_argument("out", type=Path, metavar="DIR", nargs="?", default=Path("output"),
                        help="the output folder of `ingest run` (default: output/)")
    export.add_argument(EXCEL_OPTION, dest="workbook", type=Path, required=True, metavar="FILE",
                        help="the Excel workbook to write")
    return parser


def _format_names() -> str:
    return ", ".join(ext for fmt in formats.formats() for ext in fmt.extensions)


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # this process is the command: its own streams, not a caller's
        _printable_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        if args.command == "run":
            if argv is None:  # this process is the command (not code calling main): see _pyarrow_without_pandas
                _pyarrow_without_pandas()
            return cmd_run(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command in ("compact", "export"):
            return cmd_dataset(args)
        if args.command == "serve":
            from ingest.web.app import ServeSettings
            from ingest.web.serve import serve  # the web framework is loaded for this command only

            if args.data is not None and not args.data.is_dir():
                say(f"ingest serve: --data {args.data}: no such folder (give the --out of ingest run)")
                return EXIT_USAGE
            return serve(args.host, args.port, open_browser=not args.no_browser, settings=ServeSettings(data=args.data))
        return EXIT_USAGE
    except EnvironmentFault as exc:
        say(f"ingest: {exc}")
        return EXIT_ENVIRONMENT
    except Interrupted as exc:
        say(f"ingest: interrupted: {exc.done} of {exc.total} documents done, {exc.total - exc.done} left; "
            "the previous tables are untouched; re-run the same command to resume (finished documents are "
            "taken from the manifest)")
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        say("ingest: interrupted; re-run the same command to resume (a half-done commit is finished first)")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`ingest check … | head`): end quietly, as a pipe expects.
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _printable_streams() -> None:
    """A character the output's encoding cannot hold is printed as `?`, not a traceback: a drafter on Windows who sends
    the report to a file (`ingest check 通知.docx > 报告.txt`) writes in the code page (GBK), which has no `•`, and a
    shell in the C locale writes ASCII."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError, OSError):  # not a text stream of its own (a caller's capture)
            pass


def _pyarrow_without_pandas() -> None:
    """pyarrow imports pandas (a third of a second, more than parsing three notices) the first time it
    converts a Python list, only to ask whether the list is a pandas object: the tables never hand it
    one. Told once that pandas is absent, it converts the same lists to the same columns. Done only in
    the command's own process: pyarrow keeps that answer, and a caller of ``main`` may want pandas."""
    if "pandas" in sys.modules:
        return
    blocker = _NoPandas()
    sys.meta_path.insert(0, blocker)
    try:
        import pyarrow as pa

        pa.array([], type=pa.null())  # pyarrow asks for pandas here, is refused, and remembers
    except ImportError:
        pass  # a pyarrow that lets the refusal through: it will simply import pandas later
    finally:
        sys.meta_path.remove(blocker)


class _NoPandas:
    """An import finder that refuses pandas (and only pandas) while it is installed."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def say(line: str, file=None) -> None:
    """One line for a person, with control and bidi characters made visible (a file name cannot
    drive the terminal)."""
    print(terminal_safe(line), file=file or sys.stderr)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python flushes stdout at exit: into /dev/null, not a new error
    except (OSError, ValueError):
        pass


def cmd_check(args) -> int:
    missing = [display(p) for p in args.files if not p.is_file()]
    if missing:
        say(f"ingest: no such file: {', '.join(missing)}")
        return 2
    if args.output is not None and args.output.is_dir():
        raise EnvironmentFault(f"--output {display(args.output)} is a folder: give a file name")
    # One file is parsed in this process, under the same limits a worker has (a drafter's check
    # starts in a fraction of a second, not after a worker's start-up); several go to workers, so one
    # hostile file cannot take the others' reports with it.
    alone = len(args.files) == 1 and args.files[0].suffix.lower() not in ARCHIVE_EXTENSIONS
    settings = RunSettings(jobs=0 if alone else 1, options=RunOptions(password=args.password, ocr=args.ocr,
                                                                      threads=os.cpu_count() or 1))
    sinks = [writers.get(args.format).make(args.output)]
    if not alone:
        summary = run(args.files, settings, sinks)
    else:
        limits = Limits()
        with platform.limits_in_process(limits.seconds, limits.memory_mb, exit_code=2, on_limit=lambda reason: say(
                f"ingest: cannot read {display(args.files[0])}: {reason}")):
            summary = run(args.files, settings, sinks)
    for path, error in summary.failures:
        say(f"ingest: cannot read {path}: {error}")
    for path, reason in summary.skipped:
        say(f"ingest: cannot read {path} ({reason})")
    if summary.failed or summary.skipped:
        return 2
    return 1 if summary.errors else 0


def cmd_run(args) -> int:
    missing = [display(p) for p in args.paths if not p.exists()]
    if missing:
        say(f"ingest: no such file or folder: {', '.join(missing)}")
        return 2
    if args.address and args.engine != "ray":
        say("ingest: --address is for --engine ray")
        return 2
    if (args.jobs is not None and args.jobs < 1) or args.docs_per_worker < 1 or args.timeout <= 0 or args.memory_limit < 64:
        print("ingest: --jobs and --docs-per-worker must be at least 1, --timeout positive, "
              "--memory-limit at least 64 MB", file=sys.stderr)
        return 2
    # A progress line only for a person at a terminal; a log or a pipe gets the summary alone.
    progress = BatchProgress(enabled=sys.stderr.isatty() and not args.quiet and not args.json_summary)
    engine = _engine(args)  # also sets --jobs' default from it
    settings = RunSettings(
        manifest=args.out / MANIFEST_NAME, jobs=args.jobs, force=args.force, engine=engine,
        limits=Limits(seconds=args.timeout, memory_mb=args.memory_limit, tasks_per_worker=args.docs_per_worker),
        options=RunOptions(password=args.password, ocr=args.ocr,
                           threads=max(1, (os.cpu_count() or 1) // max(args.jobs, 1))),  # workers share the cores
        wait=args.wait, root=args.root,
        on_wait=lambda owner: say(f"ingest: waiting for the run that holds {display(args.out)} ({owner})"))
    sinks = [writers.get(name).make(args.out) for name in writers.names(writers.TABLES)]
    try:
        with batch.observe(progress.timing):
            summary = run(args.paths, settings, [*sinks, progress], progress)
    finally:
        engine.close()
        progress.finish()  # the line stays as it stood; what follows (summary, interruption) starts below it
    if args.json_summary:
        print(json_safe(json.dumps(asdict(summary), ensure_ascii=False, indent=2)))
    elif not args.quiet:
        print_summary(summary, progress.tally)
    return 1 if summary.failed else 0


def _engine(args) -> engines.Engine:
    """The engine of --engine (Ray connects here), with --jobs defaulting to its width."""
    engine = engines.make(args.engine, args.address)
    args.jobs = args.jobs or engine.width()
    return engine


def cmd_dataset(args) -> int:
    if not args.out.is_dir():
        say(f"ingest: no such folder: {display(args.out)}")
        return 2
    if args.command == "compact":
        from ingest.dataset.compact import compact

        replaced = compact(args.out, wait=args.wait, relative_views=args.relative_views)
        print(f"compacted: {', '.join(f'{t} ({n} parts)' for t, n in replaced.items()) or 'nothing to do'}")
        return 0
    from ingest.dataset.export import export_xlsx

    sheets = export_xlsx(args.out, args.workbook)
    print(f"{len(sheets)} sheets written to {display(args.workbook)}")
    return 0


def print_summary(s, tally: Tally | None = None) -> None:
    print = _safe_print  # noqa: A001 - every line of the summary goes to a terminal
    print(f"files: {s.files}  ok: {s.ok}  failed: {s.failed}  skipped: {len(s.skipped)}  "
          f"reused from manifest: {s.reused}")
    held = f" (of the documents read now; the {s.held} held keep theirs in the dataset)" if getattr(s, "held", 0) else ""
    print(f"units: {s.units}  targets: {s.targets}  indicator rows: {s.indicators}  findings: {s.findings}{held}")
    if s.run_id:
        added = ", ".join(f"+{n} {name}" for name, n in s.added.items())
        print(f"dataset rows: {added}; {s.unchanged} documents unchanged (already held: not written again)")
    for path, error in s.failures[:FAILURES_LISTED]:
        print(f"  failed: {path}: {error}")
    if len(s.failures) > FAILURES_LISTED:
        print(f"  … and {len(s.failures) - FAILURES_LISTED} more failures (the dataset's documents view lists "
              "every one: status = 'failed')")
    for line in tally.lines() if tally else []:
        print(line)
    for path, reason in s.skipped[:10]:
        print(f"  skipped: {path} ({reason})")
    if len(s.skipped) > 10:
        print(f"  … and {len(s.skipped) - 10} more skipped")
    if s.outputs:
        print(f"tables written to {Path(s.outputs[0]).parent}/")


def _safe_print(text: str) -> None:
    builtins.print(terminal_safe(text))
