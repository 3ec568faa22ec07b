"""Adding entries read from other tools (jrnl, markdown brag documents), never twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fikadesk.domain.journal.outside import OutsideEntry
from fikadesk.storage.backup import make_backup
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories.journal import insert_entry
from fikadesk.storage.repositories.transfer import entry_keys


@dataclass(frozen=True)
class OutsideImport:
    """What adding entries from another tool did (or, in a dry run, would do)."""

    new: tuple[OutsideEntry, ...]
    already_there: int

    def summary(self) -> str:
        """One readable sentence."""
        count = len(self.new)
        said = f"{count} new entr{'y' if count == 1 else 'ies'}"
        if self.already_there:
            said += (f"; {self.already_there} already in the journal "
                     f"(same date, title and text) {'is' if self.already_there == 1 else 'are'} left out")
        return said + "."


def _key(day: object, title: str, body: str) -> tuple[str, str, str]:
    return (str(day), " ".join(title.split()).casefold(), body.strip())


def add_outside_entries(db: Database, found: Sequence[OutsideEntry], *,
                        dry_run: bool = False) -> OutsideImport:
    """Add ``found`` in one transaction (a backup first), leaving out entries already present."""
    with db.read() as conn:
        known = {_key(d, t, b) for d, t, b in entry_keys(conn)}
    new: list[OutsideEntry] = []
    for item in found:
        key = _key(item.draft.day.isoformat(), item.draft.title, item.draft.body)
        if key not in known:
            known.add(key)
            new.append(item)
    result = OutsideImport(tuple(new), len(found) - len(new))
    if dry_run or not new:
        return result
    make_backup(db.path, "before-import", folder=db.backup_dir)
    with db.write() as conn:
        for item in new:
            insert_entry(conn, item.draft, item.moment)
    return result
