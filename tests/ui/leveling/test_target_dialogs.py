"""Import preview, ladder editor and the Target tab's item models (checked by qtmodeltester)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fikadesk.domain.journal.entries import EntryDraft, EntrySummary
from fikadesk.domain.leveling.importing.importer import parse_ladder_text
from fikadesk.domain.leveling.snapshot import ExpectationChoice, SnapshotSummary
from fikadesk.domain.leveling.stored import ExpectationReadiness
from fikadesk.ui.journal.expectation_picker import ExpectationChoiceModel
from fikadesk.ui.leveling.editor import LadderEditorDialog
from fikadesk.ui.leveling.import_dialog import LadderImportDialog
from fikadesk.ui.leveling.models import (
    EvidenceModel,
    ExpectationTableModel,
    ImportPreviewModel,
    LevelExpectationsModel,
    ReadinessModel,
    SnapshotListModel,
)
from fikadesk.ui.leveling.prompts import ExpectationPrompt, TextPrompt

NESTED = """# Acme ladder

## Engineering

### L1

- **Scope:** Tasks.
- **Craft:** Tests.

### L2

- **Scope:** Features.

## Management

### M1

- **People:** Runs one-on-ones.
"""


def _preview(dialog) -> list[tuple[str, str, str]]:
    model = dialog.preview_model
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def test_import_preview_depth_name_and_save(qtbot, window, services, tmp_path, monkeypatch) -> None:
    path = tmp_path / "acme.md"
    path.write_text(NESTED, encoding="utf-8")
    dialog = LadderImportDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    dialog.load_paths([path])
    # two tracks: the engineering one is shown, the management one is offered
    assert _preview(dialog) == [("L1", "2", "Scope, Craft"), ("L2", "1", "Scope")]
    assert [dialog.reading_combo.itemData(i) for i in range(dialog.reading_combo.count())] == [
        1, 2]
    assert dialog.rule_label.text() == (
        "Read as: levels are the ### headings of the track 'Engineering'. "
        "Order: in the order written. Confidence: 75%.")
    assert dialog.name_edit.text() == "Acme ladder"
    assert [dialog.depth_combo.itemData(i) for i in range(dialog.depth_combo.count())] == [
        None, 1, 2, 3]
    dialog.choose_depth(3)  # the person says the levels are the ### headings
    assert _preview(dialog) == [("L1", "2", "Scope, Craft"), ("L2", "1", "Scope"),
                                ("M1", "1", "People")]
    assert dialog.summary_label.text() == (
        "Found 3 levels, 4 expectations, 3 dimensions: Scope, Craft, People.")
    dialog.name_edit.setText("Acme tracks")
    dialog.accept()
    assert dialog.result_import is not None
    assert (dialog.result_import.name, dialog.result_import.level_names) == (
        "Acme tracks", ("L1", "L2", "M1"))
    assert services.leveling.list_ladders() == []  # nothing saved by the dialog itself
    found = dialog.result_import
    monkeypatch.setattr(LadderImportDialog, "get_import",
                        classmethod(lambda cls, parent, start=None: found))
    window.import_ladder_action.trigger()
    [stored] = services.leveling.list_ladders()
    assert (stored.name, stored.level_count, stored.expectation_count) == ("Acme tracks", 3, 4)
    assert window.target_tab.form.ladder_combo.currentText() == "Acme tracks (3 levels)"


def test_the_name_follows_the_heading_depth_until_the_person_types_one(qtbot, tmp_path) -> None:
    path = tmp_path / "acme-guide.md"
    path.write_text(NESTED, encoding="utf-8")
    dialog = LadderImportDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.load_paths([path])
    assert (dialog.name_edit.text(), dialog.result_import.name) == ("Acme ladder", "Acme ladder")
    dialog.choose_depth(1)  # no heading above the levels now: the file's name names the ladder
    assert (dialog.name_edit.text(), dialog.result_import.name) == ("Acme guide", "Acme guide")
    assert dialog.result_import.level_names == ("Acme ladder",)
    dialog.choose_depth(3)
    assert (dialog.name_edit.text(), dialog.result_import.name) == ("Acme ladder", "Acme ladder")
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Our tracks")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result_import.name == "Our tracks"
    dialog.choose_depth(1)  # the person's own name stays whatever the depth
    assert (dialog.name_edit.text(), dialog.result_import.name) == ("Our tracks", "Our tracks")
    dialog.choose_depth(2)
    assert (dialog.name_edit.text(), dialog.result_import.name) == ("Our tracks", "Our tracks")
    assert dialog.result_import.level_names == ("Engineering", "Management")
    dialog.name_edit.clear()  # emptied: the found name comes back and follows the depth again
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert (dialog.name_edit.text(), dialog.result_import.name) == ("Acme ladder", "Acme ladder")
    dialog.choose_depth(1)
    assert dialog.name_edit.text() == "Acme guide"
    dialog.accept()
    assert dialog.result_import.name == "Acme guide"


def test_import_refuses_unreadable_files_with_file_and_line(qtbot, tmp_path) -> None:
    bad = tmp_path / "ladder.md"
    bad.write_bytes(b"# L1\n\n- **Scope:** ok\n- caf\xe9 \n")
    dialog = LadderImportDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.load_paths([bad])
    assert dialog.error_label.text() == (
        "Cannot import ladder.md, line 4: this is not UTF-8 text (byte 0xe9 at column 6); "
        "save the file as UTF-8 and try again\nNothing was saved.")
    assert not dialog.import_button.isEnabled() and dialog.result_import is None
    binary = tmp_path / "scan.md"
    binary.write_bytes(b"# L1\n\x00\x01")
    dialog.load_paths([binary])
    assert dialog.error_label.text().startswith("Cannot import scan.md, line 2: this looks like "
                                                "a binary file")


def test_import_a_folder_of_level_files(qtbot, tmp_path) -> None:
    folder = tmp_path / "levels"
    folder.mkdir()
    (folder / "L10.md").write_text("# Staff\n\n## Scope\n\n- Sets direction.\n", encoding="utf-8")
    (folder / "L2.md").write_text("# Junior\n\n## Scope\n\n- Small tasks.\n- Asks early.\n",
                                  encoding="utf-8")
    dialog = LadderImportDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.load_paths([folder])
    assert _preview(dialog) == [("Junior", "2", "Scope"), ("Staff", "1", "Scope")]
    assert dialog.files_label.text() == "levels/"
    assert dialog.name_edit.text() == "Levels"
    assert not dialog.depth_combo.isEnabled()


def test_ladder_editor(qtbot, services, monkeypatch) -> None:
    leveling = services.leveling
    ladder_id = leveling.import_ladder(parse_ladder_text(
        "# Tiny\n\n## One\n\n- **Craft:** Writes code.\n\n## Two\n\n- **Craft:** Reviews code.\n"
        "- **Team:** Mentors.\n", filename="tiny.md"))
    dialog = LadderEditorDialog(None, leveling, ladder_id)
    qtbot.addWidget(dialog)
    assert dialog.levels_model.stringList() == ["Two", "One"]  # highest first
    dialog.name_edit.setText("Our ladder")
    dialog.name_edit.editingFinished.emit()
    assert leveling.get_ladder(ladder_id).name == "Our ladder"
    monkeypatch.setattr(TextPrompt, "get_text", classmethod(lambda cls, *a, **k: "Three"))
    dialog.levels_view.setCurrentIndex(dialog.levels_model.index(0))  # Two
    qtbot.mouseClick(dialog.add_level_button, Qt.MouseButton.LeftButton)
    assert [lv.name for lv in leveling.get_ladder(ladder_id).levels] == ["One", "Two", "Three"]
    dialog.levels_view.setCurrentIndex(dialog.levels_model.index(1))  # Two
    assert [dialog.exp_model.index(r, 1).data() for r in range(2)] == ["Reviews code.", "Mentors."]
    dialog.exp_view.selectRow(1)
    qtbot.mouseClick(dialog.exp_up_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(ExpectationPrompt, "get_values",
                        classmethod(lambda cls, *a, **k: ("Leadership", "Mentors two people.")))
    dialog.exp_view.selectRow(0)
    qtbot.mouseClick(dialog.edit_exp_button, Qt.MouseButton.LeftButton)
    two = leveling.get_ladder(ladder_id).levels[1]
    assert [(e.dimension, e.text) for e in two.expectations] == [
        ("Leadership", "Mentors two people."), ("Craft", "Reviews code.")]
    entry = services.journal.add(EntryDraft(day=date(2026, 1, 2), title="Coached"))
    leveling.link_entry(entry.id, [two.expectations[0].id])
    dialog.exp_view.selectRow(0)
    qtbot.mouseClick(dialog.remove_exp_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Not changed: 1 journal entry is linked to this expectation as evidence; unlink them "
        "first, so no evidence is lost")
    assert len(leveling.get_ladder(ladder_id).levels[1].expectations) == 2
    dialog.levels_view.setCurrentIndex(dialog.levels_model.index(0))  # Three
    qtbot.mouseClick(dialog.level_down_button, Qt.MouseButton.LeftButton)
    assert [lv.name for lv in leveling.get_ladder(ladder_id).levels] == ["One", "Three", "Two"]
    assert dialog.levels_model.stringList() == ["Two", "Three", "One"]
    qtbot.mouseClick(dialog.remove_level_button, Qt.MouseButton.LeftButton)
    assert [lv.name for lv in leveling.get_ladder(ladder_id).levels] == ["One", "Two"]


def test_models_pass_the_model_tester(qtmodeltester) -> None:
    readiness = ReadinessModel()
    readiness.set_items([
        ExpectationReadiness(3, "Scope", "Leads projects.", 0, 0, None, 0, "none"),
        ExpectationReadiness(4, "Craft", "Reviews.", 2, 1, date(2026, 3, 1), 2, "emerging")])
    qtmodeltester.check(readiness)
    assert readiness.index(1, 0).data() == "\u25d1 Emerging"
    assert readiness.index(1, 5).data() == "2026-03-01"
    evidence = EvidenceModel()
    evidence.set_entries([EntrySummary(1, date(2026, 3, 1), "Shipped", True, ())])
    qtmodeltester.check(evidence)
    assert evidence.index(0).data() == "2026-03-01  \u2605 Shipped"
    levels = LevelExpectationsModel()
    levels.set_rows([("Scope", "Leads.", "new", "", ""),
                     ("Craft", "Tests more.", "changed", "+ more", "Tests."),
                     ("Impact", "Ships.", "same", "", ""), ("Scope", "Plain.", "", "", "")])
    qtmodeltester.check(levels)
    assert levels.index(0).data() == "New \u2014 Scope: Leads."
    snaps = SnapshotListModel()
    snaps.set_snapshots([SnapshotSummary(1, date(2026, 3, 1), date(2026, 3, 1), "L", "A", "B", 4)])
    qtmodeltester.check(snaps)
    preview = ImportPreviewModel()
    preview.set_rows([("L1", 3, "Scope")])
    qtmodeltester.check(preview)
    table = ExpectationTableModel()
    table.set_rows([(7, "Scope", "Leads.")])
    qtmodeltester.check(table)
    choices = ExpectationChoiceModel()
    choices.set_choices([ExpectationChoice(1, "Senior", "Scope", "Leads."),
                         ExpectationChoice(9, "Junior", "Craft", "Tests.")], (9,))
    qtmodeltester.check(choices)
    assert choices.index(1).data() == "Craft: Tests. (Junior)"
    assert choices.checked_ids() == (9,)



def unnamed_controls(widget) -> list[str]:
    """Controls of ``widget`` (Qt's own inner parts left out) missing an objectName or a spoken name."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView, QPlainTextEdit)
    missing = []
    for child in widget.findChildren(QWidget):
        parent, inner = child.parent(), False
        while parent is not None and not inner:
            inner = isinstance(parent, (QComboBox, QAbstractSpinBox))
            parent = parent.parent()
        own = isinstance(child, kinds) and not inner and not child.objectName().startswith("qt_")
        if own and type(child).__name__ not in ("QHeaderView", "QToolButton"):
            spoken = child.accessibleName() or (child.text() if isinstance(child, QAbstractButton) else "")
            if not child.objectName() or not spoken:
                missing.append(f"{type(child).__name__} {child.objectName()!r}")
    return missing


def test_every_target_control_has_a_name(qtbot, window, services) -> None:
    from fikadesk.ui.leveling.prompts import FreezePrompt
    from fikadesk.ui.leveling.snapshot import SnapshotDialog

    found = parse_ladder_text("# L1\n\n- Scope: a\n\n# L2\n\n- Scope: b\n", filename="x.md")
    ladder_id = services.leveling.import_ladder(found)
    services.leveling.set_target(ladder_id, "L1", "L2", None, "")
    snapshot = services.leveling.get_snapshot(services.leveling.freeze_target(date(2026, 11, 20), ""))
    dialogs = [LadderImportDialog(None), LadderEditorDialog(None, services.leveling, ladder_id),
               SnapshotDialog(None, snapshot), FreezePrompt(None, "x"), TextPrompt(None, "t", "i", "v"),
               ExpectationPrompt(None, "t", ["Scope"], "Scope", "a")]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], dialog.objectName()
    window.target_tab.reload()
    assert unnamed_controls(window.target_tab) == []
