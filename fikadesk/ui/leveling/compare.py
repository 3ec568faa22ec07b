"""Two levels side by side: what the higher one asks for that the lower one does not."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fikadesk.domain.leveling.compare import pair_levels
from fikadesk.domain.leveling.stored import StoredLadder
from fikadesk.ui.leveling.models import LevelExpectationsModel


class _WrappedRows(QStyledItemDelegate):
    """Measures each row at the width the list really paints it, so wrapped text is never cut.

    Qt's own measure of a wrapped row can assume a wider text area than the one it then paints
    into, which left expectations ending in "…" above an empty band.
    """

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt override
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1
        width = max(40, self._view.viewport().width() - 2 * self._view.spacing() - 2 * margin - 4)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 1_000_000),
                                            int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(width, text.height() + 2 * margin)


def _list(name: str, accessible: str) -> QListView:
    view = QListView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setWordWrap(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSpacing(2)
    # Rows are measured again whenever the width changes (a scroll bar appearing included).
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setItemDelegate(_WrappedRows(view))
    return view


class ComparePanel(QWidget):
    """Pick two levels; the right list says what is new and what grew from the left one."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ladder: StoredLadder | None = None
        self.lower_combo = QComboBox()
        self.lower_combo.setObjectName("compare_lower_combo")
        self.lower_combo.setAccessibleName("Compare from level")
        self.lower_combo.setToolTip("The level to compare from, usually your current one")
        self.upper_combo = QComboBox()
        self.upper_combo.setObjectName("compare_upper_combo")
        self.upper_combo.setAccessibleName("Compare with level")
        self.upper_combo.setToolTip("The level to compare with, usually your target")
        self.lower_model = LevelExpectationsModel(self)
        self.upper_model = LevelExpectationsModel(self)
        self.lower_view = _list("compare_lower_list", "Expectations of the lower level")
        self.lower_view.setModel(self.lower_model)
        self.upper_view = _list("compare_upper_list", "Expectations of the higher level")
        self.upper_view.setModel(self.upper_model)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("compare_summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.lower_combo, 0, 0)
        grid.addWidget(self.upper_combo, 0, 1)
        grid.addWidget(self.lower_view, 1, 0)
        grid.addWidget(self.upper_view, 1, 1)
        grid.addWidget(self.summary_label, 2, 0, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 2)  # the higher level, with what changed, gets more room
        grid.setColumnStretch(1, 3)
        self.lower_combo.activated.connect(lambda _i: self.refresh())
        self.upper_combo.activated.connect(lambda _i: self.refresh())

    def set_ladder(self, ladder: StoredLadder | None, lower: str = "", upper: str = "") -> None:
        """Show a ladder's levels, comparing ``lower`` with ``upper`` (names)."""
        self._ladder = ladder
        names = [lv.name for lv in ladder.levels] if ladder else []
        for combo, wanted, fallback in ((self.lower_combo, lower, 0),
                                        (self.upper_combo, upper, 1)):
            combo.clear()
            combo.addItems(names)
            if names:
                combo.setCurrentIndex(names.index(wanted) if wanted in names
                                      else min(fallback, len(names) - 1))
        self.refresh()

    def refresh(self) -> None:
        ladder = self._ladder
        lower, upper = self.lower_combo.currentText(), self.upper_combo.currentText()
        shown = ladder is not None and bool(lower) and bool(upper)
        for widget in (self.lower_view, self.upper_view, self.lower_combo, self.upper_combo):
            widget.setVisible(shown)
        self._grid.setRowStretch(1, 1 if shown else 0)
        self._grid.setRowStretch(3, 0 if shown else 1)
        if ladder is None or not lower or not upper:
            self.lower_model.set_rows([])
            self.upper_model.set_rows([])
            self.summary_label.setText(
                "Once you pick a ladder, choose two of its levels here to see what the higher "
                "one asks for that the lower one does not.")
            return
        plain = ladder.to_ladder()
        changes = pair_levels(plain, lower, upper)
        self.lower_model.set_rows([(e.dimension, e.text, "", "", "")
                                   for e in plain.level(lower).expectations])
        order = {"new": 0, "changed": 1, "same": 2}
        rows = [(c.expectation.dimension, c.expectation.text, c.kind, c.change,
                 c.was.text if c.was else "")
                for c in sorted(changes, key=lambda c: order[c.kind])]
        self.upper_model.set_rows(rows)
        counts = {kind: sum(c.kind == kind for c in changes) for kind in order}
        parts = [text for kind, text in (
            ("new", f"{counts['new']} new (listed first)"),
            ("changed", f"{counts['changed']} grown from one of {lower} (under each, the "
                        "words that changed or the older wording)"),
            ("same", f"{counts['same']} the same as in {lower}")) if counts[kind]]
        self.summary_label.setText(
            f"Of the {len(changes)} expectations of {upper}: {', '.join(parts)}." if parts
            else f"{upper} lists no expectations yet.")
