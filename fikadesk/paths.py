"""Where fikadesk keeps things: the journal file, its data folder and the bundled resources."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import platformdirs

from fikadesk.errors import StorageError

APP_NAME = "fikadesk"
JOURNAL_FILENAME = "journal.fikadesk"
ENV_DB = "FIKADESK_DB"
LOCATION_FILENAME = "journal-location.json"


def data_dir() -> Path:
    """Return the per-user data folder (not created)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_journal_path() -> Path:
    """Return the default journal file inside the user data folder."""
    return data_dir() / JOURNAL_FILENAME


class MovedJournalMissingError(StorageError):
    """The journal was moved to a place where it is not now: a drive or network folder that is
    not connected. Nothing may make a new, empty journal there (its writes would hide under the
    drive once it is back, or be lost)."""

    def __init__(self, journal: Path) -> None:
        super().__init__(
            f"Your journal was moved to {journal}, and it is not there now. If it is on a drive or "
            "a network folder that is not connected, connect it and try again; nothing was created "
            "or changed. To use another journal, give its place with --db.")
        self.journal = journal


def resolve_journal_path(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """Pick the journal path: ``--db`` first, then ``FIKADESK_DB``, then where the journal was
    moved to (see ``journal_location``), then the default.

    Raises MovedJournalMissingError when the journal was moved to a place it is not now.
    """
    env = os.environ if environ is None else environ
    raw = cli_value or env.get(ENV_DB) or ""
    if raw.strip():
        return Path(raw).expanduser().absolute()
    moved = journal_location().journal
    if moved is None:
        return default_journal_path()
    if not moved.exists():
        raise MovedJournalMissingError(moved)
    return moved


class JournalLocation(NamedTuple):
    """The one record of where the journal lives after a move, shared by the window and the CLI.

    ``journal``: the moved default journal (None: it is at the default path). ``moves``: each
    path a journal was moved away from, with where it lives now; nothing may create a new
    journal at such a path by accident.
    """

    journal: Path | None = None
    moves: tuple[tuple[Path, Path], ...] = ()

    def moved_to(self, old: Path) -> Path | None:
        """Where the journal that used to be at ``old`` lives now; None if it was not moved away."""
        return dict(self.moves).get(old.absolute())


def location_file() -> Path:
    """The small file in the user config folder that records where the journal was moved to."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / LOCATION_FILENAME


def journal_location() -> JournalLocation:
    """Read the journal's recorded location; an absent or unreadable record means "not moved"."""
    try:
        text = location_file().read_text(encoding="utf-8")
    except (OSError, ValueError):
        return JournalLocation()
    import json  # here, not at the top: most start-ups find no record and need no parser

    try:
        raw = json.loads(text)
    except ValueError:
        return JournalLocation()
    if not isinstance(raw, dict):
        return JournalLocation()
    journal = raw.get("journal")
    moves = raw.get("moves")
    pairs = tuple((Path(old), Path(new)) for old, new in moves.items()
                  if isinstance(new, str)) if isinstance(moves, dict) else ()
    return JournalLocation(Path(journal) if isinstance(journal, str) and journal else None, pairs)


def record_move(old: Path, new: Path) -> JournalLocation:
    """Record that the journal at ``old`` now lives at ``new`` (atomically: write, fsync, rename).

    When ``old`` is the journal every entry point opens by default, ``new`` becomes that default.
    """
    import contextlib
    import json
    import tempfile

    old, new = old.absolute(), new.absolute()
    current = journal_location()
    is_default = old == (current.journal or default_journal_path())
    journal = current.journal if not is_default else (None if new == default_journal_path() else new)
    moves = tuple((was, new if now == old else now) for was, now in current.moves
                  if was not in (old, new)) + ((old, new),)
    location = JournalLocation(journal, moves)
    target = location_file()
    ensure_private_dir(target.parent)
    text = json.dumps({"journal": str(journal) if journal else None,
                       "moves": {str(was): str(now) for was, now in moves}}, indent=1)
    fd, temp = tempfile.mkstemp(prefix=".location-", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return location


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` (and parents) so that the folders fikadesk creates are 0700."""
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700, exist_ok=True)
        os.chmod(created, 0o700)


def resources_dir() -> Path:
    """Return the folder of runtime resources (ladders, question banks, icons, templates).

    In an installed wheel the top-level ``resources/`` folder is mapped to
    ``fikadesk/resources``; in a source checkout it sits beside the package.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "resources"
    if packaged.is_dir():
        return packaged
    return here.parent / "resources"


def recordings_dir(journal: Path) -> Path:
    """Where the kept recordings of spoken rehearsal takes live: a private folder beside the journal."""
    return journal.with_name(journal.name + "-recordings")
