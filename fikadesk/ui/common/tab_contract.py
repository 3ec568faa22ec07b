"""The one contract every area tab keeps with the main window (checked by mypy where the window
lists its tabs, and by tests/ui/common/test_tab_contract.py)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance


class AreaTab(Protocol):
    """What the window asks of the Target, Journal, Plan and Interview tabs.

    A tab is built over the few services it uses (never the whole container) and talks back only
    through its signals; wiring one tab to another happens in ``MainWindow._wire_tabs``.
    """

    @property
    def status_message(self) -> SignalInstance:
        """Emits a line (str) for the status bar."""

    @property
    def journal_written(self) -> SignalInstance:
        """Emitted when the tab wrote to the journal (the outside-change watch then skips it)."""

    def reload(self) -> None:
        """Read what the tab shows from the journal again."""

    def refresh(self) -> None:
        """After a change made outside the tab: read again, keeping what is being typed."""

    def leave(self) -> bool:
        """The person moves away (another tab, closing): keep what is typed; False if it could not be."""
