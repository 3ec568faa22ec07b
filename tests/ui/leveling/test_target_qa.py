"""The Target tab used the way a person does: keyboard only, a small window, snapshots removed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.ui.journal.quick_capture import QuickCaptureDialog
from fikadesk.ui.leveling.prompts import DeleteSnapshotConfirm, FreezePrompt
from fikadesk.ui.leveling.snapshot import SnapshotDialog
from tests.ui.leveling.test_target_tab import _rows, _set_target


def _freeze(window, qtbot, monkeypatch, note: str) -> None:
    monkeypatch.setattr(FreezePrompt, "get_note", classmethod(lambda cls, p, what: note))
    qtbot.mouseClick(window.target_tab.readiness.freeze_button, Qt.MouseButton.LeftButton)


def test_enter_opens_a_snapshot_records_for_a_gap_and_opens_evidence(
        qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    _freeze(window, qtbot, monkeypatch, "agreed with Sam")
    panel = window.target_tab.readiness
    shown = []
    monkeypatch.setattr(SnapshotDialog, "show_snapshot",
                        classmethod(lambda cls, parent, snap: shown.append(snap.note)))
    panel.snapshots_view.setFocus()
    panel.snapshots_view.setCurrentIndex(panel.snapshots_model.index(0))
    QTest.keyClick(panel.snapshots_view, Qt.Key.Key_Return)
    assert shown == ["agreed with Sam"]

    asked = []
    monkeypatch.setattr(QuickCaptureDialog, "get_draft", classmethod(
        lambda cls, parent, today, tags, choices=(), linked=(), suggester=None:
        asked.append(tuple(linked))))
    rows = _rows(window.target_tab)
    panel.table.setFocus()
    panel.table.selectRow(2)
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert asked == [(rows[2][0],)]

    entry = services.leveling.add_entry_with_links(
        EntryDraft(day=date(2026, 9, 1), title="Ran planning"), [rows[0][0]])
    window.target_tab.refresh_readiness()
    opened = []
    window.target_tab.entry_open_requested.disconnect()
    window.target_tab.entry_open_requested.connect(opened.append)
    panel.select_expectation(rows[0][0])
    panel.evidence_view.setFocus()
    panel.evidence_view.setCurrentIndex(panel.evidence_model.index(0))
    QTest.keyClick(panel.evidence_view, Qt.Key.Key_Return)
    assert opened == [entry.id]


def test_delete_a_snapshot_after_confirming(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    _freeze(window, qtbot, monkeypatch, "first")
    _freeze(window, qtbot, monkeypatch, "second")
    panel = window.target_tab.readiness
    assert panel.snapshots_model.rowCount() == 2
    assert not panel.delete_snapshot_button.isEnabled()  # nothing selected yet
    panel.snapshots_view.setCurrentIndex(panel.snapshots_model.index(1))
    assert panel.delete_snapshot_button.isEnabled()
    asked = []
    answer = [False]
    monkeypatch.setattr(DeleteSnapshotConfirm, "ask", classmethod(
        lambda cls, parent, label: asked.append(label) or answer[0]))
    qtbot.mouseClick(panel.delete_snapshot_button, Qt.MouseButton.LeftButton)
    assert asked == ["2026-11-20: Senior Engineer on Software Engineer (10 expectations) — first"]
    assert [s.note for s in services.leveling.list_snapshots()] == ["second", "first"]
    answer[0] = True
    panel.snapshots_view.setFocus()
    QTest.keyClick(panel.snapshots_view, Qt.Key.Key_Delete)
    assert [s.note for s in services.leveling.list_snapshots()] == ["second"]
    assert panel.snapshots_model.rowCount() == 1
    [snap] = services.leveling.list_snapshots()
    panel.snapshots_view.setCurrentIndex(panel.snapshots_model.index(0))
    qtbot.mouseClick(panel.delete_snapshot_button, Qt.MouseButton.LeftButton)
    assert services.leveling.list_snapshots() == []
    assert panel.no_snapshots_label.isVisibleTo(panel)
    assert snap.note == "second"


def test_small_window_still_shows_several_readiness_rows(qtbot, window) -> None:
    _set_target(window, qtbot)
    window.resize(1000, 650)
    _rows(window.target_tab)
    qtbot.wait(50)
    table = window.target_tab.readiness.table
    # Rows wrap now (each expectation is shown whole), so a row holds two lines here: four
    # rows are more text than the five one-line rows this asked for before.
    assert table.rowHeight(0) > table.fontMetrics().lineSpacing() * 2
    assert table.viewport().height() >= 4 * table.rowHeight(0)


def test_a_target_date_in_the_past_is_pointed_out(qtbot, window, services) -> None:
    _set_target(window, qtbot)
    form = window.target_tab.form
    assert form.saved_label.text() == (
        "Saved target: Senior Engineer on Software Engineer, from Engineer II, by 2027-03-31.")
    form.date_edit.setDate(QDate(2026, 6, 30))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert services.leveling.target().target_date == date(2026, 6, 30)  # kept as given
    assert form.saved_label.text() == (
        "Saved target: Senior Engineer on Software Engineer, from Engineer II, by 2026-06-30. "
        "That date has passed: set the date of your next review.")


def test_long_names_and_words_never_make_the_window_wider_than_a_small_screen(
        qtbot, window, services) -> None:
    from fikadesk.domain.leveling.importing.importer import parse_ladder_text

    long = ("Principal Distinguished Senior Staff Engineering Fellow of the Platform "
            "Infrastructure ") * 2
    text = (f"# {'Acme ' * 39}\n\n## {long[:190]}\n\n- **Scope:** {'x' * 1500}\n\n"
            f"## {long[:189]}B\n\n- **{'Dimension' * 10}:** {'Supercalifragilistic' * 50}\n"
            "- **Scope:** short one\n")
    ladder_id = services.leveling.import_ladder(parse_ladder_text(text, filename="l.md"))
    ladder = services.leveling.get_ladder(ladder_id)
    services.leveling.set_target(ladder_id, ladder.levels[0].name, ladder.levels[1].name,
                                 date(2027, 1, 1), "w" * 3000)
    services.leveling.add_entry_with_links(
        EntryDraft(day=date(2026, 5, 1), title="T" * 200, impact="i" * 500),
        [ladder.levels[1].expectations[0].id])
    services.leveling.freeze_target(date(2026, 10, 1), "n" * 500)
    tab = window.target_tab
    window.tabs.setCurrentWidget(tab)
    tab.reload(ladder_id)
    tab.readiness.select_expectation(ladder.levels[1].expectations[0].id)
    assert tab.readiness.evidence_model.rowCount() == 1
    assert window.minimumSizeHint().width() <= 1000
    window.resize(1000, 650)
    qtbot.wait(20)
    assert window.width() == 1000


def test_record_evidence_shortcut_without_a_target_says_what_to_do(qtbot, window) -> None:
    messages: list[str] = []
    window.target_tab.status_message.connect(messages.append)
    window.capture_evidence_action.trigger()
    assert messages == ["No expectation to record evidence for: set a target in the Target tab "
                        "and select one of its expectations first."]
