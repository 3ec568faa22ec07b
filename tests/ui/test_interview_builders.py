"""The Interview tab's builders in the real window: composing an aspiration as a person writes it,
the situation that follows the target level, STAR pre-fill from several entries, and room to write
at the default window size (issue 20, items 3, 7, 8 and 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fikadesk.domain.interview import load_situations
from fikadesk.domain.leveling_import import parse_ladder_files
from fikadesk.services.container import Services
from fikadesk.ui.main_window import MainWindow


def _aspiration_pane(window: MainWindow):
    window.tabs.setCurrentWidget(window.interview_tab)
    window.interview_tab.select_question("aspirations-career")
    return window.interview_tab.pane


def test_the_builder_composes_the_issue_sentences_without_garbling(qtbot, window: MainWindow) -> None:
    pane = _aspiration_pane(window)
    qtbot.keyClicks(pane.aspiration.edits["now"], "Learning your payments stack")
    qtbot.keyClicks(pane.aspiration.edits["future"], "Be a CTO somewhere")
    qtbot.mouseClick(pane.aspiration.compose_button, Qt.MouseButton.LeftButton)
    assert pane.coached.text() == (
        "In this role, I want to focus on learning your payments stack. "
        "Longer term, I hope to be a CTO somewhere."
    )
    pane.coached.editor.clear()
    pane.aspiration.edits["future"].clear()
    qtbot.keyClicks(pane.aspiration.edits["future"], "Longer term I see myself leading a platform group")
    qtbot.mouseClick(pane.aspiration.compose_button, Qt.MouseButton.LeftButton)
    assert pane.coached.text() == (
        "In this role, I want to focus on learning your payments stack. "
        "Longer term I see myself leading a platform group."
    )


LADDERS = Path(__file__).resolve().parents[2] / "resources" / "ladders"


@pytest.mark.parametrize(
    ("current", "target", "situation"),
    [("Engineer II", "Senior Engineer", "growing-in-field"), ("Engineer I", "Engineer II", "entry-level"),
     ("Senior Engineer", "Principal Engineer", "growing-in-field")],
)
def test_the_situation_follows_the_target_level(qtbot, services: Services, current: str, target: str,
                                                situation: str) -> None:
    ladder_id = services.leveling.import_ladder(parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, current, target)
    window = MainWindow(services)
    qtbot.addWidget(window)
    pane = _aspiration_pane(window)
    assert pane.aspiration.situation_combo.currentData() == situation
    situations = load_situations(LADDERS.parent / "interview" / "situations.json")
    [shown] = [s for s in situations if s.id == situation]
    assert pane.aspiration.hints["now"].text().startswith(shown.now.hint)  # the hints follow it


def test_a_situation_the_person_picked_stays(qtbot, window: MainWindow, services: Services) -> None:
    pane = _aspiration_pane(window)
    assert pane.aspiration.situation_combo.currentData() == "entry-level"  # no target: the first
    combo = pane.aspiration.situation_combo
    combo.setCurrentIndex(combo.findData("career-changer"))
    combo.activated.emit(combo.currentIndex())
    ladder_id = services.leveling.import_ladder(parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    pane.reshow(())
    assert combo.currentData() == "career-changer"
