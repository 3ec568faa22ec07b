"""The ladder editor keeps what the person typed when the journal refuses it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fikadesk.domain.leveling.importing.importer import parse_ladder_text
from fikadesk.ui.leveling.editor import LadderEditorDialog
from fikadesk.ui.leveling.prompts import ExpectationPrompt, TextPrompt

TINY = ("# Tiny\n\n## One\n\n- **Craft:** Writes code.\n\n## Two\n\n- **Craft:** Reviews code.\n")


def test_a_refused_level_name_is_asked_again_with_the_reason(qtbot, services, monkeypatch) -> None:
    leveling = services.leveling
    ladder_id = leveling.import_ladder(parse_ladder_text(TINY, filename="tiny.md"))
    dialog = LadderEditorDialog(None, leveling, ladder_id)
    qtbot.addWidget(dialog)
    answers = iter(["two", "  ", "Three"])
    asked: list[tuple[str, str]] = []

    def get_text(cls, parent, title, intro, value=""):
        asked.append((intro, value))
        return next(answers)

    monkeypatch.setattr(TextPrompt, "get_text", classmethod(get_text))
    dialog.levels_view.setCurrentIndex(dialog.levels_model.index(0))  # Two
    qtbot.mouseClick(dialog.add_level_button, Qt.MouseButton.LeftButton)
    assert [lv.name for lv in leveling.get_ladder(ladder_id).levels] == ["One", "Two", "Three"]
    assert [value for _intro, value in asked] == ["", "two", "  "]
    assert asked[1][0].startswith(
        "Not changed: ladder 'Tiny' already has a level called 'two'\n\n")
    assert asked[2][0].startswith("Not changed: the level name must not be empty\n\n")
    assert dialog.error_label.text() == ""


def test_a_refused_expectation_comes_back_with_its_text(qtbot, services, monkeypatch) -> None:
    leveling = services.leveling
    ladder_id = leveling.import_ladder(parse_ladder_text(TINY, filename="tiny.md"))
    dialog = LadderEditorDialog(None, leveling, ladder_id)
    qtbot.addWidget(dialog)
    long_text = "Explains the trade-offs. " * 100  # 2,500 characters, more than fit
    answers = iter([("Craft", long_text), None])
    asked: list[tuple[str, str]] = []

    def get_values(cls, parent, title, dimensions, dimension="", text="", problem=""):
        asked.append((dimension, text, problem))
        return next(answers)

    monkeypatch.setattr(ExpectationPrompt, "get_values", classmethod(get_values))
    dialog.levels_view.setCurrentIndex(dialog.levels_model.index(1))  # One
    qtbot.mouseClick(dialog.add_exp_button, Qt.MouseButton.LeftButton)
    reason = "Not changed: the expectation text is 2499 characters; at most 2000 fit"
    assert asked == [("", "", ""), ("Craft", long_text, reason)]
    assert [e.text for e in leveling.get_ladder(ladder_id).levels[0].expectations] == [
        "Writes code."]
    assert dialog.error_label.text() == reason
    prompt = ExpectationPrompt(None, "Add an expectation", ["Craft"], "Craft", long_text, reason)
    qtbot.addWidget(prompt)
    assert prompt.text_edit.toPlainText() == long_text


def test_expectations_are_measured_at_the_width_they_are_shown_at(qtbot, services) -> None:
    from pathlib import Path

    from fikadesk.domain.leveling.importing.importer import parse_ladder_files

    ladders = Path(__file__).resolve().parents[3] / "resources" / "ladders"
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([ladders / "software-engineer.md"]))
    dialog = LadderEditorDialog(None, services.leveling, ladder_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.exp_view
    rows = range(dialog.exp_model.rowCount())
    # Every expectation shows whole: no row is shorter than its text needs at this width.
    assert [view.rowHeight(r) >= view.sizeHintForRow(r) for r in rows] == [True] * len(rows)
    assert max(view.rowHeight(r) for r in rows) >= 2 * view.fontMetrics().lineSpacing()


def test_removing_a_level_of_the_target_is_refused_and_says_why(qtbot, services) -> None:
    leveling = services.leveling
    ladder_id = leveling.import_ladder(parse_ladder_text(TINY, filename="tiny.md"))
    leveling.set_target(ladder_id, "One", "Two")
    dialog = LadderEditorDialog(None, leveling, ladder_id)
    qtbot.addWidget(dialog)
    dialog.levels_view.setCurrentIndex(dialog.levels_model.index(0))  # Two, the target
    qtbot.mouseClick(dialog.remove_level_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Not changed: this level is part of your target; choose other levels for the target "
        "before removing it")
    assert [lv.name for lv in leveling.get_ladder(ladder_id).levels] == ["One", "Two"]
    assert dialog.levels_model.stringList() == ["Two", "One"]
