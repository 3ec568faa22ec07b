"""Correcting and deleting a check-in's follow-ups in the Plan tab: the buttons, Enter, double-click,
the Delete key, the question asked first, and a due date before the check-in refused in words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

import fikadesk.ui.plan.followups as panel_module
from fikadesk.domain.plan.records import CheckIn, FollowUp, Plan
from fikadesk.services.container import Services
from fikadesk.ui.plan.followup_dialogs import FollowUpDialog, confirm_delete_followup
from fikadesk.ui.shell.main_window import MainWindow
from tests.ui.leveling.test_target_dialogs import unnamed_controls
from tests.ui.plan.test_plan_tab import _rows, _run_dialog, _select

TODAY = date(2026, 11, 20)


def _tab_with_followups(window: MainWindow, services: Services):
    services.plan.start(Plan("Senior Engineer"))
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)),
                               (FollowUp(None, None, "Sedn Sam the <b>lsit</b>", due=date(2026, 11, 9)),
                                FollowUp(None, None, "Ask who sits on the panel", "manager")))
    window.tabs.setCurrentWidget(window.plan_tab)
    tab = window.plan_tab
    tab.reload()
    return tab


def test_a_follow_up_is_corrected_from_the_edit_button(qtbot, window: MainWindow, services: Services,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab_with_followups(window, services)
    assert _rows(tab.followups) == ["Sedn Sam the <b>lsit</b> (me, due 2026-11-09, open 18 days, OVERDUE)",
                                    "Ask who sits on the panel (manager, open 18 days)"]
    seen: dict[str, object] = {}

    def correct(dialog: QDialog) -> None:
        seen.update(text=dialog.text_edit.text(), owner=dialog.owner_combo.currentData(),
                    dated=dialog.due_box.isChecked(), due=dialog.due_edit.date())
        dialog.text_edit.setText("Send Sam the <b>list</b>")
        dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findData("manager"))
        dialog.due_edit.setDate(QDate(2026, 11, 27))
        dialog.findChild(QPushButton, "plan_followup_dialog_save_button").click()

    _run_dialog(monkeypatch, FollowUpDialog, correct)
    _select(tab.followups, "Sedn Sam")
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_edit_followup_button"), Qt.MouseButton.LeftButton)
    assert seen == {"text": "Sedn Sam the <b>lsit</b>", "owner": "me", "dated": True,
                    "due": QDate(2026, 11, 9)}
    first = services.plan.state().followups[0]
    assert (first.text, first.owner, first.due, first.done_on) == (
        "Send Sam the <b>list</b>", "manager", date(2026, 11, 27), None)
    assert _rows(tab.followups)[0] == "Send Sam the <b>list</b> (manager, due 2026-11-27, open 18 days)"
    assert tab.followups.selected() == first  # the corrected row stays selected
    assert window.statusBar().currentMessage() == "Follow-up saved."


def test_the_due_date_can_be_taken_away(qtbot, window: MainWindow, services: Services,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab_with_followups(window, services)

    def undate(dialog: QDialog) -> None:
        dialog.due_box.setChecked(False)
        assert not dialog.due_edit.isEnabled()
        dialog.findChild(QPushButton, "plan_followup_dialog_save_button").click()

    _run_dialog(monkeypatch, FollowUpDialog, undate)
    _select(tab.followups, "Sedn Sam")
    tab.followups.edit()
    assert services.plan.state().followups[0].due is None
    assert _rows(tab.followups)[0] == "Sedn Sam the <b>lsit</b> (me, open 18 days)"


def test_a_due_date_before_the_check_in_is_refused_and_the_typing_stays(qtbot) -> None:
    checkin = CheckIn(4, date(2026, 11, 2))
    dialog = FollowUpDialog(FollowUp(9, 4, "Send the doc"), checkin, TODAY, None)
    qtbot.addWidget(dialog)
    assert not dialog.due_box.isChecked() and dialog.due_edit.date() == QDate(2026, 11, 20)
    dialog.text_edit.setText("Send the doc to Sam")
    dialog.due_box.setChecked(True)
    dialog.due_edit.setDate(QDate(2026, 11, 1))
    dialog.findChild(QPushButton, "plan_followup_dialog_save_button").click()
    assert dialog.error_label.text() == ("The due date 2026-11-01 is before the check-in it came from "
                                         "(2026-11-02).")
    assert dialog.error_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.text_edit.text() == "Send the doc to Sam" and dialog.value is None
    dialog.text_edit.setText("   ")
    dialog.due_box.setChecked(False)
    dialog.findChild(QPushButton, "plan_followup_dialog_save_button").click()
    assert dialog.error_label.text() == "The follow-up cannot be empty."
    dialog.text_edit.setText(" Send the doc to Sam ")
    dialog.findChild(QPushButton, "plan_followup_dialog_save_button").click()
    assert dialog.value == FollowUp(9, 4, "Send the doc to Sam")


def test_enter_and_double_click_open_the_edit_form(qtbot, window: MainWindow, services: Services,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab_with_followups(window, services)
    opened: list[str] = []
    monkeypatch.setattr(FollowUpDialog, "get_followup",
                        classmethod(lambda cls, parent, followup, checkin, today: opened.append(
                            f"{followup.text} / {checkin.day}") or None))
    view = tab.followups.view
    _select(tab.followups, "panel")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened == ["Ask who sits on the panel / 2026-11-02"]
    rect = view.visualRect(tab.followups.model.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened[1:] == ["Sedn Sam the <b>lsit</b> / 2026-11-02"]
    assert [f.text for f in services.plan.state().followups] == ["Sedn Sam the <b>lsit</b>",
                                                                 "Ask who sits on the panel"]  # cancelled


def test_delete_key_and_button_ask_first(qtbot, window: MainWindow, services: Services,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab_with_followups(window, services)
    asked: list[str] = []
    answers = iter([False, True, True])

    def confirm(_parent, text: str) -> bool:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(panel_module, "confirm_delete_followup", confirm)
    view = tab.followups.view
    _select(tab.followups, "Sedn Sam")
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert asked == ["Sedn Sam the <b>lsit</b>"]
    assert len(services.plan.state().followups) == 2  # cancelled: nothing deleted
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert [f.text for f in services.plan.state().followups] == ["Ask who sits on the panel"]
    assert _rows(tab.followups) == ["Ask who sits on the panel (manager, open 18 days)"]
    assert [c.day for c in services.plan.state().checkins] == [date(2026, 11, 2)]
    _select(tab.followups, "panel")
    qtbot.mouseClick(tab.findChild(QPushButton, "plan_delete_followup_button"), Qt.MouseButton.LeftButton)
    assert services.plan.state().followups == () and _rows(tab.followups) == []
    assert asked[2:] == ["Ask who sits on the panel"]


def test_a_carried_follow_up_is_corrected_where_it_came_from(qtbot, window: MainWindow, services: Services,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab_with_followups(window, services)
    services.plan.save_checkin(CheckIn(None, date(2026, 11, 16)))
    tab.reload()
    _select(tab.checkins, "2026-11-16")
    assert _rows(tab.followups)[1] == "Ask who sits on the panel (manager, open 18 days, carried)"

    def early(dialog: QDialog) -> None:
        assert dialog.findChild(QWidget, "plan_followup_origin").text() == (
            "Agreed in the check-in of 2026-11-02.")
        dialog.due_box.setChecked(True)
        dialog.due_edit.setDate(QDate(2026, 11, 5))  # after its own check-in, before the one viewed
        dialog.findChild(QPushButton, "plan_followup_dialog_save_button").click()

    _run_dialog(monkeypatch, FollowUpDialog, early)
    _select(tab.followups, "panel")
    tab.followups.edit()
    assert services.plan.state().followups[1].due == date(2026, 11, 5)


def test_the_delete_question_is_plain_text_and_defaults_to_cancel(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def look() -> None:
        box = parent.findChild(QMessageBox, "plan_delete_followup_box")
        seen.update(format=box.textFormat(), text=box.text(), default=box.defaultButton().objectName(),
                    buttons=sorted(b.text() for b in box.buttons()))
        box.defaultButton().click()

    QTimer.singleShot(0, look)
    assert confirm_delete_followup(parent, "<i>x</i>") is False
    assert seen == {"format": Qt.TextFormat.PlainText,
                    "text": "Delete the follow-up \"<i>x</i>\"? It disappears from every check-in it was "
                            "carried into, and this cannot be undone. To keep it on record, mark it done "
                            "instead.",
                    "default": "plan_delete_followup_cancel_button", "buttons": ["Cancel", "Delete"]}


def test_every_follow_up_control_has_a_name(qtbot, window: MainWindow, services: Services) -> None:
    tab = _tab_with_followups(window, services)
    assert unnamed_controls(tab.followups) == []
    dialog = FollowUpDialog(FollowUp(1, 1, "x", due=TODAY), CheckIn(1, TODAY), TODAY, None)
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
