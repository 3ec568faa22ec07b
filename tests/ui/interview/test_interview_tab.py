"""The Interview tab driven offscreen: a job and its key terms, the aspiration builder, the coach
marking words as they are written, fixing the answer, versions, STAR stories from journal entries,
the story grid, reflection, and own questions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from fikadesk.domain.interview.records import Answer, Job
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import Services
from fikadesk.ui.interview.dialogs import EntryChoiceDialog, JobDialog, QuestionDialog, VersionsDialog
from fikadesk.ui.interview.reflection import ReflectionDialog
from fikadesk.ui.shell.main_window import MainWindow

DESCRIPTION = """Senior Data Engineer

Responsibilities
- Design and run batch pipelines in Python and Airflow
- Mentor junior engineers
- Own data quality for the finance warehouse

Requirements
- Strong SQL and Python
- Experience with Airflow and dbt
"""


def _tab(window: MainWindow):
    window.tabs.setCurrentWidget(window.interview_tab)
    return window.interview_tab


def _run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, act) -> None:
    def exec_and_act(self) -> int:
        QTimer.singleShot(0, lambda: act(self))
        return QDialog.exec(self)

    monkeypatch.setattr(cls, "exec", exec_and_act)


def _click(tab, name: str) -> None:
    tab.findChild(QPushButton, name).click()


def test_a_new_job_shows_its_key_terms(qtbot, window: MainWindow, services: Services,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(window)
    assert "New job" in tab.terms_label.text()  # the empty state says what to do

    def fill(dialog: QDialog) -> None:
        dialog.role_edit.setText("Senior Data Engineer")
        dialog.company_edit.setText("Nordbank")
        dialog.description_edit.setPlainText(DESCRIPTION)
        dialog.findChild(QPushButton, "interview_job_dialog_save_button").click()

    _run_dialog(monkeypatch, JobDialog, fill)
    _click(tab, "interview_new_job_button")
    [job] = services.interview.jobs()
    assert job.label == "Senior Data Engineer at Nordbank"
    assert tab.job_combo.currentData() == job.id and tab.job_id == job.id
    text = tab.terms_label.text()
    assert text.startswith("Key terms of Senior Data Engineer at Nordbank")
    assert "Not yet: Python, Airflow, SQL, dbt, batch pipelines" in text and "none yet" in text


def test_an_empty_role_is_refused_in_the_dialog(qtbot) -> None:
    dialog = JobDialog(Job(None, ""), date(2026, 11, 20), None)
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "interview_job_dialog_save_button").click()
    assert dialog.error_label.text() == "The role cannot be empty." and dialog.value is None


def test_build_an_aspiration_see_the_coach_flag_it_fix_it_and_keep_versions(
        qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(window)
    tab.select_question("aspirations-career")
    pane = tab.pane
    assert pane.question.id == "aspirations-career" and pane.builders.currentWidget() is pane.aspiration
    pane.aspiration.kind_combo.setCurrentIndex(pane.aspiration.kind_combo.findData("expertise"))
    qtbot.keyClicks(pane.aspiration.edits["now"], "get really good at data pipelines in Python")
    qtbot.keyClicks(pane.aspiration.edits["next"], "own the data platform for a product area")
    qtbot.keyClicks(pane.aspiration.edits["future"], "become the person teams rely on for data quality")
    qtbot.mouseClick(pane.aspiration.compose_button, Qt.MouseButton.LeftButton)
    composed = pane.coached.text()
    assert composed.startswith("In this role, I want to get really good at data pipelines in Python.")
    assert pane.dirty and pane.state_label.text() == "Unsaved changes"
    # a vague, status-driven sentence is marked on its own words
    pane.coached.editor.moveCursor(pane.coached.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(pane.coached.editor, " I just want a bigger salary and a fancy title.")
    found = pane.coached.recheck()
    money = next(f for f in found if f.code == "money_status")
    text = pane.coached.text()
    assert "salary" in text[money.start:money.end] or "title" in text[money.start:money.end]
    assert (money.start, money.end) in pane.coached.marked_spans()
    rows = [pane.coached.findings_model.item(i).text() for i in range(pane.coached.findings_model.rowCount())]
    assert any(r.startswith("Money or status") for r in rows)
    assert pane.save_answer()
    saved = services.interview.find_answer("aspirations-career", None)
    assert saved.text == text and saved.aspiration_kind == "expertise"
    assert saved.parts[:3] == ("get really good at data pipelines in Python",
                               "own the data platform for a product area",
                               "become the person teams rely on for data quality")
    # fix it: drop the sentence; the mark goes, and the first wording is kept as a version
    pane.coached.editor.setPlainText(composed)
    assert not any(f.code == "money_status" for f in pane.coached.recheck())
    _click(tab, "interview_save_button")
    assert services.interview.find_answer("aspirations-career", None).text == composed
    assert [v.text for v in services.interview.versions(saved.id)] == [text]
    picked = {}

    def bring_back(dialog: QDialog) -> None:
        picked["rows"] = dialog.list.count()
        dialog.findChild(QPushButton, "interview_versions_restore_button").click()

    _run_dialog(monkeypatch, VersionsDialog, bring_back)
    _click(tab, "interview_versions_button")
    assert picked["rows"] == 1 and pane.coached.text() == text and pane.dirty
    row = tab.questions.currentIndex().data()
    assert row.startswith("● ")  # answered questions are marked in the list


def test_switching_questions_keeps_unsaved_typing(qtbot, window: MainWindow, services: Services) -> None:
    tab = _tab(window)
    tab.select_question("why-company") if "why-company" in tab._by_key else tab.select_question(
        next(k for k, q in tab._by_key.items() if q.kind == "motivation"))
    key = tab.pane.question.id
    assert tab.pane.builders.currentIndex() == 2  # motivation: guidance, no builder
    qtbot.keyClicks(tab.pane.coached.editor, "Your payments team ships weekly; I want to learn that pace.")
    tab.select_question("aspirations-career")
    assert services.interview.find_answer(key, None).text.startswith("Your payments team")
    assert tab.pane.question.id == "aspirations-career"


def test_a_star_story_from_a_journal_entry(qtbot, window: MainWindow, services: Services,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    entry = services.journal.add(EntryDraft(
        day=date(2026, 9, 18), title="Led the billing migration cut-over",
        body="Billing ran on a ten-year-old system. I was asked to move every account without downtime. "
             "I planned the rollout in three waves and wrote the runbook.",
        impact="40,000 accounts moved with zero downtime", starred=True))
    tab = _tab(window)
    key = next(k for k, q in tab._by_key.items() if q.kind == "story")
    tab.select_question(key)
    pane = tab.pane
    assert pane.builders.currentWidget() is pane.star

    def choose(dialog: QDialog) -> None:
        assert dialog.list.item(0).text() == "★ 2026-09-18 Led the billing migration cut-over"
        dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.findChild(QPushButton, "interview_entry_ok_button").click()

    _run_dialog(monkeypatch, EntryChoiceDialog, choose)
    _click(tab, "interview_pick_entries_button")
    assert pane.entry_ids == (entry.id,)
    assert pane.star.edits["situation"].toPlainText() == "Billing ran on a ten-year-old system."
    assert pane.star.edits["task"].toPlainText() == "I was asked to move every account without downtime."
    assert pane.star.edits["action"].toPlainText() == ("I planned the rollout in three waves and wrote the "
                                                       "runbook.")
    assert pane.star.edits["result"].toPlainText() == "40,000 accounts moved with zero downtime."
    qtbot.mouseClick(pane.star.compose_button, Qt.MouseButton.LeftButton)
    assert pane.coached.text().endswith("40,000 accounts moved with zero downtime.")
    assert pane.save_answer()
    story = services.interview.find_answer(key, None)
    assert story.entry_ids == (entry.id,) and story.parts[0] == "Billing ran on a ten-year-old system."
    assert "From: 2026-09-18 Led the billing migration cut-over" in pane.star.entries_label.text()


def test_the_story_grid_opens_the_question_asked(qtbot, window: MainWindow, services: Services,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from fikadesk.ui.interview.grid import StoryGridDialog

    tab = _tab(window)
    stories = [q for q in services.interview.questions() if q.kind == "story"]
    services.interview.save_answer(Answer(None, stories[0].id, stories[0].text, "story", None, "Once I…"))
    tab.reload()
    seen = {}

    def look(dialog: QDialog) -> None:
        seen["summary"] = dialog.summary_label.text()
        seen["first"] = [dialog.model.item(0, c).text() for c in range(2)]
        dialog.view.doubleClicked.emit(dialog.model.index(1, 0))

    _run_dialog(monkeypatch, StoryGridDialog, look)
    _click(tab, "interview_grid_button")
    assert seen["summary"].startswith(f"1 of {len(stories)} behavioural questions have a story.")
    assert seen["first"] == [stories[0].text, "✓ yes"]
    assert tab.pane.question.id == stories[1].id


def test_reflection_suggests_kinds_and_the_builder_offers_them(qtbot, window: MainWindow, services: Services,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(window)
    shown = {}

    def answer(dialog: QDialog) -> None:
        dialog.texts["strengths"].setPlainText("mentoring people and leading the team")
        dialog.manage_combo.setCurrentIndex(dialog.manage_combo.findData("yes"))
        dialog.fulfil_boxes["helping_people"].setChecked(True)
        shown["suggestions"] = dialog.suggestion_label.text()
        dialog.findChild(QPushButton, "interview_reflection_dialog_save_button").click()

    _run_dialog(monkeypatch, ReflectionDialog, answer)
    _click(tab, "interview_reflection_button")
    assert shown["suggestions"].startswith("• Leadership fits wanting to manage people")
    assert services.interview.reflection().manage_people == "yes"
    tab.select_question("aspirations-career")
    assert tab.pane.aspiration.kind() == "leadership"
    assert tab.pane.aspiration.suggestion_label.text().startswith("Your reflection suggests: Leadership")


def test_own_questions_are_added_and_removed(qtbot, window: MainWindow, services: Services,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    tab = _tab(window)

    def ask(dialog: QDialog) -> None:
        dialog.text_edit.setText("Tell me about a time you changed your mind.")
        dialog.findChild(QPushButton, "interview_question_dialog_save_button").click()

    _run_dialog(monkeypatch, QuestionDialog, ask)
    _click(tab, "interview_add_question_button")
    assert tab.pane.question.text == "Tell me about a time you changed your mind."
    assert tab.pane.question.id.startswith("own-") and tab.pane.question.kind == "story"
    _click(tab, "interview_remove_question_button")
    assert all(not q.id.startswith("own-") for q in services.interview.questions())


def test_a_job_answer_starts_from_the_general_one(qtbot, window: MainWindow, services: Services,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    services.interview.save_answer(Answer(None, "aspirations-career", "What are your career aspirations?",
                                          "aspiration", None, "General words."))
    job = services.interview.save_job(Job(None, "Staff Engineer", "Acme"))
    tab = _tab(window)
    tab.reload()
    tab.select_question("aspirations-career")
    tab.job_combo.setCurrentIndex(tab.job_combo.findData(job.id))
    assert tab.pane.coached.text() == "General words."
    assert tab.pane.state_label.text().startswith("Starting from your general answer")
    tab.pane.coached.editor.setPlainText("For Acme.")
    assert tab.pane.save_answer()
    assert services.interview.find_answer("aspirations-career", job.id).text == "For Acme."
    assert services.interview.find_answer("aspirations-career", None).text == "General words."
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _click(tab, "interview_delete_job_button")
    assert services.interview.jobs() == [] and tab.job_combo.currentData() is None
