"""The services' own input errors, in a module light enough for the command line to load first."""

from __future__ import annotations

from fikadesk.errors import InputError


class BriefError(InputError, ValueError):
    """A brief that cannot be written from what the journal holds; the message says why."""


class PlanError(InputError, ValueError):
    """A plan request that cannot be done (no plan yet, an unknown item); the message says why."""


class TransferError(InputError, ValueError):
    """A file that cannot be imported; the message names the place in the file and why."""
