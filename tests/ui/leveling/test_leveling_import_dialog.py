"""The import preview shows the chosen reading, its rules, the alternatives, what was skipped."""

from __future__ import annotations

from pathlib import Path

from fikadesk.ui.leveling.import_dialog import LadderImportDialog

SHAPES = Path(__file__).resolve().parents[2] / "data" / "ladders" / "shapes"


def _preview(dialog: LadderImportDialog) -> list[tuple[str, str]]:
    model = dialog.preview_model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_readings_are_offered_best_first_and_another_can_be_picked(qtbot) -> None:
    dialog = LadderImportDialog(None, SHAPES)
    qtbot.addWidget(dialog)
    dialog.load_paths([SHAPES / "two_tracks.md"])
    assert _preview(dialog) == [("P1 Engineer", "2"), ("P2 Senior Engineer", "2"),
                                ("P3 Staff Engineer", "2")]
    assert [dialog.reading_combo.itemText(i) for i in range(dialog.reading_combo.count())] == [
        "1. 3 levels (P1 Engineer … P3 Staff Engineer), 6 expectations: levels are the ### "
        "headings of the track 'Individual contributor track'",
        "2. 2 levels (M1 Engineering Manager, M2 Senior Engineering Manager), 4 expectations: "
        "levels are the ### headings of the track 'Manager track'"]
    assert dialog.reading_combo.isEnabled()
    assert dialog.alternatives_label.text() == (
        "Also possible, pick it under Reading: 2. 2 levels (M1 Engineering Manager, M2 Senior "
        "Engineering Manager), 4 expectations: levels are the ### headings of the track "
        "'Manager track'")
    assert dialog.unread_label.text() == ("0 table rows and 1 line of prose was not read; 6 list "
                                          "items outside the levels were left out.")
    dialog.choose_reading(2)
    assert _preview(dialog) == [("M1 Engineering Manager", "2"),
                                ("M2 Senior Engineering Manager", "2")]
    assert dialog.rule_label.text() == ("Read as: levels are the ### headings of the track "
                                        "'Manager track'. Order: in the order written. "
                                        "Confidence: 80%.")
    assert dialog.reading_combo.currentData() == 2
    assert dialog.import_button.isEnabled()
    dialog.accept()
    assert dialog.result_import is not None and dialog.result_import.choice == 2


def test_skipped_pages_and_the_order_rule_are_shown(qtbot) -> None:
    dialog = LadderImportDialog(None, SHAPES)
    qtbot.addWidget(dialog)
    dialog.load_paths([SHAPES / "hugo_levels"])
    assert dialog.rule_label.text() == ("Read as: each page is one level (4 pages). Order: by "
                                        "front matter 'weight'. Confidence: 91%.")
    assert dialog.skipped_label.text() == ("Skipped: _index.md: a section index page\n"
                                           "Skipped: faq.md: a list of questions and answers")
    assert not dialog.reading_combo.isEnabled()  # one reading only


def test_a_doubtful_reading_is_saved_only_when_the_person_accepts_it(qtbot, services) -> None:
    dialog = LadderImportDialog(None, SHAPES)
    qtbot.addWidget(dialog)
    dialog.load_paths([SHAPES / "advice_only.md"])
    assert dialog.warning_label.text() == (
        "Warning: this does not look enough like a ladder (its level names do not read as "
        "levels). Look at the levels, try another reading, or import it anyway if it is right.")
    assert not dialog.import_button.isEnabled()
    assert dialog.accept_check.isVisibleTo(dialog)
    dialog.accept()
    assert dialog.result() == 0 and not dialog.result_import.accepted  # nothing accepted yet
    dialog.accept_check.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.accept()
    assert dialog.result_import.accepted
    ladder_id = services.leveling.import_ladder(dialog.result_import)
    assert services.leveling.get_ladder(ladder_id).name == "Preparing for your review"
    dialog.accept_check.setChecked(False)
    assert not dialog.import_button.isEnabled()


def test_every_new_widget_has_a_name_and_plain_text(qtbot) -> None:
    from PySide6.QtCore import Qt
    dialog = LadderImportDialog(None, SHAPES)
    qtbot.addWidget(dialog)
    for widget in (dialog.reading_combo, dialog.accept_check):
        assert widget.objectName() and widget.accessibleName()
    for label in (dialog.rule_label, dialog.alternatives_label, dialog.skipped_label,
                  dialog.unread_label):
        assert label.objectName() and label.textFormat() == Qt.TextFormat.PlainText
