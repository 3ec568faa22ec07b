"""Every control of the desktop dialogs is reachable with Tab and has a name a screen reader can say."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QWidget

from fikadesk.domain.preferences import Preferences
from fikadesk.ui.common.theme import app_icon
from fikadesk.ui.shell.dialogs.about import AboutDialog
from fikadesk.ui.shell.dialogs.first_run import FirstRunDialog
from fikadesk.ui.shell.dialogs.help_guide import GuideDialog
from fikadesk.ui.shell.dialogs.help_shortcuts import ShortcutsDialog
from fikadesk.ui.shell.dialogs.preferences import PreferencesDialog
from tests.ui.test_focus_chain import _focusable, _owner

RESOURCES = Path(__file__).resolve().parents[4] / "resources"


def _spoken_name(widget: QWidget) -> str:
    owner = _owner(widget)
    if owner.accessibleName():
        return owner.accessibleName()
    return owner.text().replace("&", "") if isinstance(owner, QAbstractButton) else ""


def _walk(dialog: QWidget) -> list[QWidget]:
    start = dialog.focusWidget() or dialog
    chain, widget = [], start
    while len(chain) < 300:
        if _focusable(widget) and dialog.isAncestorOf(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            return chain
    raise AssertionError("the focus chain never comes back to where it started")


def _check(dialog: QWidget) -> list[str]:
    chain = _walk(dialog)
    expected = [w for w in dialog.findChildren(QWidget) if _focusable(w)]
    assert expected
    assert [w.objectName() for w in expected if w not in chain] == []
    assert [w.objectName() or type(w).__name__ for w in chain if not _spoken_name(w)] == []
    return [w.objectName() for w in chain]


@pytest.mark.parametrize("make", ["first_run", "preferences", "about", "guide", "shortcuts"])
def test_dialog_controls_are_reached_and_named(qtbot, services, window, make):
    dialogs = {
        "first_run": lambda: FirstRunDialog(services, RESOURCES),
        "preferences": lambda: PreferencesDialog(Preferences(), services.db.path, None),
        "about": lambda: AboutDialog(services.db.path, app_icon(RESOURCES)),
        "guide": lambda: GuideDialog(RESOURCES / "guide"),
        "shortcuts": lambda: ShortcutsDialog(window.actions()),
    }
    dialog = dialogs[make]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = _check(dialog)
    if make == "first_run":
        assert names[:4] == ["first_run_ladder_combo", "first_run_import_button", "first_run_current_combo",
                             "first_run_target_combo"]
        for _step in (1, 2):
            dialog.skip_button.click()
            _check(dialog)
