"""Shared test setup: offscreen Qt before any Qt import, and a fresh journal per test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from fikadesk.services.container import Services, build_services  # noqa: E402
from fikadesk.storage.engine import open_database  # noqa: E402

FIXED_NOW = datetime(2026, 11, 20, 10, 0)
pytest_plugins = ["tests.speech_fixtures"]  # synthetic spoken takes, made once per run


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user data folder into a temporary folder, so no test touches real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.delenv("FIKADESK_DB", raising=False)
    return home


@pytest.fixture
def fixed_now() -> datetime:
    """The moment every clock in a test reports."""
    return FIXED_NOW


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """A fresh, fully migrated journal file made through the real opening path (closed again)."""
    path = tmp_path / "journal.fikadesk"
    open_database(path).close()
    return path


@pytest.fixture
def services(journal_path: Path, fixed_now: datetime) -> Iterator[Services]:
    """The services of a fresh journal whose clock always says ``fixed_now``."""
    built = build_services(journal_path, clock=lambda: fixed_now)
    try:
        yield built
    finally:
        built.close()
