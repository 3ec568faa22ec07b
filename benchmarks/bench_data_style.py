"""Benchmark of the data-access styles a repository could use, against raw sqlite3, in one run.

The same three typical operations, written four ways over one journal file:

- ``raw``: the stdlib ``sqlite3`` module, no SQLAlchemy (the floor every ratio is taken to);
- ``text``: SQL text run on a SQLAlchemy ``Connection`` (``text(...)``);
- ``core``: SQLAlchemy Core statements built over the SQLModel tables' ``__table__``;
- ``orm``: SQLModel sessions with ``select(Row)`` and ``session.add``.

Operations: the journal list's first 200 live entries with their tags; the 1:1 thread of a
plan (the active plan, every check-in with its talking points, every follow-up); 1000 new
entries with tags in one transaction (rolled back, so every run writes into the same file).

    python benchmarks/bench_data_style.py [--entries 5000] [--repeat 15] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlmodel import Session, col, select  # noqa: E402

from benchmarks.bench_journal import TODAY, _drafts, _measure  # noqa: E402
from fikadesk.domain.plan.records import CheckIn, FollowUp, Plan  # noqa: E402
from fikadesk.services.journal.service import JournalService  # noqa: E402
from fikadesk.services.plan.service import PlanService  # noqa: E402
from fikadesk.storage.engine import Database, open_database  # noqa: E402
from fikadesk.storage.tables import EntryRow, EntryTagRow, TagRow  # noqa: E402
from fikadesk.storage.tables_plan import (  # noqa: E402
    PlanCheckinRow,
    PlanFollowupRow,
    PlanRow,
    PlanTalkingPointRow,
)
from fikadesk.storage.values import as_date  # noqa: E402

NOW = datetime(2026, 11, 20, 10, 0)
# SQLModel types the journal's datetime columns (entry.created_at...) as UTCDateTime, which refuses
# the naive local times fikadesk stores; Core and the ORM are given an aware one (rolled back anyway)
AWARE = NOW.replace(tzinfo=UTC)
LIST_SQL = ("SELECT id, day, title, starred FROM entry WHERE deleted_at IS NULL "
            "ORDER BY day DESC, id DESC LIMIT 200")
ENTRY_INSERT = ("INSERT INTO entry (day, title, body, impact, starred, private, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
Rows = list[tuple[Any, ...]]


def build(path: Path, entries: int) -> tuple[Database, list[dict[str, Any]], dict[str, int]]:
    """A journal with ``entries`` entries and a plan thread of 30 check-ins; the entries to insert."""
    db = open_database(path)
    JournalService(db, clock=lambda: NOW).add_many(list(_drafts(entries)))
    plan = PlanService(db, clock=lambda: NOW)
    plan.start(Plan("Staff engineer", TODAY + timedelta(days=200), "Ada"))
    for week in range(30):
        day = TODAY - timedelta(days=7 * (30 - week))
        checkin = CheckIn(None, day, (f"point {week}a", f"point {week}b", f"point {week}c"),
                          notes="Talked about scope.")
        plan.save_checkin(checkin, (FollowUp(None, 0, f"do {week}", "me", day + timedelta(days=7)),
                                    FollowUp(None, 0, f"ask {week}", "manager")))
    with db.read() as conn:
        found = conn.exec_driver_sql("SELECT id, name FROM tag")
        tag_ids = {str(n): int(i) for i, n in found}
    new = [{"day": d.day.isoformat(), "title": d.title, "body": d.body, "impact": d.impact,
            "starred": d.starred, "tags": [tag_ids[t] for t in d.tags]}
           for d in _drafts(1000, seed=11)]
    return db, new, tag_ids


def _group(pairs: Rows) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    for key, value in pairs:
        found.setdefault(int(key), []).append(value)
    return found


# -- raw sqlite3 ---------------------------------------------------------------------------------
def raw_list(conn: sqlite3.Connection) -> Rows:
    """The first page with tags, through the stdlib module."""
    rows = conn.execute(LIST_SQL).fetchall()
    marks = ",".join(str(int(r[0])) for r in rows)
    tags = _group(conn.execute("SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
                               f"WHERE et.entry_id IN ({marks}) ORDER BY t.name").fetchall())
    return [(r[0], as_date(r[1]), r[2], bool(r[3]), tuple(tags.get(r[0], ()))) for r in rows]


def raw_thread(conn: sqlite3.Connection) -> Rows:
    """The plan with its check-ins, talking points and follow-ups, through the stdlib module."""
    plan = conn.execute("SELECT * FROM plan WHERE closed_on IS NULL ORDER BY id DESC LIMIT 1").fetchone()
    points = _group(conn.execute("SELECT checkin_id, text FROM plan_talking_point "
                                 "ORDER BY checkin_id, position").fetchall())
    follow = _group(conn.execute("SELECT checkin_id, text FROM plan_followup ORDER BY id").fetchall())
    return [(plan[0], r[0], as_date(r[1]), tuple(points.get(r[0], ())), tuple(follow.get(r[0], ())))
            for r in conn.execute("SELECT id, day, notes FROM plan_checkin ORDER BY day, id")]


def raw_insert(conn: sqlite3.Connection, new: list[dict[str, Any]]) -> None:
    """1000 entries with tags in one transaction, rolled back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for e in new:
            entry_id = conn.execute(ENTRY_INSERT, (e["day"], e["title"], e["body"], e["impact"],
                                                   e["starred"], NOW, NOW)).lastrowid
            conn.executemany("INSERT INTO entry_tag (entry_id, tag_id) VALUES (?, ?)",
                             [(entry_id, t) for t in e["tags"]])
    finally:
        conn.execute("ROLLBACK")


# -- SQL text on a SQLAlchemy connection -----------------------------------------------------------
def text_list(db: Database) -> Rows:
    """The first page with tags, as SQL text."""
    with db.read() as conn:
        rows = conn.execute(text(LIST_SQL)).all()
        tags = _group(conn.execute(text(
            "SELECT et.entry_id, t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id "
            "WHERE et.entry_id IN :ids ORDER BY t.name").bindparams(sa.bindparam("ids", expanding=True)),
            {"ids": [int(r[0]) for r in rows]}).all())
    return [(r[0], as_date(r[1]), r[2], bool(r[3]), tuple(tags.get(r[0], ()))) for r in rows]


def text_thread(db: Database) -> Rows:
    """The plan's thread, as SQL text."""
    with db.read() as conn:
        plan = conn.execute(text("SELECT * FROM plan WHERE closed_on IS NULL "
                                 "ORDER BY id DESC LIMIT 1")).first()
        points = _group(conn.execute(text("SELECT checkin_id, text FROM plan_talking_point "
                                          "ORDER BY checkin_id, position")).all())
        follow = _group(conn.execute(text("SELECT checkin_id, text FROM plan_followup ORDER BY id")).all())
        rows = conn.execute(text("SELECT id, day, notes FROM plan_checkin ORDER BY day, id")).all()
    assert plan is not None
    return [(plan[0], r[0], as_date(r[1]), tuple(points.get(r[0], ())), tuple(follow.get(r[0], ())))
            for r in rows]


def text_insert(db: Database, new: list[dict[str, Any]]) -> None:
    """1000 entries with tags, as SQL text, rolled back."""
    with Session(db.engine) as session, session.begin():
        conn = session.connection()
        insert = text("INSERT INTO entry (day, title, body, impact, starred, private, created_at, "
                      "updated_at) VALUES (:day, :title, :body, :impact, :starred, 0, :now, :now)")
        tag = text("INSERT INTO entry_tag (entry_id, tag_id) VALUES (:e, :t)")
        for e in new:
            entry_id = conn.execute(insert, e | {"now": NOW}).lastrowid
            if e["tags"]:
                conn.execute(tag, [{"e": entry_id, "t": t} for t in e["tags"]])
        session.rollback()


# -- Core over the SQLModel tables -------------------------------------------------------------------
ENTRY, ENTRY_TAG, TAG = EntryRow.__table__, EntryTagRow.__table__, TagRow.__table__  # type: ignore[attr-defined]
CHECKIN, POINT = PlanCheckinRow.__table__, PlanTalkingPointRow.__table__  # type: ignore[attr-defined]
FOLLOWUP, PLAN = PlanFollowupRow.__table__, PlanRow.__table__  # type: ignore[attr-defined]


def core_list(db: Database) -> Rows:
    """The first page with tags, as Core statements."""
    with db.read() as conn:
        rows = conn.execute(sa.select(ENTRY.c.id, ENTRY.c.day, ENTRY.c.title, ENTRY.c.starred)
                            .where(ENTRY.c.deleted_at.is_(None))
                            .order_by(ENTRY.c.day.desc(), ENTRY.c.id.desc()).limit(200)).all()
        tags = _group(conn.execute(sa.select(ENTRY_TAG.c.entry_id, TAG.c.name)
                                   .join(TAG, TAG.c.id == ENTRY_TAG.c.tag_id)
                                   .where(ENTRY_TAG.c.entry_id.in_([int(r[0]) for r in rows]))
                                   .order_by(TAG.c.name)).all())
    return [(r[0], as_date(r[1]), r[2], bool(r[3]), tuple(tags.get(r[0], ()))) for r in rows]


def core_thread(db: Database) -> Rows:
    """The plan's thread, as Core statements."""
    with db.read() as conn:
        plan = conn.execute(sa.select(PLAN).where(PLAN.c.closed_on.is_(None))
                            .order_by(PLAN.c.id.desc()).limit(1)).first()
        points = _group(conn.execute(sa.select(POINT.c.checkin_id, POINT.c.text)
                                     .order_by(POINT.c.checkin_id, POINT.c.position)).all())
        follow = _group(conn.execute(sa.select(FOLLOWUP.c.checkin_id, FOLLOWUP.c.text)
                                     .order_by(FOLLOWUP.c.id)).all())
        rows = conn.execute(sa.select(CHECKIN.c.id, CHECKIN.c.day, CHECKIN.c.notes)
                            .order_by(CHECKIN.c.day, CHECKIN.c.id)).all()
    assert plan is not None
    return [(plan[0], r[0], as_date(r[1]), tuple(points.get(r[0], ())), tuple(follow.get(r[0], ())))
            for r in rows]


def core_insert(db: Database, new: list[dict[str, Any]]) -> None:
    """1000 entries with tags, as Core statements, rolled back."""
    with Session(db.engine) as session, session.begin():
        conn = session.connection()
        insert, tag = sa.insert(ENTRY), sa.insert(ENTRY_TAG)  # built once: each row only binds values
        for e in new:
            entry_id = conn.execute(insert, {
                "day": date.fromisoformat(e["day"]), "title": e["title"], "body": e["body"],
                "impact": e["impact"], "starred": e["starred"], "private": False, "created_at": AWARE,
                "updated_at": AWARE}).inserted_primary_key[0]
            if e["tags"]:
                conn.execute(tag, [{"entry_id": entry_id, "tag_id": t} for t in e["tags"]])
        session.rollback()


# -- the ORM (SQLModel) -------------------------------------------------------------------------------
def orm_list(db: Database) -> Rows:
    """The first page with tags, through SQLModel objects."""
    with Session(db.engine) as session, session.begin():
        rows = session.exec(select(EntryRow).where(col(EntryRow.deleted_at).is_(None))
                            .order_by(col(EntryRow.day).desc(), col(EntryRow.id).desc()).limit(200)).all()
        tags = _group([(link.entry_id, tag.name) for link, tag in session.exec(
            select(EntryTagRow, TagRow).join(TagRow, col(TagRow.id) == EntryTagRow.tag_id)
            .where(col(EntryTagRow.entry_id).in_([r.id for r in rows])).order_by(col(TagRow.name))).all()])
        return [(r.id, r.day, r.title, r.starred, tuple(tags.get(int(r.id or 0), ()))) for r in rows]


def orm_thread(db: Database) -> Rows:
    """The plan's thread, through SQLModel objects."""
    with Session(db.engine) as session, session.begin():
        plan = session.exec(select(PlanRow).where(col(PlanRow.closed_on).is_(None))
                            .order_by(col(PlanRow.id).desc())).first()
        points = _group([(p.checkin_id, p.text) for p in session.exec(
            select(PlanTalkingPointRow).order_by(col(PlanTalkingPointRow.checkin_id),
                                                 col(PlanTalkingPointRow.position))).all()])
        follow = _group([(f.checkin_id, f.text) for f in session.exec(
            select(PlanFollowupRow).order_by(col(PlanFollowupRow.id))).all()])
        rows = session.exec(select(PlanCheckinRow).order_by(col(PlanCheckinRow.day),
                                                             col(PlanCheckinRow.id))).all()
        assert plan is not None
        return [(plan.id, r.id, r.day, tuple(points.get(int(r.id or 0), ())),
                 tuple(follow.get(int(r.id or 0), ()))) for r in rows]


def orm_insert(db: Database, new: list[dict[str, Any]]) -> None:
    """1000 entries with tags, as SQLModel objects (one flush for entries, one for tags), rolled back."""
    with Session(db.engine) as session, session.begin():
        rows = [EntryRow(day=date.fromisoformat(e["day"]), title=e["title"], body=e["body"],
                         impact=e["impact"], starred=e["starred"], created_at=AWARE, updated_at=AWARE)
                for e in new]
        session.add_all(rows)
        session.flush()
        session.add_all([EntryTagRow(entry_id=int(r.id or 0), tag_id=t)
                         for r, e in zip(rows, new, strict=True) for t in e["tags"]])
        session.flush()
        session.rollback()


def _raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def run(db: Database, new: list[dict[str, Any]], repeat: int) -> dict[str, dict[str, dict[str, float]]]:
    """Time each operation in each style; check first that every style reads the same rows."""
    raw = _raw_connection(db.path)
    try:
        reads = {"raw": (raw_list(raw), raw_thread(raw)), "text": (text_list(db), text_thread(db)),
                 "core": (core_list(db), core_thread(db)), "orm": (orm_list(db), orm_thread(db))}
        for style, found in reads.items():
            assert found == reads["raw"], f"{style} read other rows than raw sqlite3"
        cases: dict[str, dict[str, Callable[[], object]]] = {
            "list 200 entries with tags": {
                "raw": lambda: raw_list(raw), "text": lambda: text_list(db),
                "core": lambda: core_list(db), "orm": lambda: orm_list(db)},
            "plan with its 30 check-ins": {
                "raw": lambda: raw_thread(raw), "text": lambda: text_thread(db),
                "core": lambda: core_thread(db), "orm": lambda: orm_thread(db)},
            "insert 1000 entries with tags": {
                "raw": lambda: raw_insert(raw, new), "text": lambda: text_insert(db, new),
                "core": lambda: core_insert(db, new), "orm": lambda: orm_insert(db, new)},
        }
        return {name: {style: _measure(fn, repeat) for style, fn in styles.items()}
                for name, styles in cases.items()}
    finally:
        raw.close()


def main(argv: list[str] | None = None) -> int:
    """Build a journal, time the styles, print medians with their ratio to raw sqlite3."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        db, new, _tags = build(Path(folder) / "bench.fikadesk", args.entries)
        try:
            results = run(db, new, args.repeat)
        finally:
            db.close()
    print(f"{'operation':32} " + " ".join(f"{s:>16}" for s in ("raw", "text", "core", "orm")))
    for name, styles in results.items():
        floor = styles["raw"]["median_ms"]
        cells = [f"{v['median_ms']:8.2f} ms {v['median_ms'] / floor:4.1f}x" for v in styles.values()]
        print(f"{name:32} " + " ".join(f"{c:>16}" for c in cells))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
