from PySide6.QtWidgets import QMessageBox

from fikadesk.paths import data_dir, default_journal_path, journal_location, resolve_journal_path
from fikadesk.services.container import build_services
from fikadesk.ui.shell.startup import remembered_journal, switch_journal
from fikadesk.ui.shell.window_state import JOURNAL_KEY, settings_at


def test_switch_moves_the_journal_and_remembers_it(journal_path, tmp_path, qapp):
    settings = settings_at(tmp_path / "s.ini")
    target = tmp_path / "elsewhere" / "journal.fikadesk"
    assert switch_journal(settings, journal_path, target) == target
    assert not journal_path.exists()
    assert journal_location().moved_to(journal_path) == target
    assert settings.value(JOURNAL_KEY) is None
    build_services(target, create=False).close()


def test_a_failed_move_reopens_the_old_journal_with_a_message(journal_path, tmp_path, monkeypatch, qapp):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    settings = settings_at(tmp_path / "s.ini")
    taken = tmp_path / "taken.fikadesk"
    taken.write_text("x")
    assert switch_journal(settings, journal_path, taken) == journal_path
    assert journal_path.exists()
    assert shown == [f"The journal stays at {journal_path}; nothing was lost. {taken} already exists; "
                     "choose a name that is not taken."]
    assert settings.value(JOURNAL_KEY) is None
    assert journal_location().moved_to(journal_path) is None


def test_the_demo_journal_is_opened_but_never_remembered(journal_path, tmp_path, qapp):
    settings = settings_at(tmp_path / "s.ini")
    demo = data_dir() / "demo.fikadesk"
    assert switch_journal(settings, journal_path, demo) == demo
    assert journal_path.exists()
    assert settings.value(JOURNAL_KEY) is None


def test_a_remembered_journal_that_vanished_falls_back(tmp_path, qapp):
    settings = settings_at(tmp_path / "s.ini")
    settings.setValue(JOURNAL_KEY, str(tmp_path / "gone.fikadesk"))
    assert remembered_journal(settings, tmp_path / "default.fikadesk") == tmp_path / "default.fikadesk"


def test_a_place_an_older_fikadesk_remembered_moves_into_the_shared_record(tmp_path, qapp):
    settings = settings_at(tmp_path / "s.ini")
    moved = tmp_path / "moved.fikadesk"
    build_services(moved).close()
    settings.setValue(JOURNAL_KEY, str(moved))
    assert remembered_journal(settings, default_journal_path()) == moved
    assert settings.value(JOURNAL_KEY) is None
    assert resolve_journal_path(None, {}) == moved


def test_the_window_says_when_the_moved_journal_is_not_there_and_makes_nothing(tmp_path, monkeypatch, qapp):
    import pytest

    from fikadesk import app as app_module

    build_services(default_journal_path()).close()
    drive = tmp_path / "usb"
    switch_journal(settings_at(tmp_path / "s.ini"), default_journal_path(), drive / "journal.fikadesk")
    drive.rename(tmp_path / "usb-unplugged")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(app_module, "run_gui", lambda *_a, **_k: pytest.fail("a window was opened"))
    monkeypatch.delenv("FIKADESK_DB", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app_module.main([]) == 1
    assert shown and shown[0][0] == "Cannot open the journal"
    assert shown[0][1].startswith(f"Your journal was moved to {drive / 'journal.fikadesk'}, and it is not")
    assert not drive.exists() and not default_journal_path().exists()
