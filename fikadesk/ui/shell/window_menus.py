"""The window's actions and menus, declared as data: each action's words, keys and place in the menus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from fikadesk.ui.shell.main_window import MainWindow

Keys = QKeySequence.StandardKey | str | None
New, Print, Quit, Find = (QKeySequence.StandardKey.New, QKeySequence.StandardKey.Print,
                          QKeySequence.StandardKey.Quit, QKeySequence.StandardKey.Find)


@dataclass(frozen=True)
class ActionSpec:
    """One action of the window: ``slot`` is a dotted path from the window (``journal_tab.new_entry``)."""

    name: str
    text: str
    slot: str
    keys: Keys = None
    tip: str = ""


WINDOW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("quick_capture_action", "&Record a win…", "quick_capture", New,
               "Record a new entry in a small dialog"),
    ActionSpec("new_entry_action", "New entry in &editor", "journal_tab.new_entry", "Ctrl+Shift+N",
               "Start a new entry in the editor"),
    ActionSpec("import_ladder_action", "&Import ladder…", "target_tab.import_ladder", "Ctrl+Shift+I",
               "Import your company's ladder from markdown, CSV, JSON or YAML"),
    ActionSpec("capture_evidence_action", "Record &evidence for expectation…",
               "target_tab.readiness.request_capture", "Ctrl+Shift+E",
               "Record a new entry linked to the expectation selected in the Target tab"),
    ActionSpec("trash_action", "&Trash…", "open_trash", None, "See deleted entries and restore them"),
    ActionSpec("briefs_action", "&Briefs…", "open_briefs", "Ctrl+B",
               "Write your promotion case to save, print or export as PDF"),
    ActionSpec("print_action", "&Print a brief…", "print_brief", Print,
               "Open the Briefs window and preview the brief for printing"),
    ActionSpec("export_action", "&Export journal…", "export_journal", None,
               "Save everything in the journal as one open JSON file"),
    ActionSpec("export_csv_action", "Export entries as &CSV…", "export_csv", None,
               "Save your entries as a table for a spreadsheet"),
    ActionSpec("import_action", "I&mport journal…", "import_journal", None,
               "Add a fikadesk export to this journal, all or nothing"),
    ActionSpec("quit_action", "&Quit", "close", Quit, "Save and quit"),
    ActionSpec("find_action", "&Find…", "find_entries", Find, "Search the journal"),
    ActionSpec("delete_action", "&Move entry to trash", "journal_tab.delete_current", "Ctrl+Delete",
               "Move the selected entry to the trash"),
    ActionSpec("about_action", "&About fikadesk", "about", None, "Version and where your journal file lives"),
    ActionSpec("edit_ladder_action", "&Edit ladder…", "target_tab.edit_ladder", None,
               "Rename, reorder and change the levels and expectations of the chosen ladder"),
    ActionSpec("freeze_action", "&Freeze target…", "target_tab.freeze", None,
               "Keep a dated copy of what the target level expects, as agreed with your manager"),
    ActionSpec("new_checkin_action", "New &check-in…", "plan_tab.new_checkin", None, "Record a 1:1 check-in"),
    ActionSpec("add_item_action", "Add checklist &item…", "plan_tab.add_item", None,
               "Add something you will demonstrate"),
    ActionSpec("not_yet_action", "Record a \"&not yet\"…", "plan_tab.not_yet", None,
               "Turn a \"not yet\" from the selected check-in into checklist items"),
    ActionSpec("plan_next_action", "Plan the ne&xt check-in…", "plan_tab.plan_next", None,
               "Set the day of your next 1:1; talking points gather on its agenda"),
    ActionSpec("plan_from_checkin_action", "Start a plan &from this check-in…",
               "plan_tab.start_from_checkin", None,
               "Start the written plan from the selected check-in; its open follow-ups carry into it"),
    ActionSpec("plan_details_action", "Plan &details…", "plan_tab.edit_details", None,
               "Target, review date, manager and how promotion works here"),
    ActionSpec("new_plan_action", "Start a new p&lan…", "plan_tab.new_plan", None,
               "Start a new plan; the current one is kept as history"),
    ActionSpec("plan_history_action", "Plan &history…", "plan_tab.show_history", None, "Earlier plans"),
    ActionSpec("new_job_action", "New &job…", "interview_tab.new_job", None,
               "Add a job you are interviewing for"),
    ActionSpec("add_question_action", "Add &question…", "interview_tab.add_question", None,
               "Add a question of your own to the bank"),
    ActionSpec("reflection_action", "&Reflection…", "interview_tab.reflect", None,
               "A worksheet on what kind of career you want"),
    ActionSpec("story_grid_action", "Story &grid…", "interview_tab.show_grid", None,
               "Which questions have a story, and what the stories cover"),
    ActionSpec("rehearse_due_action", "Rehearse &due answers", "interview_tab.rehearse_due", "Ctrl+R",
               "Rehearse the answers whose turn has come, full screen"),
)

# The menu bar: each menu's actions by name, None for a separator. The actions of the window's
# parts (backups, preferences, help) are named here too, so no part looks for a menu by its title.
MENU_BAR: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("file", ("quick_capture_action", "new_entry_action", "capture_evidence_action",
              "import_ladder_action", None, "trash_action", "briefs_action", "print_action", None,
              "export_action", "export_csv_action", "import_action", None, "backup_action",
              "backups_action", None, "quit_action")),
    ("edit", ("undo_action", "redo_action", None, "find_action", "delete_action", None,
              "preferences_action")),
    ("help", ("guide_action", "shortcuts_action", None, "about_action")),
)

# The menu that follows the current tab (see TabMenu): each tab's actions by name.
TAB_MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("target", ("import_ladder_action", "edit_ladder_action", None, "capture_evidence_action",
                "freeze_action")),
    ("plan", ("new_checkin_action", "add_item_action", "not_yet_action", "plan_next_action",
              "plan_from_checkin_action", None, "plan_details_action", "new_plan_action",
              "plan_history_action")),
    ("interview", ("new_job_action", "add_question_action", None, "reflection_action",
                   "story_grid_action", "rehearse_due_action")),
    ("journal", ("quick_capture_action", "new_entry_action", None, "find_action", "delete_action",
                 None, "trash_action")),
)


def resolve(root: object, path: str) -> Callable[[], object]:
    """The callable at the dotted ``path`` from ``root`` (looked up when the action fires)."""
    *owners, last = path.split(".")

    def call() -> object:
        owner = reduce(getattr, owners, root)
        return getattr(owner, last)()

    return call


def fill_menu(menu: QMenu, names: tuple[str | None, ...], actions: dict[str, QAction]) -> None:
    """Put the named actions (those that exist) into ``menu`` in order; no doubled separators."""
    menu.clear()
    for name in names:
        if name is None:
            if menu.actions() and not menu.actions()[-1].isSeparator():
                menu.addSeparator()
        elif name in actions:
            menu.addAction(actions[name])
    while menu.actions() and menu.actions()[-1].isSeparator():
        menu.removeAction(menu.actions()[-1])


def tab_actions(names: tuple[str | None, ...], actions: dict[str, QAction]) -> list[QAction | None]:
    """The named actions for a tab's menu (None stays a separator)."""
    return [None if name is None else actions[name] for name in names if name is None or name in actions]


def make_action(window: QMainWindow, text: str, name: str, slot: Callable[..., object],
                shortcut: Keys | QKeySequence = None, tip: str = "") -> QAction:
    """An action of ``window`` named ``name``; its tooltip says what it does and its keys."""
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if tip:
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(window: MainWindow) -> None:
    """Make every action of WINDOW_ACTIONS (as ``window.<name>``), Undo and Redo, and Delete in the list."""
    for spec in WINDOW_ACTIONS:
        setattr(window, spec.name, window.make_action(spec.text, spec.name, resolve(window, spec.slot),
                                                      spec.keys, spec.tip))
    window.undo_action = window.undo_stack.createUndoAction(window, "&Undo")
    window.redo_action = window.undo_stack.createRedoAction(window, "&Redo")
    for action, name, keys in ((window.undo_action, "undo_action", QKeySequence.StandardKey.Undo),
                               (window.redo_action, "redo_action", QKeySequence.StandardKey.Redo)):
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        window.actions_by_name[name] = action
    entries = window.journal_tab.list_view
    list_delete = QAction(entries)
    list_delete.setShortcut(QKeySequence.StandardKey.Delete)
    list_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    list_delete.triggered.connect(window.journal_tab.delete_current)
    entries.addAction(list_delete)


def place_actions(window: MainWindow, menus: dict[str, QMenu]) -> None:
    """Lay the actions out in the menu bar and the tab menu, as MENU_BAR and TAB_MENUS say."""
    from fikadesk.ui.shell.desktop_features import with_shortcut_tips
    from fikadesk.ui.shell.tab_menu import TabMenu

    for key, names in MENU_BAR:
        fill_menu(menus[key], names, window.actions_by_name)
    window.tab_menu = TabMenu(window.menuBar(), window.tabs, menus["help"].menuAction())
    for area, names in TAB_MENUS:
        window.tab_menu.register(getattr(window, f"{area}_tab"), tab_actions(names, window.actions_by_name))
    with_shortcut_tips([a for a in window.findChildren(QAction) if a.parent() is window])
