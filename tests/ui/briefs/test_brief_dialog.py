"""The Briefs window driven as a person would: preview, options, save, overwrite, copy, print, PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import Services
from fikadesk.ui.briefs.dialog import BriefDialog
from fikadesk.ui.briefs.printing import make_print_preview
from fikadesk.ui.briefs.sources import promotion_source
from tests.briefs.golden import GOLDEN
from tests.briefs.sample import TODAY, fill_interview, fill_journal


@pytest.fixture
def dialog(qtbot, services: Services) -> BriefDialog:
    fill_journal(services)
    made = BriefDialog([promotion_source(services)], TODAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_every_control_is_named_and_offers_only_briefs_it_can_gather(dialog: BriefDialog) -> None:
    assert [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())] == \
        ["Promotion case"]
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != 0 and widget.objectName().startswith("brief_"):
            assert widget.accessibleName(), widget.objectName()
    assert dialog.save_button.toolTip() == "Save the brief as a markdown file (Ctrl+S)"
    assert "Private entries never appear" in dialog.about_label.text()


def test_preview_shows_the_brief_and_options_rewrite_it(dialog: BriefDialog, qtbot) -> None:
    assert dialog.markdown.startswith("# Promotion case: Senior Engineer\n")
    shown = dialog.preview.toPlainText()
    assert "Where the evidence stands" in shown and "Frank notes" not in shown
    assert "Paired with Tomás on his first design doc" in shown
    dialog.starred_check.setChecked(True)
    qtbot.waitUntil(lambda: "Paired with Tomás" not in dialog.preview.toPlainText())
    assert dialog.markdown == (GOLDEN / "promotion_starred.md").read_text(encoding="utf-8")


def test_a_backwards_period_is_explained_and_nothing_can_be_saved(dialog: BriefDialog) -> None:
    dialog.since_edit.setDate(QDate(2026, 12, 1))
    dialog.refresh()
    assert dialog.preview.toPlainText().startswith("The first day comes after the last one")
    assert not dialog.save_button.isEnabled() and not dialog.pdf_button.isEnabled()


def test_no_target_still_lists_the_wins_and_says_what_a_target_adds(qtbot, services: Services) -> None:
    services.journal.add(EntryDraft(day=TODAY, title="Led the billing cut-over", starred=True))
    made = BriefDialog([promotion_source(services)], TODAY)
    qtbot.addWidget(made)
    shown = made.preview.toPlainText()
    assert shown.startswith("Promotion case: my wins")
    assert "No target level is set yet, so these wins are grouped by month." in shown
    assert "Target tab" in shown and "Led the billing cut-over" in shown
    assert made.copy_button.isEnabled()


def test_save_writes_the_markdown(dialog: BriefDialog, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "case"
    monkeypatch.setattr(BriefDialog, "ask_save_path", classmethod(lambda cls, *a: target))
    saved = dialog.save()
    assert saved == tmp_path / "case.md"
    chart = "\n\n### At a glance\n\n![Evidence per dimension and month](case-evidence.png)\n\n"
    written = saved.read_text(encoding="utf-8")
    assert chart in written and "At a glance" not in dialog.markdown
    assert written.split("### At a glance")[0].rstrip() == \
        dialog.markdown.split("## Evidence by expectation")[0].rstrip()
    picture = QImage(str(tmp_path / "case-evidence.png"))
    assert picture.width() == 1000 and picture.height() > 100
    assert dialog.message_label.text() == f"Saved to {saved}"


def test_overwrite_is_asked_and_a_no_keeps_the_old_file(dialog: BriefDialog, tmp_path: Path,
                                                        monkeypatch) -> None:
    target = tmp_path / "case.md"
    target.write_text("my older notes", encoding="utf-8")
    asked: list[Path] = []
    monkeypatch.setattr(BriefDialog, "ask_save_path", classmethod(lambda cls, *a: target))
    monkeypatch.setattr(BriefDialog, "confirm_overwrite",
                        classmethod(lambda cls, parent, path: asked.append(path) or False))
    assert dialog.save() is None
    assert asked == [target]
    assert target.read_text(encoding="utf-8") == "my older notes"
    monkeypatch.setattr(BriefDialog, "confirm_overwrite", classmethod(lambda cls, *a: True))
    assert dialog.save() == target
    assert target.read_text(encoding="utf-8").startswith(dialog.markdown.split("## Evidence")[0])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".case")] == []


def test_a_failed_save_says_so_and_loses_nothing(dialog: BriefDialog, tmp_path: Path,
                                                 monkeypatch) -> None:
    errors: list[tuple[str, str]] = []
    missing = tmp_path / "gone" / "case.md"
    monkeypatch.setattr(BriefDialog, "ask_save_path", classmethod(lambda cls, *a: missing))
    monkeypatch.setattr(BriefDialog, "show_error",
                        classmethod(lambda cls, parent, title, text: errors.append((title, text))))
    before = dialog.markdown
    assert dialog.save() is None
    assert errors and errors[0][0] == "The brief was not saved"
    assert "Nothing was changed there" in errors[0][1]
    assert dialog.markdown == before and dialog.save_button.isEnabled()


def test_copy_puts_markdown_and_formatted_text_on_the_clipboard(dialog: BriefDialog) -> None:
    dialog.copy()
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == dialog.markdown
    assert "<h1>Promotion case: Senior Engineer</h1>" in data.html()


def test_export_pdf_from_the_window(dialog: BriefDialog, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "case.pdf"
    monkeypatch.setattr(BriefDialog, "ask_save_path", classmethod(lambda cls, *a: target))
    assert dialog.export_pdf() == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Promotion case: Senior Engineer" in text and "Page 4 of 4" in text
    assert "At a glance" in text  # the evidence chart, drawn into the PDF
    images = subprocess.run(["pdfimages", "-list", str(target)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len(images) == 1 and images[0].split()[3:5] == ["1000", "280"]
    assert dialog.message_label.text() == f"Exported 4 pages to {target}"


def test_print_preview_paints_the_same_pages(dialog: BriefDialog, tmp_path: Path,
                                             monkeypatch) -> None:
    shown: list[tuple[str, str, list[str]]] = []
    monkeypatch.setattr(BriefDialog, "run_print_preview", classmethod(
        lambda cls, parent, md, title, images: shown.append((md, title, sorted(images)))))
    dialog.print_button.click()
    [(printed, title, names)] = shown
    assert title == "Promotion case: Senior Engineer" and len(names) == 1
    assert f"![Evidence per dimension and month]({names[0]})" in printed
    preview = make_print_preview(dialog, dialog.markdown, dialog.title)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.paintRequested.emit(printer)
    preview.deleteLater()
    text = subprocess.run(["pdftotext", str(tmp_path / "printed.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Gaps still open" in text and "Page 1 of" in text


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_window_opens_from_the_file_menu(window, qtbot) -> None:
    assert window.briefs_action.shortcut().toString() == "Ctrl+B"
    window.briefs_action.trigger()
    dialog = window.brief_dialog
    qtbot.waitExposed(dialog)
    assert dialog.preview.toPlainText().startswith("Promotion case: my wins")
    window.briefs_action.trigger()
    assert window.brief_dialog is dialog  # one Briefs window, brought forward again
    dialog.close()



def test_plan_agenda_and_interview_sources_are_ready_to_wire(qtbot, services: Services) -> None:
    from fikadesk.ui.briefs.sources import agenda_source, interview_source
    from tests.briefs.sample import sample_agenda, sample_interview, sample_plan

    fill_journal(services)
    sources = [promotion_source(services, sample_plan),
               agenda_source(sample_agenda, lambda: TODAY),
               interview_source(lambda job: sample_interview(), lambda: TODAY)]
    made = BriefDialog(sources, TODAY)
    qtbot.addWidget(made)
    assert made.markdown == (GOLDEN / "promotion.md").read_text(encoding="utf-8")
    assert made.starred_check.isEnabled()
    made.kind_combo.setCurrentIndex(1)
    made.refresh()
    assert made.markdown == (GOLDEN / "agenda.md").read_text(encoding="utf-8")
    assert not made.since_edit.isEnabled() and not made.starred_check.isEnabled()
    made.kind_combo.setCurrentIndex(2)
    made.refresh()
    assert made.markdown == (GOLDEN / "interview.md").read_text(encoding="utf-8")
    assert made.title == "Interview prep: Senior Backend Engineer at Northwind Payments"


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_print_shortcut_opens_the_briefs_window_and_its_print_preview(window, qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(BriefDialog, "run_print_preview",
                        classmethod(lambda cls, parent, text, title, *images: shown.append(title)))
    fill_journal(window.services)
    assert window.print_action.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Print)) \
        == QKeySequence.SequenceMatch.ExactMatch
    window.print_action.trigger()
    assert window.brief_dialog.isVisible()
    assert shown == [window.brief_dialog.title]
    window.brief_dialog.close()
def test_the_window_fits_a_small_screen(dialog: BriefDialog) -> None:
    available = dialog.screen().availableGeometry()  # 800x800 offscreen
    assert dialog.width() <= available.width() and dialog.height() <= available.height()
    assert (dialog.width(), dialog.height()) == (min(1000, available.width() * 9 // 10),
                                                 min(720, available.height() * 9 // 10))


def test_an_entry_marked_private_while_the_window_is_open_stays_out_of_the_output(
        dialog: BriefDialog, services: Services, tmp_path: Path, monkeypatch) -> None:
    from dataclasses import replace

    shown = dialog.markdown
    entry = next(e for e in (services.journal.get(i) for i in range(1, 40))
                 if not e.private and e.deleted_at is None and e.title in shown)
    services.journal.update(entry.id, replace(entry.draft(), private=True))
    assert entry.title in dialog.preview.toPlainText()  # the preview is as it was written
    dialog.copy()
    assert entry.title not in QGuiApplication.clipboard().text()
    assert entry.title not in dialog.preview.toPlainText()
    services.journal.update(entry.id, replace(entry.draft(), private=False))
    target = tmp_path / "case.md"
    monkeypatch.setattr(BriefDialog, "ask_save_path", classmethod(lambda cls, *a: target))
    assert dialog.save() == target
    assert entry.title in target.read_text(encoding="utf-8")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_window_offers_the_agenda_written_from_the_plan(window, qtbot) -> None:
    from datetime import date

    from fikadesk.domain.plan.records import CheckIn, FollowUp, Plan

    window.briefs_action.trigger()
    dialog = window.brief_dialog
    assert [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())] == \
        ["Promotion case", "Next 1:1 agenda", "Interview prep"]
    dialog.kind_combo.setCurrentIndex(1)
    # before any plan: the agenda of the 1:1 thread, opening the growth conversation
    qtbot.waitUntil(lambda: "No written plan yet" in dialog.preview.toPlainText(), timeout=3000)
    window.services.plan.start(Plan("Senior Engineer", manager_name="Sam"))
    window.services.plan.save_checkin(CheckIn(None, date(2026, 11, 2)),
                                      [FollowUp(None, None, "Share the doc")])
    dialog.refresh()
    assert dialog.preview.toPlainText().startswith("1:1 agenda with Sam")
    assert "Share the doc" in dialog.preview.toPlainText()
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_window_writes_interview_prep_for_the_chosen_job(window, qtbot, tmp_path: Path,
                                                             monkeypatch) -> None:
    services = window.services
    window.briefs_action.trigger()
    dialog = window.brief_dialog
    dialog.kind_combo.setCurrentIndex(2)
    qtbot.waitUntil(lambda: dialog.preview.toPlainText().startswith("No target job yet"),
                    timeout=3000)
    assert not dialog.job_combo.isEnabled() and dialog.job_combo.currentText() == "No jobs yet"
    job_id = fill_interview(services, fill_journal(services))
    window.briefs_action.trigger()  # brought forward: the jobs are read again
    assert window.brief_dialog is dialog and dialog.job_combo.isEnabled()
    assert [dialog.job_combo.itemText(i) for i in range(dialog.job_combo.count())] == \
        ["Staff Engineer at Elsewhere Ltd", "Senior Backend Engineer at Northwind Payments"]
    assert dialog.job_combo.accessibleName() == "Job"
    assert dialog.preview.toPlainText().startswith("Interview prep: Staff Engineer at Elsewhere")
    dialog.job_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.markdown == (GOLDEN / "interview_journal.md").read_text(
        encoding="utf-8"), timeout=3000)
    assert not dialog.since_edit.isEnabled() and not dialog.starred_check.isEnabled()
    monkeypatch.setattr(BriefDialog, "ask_save_path",
                        classmethod(lambda cls, parent, suggested, f: tmp_path / suggested.name))
    saved = dialog.save()
    assert saved == tmp_path / f"interview-job{job_id}-2026-11-20.md"
    assert saved.read_text(encoding="utf-8") == dialog.markdown
    dialog.kind_combo.setCurrentIndex(0)
    assert not dialog.job_combo.isEnabled()
    dialog.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_the_window_case_carries_the_plan_read_with_it(window, qtbot) -> None:
    from datetime import date

    from fikadesk.domain.plan.records import Checkpoint, Plan

    fill_journal(window.services)
    window.services.plan.start(Plan("Senior Engineer", manager_name="Sam"))
    window.services.plan.save_checkpoint(Checkpoint(None, date(2026, 11, 18), "Mid-cycle review"))
    window.briefs_action.trigger()
    dialog = window.brief_dialog
    qtbot.waitExposed(dialog)
    assert "### Checkpoints" in dialog.markdown and "Mid-cycle review" in dialog.markdown
    db, reads = window.services.db, []
    real_read = db.read

    def counted():  # type: ignore[no-untyped-def]
        reads.append(1)
        return real_read()

    db.read = counted  # type: ignore[method-assign]
    try:
        dialog.refresh()
    finally:
        db.read = real_read  # type: ignore[method-assign]
    assert len(reads) == 1  # the case and its plan part in one read transaction
    dialog.close()
