"""The Briefs window: pick a brief and its options, preview it, save, copy, print or export PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fikadesk.briefs.output import write_text_atomically
from fikadesk.briefs.promotion import default_period
from fikadesk.briefs.render import plain_title, to_html
from fikadesk.domain.leveling.chart import EvidenceChart
from fikadesk.errors import FikadeskError
from fikadesk.services.container import Services
from fikadesk.ui.briefs.chart import chart_file_name, chart_image, write_chart
from fikadesk.ui.briefs.pdf import export_pdf, page_size_for
from fikadesk.ui.briefs.sources import (
    BriefChoice,
    BriefSource,
    agenda_source,
    interview_source,
    promotion_source,
)
from fikadesk.ui.common.alerts import Button, Icon, message_box, warn
from fikadesk.ui.common.controls import date_edit, from_qdate, named
from fikadesk.ui.common.widgets.markdown_view import SafeMarkdownView


def page_size_name() -> str:
    """The paper size printing will use, as a person names it (A4, Letter)."""
    return page_size_for().name()


class BriefDialog(QDialog):
    """A brief, previewed safely, with Save, Copy, Print and Export PDF."""

    def __init__(self, sources: list[BriefSource], today: date, parent=None,
                 jobs: list[tuple[int, str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brief_dialog")
        self.setWindowTitle("Briefs")
        self.sources = sources
        self._jobs = list(jobs or [])
        self.markdown = ""
        self._folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self._build(today)
        # Roomy where the screen allows, never larger than it (a 1000x650 laptop screen).
        available = self.screen().availableGeometry()
        self.resize(min(1000, available.width() * 9 // 10),
                    min(720, available.height() * 9 // 10))
        self.refresh()

    # -- layout ------------------------------------------------------------------------------
    def _build(self, today: date) -> None:
        self.kind_combo = QComboBox()
        for source in self.sources:
            self.kind_combo.addItem(source.label, source.key)
        named(self.kind_combo, "brief_kind_combo", "Brief",
              "Which document to write")
        since, until = default_period(today)
        self.since_edit = date_edit("brief_since_edit", "Evidence from", since,
                                    "First day of the evidence to include")
        self.until_edit = date_edit("brief_until_edit", "Evidence until", until,
                                    "Last day of the evidence to include")
        self.job_combo = QComboBox()
        named(self.job_combo, "brief_job_combo", "Job",
              "The job the interview prep is for (add jobs in the Interview tab)")
        self.set_jobs(self._jobs)
        self.starred_check = QCheckBox("Starred entries only")
        named(self.starred_check, "brief_starred_check", "Starred entries only",
              "Leave unstarred entries out; status and gaps still count them")
        self.about_label = QLabel()
        self.about_label.setObjectName("brief_about_label")
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Brief:", self.kind_combo)
        form.addRow("&Job:", self.job_combo)
        form.addRow("&From:", self.since_edit)
        form.addRow("&Until:", self.until_edit)
        form.addRow("", self.starred_check)
        options = QWidget()
        column = QVBoxLayout(options)
        column.addLayout(form)
        column.addWidget(self.about_label)
        paper = page_size_name()
        self.paper_label = QLabel(f"Printing and PDF use {paper} paper, as your language "
                                  "settings suggest.")
        self.paper_label.setObjectName("brief_paper_label")
        self.paper_label.setTextFormat(Qt.TextFormat.PlainText)
        self.paper_label.setWordWrap(True)
        column.addWidget(self.paper_label)
        column.addStretch(1)
        self.preview = SafeMarkdownView()
        self.preview.document().setDocumentMargin(14)
        named(self.preview, "brief_preview", "Brief preview",
              "The brief as it will read; links open in your browser")
        self.message_label = QLabel()
        self.message_label.setObjectName("brief_message_label")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.message_label)
        right_column.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(options)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 720])

        self.refresh_button = self._button("&Refresh", "brief_refresh_button", self.refresh,
                                           QKeySequence.StandardKey.Refresh,
                                           "Write the brief again from the journal")
        self.save_button = self._button("&Save as markdown…", "brief_save_button", self.save,
                                        QKeySequence.StandardKey.Save,
                                        "Save the brief as a markdown file")
        self.copy_button = self._button("&Copy", "brief_copy_button", self.copy, "Ctrl+Shift+C",
                                        "Copy the brief, as markdown and formatted text")
        self.print_button = self._button("&Print…", "brief_print_button", self.print_brief,
                                         QKeySequence.StandardKey.Print,
                                         "Preview the printed pages and print them")
        self.pdf_button = self._button("&Export PDF…", "brief_pdf_button", self.export_pdf,
                                       "Ctrl+E", "Save the brief as a PDF to share or print later")
        self.close_button = self._button("Close", "brief_close_button", self.close, None,
                                         "Close this window")
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        for button in (self.save_button, self.copy_button, self.print_button, self.pdf_button,
                       self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.since_edit.dateChanged.connect(self._schedule)
        self.until_edit.dateChanged.connect(self._schedule)
        self.starred_check.toggled.connect(self._schedule)
        self.job_combo.currentIndexChanged.connect(self._schedule)
        self._on_kind_combo_changed()

    def _button(self, text: str, name: str, slot, shortcut, tip: str) -> QPushButton:
        button = QPushButton(text)
        if shortcut is not None:
            button.setShortcut(QKeySequence(shortcut))
        keys = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        named(button, name, text.replace("&", "").rstrip("…"),
              f"{tip} ({keys})" if keys else tip)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # -- building ----------------------------------------------------------------------------
    @property
    def source(self) -> BriefSource:
        return self.sources[max(0, self.kind_combo.currentIndex())]

    @property
    def title(self) -> str:
        return plain_title(self.markdown, self.source.label)

    def choice(self) -> BriefChoice:
        job = self.job_combo.currentData()
        return BriefChoice(from_qdate(self.since_edit.date()), from_qdate(self.until_edit.date()),
                           not self.starred_check.isChecked(),
                           int(job) if job is not None else None)

    def set_jobs(self, jobs: list[tuple[int, str]]) -> None:
        """Offer these (id, label) jobs for the interview brief, keeping the chosen one if it stays."""
        kept = self.job_combo.currentData()
        self.job_combo.blockSignals(True)
        self.job_combo.clear()
        for job_id, label in jobs:
            self.job_combo.addItem(" ".join(label.split()), job_id)
        if not jobs:
            self.job_combo.addItem("No jobs yet", None)
        found = self.job_combo.findData(kept) if kept is not None else -1
        self.job_combo.setCurrentIndex(max(found, 0))
        self.job_combo.blockSignals(False)
        self._jobs = list(jobs)

    def _on_kind_combo_changed(self) -> None:
        source = self.source
        self.about_label.setText(source.about)
        for widget in (self.since_edit, self.until_edit):
            widget.setEnabled(source.uses_period)
        self.starred_check.setEnabled(source.uses_starred)
        self.job_combo.setEnabled(source.uses_job and bool(self._jobs))
        self._schedule()

    def _schedule(self) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Write the brief again with the current options and show it."""
        self._timer.stop()
        choice = self.choice()
        problem = ""
        if choice.since > choice.until:
            problem = "The first day comes after the last one: pick a start date before the end."
        else:
            try:
                self.markdown = self.source.build(choice)
            except (FikadeskError, ValueError) as exc:
                problem = str(exc)
        if problem:
            # The empty state says what is missing and where to set it, in the preview itself.
            self.markdown = ""
            self.preview.setPlainText(problem)
        else:
            # The preview shows the very HTML that is printed (raw HTML in user text is escaped
            # by the builders and never passed through), in a view that loads nothing it names.
            self.preview.setHtml(to_html(self.markdown, self.title))
        self.preview.verticalScrollBar().setValue(0)
        self.message_label.clear()
        self.message_label.setVisible(False)
        for button in (self.save_button, self.copy_button, self.print_button, self.pdf_button):
            button.setEnabled(bool(self.markdown))

    # -- output ------------------------------------------------------------------------------
    def _suggested(self, suffix: str) -> Path:
        job = self.choice().job_id if self.source.uses_job else None
        key = self.source.key + (f"-job{job}" if job is not None else "")
        return self._folder / f"{key}-{from_qdate(self.until_edit.date()).isoformat()}{suffix}"

    def _fresh(self) -> bool:
        """Write the brief again right before it leaves the window, so an entry marked private
        (or changed) since the preview was written never goes out; False when it cannot be."""
        self.refresh()
        return bool(self.markdown)

    def _ask_target(self, suffix: str, filter_text: str) -> Path | None:
        path = BriefDialog.ask_save_path(self, self._suggested(suffix), filter_text)
        if path is None or not self._fresh():
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        if path.exists() and not BriefDialog.confirm_overwrite(self, path):
            return None
        self._folder = path.parent
        return path

    def save(self) -> Path | None:
        """Ask for a file and save the brief there as markdown; return where it went."""
        path = self._ask_target(".md", "Markdown (*.md)")
        if path is None:
            return None
        try:
            markdown, chart = self._with_chart(chart_file_name(path))
            if chart is not None:
                write_chart(chart, path.with_name(chart_file_name(path)))
            write_text_atomically(path, markdown)
        except OSError as exc:
            BriefDialog.show_error(self, "The brief was not saved",
                                   f"{path} could not be written: {exc.strerror or exc}. "
                                   "Nothing was changed there; try another folder.")
            return None
        self._say(f"Saved to {path}")
        return path

    def export_pdf(self) -> Path | None:
        """Ask for a file and write the brief there as a PDF; return where it went."""
        path = self._ask_target(".pdf", "PDF (*.pdf)")
        if path is None:
            return None
        try:
            markdown, images = self._with_images(chart_file_name(path))
            pages = export_pdf(markdown, self.title, path, images=images)
        except OSError as exc:
            BriefDialog.show_error(self, "The PDF was not written",
                                   f"{path} could not be written: {exc.strerror or exc}. "
                                   "Nothing was changed there; try another folder.")
            return None
        self._say(f"Exported {pages} page{'s' if pages != 1 else ''} to {path}")
        return path

    def copy(self) -> None:
        """Put the brief on the clipboard as markdown text and as formatted text."""
        if not self._fresh():
            return
        data = QMimeData()
        data.setText(self.markdown)
        data.setHtml(to_html(self.markdown, self.title))
        QGuiApplication.clipboard().setMimeData(data)
        self._say("Copied the brief: paste it as text or into a document.")

    def print_brief(self) -> None:
        """Show the print preview; printing happens from there."""
        if not self._fresh():
            return
        markdown, images = self._with_images(chart_file_name(self._suggested(".pdf")))
        BriefDialog.run_print_preview(self, markdown, self.title, images)

    def _with_chart(self, name: str) -> tuple[str, EvidenceChart | None]:
        """The brief naming its evidence chart's picture ``name``, and the chart; the brief as
        previewed and None when this brief has no chart or there is nothing to draw yet."""
        source = self.source
        if source.chart is None or source.build_with_chart is None:
            return self.markdown, None
        choice = self.choice()
        chart = source.chart(choice)
        if chart is None:
            return self.markdown, None
        return source.build_with_chart(choice, name), chart

    def _with_images(self, name: str) -> tuple[str, dict[str, QImage]]:
        """The brief and the pictures it names, for printing and PDF."""
        markdown, chart = self._with_chart(name)
        return markdown, ({name: chart_image(chart)} if chart is not None else {})

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(True)

    # -- the modal steps, one call each so tests can replace them -----------------------------
    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested: Path, filter_text: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, "Save the brief", str(suggested), filter_text,
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        return Path(name) if name else None

    @classmethod
    def confirm_overwrite(cls, parent: QWidget, path: Path) -> bool:
        box = message_box(parent, Icon.Question, "Replace the file?",
                          f"{path.name} already exists in {path.parent}. Replace it with this "
                          "brief? The old file is replaced only once the new one is complete.",
                          Button.Yes | Button.Cancel, name="brief_overwrite_box", default=Button.Cancel)
        return box.exec() == Button.Yes

    @classmethod
    def show_error(cls, parent: QWidget, title: str, text: str) -> None:
        warn(parent, title, text)

    @classmethod
    def run_print_preview(cls, parent: QWidget, markdown_text: str, title: str,
                          images: dict[str, QImage] | None = None) -> None:
        from fikadesk.ui.briefs.printing import make_print_preview

        make_print_preview(parent, markdown_text, title, images).exec()

    @classmethod
    def open_for(cls, parent: QWidget, services: Services) -> BriefDialog:
        """Open the window (not modal, so the journal stays usable) on the briefs available;
        if it is open already, bring it forward with the brief written again."""
        jobs = [(int(j.id or 0), j.label) for j in services.interview.jobs()]
        for existing in parent.findChildren(cls):
            if existing.isVisible():
                existing.set_jobs(jobs)
                existing.job_combo.setEnabled(existing.source.uses_job and bool(jobs))
                existing.refresh()
                existing.raise_()
                existing.activateWindow()
                return existing
        from fikadesk.domain.plan.checkin_questions import load_checkin_questions
        from fikadesk.paths import resources_dir
        from fikadesk.services.briefs import gather_agenda, gather_interview

        bank = load_checkin_questions(resources_dir())
        sources = [promotion_source(services, with_plan=True),
                   agenda_source(lambda: gather_agenda(services.plan, services.today(), bank),
                                 services.today),
                   interview_source(lambda job: gather_interview(
                       services.interview, job, services.preferences.get().words_per_minute),
                       services.today)]
        dialog = cls(sources, services.today(), parent, jobs)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
