"""Small helpers shared by the storage tests."""

from __future__ import annotations

import random
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fikadesk.domain.journal.entries import EntryDraft
    from fikadesk.services.journal.service import JournalService


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


def random_writes(journal: JournalService, journal_path: Path, rng: random.Random, steps: int,
                  draft: Callable[[random.Random, int], EntryDraft],
                  live: list[int]) -> Iterator[tuple[int, str]]:
    """Write to the journal at random (add, add_many, update, star, trash, restore, purge),
    yielding (step, kind of write) after each, for tests that compare kept state with a recount;
    ``live`` holds the ids of the entries not in the trash as the walk goes."""
    trashed: list[int] = []
    for step in range(steps):
        move = rng.choice(("add", "add", "update", "trash", "restore", "purge", "many", "star"))
        if move == "add" or not live and move in ("update", "trash", "star"):
            live.append(journal.add(draft(rng, step)).id)
        elif move == "many":
            before = {row[0] for row in raw_query(journal_path, "SELECT id FROM entry")}
            journal.add_many([draft(rng, step * 100 + k) for k in range(3)])
            live += [int(r[0]) for r in raw_query(journal_path, "SELECT id FROM entry")
                     if r[0] not in before]
        elif move == "update":
            journal.update(rng.choice(live), draft(rng, step))
        elif move == "star":
            entry = journal.get(rng.choice(live))
            journal.set_starred(entry.id, not entry.starred)
        elif move == "trash":
            victim = live.pop(rng.randrange(len(live)))
            journal.delete(victim)
            trashed.append(victim)
        elif move == "restore" and trashed:
            back = trashed.pop(rng.randrange(len(trashed)))
            journal.restore(back)
            live.append(back)
        elif move == "purge" and trashed:
            journal.purge([trashed.pop()])
        yield step, move


def downgrade_one(journal_path: Path) -> None:
    """Take the journal one migration back through Alembic (an older fikadesk's file)."""
    from alembic import command

    from fikadesk.storage import migrate
    from fikadesk.storage.engine import make_engine
    from fikadesk.storage.schema import REVISIONS

    engine = make_engine(journal_path)
    try:
        with engine.begin() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, REVISIONS[-2])
    finally:
        engine.dispose()
