"""Install the launcher, AppStream metainfo and icons into an XDG data folder (no Qt)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

APP_ID = "io.github.fikadesk.Fikadesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def default_data_home() -> Path:
    """Return ``$XDG_DATA_HOME`` or ``~/.local/share``, where a desktop looks for user launchers."""
    raw = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(raw) if raw else Path.home() / ".local" / "share"


def install_desktop_files(resources: Path, data_home: Path, command: str) -> list[Path]:
    """Copy the launcher (running ``command``), metainfo and icons under ``data_home``.

    Returns the written files. The ``Exec`` line is rewritten to ``command`` so the launcher
    starts this very installation of fikadesk.
    """
    source = resources / "desktop"
    written: list[Path] = []
    desktop = data_home / "applications" / f"{APP_ID}.desktop"
    desktop.parent.mkdir(parents=True, exist_ok=True)
    lines = (source / f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    exec_line = f"Exec={_quote(command)}"
    desktop.write_text("\n".join(exec_line if line.startswith("Exec=") else line for line in lines)
                       + "\n", encoding="utf-8")
    written.append(desktop)
    metainfo = data_home / "metainfo" / f"{APP_ID}.metainfo.xml"
    metainfo.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / f"{APP_ID}.metainfo.xml", metainfo)
    written.append(metainfo)
    icons = data_home / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resources / "icons" / f"fikadesk-{size}.png", target)
        written.append(target)
    scalable = icons / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resources / "icons" / "fikadesk.svg", scalable)
    written.append(scalable)
    return written


def _quote(command: str) -> str:
    """Quote ``command`` for a desktop file's Exec key when it holds spaces or quotes."""
    if not any(ch in command for ch in ' \t"\'\\$`'):
        return command
    escaped = command.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")
    return f'"{escaped}"'
