"""The history of rehearsal takes of one answer: every take, and how the ratings have moved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.interview.records import Answer, Take, progress
from fikadesk.domain.interview.rehearsal import DEFAULT_INTERVALS, clock_text
from fikadesk.domain.interview.speech import SpeechMetrics
from fikadesk.ui.common.controls import named, plain_label
from fikadesk.ui.common.plain import plain_text

COLUMNS = ("When", "Mode", "Length", "Rating", "Note")
SPOKEN_COLUMNS = ("Pace", "Fillers", "Left out")


def take_line(answer: Answer, takes: Sequence[Take]) -> str:
    """One line on an answer after a take: its rating, count, best, trend and next rehearsal."""
    made = progress(takes)
    due = answer.rehearsal.due if answer.rehearsal else None
    when = f"next rehearsal {due:%a %d %b}" if due else "no rehearsal planned"
    count = f"{made.takes} take{'s' if made.takes != 1 else ''}"
    return (f"{answer.question_text} — rated {made.last_rating} of 5, {count}, best {made.best_rating}, "
            f"{made.trend}; {when}.")


def takes_summary(answer: Answer, takes: Sequence[Take]) -> str:
    """One paragraph on how rehearsing ``answer`` has gone so far (takes oldest first)."""
    made = progress(takes)
    if not made.takes:
        return "Not rehearsed yet. Press \u201cRehearse this answer\u201d to start its history."
    count = f"{made.takes} take{'s' if made.takes != 1 else ''}"
    line = (f"{count}, last rated {made.last_rating} of 5, best {made.best_rating}, {made.trend}; "
            f"about {clock_text(made.average_seconds or 0)} a take.")
    state = answer.rehearsal
    if state is not None and state.due is not None:
        line += f" Next rehearsal {state.due:%a %d %b %Y} (box {state.box} of {len(DEFAULT_INTERVALS)})."
    if made.takes > 1:
        line += " Ratings over time: " + " \u2192 ".join(str(t.rating) for t in takes) + "."
    return line


class TakeHistoryDialog(QDialog):
    """Lists the takes of one answer, the newest first, under a summary of the progress."""

    def __init__(self, answer: Answer, takes: Sequence[Take], parent: QWidget | None = None,
                 measured: Mapping[int, SpeechMetrics] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interview_takes_dialog")
        self.setWindowTitle("Rehearsal takes")
        question = plain_label(answer.question_text, "interview_takes_question")
        font = question.font()
        font.setBold(True)
        question.setFont(font)
        self.summary_label = plain_label(takes_summary(answer, takes), "interview_takes_summary")
        measured = measured or {}
        columns = COLUMNS + (SPOKEN_COLUMNS if measured else ())
        self.model = QStandardItemModel(0, len(columns), self)
        self.model.setHorizontalHeaderLabels(list(columns))
        for take in reversed(takes):
            cells: tuple[str, ...] = (f"{take.taken_at:%Y-%m-%d %H:%M}", take.mode.capitalize(),
                                      clock_text(take.seconds), f"{take.rating} of 5", take.note)
            if measured:
                spoken = measured.get(int(take.id or 0))
                cells += (("", "", "") if spoken is None else (
                    f"{spoken.words_per_minute:.0f} wpm" if spoken.words_per_minute is not None else "–",
                    f"{spoken.fillers_per_minute:.1f}/min", str(len(spoken.missed))))
            row = []
            for text in cells:
                item = QStandardItem(text)
                item.setEditable(False)
                item.setToolTip(plain_text(text))
                row.append(item)
            self.model.appendRow(row)
        self.view = named(QTableView(), "interview_takes_view", "Rehearsal takes",
                          "Every take of this answer, the newest first")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setVisible(bool(takes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        named(close, "interview_takes_close_button", "Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)
        spoken_takes = [measured[int(t.id or 0)] for t in takes if int(t.id or 0) in measured]
        if spoken_takes:
            from fikadesk.ui.interview.speech_trend import SpeechTrendChart, trend_summary

            self.trend_label = plain_label(trend_summary(spoken_takes), "interview_takes_trend")
            self.trend_chart = SpeechTrendChart(spoken_takes)
            layout.addWidget(self.trend_label)
            layout.addWidget(self.trend_chart, 1)
        layout.addWidget(buttons)
        self.resize(760 if measured else 640, (560 if measured else 360) if takes else 160)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    @classmethod
    def show_for(cls, parent: QWidget | None, answer: Answer, takes: Sequence[Take],
                 measured: Mapping[int, SpeechMetrics] | None = None) -> None:
        """Show the takes of ``answer`` (with what was measured on spoken ones) until closed."""
        cls(answer, takes, parent, measured).exec()
