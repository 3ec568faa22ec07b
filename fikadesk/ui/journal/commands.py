"""Undoable journal changes: an edit, a new entry, a move to the trash and evidence links."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from fikadesk.domain.journal.entries import EntryDraft

EDIT_COMMAND_ID = 4101


class EntryApplier(Protocol):
    """What the commands need from the Journal tab."""

    def apply_draft(self, entry_id: int, draft: EntryDraft) -> None: ...
    def apply_trashed(self, entry_id: int, trashed: bool) -> None: ...
    def apply_links(self, entry_id: int, expectation_ids: tuple[int, ...]) -> None: ...


def _short(title: str) -> str:
    return title if len(title) <= 30 else title[:29] + "…"


class EntryEditCommand(QUndoCommand):
    """An autosaved edit; consecutive saves of one entry in one sitting merge into one step."""

    def __init__(self, tab: EntryApplier, entry_id: int, before: EntryDraft, after: EntryDraft,
                 sitting: int) -> None:
        super().__init__(f"edit of “{_short(after.title)}”")
        self._tab = tab
        self.entry_id = entry_id
        self.before = before
        self.after = after
        self.sitting = sitting
        self._done = True  # the change was saved before the command was pushed

    def id(self) -> int:
        return EDIT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EntryEditCommand):
            return False
        if other.entry_id != self.entry_id or other.sitting != self.sitting:
            return False
        self.after = other.after
        self.setText(f"edit of “{_short(self.after.title)}”")
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._tab.apply_draft(self.entry_id, self.after)

    def undo(self) -> None:
        self._tab.apply_draft(self.entry_id, self.before)


class EntryAddCommand(QUndoCommand):
    """A new entry; undo moves it to the trash, redo brings it back."""

    def __init__(self, tab: EntryApplier, entry_id: int, title: str) -> None:
        super().__init__(f"new entry “{_short(title)}”")
        self._tab = tab
        self.entry_id = entry_id
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._tab.apply_trashed(self.entry_id, False)

    def undo(self) -> None:
        self._tab.apply_trashed(self.entry_id, True)


class EntryTrashCommand(QUndoCommand):
    """Moving an entry to the trash; undo restores it."""

    def __init__(self, tab: EntryApplier, entry_id: int, title: str) -> None:
        super().__init__(f"delete of “{_short(title)}”")
        self._tab = tab
        self.entry_id = entry_id

    def redo(self) -> None:
        self._tab.apply_trashed(self.entry_id, True)

    def undo(self) -> None:
        self._tab.apply_trashed(self.entry_id, False)


class EntryLinksCommand(QUndoCommand):
    """A change of an entry's evidence links (saved before it is pushed); undo puts the old
    links back, redo the new ones."""

    def __init__(self, tab: EntryApplier, entry_id: int, title: str,
                 before: tuple[int, ...], after: tuple[int, ...]) -> None:
        super().__init__(f"link change of “{_short(title)}”")
        self._tab = tab
        self.entry_id = entry_id
        self.before = before
        self.after = after
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._tab.apply_links(self.entry_id, self.after)

    def undo(self) -> None:
        self._tab.apply_links(self.entry_id, self.before)
