"""The page: drop or pick files (or a folder, or a zip), read the report, download each Word file
back with a comment on every finding. Flask (WSGI) because the work is one synchronous parse per
upload, done in an isolated worker; nothing here needs an event loop.

Uploads live in a temporary folder for the length of the request and are deleted after; the
commented copies are kept in memory (a few, newest first) until downloaded or pushed out."""
from __future__ import annotations

import io
import secrets
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, Callable

from flask import Flask, Response, abort, request, send_file

from ingest.batch import Limits
from ingest.runner import RunSettings, run
from ingest.web.uploads import display_name, is_archive, safe_name, unpack
from ingest.writers.docx_comments import commented_copy, commented_name
from ingest.writers.html_report import page
from parsers import formats
from schemas.records import Extraction

WORD_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class ServeSettings:
    max_upload_mb: int = 64  # the whole request: every file of a folder or zip together
    max_files: int = 200
    kept_downloads: int = 32  # commented copies held in memory
    limits: Limits = Limits()  # the batch limits: each file parsed in an isolated worker
    data: Path | None = None  # a dataset folder (ingest run --out): the overview page at /overview
    connect: Callable[[Path], Any] | None = None  # opens the dataset's DuckDB views; None: the dataset's own


class _Collect:
    """A sink that keeps the extractions of one request."""

    def __init__(self):
        self.results: list[Extraction] = []

    def open(self) -> None:
        self.results = []

    def add(self, extraction: Extraction) -> None:
        self.results.append(extraction)

    def close(self, completed: bool = True) -> list[Path]:
        return []


class Downloads:
    """Commented copies by token, newest kept (memory only: nothing of an upload stays on disk)."""

    def __init__(self, keep: int):
        self._keep, self._items, self._lock = keep, OrderedDict(), threading.Lock()

    def put(self, name: str, data: bytes) -> str:
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._items[token] = (name, data)
            while len(self._items) > self._keep:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> tuple[str, bytes] | None:
        with self._lock:
            return self._items.get(token)


def create_app(settings: ServeSettings = ServeSettings()) -> Flask:
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = settings.max_upload_mb * 1024 * 1024
    downloads = Downloads(settings.kept_downloads)
    parse_lock = threading.Lock()  # one parse at a time: the limits are per worker, the machine is the drafter's
    if settings.data is not None:
        from ingest.web.overview import overview_blueprint  # plotly and duckdb for this page only

        app.register_blueprint(overview_blueprint(settings.data, settings.connect))

    @app.get("/")
    def index() -> str:
        return page([], title="通知检查", before=form(settings))

    @app.post("/check")
    def check() -> str:
        uploads = request.files.getlist("files")
        uploads = [u for u in uploads if u.filename]
        if not uploads:
            return page([], title="通知检查", before=form(settings, "请选择要检查的文件。"))
        with tempfile.TemporaryDirectory(prefix="ingest-serve-") as tmp, parse_lock:
            paths, notes = _save(uploads, Path(tmp), settings.max_files)
            if not paths:
                return page([], title="通知检查", before=form(settings, "没有可读取的文件。" + "；".join(notes)))
            collect = _Collect()
            run(paths, RunSettings(jobs=1, limits=settings.limits), [collect])
            tokens = {}
            for k, ex in enumerate(collect.results):
                source = Path(ex.info.source_path)
                data = commented_copy(source, ex) if ex.info.status == "ok" else None
                name = display_name(source)
                if data is not None:
                    tokens[k] = downloads.put(commented_name(Path(name)), data)
                ex.info.source_path = name
        note = ("未读取：" + "；".join(notes)) if notes else ""
        return page(collect.results, title="检查结果", before=form(settings, note),
                    actions=lambda k, ex: _download_button(tokens.get(k)))

    @app.get("/download/<token>")
    def download(token: str) -> Response:
        item = downloads.get(token)
        if item is None:
            abort(404)
        name, data = item
        return send_file(io.BytesIO(data), mimetype=WORD_MIME, as_attachment=True, download_name=name)

    @app.errorhandler(413)
    def too_large(_error) -> tuple[str, int]:
        return page([], title="通知检查", before=form(settings, f"文件过大：一次最多上传{settings.max_upload_mb}MB。")), 413

    return app


def _save(uploads, folder: Path, max_files: int) -> tuple[list[Path], list[str]]:
    """Each upload written under ``folder`` (archives unpacked); the names refused, with why."""
    paths: list[Path] = []
    notes: list[str] = []
    for upload in uploads:
        if len(paths) >= max_files:
            notes.append(f"超过{max_files}个文件，其余未检查")
            break
        target = folder / safe_name(upload.filename, len(paths))
        upload.save(target)
        if is_archive(target):
            members, refused = unpack(target, folder, len(paths) + 1)
            target.unlink()
            paths.extend(members[: max_files - len(paths)])
            notes.extend(f"{name}（格式不支持）" for name in refused)
        elif formats.detect(target) is None and not formats.is_supported(target):
            notes.append(f"{display_name(target)}（格式不支持）")
            target.unlink()
        else:
            paths.append(target)
    return paths, notes


def _download_button(token: str | None) -> str:
    if token is None:
        return ""
    return (f'<p class="actions"><a class="button" id="download-{token[:6]}" href="/download/{token}" '
            'download>下载带批注的Word文件</a></p>')


def form(settings: ServeSettings, note: str = "") -> str:
    message = f'<p class="note">{escape(note)}</p>' if note else ""
    return (FORM_CSS + '<header class="upload"><h1>通知检查</h1>'
            '<form id="upload" method="post" action="/check" enctype="multipart/form-data">'
            '<label id="drop" class="drop">把文件拖到这里，或<u>点击选择文件</u>'
            '<input id="files" type="file" name="files" multiple hidden></label>'
            '<label class="folder">或选择文件夹<input id="folder" type="file" name="files" webkitdirectory hidden></label>'
            f'<span class="hint">支持{escape("、".join(f.label for f in formats.formats()))}，也可上传zip压缩包；'
            f'一次最多{settings.max_upload_mb}MB。文件只在检查时临时保存，检查后即删除。</span>'
            f'<noscript><button type="submit">检查</button></noscript></form>{message}'
            '<p id="busy" hidden>正在检查…</p></header>' + SCRIPT)


FORM_CSS = """<style>
.upload{border-bottom:2px solid #888;padding-bottom:1em}.drop{display:block;border:2px dashed #888;border-radius:8px;
padding:2em;text-align:center;cursor:pointer;margin:.5em 0}.drop.over{background:#eef5ff;border-color:#36c}
.folder{cursor:pointer;color:#36c;text-decoration:underline;margin-right:1em}.hint{color:#666;font-size:.85em}
.note{color:#900}.button{display:inline-block;background:#36c;color:#fff;padding:.4em 1em;border-radius:4px;text-decoration:none}
</style>"""
SCRIPT = """<script>
(function(){
  var form=document.getElementById('upload'),drop=document.getElementById('drop'),busy=document.getElementById('busy');
  function send(){busy.hidden=false;form.submit();}
  document.getElementById('files').addEventListener('change',send);
  document.getElementById('folder').addEventListener('change',send);
  drop.addEventListener('dragover',function(e){e.preventDefault();drop.classList.add('over');});
  drop.addEventListener('dragleave',function(){drop.classList.remove('over');});
  drop.addEventListener('drop',function(e){e.preventDefault();drop.classList.remove('over');
    var input=document.getElementById('files');input.files=e.dataTransfer.files;send();});
})();
</script>"""
