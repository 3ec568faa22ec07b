"""Export the whole journal to the open fikadesk format and import it back, all or nothing."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fikadesk import __version__
from fikadesk.domain.journal.outside import OutsideEntry
from fikadesk.services.transfer.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    PREFERENCE_PREFIX,
    SOFT_REFERENCES,
    TransferError,
    carried_tables,
    check_document,
    column_specs,
    preferences_of,
    to_json_value,
)
from fikadesk.services.transfer.outside import OutsideImport, add_outside_entries
from fikadesk.services.transfer.rules import check_rules
from fikadesk.services.values import Clock, now
from fikadesk.storage.backup import make_backup
from fikadesk.storage.engine import Database
from fikadesk.storage.repositories import transfer as repo
from fikadesk.storage.repositories.meta import meta_values, set_meta_value

MAX_FILE_BYTES = 512 * 1024 * 1024
# Tables whose rows are matched by name rather than added again when the journal has them.
NATURAL_KEYS = {"tag": "name"}


@dataclass(frozen=True)
class ImportPlan:
    """What an import adds, per table, and what it leaves as it is."""

    added: dict[str, int]
    kept_ids: bool
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """One readable paragraph: what was (or would be) added."""
        parts = [f"{count} {name.replace('_', ' ')} row{'s' if count != 1 else ''}"
                 for name, count in self.added.items() if count]
        said = ", ".join(parts) if parts else "nothing"
        return " ".join([f"Adds {said}.", *self.notes])


class TransferService:
    """Full export and import of one journal; each public method is one transaction."""

    def __init__(self, db: Database, clock: Clock = now) -> None:
        self._db = db
        self._now = clock

    # -- export --------------------------------------------------------------------------------
    def export_document(self) -> dict[str, Any]:
        """Everything in the journal as one JSON-ready object (see resources/schema/)."""
        with self._db.read() as conn:
            data = {
                table.name: [{k: to_json_value(v) for k, v in row.items()}
                             for row in repo.table_rows(conn, table, [s.name for s in column_specs(table)])]
                for table in carried_tables()
            }
            prefs = meta_values(conn, PREFERENCE_PREFIX)
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                "exported_by": f"fikadesk {__version__}",
                "exported_at": self._now().isoformat(sep=" "),
                "preferences": prefs, "tables": data}

    def export_json(self) -> str:
        """The export as JSON text (UTF-8, stable key order, one row object per line block)."""
        return json.dumps(self.export_document(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def export_csv(self) -> str:
        """Live entries, one row each, for spreadsheets: tags, links and expectations in own columns."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["id", "date", "title", "body", "impact", "starred", "private", "revisit_on",
                         "tags", "links", "expectation_ids", "expectations"])
        with self._db.read() as conn:
            rows, tags, links, expectations = repo.csv_entries(conn)
        for row in rows:
            linked = [item.split("\x1f", 1) for item in expectations.get(row.id, [])]
            writer.writerow([row.id, row.day, row.title, row.body, row.impact,
                             "yes" if row.starred else "no", "yes" if row.private else "no",
                             row.revisit_on or "", "; ".join(tags.get(row.id, [])),
                             " ".join(links.get(row.id, [])), " ".join(i for i, _ in linked),
                             " | ".join(t for _, t in linked)])
        return out.getvalue()

    # -- import --------------------------------------------------------------------------------
    def import_document(self, document: Any, *, dry_run: bool = False) -> ImportPlan:
        """Check ``document`` whole, then add it to the journal in one transaction.

        Into an empty journal, ids are kept, so a round trip is exact. Into a journal that has
        data, every row gets a new id (links follow), tags with a name already present are
        shared, and an existing target is kept. A backup is made first. ``dry_run`` checks and
        counts, and changes nothing.
        """
        rows = check_document(document)
        check_rules(rows)
        prefs = preferences_of(document)
        if dry_run:
            with self._db.read() as conn:
                return _load(conn, rows, prefs, write=False,
                             today=self._now().date())
        make_backup(self._db.path, "before-import", folder=self._db.backup_dir)
        with self._db.write() as conn:
            return _load(conn, rows, prefs, write=True, today=self._now().date())

    def import_outside(self, found: Sequence[OutsideEntry], *, dry_run: bool = False) -> OutsideImport:
        """Add entries read from jrnl or a markdown brag document; the same one is never added twice."""
        return add_outside_entries(self._db, found, dry_run=dry_run)

    def import_file(self, path: Path, *, dry_run: bool = False) -> ImportPlan:
        """Read a fikadesk export file and import it (see :meth:`import_document`)."""
        return self.import_document(read_json_file(path), dry_run=dry_run)


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file to import, with readable messages for the ways it can be wrong."""
    try:
        if path.is_dir():
            raise TransferError(f"{path}: is a folder, not a file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TransferError(f"{path.name}: the file is larger than {MAX_FILE_BYTES // 2**20} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise TransferError(f"{path}: cannot be read ({exc.strerror})") from None
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TransferError(f"{path.name}: a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TransferError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None


def read_json_file(path: Path) -> Any:
    """Read and parse a JSON file, with readable messages for the ways it can be wrong."""
    raw = read_text_file(path)
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise TransferError(f"{path.name}: not valid JSON at line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg}") from None
    except RecursionError:
        raise TransferError(f"{path.name}: nested too deeply to be a fikadesk export") from None


def _load(conn: Connection, rows: dict[str, list[dict[str, Any]]], prefs: dict[str, str],
          write: bool, today: date) -> ImportPlan:
    """Insert (or, without ``write``, only count) the checked rows, remapping ids and links.

    The journal's own open plan stays the one being worked on: an open plan from the file
    joins the history, closed ``today``."""
    keep_ids = repo.is_empty(conn, carried_tables())
    maps: dict[str, dict[int, int]] = {}
    added: dict[str, int] = {}
    notes: list[str] = []
    has_target, has_plan = repo.has_target(conn), repo.has_open_plan(conn)
    for table in carried_tables():
        specs = [s for s in column_specs(table) if s.references]
        own = maps.setdefault(table.name, {})
        added[table.name] = 0
        if table.name == "target" and has_target and rows[table.name]:
            notes.append("Your current target is kept; the file's target was not imported.")
            continue
        for index, row in enumerate(rows[table.name]):
            values = dict(row)
            if table.name == "plan" and has_plan and values.get("closed_on") is None:
                values["closed_on"] = today
                notes.append("Your current plan stays the one you work on; the file's plan is "
                             "kept in the plan history.")
            for spec in specs:
                old = values.get(spec.name)
                if old is None:
                    continue
                ref = maps.get(str(spec.references), {})
                if old in ref:
                    values[spec.name] = ref[old]
                elif (table.name, spec.name) in SOFT_REFERENCES:
                    values[spec.name] = None
                else:
                    raise TransferError(f"$.tables.{table.name}[{index}].{spec.name}: refers to "
                                        f"{spec.references} {old}, which the file does not hold")
            if "id" in row and row["id"] in own:
                raise TransferError(f"$.tables.{table.name}[{index}].id: {row['id']} appears twice")
            new_id, is_new = _insert(conn, table, values, keep_ids, write)
            if "id" in row:
                own[row["id"]] = row["id"] if new_id is None else new_id
            added[table.name] += int(is_new)
    if write:
        for key, value in prefs.items():
            set_meta_value(conn, key, value)
        repo.index_entries(conn, list(maps.get("entry", {}).values()))
    if prefs:
        notes.append("Preferences from the file replace yours.")
    return ImportPlan(added=added, kept_ids=keep_ids, notes=tuple(dict.fromkeys(notes)))


def _insert(conn: Connection, table: sa.Table, values: dict[str, Any], keep_ids: bool,
            write: bool) -> tuple[int | None, bool]:
    """Insert one row (or only decide, without ``write``): its id in the journal, and if it is new.

    The id is None where the table has none, or when nothing was written.
    """
    key = NATURAL_KEYS.get(table.name)
    if key:
        found = repo.find_by(conn, table, key, values[key])
        if found is not None:
            return found, False
    if not write:
        return None, True
    if not keep_ids:
        values = {k: v for k, v in values.items() if k != "id"}
    return repo.insert_row(conn, table, values)
