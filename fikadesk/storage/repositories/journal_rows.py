"""Reading whole journal entries (with tags and links) for a set of ids chosen by a query."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

from fikadesk.domain.journal.entries import Entry
from fikadesk.storage.repositories.journal_queries import entries_from_rows, entry_sql


def load_entries(conn: Any, chosen: str, params: Mapping[str, object]) -> dict[int, Entry]:
    """The entries whose ids the SELECT ``chosen`` gives, with their tags and links, by id."""
    heads, tags, urls = (conn.execute(text(sql), params).all() for sql in entry_sql(chosen))
    return entries_from_rows(heads, tags, urls)
