"""Quick capture with evidence links: the new entry and its links are saved in one step."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.errors import FikadeskError, StorageError
from fikadesk.services.container import Services
from fikadesk.ui.common.alerts import warn
from fikadesk.ui.journal.commands import EntryAddCommand
from fikadesk.ui.journal.quick_capture import CapturedDraft, QuickCaptureDialog
from fikadesk.ui.journal.tab import JournalTab


def record_win(parent: QWidget, services: Services, journal_tab: JournalTab,
               undo_stack: QUndoStack, prelinked: Sequence[int] = ()) -> int | None:
    """Ask for a new entry (``prelinked`` expectations ticked); save it with its links.

    Returns the new entry's id, or None when cancelled or not saved (the reason is shown).
    """
    try:
        choices = services.leveling.expectation_choices(include=prelinked)
        tags = [name for name, _count in services.journal.tags()]
        suggester = services.suggestions.target_suggester()
    except StorageError as exc:
        warn(parent, "Cannot record now", str(exc))
        return None
    draft = QuickCaptureDialog.get_draft(parent, services.today(), tags, choices, prelinked,
                                         suggester)
    if draft is None:
        return None
    ids = draft.expectation_ids if isinstance(draft, CapturedDraft) else ()
    plain = draft.plain() if isinstance(draft, CapturedDraft) else draft
    if not ids:
        return journal_tab.add_draft(plain)
    if not journal_tab.save_now():
        return None
    try:
        entry = services.leveling.add_entry_with_links(plain, ids)
    except LevelingError as exc:
        # the expectation went away meanwhile: keep the words, drop only the link
        warn(parent, "Saved without links", f"{exc}. The entry is saved without links; "
             "link it again from the editor.")
        return journal_tab.add_draft(plain)
    except FikadeskError as exc:
        warn(parent, "Not saved", str(exc))
        return None
    _show_new(journal_tab, undo_stack, entry.id, entry.title)
    return entry.id


def _show_new(journal_tab: JournalTab, undo_stack: QUndoStack, entry_id: int, title: str) -> None:
    undo_stack.push(EntryAddCommand(journal_tab, entry_id, title))
    journal_tab.reload(keep_id=entry_id)
    journal_tab.show_entry(entry_id)
    journal_tab.entries_changed.emit()
    journal_tab.status_message.emit(f"Saved “{title}” as evidence.")


