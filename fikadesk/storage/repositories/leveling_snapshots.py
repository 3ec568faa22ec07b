"""The leveling area's snapshot SQL: dated copies of the target and its level's expectations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection

from fikadesk.domain.leveling.snapshot import SnapshotItem, SnapshotSummary, TargetSnapshot
from fikadesk.domain.leveling.stored import Target
from fikadesk.storage.values import as_date, as_datetime


def insert_snapshot(conn: Connection, goal: Target, taken_on: date, now: datetime, note: str) -> int:
    """Copy the target and its level's expectations as they read now; return the snapshot's id."""
    snapshot_id = int(conn.execute(
        text("INSERT INTO target_snapshot (taken_on, created_at, ladder_name, "
             "current_level, target_level, target_date, summary, note) "
             "VALUES (:on, :at, :ladder, :cur, :tgt, :date, :summary, :note)"),
        {"on": taken_on.isoformat(), "at": now, "ladder": goal.ladder_name,
         "cur": goal.current_level, "tgt": goal.target_level,
         "date": goal.target_date.isoformat() if goal.target_date else None,
         "summary": goal.summary, "note": note},
    ).lastrowid)
    rows = conn.execute(text("SELECT id, dimension, text FROM expectation WHERE level_id = :lv "
                             "ORDER BY position, id"), {"lv": goal.target_level_id}).all()
    if rows:
        conn.execute(text("INSERT INTO target_snapshot_item (snapshot_id, position, expectation_id, "
                          "dimension, text) VALUES (:s, :p, :x, :d, :t)"),
                     [{"s": snapshot_id, "p": n, "x": int(r[0]), "d": str(r[1]), "t": str(r[2])}
                      for n, r in enumerate(rows)])
    return snapshot_id


def snapshot_summaries(conn: Connection) -> list[SnapshotSummary]:
    """Every snapshot, newest first."""
    rows = conn.exec_driver_sql(
        "SELECT s.id, s.taken_on, s.created_at, s.ladder_name, s.current_level, "
        "s.target_level, (SELECT count(*) FROM target_snapshot_item i "
        "WHERE i.snapshot_id = s.id), s.note "
        "FROM target_snapshot s ORDER BY s.taken_on DESC, s.id DESC").all()
    return [SnapshotSummary(int(r[0]), as_date(r[1]), as_datetime(r[2]), str(r[3]),
                            str(r[4]), str(r[5]), int(r[6]), str(r[7])) for r in rows]


def load_snapshot(conn: Connection, snapshot_id: int) -> TargetSnapshot | None:
    """One snapshot with its frozen expectations in their order, or None."""
    head = conn.execute(
        text("SELECT id, taken_on, created_at, ladder_name, current_level, "
             "target_level, target_date, summary, note FROM target_snapshot "
             "WHERE id = :s"), {"s": snapshot_id}).first()
    if head is None:
        return None
    items = conn.execute(
        text("SELECT position, expectation_id, dimension, text "
             "FROM target_snapshot_item WHERE snapshot_id = :s ORDER BY position"),
        {"s": snapshot_id}).all()
    return TargetSnapshot(
        int(head[0]), as_date(head[1]), as_datetime(head[2]), str(head[3]), str(head[4]),
        str(head[5]), as_date(head[6]) if head[6] else None, str(head[7]), str(head[8]),
        tuple(SnapshotItem(int(i[0]), int(i[1]) if i[1] is not None else None, str(i[2]),
                           str(i[3])) for i in items))


def delete_snapshot(conn: Connection, snapshot_id: int) -> bool:
    """Delete one snapshot; False when there was none."""
    return bool(conn.execute(text("DELETE FROM target_snapshot WHERE id = :s"),
                             {"s": snapshot_id}).rowcount)
