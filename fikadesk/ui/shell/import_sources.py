"""Makes PySide6's check of each newly imported module cheap, and keeps it from holding the source."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType
from typing import Any

import PySide6  # noqa: F401  (importing it installs the import hook tamed here)

FEATURE_MODULE = "PySide6.support.feature"
_MARK = "_fikadesk_forgets_sources"


def forget_import_sources() -> bool:
    """Make PySide6's per-import check cheap and drop the source it read; True if installed now.

    Once PySide6 is imported, every module imported after it is checked for ``from __feature__``
    by reading its whole source with ``inspect.getsource`` and looking for "PySide6" in it. That
    left every line of every such module (all of SQLAlchemy, fikadesk...) in ``linecache``:
    about 29 MiB that stay for the life of the window; and it cost ~50 ms of CPU over the ~400
    modules the window loads (``inspect`` finds the file, decodes and splits it into lines),
    most on the thread that opens the journal, but competing for the interpreter with the
    window. The check is wrapped so its answer is unchanged: a module with a ``.py`` file is
    answered by looking for the same word in the file's bytes; any other (no file, a zip, a
    frozen app) goes to PySide6's own check, whose source is then dropped again (a traceback
    reads it back from the file when needed). Without that hook (another PySide6 version)
    nothing is changed.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(check) or getattr(check, _MARK, False):
        return False

    def checked(module: ModuleType) -> Any:
        name = getattr(module, "__file__", None)
        if isinstance(name, str) and name.endswith(".py"):
            try:
                with open(name, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass  # PySide6's own check says what it says of a file it cannot read
        was_cached = name in linecache.cache
        try:
            return check(module)
        finally:
            if name and not was_cached:
                linecache.cache.pop(name, None)

    setattr(checked, _MARK, True)
    feature._mod_uses_pyside = checked  # type: ignore[attr-defined]
    return True
