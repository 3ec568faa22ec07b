"""Spoken rehearsal: record a take, then show its pace, pauses, fillers and what was left out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from fikadesk.domain.interview.records import Answer, Take
from fikadesk.domain.interview.rehearsal import clock_text
from fikadesk.domain.interview.speech import CHANGED, MISSED, PACE_TOLERANCE, SpeechMetrics, pace_verdict
from fikadesk.ui.common.controls import named, plain_label
from fikadesk.ui.common.theme import error_style
from fikadesk.ui.interview.level_meter import LevelMeter

FILLER_COLOUR = QColor("#ffcc80")
MISSED_COLOUR = QColor("#ffcdd2")
CHANGED_COLOUR = QColor("#fff59d")
PAUSE_COLOUR = QColor("#c62828")
VOICE_COLOUR = QColor("#7fa7d0")


def pace_line(metrics: SpeechMetrics, preferred: int) -> str:
    """The pace of a take against the person's range, in words."""
    if metrics.words_per_minute is None:
        return f"Spoke for {clock_text(metrics.speaking_seconds)}; no words recognized, so no pace."
    low, high = preferred - PACE_TOLERANCE, preferred + PACE_TOLERANCE
    verdict = {"slow": "slower than", "fast": "faster than", "on_pace": "within"}[
        pace_verdict(metrics.words_per_minute, preferred)]
    return (f"Pace: {metrics.words_per_minute:.0f} words a minute over "
            f"{clock_text(metrics.speaking_seconds)} of speaking, {verdict} your range of {low}\u2013{high}.")


def pauses_line(metrics: SpeechMetrics) -> str:
    """The long pauses of a take, where they fell."""
    if not metrics.pauses:
        return "No long pauses (1.5 s or more)."
    parts = []
    for pause in metrics.pauses:
        where = f" after \u201c{pause.after}\u201d" if pause.after else ""
        where += f" (sentence {pause.sentence})" if pause.sentence else ""
        parts.append(f"{pause.seconds:.1f} s at {clock_text(pause.start)}{where}")
    count = len(metrics.pauses)
    return f"{count} long pause{'s' if count != 1 else ''}: " + "; ".join(parts) + "."


def fillers_line(metrics: SpeechMetrics) -> str:
    """The fillers said, per minute."""
    if not metrics.fillers:
        return "Fillers: none heard."
    said = ", ".join(f"\u201c{w}\u201d \u00d7{n}" for w, n in sorted(metrics.fillers.items()))
    return f"Fillers: {said} ({metrics.fillers_per_minute:.1f} a minute)."


def left_out_lines(metrics: SpeechMetrics) -> str:
    """The written sentences left out or changed, and missing Now/Next/Future parts."""
    if metrics.recognizer == "none":
        return "Without speech recognition there is no transcript to compare with your written answer."
    lines = [f"Left out: {s}" for s in metrics.missed] + [f"Said differently: {s}" for s in metrics.changed]
    if metrics.parts_missing:
        names = ", ".join(p.capitalize() for p in metrics.parts_missing)
        plural = "s" if len(metrics.parts_missing) > 1 else ""
        lines.append(f"Not heard in the take: the {names} part{plural}.")
    return "\n".join(lines) if lines else "Every sentence of your written answer was there."


def mark_sentences(view: QTextEdit | QPlainTextEdit, metrics: SpeechMetrics) -> int:
    """Shade the sentences of the written answer in ``view`` the take left out (red) or changed
    (yellow); returns how many were marked."""
    text = view.toPlainText()
    marked, at = 0, 0
    for check in metrics.sentences:
        found = text.find(check.text, at)
        if found < 0:
            continue
        at = found + len(check.text)
        colour = {MISSED: MISSED_COLOUR, CHANGED: CHANGED_COLOUR}.get(check.status)
        if colour is None:
            continue
        shade = QTextCharFormat()
        shade.setBackground(QBrush(colour))
        shade.setForeground(QBrush(QColor("#000000")))
        shade.setToolTip("Left out of this take" if check.status == MISSED
                         else "Said differently in this take")
        cursor = QTextCursor(view.document())
        cursor.setPosition(found)
        cursor.setPosition(at, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(shade)
        marked += 1
    return marked


class PauseTimeline(QWidget):
    """The take as a bar from start to end: speaking in blue, long pauses in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech_pause_timeline")
        self.setAccessibleName("Pauses on the timeline of the take")
        self.setMinimumHeight(22)
        self.metrics: SpeechMetrics | None = None

    def show_metrics(self, metrics: SpeechMetrics) -> None:
        self.metrics = metrics
        self.setAccessibleDescription(pauses_line(metrics))
        self.setToolTip(pauses_line(metrics))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.metrics is None or self.metrics.duration <= 0:
            return
        painter = QPainter(self)
        width, height, total = self.width(), self.height(), self.metrics.duration
        painter.fillRect(QRectF(0, 4, width, height - 8), QBrush(VOICE_COLOUR))
        for pause in self.metrics.pauses:
            painter.fillRect(QRectF(width * pause.start / total, 0, max(2.0, width * pause.seconds / total),
                                    height), QBrush(PAUSE_COLOUR))
        painter.end()


class SpeechResultView(QWidget):
    """What was measured on a take: pace, pauses, fillers, sentences left out, the transcript marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech_result_view")
        self.measuring_label = plain_label("", "speech_measuring_label")
        self.pace_label = plain_label("", "speech_pace_label")
        self.pauses_label = plain_label("", "speech_pauses_label")
        self.timeline = PauseTimeline()
        self.fillers_label = plain_label("", "speech_fillers_label")
        self.missed_label = plain_label("", "speech_missed_label")
        self.transcript_view = named(QTextEdit(), "speech_transcript_view", "What you said",
                                     "The transcript of the take, fillers marked")
        self.transcript_view.setReadOnly(True)
        self.transcript_view.setAcceptRichText(False)
        self.transcript_view.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.measuring_label)
        for part in self._parts():
            layout.addWidget(part)

    def show_measuring(self, progress: float) -> None:
        """Say the take is being measured, and how far that has got."""
        self.measuring_label.setText(f"Measuring your take on this computer\u2026 {progress:.0%}")
        self.measuring_label.setVisible(True)
        for part in self._parts():
            part.setVisible(False)

    def _parts(self) -> tuple[QWidget, ...]:
        return (self.pace_label, self.pauses_label, self.timeline, self.fillers_label, self.missed_label,
                self.transcript_view)

    def show_metrics(self, metrics: SpeechMetrics, preferred: int) -> None:
        self.measuring_label.setVisible(False)
        for part in self._parts():
            part.setVisible(True)
        self.pace_label.setText(pace_line(metrics, preferred))
        self.pauses_label.setText(pauses_line(metrics))
        self.timeline.show_metrics(metrics)
        self.fillers_label.setText(fillers_line(metrics))
        self.missed_label.setText(left_out_lines(metrics))
        self.transcript_view.setPlainText(metrics.transcript or "(no words recognized)")
        words = metrics.transcript.split()
        starts, at = [], 0
        for word in words:
            starts.append(at)
            at += len(word) + 1
        mark = QTextCharFormat()
        mark.setBackground(QBrush(FILLER_COLOUR))
        mark.setForeground(QBrush(QColor("#000000")))
        for first, last in metrics.filler_spans:
            if last <= len(words):
                cursor = QTextCursor(self.transcript_view.document())
                cursor.setPosition(starts[first])
                cursor.setPosition(starts[last - 1] + len(words[last - 1]), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(mark)


class TakeSpeech:
    """The Record part of a rehearsal: the switches, the recording state and meter, the result."""

    def __init__(self, speech: Any, source_factory: Callable[[], Any] | None, preferred: int) -> None:
        self._speech, self._preferred = speech, preferred
        self._factory = source_factory
        self._source: Any = None
        self._recorder: Any = None
        self.metrics: SpeechMetrics | None = None
        self.samples: Any = None
        self._run: Any = None
        self._answer: Answer | None = None
        self.written_view: QTextEdit | QPlainTextEdit | None = None  # the written answer, to mark
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self.record_check = named(QCheckBox("Re&cord my voice and measure the take (pace, pauses, fillers)"),
                                  "rehearsal_record_check", "Record the take",
                                  "Recorded and measured on this computer; nothing leaves it")
        self.keep_check = named(QCheckBox("Keep recordin&gs"), "rehearsal_keep_check", "Keep recordings",
                                "Off: only the measurements are kept. On: the audio too, beside the journal")
        self.reason_label = plain_label("", "rehearsal_record_reason")
        self.reason_label.setStyleSheet(error_style())
        self.ready_row = QWidget()
        row = QHBoxLayout(self.ready_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.record_check)
        row.addWidget(self.keep_check)
        row.addStretch(1)
        self.state_label = plain_label("", "rehearsal_recording_label")
        self.meter = LevelMeter()
        self.result = SpeechResultView()
        reason = self.unavailable()
        self.record_check.setEnabled(reason is None)
        self.keep_check.setEnabled(reason is None)
        self.reason_label.setText(reason or "")
        if reason:
            self.record_check.setToolTip(reason)
        self.reason_label.setVisible(bool(reason))
        if speech is not None:
            self.keep_check.setChecked(speech.keep_recordings())
        self.keep_check.toggled.connect(self._keep_toggled)
        self.ready_row.setVisible(speech is not None)
        self.reason_label.setVisible(speech is not None and bool(reason))
        self.reset()

    def unavailable(self) -> str | None:
        """Why recording cannot be offered here (None when it can)."""
        if self._speech is None:
            return "Recording is not set up for this journal."
        from fikadesk.services.interview.speech import recognizer_missing

        missing = recognizer_missing()
        if missing is None and self._factory is None:
            from fikadesk.services.interview.speech_capture import microphone_missing

            missing = microphone_missing()
        return missing

    def _keep_toggled(self, keep: bool) -> None:
        if self._speech is not None:
            self._speech.set_keep_recordings(keep)

    def reset(self) -> None:
        """Forget the last take's audio and result."""
        self._timer.stop()
        self._run = None
        self.metrics, self.samples = None, None
        self.state_label.setVisible(False)
        self.meter.setVisible(False)
        self.result.setVisible(False)

    def start(self) -> None:
        """Start recording if the person asked for it; a source that fails says why and the take goes on."""
        from fikadesk.services.interview.speech_capture import MicrophoneSource, SourceError, TakeRecorder

        self.reset()
        if not (self.record_check.isEnabled() and self.record_check.isChecked()):
            return
        self._recorder = TakeRecorder()
        self._source = self._factory() if self._factory else MicrophoneSource()
        self.state_label.setVisible(True)
        self.state_label.setStyleSheet(error_style())
        try:
            self._source.start(self._recorder)
        except SourceError as exc:
            self.state_label.setText(f"Not recording: {exc}")
            self._source = self._recorder = None
            return
        self.state_label.setText("\u25cf Recording: press Space (or Done) to stop, Esc to discard")
        self.meter.setVisible(True)

    @property
    def recording(self) -> bool:
        """True while a take is being recorded."""
        return self._recorder is not None

    def tick(self) -> None:
        """Move the level meter."""
        if self._recorder is not None:
            self.meter.set_level(self._recorder.peak_level())

    def stop(self) -> None:
        """Stop the source, keeping what was recorded."""
        if self._source is not None:
            self._source.stop()
            self._source = None

    def finish(self, answer: Answer) -> float:
        """Stop recording and start measuring the take (a slice per timer tick, so the window
        stays responsive); returns the recording's length in seconds."""
        self.stop()
        recorder, self._recorder = self._recorder, None
        self.state_label.setVisible(False)
        self.meter.setVisible(False)
        if recorder is None:
            return 0.0
        from fikadesk.services.interview.speech import Recognition, recognizer_missing

        self.samples, self._answer = recorder.samples(), answer
        self._run = Recognition(self.samples, answer.text) if recognizer_missing() is None else None
        self.result.setVisible(True)
        self.result.show_measuring(0.0)
        self._timer.start()
        return float(recorder.seconds)

    def _step(self) -> None:
        """Recognize a few slices, then show the result once the words are known."""
        if self._run is not None:
            for _ in range(4):
                if self._run.step():
                    break
            if not self._run.done:
                self.result.show_measuring(self._run.progress)
                return
        self._complete()

    def complete(self) -> None:
        """Finish measuring now (before the take is saved)."""
        if self._timer.isActive():
            if self._run is not None:
                while not self._run.step():
                    pass
            self._complete()

    @property
    def measuring(self) -> bool:
        """True while the last take is still being measured."""
        return self._timer.isActive()

    def _complete(self) -> None:
        from fikadesk.services.interview.speech import measure_recognized

        self._timer.stop()
        answer = self._answer
        assert answer is not None
        self.metrics = measure_recognized(self.samples, self._run, answer.text, answer.kind)
        self._run = None
        self.result.show_metrics(self.metrics, self._preferred)
        if self.written_view is not None:
            mark_sentences(self.written_view, self.metrics)

    def discard(self) -> None:
        """Stop and drop the take's audio."""
        self.stop()
        self._timer.stop()
        self._run = None
        self._recorder = None
        self.reset()

    def save(self, take: Take, record: Callable[[Take], Answer]) -> Answer:
        """Keep the take with its measurements (and audio when recordings are kept)."""
        self.complete()
        if self.metrics is None or self._speech is None:
            return record(take)
        from fikadesk.services.interview.speech_audio import wav_bytes

        audio = wav_bytes(self.samples) if self.keep_check.isChecked() else None
        answer: Answer = self._speech.record(take, self.metrics, audio)
        return answer
