"""The Plan tab driven end to end offscreen: start a plan, fill the checklist with links, record
check-ins whose follow-ups carry forward, turn a "not yet" into items, and take prep points."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from fikadesk.domain.plan.prep import NotYetAnswer
from fikadesk.domain.plan.records import CheckIn, ChecklistItem, Checkpoint, FollowUp, Plan
from fikadesk.services.container import Services
from fikadesk.services.errors import PlanError
from fikadesk.ui.plan.dialogs import CheckinDialog, ItemDialog
from fikadesk.ui.plan.thread_dialogs import NotYetDialog
from fikadesk.ui.shell.main_window import MainWindow
from tests.briefs.sample import fill_journal

TODAY = date(2026, 11, 20)


def _rows(panel) -> list[str]:
    return [panel.model.item(i).text() for i in range(panel.model.rowCount())]


def _select(panel, text: str) -> None:
    for i in range(panel.model.rowCount()):
        if text in panel.model.item(i).text():
            panel.view.setCurrentIndex(panel.model.index(i, 0))
            return
    raise AssertionError(f"no row with {text!r} in {_rows(panel)}")


def _open_plan_tab(window: MainWindow):
    window.tabs.setCurrentWidget(window.plan_tab)
    return window.plan_tab


def test_starting_a_plan_from_the_start_page(qtbot, window: MainWindow, services: Services) -> None:
    tab = _open_plan_tab(window)
    assert tab.stack.currentWidget() is tab.start_page
    page = tab.start_page
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert "level" in page.error_label.text().lower()  # an empty target level is refused in words
    assert services.plan.active() is None
    qtbot.keyClicks(page.target_edit, "Senior Engineer")
    page.date_box.setChecked(True)
    page.date_edit.setDate(QDate(2027, 1, 15))  # under 90 days away, no growth talk recorded yet
    qtbot.keyClicks(page.manager_edit, "Sam")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    active = services.plan.active()
    assert active is not None and active.plan.target_level == "Senior Engineer"
    assert active.plan.target_date == date(2027, 1, 15) and active.plan.manager_name == "Sam"
    assert tab.stack.currentIndex() == 1
    assert "Senior Engineer" in tab.header_label.text()
    assert tab.timing_label.text() == (  # the review is near and nobody talked about growth yet
        "The review is 56 days away and no growth conversation is on record. Raise it at your very next "
        "check-in: decisions and budgets are often settled well before the review.")
    assert tab.header_label.textFormat() == Qt.TextFormat.PlainText


def test_checklist_item_with_expectation_and_evidence_links(qtbot, window: MainWindow, services: Services,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    ids = fill_journal(services)
    services.plan.start(Plan("Senior Engineer"))
    tab = _open_plan_tab(window)
    tab.reload()
    entry_id = next(iter(ids.values()))

    def fill_in(dialog: QDialog) -> None:
        dialog.title_edit.setText("Lead the search rebuild")
        dialog.how_edit.setText("Sam sees the design review go through")
        dialog.expectation_list.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.entry_filter.setText("billing migration")
        visible = [dialog.entry_list.item(i) for i in range(dialog.entry_list.count())
                   if not dialog.entry_list.item(i).isHidden()]
        assert [row.text() for row in visible] == ["★ 2026-09-18 Led the billing migration cut-over"]
        visible[0].setCheckState(Qt.CheckState.Checked)
        dialog.findChild(QPushButton, "plan_item_dialog_save_button").click()

    _run_dialog(monkeypatch, ItemDialog, fill_in)
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_add_item_button"), Qt.MouseButton.LeftButton)
    [item] = services.plan.state().checklist
    assert item.title == "Lead the search rebuild" and len(item.expectation_ids) == 1
    assert item.entry_ids == (entry_id,)
    assert _rows(tab.items) == ["[Open] Lead the search rebuild"]
    _select(tab.items, "search rebuild")
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_item_done_button"), Qt.MouseButton.LeftButton)
    assert services.plan.state().checklist[0].status == "done"
    assert _rows(tab.items) == ["[Done] Lead the search rebuild"]
    assert "1 of 1" in tab.header_label.text() or "1/1" in tab.header_label.text()


def test_an_empty_item_title_is_refused_and_the_typing_stays(qtbot, window: MainWindow,
                                                             services: Services,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    services.plan.start(Plan("Senior Engineer"))
    tab = _open_plan_tab(window)
    tab.reload()
    seen: dict[str, str] = {}

    def try_empty(dialog: QDialog) -> None:
        dialog.how_edit.setText("kept text")
        dialog.findChild(QPushButton, "plan_item_dialog_save_button").click()
        seen["error"] = dialog.error_label.text()
        seen["how"] = dialog.how_edit.text()
        assert dialog.isVisible()
        dialog.reject()

    _run_dialog(monkeypatch, ItemDialog, try_empty)
    tab.add_item()
    assert seen["error"] and seen["how"] == "kept text"
    assert services.plan.state().checklist == ()


def test_follow_up_carries_forward_and_is_marked_overdue(qtbot, window: MainWindow, services: Services,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    services.plan.start(Plan("Senior Engineer"))
    first = services.plan.save_checkin(CheckIn(None, date(2026, 10, 1), ("Raise the promotion",)),
                                       (FollowUp(None, None, "Send Sam the design doc", "me",
                                                 due=date(2026, 10, 15)),))
    assert first
    tab = _open_plan_tab(window)
    tab.reload()

    def record(dialog: QDialog) -> None:
        dialog.day_edit.setDate(QDate(2026, 11, 19))
        dialog.points_edit.setPlainText("Scope of the Q1 project\nFeedback on the review")
        dialog.notes_edit.setPlainText("Good talk")
        dialog.growth_box.setChecked(True)
        dialog.followups_edit.setPlainText("manager: Ask the director about the panel\n"
                                           "Book the calibration slot by 2026-11-19")
        dialog.findChild(QPushButton, "plan_checkin_dialog_save_button").click()

    _run_dialog(monkeypatch, CheckinDialog, record)
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_new_checkin_button"), Qt.MouseButton.LeftButton)
    state = services.plan.state()
    assert [c.day for c in state.checkins] == [date(2026, 10, 1), date(2026, 11, 19)]
    assert state.checkins[-1].growth_talk
    # the plan started today (2026-11-20): earlier check-ins stay in the thread, marked
    assert _rows(tab.checkins) == ["2026-11-19 — 2 talking points · growth talk · before the plan",
                                   "2026-10-01 — 1 talking point · before the plan"]
    _select(tab.checkins, "2026-11-19")
    rows = _rows(tab.followups)
    carried = next(r for r in rows if "design doc" in r)
    assert "carried" in carried and "OVERDUE" in carried and "open 50 days" in carried
    assert rows[1:] == ["Ask the director about the panel (manager, open 1 day)",
                        "Book the calibration slot (me, due 2026-11-19, open 1 day, OVERDUE)"]
    _select(tab.followups, "design doc")
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_followup_done_button"), Qt.MouseButton.LeftButton)
    done = next(f for f in services.plan.state().followups if "design doc" in f.text)
    assert done.done_on == TODAY
    assert not any("OVERDUE" in r and "design doc" in r for r in _rows(tab.followups))


def test_not_yet_becomes_items_and_a_checkpoint_in_one_step(qtbot, window: MainWindow, services: Services,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    services.plan.start(Plan("Senior Engineer"))
    checkin_id = services.plan.save_checkin(CheckIn(None, date(2026, 11, 18)))
    tab = _open_plan_tab(window)
    tab.reload()

    def answer(dialog: QDialog) -> None:
        dialog.compared_edit.setText("the two seniors promoted last cycle")
        dialog.changes_edit.setPlainText("Lead a cross-team project\nMentor one new hire")
        dialog.how_edit.setText("The project ships and the team lead says so")
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("work"))
        dialog.findChild(QPushButton, "plan_not_yet_dialog_save_button").click()

    _run_dialog(monkeypatch, NotYetDialog, answer)
    _select(tab.checkins, "2026-11-18")
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_not_yet_button"), Qt.MouseButton.LeftButton)
    state = services.plan.state()
    assert [i.title for i in state.checklist] == ["Lead a cross-team project", "Mentor one new hire"]
    assert {i.source_checkin_id for i in state.checklist} == {checkin_id}
    assert len(state.checkpoints) == 1 and all(i.checkpoint_id == state.checkpoints[0].id
                                               for i in state.checklist)
    assert [r.split("] ", 1)[1] for r in _rows(tab.items)] == ["Lead a cross-team project",
                                                               "Mentor one new hire"]
    assert len(_rows(tab.checkpoints)) == 1


def test_prep_lines_become_talking_points_with_one_click(qtbot, window: MainWindow,
                                                         services: Services) -> None:
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_item(ChecklistItem(None, "Own the on-call rota", status="in_progress"))
    services.plan.save_checkpoint(Checkpoint(None, date(2026, 11, 10), "Mid-cycle review"))
    upcoming = services.plan.save_checkin(CheckIn(None, date(2026, 11, 21)))
    tab = _open_plan_tab(window)
    tab.reload()
    rows = _rows(tab.prep)
    assert "In progress: Own the on-call rota" in rows
    assert any(r.startswith("Checkpoint 2026-11-10") for r in rows)
    assert "2026-11-21" in tab.prep.title()
    assert tab.banner.isVisible()  # the overdue checkpoint and the unprepared check-in are announced
    _select(tab.prep, "In progress: Own the on-call rota")
    take = tab.findChild(QPushButton, "plan_take_point_button")
    qtbot.mouseClick(take, Qt.MouseButton.LeftButton)
    saved = next(c for c in services.plan.state().checkins if c.id == upcoming)
    assert saved.talking_points == ("In progress: Own the on-call rota",)
    _select(tab.prep, "In progress: Own the on-call rota")
    qtbot.mouseClick(take, Qt.MouseButton.LeftButton)  # twice is still once
    saved = next(c for c in services.plan.state().checkins if c.id == upcoming)
    assert saved.talking_points == ("In progress: Own the on-call rota",)


def test_a_plan_from_the_command_line_shows_up_without_restart(qtbot, window: MainWindow,
                                                               services: Services) -> None:
    tab = _open_plan_tab(window)
    assert tab.stack.currentIndex() == 0
    services.plan.start(Plan("Staff Engineer"))  # as `fikadesk plan start` would, behind the window's back
    window.check_outside_changes()
    assert tab.stack.currentIndex() == 1 and "Staff Engineer" in tab.header_label.text()


def test_not_yet_answer_needs_a_change_when_the_reason_is_the_work(qtbot) -> None:
    dialog = NotYetDialog(TODAY, None)
    qtbot.addWidget(dialog)
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("work"))
    dialog.findChild(QPushButton, "plan_not_yet_dialog_save_button").click()
    assert "at least one thing" in dialog.error_label.text()
    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("headcount"))
    dialog.findChild(QPushButton, "plan_not_yet_dialog_save_button").click()
    assert dialog.value == NotYetAnswer("", (), "", "headcount")


def _run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, act) -> None:
    """Let the real classmethod open the real dialog, and act on it once it is shown."""
    original = QDialog.exec  # not cls.exec: a second call in one test must not chain the first

    def exec_and_act(self) -> int:
        QTimer.singleShot(0, lambda: act(self))
        return original(self)

    monkeypatch.setattr(cls, "exec", exec_and_act)
    assert QApplication.instance() is not None


def test_plan_details_and_a_new_plan_keep_the_old_one_as_history(qtbot, window: MainWindow,
                                                                 services: Services,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from fikadesk.ui.plan.details import PlanDetailsDialog, PlanHistoryDialog

    services.plan.start(Plan("Senior Engineer", manager_name="Sam"))
    services.plan.save_item(ChecklistItem(None, "Lead the search rebuild"))
    tab = _open_plan_tab(window)
    tab.reload()

    def details(dialog: QDialog) -> None:
        assert dialog.manager_edit.text() == "Sam"
        dialog.note_edits["who_decides"].setPlainText("the calibration panel in March")
        dialog.note_edits["budget_lock"].setPlainText("January")
        dialog.date_box.setChecked(True)
        dialog.day_edit.setDate(QDate(2027, 3, 31))
        dialog.findChild(QPushButton, "plan_details_dialog_save_button").click()

    _run_dialog(monkeypatch, PlanDetailsDialog, details)
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_details_button"), Qt.MouseButton.LeftButton)
    plan = services.plan.active().plan
    assert plan.process_notes.who_decides == "the calibration panel in March"
    assert plan.process_notes.budget_lock == "January" and plan.target_date == date(2027, 3, 31)
    assert "Decided by: the calibration panel in March" in tab.header_label.text()

    def renamed(dialog: QDialog) -> None:
        assert not dialog.date_box.isChecked()  # a new plan asks for its own date
        dialog.target_edit.setText("Staff Engineer")
        dialog.findChild(QPushButton, "plan_details_dialog_save_button").click()

    from PySide6.QtWidgets import QMessageBox
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _run_dialog(monkeypatch, PlanDetailsDialog, renamed)
    window.findChild(type(window.quick_capture_action), "new_plan_action").trigger()
    history = services.plan.history()
    assert [(p.plan.target_level, p.closed_on) for p in history] == [("Staff Engineer", None),
                                                                     ("Senior Engineer", TODAY)]
    assert _rows(tab.items) == [] and "Staff Engineer" in tab.header_label.text()
    shown: list[list[str]] = []

    def look(dialog: QDialog) -> None:
        tree = dialog.tree
        count = tree.topLevelItemCount()
        shown.extend([tree.topLevelItem(i).text(j) for j in range(5)] for i in range(count))
        dialog.reject()

    _run_dialog(monkeypatch, PlanHistoryDialog, look)
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_history_button"), Qt.MouseButton.LeftButton)
    assert shown == [["Staff Engineer", "—", "Sam", "2026-11-20", "active"],
                     ["Senior Engineer", "2027-03-31", "Sam", "2026-11-20", "2026-11-20"]]


def test_the_plan_tab_fits_a_small_laptop_screen(window: MainWindow, services: Services) -> None:
    services.plan.start(Plan("Senior Engineer", date(2027, 3, 31), "Sam"))
    window.plan_tab.reload()
    window.tabs.setCurrentWidget(window.plan_tab)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700  # a 1366x768 screen minus panels


def test_a_follow_up_with_an_impossible_date_is_refused_and_the_typing_stays(qtbot) -> None:
    dialog = CheckinDialog(CheckIn(None, TODAY), None)
    qtbot.addWidget(dialog)
    dialog.followups_edit.setPlainText("Send the doc\nBook a room by 2026-11-31")
    dialog.findChild(QPushButton, "plan_checkin_dialog_save_button").click()
    assert dialog.error_label.text() == ("Follow-up 2: '2026-11-31' is not a real date; use YYYY-MM-DD, "
                                         "e.g. 2026-12-01.")
    assert dialog.followups_edit.toPlainText() == "Send the doc\nBook a room by 2026-11-31"
    assert dialog.value is None
    assert "by 2026-12-01" in dialog.followups_edit.placeholderText()  # the form shows how to give a date


def test_removing_a_checklist_item_asks_first(qtbot, window: MainWindow, services: Services,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import fikadesk.ui.plan.tab as plan_tab_module

    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_item(ChecklistItem(None, "Lead the <b>search</b> rebuild"))
    tab = _open_plan_tab(window)
    tab.reload()
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(_parent, title: str) -> bool:
        asked.append(title)
        return next(answers)

    monkeypatch.setattr(plan_tab_module, "confirm_remove_item", confirm)
    _select(tab.items, "search")
    remove = tab.findChild(QPushButton, "plan_remove_item_button")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert asked == ["Lead the <b>search</b> rebuild"]
    assert [i.title for i in services.plan.state().checklist] == ["Lead the <b>search</b> rebuild"]
    _select(tab.items, "search")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert services.plan.state().checklist == () and _rows(tab.items) == []


def _answer_by_closing(qtbot, ask, box_name: str) -> tuple[bool, dict[str, object]]:
    """Ask ``ask(parent, "<i>x</i>")``, close the box it shows; return the answer and what it showed."""
    from PySide6.QtWidgets import QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def look() -> None:
        box = parent.findChild(QMessageBox, box_name)
        seen.update(format=box.textFormat(), text=box.text(), default=box.defaultButton())
        box.reject()

    QTimer.singleShot(0, look)
    return ask(parent, "<i>x</i>"), seen


def test_the_remove_question_is_plain_text_and_defaults_to_cancel(qtbot) -> None:
    from fikadesk.ui.plan.dialogs import confirm_remove_item

    answer, seen = _answer_by_closing(qtbot, confirm_remove_item, "plan_remove_item_box")
    assert answer is False
    assert seen["format"] == Qt.TextFormat.PlainText and str(seen["text"]).startswith('Remove "<i>x</i>"')


def test_double_clicking_a_prep_line_adds_it_as_a_talking_point(qtbot, window: MainWindow,
                                                                services: Services) -> None:
    services.plan.start(Plan("Senior Engineer"))
    first = services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)),
                                       (FollowUp(None, None, "Send the doc", due=date(2026, 11, 9)),))
    assert first
    upcoming = services.plan.save_checkin(CheckIn(None, date(2026, 11, 21)))
    tab = _open_plan_tab(window)
    tab.reload()
    assert _rows(tab.prep)[0] == "Follow-up: Send the doc (overdue)"
    view = tab.prep.view
    view.scrollTo(tab.prep.model.index(0, 0))
    rect = view.visualRect(tab.prep.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    saved = next(c for c in services.plan.state().checkins if c.id == upcoming)
    assert saved.talking_points == ("Follow-up: Send the doc",)  # the marker is not part of the point


def test_every_plan_control_has_a_name(qtbot, window: MainWindow, services: Services) -> None:
    from fikadesk.ui.plan.details import PlanDetailsDialog, PlanHistoryDialog
    from fikadesk.ui.plan.dialogs import DatedTextDialog
    from tests.ui.leveling.test_target_dialogs import unnamed_controls

    services.plan.start(Plan("Senior Engineer"))
    tab = _open_plan_tab(window)
    tab.reload()
    assert unnamed_controls(tab) == []
    dialogs = [ItemDialog(ChecklistItem(None, ""), [], [(1, "an entry")], None),
               CheckinDialog(CheckIn(None, TODAY), None), NotYetDialog(TODAY, None),
               DatedTextDialog("Checkpoint", "What you will review", TODAY, True, None),
               PlanDetailsDialog(Plan("Senior Engineer"), TODAY, "Plan details", None),
               PlanHistoryDialog(services.plan.history(), None)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], dialog.objectName()


def test_checkpoints_commitments_and_an_item_tied_to_a_checkpoint(qtbot, window: MainWindow,
                                                                  services: Services,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from fikadesk.ui.plan.dialogs import DatedTextDialog

    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkpoint(Checkpoint(None, date(2027, 1, 30), "Before calibration"))
    tab = _open_plan_tab(window)
    tab.reload()
    typed = iter([("Mid-cycle review", date(2026, 11, 18)), ("Introduce me to the director", None)])

    def fill(dialog: QDialog) -> None:
        text, day = next(typed)
        dialog.text_edit.setText(text)
        dialog.dated_box.setChecked(day is not None)
        if day is not None:
            dialog.day_edit.setDate(QDate(day.year, day.month, day.day))
        dialog.findChild(QPushButton, "plan_dated_text_dialog_save_button").click()

    _run_dialog(monkeypatch, DatedTextDialog, fill)
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_add_checkpoint_button"), Qt.MouseButton.LeftButton)
    assert _rows(tab.checkpoints) == ["2026-11-18 Mid-cycle review (overdue)",
                                      "2027-01-30 Before calibration"]
    overdue = tab.checkpoints.model.item(0)
    assert overdue.font().bold() and overdue.foreground().color().name() == "#b3261e"
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_add_commitment_button"), Qt.MouseButton.LeftButton)
    assert _rows(tab.commitments) == ["[open] Introduce me to the director"]
    _select(tab.commitments, "director")
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_commitment_done_button"), Qt.MouseButton.LeftButton)
    assert [c.status for c in services.plan.state().commitments] == ["done"]
    review = next(c.id for c in services.plan.state().checkpoints if c.title == "Mid-cycle review")

    def item(dialog: QDialog) -> None:
        combo = dialog.checkpoint_combo
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "No checkpoint", "2026-11-18 Mid-cycle review", "2027-01-30 Before calibration"]
        dialog.title_edit.setText("Run the cross-team planning")
        combo.setCurrentIndex(1)
        dialog.findChild(QPushButton, "plan_item_dialog_save_button").click()

    _run_dialog(monkeypatch, ItemDialog, item)
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_add_item_button"), Qt.MouseButton.LeftButton)
    [saved] = services.plan.state().checklist
    assert (saved.title, saved.checkpoint_id) == ("Run the cross-team planning", review)


def test_a_checkpoint_can_be_removed_and_its_items_stay(qtbot, window: MainWindow, services: Services,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import fikadesk.ui.plan.tab as plan_tab_module

    services.plan.start(Plan("Senior Engineer"))
    wrong = services.plan.save_checkpoint(Checkpoint(None, date(2026, 12, 24), "Wrong <b>date</b>"))
    services.plan.save_item(ChecklistItem(None, "Run the design review", checkpoint_id=wrong))
    tab = _open_plan_tab(window)
    tab.reload()
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(_parent, title: str) -> bool:
        asked.append(title)
        return next(answers)

    monkeypatch.setattr(plan_tab_module, "confirm_remove_checkpoint", confirm)
    remove = tab.findChild(QPushButton, "plan_remove_checkpoint_button")
    assert remove.accessibleName() == "Remove (Checkpoints)"
    _select(tab.checkpoints, "Wrong")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)  # cancelled: nothing changes
    assert [c.title for c in services.plan.state().checkpoints] == ["Wrong <b>date</b>"]
    _select(tab.checkpoints, "Wrong")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert asked == ["Wrong <b>date</b>", "Wrong <b>date</b>"]
    state = services.plan.state()
    assert state.checkpoints == () and _rows(tab.checkpoints) == []
    assert [(i.title, i.checkpoint_id) for i in state.checklist] == [("Run the design review", None)]
    with pytest.raises(PlanError):
        services.plan.delete_checkpoint(wrong)  # already gone: said, not silently ignored


def test_the_remove_checkpoint_question_is_plain_text_and_defaults_to_cancel(qtbot) -> None:
    from fikadesk.ui.plan.dialogs import confirm_remove_checkpoint

    answer, seen = _answer_by_closing(qtbot, confirm_remove_checkpoint, "plan_remove_checkpoint_box")
    assert answer is False
    assert seen["format"] == Qt.TextFormat.PlainText
    assert str(seen["text"]).startswith('Remove the checkpoint "<i>x</i>"')
