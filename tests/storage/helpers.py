"""Small helpers shared by the storage tests."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path


def mode(path: Path) -> int:
    """Return the permission bits of ``path``."""
    return stat.S_IMODE(path.stat().st_mode)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Return every file under ``folder`` with its bytes (None for folders)."""
    found: dict[str, bytes | None] = {}
    for item in sorted(folder.rglob("*")):
        found[str(item.relative_to(folder))] = None if item.is_dir() else item.read_bytes()
    return found


def raw_query(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Run one read-only query on ``path`` without fikadesk in the way."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def table_names(path: Path) -> set[str]:
    """Return the names of the tables in the database at ``path``."""
    return {str(r[0]) for r in raw_query(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
