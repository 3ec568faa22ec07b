"""The Target tab in one sitting, through the real dialogs: import a company ladder with its preview
(levels one heading deeper, a better name), pick the target, record evidence for a gap, watch the
readiness change, freeze the target and read the snapshot back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QPushButton

from fikadesk.ui.journal.quick_capture import QuickCaptureDialog
from fikadesk.ui.leveling.import_dialog import LadderImportDialog
from fikadesk.ui.leveling.models import IdRole, StatusRole
from fikadesk.ui.leveling.prompts import FreezePrompt
from fikadesk.ui.leveling.snapshot import SnapshotDialog

ACME = """---
title: Front matter is noise here
---
# Acme engineering handbook

Intro prose that is not a level.

## Individual contributors

### IC1

- **Scope:** Tasks inside one component.
- **Craft:** Writes tests for own code.

### IC2

- **Scope:** Projects that span *several* teams.
- **Craft:** Sets the testing approach for the team.

## Managers

### M1

- **People:** Runs one-on-ones with every report.

| level | title |
|---|---|
| IC1 | Engineer |
"""


def _when_shown(monkeypatch: pytest.MonkeyPatch, cls: type, act: Callable[[QDialog], None]) -> None:
    """Let the real dialog open, then act on it as a person would."""
    original = QDialog.exec

    def exec_and_act(self: QDialog) -> int:
        QTimer.singleShot(0, lambda: act(self))
        return original(self)

    monkeypatch.setattr(cls, "exec", exec_and_act)


def _table(tab) -> list[tuple[str, str]]:
    model = tab.readiness.model
    return [(model.index(r, 2).data(), model.index(r, 0).data(StatusRole)) for r in range(model.rowCount())]


def test_import_preview_target_evidence_readiness_freeze(qtbot, window, services, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ladder_file = tmp_path / "acme.md"
    ladder_file.write_text(ACME, encoding="utf-8")
    tab = window.target_tab
    window.tabs.setCurrentWidget(tab)
    seen: dict[str, object] = {}

    def preview(dialog: QDialog) -> None:
        assert isinstance(dialog, LadderImportDialog)
        dialog.load_paths([ladder_file])
        seen["auto"] = [dialog.preview_model.index(r, 0).data()
                        for r in range(dialog.preview_model.rowCount())]
        dialog.choose_depth(3)
        seen["chosen"] = [(dialog.preview_model.index(r, 0).data(), dialog.preview_model.index(r, 1).data())
                          for r in range(dialog.preview_model.rowCount())]
        seen["summary"] = dialog.summary_label.text()
        dialog.name_edit.setText("Acme IC ladder")
        dialog.import_button.click()

    _when_shown(monkeypatch, LadderImportDialog, preview)
    window.import_ladder_action.trigger()
    assert seen["auto"] == ["IC1", "IC2"]  # the guess: the first track's ### headings
    assert seen["chosen"] == [("IC1", "2"), ("IC2", "2"), ("M1", "1")]
    assert seen["summary"] == "Found 3 levels, 5 expectations, 3 dimensions: Scope, Craft, People."
    [stored] = services.leveling.list_ladders()
    assert (stored.name, stored.level_count, stored.expectation_count) == ("Acme IC ladder", 3, 5)
    assert tab.form.ladder_combo.currentText() == "Acme IC ladder (3 levels)"

    tab.form.current_combo.setCurrentText("IC1")
    tab.form.target_combo.setCurrentText("IC2")
    tab.form.summary_edit.setPlainText("Work across teams and set how we test.")
    tab.form.save_button.click()
    goal = services.leveling.target()
    assert goal is not None and (goal.current_level, goal.target_level) == ("IC1", "IC2")
    assert tab.readiness.percent_label.text() == "Ready: 0%"
    assert _table(tab) == [("Projects that span several teams.", "none"),
                           ("Sets the testing approach for the team.", "none")]
    assert tab.compare.summary_label.text() == (
        "Of the 2 expectations of IC2: 2 grown from one of IC1 (under each, the words that "
        "changed or the older wording).")

    tab.readiness.table.selectRow(0)
    gap_id = tab.readiness.model.index(0, 0).data(IdRole)
    assert tab.readiness.evidence_title.text() == (
        "No entry backs “Projects that span several teams.” yet. Record one: something you did that "
        "shows it.")

    def record(dialog: QDialog) -> None:
        assert isinstance(dialog, QuickCaptureDialog)
        dialog.title_edit.setText("Ran the cross-team <b>migration</b> plan")
        dialog.star_check.setChecked(True)
        dialog.findChild(QPushButton, "quick_save_button").click()

    _when_shown(monkeypatch, QuickCaptureDialog, record)
    tab.readiness.capture_button.click()
    [entry] = services.leveling.evidence_for(gap_id)
    assert entry.title == "Ran the cross-team <b>migration</b> plan" and entry.starred
    window.tabs.setCurrentWidget(tab)
    assert tab.readiness.percent_label.text() == "Ready: 25%"  # one of two dimensions half there
    assert _table(tab) == [("Sets the testing approach for the team.", "none"),
                           ("Projects that span several teams.", "emerging")]

    def freeze(dialog: QDialog) -> None:
        assert isinstance(dialog, FreezePrompt)
        dialog.note_edit.setText("agreed with Sam")
        dialog.findChild(QPushButton, "freeze_prompt_ok_button").click()

    _when_shown(monkeypatch, FreezePrompt, freeze)
    tab.readiness.freeze_button.click()
    snapshots = tab.readiness.snapshots_model
    assert [snapshots.index(r).data() for r in range(snapshots.rowCount())] == [
        "2026-11-20: IC2 on Acme IC ladder (2 expectations) — agreed with Sam"]
    services.leveling.edit_expectation(gap_id, "Scope", "Moved goalposts.")  # a later ladder edit

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, SnapshotDialog)
        seen["header"] = dialog.header_label.text()
        seen["items"] = [dialog.model.index(r).data() for r in range(dialog.model.rowCount())]
        dialog.findChild(QPushButton, "snapshot_close_button").click()

    _when_shown(monkeypatch, SnapshotDialog, read)
    tab.readiness.snapshots_view.setCurrentIndex(snapshots.index(0))
    tab.readiness.view_snapshot_button.click()
    assert str(seen["header"]).splitlines()[:3] == [
        "Frozen on 2026-11-20: IC2 on Acme IC ladder, from IC1.", "Note: agreed with Sam",
        "In your words: Work across teams and set how we test."]
    assert "Projects that span several teams." in " ".join(map(str, seen["items"]))
    assert "Moved goalposts." not in " ".join(map(str, seen["items"]))
    assert date(2026, 11, 20) == services.leveling.list_snapshots()[0].taken_on
