import os
import stat

import pytest

from fikadesk.services.container import build_services
from fikadesk.storage.errors import JournalError
from fikadesk.storage.journal_move import move_journal
from tests.services.test_demo import RESOURCES, TODAY


def _journal_with_entries(tmp_path):
    from fikadesk.services.demo import build_demo_journal

    return build_demo_journal(tmp_path / "old" / "journal.fikadesk", RESOURCES, TODAY)


def test_move_copies_verifies_then_removes_the_old_file(tmp_path):
    (tmp_path / "old").mkdir()
    old = _journal_with_entries(tmp_path)
    new = move_journal(old, tmp_path / "new" / "deeper" / "mine.fikadesk")
    assert new == tmp_path / "new" / "deeper" / "mine.fikadesk"
    assert not old.exists()
    assert stat.S_IMODE(os.stat(new).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(new.parent).st_mode) == 0o700
    services = build_services(new, create=False)
    try:
        assert services.journal.count() == 15
    finally:
        services.close()


def test_refuses_an_existing_target_and_keeps_both(tmp_path):
    (tmp_path / "old").mkdir()
    old = _journal_with_entries(tmp_path)
    taken = tmp_path / "taken.fikadesk"
    taken.write_text("my notes")
    with pytest.raises(JournalError, match="already exists"):
        move_journal(old, taken)
    assert taken.read_text() == "my notes"
    assert old.exists()


def test_a_failed_copy_leaves_the_old_journal_and_no_new_file(tmp_path):
    broken = tmp_path / "broken.fikadesk"
    broken.write_bytes(b"this is not sqlite at all" * 100)
    target = tmp_path / "new.fikadesk"
    with pytest.raises(JournalError):
        move_journal(broken, target)
    assert broken.read_bytes().startswith(b"this is not sqlite")
    assert not target.exists()


def test_moving_onto_itself_is_refused(tmp_path):
    (tmp_path / "old").mkdir()
    old = _journal_with_entries(tmp_path)
    with pytest.raises(JournalError, match="already in use"):
        move_journal(old, old)
    assert old.exists()
