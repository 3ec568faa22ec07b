"""One window per journal: a second launch raises the first; a killed holder's lock is recovered."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fikadesk import app as app_module
from fikadesk.ui.shell.single_instance import SingleInstance, lock_path_for

HOLDER = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QTimer
    from fikadesk.ui.shell.single_instance import SingleInstance
    app = QCoreApplication([])
    guard = SingleInstance(Path(sys.argv[1]))
    late = len(sys.argv) > 2  # a window still starting: the lock now, the answer after its paint
    assert guard.acquire(listen=not late)
    if late:
        QTimer.singleShot(int(sys.argv[2]), guard.listen)
    guard.activation_requested.connect(lambda: print("raised", flush=True))
    print("ready", flush=True)
    QTimer.singleShot(20000, app.quit)
    app.exec()
""")


def _start_holder(journal: Path, *, listen_after_ms: int | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    late = [] if listen_after_ms is None else [str(listen_after_ms)]
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(journal), *late], stdout=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.parametrize("listen_after_ms", [None, 400])
def test_second_launch_asks_the_first_to_come_forward(qapp, journal_path, listen_after_ms):
    """Also while the first window is still starting (400 ms): it takes the lock before its
    first paint and answers only after it, and a second launch in between waits for the answer
    instead of saying "already open"."""
    holder = _start_holder(journal_path, listen_after_ms=listen_after_ms)
    try:
        second = SingleInstance(journal_path)
        assert second.acquire() is False
        assert f"process {holder.pid}" in second.holder()
        assert second.ask_running_to_raise() is True
        assert holder.stdout.readline().strip() == "raised"
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


def test_lock_of_a_killed_process_is_recovered(qapp, journal_path):
    holder = _start_holder(journal_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    assert lock_path_for(journal_path).exists()
    guard = SingleInstance(journal_path)
    assert guard.acquire() is True
    guard.release()
    assert not lock_path_for(journal_path).exists()


@pytest.mark.parametrize("content", [b"", b"\x00garbage" * 20])
def test_window_refuses_a_file_that_is_not_a_journal(qapp, tmp_path, monkeypatch, content):
    bad = tmp_path / "notes.fikadesk"
    bad.write_bytes(content)
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical",
                        lambda parent, title, text: shown.append((title, text)))
    assert app_module.run_gui(bad) == 1
    assert shown and shown[0][0] == "Cannot open the journal"
    assert "is not a fikadesk journal" in shown[0][1]
    assert bad.read_bytes() == content
    assert not lock_path_for(bad).exists()


def test_a_symlink_to_a_journal_open_in_a_window_is_refused_as_already_open(qapp, journal_path,
                                                                           tmp_path):
    shortcut = tmp_path / "shortcut.fikadesk"
    shortcut.symlink_to(journal_path)
    first = SingleInstance(journal_path)
    assert first.acquire()
    try:
        second = SingleInstance(shortcut)
        assert second.acquire() is False
    finally:
        first.release()


def test_a_window_on_a_hard_link_to_an_open_journal_says_why_it_does_not_open(qapp, journal_path,
                                                                             tmp_path, monkeypatch):
    holder = _start_holder(journal_path)
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical",
                        lambda parent, title, text: shown.append((title, text)))
    other_name = tmp_path / "other.fikadesk"
    os.link(journal_path, other_name)
    try:
        from fikadesk.services.container import build_services

        services = build_services(journal_path, create=False)  # the holder's window has it open
        try:
            assert app_module.run_gui(other_name, remembered=False) == 1
        finally:
            services.close()
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    assert shown and shown[0][0] == "Cannot open the journal"
    assert f"is the same journal file as {journal_path}" in shown[0][1]
