"""One journal, two names: a hard link or a symlink to a journal open elsewhere is refused."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.services.container import build_services
from fikadesk.storage.journal_lock import SecondPathError, claim_journal, identity_of

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from fikadesk.services.container import build_services
    services = build_services(Path(sys.argv[1]), create=False)
    print("ready", flush=True)
    sys.stdin.readline()
    services.close()
""")


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


@pytest.fixture
def holder(journal_path):
    """Another process with the journal open under its own name, until the test ends."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(journal_path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=_env())
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    proc.kill()
    proc.wait()
    proc.stdout.close()
    proc.stdin.close()


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fikadesk", *argv], capture_output=True, text=True,
                          env=_env(), timeout=120)


def test_a_hard_link_to_a_journal_open_elsewhere_is_refused(holder, journal_path, tmp_path):
    link = tmp_path / "other-name.fikadesk"
    os.link(journal_path, link)
    with pytest.raises(SecondPathError) as refused:
        build_services(link, create=False)
    message = str(refused.value)
    assert f"is the same journal file as {journal_path}" in message
    assert f"process {holder.pid}" in message
    assert not Path(f"{link}-wal").exists()  # SQLite never opened it under the second name

    done = _cli("--db", str(link), "add", "through the link")
    assert done.returncode == 1
    assert "same journal file as" in done.stderr and done.stdout == ""
    # The journal's own name still works beside the holder, and nothing came in through the link.
    done = _cli("--db", str(journal_path), "add", "by its name")
    assert done.returncode == 0, done.stderr
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=60)
    services = build_services(link, create=False)  # nobody holds it now: the other name is fine
    try:
        assert [e.title for e in services.journal.page(EntryQuery(), 0, 10)] == ["by its name"]
    finally:
        services.close()


def test_a_symlink_is_the_same_journal_not_a_second_one(holder, journal_path, tmp_path):
    folder = tmp_path / "linked-folder"
    folder.symlink_to(journal_path.parent)
    via_folder = folder / journal_path.name
    via_file = tmp_path / "shortcut.fikadesk"
    via_file.symlink_to(journal_path)
    for name in (via_folder, via_file):
        assert identity_of(name) == identity_of(journal_path)
        # Same file, same resolved path: it joins the holder like its own name would ...
        services = build_services(name, create=False)
        services.close()


def test_the_claim_of_a_killed_process_is_given_back(journal_path, tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(journal_path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=_env())
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait()
    proc.stdout.close()
    proc.stdin.close()
    link = tmp_path / "other-name.fikadesk"
    os.link(journal_path, link)
    claim = claim_journal(link, exclusive=True, wait=0)
    assert claim is not None
    claim.release()


def test_a_move_refuses_while_another_process_has_the_journal_open(holder, journal_path, tmp_path):
    from fikadesk.storage.journal_lock import JournalBusyError
    from fikadesk.storage.journal_move import move_journal

    target = tmp_path / "moved.fikadesk"
    with pytest.raises(JournalBusyError, match="Nothing was changed"):
        move_journal(journal_path, target, wait=0.5)
    assert journal_path.exists() and not target.exists()
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=60)
    assert move_journal(journal_path, target, wait=5) == target
