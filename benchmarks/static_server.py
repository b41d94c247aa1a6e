"""The benchmarks' one static file server: a built site on 127.0.0.1, for a browser to load.

Text files (HTML, CSS, JavaScript, JSON, XML, SVG, plain text) are sent gzip-compressed when
the request accepts gzip, as every real host does (GitHub Pages, where the site deploys,
among them); other files (images, fonts, Pagefind's already-compressed index) are sent as
they are. Without this, Lighthouse would charge the pages' stylesheets and scripts at their
raw size.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Content types sent gzip-compressed (besides every ``text/*``).
COMPRESSED_TYPES = frozenset(
    {
        "application/javascript",
        "application/json",
        "application/manifest+json",
        "application/xml",
        "image/svg+xml",
        "text/javascript",
    }
)


def accepts_gzip(header: str | None) -> bool:
    """Whether an ``Accept-Encoding`` value allows gzip (``gzip;q=0`` refuses it)."""
    for part in (header or "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            name, _, value = params.partition("=")
            if name.strip().lower() != "q":
                return True
            try:
                return float(value) > 0
            except ValueError:
                return False
    return False


def compressible(content_type: str) -> bool:
    """Whether a file of ``content_type`` is sent gzip-compressed."""
    kind = content_type.split(";")[0].strip().lower()
    return kind.startswith("text/") or kind in COMPRESSED_TYPES


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """The file gzipped at level 6 (what web servers use), once per version of the file."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request, text gzipped when the client accepts it."""

    def do_GET(self) -> None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if not (
            os.path.isfile(path)
            and compressible(content_type)
            and accepts_gzip(self.headers.get("Accept-Encoding"))
        ):
            super().do_GET()
            return
        body = _gzipped(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port); yield the base URL (ending in ``/``)."""
    handler = functools.partial(_Handler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
