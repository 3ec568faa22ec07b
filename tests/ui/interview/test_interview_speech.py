"""Spoken rehearsal in the window: a take from a recorded file through the microphone's pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fikadesk.domain.interview.records import Answer
from fikadesk.domain.preferences import Preferences
from fikadesk.services.container import Services
from fikadesk.services.interview import speech as speech_module
from fikadesk.services.interview import speech_capture
from fikadesk.services.interview.speech_capture import FileSource, SourceError, TakeRecorder
from fikadesk.ui.interview.rehearsal import RehearsalWindow
from fikadesk.ui.interview.takes import TakeHistoryDialog
from tests.speech_takes import STORY

LEFT_OUT = "I traced the failures to a slow database query and rewrote it with the team."


def _story(services: Services) -> Answer:
    return services.interview.save_answer(
        Answer(None, "own-fix", "Tell me about a fix", "story", None, STORY))


def _window(qtbot, services: Services, answers: list[Answer], sources=None) -> RehearsalWindow:
    window = RehearsalWindow(services.interview, answers, Preferences(), services.now,
                             speech=services.speech, sources=sources)
    qtbot.addWidget(window)
    window.confirm_discard = lambda: True
    window.resize(1100, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_recorded_take_is_measured_shown_saved_and_charted(qtbot, services: Services,
                                                            spoken_takes: dict[str, Path]) -> None:
    answer = _story(services)
    window = _window(qtbot, services, [answer], lambda: FileSource(spoken_takes["story_missing"]))
    assert window.voice.record_check.isEnabled()
    window.voice.record_check.setChecked(True)
    window.teleprompter_radio.setChecked(True)
    window.start_button.click()
    assert window.voice.recording and window.voice.state_label.text().startswith("\u25cf Recording")
    assert window.voice.meter.value() > 0  # the level meter moved with the voice (read as the take starts)
    window.tick()
    assert window.voice.meter.value() == 0  # nothing came in since
    window.done_button.click()
    assert window.pages.currentIndex() == 2
    result = window.voice.result
    assert result.isVisible() and window.voice.measuring  # measured a slice at a time, window live
    assert result.measuring_label.text().startswith("Measuring your take on this computer")
    qtbot.waitUntil(lambda: not window.voice.measuring, timeout=90_000)
    assert not result.measuring_label.isVisible()
    assert result.pace_label.text().startswith("Pace: ")
    assert "words a minute" in result.pace_label.text()
    assert "your range of 125\u2013155" in result.pace_label.text()
    assert result.pauses_label.text() == "No long pauses (1.5 s or more)."
    assert result.fillers_label.text() == "Fillers: none heard."
    assert result.missed_label.text() == f"Left out: {LEFT_OUT}"
    assert "we added a check" in result.transcript_view.toPlainText()
    shaded = window.compare_view.document().find(LEFT_OUT)
    assert shaded.charFormat().background().color().name() == "#ffcdd2"  # marked in what was written
    assert window.compare_view.document().find("Last spring").charFormat().background().style() == \
        Qt.BrushStyle.NoBrush
    window.rating_buttons[3].click()
    window.save_button.click()
    takes = services.interview.takes(int(answer.id or 0))
    measured = services.speech.metrics(int(answer.id or 0))
    assert measured[int(takes[0].id or 0)].missed == (LEFT_OUT,)
    assert not services.speech.folder.exists()  # keep recordings is off by default
    dialog = TakeHistoryDialog(answer, takes, None, measured)
    qtbot.addWidget(dialog)
    assert dialog.model.item(0, 5).text().endswith("wpm")
    assert "1 sentence left out" in dialog.trend_label.text()


def test_fillers_are_marked_in_the_transcript(qtbot, services: Services) -> None:
    from fikadesk.domain.interview.speech import SpokenWord, measure

    answer = _story(services)
    window = _window(qtbot, services, [answer])
    said = "last spring um our import".split()
    words = [SpokenWord(w, i * 0.3, i * 0.3 + 0.25) for i, w in enumerate(said)]
    metrics = measure(words, [-20.0] * 60, 0.03, STORY)
    window.voice.result.show_metrics(metrics, 140)
    document = window.voice.result.transcript_view.document()
    cursor = document.find("um")
    assert cursor.charFormat().background().color().name() == "#ffcc80"
    assert window.voice.result.fillers_label.text().startswith("Fillers: \u201cum\u201d \u00d71")


def test_without_the_speech_extra_the_record_control_says_why(qtbot, services: Services,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech_module, "recognizer_missing", lambda: "Speech recognition is not installed: "
                        "install fikadesk with its speech extra.")
    window = _window(qtbot, services, [_story(services)])
    assert not window.voice.record_check.isEnabled()
    assert window.voice.reason_label.isVisible()
    assert window.voice.reason_label.text().startswith("Speech recognition is not installed")
    window.start_button.click()  # silent rehearsal works as before
    window.done_button.click()
    assert not window.voice.result.isVisible()
    window.rating_buttons[2].click()
    window.save_button.click()
    assert window.saved_count == 1


def test_no_microphone_and_refused_access_say_why(qtbot, services: Services,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech_module, "recognizer_missing", lambda: None)
    monkeypatch.setattr(speech_capture, "microphone_missing", lambda: "No microphone was found.")
    window = _window(qtbot, services, [_story(services)])
    assert not window.voice.record_check.isEnabled()
    assert window.voice.reason_label.text() == "No microphone was found."

    class Refused:
        def start(self, recorder: TakeRecorder) -> None:
            raise SourceError("access to the microphone was refused")

        def stop(self) -> None:
            raise AssertionError("never started")

    other = _window(qtbot, services, [_story(services)], Refused)
    other.voice.record_check.setChecked(True)
    other.start_button.click()
    assert other.voice.state_label.text() == "Not recording: access to the microphone was refused"
    assert not other.voice.recording
    other.done_button.click()
    assert other.pages.currentIndex() == 2 and not other.voice.result.isVisible()


def test_saving_while_still_measuring_finishes_first_and_space_and_esc_drive_the_take(
        qtbot, services: Services, spoken_takes: dict[str, Path]) -> None:
    answer = _story(services)
    services.speech.set_keep_recordings(True)
    window = _window(qtbot, services, [answer], lambda: FileSource(spoken_takes["story_missing"]))
    assert window.voice.keep_check.isChecked()  # the preference, as stored
    window.voice.record_check.setChecked(True)
    qtbot.keyClick(window.start_button, Qt.Key.Key_Space)
    assert window.voice.recording
    qtbot.keyClick(window.done_button, Qt.Key.Key_Space)
    assert window.voice.measuring
    window.rating_buttons[4].click()
    window.save_button.click()  # before the measuring timer ran out: it finishes first
    take = services.interview.takes(int(answer.id or 0))[0]
    assert services.speech.metrics(int(answer.id or 0))[int(take.id or 0)].missed == (LEFT_OUT,)
    assert services.speech.recording_path(int(take.id or 0)).stat().st_size > 100_000
    window.index = 0
    window._show_ready()
    qtbot.keyClick(window.start_button, Qt.Key.Key_Space)
    assert window.voice.recording
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # Esc discards (the test answers the question with yes)
    assert not window.voice.recording and window.voice.samples is None
    assert len(services.interview.takes(int(answer.id or 0))) == 1
