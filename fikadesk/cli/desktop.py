"""The ``install-desktop`` command: a launcher and icon for this installation (no journal, no Qt)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any, TextIO

from fikadesk.desktop_install import default_data_home, install_desktop_files
from fikadesk.errors import FikadeskError
from fikadesk.paths import resources_dir


def add_desktop_parsers(commands: Any) -> None:
    """Add the ``install-desktop`` command to the subparsers ``commands``."""
    install = commands.add_parser(
        "install-desktop", help="add fikadesk to your desktop's application menu (Linux)")
    install.add_argument("--prefix", metavar="DIR",
                         help="install under DIR/share instead of your user data folder "
                         "(for example /usr/local)")
    check = commands.add_parser("self-check", help="check that this installation finds its resources "
                                "and can open a journal")
    check.add_argument("--gui", action="store_true", help="also open the window on a throw-away "
                       "journal and close it again")


def launcher_command() -> str:
    """The command a launcher should run to start this installation of fikadesk."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve())
    found = shutil.which("fikadesk")
    return str(Path(found).resolve()) if found else "fikadesk"


def run_install_desktop(args: argparse.Namespace, out: TextIO) -> int:
    """Install the desktop files and say where they went."""
    data_home = Path(args.prefix).expanduser().absolute() / "share" if args.prefix else default_data_home()
    written = install_desktop_files(resources_dir(), data_home, launcher_command())
    print(f"Installed {len(written)} files under {data_home}:", file=out)
    for path in written:
        print(f"  {path}", file=out)
    print("Your desktop may need a moment (or a new login) to show fikadesk in its menu.", file=out)
    return 0


def run_self_check_command(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``self-check`` (the window part, with ``--gui``, is run by the composition root)."""
    from fikadesk.self_check import run_self_check

    try:
        return run_self_check(resources_dir(), out)
    except FikadeskError as exc:  # a broken installation or scratch journal: exit 1
        print(f"self-check failed: {exc}", file=out)
        return 1


STANDALONE_COMMANDS = {"install-desktop": run_install_desktop, "self-check": run_self_check_command}
