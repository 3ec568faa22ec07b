"""The one root of fikadesk's errors and its two kinds; every layer may import it (stdlib only).

Each error says in its message what happened and what to do, never journal text. The kind
tells a caller how to treat it without knowing the layer it came from:

- :class:`InputError`: what the person asked for or gave is wrong (a field, a file, an id, an
  option); nothing was changed. The command line exits with 2.
- :class:`StorageError`: the journal file, its disk, its lock or its version (and the files an
  installation ships) let fikadesk down; nothing was changed. The command line exits with 1.

An error class defined anywhere in fikadesk derives from one of the two (tests/test_architecture.py
checks it). Some also keep ``ValueError`` or ``RuntimeError`` as a second base, for code that
catches them as such.
"""

from __future__ import annotations


class FikadeskError(Exception):
    """Base of every error fikadesk reports to a person; its message is one line they can act on."""


class InputError(FikadeskError):
    """Something the person asked for or gave is wrong; nothing was changed (command line: exit 2)."""


class StorageError(FikadeskError):
    """The journal file, its disk, lock or version failed or refused; nothing was changed (exit 1)."""

