"""Start the page on this machine: 127.0.0.1 and a free port unless told otherwise, the browser
opened on it unless ``--no-browser``. The address is printed first, so a script can read it."""
from __future__ import annotations

import sys
import threading
import webbrowser

from werkzeug.serving import make_server

from ingest.web.app import ServeSettings, create_app


def serve(host: str = "127.0.0.1", port: int = 0, open_browser: bool = True,
          settings: ServeSettings = ServeSettings()) -> int:
    server = make_server(host, port, create_app(settings), threaded=True)
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    url = f"http://{shown}:{server.server_port}/" + ("overview" if settings.data is not None else "")
    print(f"ingest serve: {url}  (Ctrl+C 停止)", flush=True)
    if open_browser:
        threading.Timer(0.3, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    print("ingest serve: stopped", file=sys.stderr)
    return 0
