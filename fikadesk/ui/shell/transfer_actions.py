"""File > Export, Export entries as CSV and Import: the whole journal in and out, asked for step by step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from fikadesk.briefs.output import write_text_atomically
from fikadesk.domain.journal.outside import (
    OutsideFormatError,
    detect_format,
    parse_brag_markdown,
    parse_jrnl_json,
)
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.transfer.format import TransferError
from fikadesk.services.transfer.service import ImportPlan, TransferService, read_json_file, read_text_file
from fikadesk.ui.common.alerts import Button, Icon, message_box, warn
from fikadesk.ui.shell.dialogs.transfer_preview import OutsidePreviewDialog


class TransferDialogs:
    """The modal steps, one classmethod each, so tests replace them instead of clicking."""

    @classmethod
    def save_path(cls, parent: QWidget, title: str, suggested: str, filter_text: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested), filter_text)
        return Path(name) if name else None

    @classmethod
    def open_path(cls, parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import into your journal", "",
            "Exports and brag documents (*.json *.md *.markdown *.txt);;All files (*)")
        return Path(name) if name else None

    @classmethod
    def confirm_import(cls, parent: QWidget, path: Path, plan: ImportPlan) -> bool:
        box = message_box(parent, Icon.Question, "Import this file?",
                          f"{path.name}: {plan.summary()}\n\nThe journal is backed up first, and the import "
                          "happens whole or not at all.",
                          Button.Yes | Button.Cancel, name="import_confirm_box", default=Button.Cancel)
        return box.exec() == Button.Yes

    @classmethod
    def show_error(cls, parent: QWidget, title: str, text: str) -> None:
        warn(parent, title, text)


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
    except StorageError as exc:
        TransferDialogs.show_error(parent, "Not exported", str(exc))
        return None
    return path


def import_journal(parent: QWidget, transfer: TransferService) -> str | None:
    """Ask for a file (a fikadesk export, a jrnl export or a brag document), show what it adds,
    and import it after a yes; the summary of what was added, or None if nothing changed."""
    path = TransferDialogs.open_path(parent)
    if path is None:
        return None
    try:
        raw = read_text_file(path)
        fmt = detect_format(raw)
        if fmt == "fikadesk":
            document = read_json_file(path)
            preview = transfer.import_document(document, dry_run=True)
            if not TransferDialogs.confirm_import(parent, path, preview):
                return None
            return transfer.import_document(document).summary().replace("Adds", "Imported:", 1)
        try:
            found = parse_jrnl_json(raw) if fmt == "jrnl" else parse_brag_markdown(raw, path.name)
        except OutsideFormatError as exc:
            raise TransferError(str(exc)) from None
        if not found:
            raise TransferError("No dated headings or dated list items were found, so there is nothing "
                                "to import. The README describes the shapes fikadesk reads.")
        if not OutsidePreviewDialog.confirm(parent, path, transfer.import_outside(found, dry_run=True)):
            return None
        return f"Imported {transfer.import_outside(found).summary()}"
    except FikadeskError as exc:
        TransferDialogs.show_error(parent, "Not imported",
                                   f"{path.name} was not imported, and your journal is unchanged.\n\n{exc}")
        return None
