"""The Interview tab's builders in the real window: composing an aspiration as a person writes it,
the situation that follows the target level, STAR pre-fill from several entries, and room to write
at the default window size (issue 20, items 3, 7, 8 and 12)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QPushButton

from fikadesk.domain.interview.answers import load_situations
from fikadesk.domain.interview.records import Job
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.services.container import Services
from fikadesk.ui.interview.dialogs import EntryChoiceDialog
from fikadesk.ui.shell.main_window import MainWindow


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


LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"


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


def test_star_prefill_uses_every_picked_entry(qtbot, window: MainWindow, services: Services,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    services.journal.add(EntryDraft(
        day=date(2026, 9, 18), title="Led the billing migration cut-over",
        body="Billing ran on a ten-year-old system. I was asked to move every account without downtime. "
             "I planned the rollout in three waves and wrote the runbook.",
        impact="40,000 accounts moved with zero downtime", starred=True))
    services.journal.add(EntryDraft(
        day=date(2026, 10, 2), title="Trained support on the new billing screens",
        body="Support had never seen the new screens. Ran four training sessions and wrote a one-page guide.",
        impact="Billing tickets fell 30% in the first month"))
    tab = window.interview_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_question(next(k for k, q in tab._by_key.items() if q.kind == "story"))
    pane = tab.pane

    def choose_both(dialog: QDialog) -> None:
        for row in range(dialog.list.count()):
            dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
        dialog.findChild(QPushButton, "interview_entry_ok_button").click()

    def exec_and_act(self) -> int:
        QTimer.singleShot(0, lambda: choose_both(self))
        return QDialog.exec(self)

    monkeypatch.setattr(EntryChoiceDialog, "exec", exec_and_act)
    tab.findChild(QPushButton, "interview_pick_entries_button").click()
    assert len(pane.entry_ids) == 2
    edits = pane.star.edits
    assert edits["situation"].toPlainText() == (
        "Billing ran on a ten-year-old system. Support had never seen the new screens.")
    assert edits["task"].toPlainText() == (
        "I was asked to move every account without downtime. Trained support on the new billing screens.")
    assert edits["action"].toPlainText() == (
        "I planned the rollout in three waves and wrote the runbook. "
        "Ran four training sessions and wrote a one-page guide.")
    assert edits["result"].toPlainText() == (
        "40,000 accounts moved with zero downtime. Billing tickets fell 30% in the first month.")
    # a person then edits a part; the story composes from what they wrote
    edits["task"].setPlainText("I had to move every account without downtime and get support ready.")
    qtbot.mouseClick(pane.star.compose_button, Qt.MouseButton.LeftButton)
    assert "and get support ready. I planned the rollout" in pane.coached.text()


LONG_FUTURE = ("Longer term I see myself as the person the payments teams come to when a ledger "
               "design has to survive ten times the traffic, and as someone who grows the next "
               "group of engineers into that work")


def _room(qtbot, window: MainWindow) -> None:
    """At the size the window opens at, a long part, the answer and the coach all have room."""
    pane = _aspiration_pane(window)
    _rows_fit(window.interview_tab.questions)  # no question title ends in "…"
    future = pane.aspiration.edits["future"]
    qtbot.keyClicks(future, LONG_FUTURE)
    qtbot.mouseClick(pane.aspiration.compose_button, Qt.MouseButton.LeftButton)
    pane.coached.recheck()
    qtbot.wait(50)  # let the layout settle
    editor, findings = pane.coached.editor, pane.coached.findings
    assert editor.viewport().height() >= 8 * editor.fontMetrics().lineSpacing()
    assert findings.viewport().height() >= 6 * findings.fontMetrics().lineSpacing()
    wrapped = future.fontMetrics().boundingRect(
        QRect(0, 0, future.width() - 12, 100_000), int(Qt.TextFlag.TextWordWrap), LONG_FUTURE).height()
    assert future.height() >= wrapped > 2 * future.fontMetrics().lineSpacing()  # every line shows
    assert future.visible_lines() >= future.line_count() >= 3
    assert future.text() == LONG_FUTURE


def test_the_interview_tab_has_room_at_the_default_size(qtbot, window: MainWindow) -> None:
    assert (window.width(), window.height()) == (1100, 720)
    _room(qtbot, window)


@pytest.fixture
def larger_text(qapp):
    """125% text scale: a larger application font, put back afterwards."""
    before = QFont(qapp.font())
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 1.25)
    qapp.setFont(bigger)
    yield
    qapp.setFont(before)


def test_the_interview_tab_has_room_at_125_percent_text(qtbot, larger_text, services: Services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == (1100, 720)
    _room(qtbot, window)


def test_enter_moves_on_from_a_part_and_shift_enter_breaks_the_line(qtbot, window: MainWindow) -> None:
    pane = _aspiration_pane(window)
    now, nxt = pane.aspiration.edits["now"], pane.aspiration.edits["next"]
    now.setFocus()
    qtbot.keyClicks(now, "own the reporting")
    qtbot.keyClick(now, Qt.Key.Key_Return)
    assert nxt.hasFocus() and now.text() == "own the reporting"
    qtbot.keyClick(nxt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert nxt.text() == "\n"


LEDGER_AD = """Senior Backend Engineer, Ledger

Responsibilities
- Lead cross-team initiatives that change how money moves between our ledger systems
- Own incident response for the ledger systems
- Mentor engineers through design reviews

Requirements
- Experience running ledger systems at scale
- Event sourcing and Kafka
"""


def test_a_fixed_answer_in_other_words_is_about_the_role(qtbot, window: MainWindow,
                                                          services: Services) -> None:
    job = services.interview.save_job(Job(None, "Senior Backend Engineer", "Northwind", LEDGER_AD))
    tab = window.interview_tab
    window.tabs.setCurrentWidget(tab)
    tab.reload()
    tab.job_combo.setCurrentIndex(tab.job_combo.findData(job.id))
    tab.select_question("aspirations-career")
    pane = tab.pane
    assert [t.term for t in tab.key_terms][:4] == [
        "ledger systems", "Kafka", "cross-team initiatives", "incident response"]
    qtbot.keyClicks(pane.coached.editor, "Right now I want to learn how your team plans its year. In a "
                    "few years I'd lead a team. Eventually I'd become a staff engineer.")
    assert "unrelated_to_role" in {f.code for f in pane.coached.recheck()}
    pane.coached.editor.setPlainText(
        "Right now I want to keep our ledger services correct under load. In a few years I'd lead "
        "cross-team projects on how money moves. Eventually I'd become a staff engineer.")
    assert "unrelated_to_role" not in {f.code for f in pane.coached.recheck()}
    assert pane.coached.terms_label.text().startswith(
        "Job key terms in this answer: ledger systems, cross-team initiatives")


def _rows_fit(tree) -> None:
    model = tree.model()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rect = tree.visualRect(index)
            need = tree.fontMetrics().boundingRect(
                QRect(0, 0, rect.width() - 8, 100_000), int(Qt.TextFlag.TextWordWrap), str(index.data())
            ).height()
            assert need <= rect.height(), f"{index.data()!r} is cut: {rect.height()} px for {need} px"


def test_question_titles_rewrap_when_the_list_is_narrowed(qtbot, window: MainWindow) -> None:
    tab = window.interview_tab
    window.tabs.setCurrentWidget(tab)
    before = tab.questions.viewport().width()
    tab.splitter.setSizes([150, 950])  # as narrow as its buttons allow
    qtbot.waitUntil(lambda: tab.questions.viewport().width() < before - 20)
    qtbot.wait(20)
    _rows_fit(tab.questions)


def test_a_hint_gives_way_once_its_part_is_written(qtbot, window: MainWindow) -> None:
    pane = _aspiration_pane(window)
    now, nxt, hint = pane.aspiration.edits["now"], pane.aspiration.edits["next"], pane.aspiration.hints["now"]
    assert hint.isVisible() and hint.text()
    now.setFocus()
    qtbot.keyClicks(now, "own the reporting")
    assert hint.isVisible()  # still there while writing
    nxt.setFocus()
    qtbot.waitUntil(lambda: not hint.isVisible())
    assert hint.toolTip().startswith("For example:")  # the example stays at hand
