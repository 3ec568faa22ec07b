"""PySide6's check of each imported module must not keep that module's source in memory."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import fikadesk.ui  # noqa: F401  (importing the ui package installs the wrapper)
from fikadesk.ui.shell.import_sources import FEATURE_MODULE, forget_import_sources


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path for throw-away modules, removed from sys.modules afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        del sys.modules[name]


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(f'"""A throw-away module."""\n{body}\n', encoding="utf-8")
    return path


def test_the_ui_package_installs_the_wrapper_once() -> None:
    feature = sys.modules[FEATURE_MODULE]
    assert getattr(feature._mod_uses_pyside, "_fikadesk_forgets_sources", False)
    assert forget_import_sources() is False  # already there: not wrapped twice


def test_a_module_imported_later_leaves_no_source_behind(module_dir: Path) -> None:
    plain = _write(module_dir, "fd_probe_plain", "VALUE = 1")
    qt = _write(module_dir, "fd_probe_qt", "import PySide6.QtCore")
    __import__("fd_probe_plain")  # through builtins.__import__, where PySide6's hook sits
    __import__("fd_probe_qt")
    assert str(plain) not in linecache.cache
    assert str(qt) not in linecache.cache
    # PySide6's own answer is unchanged: a module that uses PySide6 (0), one that does not (-1)
    answers = sys.modules[FEATURE_MODULE].pyside_feature_dict
    assert answers["fd_probe_qt"] == 0
    assert answers["fd_probe_plain"] == -1


def test_a_source_cached_before_the_import_stays_cached(module_dir: Path) -> None:
    path = _write(module_dir, "fd_probe_cached", "VALUE = 2")
    assert linecache.getlines(str(path))  # someone (a traceback, a debugger) read it already
    __import__("fd_probe_cached")
    assert str(path) in linecache.cache
    linecache.cache.pop(str(path), None)


def test_a_module_file_is_read_as_bytes_not_through_inspect(module_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import inspect
    from types import ModuleType

    real = inspect.getsource
    asked: list[str] = []

    def watched(obj: object) -> str:  # pytest itself reads sources through it too
        if getattr(obj, "__name__", "").startswith("fd_probe_"):
            asked.append(obj.__name__)  # type: ignore[attr-defined]
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", watched)
    check = sys.modules[FEATURE_MODULE]._mod_uses_pyside
    mentions = _write(module_dir, "fd_probe_mentions", "# works beside PySide6, imports nothing of it")
    for path, expected in ((mentions, True), (_write(module_dir, "fd_probe_quiet", "X = 3"), False)):
        module = ModuleType(path.stem)
        module.__file__ = str(path)
        assert check(module) is expected
        assert str(path) not in linecache.cache
    assert asked == []  # inspect costs ~50 ms over the window's ~400 imports; the bytes ~5


def test_a_module_without_a_readable_file_gets_pyside6s_own_answer(tmp_path: Path) -> None:
    from types import ModuleType

    check = sys.modules[FEATURE_MODULE]._mod_uses_pyside
    gone = ModuleType("fd_probe_gone")
    gone.__file__ = str(tmp_path / "fd_probe_gone.py")  # a frozen app's modules have no file
    built_in = ModuleType("fd_probe_built_in")  # no __file__ at all
    assert check(gone) is False
    assert check(built_in) is False
