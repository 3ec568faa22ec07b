"""Keeps PySide6's check of each newly imported module from holding that module's source in memory."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType
from typing import Any

import PySide6  # noqa: F401  (importing it installs the import hook tamed here)

FEATURE_MODULE = "PySide6.support.feature"
_MARK = "_fikadesk_forgets_sources"


def forget_import_sources() -> bool:
    """Make PySide6's per-import check drop the source it read; True if installed now.

    Once PySide6 is imported, every module imported after it is checked for ``from __feature__``
    by reading its whole source with ``inspect.getsource``, which leaves every line of every such
    module (all of SQLAlchemy, pydantic, fikadesk...) in ``linecache``: about 29 MiB that stay for
    the life of the window. The check is wrapped so its answer is unchanged, and the source it
    added is dropped again (a traceback reads it back from the file when needed). Without that
    hook (another PySide6 version) nothing is changed.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(check) or getattr(check, _MARK, False):
        return False

    def checked(module: ModuleType) -> Any:
        name = getattr(module, "__file__", None)
        was_cached = name in linecache.cache
        try:
            return check(module)
        finally:
            if name and not was_cached:
                linecache.cache.pop(name, None)

    setattr(checked, _MARK, True)
    feature._mod_uses_pyside = checked  # type: ignore[attr-defined]
    return True
