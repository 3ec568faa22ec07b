"""The answer as it is written, with the coach's marks on the words that cause each problem."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from typing import Literal

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QListView, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from fikadesk.domain.interview.answers import speaking_seconds
from fikadesk.domain.interview.coach import Finding, coach
from fikadesk.domain.interview.terms import KeyTerm, term_coverage
from fikadesk.domain.preferences import Preferences
from fikadesk.ui.common.controls import named, plain_label
from fikadesk.ui.common.plain import plain_text

CODE_WORDS = {
    "vague": "Vague",
    "money_status": "Money or status",
    "unrealistic": "Unrealistic",
    "unrelated_to_role": "Not about this role",
    "rigid": "Rigid",
    "negative": "Negative",
    "no_specifics": "No specifics",
    "missing_now": "No Now",
    "missing_next": "No Next",
    "missing_future": "No Future",
    "too_long": "Too long",
    "too_short": "Too short",
}
STRUCTURE = ("missing_now", "missing_next", "missing_future")
MARK = QColor("#d93025")
SPAN = Qt.ItemDataRole.UserRole + 1
COACH_DELAY_MS = 250
# Above this length (~1,000 words) the coach reads on a worker thread while typing goes on: it
# takes ~15 ms for a 600-word answer but ~0.25 s for a pasted 10,000 words with 800 findings.
LONG_ANSWER_CHARS = 6000


class _CoachRelay(QObject):
    """Carries a worker thread's findings to the UI thread (a queued signal). It has no parent:
    the thread holds it, so it outlives a widget closed while the coach was reading."""

    done = Signal(int, object)  # (the check's number, its findings)


class CoachedAnswer(QWidget):
    """The answer editor, its speaking time, the key terms it touches, and the coach's findings."""

    text_edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("interview_coached_answer")
        self.editor = named(
            QPlainTextEdit(),
            "interview_answer_text",
            "Your answer",
            "Write the answer as you would say it; the coach marks weak spots as you type",
        )
        self.editor.setPlaceholderText("Write your answer here, or compose it with the builder above…")
        self.timing_label = plain_label("", "interview_timing")
        self.terms_label = plain_label("", "interview_terms")
        self.findings_model = QStandardItemModel(self)
        self.findings = named(
            QListView(),
            "interview_findings",
            "The coach's findings",
            "Click a finding to select the words it is about",
        )
        self.findings.setModel(self.findings_model)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setWordWrap(True)
        self.findings.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.findings.setSpacing(2)
        self.findings.setAlternatingRowColors(True)
        self.editor.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.findings.clicked.connect(self._select_span)
        self.findings.activated.connect(self._select_span)
        self.coach_label = plain_label("", "interview_coach_summary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 2)
        layout.addWidget(self.timing_label)
        layout.addWidget(self.terms_label)
        layout.addWidget(self.coach_label)
        layout.addWidget(self.findings, 2)
        self._timer = QTimer(self, singleShot=True, interval=COACH_DELAY_MS)
        self._timer.timeout.connect(self._check_after_pause)
        self._checks = 0  # numbers each check; a worker's findings for an older one are dropped
        self._relay = _CoachRelay()
        self._relay.done.connect(self._on_coached)
        self.worker: threading.Thread | None = None
        self.editor.textChanged.connect(self._on_text_changed)
        self.kind, self.prefs = "aspiration", Preferences()
        self.key_terms: tuple[KeyTerm | str, ...] = ()
        self.current: list[Finding] = []
        self._loading = False

    def set_context(self, kind: str, key_terms: Sequence[KeyTerm | str], prefs: Preferences) -> None:
        """What the coach checks against: the kind of answer, the job's key terms, pace and ranges."""
        self.kind, self.key_terms, self.prefs = kind, tuple(key_terms), prefs

    def set_text(self, text: str) -> None:
        """Show an answer (without counting it as an edit) and check it at once."""
        self._loading = True
        self.editor.setPlainText(text)
        self._loading = False
        self.recheck()

    def text(self) -> str:
        """The answer as written."""
        return self.editor.toPlainText()

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.text_edited.emit()
        self._checks += 1  # what a worker is reading now is no longer the answer
        self._timer.start()

    def _ranges(self) -> dict[str, tuple[float, float]]:
        prefs = self.prefs
        return {
            "aspiration": (float(prefs.aspiration.low), float(prefs.aspiration.high)),
            "story": (float(prefs.story.low), float(prefs.story.high)),
        }

    def recheck(self) -> list[Finding]:
        """Run the coach on the text now; mark the findings and list them."""
        self._timer.stop()
        self._checks += 1
        text = self.text()
        self._show_timing(text)
        return self._finish(self._coach_call(text)() if text.strip() else [])

    def _check_after_pause(self) -> None:
        """Typing paused: check now, or, for a long answer, on a worker thread so typing goes on."""
        text = self.text()
        if len(text) < LONG_ANSWER_CHARS:
            self.recheck()
            return
        if self.worker is not None and self.worker.is_alive():  # one reading at a time
            self._timer.start()
            return
        self._checks += 1
        number, read_it = self._checks, self._coach_call(text)
        self._show_timing(text)
        self.coach_label.setText("The coach is reading this long answer…")
        relay = self._relay

        def read() -> None:  # touches nothing of the widget: the call has all it needs
            try:
                found: list[Finding] | Exception = read_it()
            except Exception as exc:  # noqa: BLE001 - raised again on the UI thread, as a check there would
                found = exc
            relay.done.emit(number, found)

        self.worker = threading.Thread(target=read, name="fikadesk-coach", daemon=True)
        self.worker.start()

    def _on_coached(self, number: int, found: list[Finding] | Exception) -> None:
        if isinstance(found, Exception):
            raise found
        if number == self._checks:  # else the answer changed while the coach was reading
            self._finish(found)

    def _coach_kind(self) -> Literal["aspiration", "story"]:
        return "story" if self.kind == "story" else "aspiration"

    def _coach_call(self, text: str) -> Callable[[], list[Finding]]:
        """The coach's reading of ``text`` with what it checks against now, ready to run anywhere
        (the coach is pure Python with no shared state: safe on a worker thread)."""
        return functools.partial(coach, text, kind=self._coach_kind(), key_terms=self.key_terms,
                                 wpm=self.prefs.words_per_minute, ranges=self._ranges())

    def _show_timing(self, text: str) -> None:
        """The speaking time and the job's key terms: cheap, shown at once."""
        low, high = self._ranges()[self._coach_kind()]
        seconds = speaking_seconds(text, self.prefs.words_per_minute)
        self.timing_label.setText(
            f"About {seconds:.0f} s spoken at {self.prefs.words_per_minute} words a minute "
            f"(aim for {low:.0f}–{high:.0f} s)."
        )
        if self.key_terms:
            covered = term_coverage(self.key_terms, [text])
            self.terms_label.setText(
                "Job key terms in this answer: "
                + (", ".join(covered.touched) or "none yet")
                + ("; not yet: " + ", ".join(covered.missing) if covered.missing else "")
            )
        self.terms_label.setVisible(bool(self.key_terms))

    def _finish(self, found: list[Finding]) -> list[Finding]:
        if self.kind == "motivation":  # no Now/Next/Future structure is asked of "why us"
            found = [f for f in found if f.code not in STRUCTURE]
        self.current = found
        self._show(found)
        return found

    def _show(self, found: list[Finding]) -> None:
        self.findings_model.clear()
        text = self.text()
        for finding in found:
            quoted = " ".join(text[finding.start : finding.end].split())
            whole = finding.start == 0 and finding.end >= len(text.rstrip())
            where = "" if whole or not quoted else f" — “{quoted[:60]}{'…' if len(quoted) > 60 else ''}”"
            row = QStandardItem(
                f"{CODE_WORDS.get(finding.code, finding.code)}{where}: {finding.message} {finding.suggestion}"
            )
            row.setData((finding.start, finding.end), SPAN)
            row.setData(finding.code, Qt.ItemDataRole.AccessibleDescriptionRole)
            self.findings_model.appendRow(row)
        if not text.strip():
            self.coach_label.setText("The coach reads along as you write.")
        elif not found:
            self.coach_label.setText("The coach has nothing to flag. Rehearse it aloud next.")
        else:
            self.coach_label.setText(f"The coach flags {len(found)} thing{'s' if len(found) != 1 else ''}:")
        self._mark(found)

    def _mark(self, found: list[Finding]) -> None:
        marks = []
        for finding in found:
            if finding.start == 0 and finding.end >= len(self.text().rstrip()):
                continue  # whole-answer findings are listed, not underlined
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(MARK)
            fmt.setToolTip(plain_text(f"{CODE_WORDS.get(finding.code, finding.code)}: {finding.message}"))
            selection.format = fmt  # type: ignore[attr-defined]
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(finding.start)
            cursor.setPosition(finding.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            marks.append(selection)
        self.editor.setExtraSelections(marks)

    def marked_spans(self) -> list[tuple[int, int]]:
        """The character spans underlined in the editor now."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.editor.extraSelections()]

    def _select_span(self, index) -> None:
        start, end = index.data(SPAN)
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()
