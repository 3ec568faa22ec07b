"""Who has a journal open: a claim on the file's identity (device and inode), not on its name.

SQLite names a journal's ``-wal`` and ``-shm`` files after the path it was opened by, so two
names for one file (a hard link, or a name through a symlinked folder) give two write-ahead logs
and lose acknowledged writes. Every process that opens a journal therefore takes a shared claim
on a small lock file named by the journal's device and inode, and records the resolved path it
uses: a second process may join under the same path, and is refused under any other. Moving the
journal takes the claim exclusively, so the move waits for commands that are writing and they
wait for the move. The claim is an ``flock`` lock: the kernel drops it when a process dies.
"""

from __future__ import annotations

import contextlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from fikadesk.paths import APP_NAME, ensure_private_dir, journal_location
from fikadesk.storage.errors import JournalError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux or macOS: no claims, as before
    fcntl = None  # type: ignore[assignment]

POLL_SECONDS = 0.05


class JournalBusyError(JournalError):
    """Another fikadesk has the journal and did not let go in time (moving it, or writing)."""


class SecondPathError(JournalError):
    """The journal is already open under another name (hard link or symlink) in another program."""


@dataclass(frozen=True)
class Identity:
    """What makes two names one journal: the resolved path, the device and the inode."""

    real_path: Path
    device: int
    inode: int


def identity_of(path: Path) -> Identity | None:
    """Return the identity of the existing file at ``path``; None when there is no file yet."""
    real = Path(os.path.realpath(path))
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return None
    return Identity(real, info.st_dev, info.st_ino)


def lock_dir() -> Path:
    """Folder of the claim files: the session's runtime folder, else the per-user cache folder."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / APP_NAME
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "locks"


class JournalClaim:
    """A held claim on one journal file; ``release`` (or process exit) gives it back."""

    def __init__(self, identity: Identity, fd: int | None, turn: int | None = None) -> None:
        self.identity = identity
        self._fd = fd
        self._turn = turn

    def release(self) -> None:
        """Give the claim back (idempotent)."""
        for fd in (self._fd, self._turn):
            if fd is not None:
                os.close(fd)  # closing the descriptor drops its flock
        self._fd = self._turn = None

    def __enter__(self) -> JournalClaim:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _open_lock(name: str) -> int:
    folder = lock_dir()
    ensure_private_dir(folder)
    return os.open(folder / name, os.O_RDWR | os.O_CREAT, 0o600)


def _record(fd: int, real_path: Path) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n{real_path}\n".encode(), 0)


def _recorded(fd: int) -> tuple[str, Path | None]:
    lines = os.pread(fd, 8192, 0).decode(errors="replace").splitlines()
    pid = lines[0] if lines else ""
    return pid, (Path(lines[1]) if len(lines) > 1 else None)


def _try(fd: int, how: int) -> bool:
    assert fcntl is not None
    try:
        fcntl.flock(fd, how | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def claim_journal(path: Path, *, exclusive: bool = False, wait: float = 10.0) -> JournalClaim | None:
    """Claim the existing journal at ``path`` for this process; None when there is no file yet.

    Shared (the default): joins other processes that use the same resolved path, waits up to
    ``wait`` seconds while the journal is being moved, and raises ``SecondPathError`` when the
    file is open under another name. ``exclusive``: waits up to ``wait`` seconds until nobody
    else has the journal open, else raises ``JournalBusyError``.
    """
    ident = identity_of(path)
    if ident is None:
        return None
    if fcntl is None:  # pragma: no cover
        return JournalClaim(ident, None)
    stem = f"journal-{ident.device}-{ident.inode}"
    deadline = time.monotonic() + wait
    fd = _open_lock(stem + ".claim")
    # The turn file gives the exclusive claimer precedence: while it waits, nobody new joins.
    turn = _open_lock(stem + ".turn")
    try:
        while True:
            if exclusive:
                outcome = _try(turn, fcntl.LOCK_EX) and _attempt(fd, stem, ident, exclusive)
            else:
                outcome = _try(turn, fcntl.LOCK_SH) and _attempt(fd, stem, ident, exclusive)
                fcntl.flock(turn, fcntl.LOCK_UN)
            if outcome:
                if not exclusive:
                    os.close(turn)
                return JournalClaim(ident, fd, turn if exclusive else None)
            if time.monotonic() >= deadline:
                if exclusive:
                    raise JournalBusyError(
                        f"Another fikadesk (a window or a command) is using {ident.real_path}; "
                        "close it or let it finish, then try again. Nothing was changed.")
                raise JournalBusyError(
                    f"{ident.real_path} is being moved by another fikadesk; try again in a moment.")
            time.sleep(POLL_SECONDS)
    except BaseException:
        os.close(fd)
        os.close(turn)
        raise


def _attempt(fd: int, stem: str, ident: Identity, exclusive: bool) -> bool:
    """One try at the claim, inside the short critical section that guards the recorded path."""
    assert fcntl is not None
    guard = _open_lock(stem + ".guard")
    try:
        fcntl.flock(guard, fcntl.LOCK_EX)  # held only for the few calls below
        if _try(fd, fcntl.LOCK_EX):  # nobody else has the journal open
            _record(fd, ident.real_path)
            if not exclusive:
                fcntl.flock(fd, fcntl.LOCK_SH)  # safe: every claimer passes through the guard
            return True
        if exclusive or not _try(fd, fcntl.LOCK_SH):  # busy, or being moved: wait and retry
            return False
        pid, recorded = _recorded(fd)
        if recorded is not None and recorded != ident.real_path:
            fcntl.flock(fd, fcntl.LOCK_UN)
            holder = f"process {pid}" if pid.isdigit() else "another program"
            raise SecondPathError(
                f"{ident.real_path} is the same journal file as {recorded}, which another fikadesk "
                f"({holder}) has open under that name. Two names for one journal lose writes: "
                f"open it as {recorded}, or close the other fikadesk first. Nothing was changed.")
        return True
    finally:
        with contextlib.suppress(OSError):
            os.close(guard)  # also drops the guard's lock


class JournalMovedError(JournalError):
    """The journal was moved away from the path asked for; ``new_path`` is where it lives now."""

    def __init__(self, old: Path, new_path: Path) -> None:
        super().__init__(f"The journal at {old} was moved to {new_path}; open it there "
                         f"(fikadesk --db {new_path}, or without --db). Nothing was created at {old}.")
        self.new_path = new_path


def claim_for_opening(path: Path, *, wait: float = 10.0) -> JournalClaim | None:
    """Claim the journal at ``path`` before it is opened; None when there is no file there yet.

    Raises ``JournalMovedError`` instead of letting a new journal be made where one was moved
    away from, also when the move finished while this process waited for it.
    """
    claim = claim_journal(path, wait=wait)
    if claim is not None and identity_of(path) == claim.identity:
        return claim
    if claim is not None:  # moved or replaced while this process waited
        claim.release()
    # A move records the new place before it removes the old file, so a file found missing
    # here is either new or already recorded as moved.
    moved = journal_location().moved_to(path)
    if moved is not None and not path.exists():
        raise JournalMovedError(path, moved)
    return claim_for_opening(path, wait=wait) if claim is not None else None
