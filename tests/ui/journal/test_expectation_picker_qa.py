"""The expectation picker by keyboard: words in any order, Down to the list, Space to tick."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.ui.journal.expectation_picker import ExpectationPickerDialog

LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"


def _dialog(qtbot, services) -> ExpectationPickerDialog:
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    dialog = ExpectationPickerDialog(None, services.leveling.expectation_choices(), (), "Planning")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_search_matches_every_word_wherever_it_is(qtbot, services) -> None:
    dialog = _dialog(qtbot, services)
    picker = dialog.picker
    qtbot.keyClicks(picker.search_edit, "quality design")
    assert [picker.proxy.index(r, 0).data() for r in range(picker.proxy.rowCount())] == [
        "Collaboration: Works with product and design to trade scope against time and quality."]
    picker.search_edit.clear()
    qtbot.keyClicks(picker.search_edit, "  SCOPE  ")
    assert picker.proxy.rowCount() == 3


def test_keyboard_only_ticks_an_expectation(qtbot, services) -> None:
    dialog = _dialog(qtbot, services)
    picker = dialog.picker
    picker.search_edit.setFocus()
    qtbot.keyClicks(picker.search_edit, "mentor")
    QTest.keyClick(picker.search_edit, Qt.Key.Key_Down)
    assert dialog.focusWidget() is picker.list_view
    assert picker.list_view.currentIndex().row() == 0
    QTest.keyClick(picker.list_view, Qt.Key.Key_Space)
    assert picker.checked_ids() == (21,)
    QTest.keyClick(picker.list_view, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_enter_in_the_search_field_goes_to_the_list_instead_of_saving(qtbot, services) -> None:
    from datetime import date

    from fikadesk.ui.journal.quick_capture import QuickCaptureDialog

    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    dialog = QuickCaptureDialog(None, date(2026, 11, 20), [],
                                services.leveling.expectation_choices())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.title_edit, "Coached two new hires")
    qtbot.keyClicks(dialog.picker.search_edit, "mentor")
    QTest.keyClick(dialog.picker.search_edit, Qt.Key.Key_Return)
    assert dialog.result_draft is None and dialog.isVisible()  # not saved half-linked
    assert dialog.focusWidget() is dialog.picker.list_view
    QTest.keyClick(dialog.picker.list_view, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.findChild(QWidget, "quick_save_button"), Qt.MouseButton.LeftButton)
    assert dialog.result_draft is not None and dialog.result_links == (21,)
