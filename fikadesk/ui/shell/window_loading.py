"""What the window shows and does before the journal is open: tab skeletons and the opening thread.

The window paints before the data layer is imported; the journal is opened on a worker thread
(imports, migrations, the quick integrity check) and the result is handed back by a signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

# The four areas in the order of the tab bar: (area, tab label). A tab's widget is named
# ``<area>_tab`` (the name the window state remembers the last-used tab by).
TAB_AREAS: tuple[tuple[str, str], ...] = (
    ("target", "&Target"), ("journal", "&Journal"), ("plan", "&Plan"), ("interview", "I&nterview"))

LOADING_TEXT = "Opening your journal…"


class LoadingPage(QWidget):
    """Stands in for a tab until it is built and filled: says the journal is being opened.

    It is never an empty state: a journal with entries shows this until its list is read.
    """

    def __init__(self, area: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        self.tab_name = f"{area}_tab"
        self.setObjectName(f"{area}_loading")
        self.setAccessibleName("Opening the journal")
        # Our own words, no markup: no text format to set (Qt's namespace loads after the paint).
        self.label = QLabel(LOADING_TEXT)
        self.label.setObjectName(f"{area}_loading_label")
        self.label.setEnabled(False)  # drawn in the muted colour of the platform
        grid = QGridLayout(self)  # centred: stretchable rows and columns around the one cell
        grid.addWidget(self.label, 1, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(2, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)


class JournalOpener(QObject):
    """Runs ``open_journal`` on a worker thread; ``opened`` or ``failed`` arrive on the UI thread.

    ``open_journal`` builds the services (it may import the data layer, migrate and check the
    file); it must not touch Qt widgets. The result is passed back through a queued signal.
    """

    opened = Signal(object)
    failed = Signal(object)
    _finished = Signal()  # emitted on the worker thread, received on the opener's (UI) thread

    def __init__(self, open_journal: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = open_journal
        self._thread: threading.Thread | None = None
        self.result: Any = None  # what ``open_journal`` returned, once it has
        self.error: Exception | None = None
        # A bound method of this object (which lives on the UI thread): the call is queued there.
        self._finished.connect(self._report)

    def start(self) -> None:
        """Start opening; returns at once."""
        self._thread = threading.Thread(target=self._run, name="fikadesk-open-journal", daemon=False)
        self._thread.start()

    def wait(self) -> None:
        """Block until the worker has finished (used when the window closes while it opens)."""
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            self.result = self._open()
        except Exception as exc:  # noqa: BLE001 - every failure is reported on the UI thread
            self.error = exc
        self._finished.emit()

    def _report(self) -> None:
        if self.error is not None:
            self.failed.emit(self.error)
        else:
            self.opened.emit(self.result)


def after_first_paint(widget: QWidget, then: Callable[[], object], latest_ms: int = 1000) -> None:
    """Call ``then`` once, just after ``widget`` first paints (or after ``latest_ms``, if it never
    does: a window started minimised still opens its journal)."""
    state = {"done": False}

    def run() -> None:
        if not state["done"]:
            state["done"] = True
            widget.removeEventFilter(watcher)
            then()

    class _Watcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, run)  # after this paint is on the screen
            return False

    watcher = _Watcher(widget)
    widget.installEventFilter(watcher)
    QTimer.singleShot(latest_ms, run)
