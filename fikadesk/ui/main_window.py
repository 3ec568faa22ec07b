"""The main window: tabs, menus and actions; the one place that wires tabs to each other."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from fikadesk.errors import StorageError
from fikadesk.paths import resources_dir
from fikadesk.services.container import Services
from fikadesk.ui.backup_actions import BackupActions
from fikadesk.ui.desktop_features import DesktopFeatures
from fikadesk.ui.dialogs.trash import TrashDialog
from fikadesk.ui.plan_tray import PlanTray
from fikadesk.ui.tab_menu import TabMenu
from fikadesk.ui.tabs.interview_tab import InterviewTab
from fikadesk.ui.tabs.journal_tab import JournalTab
from fikadesk.ui.tabs.leveling_capture import record_win
from fikadesk.ui.tabs.leveling_tab import TargetTab
from fikadesk.ui.tabs.plan_tab import PlanTab
from fikadesk.ui.theme import app_icon
from fikadesk.ui.transfer_actions import export_journal, import_journal
from fikadesk.ui.widgets.banner import Banner

WATCH_INTERVAL_MS = 2000


class MainWindow(QMainWindow):
    """Holds the tabs; watches the journal for changes made elsewhere (the command line)."""

    def __init__(self, services: Services, parent=None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("main_window")
        self.setWindowTitle(f"fikadesk — {services.db.path.name}")
        self.undo_stack = QUndoStack(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setAccessibleName("Areas")
        self.journal_tab = JournalTab(services.journal, services.today, self.undo_stack)
        self.tabs.addTab(self.journal_tab, "&Journal")
        self.target_tab = TargetTab(services.leveling, services.today, resources_dir() / "ladders",
                                    charts=services.charts)
        self.tabs.insertTab(self.tabs.indexOf(self.journal_tab), self.target_tab, "&Target")
        self._wire_target()
        self.plan_tab = PlanTab(services.plan, services.leveling, services.journal, services.today,
                                resources_dir())
        self.tabs.insertTab(self.tabs.indexOf(self.journal_tab) + 1, self.plan_tab, "&Plan")
        self.plan_tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.plan_tab.journal_written.connect(self._on_own_change)
        self.plan_tab.reload()
        self.interview_tab = InterviewTab(services, resources_dir())
        self.tabs.insertTab(self.tabs.indexOf(self.plan_tab) + 1, self.interview_tab, "I&nterview")
        self.interview_tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.interview_tab.journal_written.connect(self._on_own_change)
        self.interview_tab.reload()
        self.tabs.currentChanged.connect(lambda _i: self.interview_tab.leave())
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.plan_banner = Banner("window_plan_banner")
        self.plan_banner.setAccessibleName("Plan reminders")
        central = QWidget()
        central.setObjectName("main_central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.plan_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.path_label = QLabel(str(services.db.path))
        self.path_label.setObjectName("journal_path_label")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.path_label)
        self.journal_tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._build_actions()
        self.desktop = DesktopFeatures(self, settings)  # help, preferences, icon, window state
        self.backups = BackupActions(self)  # File > Backups…, scheduled backups, damage banner
        self.plan_tray = PlanTray(services.plan, services.today, self, app_icon(resources_dir()))
        self._known_revision = self._read_revision()
        self._had_target = self._has_target()
        self._watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.check_outside_changes)
        self.journal_tab.entries_changed.connect(self._on_own_change)
        self.resize(1100, 720)
        self.desktop.restore()

    # -- setup -------------------------------------------------------------------------------
    def _action(self, text: str, name: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if tip:
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.quick_capture_action = self._action(
            "&Record a win…", "quick_capture_action", self.quick_capture, QKeySequence.StandardKey.New,
            "Record a new entry in a small dialog")
        self.new_entry_action = self._action(
            "New entry in &editor", "new_entry_action", self.journal_tab.new_entry, "Ctrl+Shift+N",
            "Start a new entry in the editor")
        self.trash_action = self._action("&Trash…", "trash_action", self.open_trash, None,
                                         "See deleted entries and restore them")
        self.briefs_action = self._action("&Briefs…", "briefs_action", self.open_briefs, "Ctrl+B",
                                          "Write your promotion case to save, print or export as PDF")
        self.print_action = self._action("&Print a brief…", "print_action", self.print_brief,
                                         QKeySequence.StandardKey.Print,
                                         "Open the Briefs window and preview the brief for printing")
        self.export_action = self._action("&Export journal…", "export_action", self.export_journal, None,
                                          "Save everything in the journal as one open JSON file")
        self.export_csv_action = self._action("Export entries as &CSV…", "export_csv_action",
                                              lambda: self.export_journal(as_csv=True), None,
                                              "Save your entries as a table for a spreadsheet")
        self.import_action = self._action("I&mport journal…", "import_action", self.import_journal, None,
                                          "Add a fikadesk export to this journal, all or nothing")
        self.quit_action = self._action("&Quit", "quit_action", self.close, QKeySequence.StandardKey.Quit,
                                        "Save and quit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setObjectName("undo_action")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setObjectName("redo_action")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.find_action = self._action("&Find…", "find_action", self.find_entries,
                                        QKeySequence.StandardKey.Find, "Search the journal")
        self.delete_action = self._action("&Move entry to trash", "delete_action",
                                          self.journal_tab.delete_current, "Ctrl+Delete",
                                          "Move the selected entry to the trash")
        list_delete = QAction(self.journal_tab.list_view)
        list_delete.setShortcut(QKeySequence.StandardKey.Delete)
        list_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        list_delete.triggered.connect(self.journal_tab.delete_current)
        self.journal_tab.list_view.addAction(list_delete)
        self.about_action = self._action("&About fikadesk", "about_action", self.about, None,
                                        "Version and where your journal file lives")

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.quick_capture_action, self.new_entry_action])
        file_menu.addActions([self.capture_evidence_action, self.import_ladder_action])
        file_menu.addSeparator()
        file_menu.addAction(self.trash_action)
        file_menu.addActions([self.briefs_action, self.print_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.export_csv_action, self.import_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.delete_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)
        self._build_tab_menu(help_menu.menuAction())

    def _build_tab_menu(self, before: QAction) -> None:
        target = self.target_tab
        self.edit_ladder_action = self._action("&Edit ladder…", "edit_ladder_action", target.edit_ladder,
                                               None, "Rename, reorder and change the levels and "
                                               "expectations of the chosen ladder")
        self.freeze_action = self._action("&Freeze target…", "freeze_action", target.freeze, None,
                                          "Keep a dated copy of what the target level expects, "
                                          "as agreed with your manager")
        self.tab_menu = TabMenu(self.menuBar(), self.tabs, before)
        self.tab_menu.register(target, [self.import_ladder_action, self.edit_ladder_action, None,
                                        self.capture_evidence_action, self.freeze_action])
        plan = self.plan_tab
        self.tab_menu.register(plan, [
            self._action("New &check-in…", "new_checkin_action", lambda: plan.new_checkin(), None,
                         "Record a 1:1 check-in"),
            self._action("Add checklist &item…", "add_item_action", plan.add_item, None,
                         "Add something you will demonstrate"),
            self._action("Record a \"&not yet\"…", "not_yet_action", plan.not_yet, None,
                         "Turn a \"not yet\" from the selected check-in into checklist items"),
            self._action("Plan the ne&xt check-in…", "plan_next_action", plan.plan_next, None,
                         "Set the day of your next 1:1; talking points gather on its agenda"),
            self._action("Start a plan &from this check-in…", "plan_from_checkin_action",
                         plan.start_from_checkin, None,
                         "Start the written plan from the selected check-in; its open follow-ups "
                         "carry into it"), None,
            self._action("Plan &details…", "plan_details_action", plan.edit_details, None,
                         "Target, review date, manager and how promotion works here"),
            self._action("Start a new p&lan…", "new_plan_action", plan.new_plan, None,
                         "Start a new plan; the current one is kept as history"),
            self._action("Plan &history…", "plan_history_action", plan.show_history, None, "Earlier plans")])
        interview = self.interview_tab
        self.tab_menu.register(interview, [
            self._action("New &job…", "new_job_action", interview.new_job, None, "Add a job you are "
                         "interviewing for"),
            self._action("Add &question…", "add_question_action", interview.add_question, None,
                         "Add a question of your own to the bank"),
            None,
            self._action("&Reflection…", "reflection_action", interview.reflect, None,
                         "A worksheet on what kind of career you want"),
            self._action("Story &grid…", "story_grid_action", interview.show_grid, None,
                         "Which questions have a story, and what the stories cover"),
            self._action("Rehearse &due answers", "rehearse_due_action", interview.rehearse_due, "Ctrl+R",
                         "Rehearse the answers whose turn has come, full screen")])
        self.tab_menu.register(self.journal_tab, [
            self.quick_capture_action, self.new_entry_action, None, self.find_action,
            self.delete_action, None, self.trash_action])

    def _wire_target(self) -> None:
        target, journal = self.target_tab, self.journal_tab
        journal.editor.set_leveling(self.services.leveling)
        journal.editor.set_suggestions(self.services.suggestions)
        target.target_changed.connect(journal.editor.refresh_suggester)
        journal.entries_changed.connect(target.refresh_readiness)
        journal.entries_changed.connect(journal.editor.refresh_links)
        journal.editor.links_changed.connect(lambda _id: target.refresh_readiness())
        target.target_changed.connect(journal.editor.refresh_links)
        target.capture_requested.connect(self.capture_for)
        target.entry_open_requested.connect(self.open_entry)
        target.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        target.journal_written.connect(self._on_own_change)
        journal.editor.links_changed.connect(lambda _id: self._on_own_change())
        self.import_ladder_action = self._action(
            "&Import ladder…", "import_ladder_action", target.import_ladder, "Ctrl+Shift+I",
            "Import your company's ladder from markdown, CSV, JSON or YAML")
        self.capture_evidence_action = self._action(
            "Record &evidence for expectation…", "capture_evidence_action",
            target.readiness.request_capture, "Ctrl+Shift+E",
            "Record a new entry linked to the expectation selected in the Target tab")

    def start(self) -> None:
        """Call once the window is shown: reminders and the outside-change watch.

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
        from fikadesk.domain.plan_status import reminders

        state = self.plan_tab.state  # read by the Plan tab as the window was built: no second query
        found = reminders(state, self.services.today()) if state is not None else []
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
        if not self.journal_tab.save_now():
            return
        dialog = TrashDialog(self.services.journal, self)
        dialog.restored.connect(lambda _id: self.journal_tab.reload())
        dialog.exec()
        self.journal_tab.reload()

    def open_briefs(self) -> None:
        from fikadesk.ui.dialogs.brief_dialog import BriefDialog  # markdown and printing load here

        if self.journal_tab.save_now():
            self.brief_dialog = BriefDialog.open_for(self, self.services)

    def export_journal(self, as_csv: bool = False) -> None:
        if not self.journal_tab.save_now():
            return
        path = export_journal(self, self.services.transfer, self.services.today().isoformat(), as_csv=as_csv)
        if path is not None:
            self.statusBar().showMessage(f"Exported to {path}.", 8000)

    def import_journal(self) -> None:
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
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized)
                            | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # -- watching for changes made elsewhere ------------------------------------------------
    def _read_revision(self) -> int:
        try:
            return self.services.journal.revision()
        except StorageError:
            return self._known_revision if hasattr(self, "_known_revision") else 0

    def _has_target(self) -> bool | None:
        """Whether the journal holds a target (None when it cannot be read)."""
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
        self.journal_tab.reload()
        self.target_tab.reload()
        self.plan_tab.reload()
        self.interview_tab.refresh()
        return True

    def check_outside_changes(self) -> bool:
        """Reload the lists if another program wrote to the journal; True if it did."""
        if not self._pick_up_changes():
            return False
        self.statusBar().showMessage("The journal was changed outside this window; the list is up to date.",
                                     6000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.journal_tab.save_now():
            answer = QMessageBox.question(
                self, "Unsaved entry",
                "The entry being edited cannot be saved (see the message under the editor). "
                "Quit anyway and lose those changes?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        if not self.interview_tab.leave():
            answer = QMessageBox.question(
                self, "Unsaved answer",
                "The interview answer being written cannot be saved (see the message under it). "
                "Quit anyway and lose those changes?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self._watch.stop()
        self.backups.on_close()
        self.desktop.save()
        event.accept()
