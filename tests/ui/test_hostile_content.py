"""Hostile entry text stays inert in the entry preview, the briefs' print preview and the PDF:
a canary web server on a free loopback port must receive no request, and no local file named
in the text is loaded."""

from __future__ import annotations

import base64
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.ui.briefs.dialog import BriefDialog
from fikadesk.ui.briefs.pdf import PrintDocument, export_pdf
from fikadesk.ui.briefs.printing import make_print_preview

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
                       "hKmMIQAAAABJRU5ErkJggg==")


class Canary:
    """A web server on a free loopback port that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        seen = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                seen.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()
                self.wfile.write(PNG)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def canary() -> Iterator[Canary]:
    server = Canary()
    # the canary works: a real request is seen (so "no request" below means something)
    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/probe", timeout=5) as answer:
        assert answer.status == 200
    assert server.requests == ["/probe"]
    server.requests.clear()
    yield server
    server.close()


def hostile(port: int, local_png: Path) -> str:
    return (f"Led the launch <img src=http://127.0.0.1:{port}/x> with care\n\n"
            f"![](http://127.0.0.1:{port}/y)\n\n"
            f"![local]({local_png.as_uri()}) and <img src=\"{local_png.as_uri()}\">\n\n"
            "[passwords](file:///etc/passwd)\n\n"
            f"<script>fetch('http://127.0.0.1:{port}/s')</script>\n\n"
            f"<iframe src=\"http://127.0.0.1:{port}/f\"></iframe>")


def _no_image_loaded(document: QTextDocument, local_png: Path, port: int) -> None:
    for url in (local_png.as_uri(), f"http://127.0.0.1:{port}/x", f"http://127.0.0.1:{port}/y"):
        loaded = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert loaded is None or (hasattr(loaded, "isNull") and loaded.isNull()), url


def test_hostile_text_is_inert_in_preview_print_preview_and_pdf(
        qtbot, window, tmp_path: Path, canary: Canary, monkeypatch: pytest.MonkeyPatch) -> None:
    local_png = tmp_path / "canary.png"
    local_png.write_bytes(PNG)
    text = hostile(canary.port, local_png)
    entry = window.services.journal.add(EntryDraft(
        day=date(2026, 11, 2), title=f"Shipped <img src=http://127.0.0.1:{canary.port}/t>",
        body=text, impact=text, starred=True))

    # 1. the entry preview in the Journal tab
    tab = window.journal_tab
    tab.reload()
    tab.show_entry(entry.id)
    tab.editor.body_tabs.setCurrentIndex(1)
    preview = tab.editor.preview
    qtbot.wait(300)
    assert "<script>" in preview.toPlainText()  # shown as the text it is
    _no_image_loaded(preview.document(), local_png, canary.port)

    # 2. the Briefs window's preview and its print preview (laid out and painted)
    dialog = BriefDialog.open_for(window, window.services)
    qtbot.waitExposed(dialog)
    assert f"127.0.0.1:{canary.port}" in dialog.markdown  # the hostile text reached the brief
    _no_image_loaded(dialog.preview.document(), local_png, canary.port)
    shown = []

    def preview_without_loop(parent, markdown_text, title, images=None):  # type: ignore[no-untyped-def]
        shown.append(make_print_preview(parent, markdown_text, title, images))
        shown[-1].show()

    monkeypatch.setattr(BriefDialog, "run_print_preview", classmethod(
        lambda _cls, *args: preview_without_loop(*args)))
    dialog.print_brief()
    assert shown
    qtbot.waitExposed(shown[0])
    qtbot.wait(500)
    shown[0].close()
    document = PrintDocument(dialog.markdown, "Promotion case")
    _no_image_loaded(document, local_png, canary.port)

    # 3. the PDF
    pdf = tmp_path / "brief.pdf"
    export_pdf(dialog.markdown, "Promotion case", pdf)
    assert pdf.stat().st_size > 0
    if shutil.which("pdfimages"):  # poppler-utils: no picture got into the PDF
        listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                                check=True).stdout.splitlines()
        assert len(listed) == 2, listed  # the two header lines, no image
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout
        assert "<script>" in words  # the script is printed as text, never run
    dialog.close()
    qtbot.wait(200)
    assert canary.requests == []
