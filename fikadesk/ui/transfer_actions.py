"""File > Export, Export entries as CSV and Import: the whole journal in and out, asked for step by step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from fikadesk.briefs.output import write_text_atomically
from fikadesk.services.transfer import ImportPlan, TransferService, read_json_file
from fikadesk.services.transfer_format import TransferError
from fikadesk.storage.errors import JournalError


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
         buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages are never HTML
    return box


class TransferDialogs:
    """The modal steps, one classmethod each, so tests replace them instead of clicking."""

    @classmethod
    def save_path(cls, parent: QWidget, title: str, suggested: str, filter_text: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), filter_text)
        return Path(name) if name else None

    @classmethod
    def open_path(cls, parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Import a fikadesk export", "",
                                              "fikadesk export (*.json);;All files (*)")
        return Path(name) if name else None

    @classmethod
    def confirm_import(cls, parent: QWidget, path: Path, plan: ImportPlan) -> bool:
        box = _box(parent, QMessageBox.Icon.Question, "Import this file?",
                   f"{path.name}: {plan.summary()}\n\nThe journal is backed up first, and the import "
                   "happens whole or not at all.",
                   QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    @classmethod
    def show_error(cls, parent: QWidget, title: str, text: str) -> None:
        _box(parent, QMessageBox.Icon.Warning, title, text).exec()


def export_journal(parent: QWidget, transfer: TransferService, today_name: str, *,
                   as_csv: bool) -> Path | None:
    """Ask where, then write the export (JSON of everything, or CSV of entries); None if not written."""
    suffix, filter_text = (".csv", "CSV for spreadsheets (*.csv)") if as_csv else \
        (".json", "fikadesk export (*.json)")
    title = "Export entries as CSV" if as_csv else "Export the whole journal"
    path = TransferDialogs.save_path(parent, title, f"fikadesk-{today_name}{suffix}", filter_text)
    if path is None:
        return None
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    try:
        body = ("\ufeff" + transfer.export_csv()) if as_csv else transfer.export_json()
        write_text_atomically(path, body)
    except OSError as exc:
        TransferDialogs.show_error(parent, "Not exported",
                                   f"{path} could not be written ({exc.strerror}). Nothing was replaced.")
        return None
    except JournalError as exc:
        TransferDialogs.show_error(parent, "Not exported", str(exc))
        return None
    return path


def import_journal(parent: QWidget, transfer: TransferService) -> ImportPlan | None:
    """Ask for a file, show what it adds, and import it after a yes; None if nothing changed."""
    path = TransferDialogs.open_path(parent)
    if path is None:
        return None
    try:
        document = read_json_file(path)
        preview = transfer.import_document(document, dry_run=True)
        if not TransferDialogs.confirm_import(parent, path, preview):
            return None
        return transfer.import_document(document)
    except (TransferError, JournalError) as exc:
        TransferDialogs.show_error(parent, "Not imported",
                                   f"{path.name} was not imported, and your journal is unchanged.\n\n{exc}")
        return None
