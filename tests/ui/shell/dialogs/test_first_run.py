from pathlib import Path

from PySide6.QtCore import Qt

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.ui.shell.dialogs.first_run import (
    FirstRunDialog,
    FirstRunOutcome,
    bundled_ladders,
    needs_first_run,
)

RESOURCES = Path(__file__).resolve().parents[4] / "resources"
DATA = Path(__file__).resolve().parents[3] / "data" / "ladders"


def _dialog(qtbot, services):
    dialog = FirstRunDialog(services, RESOURCES)
    qtbot.addWidget(dialog)
    return dialog


def test_a_fresh_journal_needs_the_first_run_and_an_entry_ends_that(services, fixed_now):
    assert needs_first_run(services) is True
    services.journal.add(EntryDraft(day=fixed_now.date(), title="x"))
    assert needs_first_run(services) is False


def test_bundled_ladders_are_offered(qtbot, services):
    dialog = _dialog(qtbot, services)
    assert [p.name for p in bundled_ladders(RESOURCES)] == [
        "data-analyst.md", "product-designer.md", "product-manager.md", "software-engineer.md"]
    assert dialog.ladder_combo.count() == 4
    assert dialog.current_combo.count() == dialog.target_combo.count() > 2


def test_three_steps_save_target_win_and_reminder(qtbot, services):
    dialog = _dialog(qtbot, services)
    dialog.ladder_combo.setCurrentIndex(3)
    dialog.current_combo.setCurrentText("Senior Engineer")
    dialog.target_combo.setCurrentText("Staff Engineer")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    target = services.leveling.target()
    assert (target.ladder_name, target.current_level, target.target_level) == (
        "Software Engineer", "Senior Engineer", "Staff Engineer")
    assert dialog.stack.currentIndex() == 1
    dialog.win_title_edit.setText("Fixed the flaky payment tests")
    dialog.win_impact_edit.setText("Red builds down to 1 in 50")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert services.journal.count() == 1
    assert dialog.next_button.text() == "&Finish"
    dialog.remind_check.setChecked(False)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert services.preferences.get().reminder == "off"
    assert services.preferences.first_run_done() is True
    assert dialog.outcome is FirstRunOutcome.DONE
    assert needs_first_run(services) is False


def test_a_target_below_the_current_level_is_explained_and_not_saved(qtbot, services):
    dialog = _dialog(qtbot, services)
    dialog.current_combo.setCurrentIndex(2)
    dialog.target_combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert services.leveling.target() is None
    assert dialog.stack.currentIndex() == 0
    assert dialog.error_label.text() == ("Not saved: the target level must be above your current level. "
                                         "Change it, or press Skip.")


def test_skipping_saves_nothing_but_remembers_the_first_run(qtbot, services):
    dialog = _dialog(qtbot, services)
    for _ in range(3):
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert services.leveling.target() is None
    assert services.journal.count() == 0
    assert services.preferences.first_run_done() is True


def test_skip_all_and_demo(qtbot, services):
    dialog = _dialog(qtbot, services)
    qtbot.mouseClick(dialog.skip_all_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is FirstRunOutcome.SKIPPED
    assert services.preferences.first_run_done() is True
    other = _dialog(qtbot, services)
    qtbot.mouseClick(other.demo_button, Qt.MouseButton.LeftButton)
    assert other.outcome is FirstRunOutcome.DEMO


def test_importing_a_ladder_file_and_a_bad_one(qtbot, services):
    dialog = _dialog(qtbot, services)
    dialog.import_file(DATA / "json" / "ladder.json")
    assert dialog.ladder_combo.currentIndex() == 0
    assert dialog.ladder is not None and dialog.ladder.source_format == "json"
    assert dialog.error_label.isHidden()
    dialog.import_file(DATA / "hostile" / "empty.md")
    assert dialog.ladder is None
    assert dialog.error_label.text().startswith("That ladder could not be read: ")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert services.leveling.target() is None


def test_an_empty_win_is_refused(qtbot, services):
    dialog = _dialog(qtbot, services)
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    assert dialog.error_label.text() == ("Not saved: write a few words on what you did. "
                                         "Change it, or press Skip.")


def test_bundled_ladder_names_have_one_case_style_and_match_the_target_tab(qtbot, services):
    """Issue 20, item 12: "Product manager" stood beside "Product Designer" in the first run."""
    from fikadesk.domain.leveling.importing.importer import parse_ladder_files

    dialog = _dialog(qtbot, services)
    names = [dialog.ladder_combo.itemText(i) for i in range(dialog.ladder_combo.count())]
    assert names == ["Data Analyst", "Product Designer", "Product Manager", "Software Engineer"]
    assert names == [parse_ladder_files([p]).name for p in bundled_ladders(RESOURCES)]
    for name in names:
        assert name == " ".join(w[:1].upper() + w[1:] for w in name.split())
