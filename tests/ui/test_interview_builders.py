"""The Interview tab's builders in the real window: composing an aspiration as a person writes it,
the situation that follows the target level, STAR pre-fill from several entries, and room to write
at the default window size (issue 20, items 3, 7, 8 and 12)."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
