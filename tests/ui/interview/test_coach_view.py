"""The coach reads a long answer on a worker thread: typing goes on, and a stale reading is dropped."""

from __future__ import annotations

import threading

import pytest

from fikadesk.ui.interview import coach_view
from fikadesk.ui.interview.coach_view import LONG_ANSWER_CHARS, CoachedAnswer

STATUS = "I just want a bigger salary and a fancy title. "


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The coach waits for this event before it answers on a long text (a short one: at once)."""
    opened = threading.Event()
    real = coach_view.coach

    def gated(text: str, **kwargs):  # type: ignore[no-untyped-def]
        if len(text) >= LONG_ANSWER_CHARS:
            assert threading.current_thread() is not threading.main_thread()
            opened.wait(10)
        return real(text, **kwargs)

    monkeypatch.setattr(coach_view, "coach", gated)
    return opened


def test_a_long_answer_is_read_on_a_worker_while_the_window_goes_on(qtbot, gate: threading.Event) -> None:
    view = CoachedAnswer()
    qtbot.addWidget(view)
    view.editor.setPlainText(STATUS * (LONG_ANSWER_CHARS // len(STATUS) + 1))  # pasted
    qtbot.waitUntil(lambda: view.worker is not None, timeout=2000)  # after the typing pause
    assert view.coach_label.text() == "The coach is reading this long answer…"
    assert view.timing_label.text().startswith("About ")  # the cheap part is there at once
    assert view.worker.is_alive() and view.current == []  # and this test runs: nothing is held
    gate.set()
    qtbot.waitUntil(lambda: bool(view.current), timeout=5000)
    assert "money_status" in {f.code for f in view.current}
    assert view.coach_label.text().startswith("The coach flags ")
    assert view.marked_spans()


def test_a_reading_of_an_answer_changed_since_is_dropped(qtbot, gate: threading.Event) -> None:
    view = CoachedAnswer()
    qtbot.addWidget(view)
    view.editor.setPlainText(STATUS * (LONG_ANSWER_CHARS // len(STATUS) + 1))
    qtbot.waitUntil(lambda: view.worker is not None, timeout=2000)
    worker = view.worker
    short = "Right now I lead payments reliability. Next I want to set direction across teams."
    view.set_text(short)  # the person cut it down while the coach was reading the long one
    kept = list(view.current)
    assert all(f.end <= len(short) for f in kept)
    gate.set()
    worker.join(10)
    qtbot.wait(50)  # the old reading arrives, and is dropped
    assert view.current == kept and view.text() == short
    assert all(end <= len(short) for _start, end in view.marked_spans())
