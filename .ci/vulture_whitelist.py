"""Names vulture cannot see being used, because a framework calls or reads them by name.

vulture reads this file (pyproject.toml's [tool.vulture] paths) and counts every name below as
used; it is never imported or run. Only framework-called names belong here: code that nothing
calls is removed, not listed.
"""
# ruff: noqa
# mypy: ignore-errors

_ = object()

# Qt calls these overrides of its own virtual methods.
_.closeEvent  # QWidget (main window)
_.paint  # QStyledItemDelegate (entry list)
_.filterAcceptsRow  # QSortFilterProxyModel (expectation picker)
_.highlightBlock  # QSyntaxHighlighter (markdown view)
_.loadResource  # QTextDocument (brief PDF, markdown view)
_.columnCount  # QAbstractItemModel (leveling models)
_.headerData  # QAbstractItemModel
_.mergeWith  # QUndoCommand (journal edits)
_.redo  # QUndoCommand
_.undo  # QUndoCommand

# The window's actions are declared as data (fikadesk/ui/shell/window_menus.py WINDOW_ACTIONS) and find
# their slot by its dotted path when they fire; tests/ui/shell/test_window_menus.py checks every path.
_.find_entries  # MainWindow, "find_action"
_.open_trash  # MainWindow, "trash_action"

# The standard library calls these overrides.
_.handle_starttag  # html.parser.HTMLParser (tests/briefs/structure.py)
_.handle_data  # html.parser.HTMLParser
_.attrs  # a parameter of HTMLParser.handle_starttag, which calls it with two arguments
_.do_GET  # http.server.BaseHTTPRequestHandler (tests' canary servers)
_.log_message  # http.server.BaseHTTPRequestHandler

# pytest reads this module variable of conftest.py, and hands a test the fixtures it names (the
# fixtures themselves are left out by ignore_decorators, SQLAlchemy listeners too).
_.pytest_plugins
_.larger_text  # asked for by a test for its side effect (a larger application font)

# Alembic reads these names of each migration script.
_.revision
_.down_revision
_.branch_labels
_.depends_on
_.upgrade
_.downgrade

# sqlite3 reads this attribute of a connection (engine.py sets it to stop implicit BEGINs).
_.isolation_level

# A Python reference that keeps the printer alive as long as its preview dialog (brief_print.py).
_.printer_ref

# SQLModel registers every table class in the metadata the migrations and the export read; their
# columns are read by SQLAlchemy from the class body.
_.MetaRow
_.TagRow
_.EntryTagRow
_.EntryLinkRow
_.LadderRow
_.LadderLevelRow
_.ExpectationRow
_.TargetRow
_.TargetSnapshotRow
_.PlanRow
_.PlanCheckpointRow
_.PlanCheckinRow
_.PlanTalkingPointRow
_.PlanFollowupRow
_.PlanItemRow
_.PlanItemExpectationRow
_.PlanItemEntryRow
_.PlanCommitmentRow
_.EntryExpectationRow
_.TargetSnapshotItemRow
_.InterviewJobRow
_.InterviewQuestionRow
_.InterviewAnswerRow
_.InterviewAnswerVersionRow
_.InterviewAnswerEntryRow
_.InterviewTakeRow
_.InterviewTakeSpeechRow
_.InterviewReflectionRow
_.live_count  # tag column, kept by triggers
_.tag_id  # entry_tag column
_.not_yet_reason  # plan_checkin column
