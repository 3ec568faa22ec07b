"""One window per journal: a lock file beside the journal and a local socket to raise the window.

Both are named after the journal's resolved path, so a symlink (to the file or to a folder above
it) finds the window already open; a hard link, a second name SQLite would treat as another
file, is refused when the services claim the file (``storage.journal_lock``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork loads after the window's first paint (listen) or for a second launch
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE_REQUEST = b"raise\n"
RAISE_ANSWER = b"ok\n"
RETRY_S = 0.05  # between requests to a window that holds the lock but does not answer yet


def lock_path_for(journal: Path) -> Path:
    real = Path(os.path.realpath(journal))
    return real.with_name(real.name + ".lock")


def server_name_for(journal: Path) -> str:
    """The local socket name of the window open on ``journal`` (the same for every name of it)."""
    import hashlib

    digest = hashlib.sha256(os.path.realpath(journal).encode()).hexdigest()[:20]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return f"fikadesk-{uid}-{digest}"


class SingleInstance(QObject):
    """Holds the journal's lock while the window is open and answers requests to show it."""

    activation_requested = Signal()

    def __init__(self, journal: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._lock = QLockFile(str(lock_path_for(journal)))
        self._lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
        self._server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        """Take the lock (recovering one left by a killed process); False if another holds it.

        With ``listen`` False the window's answer to a second launch starts later, with
        :meth:`listen` (the lock alone already keeps a second window off this journal).
        """
        if not self._lock.tryLock(0):
            return False
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer a second launch's request to bring this window to the front."""
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None:
            return
        server = QLocalServer(self)
        QLocalServer.removeServer(server_name_for(self.journal))
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_server_new_connection)
        server.listen(server_name_for(self.journal))
        self._server = server

    def holder(self) -> str:
        info = self._lock.getLockInfo()  # (pid, hostname, application name)
        if not info or not info[0]:
            return "another program"
        pid, host = info[0], info[1]
        return f"process {pid}" + (f" on {host}" if host else "")

    def ask_running_to_raise(self, timeout_ms: int = 2000) -> bool:
        """Ask the window that holds the lock to come to the front; True if it answered.

        A window takes the lock before its first paint and answers only after it (a few hundred
        ms later on a slow start), so while the lock is held and nobody answers yet, the request
        is tried again until ``timeout_ms``.
        """
        import time

        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            socket = QLocalSocket()
            socket.connectToServer(server_name_for(self.journal))
            if socket.waitForConnected(max(1, int((deadline - time.monotonic()) * 1000))):
                break
            if time.monotonic() >= deadline or not self._held_by_another():
                return False
            time.sleep(RETRY_S)
        socket.write(RAISE_REQUEST)
        socket.waitForBytesWritten(timeout_ms)
        answered = socket.waitForReadyRead(timeout_ms) and bytes(socket.readAll().data()) == RAISE_ANSWER
        socket.disconnectFromServer()
        return answered

    def _held_by_another(self) -> bool:
        """True while another process still holds the journal's lock."""
        probe = QLockFile(self._lock.fileName())
        probe.setStaleLockTime(0)
        if probe.tryLock(0):
            probe.unlock()
            return False
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            socket.write(RAISE_ANSWER)
            socket.flush()
            self.activation_requested.emit()
