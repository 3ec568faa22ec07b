"""A writer process for the fault suite: does one kind of work and says "ack ..." after each
piece is acknowledged, so that the test can kill it, or inject faults into it, at any point.

Run as ``python tests/storage/fault_writer.py MODE JOURNAL [ARG]``; PYTHONPATH must hold the
repository root. With MODE ``io-*`` it must run under ``fiu-run -x`` (libfiu's POSIX preload).
"""

from __future__ import annotations

import ctypes
import json
import sys
from datetime import date
from pathlib import Path

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import build_services
from fikadesk.storage.errors import JournalError

ERRNO = {"EIO": 5, "ENOSPC": 28}


def say(*words: object) -> None:
    print(*words, flush=True)


def add_loop(journal: Path, count: int, prefix: str) -> None:
    services = build_services(journal)
    for i in range(count):
        title = f"{prefix} {i}"
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title=title, body="x" * (i % 7 * 300)))
        say("ack", title)
    services.close()


def cli_add_loop(journal: Path, count: int, prefix: str) -> None:
    from fikadesk.cli import main

    for i in range(count):
        title = f"{prefix} {i}"
        if main(["--db", str(journal), "add", title]) == 0:
            say("ack", title)


def backup_loop(journal: Path, count: int) -> None:
    services = build_services(journal)
    for i in range(count):
        info = services.backups.back_up("manual")
        say("ack", info.path)
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title=f"between backups {i}"))
    services.close()


def restore_loop(journal: Path, count: int) -> None:
    services = build_services(journal)
    ids = [b.id for b in services.backups.list() if b.reason == "manual"]
    for i in range(count):
        result = services.backups.restore(ids[i % len(ids)])
        say("ack", result.restored.id)
    services.close()


def inject(journal: Path, point: str, errno_name: str) -> None:
    """Add entries, then fail ``point`` with ``errno_name`` for one add (or one search)."""
    fiu = ctypes.CDLL("libfiu.so.0")
    fiu.fiu_init(0)
    if point.endswith("pread"):
        from fikadesk.cli import main

        fiu.fiu_enable(point.encode(), 1, ctypes.c_void_p(ERRNO[errno_name]), 0)
        code = main(["--db", str(journal), "search"])  # the message goes to stderr
        fiu.fiu_disable(point.encode())
        say("code", code)
        return
    services = build_services(journal)
    for i in range(3):
        title = f"before the fault {i}"
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title=title))
        say("ack", title)
    fiu.fiu_enable(point.encode(), 1, ctypes.c_void_p(ERRNO[errno_name]), 0)
    try:
        services.journal.add(EntryDraft(day=date(2026, 11, 2), title="during the fault"))
        say("ack", "during the fault")
    except JournalError as exc:
        say("error", json.dumps(str(exc)))
    finally:
        fiu.fiu_disable(point.encode())
    services.journal.add(EntryDraft(day=date(2026, 11, 2), title="after the fault"))
    say("ack", "after the fault")
    services.close()


def main(argv: list[str]) -> None:
    mode, journal = argv[0], Path(argv[1])
    if mode == "add":
        add_loop(journal, int(argv[2]), argv[3] if len(argv) > 3 else "entry")
    elif mode == "cli-add":
        cli_add_loop(journal, int(argv[2]), argv[3] if len(argv) > 3 else "cli")
    elif mode == "backup":
        backup_loop(journal, int(argv[2]))
    elif mode == "restore":
        restore_loop(journal, int(argv[2]))
    elif mode == "io":
        inject(journal, argv[2], argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
