"""File > Export, Export entries as CSV and Import, driven through the window's actions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fikadesk.services.container import build_services
from fikadesk.ui.shell.transfer_actions import TransferDialogs
from tests.briefs.sample import fill_journal


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    other = build_services(tmp_path / "other.fikadesk")
    try:
        fill_journal(other)
        path = tmp_path / "other.json"
        path.write_text(other.transfer.export_json(), encoding="utf-8")
    finally:
        other.close()
    return path


def _patch(monkeypatch, **replacements) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(TransferDialogs, "show_error",
                        classmethod(lambda cls, parent, title, text: errors.append((title, text))))
    for name, value in replacements.items():
        monkeypatch.setattr(TransferDialogs, name, classmethod(value))
    return errors


def test_export_writes_the_whole_journal(window, monkeypatch, tmp_path: Path) -> None:
    fill_journal(window.services)
    chosen = tmp_path / "mine"  # the suffix is added
    asked: list[str] = []
    _patch(monkeypatch, save_path=lambda cls, parent, title, suggested, f: asked.append(suggested) or chosen)
    window.export_action.trigger()
    assert asked == ["fikadesk-2026-11-20.json"]
    written = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert len(written["tables"]["entry"]) == 14
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'mine.json'}."


def test_csv_export_from_the_menu(window, monkeypatch, tmp_path: Path) -> None:
    fill_journal(window.services)
    _patch(monkeypatch, save_path=lambda cls, parent, title, suggested, f: tmp_path / suggested)
    window.export_csv_action.trigger()
    text = (tmp_path / "fikadesk-2026-11-20.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "id,date,title,body,impact,starred,private,revisit_on,tags,links," \
                                   "expectation_ids,expectations"


def test_import_shows_what_it_adds_then_fills_the_tabs(window, monkeypatch, export_file: Path) -> None:
    seen: list[str] = []
    errors = _patch(monkeypatch, open_path=lambda cls, parent: export_file,
                    confirm_import=lambda cls, parent, path, plan: seen.append(plan.summary()) or True)
    assert window.journal_tab.model.rowCount() == 0
    window.import_action.trigger()
    assert errors == []
    assert seen and seen[0].startswith("Adds 14 entry rows, 1 ladder row")
    assert window.journal_tab.model.rowCount() == 13  # the sample's trashed entry stays in the trash
    assert window.services.leveling.target() is not None
    assert window.statusBar().currentMessage().startswith("Imported: 14 entry rows")


def test_a_cancelled_import_changes_nothing(window, monkeypatch, export_file: Path) -> None:
    _patch(monkeypatch, open_path=lambda cls, parent: export_file,
           confirm_import=lambda cls, parent, path, plan: False)
    before = window.services.db.revision()
    window.import_action.trigger()
    assert window.services.db.revision() == before
    assert window.journal_tab.model.rowCount() == 0


def test_a_broken_file_is_explained(window, monkeypatch, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "fikadesk-export", "version": 1, '
                   '"tables": {"tag": [{"id": "x", "name": "a"}]}}')
    errors = _patch(monkeypatch, open_path=lambda cls, parent: bad,
                    confirm_import=lambda cls, parent, path, plan: pytest.fail("must not ask"))
    window.import_action.trigger()
    assert errors == [("Not imported", "broken.json was not imported, and your journal is unchanged.\n\n"
                       "$.tables.tag[0].id: expected a whole number, got str")]


BRAG = ("# Wins\n\n## 2026-10-03 Ran the incident review ⭐\nImpact: two fixes shipped\n\n"
        "- 2026-10-09: Paired with Sam on the importer @mentoring\n")


def test_a_brag_document_is_previewed_then_added(window, monkeypatch, qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer

    from fikadesk.ui.shell.dialogs.transfer_preview import OutsidePreviewDialog

    brag = tmp_path / "brag.md"
    brag.write_text(BRAG, encoding="utf-8")
    _patch(monkeypatch, open_path=lambda cls, parent: brag)
    seen: list[list[str]] = []

    def press_import() -> None:
        dialog = next(w for w in window.findChildren(OutsidePreviewDialog) if w.isVisible())
        seen.append([dialog.model.item(r, 2).text() for r in range(dialog.model.rowCount())])
        seen.append([dialog.model.item(0, 1).text(), dialog.model.item(1, 3).text()])
        assert dialog.summary_label.textFormat() == dialog.summary_label.textFormat().PlainText
        dialog.import_button.click()

    QTimer.singleShot(0, press_import)
    window.import_action.trigger()
    assert seen == [["Ran the incident review", "Paired with Sam on the importer @mentoring"],
                    ["★", "mentoring"]]
    assert window.journal_tab.model.rowCount() == 2
    assert window.statusBar().currentMessage() == "Imported 2 new entries."
    # The same file again: the preview says both are there already, and Cancel adds nothing.
    monkeypatch.setattr(OutsidePreviewDialog, "confirm",
                        classmethod(lambda cls, parent, path, result:
                                    seen.append([result.summary()]) or False))
    window.import_action.trigger()
    assert seen[-1] == ["0 new entries; 2 already in the journal (same date, title and text) are left out."]
    assert window.journal_tab.model.rowCount() == 2


def test_a_file_with_no_dated_entries_says_so(window, monkeypatch, tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Ideas\n\n- learn rust\n", encoding="utf-8")
    errors = _patch(monkeypatch, open_path=lambda cls, parent: notes)
    window.import_action.trigger()
    assert errors == [("Not imported", "notes.md was not imported, and your journal is unchanged.\n\n"
                       "No dated headings or dated list items were found, so there is nothing to import. "
                       "The README describes the shapes fikadesk reads.")]
