"""The journal's key/value facts (the ``meta`` table): preferences and other small settings."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection


def meta_value(conn: Connection, key: str) -> str | None:
    """The value kept under ``key``, or None."""
    row = conn.execute(text("SELECT value FROM meta WHERE key = :k"), {"k": key}).first()
    return None if row is None else str(row[0])


def meta_values(conn: Connection, prefix: str) -> dict[str, str]:
    """Every key starting with ``prefix`` (compared as SQL LIKE does; no wildcards in it) with its
    value, in key order."""
    rows = conn.execute(text("SELECT key, value FROM meta WHERE key LIKE :p ORDER BY key"),
                        {"p": prefix + "%"}).all()
    return {str(k): str(v) for k, v in rows}


def set_meta_value(conn: Connection, key: str, value: str) -> None:
    """Keep ``value`` under ``key`` (replacing what was there)."""
    conn.execute(text("INSERT INTO meta(key, value) VALUES (:k, :v) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})
