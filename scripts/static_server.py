"""Serve a built site on loopback the way a static host would: gzip for text, cache headers.

Used by the browser tests, LinkChecker and Lighthouse, so what they measure is what a
GitHub-Pages-like host sends, not an uncompressed development server.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".md", ".map", ".mjs")
GZIP_LEVEL = 6


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; text gzip-compressed when the client accepts it (cached per file)."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do
    compressed: dict[tuple[str, float], bytes] = {}

    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # LinkChecker only lifts its polite 10 requests/s cap for servers that send this header.
        self.send_header("LinkChecker", "local test server")
        # Material's assets carry content hashes; pages must be revalidated.
        immutable = "/assets/" in self.path and not self.path.endswith(".html")
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        super().end_headers()

    def send_head(self):  # noqa: ANN201 (mirrors the standard library)
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the standard redirect to the trailing slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in TEXT or not path.is_file():
            return super().send_head()
        key = (str(path), path.stat().st_mtime)
        body = self.compressed.get(key)
        if body is None:
            body = self.compressed[key] = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on a free loopback port for the duration of the block; yields its URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
