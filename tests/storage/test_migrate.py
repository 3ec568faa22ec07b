"""Migrations: the revision list, the migrated schema, backups before upgrading, all-or-nothing."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.journal.service import JournalService
from fikadesk.storage import engine as engine_module
from fikadesk.storage import migrate, schema, tables
from fikadesk.storage.engine import make_engine, open_database
from fikadesk.storage.errors import JournalError
from tests.storage.helpers import mode, raw_query, snapshot, table_names

MIGRATIONS = Path(migrate.__file__).resolve().parent / "migrations"
NEXT = "0002_test_mood"

GOOD_STEP = '''
def upgrade() -> None:
    with op.batch_alter_table("entry") as batch:
        batch.add_column(sa.Column("mood", sa.String(), nullable=True))
    op.create_table("extra", sa.Column("id", sa.Integer(), primary_key=True))
'''
SQL_FAILS_MIDWAY = GOOD_STEP + '''
    op.execute("INSERT INTO no_such_table VALUES (1)")
'''
PYTHON_FAILS_MIDWAY = GOOD_STEP + '''
    raise RuntimeError("migration bug")
'''


def _next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    """Install a copy of the shipped migrations plus one more revision, as a newer fikadesk would."""
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    script = f'''
        """A later schema step used by the tests."""
        import sqlalchemy as sa
        from alembic import op

        revision = "{NEXT}"
        down_revision = "{schema.HEAD}"
        branch_labels = None
        depends_on = None
        '''
    (location / "versions" / f"{NEXT}.py").write_text(textwrap.dedent(script) + body)
    monkeypatch.setattr(migrate, "SCRIPT_LOCATION", str(location))
    monkeypatch.setattr(engine_module, "REVISIONS", (*schema.REVISIONS, NEXT))
    monkeypatch.setattr(engine_module, "HEAD", NEXT)


def _journal_with_entry(path: Path) -> int:
    db = open_database(path)
    try:
        return JournalService(db).add(EntryDraft(day=date(2025, 3, 1), title="Kept through upgrades")).id
    finally:
        db.close()


def test_revisions_match_scripts() -> None:
    assert schema.REVISIONS == tuple(migrate.script_revisions())
    assert schema.HEAD == migrate.script_revisions()[-1]


def test_migrated_schema_matches_tables(journal_path: Path) -> None:
    eng = make_engine(journal_path)
    try:
        inspector = inspect(eng)
        names = {
            n for n in inspector.get_table_names()
            if n != "alembic_version" and not n.startswith("entry_fts")
        }
        assert names == set(tables.metadata.tables)
        for name, table in tables.metadata.tables.items():
            columns = {c["name"]: c for c in inspector.get_columns(name)}
            assert set(columns) == set(table.columns.keys()), name
            for column in table.columns:
                assert columns[column.name]["nullable"] == column.nullable, (name, column.name)
            primary = inspector.get_pk_constraint(name)["constrained_columns"]
            assert sorted(primary) == sorted(c.name for c in table.primary_key.columns), name
            foreign = {
                (tuple(f["constrained_columns"]), f["referred_table"], f["options"].get("ondelete"))
                for f in inspector.get_foreign_keys(name)
            }
            expected = {
                ((f.parent.name,), f.column.table.name, f.ondelete) for f in table.foreign_keys
            }
            assert foreign == expected, name
    finally:
        eng.dispose()
    assert "entry_fts" in table_names(journal_path)


def test_autogenerate_sees_no_difference(journal_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    eng = make_engine(journal_path)
    try:
        with eng.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), tables.metadata)
            conn.rollback()
    finally:
        eng.dispose()
    # the full-text tables and the partial indexes exist only in the migration; nothing else differs
    fts = [d for d in diff if d[0] == "remove_table" and d[1].name.startswith("entry_fts")]
    assert len(fts) >= 1
    indexes = sorted(d[1].name for d in diff if d[0] == "remove_index")
    assert indexes == ["ix_entry_live_day", "ix_entry_live_starred", "ix_entry_revisit", "ix_entry_tag_tag"]
    assert [d for d in diff if d not in fts and d[0] != "remove_index"] == []


def test_opening_up_to_date_journal_does_not_import_alembic(journal_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from fikadesk.storage.engine import open_database; "
        f"open_database(Path({str(journal_path)!r})).close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[2], check=True)
    assert done.stdout.strip() == "[]"


def test_older_journal_is_backed_up_then_upgraded(
    tmp_path: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = _journal_with_entry(journal_path)
    original = journal_path.read_bytes()
    _next_revision(tmp_path, monkeypatch, GOOD_STEP)
    db = open_database(journal_path)
    try:
        assert JournalService(db).get(entry_id).title == "Kept through upgrades"
    finally:
        db.close()
    assert raw_query(journal_path, "SELECT version_num FROM alembic_version") == [(NEXT,)]
    assert "extra" in table_names(journal_path)
    assert "mood" in {r[1] for r in raw_query(journal_path, "PRAGMA table_info(entry)")}
    backups = sorted((journal_path.parent / "backups").iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("journal-") and backup.name.endswith(f"-before-{NEXT}.fikadesk")
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
    assert raw_query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert raw_query(backup, "PRAGMA application_id") == [(schema.APPLICATION_ID,)]
    assert raw_query(backup, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    assert raw_query(backup, "SELECT id, title FROM entry") == [(entry_id, "Kept through upgrades")]
    assert "extra" not in table_names(backup)
    assert len(original) > 0


def test_journal_without_schema_is_backed_up_and_migrated(tmp_path: Path) -> None:
    """A file with our application_id but no schema yet counts as the oldest journal."""
    path = tmp_path / "journal.fikadesk"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("CREATE TABLE placeholder (x)")  # makes the file non-empty, as SQLite writes lazily
    conn.commit()
    conn.close()
    open_database(path).close()
    assert raw_query(path, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    (backup,) = (tmp_path / "backups").iterdir()
    assert table_names(backup) == {"placeholder"}


@pytest.mark.parametrize(
    ("body", "error"),
    [(SQL_FAILS_MIDWAY, JournalError), (PYTHON_FAILS_MIDWAY, RuntimeError)],
    ids=["sql-error", "python-error"],
)
def test_failed_migration_leaves_nothing_of_itself(
    tmp_path: Path, journal_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, error: type
) -> None:
    entry_id = _journal_with_entry(journal_path)
    schema_before = raw_query(journal_path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    _next_revision(tmp_path, monkeypatch, body)
    with pytest.raises(error) as info:
        open_database(journal_path)
    if error is JournalError:
        assert str(info.value).startswith("The journal could not be upgraded: ")
    assert raw_query(journal_path, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema_before
    assert "extra" not in table_names(journal_path)
    assert raw_query(journal_path, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    assert raw_query(journal_path, "SELECT id FROM entry") == [(entry_id,)]
    assert raw_query(journal_path, "PRAGMA integrity_check") == [("ok",)]
    assert len(list((journal_path.parent / "backups").iterdir())) == 1  # the backup made before it


def test_failed_migration_of_new_journal_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _next_revision(tmp_path, monkeypatch, SQL_FAILS_MIDWAY)
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(JournalError):
        open_database(folder / "journal.fikadesk")
    assert snapshot(folder) == {}
