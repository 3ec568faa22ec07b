"""Quick capture: a small dialog that takes a new entry in a few seconds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import EntryDraft, EntryValidationError, parse_tags, validate_draft
from fikadesk.domain.leveling.snapshot import ExpectationChoice
from fikadesk.domain.leveling.suggest import LinkSuggester, win_text
from fikadesk.ui.common.controls import from_qdate, to_qdate
from fikadesk.ui.common.theme import error_style
from fikadesk.ui.journal.expectation_picker import ExpectationPicker
from fikadesk.ui.journal.link_suggestions import SuggestionBar

#: The revisit date offered: four weeks on, when the result of a win usually shows.
REVISIT_AFTER_DAYS = 28


@dataclass(frozen=True)
class CapturedDraft(EntryDraft):
    """A quick-capture draft with the expectations it should be linked to when saved."""

    expectation_ids: tuple[int, ...] = ()

    def plain(self) -> EntryDraft:
        """The entry fields alone."""
        return EntryDraft(day=self.day, title=self.title, body=self.body, impact=self.impact,
                          tags=self.tags, starred=self.starred, revisit_on=self.revisit_on,
                          links=self.links, private=self.private)


class QuickCaptureDialog(QDialog):
    """Title, impact, tags, a star and the expectations it is evidence for; Ctrl+Enter saves."""

    def __init__(self, parent: QWidget | None, today: date, tags: list[str],
                 choices: Sequence[ExpectationChoice] = (), linked: Iterable[int] = (),
                 suggester: LinkSuggester | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record a win")
        self.setObjectName("quick_capture_dialog")
        self.setAccessibleName("Record a win")
        self.result_draft: EntryDraft | None = None
        self.result_links: tuple[int, ...] = ()
        intro = QLabel("Write it down while it is fresh. One line is enough; you can add detail later.")
        intro.setWordWrap(True)
        self.title_edit = QLineEdit(placeholderText="What did you do?")
        self.title_edit.setObjectName("quick_title_edit")
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setMaxLength(200)
        self.date_edit = QDateEdit(to_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setObjectName("quick_date_edit")
        self.date_edit.setAccessibleName("Date")
        self.impact_edit = QPlainTextEdit()
        self.impact_edit.setPlaceholderText("What changed because of it?")
        self.impact_edit.setTabChangesFocus(True)
        self.impact_edit.setFixedHeight(64)
        self.impact_edit.setObjectName("quick_impact_edit")
        self.impact_edit.setAccessibleName("Impact")
        self.tags_edit = QLineEdit(placeholderText="tags, comma-separated")
        self.tags_edit.setObjectName("quick_tags_edit")
        self.tags_edit.setAccessibleName("Tags")
        completer = QCompleter(tags, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        # Optional, like the editor's "Revisit on": a date to come back and record how it turned out.
        self.revisit_check = QCheckBox("Revisit on")
        self.revisit_check.setObjectName("quick_revisit_check")
        self.revisit_check.setAccessibleName("Revisit this entry")
        self.revisit_check.setToolTip("Come back on this date to record how it turned out")
        self.revisit_edit = QDateEdit(to_qdate(today + timedelta(days=REVISIT_AFTER_DAYS)))
        self.revisit_edit.setCalendarPopup(True)
        self.revisit_edit.setDisplayFormat("yyyy-MM-dd")
        self.revisit_edit.setObjectName("quick_revisit_edit")
        self.revisit_edit.setAccessibleName("Revisit date")
        self.revisit_edit.setToolTip("The date to come back to this entry")
        self.revisit_edit.setEnabled(False)
        self.revisit_check.toggled.connect(self.revisit_edit.setEnabled)
        revisit_row = QHBoxLayout()
        revisit_row.addWidget(self.revisit_check)
        revisit_row.addWidget(self.revisit_edit)
        revisit_row.addStretch(1)
        self.star_check = QCheckBox("Star it: this shows work at the level I am aiming for")
        self.star_check.setObjectName("quick_star_check")
        self.star_check.setAccessibleName("Star")
        self.picker = ExpectationPicker("quick_picker", self)
        self.picker.set_choices(choices, linked)
        self.picker.setMinimumHeight(130 if choices else 0)
        self.suggestion_bar = SuggestionBar("quick_suggestions", self, self)
        self.suggestion_bar.set_allowed(c.id for c in choices)
        self.suggestion_bar.set_excluded(self.picker.checked_ids())
        self.suggestion_bar.set_suggester(suggester)
        self.error_label = QLabel()
        self.error_label.setObjectName("quick_error_label")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(error_style())
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("quick_buttons")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("quick_save_button")
        save.setAccessibleName("Save")
        save.setToolTip("Save the entry (Ctrl+Enter)")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        save_shortcut.activated.connect(self.accept)
        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        form.addRow("Date", self.date_edit)
        form.addRow("Impact", self.impact_edit)
        form.addRow("Tags", self.tags_edit)
        form.addRow("", revisit_row)
        form.addRow("Evidence for", self.picker)
        form.addRow(self.suggestion_bar)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.star_check)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560 if choices else 460, self.sizeHint().height())
        self.title_edit.textChanged.connect(self._on_words_changed)
        self.impact_edit.textChanged.connect(self._on_words_changed)
        self.tags_edit.textChanged.connect(self._on_words_changed)
        self.picker.checked_changed.connect(
            lambda: self.suggestion_bar.set_excluded(self.picker.checked_ids()))
        self.suggestion_bar.accepted.connect(lambda x: self.picker.model.set_checked(x, True))

    def _on_words_changed(self, *_args) -> None:
        self.suggestion_bar.schedule(win_text(self.title_edit.text(), "",
                                              self.impact_edit.toPlainText(),
                                              parse_tags(self.tags_edit.text())))

    def accept(self) -> None:
        try:
            self.result_draft = validate_draft(EntryDraft(
                day=from_qdate(self.date_edit.date()),
                title=self.title_edit.text(),
                impact=self.impact_edit.toPlainText(),
                tags=parse_tags(self.tags_edit.text()),
                starred=self.star_check.isChecked(),
                revisit_on=(from_qdate(self.revisit_edit.date())
                            if self.revisit_check.isChecked() else None),
            ))
            self.result_links = self.picker.checked_ids()
        except EntryValidationError as exc:
            self.error_label.setText(str(exc))
            self.title_edit.setFocus()
            return
        super().accept()

    @classmethod
    def get_draft(cls, parent: QWidget | None, today: date, tags: list[str],
                  choices: Sequence[ExpectationChoice] = (),
                  linked: Iterable[int] = (),
                  suggester: LinkSuggester | None = None) -> EntryDraft | None:
        """The new entry, or None; a CapturedDraft when expectations were ticked (by hand or
        by accepting a suggestion of ``suggester``)."""
        dialog = cls(parent, today, tags, choices, linked, suggester)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_draft is None:
            return None
        if not dialog.result_links:
            return dialog.result_draft
        d = dialog.result_draft
        return CapturedDraft(day=d.day, title=d.title, body=d.body, impact=d.impact, tags=d.tags,
                             starred=d.starred, revisit_on=d.revisit_on, links=d.links,
                             private=d.private, expectation_ids=dialog.result_links)
