"""The Plan tab's 1:1 thread actions: record, plan and edit check-ins, a "not yet", a plan started
from a check-in, and talking points for the next check-in's agenda."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from fikadesk.domain.plan.prep import PrepView
from fikadesk.domain.plan.records import CheckIn, Plan, PlanState
from fikadesk.services.plan.service import PlanService
from fikadesk.ui.plan.details import PlanDetailsDialog
from fikadesk.ui.plan.dialogs import CheckinDialog
from fikadesk.ui.plan.parts import ListPanel, StartPage, prep_point
from fikadesk.ui.plan.thread_dialogs import NextCheckinDialog, NotYetDialog

NOT_PLANNED = ("No next check-in is planned yet. When is it? The point goes onto its agenda; nothing "
               "is recorded as held.")


class ThreadActions(QWidget):
    """The base of the Plan tab, which builds the widgets and services declared here."""

    status_message = Signal(str)
    journal_written = Signal()
    state: PlanState | None
    prep_view: PrepView | None
    checkins: ListPanel
    prep: ListPanel
    start_page: StartPage
    _plan: PlanService
    _today: Callable[[], date]
    _recorded_checkin: int | None

    def _do(self, action: Callable[[], object], said: str) -> bool:
        raise NotImplementedError

    def _selected_checkin(self) -> CheckIn | None:
        raise NotImplementedError

    def new_checkin(self, points: tuple[str, ...] = ()) -> None:
        today = self._today()
        due = [c for c in (self.state.checkins if self.state else ()) if c.planned and c.day <= today]
        if due and not points:  # the planned 1:1 has come: record it, its agenda kept
            self._edit_checkin(replace(due[0], planned=False))
            return
        self._edit_checkin(CheckIn(None, today, points))

    def edit_checkin(self) -> None:
        checkin = self._selected_checkin()
        if checkin is not None:
            self._edit_checkin(checkin)

    def _edit_checkin(self, checkin: CheckIn) -> None:
        got = CheckinDialog.get_checkin(self, checkin)
        if got is None:
            return
        saved: list[int] = []
        said = f"Check-in of {got[0].day} {'planned' if got[0].planned else 'saved'}."
        if self._do(lambda: saved.append(self._plan.save_checkin(got[0], got[1])), said) and saved:
            self._recorded_checkin = saved[0]
            self.checkins.select_id(saved[0])  # the selection follows what was just recorded

    def not_yet(self) -> None:
        held = [c for c in (self.state.checkins if self.state else ()) if c.held and c.id is not None]
        if not held:
            self.status_message.emit("Record the check-in where you heard \"not yet\" first.")
            return
        if self.state is None or self.state.plan is None:
            self.status_message.emit("A \"not yet\" becomes items of a plan: start a plan from that "
                                     "check-in first.")
            return
        selected = self._selected_checkin()
        known = {c.id for c in held}
        chosen = self._recorded_checkin if self._recorded_checkin in known else (
            selected.id if selected is not None and selected.id in known else held[-1].id)
        got = NotYetDialog.get_answer_for(self, self._today(), [(int(c.id or 0), str(c.day)) for c in
                                                                reversed(held)], chosen)
        if got is not None:
            checkin_id, answer = got
            self._do(lambda: self._plan.record_not_yet(checkin_id, answer),
                     "The \"not yet\" is now on your checklist, with a checkpoint to look again.")

    def start_from_checkin(self) -> None:
        checkin = self._selected_checkin()
        if checkin is None or checkin.id is None or checkin.planned:
            self.status_message.emit("Select a check-in that was held, where the promotion was discussed.")
            return
        level = self.start_page.target_edit.text().strip()
        chosen = PlanDetailsDialog.get_plan(self, Plan(level, self.start_page.review_date(),
                                                       self.start_page.manager_edit.text()),
                                            self._today(), f"Start a plan from the check-in of {checkin.day}")
        if chosen is not None:
            checkin_id = checkin.id
            self._do(lambda: self._plan.start(chosen, checkin_id),
                     f"Plan started on {checkin.day}; the open follow-ups carry into it.")

    def plan_next(self) -> None:
        upcoming = self.prep_view.next_checkin if self.prep_view else None
        today = self._today()
        day = NextCheckinDialog.get_day(self, today, upcoming.day if upcoming else today,
                                        "When is your next 1:1? It is kept as a planned check-in: its agenda "
                                        "fills up until the meeting happens.")
        if day is not None:
            self._do(lambda: self._plan.plan_next(day), f"Next check-in planned on {day}.")

    def take_point(self) -> None:
        index = self.prep.view.currentIndex()
        prep = self.prep_view
        if not index.isValid() or prep is None:
            return
        point = prep_point(str(index.data()))
        upcoming = prep.next_checkin
        if upcoming is not None and not upcoming.planned:  # dated today or later, kept before planning
            if point in upcoming.talking_points:
                self.status_message.emit("That point is on the agenda already.")
                return
            self._do(lambda: self._plan.save_checkin(replace(upcoming, talking_points=(
                *upcoming.talking_points, point))), f"Added to the check-in of {upcoming.day}.")
            return
        day = None
        if upcoming is None:
            today = self._today()
            day = NextCheckinDialog.get_day(self, today, today, NOT_PLANNED)
            if day is None:
                return  # the line stays in the list: nothing is lost
        if upcoming is not None and point in upcoming.talking_points:
            self.status_message.emit("That point is on the agenda already.")
            return
        when = upcoming.day if upcoming is not None else day
        self._do(lambda: self._plan.add_talking_point(point, day), f"Added to the agenda of {when}.")


