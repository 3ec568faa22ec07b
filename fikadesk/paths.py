"""Where fikadesk keeps things: the journal file, its data folder and the bundled resources."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "fikadesk"
JOURNAL_FILENAME = "journal.fikadesk"
ENV_DB = "FIKADESK_DB"


def data_dir() -> Path:
    """Return the per-user data folder (not created)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_journal_path() -> Path:
    """Return the default journal file inside the user data folder."""
    return data_dir() / JOURNAL_FILENAME


def resolve_journal_path(cli_value: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """Pick the journal path: ``--db`` first, then ``FIKADESK_DB``, then the default."""
    env = os.environ if environ is None else environ
    raw = cli_value or env.get(ENV_DB) or ""
    if raw.strip():
        return Path(raw).expanduser().absolute()
    return default_journal_path()


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
