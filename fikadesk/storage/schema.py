"""Facts about the journal schema that are needed without importing Alembic."""

APPLICATION_ID = 0x46494B41  # "FIKA", stored in the SQLite header at offset 68
SQLITE_MAGIC = b"SQLite format 3\x00"

# Every migration revision this fikadesk knows, oldest first. A test checks that it matches the
# Alembic scripts, so opening an up-to-date journal never needs to import Alembic.
REVISIONS: tuple[str, ...] = (
    "0001_initial", "0002_leveling", "0003_leveling_snapshot", "0004_plan", "0005_interview",
    "0006_checkin_thread", "0007_take_speech", "0008_journal_counts", "0009_search_speed",
)
HEAD = REVISIONS[-1]
