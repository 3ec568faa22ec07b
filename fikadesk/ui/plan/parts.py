"""Building blocks of the Plan tab: named lists with their buttons, and the start-a-plan page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.plan.prep import PrepView
from fikadesk.domain.plan.records import FollowUpView, PlanState, classify
from fikadesk.ui.common.controls import button, from_qdate, plain_label, to_qdate
from fikadesk.ui.common.plain import plain_text
from fikadesk.ui.plan.dialogs import STATUS_WORDS

ROW_ID = Qt.ItemDataRole.UserRole + 1
URGENCY_WORDS = {"overdue": "overdue", "due_today": "today", "due_soon": "soon", "later": ""}
ALERT_RED = QColor("#b3261e")

# (id, text, tooltip) or (id, text, tooltip, tone) where tone is "alert" (overdue) or "quiet" (done)
Row = tuple[int, str, str] | tuple[int, str, str, str]


class ListPanel(QGroupBox):
    """A titled list (model/view) with a row of buttons under it; rows carry their record's id."""

    def __init__(self, title: str, name: str, buttons: Sequence[QPushButton], empty_text: str) -> None:
        super().__init__(title)
        self.setObjectName(f"{name}_group")
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setObjectName(f"{name}_list")
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 3 + 8)
        self.empty_label = plain_label(empty_text, f"{name}_empty")
        self.empty_label.setEnabled(False)
        row = QHBoxLayout()
        for made in buttons:
            # "Edit" and "Mark done" appear in several lists: a screen reader says which one
            made.setAccessibleName(f"{made.accessibleName()} ({title})")
            made.setAccessibleDescription(made.toolTip())
            row.addWidget(made)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)

    def fill(self, rows: Sequence[Row]) -> None:
        """Show ``rows`` of (id, text, tooltip[, tone]), keeping the selected id selected when it remains."""
        keep = self.current_id()
        self.model.clear()
        for row in rows:
            row_id, text, tip = row[0], row[1], row[2]
            item = QStandardItem(text)
            item.setData(row_id, ROW_ID)
            item.setToolTip(plain_text(tip or text))
            tone = row[3] if len(row) > 3 else ""  # type: ignore[misc]
            if tone == "alert":
                item.setForeground(QBrush(ALERT_RED))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            elif tone == "quiet":
                item.setForeground(QBrush(self.palette().color(self.palette().ColorGroup.Disabled,
                                                               self.palette().ColorRole.Text)))
            self.model.appendRow(item)
            if row_id == keep:
                self.view.setCurrentIndex(item.index())
        self.empty_label.setVisible(not rows)

    def current_id(self) -> int | None:
        """The id of the selected row, if any."""
        index = self.view.currentIndex()
        value = index.data(ROW_ID) if index.isValid() else None
        return int(value) if value is not None else None

    def select_id(self, row_id: int) -> None:
        """Select the row of ``row_id`` when it is listed."""
        for row in range(self.model.rowCount()):
            if self.model.item(row).data(ROW_ID) == row_id:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return

    def select_first(self) -> None:
        """Select the first row (when nothing is selected)."""
        if self.model.rowCount() and self.current_id() is None:
            self.view.setCurrentIndex(self.model.index(0, 0))


class CurrentPageStack(QStackedWidget):
    """A stack as small as the page it shows (QStackedWidget asks room for its largest page)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()


class StartPage(QWidget):
    """Shown before the first plan: what a plan is for, and a short form to start one."""

    def __init__(self, today: date, start: Callable[[], object]) -> None:
        super().__init__()
        self.setObjectName("plan_start_page")
        intro = plain_label(
            "A promotion rarely comes from one conversation. Once you and your manager agree to work "
            "toward the next level, write the plan down: what you will show, what your manager will do "
            "to help, and when you will both look at progress. Start it here, or from the check-in "
            "where you agreed it (select it, then Start a plan…). The 1:1 thread beside it carries on "
            "either way, and its open follow-ups carry into the plan.",
            "plan_start_intro")
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("plan_start_target")
        self.target_edit.setAccessibleName("Target level")
        self.target_edit.setToolTip("The level the plan aims at (taken from the Target tab when set)")
        self.date_box = QCheckBox("Review on")
        self.date_box.setObjectName("plan_start_date_box")
        self.date_box.setAccessibleName("The plan has a review date")
        self.date_edit = QDateEdit(to_qdate(today).addMonths(6))
        self.date_edit.setObjectName("plan_start_date")
        self.date_edit.setAccessibleName("Review date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setEnabled(False)
        self.date_box.toggled.connect(self.date_edit.setEnabled)
        self.manager_edit = QLineEdit()
        self.manager_edit.setObjectName("plan_start_manager")
        self.manager_edit.setAccessibleName("Manager's name")
        self.error_label = plain_label("", "plan_start_error")
        self.start_button = button("&Start the plan", "plan_start_button",
                                   "Start a written promotion plan toward this level", start)
        form = QFormLayout()
        form.addRow("&Target level", self.target_edit)
        dated = QHBoxLayout()
        dated.addWidget(self.date_box)
        dated.addWidget(self.date_edit)
        dated.addStretch(1)
        form.addRow("", dated)
        form.addRow("&Manager", self.manager_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def review_date(self) -> date | None:
        """The chosen review date, or None when the box is not ticked."""
        if not self.date_box.isChecked():
            return None
        return from_qdate(self.date_edit.date())


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def item_rows(state: PlanState) -> list[Row]:
    """Checklist rows: status and title; the tooltip says how both will know and what it links."""
    return [(int(i.id or 0), f"[{STATUS_WORDS[i.status]}] {i.title}",
             f"How we'll know: {i.how_we_know or 'not agreed yet'}\n"
             f"Serves {_count(len(i.expectation_ids), 'target expectation', 'target expectations')}; "
             f"{_count(len(i.entry_ids), 'journal entry proves', 'journal entries prove')} it",
             "quiet" if i.status in ("done", "dropped") else "") for i in state.checklist]


def commitment_rows(state: PlanState, today: date) -> list[Row]:
    """Manager commitments; an open one past its date is shown in red."""
    return [(int(c.id or 0), f"[{c.status}] {c.text}" + (f" — by {c.due}" if c.due else ""), "",
             "quiet" if c.status != "open" else "alert" if c.due and c.due < today else "")
            for c in state.commitments]


def checkpoint_rows(state: PlanState, today: date) -> list[Row]:
    """Checkpoints with how soon they fall; overdue ones in red, reviewed ones greyed."""
    rows: list[Row] = []
    for c in state.checkpoints:
        urgency = classify(c.day, None, today)
        word = URGENCY_WORDS[urgency]
        mark = " (reviewed)" if c.reviewed else f" ({word})" if word else ""
        tone = "quiet" if c.reviewed else "alert" if urgency == "overdue" else ""
        rows.append((int(c.id or 0), f"{c.day} {c.title}{mark}", "", tone))
    return rows


def checkin_rows(state: PlanState, today: date) -> list[Row]:
    """The 1:1 thread, newest first, with how many talking points each has; a planned one says so,
    and those before the plan started are marked (they stay in the thread)."""
    start = state.started_on
    return [(int(c.id or 0), f"{c.day} — {_count(len(c.talking_points), 'talking point', 'talking points')}"
             + (" · growth talk" if c.growth_talk else "")
             + (" · planned, not held yet" if c.planned else "")
             + (" · before the plan" if start is not None and c.day < start else ""),
             c.notes or ("The agenda of a coming 1:1" if c.planned else ""),
             "quiet" if start is not None and c.day < start else "") for c in reversed(state.checkins)]


def followup_rows(views: Sequence[FollowUpView]) -> list[Row]:
    """Follow-ups seen from one check-in: who, due date, age, carried and overdue marks."""
    return [(int(v.followup.id or 0), ("✓ " if v.done else "") + v.followup.text
             + f" ({v.followup.owner}" + (f", due {v.followup.due}" if v.followup.due else "")
             + f", open {_count(v.open_days, 'day', 'days')}"
             + (", carried" if v.carried else "") + (", OVERDUE" if v.overdue else "") + ")",
             f"From the check-in of {v.origin_day}",
             "quiet" if v.done else "alert" if v.overdue else "") for v in views]


def prep_rows(prep: PrepView) -> list[Row]:
    """The lines of the prep view, each one a possible talking point; overdue follow-ups in red."""
    rows: list[Row] = [(0, f"Follow-up: {v.followup.text}" + (" (overdue)" if v.overdue else ""), "",
                        "alert" if v.overdue else "") for v in prep.followups]
    rows += [(0, f"Manager's commitment: {c.text}" + (f" (by {c.due})" if c.due else ""),
              "Something your manager agreed to do: ask how it is going") for c in prep.commitments]
    rows += [(0, f"Checkpoint {d.checkpoint.day}: {d.checkpoint.title}", "") for d in prep.checkpoints]
    rows += [(0, f"In progress: {i.title}", "") for i in prep.in_progress]
    rows += [(0, f"New evidence: {e.day} {e.title}", "") for e in prep.starred]
    rows += [(0, q.text, "A question worth asking") for q in prep.questions]
    return rows


def prep_point(text: str) -> str:
    """The talking point a prep line becomes: the line without its "(overdue)" marker."""
    return text.removesuffix(" (overdue)")
