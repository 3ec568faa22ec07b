"""The Interview tab: target jobs, the question bank, answers built from evidence and coached."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from fikadesk.briefs.interview import split_research
from fikadesk.domain.interview.questions import Question
from fikadesk.domain.interview.records import Answer, Job, story_grid
from fikadesk.domain.interview.terms import KeyTerm, extract_key_terms, term_coverage
from fikadesk.errors import FikadeskError
from fikadesk.ui.common.alerts import ask, warn
from fikadesk.ui.common.controls import button, named, plain_label
from fikadesk.ui.interview.answer import AnswerPane
from fikadesk.ui.interview.dialogs import KIND_WORDS, JobDialog, QuestionDialog
from fikadesk.ui.interview.fields import WrappingDelegate
from fikadesk.ui.interview.grid import StoryGridDialog
from fikadesk.ui.interview.needs import InterviewServices
from fikadesk.ui.interview.reflection import ReflectionDialog

QUESTION_KEY = Qt.ItemDataRole.UserRole + 1
ANY_JOB = "Any job (general answers)"


class InterviewTab(QWidget):
    """Pick a job and a question, build and coach the answer, keep it, rehearse it."""

    status_message = Signal(str)
    journal_written = Signal()

    def __init__(self, services: InterviewServices, resources: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interview_tab")
        self._services, self._interview = services, services.interview
        self.job_id: int | None = None
        self.question: Question | None = None
        self.key_terms: tuple[KeyTerm, ...] = ()
        self.job_combo = named(
            QComboBox(),
            "interview_job_combo",
            "Target job",
            "Answers are kept per job; 'Any job' holds the general ones",
        )
        self.job_combo.currentIndexChanged.connect(lambda _i: self._job_changed())
        top = QHBoxLayout()
        top.addWidget(plain_label("Job:"))
        top.addWidget(self.job_combo, 1)
        for made in (
            button(
                "New &job…", "interview_new_job_button", "Add a job you are interviewing for", self.new_job
            ),
            button(
                "Edit job…",
                "interview_edit_job_button",
                "Change the job, its description and research notes",
                self.edit_job,
            ),
            button(
                "Delete job",
                "interview_delete_job_button",
                "Delete the job and the answers written for it",
                self.delete_job,
            ),
        ):
            top.addWidget(made)
        extras = QHBoxLayout()
        for made in (
            button(
                "&Reflection…",
                "interview_reflection_button",
                "What kind of career do you want? A worksheet that suggests the kinds of aspiration that fit",
                self.reflect,
            ),
            button(
                "Story &grid…",
                "interview_grid_button",
                "Which questions have a story, and which target expectations the stories cover",
                self.show_grid,
            ),
        ):
            extras.addWidget(made)
        self.due_button = button(
            "Rehearse &due answers",
            "interview_rehearse_due_button",
            "Rehearse the answers whose turn has come",
            self.rehearse_due,
        )
        top.addWidget(self.due_button)
        self.terms_label = plain_label("", "interview_job_terms")
        self.questions_model = QStandardItemModel(self)
        self.questions = named(
            QTreeView(), "interview_questions", "Questions", "Pick a question to write or rehearse its answer"
        )
        self.questions.setModel(self.questions_model)
        self.questions.setHeaderHidden(True)
        self.questions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.questions.setItemDelegate(WrappingDelegate(self.questions))  # whole titles, no "…"
        self.questions.selectionModel().currentChanged.connect(lambda cur, _prev: self._question_changed(cur))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.questions, 1)
        row = QHBoxLayout()
        row.addWidget(
            button(
                "Add &question…",
                "interview_add_question_button",
                "Add a question of your own",
                self.add_question,
            )
        )
        row.addWidget(
            button(
                "Remove question",
                "interview_remove_question_button",
                "Remove a question you added (its answers stay)",
                self.remove_question,
            )
        )
        left_layout.addLayout(row)
        left_layout.addLayout(extras)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("interview_splitter")
        self.splitter.addWidget(left)
        self.pane = AnswerPane(services, resources)
        self.pane.saved.connect(self._answer_saved)
        self.pane.status_message.connect(self.status_message)
        self.pane.rehearse_requested.connect(self._rehearse)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.terms_label)
        layout.addWidget(self.splitter, 1)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.pane.save_answer)
        save.setWhatsThis("Save the answer (Interview tab)")  # listed by Help > Keyboard shortcuts

    # -- showing --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read jobs, questions and answers again (keeping the job and question chosen)."""
        try:
            jobs = self._interview.jobs()
            questions = self._interview.questions()
            answers = self._interview.answers(self.job_id)
            due = {a.id for a in self._interview.due(self._services.today())}
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        self.job_combo.blockSignals(True)
        self.job_combo.clear()
        self.job_combo.addItem(ANY_JOB, None)
        for job in jobs:
            self.job_combo.addItem(
                job.label + (f" — interview {job.interview_on}" if job.interview_on else ""), job.id
            )
        self.job_combo.setCurrentIndex(max(self.job_combo.findData(self.job_id), 0))
        self.job_combo.blockSignals(False)
        self.due_button.setText(f"Rehearse &due answers ({len(due)})")
        self.due_button.setEnabled(bool(due))
        self._fill_questions(questions, answers, due)
        self._show_terms(jobs, answers)
        if self.question is None and questions:  # open on a question, not on an empty pane
            self.select_question(questions[0].id)

    def refresh(self) -> None:
        """After a change made elsewhere: read everything again and show the current answer anew,
        unless it holds unsaved typing."""
        self.reload()
        if self.pane.question is not None and not self.pane.dirty:
            self.pane.reshow(self.key_terms)

    def _fill_questions(self, questions: tuple[Question, ...], answers: list[Answer], due: set) -> None:
        keep = self.question.id if self.question else None
        answered = {a.question_key: a for a in answers if a.text.strip()}
        self.questions_model.clear()
        groups: dict[str, QStandardItem] = {}
        for kind, words in KIND_WORDS.items():
            group = QStandardItem(words)
            group.setSelectable(False)
            groups[kind] = group
            self.questions_model.appendRow(group)
        self._by_key = {q.id: q for q in questions}
        for question in questions:
            found = answered.get(question.id)
            mark = "○" if found is None else "● due ·" if found.id in due else "●"
            row = QStandardItem(f"{mark} {question.text}")
            row.setData(question.id, QUESTION_KEY)
            row.setToolTip(
                question.text
                + ("\nAnswered" if found else "\nNo answer yet")
                + (f"\nThey listen for: {question.listening_for}" if question.listening_for else "")
            )
            groups[question.kind].appendRow(row)
            if question.id == keep:
                self.questions.setCurrentIndex(row.index())
        self.questions.expandAll()

    def _show_terms(self, jobs: list[Job], answers: list[Answer]) -> None:
        job = next((j for j in jobs if j.id == self.job_id), None)
        self.key_terms = extract_key_terms(job.description) if job and job.description else ()
        if job is None:
            self.terms_label.setText(
                "Choose a job above to see which of its key terms your answers and evidence touch; "
                "answers written here, for any job, are where each job's answers start."
                if jobs else
                "Add a job (New job…) and paste its description: fikadesk picks out its key "
                "terms and shows which your answers and evidence already touch."
            )
            return
        _notes, questions = split_research(job.research)
        asked = f"\nQuestions you noted to ask them: {' · '.join(questions)}" if questions else ""
        if not self.key_terms:
            self.terms_label.setText(
                f"{job.label}: paste the job description (Edit job…) to see its key terms.{asked}"
            )
            return
        texts = [a.text for a in answers]
        try:
            for entry_id in {e for a in answers for e in a.entry_ids}:
                evidence = self._interview.evidence(entry_id)
                texts.append(f"{evidence.title} {evidence.body} {evidence.impact}")
        except FikadeskError:
            pass
        covered = term_coverage(self.key_terms, texts)
        self.terms_label.setText(
            f"Key terms of {job.label}: touched by your answers and evidence: "
            f"{', '.join(covered.touched) or 'none yet'}. Not yet: "
            f"{', '.join(covered.missing) or 'none — every term is covered'}.{asked}"
        )

    def _question_changed(self, index) -> None:
        key = index.data(QUESTION_KEY) if index.isValid() else None
        question = self._by_key.get(key) if key else None
        if question is None or (self.question and question.id == self.question.id):
            return
        self.pane.save_if_dirty()
        self.question = question
        self.pane.show_question(question, self._current_job(), self.key_terms)

    # -- changing -------------------------------------------------------------------------------
    def _job_changed(self) -> None:
        self.pane.save_if_dirty()
        self.job_id = self.job_combo.currentData()
        self.reload()
        self.pane.show_question(self.question, self._current_job(), self.key_terms)

    def _answer_saved(self) -> None:
        self.journal_written.emit()
        self.reload()

    def _current_job(self) -> Job | None:
        if self.job_id is None:
            return None
        try:
            return self._interview.job(self.job_id)
        except FikadeskError:
            return None

    def new_job(self) -> None:
        job = JobDialog.get_job(self, Job(None, ""), self._services.today())
        if job is not None and self._do(lambda: self._interview.save_job(job), "Job added.") is not None:
            self.pane.save_if_dirty()
            self.job_id = self._interview.jobs()[0].id
            self.reload()
            self.pane.show_question(self.question, self._current_job(), self.key_terms)

    def edit_job(self) -> None:
        job = self._current_job()
        if job is None:
            self.status_message.emit("Choose a job first (or add one with New job…).")
            return
        changed = JobDialog.get_job(self, job, self._services.today())
        if changed is not None:
            self._do(lambda: self._interview.save_job(changed), "Job saved.")
            self.reload()
            self.pane.show_question(self.question, self._current_job(), self.key_terms)

    def delete_job(self) -> None:
        job = self._current_job()
        if job is None:
            return
        sure = ask(self, "Delete the job?",
                   f"Delete {job.label} and the answers written for it? Your general answers stay.")
        if sure and job.id is not None:
            job_id = job.id
            self.dirty = False
            self._do(lambda: self._interview.delete_job(job_id), "Job deleted.")
            self.job_id = None
            self.reload()
            self.pane.show_question(self.question, self._current_job(), self.key_terms)

    def add_question(self) -> None:
        question = QuestionDialog.get_question(self)
        if question is not None:
            added = self._do(lambda: self._interview.add_question(question), "Question added to your bank.")
            if isinstance(added, Question):
                self.pane.save_if_dirty()
                self.question = None
                self.reload()
                self.select_question(added.id)

    def remove_question(self) -> None:
        question = self.question
        if question is None or not question.id.startswith("own-"):
            self.status_message.emit("Only questions you added can be removed.")
            return
        self._do(lambda: self._interview.delete_question(question.id), "Question removed; its answers stay.")
        self.question = None
        self.reload()

    def select_question(self, key: str) -> None:
        """Show the question with this key (from the story grid, or after adding one)."""
        for group in range(self.questions_model.rowCount()):
            parent = self.questions_model.item(group)
            for row in range(parent.rowCount()):
                if parent.child(row).data(QUESTION_KEY) == key:
                    self.questions.setCurrentIndex(parent.child(row).index())
                    return

    def reflect(self) -> None:
        sheet = ReflectionDialog.get_sheet(self, self._interview.reflection())
        if sheet is None or not self._do(lambda: self._interview.save_reflection(sheet), "Reflection saved."):
            return
        if not self.pane.dirty:
            self.pane.reshow(self.key_terms)  # the builder's suggestions follow the new reflection

    def show_grid(self) -> None:
        try:
            answers = self._interview.answers(self.job_id)
            links = self._interview.expectations_of_entries([e for a in answers for e in a.entry_ids])
            expectations = self._services.leveling.expectation_choices()
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        dialog = StoryGridDialog(story_grid(self._interview.questions(), answers, links), expectations, self)
        dialog.question_requested.connect(self.select_question)
        dialog.exec()

    def rehearse_due(self) -> None:
        self.pane.save_if_dirty()
        try:
            due = self._interview.due(self._services.today())
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        if not due:
            self.status_message.emit("Nothing is due: every answer has been rehearsed recently enough.")
            return
        self._rehearse(due)

    def _rehearse(self, answers: list[Answer]) -> None:
        from fikadesk.ui.interview.rehearsal import RehearsalWindow

        saved = RehearsalWindow.rehearse(
            self, self._interview, answers, self._services.preferences.get(), self._services.now,
            speech=self._services.speech)
        if saved:
            self.status_message.emit(f"{saved} take{'s' if saved != 1 else ''} saved.")
            self.journal_written.emit()
        self.reload()

    def _do(self, action: Callable[[], object], said: str) -> object:
        try:
            result = action()
        except FikadeskError as exc:
            warn(self, "Not saved", str(exc))
            return None
        self.journal_written.emit()
        self.status_message.emit(said)
        self.reload()
        return result if result is not None else True

    def leave(self) -> bool:
        """Keep unsaved typing (switching tabs, closing the window); False when it could not be saved."""
        return self.pane.save_if_dirty()
