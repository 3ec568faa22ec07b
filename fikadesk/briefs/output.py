"""Writing a brief to a file atomically: a complete new file or the old one untouched."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a private temporary path beside ``path``; on success it replaces ``path``.

    The temporary file is made 0600 in the same folder (so the final rename is atomic). If
    the block raises, the temporary file is removed and ``path`` is left as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where folders allow it
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` through a temporary file and an atomic rename."""
    with replacing(path) as temp:
        temp.write_text(text, encoding="utf-8", newline="\n")
