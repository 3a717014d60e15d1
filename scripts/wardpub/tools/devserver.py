"""A small static server for tests and benchmarks: the built site under a
sub-path, compressed like production.

Owns `serve_site`, which serves a folder at http://127.0.0.1:<port>/<prefix>/
with gzip for text (as the nginx configuration does), the site's own 404
page in the reader's language (en/404.html under en/, as nginx serves it), and
nothing outside the folder. It runs in a background thread.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml", "application/rss+xml", "application/feed+json")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("application/rss+xml", ".rss")


class SiteHandler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, **kwargs):
        self.root = root
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, *args):  # quiet: tests read their own output
        pass

    def _resolve(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        target = (self.root / path[len(self.prefix):]).resolve()
        if not target.is_relative_to(self.root):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def do_GET(self):
        target = self._resolve()
        status = HTTPStatus.OK
        if target is None:
            path = urlsplit(self.path).path
            if path.startswith(self.prefix) and not path.endswith("/") and (self.root / path[len(self.prefix):]).is_dir():
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.end_headers()
                return
            # The not-found page of the language the address is in: English under en/.
            relative = path[len(self.prefix):] if path.startswith(self.prefix) else ""
            language_404 = self.root / relative.split("/", 1)[0] / "404.html" if "/" in relative else None
            target = language_404 if language_404 is not None and language_404.is_file() else self.root / "404.html"
            status = HTTPStatus.NOT_FOUND
            if not target.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
        body = target.read_bytes()
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "javascript")) else ""))
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_site(root: Path, prefix: str = "/nq71/"):
    """Yield the base URL (ending in the prefix) of root served on a free port."""
    handler = partial(SiteHandler, root=Path(root).resolve(), prefix=prefix)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
