"""A microphone level meter: how loud the last tenth of a second was, so the person sees the mic works."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QWidget

FLOOR_DB = -60.0


class LevelMeter(QProgressBar):
    """A bar from -60 dBFS (empty) to 0 dBFS (full)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speech_level_meter")
        self.setAccessibleName("Microphone level")
        self.setToolTip("How loud the microphone hears you; it should move as you speak")
        self.setRange(0, 100)
        self.setTextVisible(False)
        self.setMaximumHeight(14)
        self.set_level(FLOOR_DB)

    def set_level(self, db: float) -> None:
        """Show a level in dBFS."""
        share = (max(FLOOR_DB, min(0.0, db)) - FLOOR_DB) / -FLOOR_DB
        self.setValue(round(share * 100))
