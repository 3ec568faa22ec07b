"""The Plan tab's follow-up list: the selected check-in's follow-ups, marked done, corrected or deleted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from fikadesk.domain.plan.records import CheckIn, FollowUp, PlanState, followups_for_checkin
from fikadesk.services.plan.service import PlanService
from fikadesk.ui.common.controls import button
from fikadesk.ui.plan.followup_dialogs import FollowUpDialog, confirm_delete_followup
from fikadesk.ui.plan.parts import ROW_ID, ListPanel, followup_rows

#: runs one change through the tab (a warning when refused, a reload when saved); True when saved
Runner = Callable[[Callable[[], object], str], bool]


class FollowUpPanel(ListPanel):
    """Follow-ups seen from one check-in; Enter or a double-click corrects one, Delete removes it."""

    def __init__(self, plan: PlanService, today: Callable[[], date], run: Runner) -> None:
        edit = button("Chan&ge…", "plan_edit_followup_button",
                      "Correct the selected follow-up: what, whose and by when (Enter or double-click)",
                      lambda: self.edit())
        edit.setAccessibleName("Edit follow-up")
        delete = button("Delete", "plan_delete_followup_button", "Delete the selected follow-up (Delete key)",
                        lambda: self.delete())
        delete.setAccessibleName("Delete follow-up")
        super().__init__("Follow-ups in this check-in", "plan_followups", [
            button("Mark d&one", "plan_followup_done_button", "Mark the selected follow-up done today",
                   lambda: self.mark_done()), edit, delete], "No follow-ups open here.")
        self._plan, self._today, self._run = plan, today, run
        self._followups: dict[int, FollowUp] = {}
        self._checkins: dict[int, CheckIn] = {}
        self._remembered: int | None = None
        self.view.setToolTip("Enter or double-click corrects the selected follow-up; Delete removes it")
        self.view.activated.connect(lambda _index: self.edit())
        shortcut = QAction("Delete follow-up", self.view)
        shortcut.setObjectName("plan_delete_followup_action")
        shortcut.setShortcut(QKeySequence.StandardKey.Delete)
        shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.triggered.connect(lambda _checked=False: self.delete())
        self.view.addAction(shortcut)

    def show_for(self, state: PlanState | None, checkin: CheckIn | None) -> None:
        """List what the check-in shows: its own follow-ups and those carried into it. The row
        selected before stays selected (a reload empties the list for a moment on the way)."""
        self._remembered = self.current_id() or self._remembered
        if state is None or checkin is None:
            self._followups, self._checkins = {}, {}
            self.fill([])
            return
        views = followups_for_checkin(checkin, state.followups, state.checkins, self._today())
        self._followups = {int(v.followup.id or 0): v.followup for v in views}
        self._checkins = {int(c.id): c for c in state.checkins if c.id is not None}
        self.fill(followup_rows(views))
        for row in range(self.model.rowCount()):
            if self.current_id() is None and self.model.item(row).data(ROW_ID) == self._remembered:
                self.view.setCurrentIndex(self.model.index(row, 0))

    def selected(self) -> FollowUp | None:
        """The follow-up of the selected row, if any."""
        wanted = self.current_id()
        return None if wanted is None else self._followups.get(wanted)

    def mark_done(self) -> None:
        """Mark the selected follow-up done today: it stops carrying forward."""
        followup = self.selected()
        if followup is not None and followup.id is not None:
            followup_id = followup.id
            self._run(lambda: self._plan.set_followup_done(followup_id, self._today()), "Follow-up done.")

    def edit(self) -> None:
        """Correct the selected follow-up's text, owner and due date."""
        followup = self.selected()
        checkin = self._checkins.get(followup.checkin_id or 0) if followup is not None else None
        if followup is None or followup.id is None or checkin is None:
            return
        chosen = FollowUpDialog.get_followup(self, followup, checkin, self._today())
        if chosen is not None and chosen != followup:
            followup_id = followup.id
            self._run(lambda: self._plan.edit_followup(followup_id, chosen.text, chosen.owner, chosen.due),
                      "Follow-up saved.")

    def delete(self) -> None:
        """Delete the selected follow-up, after asking."""
        followup = self.selected()
        if followup is None or followup.id is None:
            return
        followup_id = followup.id
        if confirm_delete_followup(self, followup.text):
            self._run(lambda: self._plan.delete_followup(followup_id), "Follow-up deleted.")
