"""Reading whole journal entries (with tags and links) for a set of ids chosen by a query."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

from fikadesk.domain.journal.entries import Entry
from fikadesk.storage.values import as_date, as_datetime


def load_entries(conn: Any, chosen: str, params: Mapping[str, object]) -> dict[int, Entry]:
    """The entries whose ids the SELECT ``chosen`` gives, with their tags and links, by id."""
    heads = conn.execute(text(
        "SELECT id, day, title, body, impact, starred, revisit_on, private, created_at, "
        f"updated_at, deleted_at FROM entry WHERE id IN ({chosen})"), params).all()
    tags = conn.execute(text(
        "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
        f"WHERE et.entry_id IN ({chosen}) ORDER BY t.name"), params).all()
    urls = conn.execute(text(
        f"SELECT entry_id, url FROM entry_link WHERE entry_id IN ({chosen}) "
        "ORDER BY position, id"), params).all()
    tags_of: dict[int, list[str]] = {}
    for entry_id, name in tags:
        tags_of.setdefault(int(entry_id), []).append(str(name))
    urls_of: dict[int, list[str]] = {}
    for entry_id, url in urls:
        urls_of.setdefault(int(entry_id), []).append(str(url))
    return {int(r[0]): Entry(
        id=int(r[0]), day=as_date(r[1]), title=str(r[2]), body=str(r[3]), impact=str(r[4]),
        tags=tuple(tags_of.get(int(r[0]), ())), starred=bool(r[5]),
        revisit_on=as_date(r[6]) if r[6] else None,
        links=tuple(urls_of.get(int(r[0]), ())), private=bool(r[7]),
        created_at=as_datetime(r[8]), updated_at=as_datetime(r[9]),
        deleted_at=as_datetime(r[10]) if r[10] else None) for r in heads}
