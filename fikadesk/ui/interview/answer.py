"""The answer pane of the Interview tab: one question's answer, its builder, the coach, and saving."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.interview.answers import load_situations, prefill_stars, situation_for_target
from fikadesk.domain.interview.questions import Question
from fikadesk.domain.interview.records import Answer, Job
from fikadesk.domain.interview.reflection import ASPIRATION_KINDS, suggest_kinds
from fikadesk.domain.interview.terms import KeyTerm
from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.ui.common.alerts import ask
from fikadesk.ui.common.controls import button, plain_label
from fikadesk.ui.interview.builders import AspirationBuilder, StarBuilder, motivation_help
from fikadesk.ui.interview.coach_view import CoachedAnswer
from fikadesk.ui.interview.dialogs import EntryChoiceDialog, VersionsDialog, big
from fikadesk.ui.interview.needs import InterviewServices

NO_PARTS = ("", "", "", "")


class AnswerPane(QWidget):
    """Shows one question for one job (or any job), lets the person build, edit and save the answer."""

    saved = Signal()
    status_message = Signal(str)
    rehearse_requested = Signal(list)

    def __init__(self, services: InterviewServices, resources: Path) -> None:
        super().__init__()
        self.setObjectName("interview_answer_pane")
        self._services, self._interview = services, services.interview
        self.question: Question | None = None
        self.job: Job | None = None
        self.answer: Answer | None = None
        self.entry_ids: tuple[int, ...] = ()
        self.dirty = False
        self.question_label = plain_label("Pick a question on the left.", "interview_question_label")
        big(self.question_label, 1.25, bold=True)
        self.listening_label = plain_label("", "interview_listening_label")
        self.aspiration = AspirationBuilder(load_situations(resources / "interview" / "situations.json"))
        self.star = StarBuilder()
        self.builders = QStackedWidget()
        for widget in (self.aspiration, self.star, motivation_help()):
            self.builders.addWidget(widget)
        self.aspiration.compose_requested.connect(self._composed)
        self.star.compose_requested.connect(self._composed)
        self.star.pick_requested.connect(self.pick_entries)
        self.aspiration.edited.connect(self._mark_dirty)
        self.star.edited.connect(self._mark_dirty)
        self.coached = CoachedAnswer()
        self.coached.text_edited.connect(self._mark_dirty)
        self.state_label = plain_label("", "interview_answer_state")
        buttons = QHBoxLayout()
        self.save_button = button(
            "&Save answer",
            "interview_save_button",
            "Keep this answer (Ctrl+S); the wording before it is kept as a version",
            self.save_answer,
        )
        for made in (
            self.save_button,
            button(
                "&Versions…",
                "interview_versions_button",
                "Earlier wordings of this answer",
                self.show_versions,
            ),
            button(
                "Re&hearse…",
                "interview_rehearse_button",
                "Say it aloud against the clock, full screen",
                self.rehearse_this,
            ),
            button(
                "Ta&kes…",
                "interview_takes_button",
                "Every rehearsal take of this answer and how the ratings have moved",
                self.show_takes,
            ),
            button(
                "Delete answer",
                "interview_delete_answer_button",
                "Delete this answer, its versions and takes",
                self.delete_answer,
            ),
        ):
            buttons.addWidget(made)
        buttons.addStretch(1)
        buttons.addWidget(self.state_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question_label)
        layout.addWidget(self.listening_label)
        scroller = QScrollArea()
        scroller.setObjectName("interview_builder_scroll")
        scroller.setAccessibleName("Answer builder")
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.builders)
        # Builder and answer side by side: each gets the pane's full height, so the builder's
        # fields can grow and the answer and the coach are not squeezed under it (issue 20).
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("interview_answer_columns")
        self.split.addWidget(scroller)
        self.split.addWidget(self.coached)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([400, 400])
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        self.setEnabled(False)

    def show_question(self, question: Question | None, job: Job | None, key_terms: Sequence[KeyTerm]) -> None:
        """Show the answer to ``question`` for ``job`` (the general one is the starting point)."""
        self.question, self.job = question, job
        self.setEnabled(question is not None)
        if question is None:
            return
        job_id = job.id if job else None
        try:
            answer = self._interview.find_answer(question.id, job_id)
            start = (
                answer
                if answer is not None or job_id is None
                else self._interview.find_answer(question.id, None)
            )
            hints = suggest_kinds(self._interview.reflection())
            prefs = self._services.preferences.get()
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        self.answer = answer
        self.question_label.setText(question.text)
        self.listening_label.setText(
            f"They listen for: {question.listening_for}" if question.listening_for else ""
        )
        self.builders.setCurrentIndex({"aspiration": 0, "story": 1}.get(question.kind, 2))
        parts = start.parts if start else NO_PARTS
        self.aspiration.role, self.aspiration.company = (job.role, job.company) if job else ("", "")
        self.aspiration.load(
            start.aspiration_kind if start else (hints[0].kind if hints else ""),
            parts,
            ("Your reflection suggests: " + ", ".join(ASPIRATION_KINDS[h.kind].split(":")[0] for h in hints)
             + ".") if hints else "",
            " ".join(h.why for h in hints),
        )
        self.aspiration.suggest_situation(self._target_situation())
        self.entry_ids = start.entry_ids if start else ()
        self.star.load(parts, self._entry_titles(self.entry_ids))
        self.coached.set_context(question.kind, key_terms, prefs)
        self.coached.set_text(start.text if start else "")
        self.dirty = False
        self._show_state(
            "Starting from your general answer; saving keeps a copy for this job."
            if answer is None and start is not None
            else ""
        )

    def _target_situation(self) -> str:
        """The situation that fits the target level ("" without a target)."""
        try:
            target = self._services.leveling.target()
            if target is None:
                return ""
            levels = [lv.id for lv in self._services.leveling.get_ladder(target.ladder_id).levels]
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return ""
        rank = levels.index(target.target_level_id) if target.target_level_id in levels else None
        return situation_for_target(target.current_level, target.target_level, rank)

    def reshow(self, key_terms: Sequence[KeyTerm]) -> None:
        """Show the same question again (after the job or the journal changed)."""
        self.show_question(self.question, self.job, key_terms)

    def _entry_titles(self, entry_ids: tuple[int, ...]) -> list[str]:
        titles = []
        for entry_id in entry_ids:
            try:
                evidence = self._interview.evidence(entry_id)
            except FikadeskError:
                continue
            titles.append(f"{evidence.day} {evidence.title}")
        return titles

    def _show_state(self, text: str = "") -> None:
        self.state_label.setText(
            text or ("Unsaved changes" if self.dirty else "Saved" if self.answer else "")
        )

    def _mark_dirty(self) -> None:
        if self.question is not None:
            self.dirty = True
            self._show_state()

    def _composed(self, text: str) -> None:
        if self.coached.text().strip() and self.coached.text() != text:
            if not ask(self, "Replace the answer?", "Replace the answer below with the composed one? "
                       "(The current wording is kept as a version once saved.)"):
                return
        self.coached.editor.setPlainText(text)
        self._mark_dirty()

    def save_if_dirty(self) -> bool:
        """Save when something was typed since the last save; True when nothing is left unsaved."""
        return self.save_answer() if self.dirty else True

    def save_answer(self) -> bool:
        question = self.question
        if question is None:
            return False
        kind = question.kind
        parts = (
            self.aspiration.parts()
            if kind == "aspiration"
            else self.star.parts()
            if kind == "story"
            else NO_PARTS
        )
        draft = Answer(
            self.answer.id if self.answer else None,
            question.id,
            question.text,
            kind,
            self.job.id if self.job else None,
            self.coached.text(),
            self.aspiration.kind() if kind == "aspiration" else "",
            parts,
            self.entry_ids if kind == "story" else (),
        )
        try:
            self.answer = self._interview.save_answer(draft)
        except FikadeskError as exc:
            self.dirty = True
            self._show_state(f"Not saved: {exc}")  # the typed text stays in the editor
            self.status_message.emit(f"Not saved: {exc}")
            return False
        self.dirty = False
        self._show_state()
        self.saved.emit()
        return True

    def pick_entries(self) -> None:
        try:
            rows = self._services.journal.page(EntryQuery(), 0, 500)
        except StorageError as exc:
            self.status_message.emit(str(exc))
            return
        entries = [(r.id, f"{'★ ' if r.starred else ''}{r.day} {r.title}") for r in rows]
        chosen = EntryChoiceDialog.choose(self, entries, self.entry_ids)
        if chosen is None:
            return
        self.entry_ids, prefill = chosen
        self.star.show_entries(self._entry_titles(self.entry_ids))
        if prefill and self.entry_ids:
            try:
                self.star.fill(prefill_stars([self._interview.evidence(e) for e in self.entry_ids]))
            except FikadeskError as exc:
                self.status_message.emit(str(exc))
        self._mark_dirty()

    def show_versions(self) -> None:
        if self.answer is None or self.answer.id is None:
            self.status_message.emit("Save the answer first; earlier wordings are kept from then on.")
            return
        text = VersionsDialog.pick(self, self._interview.versions(self.answer.id))
        if text is not None:
            self.coached.editor.setPlainText(text)
            self._mark_dirty()

    def delete_answer(self) -> None:
        if self.answer is None or self.answer.id is None:
            return
        if not ask(self, "Delete the answer?",
                   "Delete this answer with its earlier versions and rehearsal takes?"):
            return
        try:
            self._interview.delete_answer(self.answer.id)
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        self.answer, self.dirty = None, False
        self.status_message.emit("Answer deleted.")
        self.saved.emit()
        self.reshow(self.coached.key_terms)  # type: ignore[arg-type]

    def rehearse_this(self) -> None:
        if not self.coached.text().strip():
            self.status_message.emit("Write the answer first, then rehearse it.")
            return
        if (self.dirty or self.answer is None) and not self.save_answer():
            return
        if self.answer is not None:
            self.rehearse_requested.emit([self.answer])

    def show_takes(self) -> None:
        from fikadesk.ui.interview.takes import TakeHistoryDialog

        if self.answer is None or self.answer.id is None:
            self.status_message.emit("This answer has no takes yet: save it and rehearse it first.")
            return
        try:
            answer = self._interview.answer(self.answer.id)
            takes = self._interview.takes(self.answer.id)
            measured = self._services.speech.metrics(self.answer.id)
        except FikadeskError as exc:
            self.status_message.emit(str(exc))
            return
        TakeHistoryDialog.show_for(self, answer, takes, measured)
