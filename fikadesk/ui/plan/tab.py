"""The Plan tab: the written promotion plan, its checklist, commitments, checkpoints and 1:1 check-ins."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.domain.plan.checkin_questions import load_checkin_questions
from fikadesk.domain.plan.prep import PrepView
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    Plan,
    PlanState,
)
from fikadesk.domain.plan.status import at_a_glance, reminders, timing_advice
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.journal.service import JournalService
from fikadesk.services.leveling.service import LevelingService
from fikadesk.services.plan.service import PlanService
from fikadesk.ui.common.alerts import ask, warn
from fikadesk.ui.common.controls import button, plain_label
from fikadesk.ui.common.widgets.banner import Banner
from fikadesk.ui.plan.details import PlanDetailsDialog, PlanHistoryDialog
from fikadesk.ui.plan.dialogs import (
    STATUS_WORDS,
    DatedTextDialog,
    ItemDialog,
    confirm_remove_checkpoint,
    confirm_remove_item,
)
from fikadesk.ui.plan.followups import FollowUpPanel
from fikadesk.ui.plan.parts import (
    CurrentPageStack,
    ListPanel,
    StartPage,
    checkin_rows,
    checkpoint_rows,
    commitment_rows,
    item_rows,
    prep_rows,
)
from fikadesk.ui.plan.thread import ThreadActions

NO_PLAN_ADVICE = ("No written plan yet, and none is needed to keep the thread: record each 1:1 here, "
                  "raise your growth early and ask how promotion works and what gaps your manager sees. "
                  "When you agree to work toward the next level, start a plan from that check-in.")


class PlanTab(ThreadActions):
    """Everything of the active plan on one page; every change goes through the plan service."""

    def __init__(self, plan: PlanService, leveling: LevelingService, journal: JournalService,
                 today: Callable[[], date], resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_tab")
        self._plan, self._leveling, self._journal, self._today = plan, leveling, journal, today
        self._bank = load_checkin_questions(resources)
        self.state: PlanState | None = None
        self.prep_view: PrepView | None = None
        #: the check-in saved last in this window: "Not yet…" offers it first
        self._recorded_checkin: int | None = None
        self._sized = False
        # the left side: the start form before a plan, the plan's own lists after; the 1:1 thread
        # (check-ins, follow-ups, prep) is on the right either way
        self.stack = CurrentPageStack()
        self.stack.setObjectName("plan_left_stack")
        self.start_page = StartPage(today(), self.start_plan)
        self.stack.addWidget(self.start_page)
        QVBoxLayout(self).addWidget(self._build_plan_page())

    def _build_plan_page(self) -> QWidget:
        page = QWidget()
        self.banner = Banner("plan_banner")
        self.header_label = plain_label("", "plan_header")
        self.timing_label = plain_label("", "plan_timing")
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("plan_progress")
        self.progress_bar.setAccessibleName("Checklist progress")
        self.progress_bar.setFormat("%v of %m done")
        self.progress_bar.setMaximumWidth(260)
        self.progress_bar.setMinimumWidth(self.fontMetrics().horizontalAdvance("000 of 000 done") + 40)
        self.items = ListPanel("Ready checklist", "plan_items", [
            button("&Add item…", "plan_add_item_button", "Add something you will demonstrate", self.add_item),
            button("&Edit…", "plan_edit_item_button", "Change the selected item", self.edit_item),
            button("Mark &done", "plan_item_done_button", "Mark the selected item done",
                   lambda: self.set_item_status("done")),
            button("&Remove", "plan_remove_item_button", "Remove the selected item", self.remove_item)],
            "Nothing on the checklist yet. Add what you will demonstrate, or record a \"not yet\" from a "
            "check-in and its answers become items.")
        self.items.view.doubleClicked.connect(lambda _i: self.edit_item())
        self.commitments = ListPanel("Manager commitments", "plan_commitments", [
            button("Add co&mmitment…", "plan_add_commitment_button", "Record what your manager agreed to do",
                   self.add_commitment),
            button("Do&ne", "plan_commitment_done_button", "Mark the selected commitment kept",
                   self.commitment_done)], "No commitments recorded: ask what your manager will do to help.")
        self.checkpoints = ListPanel("Checkpoints", "plan_checkpoints", [
            button("Add check&point…", "plan_add_checkpoint_button", "Set a date to review progress together",
                   self.add_checkpoint),
            button("Re&viewed", "plan_checkpoint_reviewed_button", "Mark the selected checkpoint reviewed",
                   self.checkpoint_reviewed),
            button("Remove", "plan_remove_checkpoint_button",
                   "Remove the selected checkpoint (it asks first)", self.remove_checkpoint)],
            "No checkpoints yet: agree on a date to look at progress.")
        # "Not yet…" needs a plan (its answers become checklist items); before one, the same place
        # holds "Start a plan…" from the selected check-in, so the row stays as wide as it was
        self.from_checkin_button = button(
            "Start a &plan…", "plan_from_checkin_button",
            "Start a written plan from the selected check-in, where the promotion was discussed: the plan "
            "starts on its day and carries every open follow-up", self.start_from_checkin)
        self.not_yet_button = button(
            "Not &yet…", "plan_not_yet_button", "Finish a \"not yet\" heard in a check-in (the one just "
            "recorded first): its answers become checklist items and a checkpoint", self.not_yet)
        self.checkins = ListPanel("1:1 check-ins", "plan_checkins", [
            button("&New check-in…", "plan_new_checkin_button", "Record a 1:1", self.new_checkin),
            button("Ed&it…", "plan_edit_checkin_button", "Change the selected check-in, or record a "
                   "planned one as held", self.edit_checkin),
            self.not_yet_button, self.from_checkin_button],
            "No check-ins yet. Record each 1:1 here, with or without a plan; its follow-ups carry forward "
            "until done.")
        self.checkins.view.selectionModel().currentChanged.connect(lambda *_a: self._show_followups())
        self.followups = FollowUpPanel(self._plan, self._today, self._do)
        self.prep = ListPanel("Prepare the next check-in", "plan_prep", [
            button("Add as &talking point", "plan_take_point_button",
                   "Add the selected line to the next check-in's agenda", self.take_point),
            button("Plan ne&xt check-in…", "plan_next_checkin_button",
                   "Set the date of the next 1:1 (an agenda, not a meeting held)", self.plan_next)],
            "Nothing to prepare yet.")
        self.prep.view.setToolTip("Double-click a line (or select it and press Enter) to add it to the "
                                  "next check-in's talking points")
        self.prep.view.activated.connect(lambda _i: self.take_point())
        left, right = QSplitter(Qt.Orientation.Vertical), QSplitter(Qt.Orientation.Vertical)
        for panel in (self.items, self.commitments, self.checkpoints):
            left.addWidget(panel)
        self.stack.addWidget(left)
        for panel in (self.checkins, self.followups, self.prep):
            right.addWidget(panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("plan_splitter")
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(right)
        layout = QVBoxLayout(page)
        layout.addWidget(self.banner)
        top = QHBoxLayout()
        top.addWidget(self.header_label, 1)
        side = QVBoxLayout()
        side.addWidget(self.progress_bar, 0, Qt.AlignmentFlag.AlignRight)
        actions = QHBoxLayout()
        side.addLayout(actions)
        self.details_button = button("Plan &details…", "plan_details_button",
                                     "Target, review date, manager and how promotion works here",
                                     self.edit_details)
        self.new_plan_button = button("New p&lan…", "plan_new_button",
                                      "Start a new plan; this one is kept as history", self.new_plan)
        for made in (self.details_button, self.new_plan_button,
                     button("&History…", "plan_history_button", "Earlier plans", self.show_history)):
            actions.addWidget(made)
        side.addStretch(1)
        top.addLayout(side)
        layout.addLayout(top)
        layout.addWidget(self.timing_label)
        layout.addWidget(self.splitter, 1)
        return page

    # -- showing --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """After a change made elsewhere: read everything again."""
        self.reload()

    def leave(self) -> bool:
        """Nothing here is held unsaved (each dialog saves as it closes)."""
        return True

    def reload(self) -> None:
        """Read the 1:1 thread and the plan (if any) again and show them."""
        try:
            self.state = self._plan.thread()
            self.prep_view = self._plan.prep(self._today(), self._bank)
        except StorageError as exc:
            self.status_message.emit(str(exc))
            return
        if self.state.plan is None:
            goal = self._leveling.target()
            if goal is not None and not self.start_page.target_edit.text():
                self.start_page.target_edit.setText(goal.target_level)
        if self.stack.currentIndex() != (0 if self.state.plan is None else 1) or not self._sized:
            self._sized = True
            # before a plan the thread is the main thing; with one, both halves weigh the same
            self.splitter.setSizes([2, 3] if self.state.plan is None else [1, 1])
        self.stack.setCurrentIndex(0 if self.state.plan is None else 1)
        self.stack.updateGeometry()  # its minimum follows the page shown
        self._show_state(self.state, self._today())

    def _show_state(self, state: PlanState, today: date) -> None:
        glance = at_a_glance(state, today)
        decided = state.plan.process_notes.who_decides if state.plan else ""
        started = [f"Plan started {state.started_on}; the thread before it stays below"
                   ] if state.started_on and any(c.day < state.started_on for c in state.checkins) else []
        self.header_label.setText("\n".join(glance.lines() + ([f"Decided by: {decided}"] if decided else [])
                                            + started))
        self.progress_bar.setRange(0, max(glance.progress.total, 1))
        self.progress_bar.setValue(glance.progress.done)
        self.progress_bar.setFormat(f"%v of {glance.progress.total} done")
        for widget in (self.progress_bar, self.details_button, self.new_plan_button):
            widget.setVisible(state.plan is not None)
        self.from_checkin_button.setVisible(state.plan is None)
        self.not_yet_button.setVisible(state.plan is not None)
        if state.plan is None:
            self.timing_label.setText(NO_PLAN_ADVICE)
        else:
            self.timing_label.setText(timing_advice(state.plan.target_date, state.checkins, today).message)
        self.items.fill(item_rows(state))
        self.commitments.fill(commitment_rows(state, today))
        self.checkpoints.fill(checkpoint_rows(state, today))
        self.checkins.fill(checkin_rows(state, today))
        self.checkins.select_first()
        self._show_followups()
        self._show_prep()
        lines = [r.text for r in reminders(state, today)]
        if lines:
            self.banner.show_message(" ".join(lines[:3]))
        else:
            self.banner.hide()

    def _show_followups(self) -> None:
        self.followups.show_for(self.state, self._selected_checkin())

    def _show_prep(self) -> None:
        prep = self.prep_view
        if prep is None:
            self.prep.fill([])
            return
        when = f"for {prep.next_checkin.day}" if prep.next_checkin else "(next check-in not planned yet)"
        self.prep.setTitle(f"Prepare the next check-in {when}")
        rows = prep_rows(prep)
        self.prep.fill(rows)

    def _selected_item(self) -> ChecklistItem | None:
        wanted = self.items.current_id()
        return next((i for i in (self.state.checklist if self.state else ()) if i.id == wanted), None)

    def _selected_checkin(self) -> CheckIn | None:
        wanted = self.checkins.current_id()
        return next((c for c in (self.state.checkins if self.state else ()) if c.id == wanted), None)

    # -- changing -------------------------------------------------------------------------------
    def _do(self, action: Callable[[], object], said: str) -> bool:
        try:
            action()
        except FikadeskError as exc:
            warn(self, "Not saved", str(exc))
            return False
        self.journal_written.emit()
        self.status_message.emit(said)
        self.reload()
        return True

    def start_plan(self) -> bool:
        page = self.start_page
        plan = Plan(page.target_edit.text(), page.review_date(), page.manager_edit.text())
        try:
            self._plan.start(plan)
        except FikadeskError as exc:
            page.error_label.setText(str(exc))
            return False
        page.error_label.setText("")
        self.journal_written.emit()
        self.reload()
        return True

    def edit_details(self) -> None:
        current = self.state.plan if self.state else None
        if current is None:
            return
        chosen = PlanDetailsDialog.get_plan(self, current, self._today(), "Plan details")
        if chosen is not None:
            self._do(lambda: self._plan.update(chosen), "Plan details saved.")

    def new_plan(self) -> None:
        current = self.state.plan if self.state else None
        if current is None:
            return
        if not ask(self, "Start a new plan?", "Start a new plan? This one is closed today and kept under "
                   "History, with its checklist and check-ins; the new plan starts with an empty checklist."):
            return
        chosen = PlanDetailsDialog.get_plan(self, Plan(current.target_level, None, current.manager_name,
                                                       current.process_notes), self._today(), "New plan")
        if chosen is not None:
            self._do(lambda: self._plan.start(chosen), "New plan started; the earlier one is under History.")

    def show_history(self) -> None:
        try:
            plans = self._plan.history()
        except StorageError as exc:
            self.status_message.emit(str(exc))
            return
        PlanHistoryDialog(plans, self).exec()

    def add_item(self) -> None:
        self._edit_item(ChecklistItem(None, ""))

    def edit_item(self) -> None:
        item = self._selected_item()
        if item is not None:
            self._edit_item(item)

    def _edit_item(self, item: ChecklistItem) -> None:
        chosen = ItemDialog.get_item(self, item, self._leveling.expectation_choices(item.expectation_ids),
                                     self._entry_choices(item.entry_ids),
                                     [(int(c.id or 0), f"{c.day} {c.title}") for c in self.state.checkpoints]
                                     if self.state else [])
        if chosen is not None:
            self._do(lambda: self._plan.save_item(chosen), "Checklist saved.")

    def _entry_choices(self, linked: tuple[int, ...]) -> list[tuple[int, str]]:
        """Recent journal entries (newest first), plus any older ones the item already links."""
        try:
            rows = self._journal.page(EntryQuery(), 0, 500)
            shown = {row.id for row in rows}
            older = [self._journal.get(entry_id) for entry_id in linked if entry_id not in shown]
        except StorageError as exc:
            self.status_message.emit(str(exc))
            return []
        choices = [(r.id, f"{'★ ' if r.starred else ''}{r.day} {r.title}") for r in rows]
        return choices + [(e.id, f"{'★ ' if e.starred else ''}{e.day} {e.title}") for e in older]

    def set_item_status(self, status: str) -> None:
        item = self._selected_item()
        if item is not None:
            self._do(lambda: self._plan.save_item(replace(item, status=status)),  # type: ignore[arg-type]
                     f"Marked \"{item.title}\" {STATUS_WORDS[status].lower()}.")

    def remove_item(self) -> None:
        item = self._selected_item()
        if item is None or item.id is None:
            return
        item_id = item.id
        if confirm_remove_item(self, item.title):
            self._do(lambda: self._plan.delete_item(item_id), "Item removed.")

    def add_commitment(self) -> None:
        got = DatedTextDialog.get_text(self, "Manager commitment", "What your manager will do", self._today(),
                                       False)
        if got is not None:
            self._do(lambda: self._plan.save_commitment(Commitment(None, got[0], due=got[1])),
                     "Commitment recorded.")

    def commitment_done(self) -> None:
        found = next((c for c in (self.state.commitments if self.state else ())
                      if c.id == self.commitments.current_id()), None)
        if found is not None:
            self._do(lambda: self._plan.save_commitment(replace(found, status="done")), "Commitment kept.")

    def add_checkpoint(self) -> None:
        got = DatedTextDialog.get_text(self, "Checkpoint", "What you will review", self._today(), True)
        if got is not None:
            day = got[1] or self._today()
            self._do(lambda: self._plan.save_checkpoint(Checkpoint(None, day, got[0])), "Checkpoint set.")

    def checkpoint_reviewed(self) -> None:
        found = next((c for c in (self.state.checkpoints if self.state else ())
                      if c.id == self.checkpoints.current_id()), None)
        if found is not None:
            self._do(lambda: self._plan.save_checkpoint(replace(found, reviewed=True)),
                     "Checkpoint reviewed.")

    def remove_checkpoint(self) -> None:
        found = next((c for c in (self.state.checkpoints if self.state else ())
                      if c.id == self.checkpoints.current_id()), None)
        if found is not None and found.id is not None and confirm_remove_checkpoint(self, found.title):
            checkpoint_id = found.id
            self._do(lambda: self._plan.delete_checkpoint(checkpoint_id), "Checkpoint removed.")
