from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence

from fikadesk import __version__
from fikadesk.domain.preferences import LengthTarget, Preferences
from fikadesk.ui.shell.dialogs.about import AboutDialog
from fikadesk.ui.shell.dialogs.help_guide import GuideDialog, load_guide
from fikadesk.ui.shell.dialogs.help_shortcuts import ShortcutsDialog, shortcut_rows
from fikadesk.ui.shell.dialogs.preferences import PreferencesDialog, PreferencesResult
from fikadesk.ui.shell.main_window import MainWindow
from fikadesk.ui.shell.window_state import BACKUP_KEY, settings_at

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


def test_guide_pages_are_ours_and_shown_safely(qtbot):
    pages = load_guide(RESOURCES / "guide")
    assert [title for title, _ in pages] == ["Journal", "Target", "Plan", "Interview"]
    dialog = GuideDialog(RESOURCES / "guide", page=2)
    qtbot.addWidget(dialog)
    assert dialog.page_list.currentIndex().row() == 2
    assert dialog.view.toPlainText().startswith("Plan: turn")
    dialog.page_list.setCurrentIndex(dialog.model.index(0))
    assert "Ctrl+N" in dialog.view.toPlainText()


def test_the_guide_says_where_briefs_private_entries_and_export_live(window):
    pages = dict(load_guide(RESOURCES / "guide"))
    labels = {a.objectName(): a.text().replace("&", "") for a in window.findChildren(QAction)}
    journal, interview = pages["Journal"], pages["Interview"]
    for name in ("briefs_action", "export_action", "export_csv_action", "import_action"):
        assert f"File > {labels[name]}" in " ".join(journal.split()), name
    assert "Private" in journal and "never appears in a brief" in journal
    assert "fikadesk brief interview --job ID" in journal and "jrnl --export json" in journal
    assert "*Interview prep*" in interview and f"File > {labels['briefs_action']}" in interview


def test_shortcuts_are_generated_from_the_window_actions(window, qtbot):
    rows = dict(shortcut_rows(window.findChildren(type(window.quit_action))))
    assert rows["Record a win"] == QKeySequence(QKeySequence.StandardKey.New).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert rows["Find"] == "Ctrl+F"
    assert rows["Preferences"] in ("Ctrl+,", QKeySequence(QKeySequence.StandardKey.Preferences).toString(
        QKeySequence.SequenceFormat.NativeText))
    assert rows["Keyboard shortcuts"] == "Ctrl+/"
    dialog = ShortcutsDialog(window.findChildren(type(window.quit_action)))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == len(rows)


def test_the_shortcuts_dialog_lists_the_keys_that_are_not_menu_actions(window, qtbot, monkeypatch):
    from PySide6.QtGui import QShortcut

    rows = dict(shortcut_rows([], window.findChildren(QShortcut)))
    assert rows["Link a suggested expectation to the win being written"] == "Alt+1, Alt+2, Alt+3"
    assert rows["Save the answer (Interview tab)"] == QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText)
    shown: dict[str, str] = {}

    def opened(dialog: ShortcutsDialog) -> int:  # Help > Keyboard shortcuts, without the modal wait
        model = dialog.model
        shown.update({model.item(r, 0).text(): model.item(r, 1).text() for r in range(model.rowCount())})
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", opened)
    window.desktop.open_shortcuts()
    assert shown["Link a suggested expectation to the win being written"] == "Alt+1, Alt+2, Alt+3"
    assert shown["Find"] == "Ctrl+F"


def test_every_window_action_with_a_shortcut_says_it_in_its_tooltip(window):
    for action in window.actions():
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert action.toolTip().replace("&", ""), action.objectName()
        if keys:
            assert action.toolTip().endswith(f"({keys})"), action.objectName()


def test_help_and_edit_menus_hold_the_new_actions(window):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    help_names = [a.objectName() for a in menus["Help"].actions() if not a.isSeparator()]
    assert help_names == ["guide_action", "shortcuts_action", "about_action"]
    assert "preferences_action" in [a.objectName() for a in menus["Edit"].actions()]
    assert "backup_action" in [a.objectName() for a in menus["File"].actions()]
    assert not window.windowIcon().isNull()


def test_about_shows_version_path_and_opens_the_folder(qtbot, tmp_path):
    opened: list[QUrl] = []
    journal = tmp_path / "j.fikadesk"
    dialog = AboutDialog(journal, __import__("fikadesk.ui.common.theme", fromlist=["x"]).app_icon(RESOURCES),
                         opener=opened.append)
    qtbot.addWidget(dialog)
    assert dialog.findChild(type(dialog.path_label), "about_title").text() == f"fikadesk {__version__}"
    assert dialog.path_label.text() == f"Your journal: {journal}"
    dialog.show_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_preferences_dialog_explains_bad_lengths_and_keeps_the_form(qtbot, tmp_path):
    dialog = PreferencesDialog(Preferences(), tmp_path / "j.fikadesk", None)
    qtbot.addWidget(dialog)
    dialog.aspiration_low.setValue(100)
    dialog._on_buttons_accepted()
    assert dialog.result_value is None
    assert dialog.error_label.text() == ("Not saved: aspiration length: the shortest (100 s) must be "
                                         "below the longest (90 s).")
    dialog.aspiration_low.setValue(20)
    dialog.pace_spin.setValue(120)
    dialog.backup_edit.setText(str(tmp_path / "b"))
    dialog._on_buttons_accepted()
    assert dialog.result_value == PreferencesResult(
        Preferences(120, LengthTarget(20, 90), LengthTarget(45, 150), "weekly"), tmp_path / "b", None)


def test_preferences_are_saved_in_the_journal_and_settings(qtbot, services, tmp_path, monkeypatch):
    settings = settings_at(tmp_path / "settings.ini")
    win = MainWindow(services, settings=settings)
    qtbot.addWidget(win)
    chosen = PreferencesResult(Preferences(words_per_minute=160), tmp_path / "backups", None)
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, *a: chosen))
    win.desktop.preferences_action.trigger()
    assert services.preferences.get().words_per_minute == 160
    assert settings.value(BACKUP_KEY) == str(tmp_path / "backups")
    win.desktop.backup_action.trigger()
    made = list((tmp_path / "backups").glob("journal-*-manual.fikadesk"))
    assert len(made) == 1
    assert win.statusBar().currentMessage() == f"Backed up to {made[0]}"


def test_move_request_closes_the_window_for_the_switch(qtbot, services, tmp_path, monkeypatch):
    win = MainWindow(services, settings=settings_at(tmp_path / "s.ini"))
    qtbot.addWidget(win)
    win.show()
    chosen = PreferencesResult(Preferences(), None, tmp_path / "moved.fikadesk")
    monkeypatch.setattr(PreferencesDialog, "edit", classmethod(lambda cls, *a: chosen))
    win.desktop.open_preferences()
    assert win.desktop.next_journal == tmp_path / "moved.fikadesk"
    assert not win.isVisible()


def test_window_size_splitter_and_tab_come_back(qtbot, services, tmp_path):
    settings = settings_at(tmp_path / "settings.ini")
    first = MainWindow(services, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(780, 700)
    first.journal_tab.splitter.setSizes([500, 400])
    sizes = first.journal_tab.splitter.sizes()
    last = first.tabs.count() - 1
    first.tabs.setCurrentIndex(last)
    first.close()
    second = MainWindow(services, settings=settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (780, 700)
    assert second.tabs.currentIndex() == last
    second.tabs.setCurrentWidget(second.journal_tab)  # sizes are laid out once the tab is shown
    assert second.journal_tab.splitter.sizes() == sizes


@pytest.mark.parametrize("window_colour, dark", [("#f4f4f4", False), ("#202124", True)])
def test_error_colour_follows_the_palette(qapp, window_colour, dark):
    from PySide6.QtGui import QColor, QPalette

    from fikadesk.ui.common.theme import error_style, is_dark

    before = qapp.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
    qapp.setPalette(palette)
    try:
        assert is_dark() is dark
        assert error_style() == ("color: #ffb4a9; font-weight: bold;" if dark
                                 else "color: #b3261e; font-weight: bold;")
    finally:
        qapp.setPalette(before)


@pytest.mark.parametrize("cadence, shown", [("weekly", True), ("fortnightly", False), ("off", False)])
def test_quiet_week_nudge_follows_the_reminder_cadence(qtbot, services, fixed_now, cadence, shown):
    from datetime import timedelta

    from fikadesk.domain.journal.entries import EntryDraft

    services.journal.add(EntryDraft(day=fixed_now.date() - timedelta(days=10), title="Old win"))
    services.preferences.save(Preferences(reminder=cadence))
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    win.start()
    assert win.journal_tab.nudge_banner.isVisible() is shown


def test_the_guide_opens_at_the_current_tabs_page(window, monkeypatch):
    from fikadesk.ui.shell.dialogs.help_guide import page_for

    opened: list[str] = []
    monkeypatch.setattr(GuideDialog, "show_guide", classmethod(lambda cls, _p, _f, area: opened.append(area)))
    window.desktop.guide_action.trigger()
    assert opened == ["journal"]
    assert page_for(RESOURCES / "guide", "interview") == 3
    assert page_for(RESOURCES / "guide", "unknown") == 0


def test_back_up_now_keeps_the_retention_rules(qtbot, services, tmp_path):
    from datetime import datetime, timedelta

    from fikadesk.storage.backup import make_backup

    folder = tmp_path / "kept"
    for days in range(40):  # a backup a day, long ago
        make_backup(services.db.path, "periodic", when=datetime(2025, 1, 1) + timedelta(days=days),
                    folder=folder)
    settings = settings_at(tmp_path / "settings.ini")
    settings.setValue(BACKUP_KEY, str(folder))
    win = MainWindow(services, settings=settings)
    qtbot.addWidget(win)
    win.desktop.backup_action.trigger()
    left = sorted(folder.glob("journal-*.fikadesk"))
    assert len(left) < 41  # old daily copies thinned out as the rules say
    assert [p for p in left if p.name.endswith("-manual.fikadesk")]
