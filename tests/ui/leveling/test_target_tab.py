"""The Target tab driven end to end: bundled ladder, target, evidence, readiness, freeze."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QRect, Qt

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.domain.leveling.ladder import STATUS_RULE_TEXT
from fikadesk.domain.leveling.snapshot import LadderUsage
from fikadesk.ui.journal.expectation_picker import ExpectationPickerDialog
from fikadesk.ui.journal.quick_capture import CapturedDraft, QuickCaptureDialog
from fikadesk.ui.leveling.models import IdRole, StatusRole
from fikadesk.ui.leveling.prompts import DeleteLadderConfirm, FreezePrompt
from fikadesk.ui.leveling.snapshot import SnapshotDialog
from fikadesk.ui.leveling.target import BUNDLED_PREFIX

LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"
SENIOR = list(range(14, 24))  # expectation ids of Senior Engineer when the ladder is added first


def _pick_bundled(form, name: str) -> None:
    index = form.ladder_combo.findText(BUNDLED_PREFIX + name)
    assert index >= 0
    form.ladder_combo.setCurrentIndex(index)
    form.ladder_combo.activated.emit(index)


def _set_target(window, qtbot) -> None:
    tab = window.target_tab
    window.tabs.setCurrentWidget(tab)
    _pick_bundled(tab.form, "Software Engineer")
    tab.form.current_combo.setCurrentText("Engineer II")
    tab.form.target_combo.setCurrentText("Senior Engineer")
    tab.form.date_check.setChecked(True)
    tab.form.date_edit.setDate(QDate(2027, 3, 31))
    tab.form.summary_edit.setPlainText("Own an area and its direction.")
    qtbot.mouseClick(tab.form.save_button, Qt.MouseButton.LeftButton)


def _rows(tab) -> list[tuple[int, str]]:
    """What the readiness table shows once the person looks at the Target tab."""
    tab.window().tabs.setCurrentWidget(tab)
    model = tab.readiness.model
    return [(model.index(r, 0).data(IdRole), model.index(r, 0).data(StatusRole))
            for r in range(model.rowCount())]


def test_target_tab_comes_before_journal_and_teaches(window) -> None:
    assert window.tabs.tabText(0) == "&Target" and window.tabs.widget(0) is window.target_tab
    assert window.tabs.tabText(1) == "&Journal"
    assert window.tabs.currentWidget() is window.journal_tab  # the everyday tab stays current
    tab = window.target_tab
    window.tabs.setCurrentWidget(tab)
    assert tab.readiness.stack.currentWidget() is tab.readiness.empty_label
    assert "Pick a ladder above" in tab.readiness.empty_label.text()
    combo = tab.form.ladder_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Pick a ladder…", BUNDLED_PREFIX + "Data Analyst", BUNDLED_PREFIX + "Product Designer",
        BUNDLED_PREFIX + "Product Manager", BUNDLED_PREFIX + "Software Engineer"]
    assert not tab.form.save_button.isEnabled()


def test_bundled_ladder_target_and_compare(qtbot, window, services) -> None:
    _set_target(window, qtbot)
    tab = window.target_tab
    [summary] = services.leveling.list_ladders()
    assert (summary.name, summary.level_count) == ("Software Engineer", 5)
    goal = services.leveling.target()
    assert goal is not None
    assert (goal.current_level, goal.target_level, goal.target_date, goal.summary) == (
        "Engineer II", "Senior Engineer", date(2027, 3, 31), "Own an area and its direction.")
    combo = tab.form.ladder_combo
    assert combo.currentText() == "Software Engineer (5 levels)"
    assert BUNDLED_PREFIX + "Software Engineer" not in [combo.itemText(i)
                                                        for i in range(combo.count())]
    assert tab.readiness.stack.currentIndex() == 1
    assert _rows(tab) == [(x, "none") for x in SENIOR]
    assert tab.readiness.percent_label.text() == "Ready: 0%"
    assert tab.readiness.model.headerData(0, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.ToolTipRole) == STATUS_RULE_TEXT
    assert tab.form.saved_label.text() == (
        "Saved target: Senior Engineer on Software Engineer, from Engineer II, by 2027-03-31.")
    compare = tab.compare
    assert (compare.lower_combo.currentText(), compare.upper_combo.currentText()) == (
        "Engineer II", "Senior Engineer")
    assert compare.upper_model.rowCount() == 10
    compare.lower_combo.setCurrentText("Senior Engineer")
    compare.lower_combo.activated.emit(compare.lower_combo.currentIndex())
    assert [compare.upper_model.index(r).data(StatusRole)
            for r in range(10)] == ["same"] * 10
    assert compare.summary_label.text() == (
        "Of the 10 expectations of Senior Engineer: 10 the same as in Senior Engineer.")


def test_target_must_be_above_current(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    warnings = []
    monkeypatch.setattr(window.target_tab, "_warn", lambda title, exc: warnings.append(str(exc)))
    window.target_tab.form.target_combo.setCurrentText("Engineer I")
    assert window.target_tab.save_target() is False
    assert warnings == ["the target level 'Engineer I' must be above the current level "
                        "'Engineer II'"]
    assert services.leveling.target().target_level == "Senior Engineer"


def test_link_from_editor_changes_readiness(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    entry = services.journal.add(EntryDraft(day=date(2026, 9, 1), title="Led the cut-over"))
    window.journal_tab.reload()
    window.journal_tab.show_entry(entry.id)
    editor = window.journal_tab.editor
    assert editor.evidence_label.text() == "Not linked to any expectation yet"
    offered = []

    def pick(cls, parent, choices, checked, title):
        offered.append(([c.id for c in choices], tuple(checked), title))
        return (15, 14)

    monkeypatch.setattr(ExpectationPickerDialog, "get_ids", classmethod(pick))
    with qtbot.waitSignal(editor.links_changed):
        qtbot.mouseClick(editor.link_button, Qt.MouseButton.LeftButton)
    assert offered == [(SENIOR, (), "Led the cut-over")]
    assert services.leveling.linked_expectations(entry.id) == (14, 15)
    assert editor.evidence_label.text() == (
        "Scope: Projects that span a team's systems and take one or more month…  (+1 more)")
    assert editor.evidence_label.toolTip().splitlines()[1].startswith("Scope: Ambiguous problems")
    assert _rows(window.target_tab)[-2:] == [(14, "emerging"), (15, "emerging")]
    assert window.target_tab.readiness.percent_label.text() == "Ready: 7%"


def test_capture_from_a_gap_links_the_new_entry(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    panel = window.target_tab.readiness
    _rows(window.target_tab)
    panel.select_expectation(17)
    assert panel.evidence_title.text().startswith("No entry backs “")
    seen = []

    def capture(cls, parent, today, tags, choices=(), linked=(), suggester=None):
        seen.append((today, [c.id for c in choices], tuple(linked)))
        return CapturedDraft(day=date(2026, 11, 2), title="Said no to the rewrite", starred=True,
                             expectation_ids=tuple(linked))

    monkeypatch.setattr(QuickCaptureDialog, "get_draft", classmethod(capture))
    qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert seen == [(date(2026, 11, 20), SENIOR, (17,))]
    [summary] = services.leveling.evidence_for(17)
    assert (summary.title, summary.starred) == ("Said no to the rewrite", True)
    assert services.leveling.linked_expectations(summary.id) == (17,)
    assert window.tabs.currentWidget() is window.journal_tab
    assert window.journal_tab.editor.entry_id == summary.id
    assert dict(_rows(window.target_tab))[17] == "emerging"
    window.tabs.setCurrentWidget(window.target_tab)
    panel.select_expectation(17)
    assert panel.evidence_model.rowCount() == 1
    assert panel.evidence_title.text() == (
        "Evidence for “Owns the technical design of a project and gets buy-in from the people it "
        "affects.”: 1 entry")
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.journal_tab
    window.undo_stack.undo()  # the new entry goes to the trash: its evidence stops counting
    assert dict(_rows(window.target_tab))[17] == "none"


def test_trashing_an_entry_refreshes_readiness(qtbot, window, services) -> None:
    _set_target(window, qtbot)
    entry = services.leveling.add_entry_with_links(
        EntryDraft(day=date(2026, 9, 1), title="Ran planning"), [20])
    window.journal_tab.reload()
    window.target_tab.refresh_readiness()
    assert dict(_rows(window.target_tab))[20] == "emerging"
    window.journal_tab.show_entry(entry.id)
    window.journal_tab.delete_current()
    assert dict(_rows(window.target_tab))[20] == "none"


def test_freeze_and_view_snapshot(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    panel = window.target_tab.readiness
    _rows(window.target_tab)
    assert panel.no_snapshots_label.isVisibleTo(panel)
    monkeypatch.setattr(FreezePrompt, "get_note", classmethod(lambda cls, p, what: "agreed with Sam"))
    qtbot.mouseClick(panel.freeze_button, Qt.MouseButton.LeftButton)
    assert panel.snapshots_model.rowCount() == 1
    assert panel.snapshots_model.index(0).data() == (
        "2026-11-20: Senior Engineer on Software Engineer (10 expectations) — agreed with Sam")
    services.leveling.edit_expectation(14, "Scope", "Something else entirely.")
    shown = []
    monkeypatch.setattr(SnapshotDialog, "show_snapshot",
                        classmethod(lambda cls, parent, snap: shown.append(snap)))
    panel.snapshots_view.doubleClicked.emit(panel.snapshots_model.index(0))
    [snap] = shown
    assert (snap.note, snap.target_level, len(snap.items)) == ("agreed with Sam",
                                                               "Senior Engineer", 10)
    assert snap.items[0].text.startswith("Projects that span a team's systems")
    dialog = SnapshotDialog(None, snap)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 10
    assert "agreed with Sam" in dialog.header_label.text()


def test_delete_ladder_says_what_happens_to_links(qtbot, window, services, monkeypatch) -> None:
    _set_target(window, qtbot)
    entry = services.leveling.add_entry_with_links(
        EntryDraft(day=date(2026, 9, 1), title="Ran planning"), [20, 21])
    asked = []
    answer = [False]
    monkeypatch.setattr(DeleteLadderConfirm, "ask", classmethod(
        lambda cls, parent, name, usage: asked.append((name, usage)) or answer[0]))
    qtbot.mouseClick(window.target_tab.form.delete_button, Qt.MouseButton.LeftButton)
    assert asked == [("Software Engineer", LadderUsage(1, 2, 1, True))]
    assert len(services.leveling.list_ladders()) == 1
    assert services.leveling.linked_expectations(entry.id) == (20, 21)
    answer[0] = True
    qtbot.mouseClick(window.target_tab.form.delete_button, Qt.MouseButton.LeftButton)
    assert services.leveling.list_ladders() == [] and services.leveling.target() is None
    assert services.journal.get(entry.id).title == "Ran planning"
    assert window.target_tab.readiness.stack.currentIndex() == 0


def test_private_checkbox_is_saved(qtbot, window, services) -> None:
    entry = services.journal.add(EntryDraft(day=date(2026, 9, 1), title="Salary talk notes"))
    window.journal_tab.reload()
    window.journal_tab.show_entry(entry.id)
    check = window.journal_tab.editor.private_check
    assert "left out of every brief" in check.toolTip()
    assert not check.isChecked()
    check.setChecked(True)
    assert window.journal_tab.save_now()
    assert services.journal.get(entry.id).private is True
    window.journal_tab.editor.title_edit.setText("Salary talk")
    window.journal_tab.editor.edited.emit()
    assert window.journal_tab.save_now()
    assert services.journal.get(entry.id).private is True


def test_quick_capture_picker_searches_and_ticks(qtbot, services) -> None:
    ladder_id = services.leveling.import_ladder(
        parse_ladder_files([LADDERS / "software-engineer.md"]))
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
    choices = services.leveling.expectation_choices()
    dialog = QuickCaptureDialog(None, date(2026, 11, 20), [], choices, (16,))
    qtbot.addWidget(dialog)
    picker = dialog.picker
    assert picker.checked_ids() == (16,)
    qtbot.keyClicks(picker.search_edit, "mentor")
    assert picker.proxy.rowCount() == 1
    index = picker.proxy.index(0, 0)
    assert index.data().startswith("Leadership: Mentors one or more engineers")
    picker.proxy.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.keyClicks(dialog.title_edit, "Coached two new hires")
    dialog.accept()
    assert dialog.result_links == (16, 21)
    empty = QuickCaptureDialog(None, date(2026, 11, 20), [])
    qtbot.addWidget(empty)
    assert empty.picker.empty_label.isVisibleTo(empty)


def test_outside_change_keeps_unsaved_target_edits(qtbot, window, services) -> None:
    _set_target(window, qtbot)
    assert window.check_outside_changes() is False  # own writes are not "outside"
    form = window.target_tab.form
    form.summary_edit.setPlainText("Half-written thought")
    services.leveling.add_entry_with_links(EntryDraft(day=date(2026, 9, 1), title="CLI"), [19])
    assert window.check_outside_changes() is True
    assert form.summary_edit.toPlainText() == "Half-written thought"
    assert dict(_rows(window.target_tab))[19] == "emerging"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert services.leveling.target().summary == "Half-written thought"
    assert not form.has_unsaved_edits()


def test_double_click_on_a_gap_records_evidence_for_it(qtbot, window, monkeypatch) -> None:
    _set_target(window, qtbot)
    asked = []
    monkeypatch.setattr(QuickCaptureDialog, "get_draft", classmethod(
        lambda cls, parent, today, tags, choices=(), linked=(), suggester=None:
        asked.append(tuple(linked))))
    rows = _rows(window.target_tab)
    table = window.target_tab.readiness.table
    table.doubleClicked.emit(table.model().index(3, 2))
    assert asked == [(rows[3][0],)]


def test_compare_pairs_the_engineer_ladder_and_shows_the_change(qtbot, window) -> None:
    """Issue 20, item 9: Engineer II to Senior is not "all New" but grown expectations."""
    _set_target(window, qtbot)
    compare = window.target_tab.compare
    model = compare.upper_model
    kinds = [model.index(r).data(StatusRole) for r in range(model.rowCount())]
    assert kinds == ["new"] * 3 + ["changed"] * 7
    shown = [model.index(r).data() for r in range(model.rowCount())]
    assert shown[0] == ("New — Scope: Ambiguous problems that need to be shaped before anyone "
                        "can start on them.")
    assert shown[3] == (
        "Scope: Projects that span a team's systems and take one or more months.\n"
        "↳ Change: \u2212 features or small; touch a few components, lasting a few weeks → span a "
        "team's systems and take one or more months")
    assert shown[8] == (  # reworded throughout: the older wording is shown, not a diff
        "Collaboration: Works with product and design to trade scope against time and quality.\n"
        "↳ Was: Reviews teammates' code carefully and helps newer engineers get unstuck.")
    assert model.index(3).data(Qt.ItemDataRole.ToolTipRole).endswith(
        "Grows from the lower level's “Features or small projects that touch a few components, "
        "lasting a few weeks.”")
    assert compare.summary_label.text() == (
        "Of the 10 expectations of Senior Engineer: 3 new (listed first), 7 grown from one of "
        "Engineer II (under each, the words that changed or the older wording).")
    qtbot.waitUntil(lambda: compare.upper_view.visualRect(model.index(3)).height()
                    >= 2 * compare.upper_view.fontMetrics().height())


@pytest.mark.parametrize("size", [(1100, 720), (1400, 900)])
def test_readiness_rows_show_each_expectation_whole(qtbot, window, size) -> None:
    """Issue 20, item 10: no expectation is cut to one line; the selected one is shown whole."""
    window.resize(*size)
    _set_target(window, qtbot)
    panel = window.target_tab.readiness
    table, model = panel.table, panel.model
    qtbot.waitUntil(lambda: table.columnWidth(2) > 100)

    def fits(row: int) -> bool:
        """Tall enough for the text at the column's width: by Qt's own measure of the cell, and
        by the font's (given the whole column width, so a pixel of margin never decides)."""
        text = model.index(row, 2).data()
        needed = table.fontMetrics().boundingRect(
            QRect(0, 0, table.columnWidth(2) - 2, 100_000), int(Qt.TextFlag.TextWordWrap),
            text).height()
        return table.rowHeight(row) >= max(needed, table.sizeHintForRow(row))

    qtbot.waitUntil(lambda: all(fits(r) for r in range(model.rowCount())))
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    window.resize(size[0] - 200, size[1])  # narrower: the rows are measured again
    qtbot.waitUntil(lambda: all(fits(r) for r in range(model.rowCount())))
    window.resize(*size)
    assert any(table.rowHeight(r) > table.fontMetrics().height() * 2 for r in range(model.rowCount()))
    longest = max(range(model.rowCount()), key=lambda r: len(model.index(r, 2).data()))
    table.selectRow(longest)
    text = model.index(longest, 2).data()
    assert panel.evidence_title.text() == (
        f"No entry backs “{text}” yet. Record one: something you did that shows it.")
