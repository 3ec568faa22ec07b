"""The 1:1 thread in the Plan tab, driven through the real widgets: check-ins before any plan, a plan
started from one of them, a "not yet" on the check-in just recorded with a "how they'll know" for
each change, and talking points that go onto the next (planned) check-in's agenda."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from fikadesk.domain.plan.records import CheckIn, Commitment, Plan
from fikadesk.services.container import Services
from fikadesk.ui.plan.details import PlanDetailsDialog
from fikadesk.ui.plan.dialogs import CheckinDialog
from fikadesk.ui.plan.thread_dialogs import NextCheckinDialog, NotYetDialog
from fikadesk.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 20)  # what the fixture clock says


def _rows(panel) -> list[str]:
    return [panel.model.item(i).text() for i in range(panel.model.rowCount())]


def _select(panel, text: str) -> None:
    for i in range(panel.model.rowCount()):
        if text in panel.model.item(i).text():
            panel.view.setCurrentIndex(panel.model.index(i, 0))
            return
    raise AssertionError(f"no row with {text!r} in {_rows(panel)}")


def _run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, act) -> None:
    """Let the real classmethod open the real dialog, and act on it once it is shown."""
    original = QDialog.exec

    def exec_and_act(self) -> int:
        QTimer.singleShot(0, lambda: act(self))
        return original(self)

    monkeypatch.setattr(cls, "exec", exec_and_act)
    assert QApplication.instance() is not None


def _click(qtbot, tab, name: str) -> None:
    found = tab.findChild(QPushButton, name)
    assert found is not None and found.isVisibleTo(tab), name
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def _record(monkeypatch, qtbot, tab, day: date, followups: str = "", notes: str = "") -> None:
    def record(dialog: QDialog) -> None:
        dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
        dialog.notes_edit.setPlainText(notes)
        dialog.followups_edit.setPlainText(followups)
        dialog.findChild(QPushButton, "plan_checkin_dialog_save_button").click()

    _run_dialog(monkeypatch, CheckinDialog, record)
    _click(qtbot, tab, "plan_new_checkin_button")


@pytest.fixture
def tab(window: MainWindow):
    window.tabs.setCurrentWidget(window.plan_tab)
    window.plan_tab.reload()
    return window.plan_tab


def test_check_ins_before_a_plan_then_a_plan_from_one_of_them(qtbot, tab, services: Services,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 13: two 1:1s on a new journal (the first with two follow-ups), then a plan started
    from the first: it carries both open follow-ups and the thread holds both check-ins."""
    assert tab.stack.currentWidget() is tab.start_page  # the start form, beside the thread
    assert tab.checkins.isVisibleTo(tab) and tab.prep.isVisibleTo(tab)
    assert tab.header_label.text().startswith("No written plan yet")
    assert "How does promotion work here?" in " ".join(_rows(tab.prep))
    _record(monkeypatch, qtbot, tab, date(2026, 11, 2), notes="Raised the promotion",
            followups="manager: Send me the ladder\nList my wins since spring")
    _record(monkeypatch, qtbot, tab, date(2026, 11, 16))
    assert services.plan.active() is None
    assert _rows(tab.checkins) == ["2026-11-16 — 0 talking points", "2026-11-02 — 0 talking points"]
    assert _rows(tab.prep)[:2] == ["Follow-up: Send me the ladder", "Follow-up: List my wins since spring"]

    def start(dialog: QDialog) -> None:
        dialog.target_edit.setText("Senior Engineer")
        dialog.findChild(QPushButton, "plan_details_dialog_save_button").click()

    _run_dialog(monkeypatch, PlanDetailsDialog, start)
    _select(tab.checkins, "2026-11-02")
    _click(qtbot, tab, "plan_from_checkin_button")
    active = services.plan.active()
    assert active is not None and active.plan.target_level == "Senior Engineer"
    assert active.created_on == date(2026, 11, 2)
    assert tab.stack.currentIndex() == 1 and "Senior Engineer" in tab.header_label.text()
    assert not tab.from_checkin_button.isVisibleTo(tab)
    assert _rows(tab.checkins) == ["2026-11-16 — 0 talking points",
                                   "2026-11-02 — 0 talking points · growth talk"]
    assert _rows(tab.prep)[:2] == ["Follow-up: Send me the ladder", "Follow-up: List my wins since spring"]
    state = services.plan.state()
    assert state is not None and [c.day for c in state.checkins] == [date(2026, 11, 2), date(2026, 11, 16)]
    assert {f.text for f in state.followups if f.done_on is None} == {"Send me the ladder",
                                                                       "List my wins since spring"}


def test_not_yet_goes_to_the_check_in_just_recorded(qtbot, tab, services: Services,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20 item 1: the selection still on the older check-in must not catch the "not yet"."""
    services.plan.start(Plan("Senior Engineer"))
    tab.reload()
    _record(monkeypatch, qtbot, tab, date(2026, 10, 1), notes="Quarterly chat")
    _select(tab.checkins, "2026-10-01")
    _record(monkeypatch, qtbot, tab, date(2026, 11, 20), notes="Heard not yet")
    offered: list[str] = []

    def answer(dialog: QDialog) -> None:
        offered.append(dialog.checkin_combo.currentText())
        dialog.changes_edit.setPlainText("Lead a cross-team project")
        dialog.findChild(QPushButton, "plan_not_yet_dialog_save_button").click()

    _run_dialog(monkeypatch, NotYetDialog, answer)
    _click(qtbot, tab, "plan_not_yet_button")
    assert offered == ["2026-11-20"]
    notes = {c.day: c.notes for c in services.plan.state().checkins}
    assert notes[date(2026, 10, 1)] == "Quarterly chat"
    assert "'Not yet' recorded" in notes[date(2026, 11, 20)]


def test_not_yet_asks_which_check_in(qtbot, tab, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkin(CheckIn(None, date(2026, 10, 1)))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 18)))
    tab.reload()

    def answer(dialog: QDialog) -> None:
        assert [dialog.checkin_combo.itemText(i) for i in range(dialog.checkin_combo.count())] == [
            "2026-11-18", "2026-10-01"]
        dialog.checkin_combo.setCurrentIndex(1)  # it was heard in October
        dialog.changes_edit.setPlainText("Mentor a new hire")
        dialog.findChild(QPushButton, "plan_not_yet_dialog_save_button").click()

    _run_dialog(monkeypatch, NotYetDialog, answer)
    _click(qtbot, tab, "plan_not_yet_button")
    notes = {c.day: c.notes for c in services.plan.state().checkins}
    assert "'Not yet' recorded" in notes[date(2026, 10, 1)] and notes[date(2026, 11, 18)] == ""


def test_each_change_gets_its_own_how_they_will_know(qtbot, tab, services: Services,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20 item 2."""
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 18)))
    tab.reload()

    def answer(dialog: QDialog) -> None:
        dialog.changes_edit.setPlainText("Lead a cross-team project\nMentor a new hire\nWrite the RFC")
        assert dialog.each_table.rowCount() == 3
        dialog.set_how(0, "Two teams ship it on time")
        dialog.set_how(1, "The new hire is on call alone by March")
        dialog.how_edit.setText("My manager reads it")
        dialog.findChild(QPushButton, "plan_not_yet_dialog_save_button").click()

    _run_dialog(monkeypatch, NotYetDialog, answer)
    _click(qtbot, tab, "plan_not_yet_button")
    assert [(i.title, i.how_we_know) for i in services.plan.state().checklist] == [
        ("Lead a cross-team project", "Two teams ship it on time"),
        ("Mentor a new hire", "The new hire is on call alone by March"),
        ("Write the RFC", "My manager reads it")]


def test_a_talking_point_goes_onto_the_next_planned_check_in(qtbot, tab, services: Services,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20 item 4: no meeting is recorded as held; cancelling loses nothing."""
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)))
    services.plan.save_commitment(Commitment(None, "Find me a cross-team project", due=date(2027, 1, 15)))
    tab.reload()
    assert "next: not planned" in tab.header_label.text()
    take = "Manager's commitment: Find me a cross-team project (by 2027-01-15)"

    def cancel(dialog: QDialog) -> None:
        dialog.findChild(QPushButton, "plan_next_checkin_dialog_cancel_button").click()

    _run_dialog(monkeypatch, NextCheckinDialog, cancel)
    _select(tab.prep, take)
    _click(qtbot, tab, "plan_take_point_button")
    assert [c.day for c in services.plan.state().checkins] == [date(2026, 11, 2)]  # nothing recorded
    assert take in _rows(tab.prep)  # the line is still there to take

    def plan_for(day: date):
        def act(dialog: QDialog) -> None:
            dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
            dialog.findChild(QPushButton, "plan_next_checkin_dialog_save_button").click()
        return act

    _run_dialog(monkeypatch, NextCheckinDialog, plan_for(date(2026, 11, 27)))
    _select(tab.prep, take)
    _click(qtbot, tab, "plan_take_point_button")
    planned = [c for c in services.plan.state().checkins if c.planned]
    assert [(c.day, c.talking_points) for c in planned] == [(date(2026, 11, 27), (take,))]
    assert "next: 2026-11-27" in tab.header_label.text()
    assert "2026-11-27 — 1 talking point · planned, not held yet" in _rows(tab.checkins)
    _run_dialog(monkeypatch, NextCheckinDialog, plan_for(date(2026, 12, 1)))  # the 1:1 moved
    _click(qtbot, tab, "plan_next_checkin_button")
    planned = [c for c in services.plan.state().checkins if c.planned]
    assert [(c.day, c.talking_points) for c in planned] == [(date(2026, 12, 1), (take,))]
    assert "2026-12-01" in tab.prep.title()

    def held(dialog: QDialog) -> None:  # the meeting happened: record it
        assert dialog.planned_box.isChecked() and not dialog.followups_edit.isEnabled()
        dialog.day_edit.setDate(QDate(2026, 11, 20))
        dialog.planned_box.setChecked(False)
        dialog.followups_edit.setPlainText("Draft the project brief")
        dialog.findChild(QPushButton, "plan_checkin_dialog_save_button").click()

    _run_dialog(monkeypatch, CheckinDialog, held)
    _select(tab.checkins, "planned")
    _click(qtbot, tab, "plan_edit_checkin_button")
    recorded = [c for c in services.plan.state().checkins if c.day == TODAY]
    assert [(c.planned, c.talking_points) for c in recorded] == [(False, (take,))]


def test_every_thread_control_has_a_name(qtbot, tab, services: Services) -> None:
    from tests.ui.leveling.test_target_dialogs import unnamed_controls

    services.plan.save_checkin(CheckIn(None, date(2026, 11, 18)))
    tab.reload()
    assert unnamed_controls(tab) == []  # the thread page before any plan
    dialogs = [NotYetDialog(TODAY, None, [(1, "2026-11-18")], 1),
               NextCheckinDialog(TODAY, TODAY, "When is the next 1:1?", None),
               CheckinDialog(CheckIn(None, date(2026, 11, 27), planned=True), None)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], dialog.objectName()


def test_recording_the_planned_check_in_when_its_day_comes(qtbot, tab, services: Services,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """New check-in… on the day of a planned 1:1 records that one, with its agenda, as held."""
    services.plan.plan_next(TODAY)
    services.plan.add_talking_point("Ask about the panel")
    tab.reload()

    def record(dialog: QDialog) -> None:
        assert dialog.points_edit.toPlainText() == "Ask about the panel"
        assert not dialog.planned_box.isChecked() and dialog.followups_edit.isEnabled()
        dialog.notes_edit.setPlainText("The panel is the directors")
        dialog.followups_edit.setPlainText("Send the case summary")
        dialog.findChild(QPushButton, "plan_checkin_dialog_save_button").click()

    _run_dialog(monkeypatch, CheckinDialog, record)
    _click(qtbot, tab, "plan_new_checkin_button")
    (held,) = services.plan.thread().checkins
    assert (held.day, held.planned, held.talking_points, held.notes) == (
        TODAY, False, ("Ask about the panel",), "The panel is the directors")
    assert [f.text for f in services.plan.thread().followups] == ["Send the case summary"]


def test_the_plan_menu_plans_the_next_check_in_and_starts_a_plan_from_one(
        qtbot, window: MainWindow, tab, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both thread steps are in the Plan menu too, not only behind the tab's buttons."""
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)))
    tab.reload()

    def plan_for(dialog: QDialog) -> None:
        dialog.day_edit.setDate(QDate(2026, 11, 27))
        dialog.findChild(QPushButton, "plan_next_checkin_dialog_save_button").click()

    _run_dialog(monkeypatch, NextCheckinDialog, plan_for)
    window.findChild(QAction, "plan_next_action").trigger()
    assert sorted((c.day, c.planned) for c in services.plan.thread().checkins) == [
        (date(2026, 11, 2), False), (date(2026, 11, 27), True)]

    def start(dialog: QDialog) -> None:
        dialog.target_edit.setText("Senior Engineer")
        dialog.findChild(QPushButton, "plan_details_dialog_save_button").click()

    _run_dialog(monkeypatch, PlanDetailsDialog, start)
    _select(tab.checkins, "2026-11-02")
    window.findChild(QAction, "plan_from_checkin_action").trigger()
    active = services.plan.active()
    assert active is not None and active.created_on == date(2026, 11, 2)
