"""Shared tools of the fault suite: a writer process to kill, small mounts, and the checks every
case ends with (each acknowledged save is there, the file passes integrity_check)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.storage.helpers import raw_query

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("fault_writer.py")


def writer_env() -> dict[str, str]:
    """The environment of a writer process: this checkout's fikadesk first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def start_writer(*args: str, prefix: list[str] | None = None) -> subprocess.Popen[str]:
    """Start the writer process with ``args`` (see fault_writer.py)."""
    return subprocess.Popen([*(prefix or []), sys.executable, str(WRITER), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=writer_env())


def kill_after(proc: subprocess.Popen[str], acks: int, extra_ms: float) -> list[str]:
    """Read ``acks`` acknowledgements, wait ``extra_ms`` more, then SIGKILL the writer.

    Returns every acknowledgement printed before the kill (what the writer told its user).
    """
    assert proc.stdout is not None
    seen: list[str] = []
    while len(seen) < acks:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("ack "):
            seen.append(line[4:].rstrip("\n"))
    time.sleep(extra_ms / 1000)
    proc.send_signal(signal.SIGKILL)
    rest, _err = proc.communicate(timeout=60)
    seen += [line[4:] for line in rest.splitlines() if line.startswith("ack ")]
    return seen


def titles(journal: Path) -> set[str]:
    """Every entry title in the journal (read without fikadesk in the way)."""
    return {str(r[0]) for r in raw_query(journal, "SELECT title FROM entry")}


def assert_sound(journal: Path, acknowledged: list[str] | set[str]) -> None:
    """Each acknowledged save is in the journal and the file passes integrity_check."""
    assert raw_query(journal, "PRAGMA integrity_check") == [("ok",)]
    missing = set(acknowledged) - titles(journal)
    assert not missing, f"acknowledged but lost: {sorted(missing)[:5]}"


def can_mount() -> str | None:
    """None when this process may mount a tmpfs; else why not (the case is skipped with it)."""
    if not sys.platform.startswith("linux"):
        return "tmpfs mounts are a Linux thing"
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root (CI without it runs the injected case only)"
    if shutil.which("mount") is None:
        return "the mount command is missing"
    return None


@contextlib.contextmanager
def tmpfs(path: Path, size_kb: int) -> Iterator[Path]:
    """Mount a ``size_kb`` tmpfs on ``path`` for the block; skip the test when that is refused."""
    why = can_mount()
    if why is not None:
        pytest.skip(why)
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, options: str) -> None:
    """Remount the tmpfs at ``path`` with ``options`` (``ro`` or ``rw``)."""
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True, capture_output=True)


def fill_disk(folder: Path, leave_bytes: int) -> Path:
    """Fill the file system of ``folder`` up to ``leave_bytes`` free; return the filler file."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free
    with open(filler, "wb") as out:
        remaining = max(free - leave_bytes, 0)
        chunk = b"\0" * 65536
        with contextlib.suppress(OSError):
            while remaining > 0:
                remaining -= out.write(chunk[:min(remaining, len(chunk))])
    return filler


def fiu_run() -> str | None:
    """The path of libfiu's fiu-run, if it is installed and its library loads."""
    found = shutil.which("fiu-run")
    if found is None:
        return None
    import ctypes.util

    return found if ctypes.util.find_library("fiu") else None
