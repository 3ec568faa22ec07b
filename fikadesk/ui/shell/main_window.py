"""The main window: shown at once with its menus and tab skeletons, then filled from the journal;
the one place that wires the tabs to each other."""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from fikadesk.ui.shell.window_loading import TAB_AREAS, LoadingPage
from fikadesk.ui.shell.window_state import restore_frame

if TYPE_CHECKING:  # the data layer, the tabs and what only they use load after the first paint
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction, QCloseEvent

    from fikadesk.services.container import Services
    from fikadesk.ui.common.tab_contract import AreaTab
    from fikadesk.ui.common.widgets.banner import Banner
    from fikadesk.ui.interview.tab import InterviewTab
    from fikadesk.ui.journal.tab import JournalTab
    from fikadesk.ui.leveling.tab import TargetTab
    from fikadesk.ui.plan.tab import PlanTab
    from fikadesk.ui.plan.tray import PlanTray
    from fikadesk.ui.shell.backup_actions import BackupActions
    from fikadesk.ui.shell.desktop_features import DesktopFeatures
    from fikadesk.ui.shell.tab_menu import TabMenu

WATCH_INTERVAL_MS = 2000
FIRST_TAB = 1  # the Journal: a new journal has no target yet (the welcome steps may set one)
MENU_TITLES = {"file": "&File", "edit": "&Edit", "help": "&Help"}


class MainWindow(QMainWindow):
    """Holds the tabs; watches the journal for changes made elsewhere (the command line).

    ``MainWindow(services)`` builds and fills everything at once. The application instead shows
    ``MainWindow(journal=path)`` (menus and tab skeletons, no data layer imported yet) and calls
    :meth:`attach` when the journal is open, which builds the tabs in slices, the current tab
    first, letting input through between them; ``loaded`` is emitted when all are filled.
    """

    loaded = Signal()
    # Set by attach(), once the journal is open:
    services: Services
    target_tab: TargetTab
    journal_tab: JournalTab
    plan_tab: PlanTab
    interview_tab: InterviewTab
    desktop: DesktopFeatures
    backups: BackupActions
    plan_tray: PlanTray
    tab_menu: TabMenu
    plan_banner: Banner
    undo_action: QAction
    redo_action: QAction

    def __init__(self, services: Services | None = None, parent=None, settings: QSettings | None = None,
                 *, journal: Path | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.is_loaded = False
        path = services.db.path if services is not None else journal
        self.setObjectName("main_window")
        self.setWindowTitle(f"fikadesk — {path.name}" if path is not None else "fikadesk")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setAccessibleName("Areas")
        for area, label in TAB_AREAS:
            self.tabs.addTab(LoadingPage(area), label)
        self.tabs.setCurrentIndex(FIRST_TAB)  # unless the last-used tab is remembered (below)
        central = QWidget()
        central.setObjectName("main_central")
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.menus: dict[str, QMenu] = {}
        for key, title in MENU_TITLES.items():
            menu = self.menuBar().addMenu(title)
            menu.setObjectName(f"{key}_menu")
            waiting = menu.addAction("Opening the journal…")
            waiting.setEnabled(False)
            self.menus[key] = menu
        self.actions_by_name: dict[str, QAction] = {}
        self.resize(1100, 720)
        if settings is not None:
            restore_frame(settings, self, self.tabs)  # size, place and the last-used tab
        self._pending: deque[str] = deque()
        self._abandoned = False  # closed before it was filled
        if services is not None:
            self.attach(services)

    # -- filling the window -------------------------------------------------------------------
    def attach(self, services: Services, *, stepwise: bool = False) -> None:
        """Build the tabs over ``services``; with ``stepwise`` one tab per turn of the event loop."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QUndoStack

        self.services = services
        self.undo_stack = QUndoStack(self)
        self.path_label = QLabel(str(services.db.path))
        self.path_label.setObjectName("journal_path_label")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)  # a folder may be named <b>
        self.statusBar().addPermanentWidget(self.path_label)
        self._pending = deque(area for area, _label in TAB_AREAS)
        if not stepwise:
            while self._pending:
                self._build_tab(self._pending.popleft())
            self._finish()
            return
        QTimer.singleShot(0, self._next_slice)

    def _next_slice(self) -> None:
        """Build the next tab (the one shown, if it is still a skeleton), then come back."""
        if self._abandoned:
            return
        current = self.tabs.currentWidget()
        if isinstance(current, LoadingPage) and current.area in self._pending:
            self._pending.remove(current.area)  # the tab the person looks at comes first
            self._pending.appendleft(current.area)
        if self._pending:
            self._build_tab(self._pending.popleft())
            QTimer.singleShot(0, self._next_slice)
            return
        self._finish()

    def _build_tab(self, area: str) -> None:
        """Build one tab and fill it, in the place of its skeleton."""
        from fikadesk.ui.shell.window_tabs import build_tab

        services = self.services
        tab = build_tab(area, services, self.undo_stack)
        setattr(self, f"{area}_tab", tab)
        index = next(i for i, (name, _label) in enumerate(TAB_AREAS) if name == area)
        skeleton = self.tabs.widget(index)
        was_current = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, TAB_AREAS[index][1])
        if was_current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(blocked)
        if skeleton is not None:
            skeleton.setParent(None)  # type: ignore[call-overload]
            skeleton.deleteLater()

    def _finish(self) -> None:
        """Every tab is built: wire them, build the actions and the window's parts."""
        from fikadesk.ui.common.widgets.banner import Banner
        from fikadesk.ui.plan.tray import PlanTray
        from fikadesk.ui.shell.backup_actions import BackupActions
        from fikadesk.ui.shell.desktop_features import DesktopFeatures
        from fikadesk.ui.shell.window_menus import build_actions, place_actions

        services = self.services
        self.plan_banner = Banner("window_plan_banner")
        self.plan_banner.setAccessibleName("Plan reminders")
        self._column.insertWidget(0, self.plan_banner)
        build_actions(self)
        self._wire_tabs()
        self.desktop = DesktopFeatures(self, self.settings)  # help, preferences, icon, window state
        self.backups = BackupActions(self)  # File > Backups…, scheduled backups, damage banner
        place_actions(self, self.menus)
        self.plan_tray = PlanTray(services.plan, services.today, self, self.desktop.icon)
        self._known_revision = self._read_revision()
        self._had_target = self._has_target()
        self._watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_outside_changes)
        self.desktop.restore()
        self.is_loaded = True
        self.loaded.emit()

    # -- actions and menus ---------------------------------------------------------------------
    def make_action(self, text: str, name: str, slot, shortcut=None, tip: str = "") -> QAction:
        """An action of the window, found again by name when the menus are laid out."""
        from fikadesk.ui.shell.window_menus import make_action

        self.actions_by_name[name] = action = make_action(self, text, name, slot, shortcut, tip)
        return action

    def _wire_tabs(self) -> None:
        """The cross-tab signals, in one place."""
        target, journal, interview = self.target_tab, self.journal_tab, self.interview_tab
        services = self.services
        journal.editor.set_leveling(services.leveling)
        journal.editor.set_suggestions(services.suggestions)
        target.target_changed.connect(journal.editor.refresh_suggester)
        journal.entries_changed.connect(target.refresh_readiness)
        journal.entries_changed.connect(journal.editor.refresh_links)
        journal.editor.links_changed.connect(lambda _id: target.refresh_readiness())
        target.target_changed.connect(journal.editor.refresh_links)
        target.capture_requested.connect(self.capture_for)
        target.entry_open_requested.connect(self.open_entry)
        journal.editor.links_changed.connect(lambda _id: self._on_own_change())
        for tab in self.area_tabs():
            tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            tab.journal_written.connect(self._on_own_change)
        self.tabs.currentChanged.connect(lambda _i: interview.leave())
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def area_tabs(self) -> tuple[AreaTab, ...]:
        """The four area tabs, in the order of the tab bar (once the window is filled)."""
        return (self.target_tab, self.journal_tab, self.plan_tab, self.interview_tab)

    def start(self) -> None:
        """Call once the window is filled: reminders and the outside-change watch.

        What was written since the window was built (the welcome steps) is shown at once, not
        at the watch's first tick; a target set by them brings the Target tab to the front.
        """
        if self._pick_up_changes() and self._had_target is False and self._has_target():
            self.tabs.setCurrentWidget(self.target_tab)
        self.journal_tab.check_reminders()
        self.show_plan_reminders()
        self.desktop.apply_reminder_preference()
        self.plan_tray.start()
        self._watch.start()
        self.backups.start()

    def show_plan_reminders(self) -> None:
        """Above every tab, say what in the plan is due or overdue (the Plan tab has the details)."""
        from fikadesk.domain.plan.status import reminders

        services = self.services
        state = self.plan_tab.state  # read by the Plan tab as the window was built: no second query
        found = reminders(state, services.today()) if state is not None else []
        if not found or self.tabs.currentWidget() is self.plan_tab:
            self.plan_banner.hide()
            return
        more = f" (and {len(found) - 2} more)" if len(found) > 2 else ""
        self.plan_banner.show_message(" ".join(r.text for r in found[:2]) + more,
                                      [("Open the Plan tab", self._open_plan_from_banner)])

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.plan_tab:
            self.plan_banner.hide()  # the Plan tab shows the same reminders in its own banner

    def _open_plan_from_banner(self) -> None:
        self.tabs.setCurrentWidget(self.plan_tab)
        self.plan_banner.hide()

    # -- actions -----------------------------------------------------------------------------
    def quick_capture(self, *_args, prelinked: tuple[int, ...] = ()) -> None:
        from fikadesk.ui.leveling.capture import record_win

        if record_win(self, self.services, self.journal_tab, self.undo_stack, prelinked) is not None:
            self.tabs.setCurrentWidget(self.journal_tab)

    def capture_for(self, expectation_id: int) -> None:
        """Record a new entry already linked to one expectation (from a readiness gap)."""
        self.quick_capture(prelinked=(expectation_id,))

    def open_entry(self, entry_id: int) -> None:
        self.tabs.setCurrentWidget(self.journal_tab)
        self.journal_tab.show_entry(entry_id)

    def find_entries(self) -> None:
        self.tabs.setCurrentWidget(self.journal_tab)
        self.journal_tab.focus_search()

    def open_trash(self) -> None:
        from fikadesk.ui.journal.trash import TrashDialog

        if not self.journal_tab.save_now():
            return
        dialog = TrashDialog(self.services.journal, self)
        dialog.restored.connect(lambda _id: self.journal_tab.reload())
        dialog.exec()
        self.journal_tab.reload()

    def open_briefs(self) -> None:
        from fikadesk.ui.briefs.dialog import BriefDialog  # markdown and printing load here

        if self.journal_tab.save_now():
            self.brief_dialog = BriefDialog.open_for(self, self.services)

    def export_journal(self, as_csv: bool = False) -> None:
        from fikadesk.ui.shell.transfer_actions import export_journal

        if not self.journal_tab.save_now():
            return
        path = export_journal(self, self.services.transfer, self.services.today().isoformat(), as_csv=as_csv)
        if path is not None:
            self.statusBar().showMessage(f"Exported to {path}.", 8000)

    def export_csv(self) -> None:
        self.export_journal(as_csv=True)

    def import_journal(self) -> None:
        from fikadesk.ui.shell.transfer_actions import import_journal

        if not self.journal_tab.save_now():
            return
        said = import_journal(self, self.services.transfer)
        if said is not None:
            self.check_outside_changes()
            self.statusBar().showMessage(said, 8000)

    def print_brief(self) -> None:
        self.open_briefs()
        dialog = getattr(self, "brief_dialog", None)
        if dialog is not None:
            dialog.print_brief()

    def about(self) -> None:
        self.desktop.open_about()

    def bring_to_front(self) -> None:
        from PySide6.QtCore import Qt

        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized)
                            | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # -- watching for changes made elsewhere ------------------------------------------------
    def _read_revision(self) -> int:
        from fikadesk.errors import StorageError

        try:
            return self.services.journal.revision()
        except StorageError:
            return self._known_revision if hasattr(self, "_known_revision") else 0

    def _has_target(self) -> bool | None:
        """Whether the journal holds a target (None when it cannot be read)."""
        from fikadesk.errors import StorageError

        try:
            return self.services.leveling.target() is not None
        except StorageError:
            return None

    def _on_own_change(self) -> None:
        self._known_revision = self._read_revision()

    def _pick_up_changes(self) -> bool:
        """Reload every tab if the journal changed since last read; True if it did."""
        revision = self._read_revision()
        if revision == self._known_revision:
            return False
        if self.journal_tab.has_unsaved_changes():
            return False  # after the pending save, the next tick picks the change up
        self._known_revision = revision
        self.journal_tab.editor.refresh_suggester()  # the target may have changed elsewhere
        for tab in (self.journal_tab, self.target_tab, self.plan_tab, self.interview_tab):
            tab.refresh()
        return True

    def check_outside_changes(self) -> bool:
        """Reload the lists if another program wrote to the journal; True if it did."""
        if not self._pick_up_changes():
            return False
        self.statusBar().showMessage("The journal was changed outside this window; the list is up to date.",
                                     6000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.is_loaded:  # nothing can have been edited yet
            self._abandoned = True
            event.accept()
            return
        if not self.journal_tab.save_now() and not self._discard(
                "Unsaved entry",
                "The entry being edited cannot be saved (see the message under the editor)."):
            event.ignore()
            return
        if not self.interview_tab.leave() and not self._discard(
                "Unsaved answer", "The interview answer being written cannot be saved (see the message "
                "under it)."):
            event.ignore()
            return
        self._watch.stop()
        self.backups.on_close()
        self.desktop.save()
        event.accept()

    def _discard(self, title: str, why: str) -> bool:
        from fikadesk.ui.common.alerts import Button, ask

        return ask(self, title, f"{why} Quit anyway and lose those changes?",
                   yes=Button.Discard, no=Button.Cancel, default=Button.Cancel)
