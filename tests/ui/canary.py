"""Canaries for inert text: a watched image file (inotify sees any open) and a loopback server."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

IN_ACCESS, IN_OPEN, IN_NONBLOCK = 0x1, 0x20, 0o4000
_EVENT = struct.Struct("iIII")


def _one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


class FileCanary:
    """Files in a watched folder; ``opened()`` lists the names any process opened since the start."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        png = _one_pixel_png()  # a real image, so a reader that gets that far would load it
        for name in ("canary.png", "other.png"):
            (folder / name).write_bytes(png)
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        self._fd = libc.inotify_init1(IN_NONBLOCK)
        assert self._fd >= 0, os.strerror(ctypes.get_errno())
        assert libc.inotify_add_watch(self._fd, str(folder).encode(), IN_OPEN | IN_ACCESS) >= 0
        self.seen: list[str] = []

    @property
    def image(self) -> Path:
        return self.folder / "canary.png"

    def opened(self) -> list[str]:
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return self.seen
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, size = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size: offset + _EVENT.size + size].rstrip(b"\0").decode()
                self.seen.append(name or ".")
                offset += _EVENT.size + size

    def close(self) -> None:
        os.close(self._fd)


class LoopbackCanary:
    """An HTTP server on 127.0.0.1 that counts every request made to it."""

    def __init__(self) -> None:
        canary = self
        self.requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                canary.requests.append(self.path)
                self.send_response(404)
                self.end_headers()

            def log_message(self, *_args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
