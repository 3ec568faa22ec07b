"""Search counts and order stay exact through every kind of write (the 0009 search index)."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.services.container import Services
from fikadesk.services.journal.service import JournalService
from fikadesk.services.transfer.format import TransferError
from fikadesk.services.transfer.service import TransferService
from fikadesk.storage import migrate
from fikadesk.storage.engine import make_engine, open_database
from fikadesk.storage.search_index import ID_MASK, KEY_MARK, row_key
from tests.storage.helpers import random_writes, raw_query

TAGS = ("design", "ops", "mentoring", "incident", "docs")
WORDS = ("review", "release", "design", "rewrite", "mentor", "budget", "starred", "trashed",
         "reliability", "t1", "keys")
FIRST = date(2026, 1, 1)


def _draft(rng: random.Random, n: int) -> EntryDraft:
    body = " ".join(rng.sample(WORDS, rng.randrange(1, 4)))
    return EntryDraft(day=FIRST + timedelta(days=rng.randrange(90)), title=f"Win {n}", body=body,
                      tags=tuple(rng.sample(TAGS, rng.randrange(3))), starred=rng.random() < 0.3)


def _queries(rng: random.Random) -> list[EntryQuery]:
    """A handful of searches: words and prefixes, alone and with every filter, live and trash."""
    found = []
    for text in ("re", "rev", "design", "release review", "starred", "trashed", "t1", "keys", "zzz",
                 "\ue000starred", "\ue000t1"):
        found.append(EntryQuery(text=text))
    start = FIRST + timedelta(days=rng.randrange(60))
    found += [
        EntryQuery(text="re", starred_only=True),
        EntryQuery(text="re", tags=(rng.choice(TAGS),)),
        EntryQuery(text="de", tags=("design", "ops")),
        EntryQuery(text="re", tags=("nosuchtag",)),
        EntryQuery(text="re", since=start),
        EntryQuery(text="re", until=start),
        EntryQuery(text="re", since=start, until=start + timedelta(days=10), starred_only=True),
        EntryQuery(text="re", in_trash=True),
        EntryQuery(text="design", in_trash=True),
        EntryQuery(text="trashed", in_trash=True),
        EntryQuery(text="starred", in_trash=True),
    ]
    return found


def _reference(path: Path, query: EntryQuery) -> list[int]:
    """The ids a query must list, in order, worked out slowly from the entry tables in Python."""
    rows = raw_query(path, "SELECT e.id, e.day, e.title, e.body, e.impact, e.starred, e.deleted_at, "
                           "(SELECT group_concat(t.name, ' ') FROM entry_tag et JOIN tag t "
                           "ON t.id = et.tag_id WHERE et.entry_id = e.id) FROM entry e")
    words = [w.lower() for w in re.findall(r"\w+", query.text)]
    hits = []
    for entry_id, day, title, body, impact, starred, deleted_at, tags in rows:
        if (deleted_at is not None) != query.in_trash or (query.starred_only and not starred):
            continue
        when = date.fromisoformat(str(day))
        if (query.since and when < query.since) or (query.until and when > query.until):
            continue
        names = str(tags or "").split()
        if any(tag not in names for tag in query.tags):
            continue
        tokens = re.findall(r"\w+", f"{title} {body} {impact} {tags or ''}".lower())
        if all(any(t == w or (len(w) >= 2 and t.startswith(w)) for t in tokens) for w in words):
            hits.append((str(deleted_at) if query.in_trash else str(day), int(entry_id)))
    return [entry_id for _key, entry_id in sorted(hits, reverse=True)]


def _listed(journal: JournalService, query: EntryQuery) -> list[int]:
    ids: list[int] = []
    while True:
        page = journal.page(query, len(ids), 7)  # small pages: offsets are exercised too
        ids += [s.id for s in page]
        if len(page) < 7:
            return ids


def _index_rows_agree(path: Path) -> None:
    """Every entry has exactly one index row, at its key, with its filter keys."""
    expected = {}
    for entry_id, day, starred, deleted_at, tag_ids in raw_query(
            path, "SELECT e.id, e.day, e.starred, e.deleted_at, (SELECT group_concat(tag_id, ' ') "
                  "FROM entry_tag WHERE entry_id = e.id) FROM entry e"):
        keys = {f"{KEY_MARK}t{t}" for t in str(tag_ids or "").split()}
        keys |= {f"{KEY_MARK}starred"} if starred else set()
        keys |= {f"{KEY_MARK}trashed"} if deleted_at else set()
        expected[row_key(date.fromisoformat(str(day)), int(entry_id))] = keys
    actual = {int(r[0]): set(str(r[1]).split()) for r in raw_query(path, "SELECT rowid, keys FROM entry_fts")}
    assert actual == expected


def _check(journal: JournalService, path: Path, queries: list[EntryQuery], label: object) -> None:
    _index_rows_agree(path)
    for query in queries:
        expected = _reference(path, query)
        assert journal.count(query) == len(expected), (label, query)
        assert _listed(journal, query) == expected, (label, query)
        total, first = journal.first_page(query, 5)  # a keystroke: the count and the first rows
        assert (total, [s.id for s in first]) == (len(expected), expected[:5]), (label, query)
        if expected and not query.in_trash:
            target = expected[len(expected) // 2]
            assert journal.index_of(query, target) == len(expected) // 2, (label, query)


def test_search_counts_and_order_match_the_entries_after_every_kind_of_write(
        services: Services, journal_path: Path) -> None:
    journal = services.journal
    rng = random.Random(9)
    live: list[int] = []
    for step, move in random_writes(journal, journal_path, rng, 70, _draft, live):
        if step % 7 == 6:
            _check(journal, journal_path, _queries(rng), (step, move))
    for victim in live[-3:]:  # the end state has a trash to search, too
        journal.delete(victim)
    _check(journal, journal_path, _queries(rng), "end")
    assert journal.count(EntryQuery(text="re", in_trash=True)) > 0
    assert journal.count(EntryQuery(text="re")) > 10


def test_search_stays_exact_after_a_whole_journal_import(services: Services, journal_path: Path,
                                                         tmp_path: Path) -> None:
    rng = random.Random(4)
    ids = [services.journal.add(_draft(rng, n)).id for n in range(25)]
    services.journal.delete(ids[0])
    services.journal.delete(ids[1])
    document = services.transfer.export_document()
    other = tmp_path / "other.fikadesk"
    db = open_database(other)
    try:
        JournalService(db).add(EntryDraft(day=date(2026, 2, 2), title="Already here review",
                                          tags=("docs",)))
        TransferService(db).import_document(document)
        _check(JournalService(db), other, _queries(rng), "import")
        assert JournalService(db).count(EntryQuery(text="re", in_trash=True)) == len(
            _reference(other, EntryQuery(text="re", in_trash=True)))
    finally:
        db.close()


def test_an_import_with_an_entry_id_the_index_cannot_key_is_refused_whole(
        services: Services, tmp_path: Path) -> None:
    services.journal.add(EntryDraft(day=date(2026, 3, 3), title="review"))
    document = services.transfer.export_document()
    document["tables"]["entry"][0]["id"] = ID_MASK + 1
    other = tmp_path / "other.fikadesk"
    db = open_database(other)
    try:
        with pytest.raises(TransferError, match=r"entry\[0\]\.id: 4294967296 is outside 1 to"):
            TransferService(db).import_document(document)
        assert JournalService(db).count() == 0
    finally:
        db.close()


def test_a_hard_delete_takes_the_search_row_along(services: Services, journal_path: Path) -> None:
    import sqlite3

    entry = services.journal.add(EntryDraft(day=date(2026, 3, 3), title="review", tags=("ops",)))
    conn = sqlite3.connect(journal_path)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM entry WHERE id = ?", (entry.id,))
        conn.commit()
    finally:
        conn.close()
    assert raw_query(journal_path, "SELECT count(*) FROM entry_fts") == [(0,)]
    assert services.journal.count(EntryQuery(text="review")) == 0


def test_an_older_journal_gets_the_new_search_index_when_it_is_upgraded(journal_path: Path) -> None:
    rng = random.Random(5)
    db = open_database(journal_path)
    try:
        journal = JournalService(db)
        ids = [journal.add(_draft(rng, n)).id for n in range(30)]
        journal.delete(ids[3])
        journal.set_starred(ids[4], True)
    finally:
        db.close()
    engine = make_engine(journal_path)  # back to the schema of the release before 0009
    try:
        with engine.begin() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0008_journal_counts")
    finally:
        engine.dispose()
    old = raw_query(journal_path, "SELECT rowid FROM entry_fts ORDER BY rowid")
    assert [int(r[0]) for r in old] == sorted(ids)  # the old layout: row id = entry id
    db = open_database(journal_path)
    try:
        _check(JournalService(db), journal_path, _queries(rng), "upgraded")
        assert all(int(r[0]) & ID_MASK in ids for r in raw_query(journal_path, "SELECT rowid FROM entry_fts"))
    finally:
        db.close()
