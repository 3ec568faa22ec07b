"""Rehearsal mode: a full-screen, distraction-free run through answers against the clock."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.interview.answers import speaking_seconds
from fikadesk.domain.interview.records import Answer, Take
from fikadesk.domain.interview.rehearsal import clock_text, teleprompter_share, timer_phase
from fikadesk.domain.preferences import LengthTarget, Preferences
from fikadesk.errors import FikadeskError
from fikadesk.services.interview.service import InterviewService
from fikadesk.ui.common.alerts import Button, Icon, message_box
from fikadesk.ui.common.controls import button, named, plain_label
from fikadesk.ui.common.theme import error_style, is_dark
from fikadesk.ui.interview.dialogs import big
from fikadesk.ui.interview.speech import TakeSpeech
from fikadesk.ui.interview.takes import take_line

RATINGS = ("1 · shaky", "2 · rough", "3 · fair", "4 · good", "5 · nailed it")
PHASE_WORDS = {
    "early": "Keep going: still under your target length",
    "on_target": "Within your target length",
    "nearing_end": "Nearly at the longest your answer should run: wrap up",
    "over": "Over your target length",
}
PHASE_COLOURS = {"on_target": "#2e7d32", "nearing_end": "#c77700", "over": "#c62828"}
PHASE_COLOURS_DARK = {"on_target": "#81c784", "nearing_end": "#ffb74d", "over": "#ff8a80"}
TICK_MS = 100


class RehearsalWindow(QDialog):
    """Rehearse answers one after another: the question, a clock, then a rating and a note."""

    def __init__(self, interview: InterviewService, answers: Sequence[Answer], prefs: Preferences,
                 now: Callable[[], datetime], parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic, speech: Any = None,
                 sources: Callable[[], Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rehearsal_window")
        self.setWindowTitle("Rehearsal")
        self.setAccessibleName("Rehearsal")
        self._interview, self._answers, self._prefs = interview, list(answers), prefs
        self._now, self._clock = now, clock
        self.voice = TakeSpeech(speech, sources, prefs.words_per_minute)  # Record, meter, result
        self.index = 0
        self.started_at: float | None = None
        self.take_seconds = 0
        self.summary: list[str] = []  # one line per saved take
        self._said = 0.0  # how long the current answer takes to say, at the person's pace
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self.pages = QStackedWidget()
        self.pages.setObjectName("rehearsal_pages")
        for page in (self._ready_page(), self._take_page(), self._rate_page(), self._done_page()):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.pages)
        self._show_ready()

    # -- pages ------------------------------------------------------------------------------
    def _ready_page(self) -> QWidget:
        self.count_label = plain_label("", "rehearsal_count_label")
        self.question_label = plain_label("", "rehearsal_question_label")
        big(self.question_label, 2.0, bold=True)
        self.target_label = plain_label("", "rehearsal_target_label")
        big(self.target_label, 1.2)
        self.recall_radio = named(QRadioButton("&Recall: the answer stays hidden until you reveal it"),
                                  "rehearsal_recall_radio", "Recall mode",
                                  "Say the answer from memory, then compare it with what you wrote")
        self.teleprompter_radio = named(
            QRadioButton("&Teleprompter: the answer scrolls past at your speaking pace"),
            "rehearsal_teleprompter_radio", "Teleprompter mode",
            f"Read it aloud while it scrolls at {self._prefs.words_per_minute} words a minute")
        self.recall_radio.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.recall_radio)
        modes.addButton(self.teleprompter_radio)
        self.start_button = button("&Start the clock", "rehearsal_start_button",
                                    "Start the take; the clock runs until you press Done", self.start_take)
        self.skip_button = button("S&kip this answer", "rehearsal_skip_button",
                                   "Leave this answer for another time", self.skip)
        self.close_button = button("Close", "rehearsal_close_button", "Stop rehearsing (Esc)", self.reject)
        keys = plain_label("Space starts and stops the clock · the keys 1 to 5 rate a take · Esc leaves",
                           "rehearsal_keys_label")
        keys.setEnabled(False)  # drawn in the quieter disabled colour: a hint, not content
        return self._column("rehearsal_ready_page", [self.count_label, self.question_label, self.target_label,
                                   self.recall_radio, self.teleprompter_radio, self.voice.ready_row,
                                   self.voice.reason_label, keys],
                            [self.start_button, self.skip_button, self.close_button])

    def _take_page(self) -> QWidget:
        self.take_question_label = plain_label("", "rehearsal_take_question_label")
        big(self.take_question_label, 1.6, bold=True)
        self.timer_label = plain_label("0:00", "rehearsal_timer_label")
        self.timer_label.setAccessibleName("Time so far")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big(self.timer_label, 5.0, bold=True)
        self.phase_label = plain_label("", "rehearsal_phase_label")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big(self.phase_label, 1.2)
        self.answer_view = named(QTextEdit(), "rehearsal_answer_view", "Your answer")
        self.answer_view.setAcceptRichText(False)
        self.answer_view.setReadOnly(True)
        self.answer_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        big(self.answer_view, 2.0)
        self.hidden_label = plain_label(
            "The answer is hidden. Say it from memory, then press Done to compare.", "rehearsal_hidden_label")
        self.hidden_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_button = button("Re&veal the answer", "rehearsal_reveal_button",
                                     "Stuck? Show the answer; the clock keeps running", self.reveal)
        self.done_button = button("&Done", "rehearsal_done_button", "Stop the clock and rate the take",
                                   self.finish_take)
        self.cancel_take_button = button("&Abandon take", "rehearsal_abandon_button",
                                          "Stop without keeping this take", self.abandon_take)
        return self._column("rehearsal_take_page",
                            [self.take_question_label, self.timer_label, self.phase_label,
                             self.voice.state_label, self.voice.meter, self.hidden_label, self.answer_view],
                            [self.done_button, self.reveal_button, self.cancel_take_button],
                            stretch=self.answer_view)

    def _rate_page(self) -> QWidget:
        self.duration_label = plain_label("", "rehearsal_duration_label")
        big(self.duration_label, 1.4, bold=True)
        self.compare_label = plain_label("What you wrote, to compare:", "rehearsal_compare_label")
        self.compare_view = named(QPlainTextEdit(), "rehearsal_compare_view", "Your written answer")
        self.compare_view.setReadOnly(True)
        self.voice.written_view = self.compare_view  # sentences left out of a spoken take get shaded
        big(self.compare_view, 1.3)
        row = QHBoxLayout()
        row.addWidget(plain_label("How did it go?", "rehearsal_rate_prompt"))
        self.rating_group = QButtonGroup(self)
        self.rating_buttons: list[QPushButton] = []
        for value, text in enumerate(RATINGS, start=1):
            rate = named(QPushButton(text), f"rehearsal_rating_{value}", f"Rate {text}",
                         f"Rate this take {value} of 5 (key {value})")
            rate.setCheckable(True)
            self.rating_group.addButton(rate, value)
            self.rating_buttons.append(rate)
            row.addWidget(rate)
        row.addStretch(1)
        self.rating_group.idClicked.connect(lambda _value: self._rated())
        self.note_edit = named(QLineEdit(), "rehearsal_note_edit", "Note on this take",
                               "What to change next time, in a few words")
        self.note_edit.setPlaceholderText("A note for next time (optional): what to tighten, what to add")
        self.error_label = plain_label("", "rehearsal_error_label")
        self.error_label.setStyleSheet(error_style())
        self.save_button = button("&Save take", "rehearsal_save_button",
                                   "Keep this take and its rating; the next rehearsal is scheduled from it",
                                   self.save_take)
        self.save_button.setEnabled(False)
        self.again_button = button("Try a&gain", "rehearsal_again_button",
                                    "Forget this take and start the clock again", self.start_take)
        return self._column("rehearsal_rate_page",
                            [self.duration_label, self.voice.result, self.compare_label,
                             self.compare_view, row,
                             self.note_edit, self.error_label],
                            [self.save_button, self.again_button], stretch=self.compare_view)

    def _done_page(self) -> QWidget:
        self.summary_label = plain_label("", "rehearsal_summary_label")
        big(self.summary_label, 1.6, bold=True)
        self.summary_lines = plain_label("", "rehearsal_summary_lines")
        big(self.summary_lines, 1.2)
        self.finish_button = button("&Close", "rehearsal_finish_button", "Back to the Interview tab",
                                     self.accept)
        return self._column("rehearsal_done_page", [self.summary_label, self.summary_lines],
                            [self.finish_button])

    @staticmethod
    def _column(name: str, parts: list[QWidget | QLayout], buttons: list[QPushButton],
                stretch: QWidget | None = None) -> QWidget:
        page = QWidget()
        page.setObjectName(name)
        layout = QVBoxLayout(page)
        layout.setSpacing(18)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part, 1 if part is stretch else 0)
        if stretch is None:
            layout.addStretch(1)
        row = QHBoxLayout()
        for made in buttons:
            row.addWidget(made)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # -- flow -------------------------------------------------------------------------------
    @property
    def answer(self) -> Answer:
        """The answer being rehearsed now."""
        return self._answers[self.index]

    def _target(self) -> LengthTarget:
        return self._prefs.story if self.answer.kind == "story" else self._prefs.aspiration

    def _show_ready(self) -> None:
        if self.index >= len(self._answers):
            self._show_done()
            return
        answer, target = self.answer, self._target()
        self.count_label.setText(f"Answer {self.index + 1} of {len(self._answers)}")
        self.question_label.setText(answer.question_text)
        said = speaking_seconds(answer.text, self._prefs.words_per_minute)
        self.target_label.setText(
            f"Aim for {clock_text(target.low)} to {clock_text(target.high)}. As written, your answer takes "
            f"about {clock_text(said)} at {self._prefs.words_per_minute} words a minute.")
        self.pages.setCurrentIndex(0)
        self.start_button.setFocus()

    def start_take(self) -> None:
        """Start the clock on the current answer, hidden or as a teleprompter."""
        self.take_question_label.setText(self.answer.question_text)
        self.answer_view.setPlainText(self.answer.text)
        self._said = speaking_seconds(self.answer.text, self._prefs.words_per_minute)
        self._set_margins(4, 4)  # the teleprompter sets its own as the take starts
        teleprompter = self.teleprompter_radio.isChecked()
        self.answer_view.setVisible(teleprompter)
        self.answer_view.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if teleprompter else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.hidden_label.setVisible(not teleprompter)
        self.reveal_button.setVisible(not teleprompter)
        self.answer_view.verticalScrollBar().setValue(0)
        self.rating_group.setExclusive(False)
        for rate in self.rating_buttons:
            rate.setChecked(False)
        self.rating_group.setExclusive(True)
        self.note_edit.clear()
        self.error_label.clear()
        self.save_button.setEnabled(False)
        self.started_at = self._clock()
        self.pages.setCurrentIndex(1)
        self.voice.start()
        self.tick()
        self._ticker.start()
        self.done_button.setFocus()

    @property
    def mode(self) -> str:
        """The rehearsal mode chosen: recall or teleprompter."""
        return "teleprompter" if self.teleprompter_radio.isChecked() else "recall"

    def elapsed(self) -> float:
        """Seconds since the clock started on this take (0 when no take runs)."""
        return 0.0 if self.started_at is None else max(0.0, self._clock() - self.started_at)

    def tick(self) -> None:
        """Move the clock, its colour and the teleprompter on."""
        seconds = self.elapsed()
        target = self._target()
        phase = timer_phase(seconds, target.low, target.high)
        self.timer_label.setText(clock_text(seconds))
        self.voice.tick()
        colour = (PHASE_COLOURS_DARK if is_dark() else PHASE_COLOURS).get(phase)
        self.timer_label.setStyleSheet(f"color: {colour}" if colour else "")
        self.phase_label.setStyleSheet(f"color: {colour}" if colour else "")
        self.timer_label.setProperty("phase", phase)
        words = PHASE_WORDS[phase]
        if phase == "over":
            words += f" by {clock_text(seconds - target.high)}"
        self.phase_label.setText(f"{words} ({clock_text(target.low)}–{clock_text(target.high)})")
        if self.mode == "teleprompter":
            height = self.answer_view.viewport().height()  # start at a reading line 40% down
            self._set_margins(round(height * 0.4), round(height * 0.6))
            bar = self.answer_view.verticalScrollBar()
            bar.setValue(round(bar.maximum() * teleprompter_share(seconds, self._said)))

    def _set_margins(self, top: int, bottom: int) -> None:
        """Space above and below the answer's text (changed only when it differs: it re-lays out)."""
        frame = self.answer_view.document().rootFrame()
        layout = frame.frameFormat()
        if (layout.topMargin(), layout.bottomMargin()) != (top, bottom):
            layout.setTopMargin(top)
            layout.setBottomMargin(bottom)
            frame.setFrameFormat(layout)

    def reveal(self) -> None:
        """Show the hidden answer while the clock keeps running."""
        self.answer_view.setVisible(True)
        self.hidden_label.setVisible(False)
        self.reveal_button.setVisible(False)

    def finish_take(self) -> None:
        """Stop the clock and ask how the take went, with the written answer to compare."""
        self._ticker.stop()
        recorded = self.voice.finish(self.answer)  # a recording fed from a file outruns the clock
        self.take_seconds = min(3600, round(max(self.elapsed(), recorded)))
        self.started_at = None
        target = self._target()
        phase = timer_phase(self.take_seconds, target.low, target.high)
        verdict = {"early": "shorter than your target", "over": "longer than your target"}.get(
            phase, "within your target")
        self.duration_label.setText(
            f"That take lasted {clock_text(self.take_seconds)}: {verdict} of "
            f"{clock_text(target.low)}–{clock_text(target.high)}.")
        self.compare_view.setPlainText(self.answer.text)
        self.pages.setCurrentIndex(2)
        self.rating_buttons[2].setFocus()

    def abandon_take(self) -> None:
        """Stop the clock without keeping anything and go back to the start of this answer."""
        self._ticker.stop()
        self.started_at = None
        self.voice.discard()
        self._show_ready()

    def _rated(self) -> None:
        self.save_button.setEnabled(True)
        self.save_button.setDefault(True)

    def save_take(self) -> None:
        """Keep the take (duration, rating, note) and go on to the next answer."""
        rating = self.rating_group.checkedId()
        if rating < 1:
            self.error_label.setText("Pick a rating from 1 to 5 first.")
            return
        answer = self.answer
        take = Take(None, int(answer.id or 0), self._now(), self.take_seconds, rating,
                    self.note_edit.text(), self.mode)
        try:
            updated = self.voice.save(take, self._interview.record_take)
            takes = self._interview.takes(int(answer.id or 0))
        except FikadeskError as exc:
            self.error_label.setText(f"Not saved: {exc}")
            return
        self.summary.append(take_line(updated, takes))
        self.index += 1
        self._show_ready()

    def skip(self) -> None:
        """Leave the current answer for another time."""
        self.index += 1
        self._show_ready()

    def _show_done(self) -> None:
        saved = len(self.summary)
        self.summary_label.setText(
            "Nothing was saved this time." if not saved
            else f"{saved} take{'s' if saved != 1 else ''} saved. Well done for saying it aloud.")
        self.summary_lines.setText("\n".join(self.summary))
        self.pages.setCurrentIndex(3)
        self.finish_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - the keys 1-5 rate a take
        key = event.key()
        if self.pages.currentIndex() == 2 and Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.rating_buttons[key - Qt.Key.Key_1].click()
            return
        super().keyPressEvent(event)

    # -- leaving ----------------------------------------------------------------------------
    def has_unsaved_take(self) -> bool:
        """True while a take runs or waits for its rating."""
        return self.pages.currentIndex() in (1, 2)

    def confirm_discard(self) -> bool:
        """Ask whether to drop the take in progress; True to leave anyway."""
        box = message_box(self, Icon.Question, "Leave rehearsal",
                          "This take has not been saved. Leave and lose it?",
                          Button.Discard | Button.Cancel, name="rehearsal_leave_box", default=Button.Cancel)
        return box.exec() == Button.Discard

    def reject(self) -> None:  # noqa: D102 - Esc and Close
        if self.has_unsaved_take() and not self.confirm_discard():
            return
        self._ticker.stop()
        self.voice.discard()
        super().reject()

    @property
    def saved_count(self) -> int:
        """How many takes this rehearsal saved."""
        return len(self.summary)

    @classmethod
    def rehearse(cls, parent: QWidget | None, interview: InterviewService, answers: Sequence[Answer],
                 prefs: Preferences, now: Callable[[], datetime], speech: Any = None) -> int:
        """Run a full-screen rehearsal of ``answers``; returns how many takes were saved."""
        window = cls(interview, answers, prefs, now, parent, speech=speech)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowFullScreen)
        window.exec()
        return window.saved_count
