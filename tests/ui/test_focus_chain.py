"""Every tab can be walked with the Tab key, and every stop has an accessible name."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QTabWidget, QWidget


def _focusable(widget: QWidget) -> bool:
    return (bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisibleTo(widget.window())
            and widget.isEnabled() and widget.isVisible())


def _owner(widget: QWidget) -> QWidget:
    """The widget that carries the name: a combo's or spin box's line edit, a tab widget's bar."""
    parent = widget.parentWidget()
    if parent is not None and isinstance(parent, (QComboBox, QAbstractSpinBox, QTabWidget)):
        return parent
    return widget


def _tab_chain(window) -> list[QWidget]:
    start = window.tabs.tabBar()
    chain, widget = [], start.nextInFocusChain()
    while widget is not start and len(chain) < 500:
        if _focusable(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def test_every_tab_is_walked_and_every_stop_is_named(window, qtbot):
    assert window.tabs.count() >= 1
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        qtbot.wait(10)
        chain = _tab_chain(window)
        in_page = [w for w in chain if page.isAncestorOf(w)]
        expected = [w for w in page.findChildren(QWidget) if _focusable(w)]
        assert expected, f"tab {window.tabs.tabText(index)} has nothing to reach by keyboard"
        missing = [w.objectName() or type(w).__name__ for w in expected if w not in in_page]
        assert missing == [], f"not reached with Tab on {window.tabs.tabText(index)}"
        unnamed = [w.objectName() or type(w).__name__ for w in in_page if not _owner(w).accessibleName()]
        assert unnamed == [], f"no accessible name on {window.tabs.tabText(index)}"


def test_the_tab_bar_itself_is_named_and_reachable(window):
    assert window.tabs.accessibleName() == "Areas"
    assert window.tabs.tabBar().focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_open_editor_is_walked_too(window, qtbot):
    window.journal_tab.new_entry()
    qtbot.wait(10)
    page = window.journal_tab
    chain = [w for w in _tab_chain(window) if page.isAncestorOf(w)]
    names = [w.objectName() for w in chain]
    assert len(names) > 7
    expected = [w for w in page.findChildren(QWidget) if _focusable(w)]
    assert [w.objectName() for w in expected if w not in chain] == []
    assert [n for w, n in zip(chain, names, strict=True) if not _owner(w).accessibleName()] == []
