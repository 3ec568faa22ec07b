"""The entry editor of the Journal tab: every field of one entry, with a write/preview switch."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fikadesk.domain.journal.entries import Entry, EntryDraft, parse_tags, validate_draft
from fikadesk.domain.leveling.suggest import win_text
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.leveling.service import LevelingService
from fikadesk.services.leveling.suggest import LinkSuggestions
from fikadesk.ui.common.controls import from_qdate, named, to_qdate
from fikadesk.ui.common.plain import plain_text
from fikadesk.ui.common.theme import error_style
from fikadesk.ui.common.widgets.markdown_view import SafeMarkdownView, SearchHighlighter
from fikadesk.ui.journal.expectation_picker import ExpectationPickerDialog
from fikadesk.ui.journal.link_suggestions import SuggestionBar

STAR_ON = "\u2605 Starred"
STAR_OFF = "\u2606 Star"
PRIVATE_TIP = ("A private entry stays in your journal but is left out of every brief you "
               "create or share")
NO_LINKS_TEXT = "Not linked to any expectation yet"


def _links_summary(texts: list[str]) -> str:
    """One line: the first linked expectation (shortened) and how many more there are."""
    if not texts:
        return NO_LINKS_TEXT
    first = texts[0] if len(texts[0]) <= 70 else texts[0][:69].rstrip() + "…"
    return first + (f"  (+{len(texts) - 1} more)" if len(texts) > 1 else "")


class EntryEditor(QWidget):
    """Edits one entry; emits ``edited`` on every change a person makes."""

    edited = Signal()
    links_changed = Signal(int)
    #: (entry id, links before, links after) once the person changed them in the picker
    links_replaced = Signal(int, object, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entry_id: int | None = None
        self._loading = False
        self._leveling: LevelingService | None = None
        self._suggestions: LinkSuggestions | None = None

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        named(self.date_edit, "entry_date_edit", "Date", "The day it happened")
        self.title_edit = QLineEdit(placeholderText="What did you do? e.g. Led the billing migration")
        named(self.title_edit, "entry_title_edit", "Title", "A short title (required)")
        self.title_edit.setMaxLength(200)
        self.star_button = QToolButton()
        self.star_button.setCheckable(True)
        self.star_button.setText(STAR_OFF)
        named(self.star_button, "entry_star_button", "Star",
              "Star a moment that shows work at the level you are aiming for")

        self.body_edit = QPlainTextEdit()
        self.body_edit.setPlaceholderText(
            "What happened: the situation, what you did and decided, who you worked with. "
            "Markdown works: **bold**, lists, [links](https://example.com).")
        named(self.body_edit, "entry_body_edit", "What happened")
        self.body_highlighter = SearchHighlighter(self.body_edit.document())
        self.preview = SafeMarkdownView()
        named(self.preview, "entry_preview", "Preview of what happened")
        self.body_tabs = QTabWidget()
        self.body_tabs.addTab(self.body_edit, "Write")
        self.body_tabs.addTab(self.preview, "Preview")
        named(self.body_tabs, "entry_body_tabs", "Write or preview")
        self.body_tabs.currentChanged.connect(self._on_body_tabs_changed)

        self.impact_edit = QPlainTextEdit()
        self.impact_edit.setPlaceholderText("What changed because of it? Numbers, people, risk avoided.")
        self.impact_edit.setFixedHeight(70)
        self.impact_edit.setTabChangesFocus(True)
        named(self.impact_edit, "entry_impact_edit", "Impact or result")
        self.impact_highlighter = SearchHighlighter(self.impact_edit.document())
        self.tags_edit = QLineEdit(placeholderText="comma-separated, e.g. reliability, mentoring")
        named(self.tags_edit, "entry_tags_edit", "Tags", "Tags, separated by commas")
        self.tag_completer = QCompleter([], self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(self.tag_completer)

        self.revisit_check = QCheckBox("Revisit on")
        named(self.revisit_check, "entry_revisit_check", "Revisit this entry",
              "Come back on this date to record how it turned out")
        self.revisit_edit = QDateEdit()
        self.revisit_edit.setCalendarPopup(True)
        self.revisit_edit.setDisplayFormat("yyyy-MM-dd")
        self.revisit_edit.setEnabled(False)
        named(self.revisit_edit, "entry_revisit_edit", "Revisit date")
        self.links_edit = QPlainTextEdit()
        self.links_edit.setPlaceholderText("One link per line: the PR, the doc, the thank-you message")
        self.links_edit.setFixedHeight(56)
        self.links_edit.setTabChangesFocus(True)
        named(self.links_edit, "entry_links_edit", "Links")

        self.private_check = QCheckBox("Private")
        named(self.private_check, "entry_private_check", "Private entry", PRIVATE_TIP)
        self.evidence_label = QLabel(NO_LINKS_TEXT)
        self.evidence_label.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence_label.setWordWrap(False)
        self.evidence_label.setObjectName("entry_evidence_label")
        self.evidence_label.setAccessibleName("Expectations this entry is evidence for")
        self.link_button = QToolButton()
        self.link_button.setText("Link…")
        named(self.link_button, "entry_link_button", "Link to expectations",
              "Choose which expectations of your target level this entry is evidence for")
        self.suggestion_bar = SuggestionBar("entry_suggestions", self)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setObjectName("entry_status_label")
        self.status_label.setAccessibleName("Save state")

        top = QHBoxLayout()
        top.addWidget(self.date_edit)
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.star_button)
        revisit = QHBoxLayout()
        revisit.addWidget(self.revisit_check)
        revisit.addWidget(self.revisit_edit)
        revisit.addWidget(self.private_check)
        revisit.addStretch(1)
        revisit.addWidget(self.status_label)
        form = QFormLayout()
        form.addRow("Impact", self.impact_edit)
        form.addRow("Tags", self.tags_edit)
        form.addRow("Links", self.links_edit)
        evidence = QHBoxLayout()
        evidence.addWidget(self.evidence_label, 1)
        evidence.addWidget(self.link_button)
        form.addRow("Evidence for", evidence)
        form.addRow(self.suggestion_bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body_tabs, 1)
        layout.addLayout(form)
        layout.addLayout(revisit)
        self.setTabOrder(self.date_edit, self.title_edit)
        self.setTabOrder(self.title_edit, self.star_button)
        self.setTabOrder(self.star_button, self.body_tabs)
        self.setTabOrder(self.body_tabs, self.body_edit)
        self.setTabOrder(self.body_edit, self.impact_edit)
        self.setTabOrder(self.impact_edit, self.tags_edit)
        self.setTabOrder(self.tags_edit, self.links_edit)
        self.setTabOrder(self.links_edit, self.revisit_check)
        self.setTabOrder(self.revisit_check, self.revisit_edit)
        self.setTabOrder(self.revisit_edit, self.private_check)

        for signal in (self.title_edit.textEdited, self.tags_edit.textEdited):
            signal.connect(self._on_changed)
        for editor in (self.body_edit, self.impact_edit, self.links_edit):
            editor.textChanged.connect(self._on_changed)
        self.date_edit.dateChanged.connect(self._on_changed)
        self.revisit_edit.dateChanged.connect(self._on_changed)
        self.star_button.toggled.connect(self._on_star_toggled)
        self.revisit_check.toggled.connect(self._on_revisit_toggled)
        self.private_check.toggled.connect(self._on_changed)
        self.link_button.clicked.connect(self.edit_links)
        self.suggestion_bar.accepted.connect(self.accept_suggestion)

    # -- loading and reading -----------------------------------------------------------------
    def load(self, entry: Entry | None, *, new_day: date | None = None,
             draft: EntryDraft | None = None) -> None:
        """Show ``entry`` (or an empty new entry dated ``new_day``) without emitting ``edited``."""
        self._loading = True
        try:
            self.entry_id = entry.id if entry else None
            source = entry.draft() if entry else (draft or EntryDraft(day=new_day or date.today(),
                                                                      title=""))
            self.date_edit.setDate(to_qdate(source.day))
            self.title_edit.setText(source.title)
            self.star_button.setChecked(source.starred)
            self.star_button.setText(STAR_ON if source.starred else STAR_OFF)
            self.body_edit.setPlainText(source.body)
            self.impact_edit.setPlainText(source.impact)
            self.tags_edit.setText(", ".join(source.tags))
            self.links_edit.setPlainText("\n".join(source.links))
            self.revisit_check.setChecked(source.revisit_on is not None)
            self.revisit_edit.setEnabled(source.revisit_on is not None)
            self.revisit_edit.setDate(to_qdate(source.revisit_on or source.day))
            self.private_check.setChecked(source.private)
            self.refresh_links()
            if self.body_tabs.currentIndex() == 1:
                self.preview.set_markdown(source.body)
        finally:
            self._loading = False

    def raw_draft(self) -> EntryDraft:
        """Return the fields as typed, unvalidated."""
        return EntryDraft(
            day=from_qdate(self.date_edit.date()),
            title=self.title_edit.text(),
            body=self.body_edit.toPlainText(),
            impact=self.impact_edit.toPlainText(),
            tags=parse_tags(self.tags_edit.text()),
            starred=self.star_button.isChecked(),
            revisit_on=from_qdate(self.revisit_edit.date()) if self.revisit_check.isChecked() else None,
            links=tuple(line.strip() for line in self.links_edit.toPlainText().splitlines() if line.strip()),
            private=self.private_check.isChecked(),
        )

    def draft(self) -> EntryDraft:
        """Return the validated fields; raises EntryValidationError with a readable message."""
        return validate_draft(self.raw_draft())

    def set_search_words(self, words: tuple[str, ...]) -> None:
        # Re-highlighting touches the documents; that is not an edit by the person.
        loading, self._loading = self._loading, True
        try:
            for highlighter in (self.body_highlighter, self.impact_highlighter, self.preview.highlighter):
                highlighter.set_words(words)
        finally:
            self._loading = loading

    def set_known_tags(self, tags: list[str]) -> None:
        model = self.tag_completer.model()
        if hasattr(model, "setStringList"):
            model.setStringList(tags)

    # -- evidence links ----------------------------------------------------------------------
    def set_leveling(self, leveling: LevelingService) -> None:
        """Let the editor show and change the entry's evidence links through this service."""
        self._leveling = leveling
        self.refresh_links()

    def refresh_links(self) -> None:
        """Show which expectations the entry is linked to (after a load or a ladder change)."""
        self.link_button.setVisible(self._leveling is not None)
        if self._leveling is None or self.entry_id is None:
            self.evidence_label.setText(NO_LINKS_TEXT if self.entry_id is not None else
                                        "Link it to expectations once it has a title")
            self.suggestion_bar.clear()
            return
        try:
            ids = self._leveling.linked_expectations(self.entry_id)
            choices = self._leveling.expectation_choices(include=ids) if ids else []
        except StorageError as exc:
            self.evidence_label.setText(f"Links cannot be read: {exc}")
            self.suggestion_bar.clear()
            return
        texts = [c.label for c in choices if c.id in ids]
        self.evidence_label.setText(_links_summary(texts))
        self.evidence_label.setToolTip(plain_text("\n".join(texts)))
        self.suggestion_bar.set_excluded(ids)
        self.suggestion_bar.update_now(self._win_text())

    # -- suggested links ---------------------------------------------------------------------
    def set_suggestions(self, suggestions: LinkSuggestions) -> None:
        """Suggest target expectations for the entry shown, ranked in memory as it is typed."""
        self._suggestions = suggestions
        self.refresh_suggester()

    def refresh_suggester(self) -> None:
        """Read the target level's expectations again (after the target or ladder changed)."""
        try:
            found = self._suggestions.target_suggester() if self._suggestions else None
        except StorageError:
            found = None
        self.suggestion_bar.set_suggester(found)
        if self.entry_id is None:
            self.suggestion_bar.clear()

    def _win_text(self) -> str:
        return win_text(self.title_edit.text(), self.body_edit.toPlainText(),
                        self.impact_edit.toPlainText(), parse_tags(self.tags_edit.text()))

    def accept_suggestion(self, expectation_id: int) -> None:
        """Link the entry to one suggested expectation, keeping its other links (undoable)."""
        if self._leveling is None or self.entry_id is None:
            return
        try:
            linked = self._leveling.linked_expectations(self.entry_id)
            after = self._leveling.set_entry_links(self.entry_id, (*linked, expectation_id))
        except FikadeskError as exc:
            self.show_status(f"Link not saved: {exc}", error=True)
            return
        self.refresh_links()
        self.links_changed.emit(self.entry_id)
        self.links_replaced.emit(self.entry_id, tuple(linked), tuple(after))

    def edit_links(self) -> None:
        """Open the expectation picker and save the chosen links (one transaction)."""
        if self._leveling is None:
            return
        if self.entry_id is None:
            self.show_status("Give the entry a title first; once it is saved you can link it.",
                             error=True)
            return
        try:
            linked = self._leveling.linked_expectations(self.entry_id)
            choices = self._leveling.expectation_choices(include=linked)
            chosen = ExpectationPickerDialog.get_ids(self, choices, linked,
                                                     self.title_edit.text())
            if chosen is None or set(chosen) == set(linked):
                return
            after = self._leveling.set_entry_links(self.entry_id, chosen)
        except FikadeskError as exc:
            self.show_status(f"Links not saved: {exc}", error=True)
            return
        self.refresh_links()
        self.links_changed.emit(self.entry_id)
        self.links_replaced.emit(self.entry_id, tuple(linked), tuple(after))

    def replace_links(self, entry_id: int, expectation_ids: tuple[int, ...]) -> bool:
        """Give an entry exactly these links (undo and redo); False when they were not saved."""
        if self._leveling is None:
            return False
        try:
            self._leveling.set_entry_links(entry_id, expectation_ids)
        except FikadeskError as exc:
            self.show_status(f"Links not changed: {exc}", error=True)
            return False
        if self.entry_id == entry_id:
            self.refresh_links()
        self.links_changed.emit(entry_id)
        return True

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(error_style() if error else "")

    # -- slots -------------------------------------------------------------------------------
    def _on_changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()
            if self.entry_id is not None:
                self.suggestion_bar.schedule(self._win_text())

    def _on_star_toggled(self, checked: bool) -> None:
        self.star_button.setText(STAR_ON if checked else STAR_OFF)
        self._on_changed()

    def _on_revisit_toggled(self, checked: bool) -> None:
        self.revisit_edit.setEnabled(checked)
        self._on_changed()

    def _on_body_tabs_changed(self, index: int) -> None:
        if index == 1:
            self.preview.set_markdown(self.body_edit.toPlainText())
