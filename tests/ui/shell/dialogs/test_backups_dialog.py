"""File > Backups…: list the backups, restore one through the real dialog, the damage banner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.container import build_services
from fikadesk.ui.shell.dialogs.backups import BackupsDialog
from fikadesk.ui.shell.main_window import MainWindow
from tests.storage.test_engine_damage import damage_freelist


def _add(services, title: str) -> None:  # type: ignore[no-untyped-def]
    services.journal.add(EntryDraft(day=date(2026, 11, 2), title=title))


def _titles(window: MainWindow) -> list[str]:
    return [s.title for s in window.services.journal.page(EntryQuery(), 0, 50)]


def script_modals(steps: list[tuple[str, Callable[[QWidget], None]]], seen: list[str]) -> None:
    """Answer modal windows in order: each step waits for a new modal window named as given
    (polled, since a modal loop blocks the test), records its text and acts on it."""
    handled: list[QWidget] = []

    def poll() -> None:
        if not steps:
            return
        modal = QApplication.activeModalWidget()
        name, act = steps[0]
        if modal is not None and modal.objectName() == name and modal not in handled:
            steps.pop(0)
            handled.append(modal)
            seen.append(modal.text() if isinstance(modal, QMessageBox) else name)
            QTimer.singleShot(20, poll)  # keeps polling inside the nested loops ``act`` starts
            act(modal)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


def _answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    return act


def test_backups_menu_item_is_in_the_file_menu(window: MainWindow) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    names = [a.objectName() for a in file_menu.actions()]
    assert "backups_action" in names
    assert names.index("backups_action") == names.index("backup_action") + 1


def test_restore_through_the_real_dialog(qtbot, window: MainWindow) -> None:
    services = window.services
    _add(services, "Shipped the importer")
    kept = services.backups.back_up("manual")
    _add(services, "Deleted by mistake later")
    window.check_outside_changes()
    assert window.journal_tab.model.rowCount() == 2
    seen: list[str] = []

    def in_dialog(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupsDialog)
        assert dialog.table.rowCount() == 1
        cells = [dialog.table.item(0, c).text() for c in range(4)]
        assert cells[:3] == [kept.made_at.strftime("%Y-%m-%d %H:%M"), "Made by hand", "1"]
        assert cells[3].endswith("KB")
        dialog.restore_button.click()  # returns once the question and the result were answered
        assert dialog.table.rowCount() == 2  # the "before restore" backup is listed too
        assert dialog.table.item(0, 1).text() == "Before a restore"
        dialog.reject()

    script_modals([("backups_dialog", in_dialog),
                   ("backups_message", _answer(QMessageBox.StandardButton.Yes)),
                   ("backups_message", _answer(QMessageBox.StandardButton.Ok))], seen)
    window.backups.action.trigger()
    assert seen[0] == "backups_dialog"
    assert seen[1].startswith("Replace the whole journal with the backup of ")
    assert _titles(window) == ["Shipped the importer"]
    assert window.journal_tab.model.rowCount() == 1  # the window shows the restored journal
    previous = [b for b in services.backups.list() if b.reason == "before-restore"][0]
    assert f"The journal as it was before is saved in {previous.path}" in seen[2]
    assert previous.entries == 2
    _add(services, "Written after the restore")  # the reopened journal takes writes
    assert len(_titles(window)) == 2


def test_periodic_and_close_backups(qtbot, services) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.backups.tick()  # no backup yet: the first one is made
    assert [b.reason for b in services.backups.list()] == ["periodic"]
    win.backups.tick()  # nothing changed: none
    assert len(services.backups.list()) == 1
    _add(services, "A change before closing")
    win.close()
    closing = services.backups.list()
    # the day's newest replaces the earlier periodic one (one a day is kept)
    assert [(b.reason, b.entries) for b in closing] == [("on-close", 1)]


def test_damaged_journal_shows_banner_and_restores_the_newest_good_backup(
        qtbot, journal_path: Path) -> None:
    clock = [datetime(2026, 11, 20, 10, 0)]
    services = build_services(journal_path, clock=lambda: clock[0])
    _add(services, "Safe in the backup")
    good = services.backups.back_up("periodic")
    _add(services, "Only in the damaged file")
    services.close()
    damage_freelist(journal_path)
    clock[0] = datetime(2026, 11, 20, 11, 0)
    services = build_services(journal_path, clock=lambda: clock[0])
    try:
        win = MainWindow(services)
        qtbot.addWidget(win)
        win.show()
        banner = win.backups.banner
        assert banner.isVisible()
        assert banner.label.text().startswith("This journal file is damaged (quick_check found 1 problem). "
                                              "It was opened read-only")
        assert "The newest good backup is from 2026-11-20 10:00 (1 entry)." in banner.label.text()
        restore_button = banner.action_buttons()[0]
        assert restore_button.text() == "Restore the backup of 2026-11-20 10:00…"
        seen: list[str] = []
        script_modals([("backups_message", _answer(QMessageBox.StandardButton.Yes)),
                       ("backups_message", _answer(QMessageBox.StandardButton.Ok))], seen)
        restore_button.click()
        assert not services.db.read_only
        assert not banner.isVisible()
        assert _titles(win) == ["Safe in the backup"]
        assert win.journal_tab.model.rowCount() == 1
        assert seen[0].startswith("Replace the whole journal with the backup of 2026-11-20 10:00 "
                                  "(while you worked, 1 entry)?")
        assert seen[1].startswith("The journal now holds the backup of 2026-11-20 10:00.")
        assert good.readable
    finally:
        services.close()
