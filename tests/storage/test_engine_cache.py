"""Every connection to a journal caps SQLite's page cache (memory of the window at 100k entries)."""

from __future__ import annotations

from pathlib import Path

from fikadesk.storage import engine as engine_module
from fikadesk.storage.engine import make_engine, open_database


def test_writable_connections_cap_the_page_cache(journal_path: Path) -> None:
    db = open_database(journal_path)
    raws = [db.engine.raw_connection() for _ in range(2)]
    try:
        for raw in raws:
            assert raw.cursor().execute("PRAGMA cache_size").fetchone()[0] == -engine_module.CACHE_KIB
    finally:
        for raw in raws:
            raw.close()
        db.close()


def test_read_only_connections_cap_the_page_cache(journal_path: Path) -> None:
    engine = make_engine(journal_path, read_only=True)
    raw = engine.raw_connection()
    try:
        assert raw.cursor().execute("PRAGMA cache_size").fetchone()[0] == -engine_module.CACHE_KIB
    finally:
        raw.close()
        engine.dispose()

